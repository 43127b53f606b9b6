// The reporting clock as a tag: the time left (counting down while the page is open), "已超时"
// once past due, and after 报送 whether it was on time. Same rule as the server (alertClock).
import { alertClock, alertNeedsUrging, type RiskAlert } from '@dutyboard/contracts/risk-alerts';
import { Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';

/** 150 → "2 小时 30 分"; 3000 → "2 天 2 小时"; 45 → "45 分钟". */
export function durationText(minutes: number, t: Translate): string {
  const m = Math.max(0, minutes);
  if (m < 60) return t('riskAlerts.duration.minutes', { m });
  if (m < 24 * 60) return t('riskAlerts.duration.hours', { h: Math.floor(m / 60), m: m % 60 });
  return t('riskAlerts.duration.days', { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
}

type ClockFields = Pick<RiskAlert, 'reportDueAt' | 'reportedAt' | 'state' | 'lastEventAt'>;

/** The clock and 催办 as of `now` (the answer's own values were as of when it was fetched). */
export function liveFlags(alert: ClockFields, now: Date) {
  return { clock: alertClock(alert, now), needsUrging: alertNeedsUrging(alert, now) };
}

export function AlertClockTag({ alert, now }: { alert: ClockFields; now: Date }) {
  const { t } = useI18n();
  const { clock } = liveFlags(alert, now);
  let color: string;
  let text: string;
  if (clock.reportedLate !== null) {
    color = clock.reportedLate ? 'red' : 'green';
    text = t(clock.reportedLate ? 'riskAlerts.clock.late' : 'riskAlerts.clock.onTime');
  } else if (clock.overdue) {
    color = 'red';
    text = t('riskAlerts.clock.overdue');
  } else {
    const left = clock.remainingMinutes ?? 0;
    color = left < 60 ? 'orange' : 'blue';
    text = t('riskAlerts.clock.remaining', { time: durationText(left, t) });
  }
  return (
    <Tooltip title={t('riskAlerts.clock.dueAt', { time: formatDateTime(clock.dueAt) })}>
      <Tag color={color} style={{ marginInlineEnd: 0 }} data-testid="alert-clock" data-overdue={clock.overdue}>
        {text}
      </Tag>
    </Tooltip>
  );
}
