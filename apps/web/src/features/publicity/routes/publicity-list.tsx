import { PlusOutlined } from '@ant-design/icons';
import { IdSchema } from '@dutyboard/contracts/common';
import { PublicityLevelSchema, PublicitySortSchema } from '@dutyboard/contracts/publicity';
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
import type { PublicityListFilter } from '../../../lib/query-keys.ts';
import { usePublicityList } from '../api/get-publicity-list.ts';
import { PublicityFilters } from '../components/publicity-filters.tsx';
import { PublicityTable } from '../components/publicity-table.tsx';

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): PublicityListFilter {
  const org = IdSchema.safeParse(params.get('org'));
  const level = PublicityLevelSchema.safeParse(params.get('level'));
  const sort = PublicitySortSchema.safeParse(params.get('sort'));
  const from = params.get('from');
  const to = params.get('to');
  return {
    org: org.success ? org.data : undefined,
    level: level.success ? level.data : undefined,
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    sort: sort.success ? sort.data : undefined,
  };
}

export function PublicityListRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const allowed = can(me, 'publicity:read');
  const canCreate = can(me, 'publicity:write');
  const orgs = useOrgs({ enabled: allowed });
  const list = usePublicityList(filter);
  if (!allowed) return <ForbiddenPage />;

  const orgChoices = orgs.data?.items ?? [];
  const showOrgFilter = hasScopeAll(me) || orgChoices.length > 1;
  const filtered = Boolean(filter.org || filter.level || filter.from || filter.to);

  const changeFilter = (patch: Partial<Record<keyof PublicityListFilter, string | undefined>>) => {
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
    for (const key of ['org', 'level', 'from', 'to']) next.delete(key);
    setParams(next);
  };

  const newButton = (testId: string) => (
    <Button
      type="primary"
      size="large"
      icon={<PlusOutlined />}
      data-testid={testId}
      onClick={() => void navigate(filter.org ? `/publicity/new?org=${filter.org}` : '/publicity/new')}
    >
      {t('publicity.new')}
    </Button>
  );

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid="publicity-empty"
      description={
        <Space orientation="vertical" size={0}>
          <span>{t('publicity.empty')}</span>
          {filtered && <Typography.Text type="secondary">{t('publicity.emptyFiltered')}</Typography.Text>}
        </Space>
      }
    >
      <Space wrap style={{ justifyContent: 'center' }}>
        {canCreate && newButton('publicity-new-empty')}
        {filtered && <Button onClick={clearFilters}>{t('publicity.clearFilters')}</Button>}
      </Space>
    </Empty>
  );

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <div className="db-page-head">
        <h1>{t('publicity.title')}</h1>
        {canCreate && newButton('publicity-new')}
      </div>
      <PublicityFilters
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
          <PublicityTable rows={rows} empty={empty} showOrg={orgChoices.length !== 1} />
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
                    {t('publicity.loadMore')}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('publicity.shown', { count: rows.length })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary" data-testid="publicity-all-loaded">
                  {t('publicity.allLoaded', { count: rows.length })}
                </Typography.Text>
              )}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
