// /event-approvals: the events in reach, newest start first, with state and flags. The figures
// EVENTS_UNAPPROVED and EVENTS_APPROVED drill here (flagged=true, approved=true, org, from, to).
import { EVENT_STATES, type EventState } from '@dutyboard/contracts/event-approvals';
import { EVENT_STATE_LABELS } from '@dutyboard/contracts/labels';
import { Button, List, Select, Space } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { ListTotal } from '../../../components/list-total.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { type EventListFilter, useEventList } from '../api/event-approvals.ts';
import { EventTags } from '../components/event-tags.tsx';

const FLAGS = ['flagged', 'approved', 'mine'] as const;
type Flag = (typeof FLAGS)[number];

function filterOf(params: URLSearchParams): EventListFilter {
  const filter: EventListFilter = {};
  const org = params.get('org');
  if (org) filter.org = org;
  const state = params.get('state');
  if (state && (EVENT_STATES as readonly string[]).includes(state)) filter.state = state as EventState;
  for (const key of ['from', 'to'] as const) {
    const day = params.get(key);
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) filter[key] = day;
  }
  if (params.get('flagged') === 'true') filter.flagged = 'true';
  if (params.get('approved') === 'true') filter.approved = 'true';
  if (params.get('mine') === 'true') filter.mine = 'true';
  return filter;
}

export function EventApprovalsListRoute() {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const list = useEventList(filter);
  if (!can(me, 'event:read')) return <ForbiddenPage />;

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const flag: Flag | undefined = FLAGS.find((f) => filter[f] === 'true');
  const setFlag = (value: Flag | undefined) => {
    const next = new URLSearchParams(params);
    for (const f of FLAGS) next.delete(f);
    if (value) next.set(value, 'true');
    setParams(next, { replace: true });
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;

  return (
    <div data-testid="event-approvals-page">
      <PageHead title={t('eventApprovals.title')} intro={t('eventApprovals.intro')}>
        <Space wrap>
          {can(me, 'plan:manage') && (
            <Link to="/event-approvals/rules" data-testid="event-rules-link">
              <Button>{t('eventApprovals.rules')}</Button>
            </Link>
          )}
          {can(me, 'event:write') && (
            <Link to="/event-approvals/new">
              <Button type="primary" data-testid="event-new">
                {t('eventApprovals.new')}
              </Button>
            </Link>
          )}
        </Space>
      </PageHead>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('eventApprovals.filterState')}
          style={{ minWidth: 140 }}
          allowClear
          placeholder={t('eventApprovals.allStates')}
          value={filter.state}
          onChange={(value?: string) => setParam('state', value)}
          options={EVENT_STATES.map((s) => ({ value: s, label: nameOf(EVENT_STATE_LABELS, s) }))}
          data-testid="event-filter-state"
        />
        <Select
          aria-label={t('eventApprovals.filterFlag')}
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t('eventApprovals.allFlags')}
          value={flag}
          onChange={(value?: Flag) => setFlag(value)}
          options={[
            { value: 'flagged', label: t('eventApprovals.flaggedOnly') },
            { value: 'approved', label: t('eventApprovals.approvedOnly') },
            { value: 'mine', label: t('eventApprovals.mineOnly') },
          ]}
          data-testid="event-filter-flag"
        />
        {params.size > 0 && (
          <Button onClick={() => setParams({}, { replace: true })}>{t('eventApprovals.clearFilters')}</Button>
        )}
      </Space>
      {list.isPending ? (
        <PageLoading rows={6} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <ListTotal total={total} />
          <List
            data-testid="event-list"
            dataSource={items}
            locale={{ emptyText: t('eventApprovals.empty') }}
            renderItem={(item) => (
              <List.Item key={item.id} data-testid="event-row">
                <div style={{ width: '100%' }}>
                  <Link to={`/event-approvals/${item.id}`} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                    {item.topic}
                  </Link>
                  <div className="db-row-meta">
                    <EventTags item={item} />
                    <span>{formatDateTime(item.startsAt)}</span>
                    <span>{item.orgName}</span>
                  </div>
                </div>
              </List.Item>
            )}
          />
          {list.hasNextPage && (
            <Button block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('eventApprovals.loadMore')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
