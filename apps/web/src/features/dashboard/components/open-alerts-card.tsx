// Open alerts in the scope, the most urgent first, with their reporting clocks counting on while
// the page is open; each summary links to the alert, the card to the whole list.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { ALERT_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import type { AlertLevel } from '@dutyboard/contracts/risk-alerts';
import { Card, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';
import { useNow } from '../../../lib/use-now.ts';
import { type ClockView, clockText, clockView } from './alert-clock.ts';

type OpenAlert = Dashboard['openAlerts']['items'][number];

const LEVEL_COLOR: Record<AlertLevel, string> = {
  LEVEL_1: 'red',
  LEVEL_2: 'volcano',
  LEVEL_3: 'gold',
  LEVEL_4: 'blue',
};

function clockColor(view: ClockView): string {
  if (view.kind === 'OVERDUE') return 'red';
  if (view.kind === 'REPORTED') return view.late ? 'orange' : 'green';
  return view.minutes < 60 ? 'orange' : 'blue';
}

/** `ended`: a finished period's panel, which holds only the alerts registered by its end. */
export function OpenAlertsCard({
  openAlerts,
  generatedAt,
  ended = false,
}: {
  openAlerts: Dashboard['openAlerts'];
  generatedAt: string;
  ended?: boolean;
}) {
  const { t, nameOf } = useI18n();
  const now = useNow();
  const listHref = drillHref(openAlerts.drill);
  return (
    <Card
      size="small"
      data-testid="open-alerts"
      title={t(ended ? 'dashboard.alerts.titleEnded' : 'dashboard.alerts.title')}
      extra={
        listHref && openAlerts.total > 0 ? (
          <Link to={listHref} data-testid="open-alerts-all">
            {t('dashboard.alerts.viewAll', { total: openAlerts.total })}
          </Link>
        ) : null
      }
      style={{ height: '100%' }}
      styles={{ body: { padding: 0 } }}
    >
      <Table<OpenAlert>
        rowKey="id"
        size="small"
        dataSource={openAlerts.items}
        pagination={false}
        // An empty table has nothing to scroll to, and a scroll area with nothing focusable in it
        // cannot be scrolled from the keyboard (axe scrollable-region-focusable).
        scroll={openAlerts.items.length > 0 ? { x: 640 } : undefined}
        locale={{ emptyText: t(ended ? 'dashboard.alerts.emptyEnded' : 'dashboard.alerts.empty') }}
        onRow={(row) => ({ 'data-testid': 'open-alert', 'data-id': row.id }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'level',
            title: t('dashboard.alerts.colLevel'),
            dataIndex: 'level',
            width: 72,
            render: (level: AlertLevel) => (
              <Tag color={LEVEL_COLOR[level]} style={{ marginInlineEnd: 0 }}>
                {nameOf(ALERT_LEVEL_LABELS, level)}
              </Tag>
            ),
          },
          {
            key: 'summary',
            title: t('dashboard.alerts.colSummary'),
            dataIndex: 'summary',
            render: (summary: string, row) => (
              <Link to={`/risk-alerts/${row.id}`} className="db-dash-alert-summary" title={summary}>
                {summary}
              </Link>
            ),
          },
          {
            key: 'clock',
            title: t('dashboard.alerts.colClock'),
            width: 150,
            render: (_: unknown, row) => {
              const view = clockView(row, generatedAt, now);
              return (
                <Tag
                  color={clockColor(view)}
                  style={{ marginInlineEnd: 0 }}
                  data-testid="open-alert-clock"
                  data-kind={view.kind}
                  title={formatDateTime(row.reportDueAt)}
                >
                  {clockText(view, t)}
                </Tag>
              );
            },
          },
          { key: 'org', title: t('dashboard.alerts.colOrg'), dataIndex: 'orgName', width: 140, ellipsis: true },
          {
            key: 'registeredAt',
            title: t('dashboard.alerts.colRegistered'),
            dataIndex: 'registeredAt',
            width: 140,
            render: (at: string) => formatDateTime(at),
          },
        ]}
      />
      {openAlerts.total > openAlerts.items.length && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 12px' }}>
          {t('dashboard.alerts.more', { shown: openAlerts.items.length, total: openAlerts.total })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
