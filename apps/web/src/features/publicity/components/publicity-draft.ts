// What the user typed survives a failed save even when the failure is an ended session: the
// values are kept in this tab's sessionStorage when Save is pressed, restored when the form opens
// again, and dropped once the save succeeds. Keyed by user; sign-out clears sessionStorage.
import { PUBLICITY_LEVELS, type PublicityLevel } from '@dutyboard/contracts/publicity';
import { DATE_FORMAT, isLocalDate, pickerDay, pickerTime, TIME_FORMAT } from '../../../lib/dates.ts';
import type { PublicityFormValues } from './publicity-form-values.ts';

const DRAFT_PREFIX = 'dutyboard.draft.publicity.';

export function publicityDraftKey(userId: string, itemId?: string): string {
  return `${DRAFT_PREFIX}${userId}.${itemId ?? 'new'}`;
}

export function savePublicityDraft(key: string, values: PublicityFormValues): void {
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

export function clearPublicityDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function loadPublicityDraft(key: string): PublicityFormValues | null {
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
    outlet: text(d.outlet),
    level: PUBLICITY_LEVELS.includes(d.level as PublicityLevel) ? (d.level as PublicityLevel) : undefined,
    title: text(d.title),
    date: isLocalDate(date) ? pickerDay(date) : null,
    time: time && /^\d{2}:\d{2}$/.test(time) ? pickerTime(time) : null,
    url: text(d.url),
  };
}
