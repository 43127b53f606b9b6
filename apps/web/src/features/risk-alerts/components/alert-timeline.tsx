// The alert's workflow as it happened: each step with who took it, when, the note and (for 报送)
// the receipt number, oldest first.
import type { RiskAlertEvent } from '@dutyboard/contracts/risk-alerts';
import { Empty, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { STATE_COLOR } from './alert-tags.tsx';

export function AlertTimeline({ events }: { events: RiskAlertEvent[] }) {
  const { t } = useI18n();
  if (events.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('riskAlerts.timelineEmpty')} />;
  }
  return (
    <Timeline
      style={{ marginTop: 8 }}
      data-testid="alert-timeline"
      items={events.map((event) => ({
        key: event.id,
        color: STATE_COLOR[event.toState] === 'default' ? 'gray' : STATE_COLOR[event.toState],
        content: (
          <div data-testid="alert-event" data-state={event.toState} style={{ minWidth: 0 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '2px 8px' }}>
              <Tag color={STATE_COLOR[event.toState]} style={{ marginInlineEnd: 0 }}>
                {t(`riskAlerts.event.${event.toState}`)}
              </Tag>
              <Typography.Text strong>{event.actorName ?? t('riskAlerts.system')}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {formatDateTime(event.at)}
              </Typography.Text>
            </div>
            {event.receiptNumber && (
              <div style={{ marginTop: 4, fontSize: 13 }} data-testid="alert-event-receipt">
                {t('riskAlerts.eventReceipt', { number: event.receiptNumber })}
              </div>
            )}
            {event.note && (
              <div
                style={{ marginTop: 4, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                data-testid="alert-event-note"
              >
                {event.note}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
