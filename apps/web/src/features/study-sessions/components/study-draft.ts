// Unsaved study session form values, kept per user in this tab's sessionStorage (see
// lib/form-draft.ts).
import { STUDY_KINDS, STUDY_TOPICS } from '@dutyboard/contracts/study-sessions';
import {
  draftChoice,
  draftDay,
  draftStore,
  draftText,
  draftTime,
  storedDay,
  storedTime,
} from '../../../lib/form-draft.ts';
import type { AbsenteeRow, StudyFormValues } from './study-form-values.ts';

const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);

function rows(value: unknown): AbsenteeRow[] {
  if (!Array.isArray(value)) return [];
  return value.map((row: unknown) => {
    const r = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
    return { name: draftText(r.name) ?? '', reason: draftText(r.reason) ?? '' };
  });
}

export const studyDraft = draftStore<StudyFormValues>({
  key: (userId, recordId) => `dutyboard.draft.study.${userId}.${recordId}`,
  toStored: (values) => ({ ...values, date: storedDay(values.date), time: storedTime(values.time) }),
  fromStored: (d) => ({
    orgId: draftText(d.orgId),
    kind: draftChoice(STUDY_KINDS, d.kind),
    topicCategory: draftChoice(STUDY_TOPICS, d.topicCategory) ?? 'OTHER',
    topic: draftText(d.topic),
    date: draftDay(d.date),
    time: draftTime(d.time),
    host: draftText(d.host),
    expectedAttendance: count(d.expectedAttendance),
    actualAttendance: count(d.actualAttendance),
    absentees: rows(d.absentees),
    materials: draftText(d.materials),
    minutes: draftText(d.minutes),
  }),
});
