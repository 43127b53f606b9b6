// An open alert's reporting clock as the dashboard shows it. The answer's remainingMinutes is as
// of `generatedAt`; the page keeps counting from there, so a dashboard left open stays right.
import type { Translate } from '../../../lib/i18n.ts';

export type ClockView =
  | { kind: 'REMAINING'; minutes: number }
  | { kind: 'OVERDUE'; minutes: number }
  | { kind: 'REPORTED'; late: boolean };

export function clockView(
  alert: { remainingMinutes: number | null; overdue: boolean },
  generatedAt: string,
  now: Date,
): ClockView {
  // The clock stops at 报送; `overdue` then says whether it was reported late.
  if (alert.remainingMinutes === null) return { kind: 'REPORTED', late: alert.overdue };
  const elapsed = Math.max(0, Math.floor((now.getTime() - Date.parse(generatedAt)) / 60_000));
  const left = alert.remainingMinutes - elapsed;
  if (alert.overdue || left < 0) return { kind: 'OVERDUE', minutes: Math.max(0, -left) };
  return { kind: 'REMAINING', minutes: left };
}

/** 45 → "45 分钟"; 200 → "3 小时 20 分"; 120 → "2 小时"; 3000 → "2 天 2 小时". */
export function durationText(minutes: number, t: Translate): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return t('dashboard.duration.minutes', { m });
  if (m < 24 * 60) {
    const h = Math.floor(m / 60);
    return m % 60 ? t('dashboard.duration.hours', { h, m: m % 60 }) : t('dashboard.duration.wholeHours', { h });
  }
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return h ? t('dashboard.duration.days', { d, h }) : t('dashboard.duration.wholeDays', { d });
}

export function clockText(view: ClockView, t: Translate): string {
  switch (view.kind) {
    case 'REMAINING':
      return t('dashboard.clock.remaining', { time: durationText(view.minutes, t) });
    case 'OVERDUE':
      return t('dashboard.clock.overdue', { time: durationText(view.minutes, t) });
    case 'REPORTED':
      return t(view.late ? 'dashboard.clock.reportedLate' : 'dashboard.clock.reported');
  }
}
