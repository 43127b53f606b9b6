import { PlusOutlined } from '@ant-design/icons';
import { IdSchema } from '@dutyboard/contracts/common';
import {
  AlertLevelSchema,
  AlertStateSchema,
  RiskAlertDateFieldSchema,
  RiskAlertFlagSchema,
  RiskAlertSortSchema,
} from '@dutyboard/contracts/risk-alerts';
import { Alert, Button, Card, Empty, Space, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can, hasScopeAll } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { isLocalDate } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import type { RiskAlertListFilter } from '../../../lib/query-keys.ts';
import { useRiskAlerts } from '../api/get-risk-alerts.ts';
import { FILTER_KEYS, type FilterPatch, hasFilters, RiskAlertFilters } from '../components/risk-alert-filters.tsx';
import { RiskAlertTable } from '../components/risk-alert-table.tsx';

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): RiskAlertListFilter {
  const pick = <T,>(result: { success: boolean; data?: T }) => (result.success ? result.data : undefined);
  const from = params.get('from');
  const to = params.get('to');
  return {
    org: pick(IdSchema.safeParse(params.get('org'))),
    state: pick(AlertStateSchema.safeParse(params.get('state'))),
    level: pick(AlertLevelSchema.safeParse(params.get('level'))),
    flag: pick(RiskAlertFlagSchema.safeParse(params.get('flag'))),
    dateField: pick(RiskAlertDateFieldSchema.safeParse(params.get('dateField'))),
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    sort: pick(RiskAlertSortSchema.safeParse(params.get('sort'))),
  };
}

export function RiskAlertsListRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const allowed = can(me, 'alert:read');
  const canRegister = can(me, 'alert:register');
  const orgs = useOrgs({ enabled: allowed });
  const list = useRiskAlerts(filter);
  if (!allowed) return <ForbiddenPage />;

  const orgChoices = orgs.data?.items ?? [];
  const showOrgFilter = hasScopeAll(me) || orgChoices.length > 1;
  const filtered = hasFilters(filter);

  const changeFilter = (patch: FilterPatch) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const clearFilters = () => {
    const next = new URLSearchParams(params);
    // The sort order is a preference, not a filter: it stays.
    for (const key of FILTER_KEYS) next.delete(key);
    setParams(next);
  };

  const newButton = (testId: string) => (
    <Button
      type="primary"
      size="large"
      icon={<PlusOutlined />}
      data-testid={testId}
      onClick={() => void navigate(filter.org ? `/risk-alerts/new?org=${filter.org}` : '/risk-alerts/new')}
    >
      {t('riskAlerts.new')}
    </Button>
  );

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid="risk-alerts-empty"
      description={
        <Space orientation="vertical" size={0}>
          <span>{t('riskAlerts.empty')}</span>
          {filtered && <Typography.Text type="secondary">{t('riskAlerts.emptyFiltered')}</Typography.Text>}
        </Space>
      }
    >
      <Space wrap style={{ justifyContent: 'center' }}>
        {canRegister && !filtered && newButton('risk-alert-new-empty')}
        {filtered && <Button onClick={clearFilters}>{t('riskAlerts.clearFilters')}</Button>}
      </Space>
    </Empty>
  );

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <div className="db-page-head">
        <h1>{t('riskAlerts.title')}</h1>
        {canRegister && newButton('risk-alert-new')}
      </div>
      <RiskAlertFilters
        filter={filter}
        orgs={showOrgFilter ? orgChoices : null}
        orgsLoading={orgs.isPending}
        onChange={changeFilter}
        onClear={clearFilters}
      />
      {list.isPending ? (
        <PageLoading rows={8} />
      ) : list.isError && rows.length === 0 ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <RiskAlertTable rows={rows} empty={empty} showOrg={orgChoices.length !== 1} />
          {rows.length > 0 && (
            <div style={{ padding: 16, textAlign: 'center' }}>
              {list.isFetchNextPageError && (
                <Alert
                  type="warning"
                  showIcon
                  title={errorText(list.error, lang, t)}
                  style={{ marginBottom: 12, textAlign: 'left' }}
                />
              )}
              {list.hasNextPage ? (
                <Space orientation="vertical" size={4}>
                  <Button
                    size="large"
                    onClick={() => void list.fetchNextPage()}
                    loading={list.isFetchingNextPage}
                    data-testid="load-more"
                  >
                    {t('riskAlerts.loadMore')}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('riskAlerts.shown', { count: rows.length })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary" data-testid="risk-alerts-all-loaded">
                  {t('riskAlerts.allLoaded', { count: rows.length })}
                </Typography.Text>
              )}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
