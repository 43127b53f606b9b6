// What the user typed survives a failed save even when the failure is an ended session: the
// values are kept in this tab's sessionStorage when Save is pressed, restored when the form opens
// again (after signing back in), and dropped once the save succeeds. Keyed by user, so another
// account signing in on the same tab never sees them; sign-out clears them all.
import { STUDY_KINDS, STUDY_TOPICS, type StudyKind, type StudyTopic } from '@dutyboard/contracts/study-sessions';
import { DATE_FORMAT, isLocalDate, pickerDay, pickerTime, TIME_FORMAT } from '../../../lib/dates.ts';
import type { AbsenteeRow, StudyFormValues } from './study-form-values.ts';

const DRAFT_PREFIX = 'dutyboard.draft.study.';

export function draftKey(userId: string, sessionId?: string): string {
  return `${DRAFT_PREFIX}${userId}.${sessionId ?? 'new'}`;
}

export function saveDraft(key: string, values: StudyFormValues): void {
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
const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);

function rows(value: unknown): AbsenteeRow[] {
  if (!Array.isArray(value)) return [];
  return value.map((row: unknown) => {
    const r = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
    return { name: text(r.name) ?? '', reason: text(r.reason) ?? '' };
  });
}

export function loadDraft(key: string): StudyFormValues | null {
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
    kind: STUDY_KINDS.includes(d.kind as StudyKind) ? (d.kind as StudyKind) : undefined,
    topicCategory: STUDY_TOPICS.includes(d.topicCategory as StudyTopic) ? (d.topicCategory as StudyTopic) : 'OTHER',
    topic: text(d.topic),
    date: isLocalDate(date) ? pickerDay(date) : null,
    time: time && /^\d{2}:\d{2}$/.test(time) ? pickerTime(time) : null,
    host: text(d.host),
    expectedAttendance: count(d.expectedAttendance),
    actualAttendance: count(d.actualAttendance),
    absentees: rows(d.absentees),
    materials: text(d.materials),
    minutes: text(d.minutes),
  };
}
