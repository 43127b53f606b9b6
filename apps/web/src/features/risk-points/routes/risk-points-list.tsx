import { PlusOutlined } from '@ant-design/icons';
import { IdSchema } from '@dutyboard/contracts/common';
import {
  RiskCheckStatusSchema,
  RiskLevelSchema,
  RiskPointSortSchema,
  RiskPointTypeSchema,
} from '@dutyboard/contracts/risk-points';
import { Alert, Button, Card, Empty, Space, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can, hasScopeAll } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import type { RiskPointListFilter } from '../../../lib/query-keys.ts';
import { useRiskPoints } from '../api/get-risk-points.ts';
import { RiskPointFilters } from '../components/risk-point-filters.tsx';
import { RiskPointTable } from '../components/risk-point-table.tsx';

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): RiskPointListFilter {
  const org = IdSchema.safeParse(params.get('org'));
  const type = RiskPointTypeSchema.safeParse(params.get('type'));
  const level = RiskLevelSchema.safeParse(params.get('level'));
  const checkStatus = RiskCheckStatusSchema.safeParse(params.get('checkStatus'));
  const sort = RiskPointSortSchema.safeParse(params.get('sort'));
  return {
    org: org.success ? org.data : undefined,
    type: type.success ? type.data : undefined,
    level: level.success ? level.data : undefined,
    checkStatus: checkStatus.success ? checkStatus.data : undefined,
    sort: sort.success ? sort.data : undefined,
  };
}

export function RiskPointsListRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const allowed = can(me, 'riskpoint:read');
  const canCreate = can(me, 'riskpoint:write');
  const orgs = useOrgs({ enabled: allowed });
  const list = useRiskPoints(filter);
  if (!allowed) return <ForbiddenPage />;

  const orgChoices = orgs.data?.items ?? [];
  const showOrgFilter = hasScopeAll(me) || orgChoices.length > 1;
  const filtered = Boolean(filter.org || filter.type || filter.level || filter.checkStatus);

  const changeFilter = (patch: Partial<Record<keyof RiskPointListFilter, string | undefined>>) => {
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
    for (const key of ['org', 'type', 'level', 'checkStatus']) next.delete(key);
    setParams(next);
  };

  const newButton = (testId: string) => (
    <Button
      type="primary"
      size="large"
      icon={<PlusOutlined />}
      data-testid={testId}
      onClick={() => void navigate(filter.org ? `/risk-points/new?org=${filter.org}` : '/risk-points/new')}
    >
      {t('riskPoints.new')}
    </Button>
  );

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid="risk-points-empty"
      description={
        <Space orientation="vertical" size={0}>
          <span>{t('riskPoints.empty')}</span>
          {filtered && <Typography.Text type="secondary">{t('riskPoints.emptyFiltered')}</Typography.Text>}
        </Space>
      }
    >
      <Space wrap style={{ justifyContent: 'center' }}>
        {canCreate && newButton('risk-point-new-empty')}
        {filtered && <Button onClick={clearFilters}>{t('riskPoints.clearFilters')}</Button>}
      </Space>
    </Empty>
  );

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <div className="db-page-head">
        <h1>{t('riskPoints.title')}</h1>
        {canCreate && newButton('risk-point-new')}
      </div>
      <RiskPointFilters
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
          <RiskPointTable rows={rows} empty={empty} showOrg={orgChoices.length !== 1} />
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
                    {t('riskPoints.loadMore')}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('riskPoints.shown', { count: rows.length })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary" data-testid="risk-points-all-loaded">
                  {t('riskPoints.allLoaded', { count: rows.length })}
                </Typography.Text>
              )}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
