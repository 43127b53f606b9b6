import { PlusOutlined } from '@ant-design/icons';
import { IdSchema } from '@dutyboard/contracts/common';
import { StudyKindSchema, StudySessionSortSchema, StudyTopicSchema } from '@dutyboard/contracts/study-sessions';
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
import type { StudySessionListFilter } from '../../../lib/query-keys.ts';
import { useStudySessions } from '../api/get-study-sessions.ts';
import { type FilterPatch, StudyFilters } from '../components/study-filters.tsx';
import { StudyTable } from '../components/study-table.tsx';

const FILTER_KEYS = ['org', 'kind', 'topicCategory', 'from', 'to'] as const;

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): StudySessionListFilter {
  const org = IdSchema.safeParse(params.get('org'));
  const kind = StudyKindSchema.safeParse(params.get('kind'));
  const topicCategory = StudyTopicSchema.safeParse(params.get('topicCategory'));
  const sort = StudySessionSortSchema.safeParse(params.get('sort'));
  const from = params.get('from');
  const to = params.get('to');
  return {
    org: org.success ? org.data : undefined,
    kind: kind.success ? kind.data : undefined,
    topicCategory: topicCategory.success ? topicCategory.data : undefined,
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    sort: sort.success ? sort.data : undefined,
  };
}

export function StudySessionsListRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const allowed = can(me, 'study:read');
  const canCreate = can(me, 'study:write');
  const orgs = useOrgs({ enabled: allowed });
  const list = useStudySessions(filter, { enabled: allowed });
  if (!allowed) return <ForbiddenPage />;

  const orgChoices = orgs.data?.items ?? [];
  const showOrgFilter = hasScopeAll(me) || orgChoices.length > 1;
  const filtered = FILTER_KEYS.some((key) => Boolean(filter[key]));

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
      onClick={() => {
        const query = new URLSearchParams();
        if (filter.org) query.set('org', filter.org);
        if (filter.kind) query.set('kind', filter.kind);
        const search = query.toString();
        void navigate(search ? `/study-sessions/new?${search}` : '/study-sessions/new');
      }}
    >
      {t('studySessions.new')}
    </Button>
  );

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid="study-sessions-empty"
      description={
        <Space orientation="vertical" size={0}>
          <span>{t('studySessions.empty')}</span>
          {filtered && <Typography.Text type="secondary">{t('studySessions.emptyFiltered')}</Typography.Text>}
        </Space>
      }
    >
      <Space wrap style={{ justifyContent: 'center' }}>
        {canCreate && newButton('study-new-empty')}
        {filtered && <Button onClick={clearFilters}>{t('studySessions.clearFilters')}</Button>}
      </Space>
    </Empty>
  );

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <div className="db-page-head">
        <h1>{t('studySessions.title')}</h1>
        {canCreate && newButton('study-new')}
      </div>
      <StudyFilters
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
          <StudyTable rows={rows} empty={empty} showOrg={orgChoices.length !== 1} />
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
                    {t('studySessions.loadMore')}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('studySessions.shown', { count: rows.length })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary" data-testid="study-sessions-all-loaded">
                  {t('studySessions.allLoaded', { count: rows.length })}
                </Typography.Text>
              )}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
