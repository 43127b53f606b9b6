// What the user typed survives a failed save even when the failure is an ended session: the
// values are kept in this tab's sessionStorage when Save is pressed, restored when the form opens
// again (after signing back in), and dropped once the save succeeds. Keyed by user, so another
// account signing in on the same tab never sees them; sign-out clears them all.
import { ACTIVITY_CATEGORIES, type ActivityCategory } from '@dutyboard/contracts/activities';
import { DATE_FORMAT, isLocalDate, pickerDay, pickerTime, TIME_FORMAT } from '../../../lib/dates.ts';
import type { ActivityFormValues } from './activity-form-values.ts';

export const DRAFT_PREFIX = 'dutyboard.draft.';

export function draftKey(userId: string, activityId?: string): string {
  return `${DRAFT_PREFIX}${userId}.${activityId ?? 'new'}`;
}

export function saveDraft(key: string, values: ActivityFormValues): void {
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

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function loadDraft(key: string): ActivityFormValues | null {
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
    category: ACTIVITY_CATEGORIES.includes(d.category as ActivityCategory)
      ? (d.category as ActivityCategory)
      : undefined,
    title: text(d.title),
    date: isLocalDate(date) ? pickerDay(date) : null,
    time: time && /^\d{2}:\d{2}$/.test(time) ? pickerTime(time) : null,
    participants: typeof d.participants === 'number' ? d.participants : null,
    location: text(d.location),
    description: text(d.description),
  };
}
