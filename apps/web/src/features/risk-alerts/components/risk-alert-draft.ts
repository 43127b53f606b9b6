// What the user typed survives a failed save, even an ended session: the values are kept in this
// tab's sessionStorage when Save is pressed, restored when the form opens again, and dropped once
// the save succeeds. Keyed by user; sign-out clears them all (layout.tsx).
import { ALERT_LEVELS, type AlertLevel } from '@dutyboard/contracts/risk-alerts';
import { DATE_FORMAT, isLocalDate, pickerDay, pickerTime, TIME_FORMAT } from '../../../lib/dates.ts';
import type { RiskAlertFormValues } from './risk-alert-form-values.ts';

const DRAFT_PREFIX = 'dutyboard.draft.';

export function riskAlertDraftKey(userId: string, alertId?: string): string {
  return `${DRAFT_PREFIX}${userId}.risk-alert.${alertId ?? 'new'}`;
}

export function saveRiskAlertDraft(key: string, values: RiskAlertFormValues): void {
  try {
    sessionStorage.setItem(
      key,
      JSON.stringify({
        ...values,
        date: values.date ? values.date.format(DATE_FORMAT) : null,
        time: values.time ? values.time.format(TIME_FORMAT) : null,
      }),
    );
  } catch {
    // Storage unavailable: the form itself still keeps the values while the page stays.
  }
}

export function clearRiskAlertDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function loadRiskAlertDraft(key: string): RiskAlertFormValues | null {
  let raw: unknown;
  try {
    const stored = sessionStorage.getItem(key);
    raw = stored ? JSON.parse(stored) : null;
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const d = raw as Record<string, unknown>;
  const date = text(d.date) ?? null;
  const time = text(d.time);
  return {
    orgId: text(d.orgId),
    level: ALERT_LEVELS.includes(d.level as AlertLevel) ? (d.level as AlertLevel) : undefined,
    source: text(d.source),
    channel: text(d.channel),
    url: text(d.url),
    summary: text(d.summary),
    reach: typeof d.reach === 'number' ? d.reach : null,
    date: isLocalDate(date) ? pickerDay(date) : null,
    time: time && /^\d{2}:\d{2}$/.test(time) ? pickerTime(time) : null,
  };
}
