import { PlusOutlined } from '@ant-design/icons';
import { IdSchema } from '@dutyboard/contracts/common';
import {
  RectificationDateFieldSchema,
  RectificationSortSchema,
  RectificationSourceSchema,
  RectificationStatusSchema,
} from '@dutyboard/contracts/rectifications';
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
import type { RectificationListFilter } from '../../../lib/query-keys.ts';
import { useRectifications } from '../api/get-rectifications.ts';
import {
  FILTER_KEYS,
  type FilterPatch,
  isFiltered,
  RectificationFilters,
} from '../components/rectification-filters.tsx';
import { RectificationTable } from '../components/rectification-table.tsx';

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): RectificationListFilter {
  const org = IdSchema.safeParse(params.get('org'));
  const status = RectificationStatusSchema.safeParse(params.get('status'));
  const source = RectificationSourceSchema.safeParse(params.get('source'));
  const dateField = RectificationDateFieldSchema.safeParse(params.get('dateField'));
  const sort = RectificationSortSchema.safeParse(params.get('sort'));
  const overdue = params.get('overdue');
  const from = params.get('from');
  const to = params.get('to');
  return {
    org: org.success ? org.data : undefined,
    status: status.success ? status.data : undefined,
    source: source.success ? source.data : undefined,
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    dateField: dateField.success && dateField.data !== 'createdAt' ? dateField.data : undefined,
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    sort: sort.success ? sort.data : undefined,
  };
}

export function RectificationsListRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const allowed = can(me, 'rectification:read');
  const canCreate = can(me, 'rectification:write');
  const orgs = useOrgs({ enabled: allowed });
  const list = useRectifications(filter);
  if (!allowed) return <ForbiddenPage />;

  const orgChoices = orgs.data?.items ?? [];
  const showOrgFilter = hasScopeAll(me) || orgChoices.length > 1;
  const filtered = isFiltered(filter);

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
      onClick={() => void navigate(filter.org ? `/rectifications/new?org=${filter.org}` : '/rectifications/new')}
    >
      {t('rectifications.new')}
    </Button>
  );

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid="rectifications-empty"
      description={
        <Space orientation="vertical" size={0}>
          <span>{t('rectifications.empty')}</span>
          {filtered && <Typography.Text type="secondary">{t('rectifications.emptyFiltered')}</Typography.Text>}
        </Space>
      }
    >
      <Space wrap style={{ justifyContent: 'center' }}>
        {canCreate && newButton('rectification-new-empty')}
        {filtered && <Button onClick={clearFilters}>{t('rectifications.clearFilters')}</Button>}
      </Space>
    </Empty>
  );

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <div className="db-page-head">
        <h1>{t('rectifications.title')}</h1>
        {canCreate && newButton('rectification-new')}
      </div>
      <RectificationFilters
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
          <RectificationTable rows={rows} empty={empty} showOrg={orgChoices.length !== 1} />
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
                    {t('rectifications.loadMore')}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('rectifications.shown', { count: rows.length })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary" data-testid="rectifications-all-loaded">
                  {t('rectifications.allLoaded', { count: rows.length })}
                </Typography.Text>
              )}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
