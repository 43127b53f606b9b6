// The header bell: how many things in the user's scope are overdue or about to be, and the list
// of them (a popover on wide screens, a drawer on phones), each leading to its record.
import { BellOutlined, ReloadOutlined } from '@ant-design/icons';
import { ALERT_LEVEL_LABELS, NOTIFICATION_KIND_LABELS } from '@dutyboard/contracts/labels';
import { NotificationListSchema, notificationOrder } from '@dutyboard/contracts/notifications';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Drawer, Empty, Grid, Popover, Skeleton, Tag, Typography } from 'antd';
import { type CSSProperties, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../lib/api-client.ts';
import { COLORS } from '../lib/colors.ts';
import { formatDateTime } from '../lib/dates.ts';
import { errorText } from '../lib/error-text.ts';
import type { Translate } from '../lib/i18n.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import { queryKeys } from '../lib/query-keys.ts';
import { notificationPath } from '../lib/record-links.ts';
import { useNow } from '../lib/use-now.ts';

const REFRESH_MS = 60_000;

export function getNotifications(signal?: AbortSignal) {
  return api.get('/api/notifications', { schema: NotificationListSchema, signal });
}

export function notificationsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) => getNotifications(signal),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
}

export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}

/** "已超期 3 小时" / "还剩 2 小时": whole minutes below an hour, hours below two days, then days. */
export function relativeDeadline(dueAt: string, now: number, t: Translate): { overdue: boolean; text: string } {
  const diff = Date.parse(dueAt) - now;
  const overdue = diff < 0;
  const minutes = Math.max(1, Math.floor(Math.abs(diff) / 60_000));
  const duration =
    minutes < 60
      ? t('records.duration.minutes', { n: minutes })
      : minutes < 48 * 60
        ? t('records.duration.hours', { n: Math.floor(minutes / 60) })
        : t('records.duration.days', { n: Math.floor(minutes / (24 * 60)) });
  return {
    overdue,
    text: t(overdue ? 'records.notifications.overdue' : 'records.notifications.remaining', { duration }),
  };
}

export function NotificationBell() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const count = notifications.data?.count ?? 0;

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    // Opening shows the list as it is now, not as it was at the last poll.
    if (next && Date.now() - notifications.dataUpdatedAt > 10_000) void notifications.refetch();
  };

  const button = (
    <Button
      type="text"
      icon={<BellOutlined style={{ fontSize: 20 }} />}
      aria-label={count > 0 ? t('records.notifications.openWithCount', { count }) : t('records.notifications.title')}
      aria-haspopup="dialog"
      aria-expanded={open}
      title={t('records.notifications.title')}
      data-testid="notification-bell"
      data-count={count}
      style={{ width: 44, height: 44 }}
      onClick={mobile ? () => onOpenChange(true) : undefined}
    />
  );
  const list = <NotificationList query={notifications} onNavigate={() => setOpen(false)} />;

  if (mobile) {
    return (
      <>
        <Badge count={count} overflowCount={99} size="small" offset={[-6, 8]}>
          {button}
        </Badge>
        <Drawer
          title={t('records.notifications.title')}
          placement="right"
          open={open}
          onClose={() => setOpen(false)}
          size={320}
          destroyOnHidden
          styles={{ body: { padding: '8px 16px' } }}
        >
          {list}
        </Drawer>
      </>
    );
  }
  return (
    <Badge count={count} overflowCount={99} size="small" offset={[-6, 8]}>
      <Popover
        trigger="click"
        placement="bottomRight"
        open={open}
        onOpenChange={onOpenChange}
        title={t('records.notifications.title')}
        content={<div style={{ width: 360, maxHeight: '60vh', overflowY: 'auto' }}>{list}</div>}
        destroyOnHidden
      >
        {button}
      </Popover>
    </Badge>
  );
}

const itemStyle: CSSProperties = {
  display: 'block',
  padding: '10px 4px',
  borderBottom: `1px solid ${COLORS.divider}`,
  color: 'inherit',
};

const GROUPS = [
  { severity: 'HIGH', label: 'records.notifications.high', color: 'red' },
  { severity: 'MEDIUM', label: 'records.notifications.medium', color: 'orange' },
] as const;

function NotificationList({
  query,
  onNavigate,
}: {
  query: ReturnType<typeof useNotifications>;
  onNavigate: () => void;
}) {
  const { t, lang, nameOf } = useI18n();
  const now = useNow().getTime();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (query.isError) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('records.notifications.loadFailed')}
        description={errorText(query.error, lang, t)}
        action={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const { items, count } = query.data;
  if (items.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('records.notifications.empty')}
        data-testid="notifications-empty"
      />
    );
  }

  return (
    <div data-testid="notification-list">
      {GROUPS.map((group) => {
        const members = items.filter((item) => item.severity === group.severity).sort(notificationOrder);
        if (members.length === 0) return null;
        return (
          <section key={group.severity} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary" strong style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
              {t(group.label)} ({members.length})
            </Typography.Text>
            {members.map((item) => {
              const deadline = item.dueAt ? relativeDeadline(item.dueAt, now, t) : null;
              return (
                <Link
                  key={`${item.kind}:${item.entityType}:${item.entityId}:${item.ref ?? ''}`}
                  to={notificationPath(item.entityType, item.entityId, item.ref)}
                  onClick={onNavigate}
                  style={itemStyle}
                  data-testid="notification-item"
                  data-kind={item.kind}
                  data-severity={item.severity}
                >
                  <Tag color={group.color} style={{ marginInlineEnd: 0 }}>
                    {nameOf(NOTIFICATION_KIND_LABELS, item.kind)}
                  </Tag>
                  {item.alertLevel && (
                    <Tag style={{ marginInlineStart: 4 }} data-testid="notification-alert-level">
                      {nameOf(ALERT_LEVEL_LABELS, item.alertLevel)}
                    </Tag>
                  )}
                  <div style={{ marginTop: 4, fontWeight: 500, overflowWrap: 'anywhere' }}>{item.title}</div>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {item.orgName}
                  </Typography.Text>
                  {item.dueAt && deadline ? (
                    <span
                      style={{
                        display: 'block',
                        fontSize: 12,
                        color: deadline.overdue ? COLORS.error : COLORS.warning,
                      }}
                      data-testid="notification-deadline"
                    >
                      {deadline.text} · {t('records.notifications.due', { time: formatDateTime(item.dueAt) })}
                    </span>
                  ) : (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('records.notifications.noDeadline')}
                    </Typography.Text>
                  )}
                </Link>
              );
            })}
          </section>
        );
      })}
      {count > items.length && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 8 }}>
          {t('records.notifications.truncated', { shown: items.length, count })}
        </Typography.Text>
      )}
    </div>
  );
}
