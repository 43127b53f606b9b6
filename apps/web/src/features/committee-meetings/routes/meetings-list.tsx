// The 党工委 meetings of the user's reach, latest first: phone-first cards, a type filter.
import { PlusOutlined } from '@ant-design/icons';
import { MEETING_KINDS, type MeetingKind, MeetingKindSchema } from '@dutyboard/contracts/committee-meetings';
import { IdSchema } from '@dutyboard/contracts/common';
import { MEETING_KIND_LABELS } from '@dutyboard/contracts/labels';
import { LocalDateSchema } from '@dutyboard/contracts/periods';
import { Button, Card, Empty, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { ErrorState } from '../../../components/error-state.tsx';
import { ListTotal } from '../../../components/list-total.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { type MeetingListFilter, useMeetings } from '../api/meetings.ts';

export function MeetingsListRoute() {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  // The filter lives in the URL, so a figure's drill (kind, org, own, from, to) opens exactly its records.
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const kind = filter.kind;
  const setKind = (value: MeetingKind | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set('kind', value);
    else next.delete('kind');
    setParams(next, { replace: true });
  };
  const list = useMeetings(filter);
  const narrowed = Boolean(filter.org || filter.from || filter.to);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <PageHead title={t('meetings.title')} intro={t('meetings.intro')}>
        {can(me, 'meeting:write') && (
          <Link to="/committee-meetings/new">
            <Button type="primary" size="large" icon={<PlusOutlined />} data-testid="meeting-new">
              {t('meetings.new')}
            </Button>
          </Link>
        )}
      </PageHead>
      <Select
        aria-label={t('meetings.filterKind')}
        data-testid="meeting-kind-filter"
        allowClear
        placeholder={t('meetings.allKinds')}
        value={kind}
        onChange={(v: MeetingKind | undefined) => setKind(v)}
        options={MEETING_KINDS.map((k) => ({ value: k, label: nameOf(MEETING_KIND_LABELS, k) }))}
        style={{ maxWidth: 360 }}
      />
      {narrowed && (
        <Typography.Text type="secondary" data-testid="meeting-range">
          {[filter.from, filter.to].filter(Boolean).join(' ~ ')}{' '}
          <Link to="/committee-meetings">{t('meetings.clearFilters')}</Link>
        </Typography.Text>
      )}
      <ListTotal total={list.data?.pages[0]?.total} />
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty description={t('meetings.empty')} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="meetings-list">
          {items.map((m) => {
            const open = m.decisions.filter((d) => d.status === 'OPEN').length;
            return (
              <Card key={m.id} size="small" data-testid="meeting-card" data-id={m.id}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Link to={`/committee-meetings/${m.id}`} style={{ fontSize: 16, fontWeight: 600 }}>
                    {m.title}
                  </Link>
                  <Space wrap size={[8, 4]}>
                    <Tag color={m.kind === 'SPECIAL_STUDY' ? 'blue' : 'purple'}>
                      {nameOf(MEETING_KIND_LABELS, m.kind)}
                    </Tag>
                    <Typography.Text type="secondary">
                      {m.orgName} · {formatDateTime(m.heldAt)}
                    </Typography.Text>
                  </Space>
                  {m.decisions.length > 0 && (
                    <Typography.Text type="secondary">
                      {t('meetings.decisionCount', { count: m.decisions.length })}
                      {open > 0 && ` · ${t('meetings.openCount', { count: open })}`}
                    </Typography.Text>
                  )}
                </Space>
              </Card>
            );
          })}
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('meetings.loadMore')}
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}

const FilterSchema = z.object({
  org: IdSchema.optional().catch(undefined),
  own: z.literal('true').optional().catch(undefined),
  kind: MeetingKindSchema.optional().catch(undefined),
  from: LocalDateSchema.optional().catch(undefined),
  to: LocalDateSchema.optional().catch(undefined),
});

function filterFrom(params: URLSearchParams): MeetingListFilter {
  const read = (key: string) => params.get(key) ?? undefined;
  const parsed = FilterSchema.parse({
    org: read('org'),
    own: read('own'),
    kind: read('kind'),
    from: read('from'),
    to: read('to'),
  });
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as MeetingListFilter;
}
