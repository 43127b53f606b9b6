// What the user typed survives a failed save even when the failure is an ended session: the
// values are kept in this tab's sessionStorage when Save is pressed, restored when the form opens
// again, and dropped once the save succeeds. Keyed by user; sign-out clears sessionStorage.
import {
  RECTIFICATION_EDITABLE_STATUSES,
  RECTIFICATION_SOURCES,
  type RectificationSource,
} from '@dutyboard/contracts/rectifications';
import { DATE_FORMAT, isLocalDate, pickerDay } from '../../../lib/dates.ts';
import type { EditableStatus, RectificationFormValues } from './rectification-form-values.ts';

const DRAFT_PREFIX = 'dutyboard.draft.rectification.';

export function rectificationDraftKey(userId: string, id?: string): string {
  return `${DRAFT_PREFIX}${userId}.${id ?? 'new'}`;
}

export function saveRectificationDraft(key: string, values: RectificationFormValues): void {
  try {
    sessionStorage.setItem(
      key,
      JSON.stringify({ ...values, deadline: values.deadline ? values.deadline.format(DATE_FORMAT) : null }),
    );
  } catch {
    // Storage unavailable: the form itself still keeps the values while the page stays.
  }
}

export function clearRectificationDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function loadRectificationDraft(key: string): RectificationFormValues | null {
  let raw: unknown;
  try {
    const stored = sessionStorage.getItem(key);
    raw = stored ? JSON.parse(stored) : null;
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const d = raw as Record<string, unknown>;
  const deadline = text(d.deadline) ?? null;
  return {
    orgId: text(d.orgId),
    source: RECTIFICATION_SOURCES.includes(d.source as RectificationSource)
      ? (d.source as RectificationSource)
      : undefined,
    problem: text(d.problem),
    measure: text(d.measure),
    ownerName: text(d.ownerName),
    deadline: isLocalDate(deadline) ? pickerDay(deadline) : null,
    alertId: text(d.alertId) ?? null,
    findingRef: text(d.findingRef),
    status: RECTIFICATION_EDITABLE_STATUSES.includes(d.status as EditableStatus)
      ? (d.status as EditableStatus)
      : undefined,
  };
}
