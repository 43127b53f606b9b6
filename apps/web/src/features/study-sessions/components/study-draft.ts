// Unsaved study session form values, kept per user in this tab's sessionStorage (see
// lib/form-draft.ts).
import { ROSTER_ROLES, ROSTER_STATUSES, STUDY_KINDS, STUDY_TOPICS } from '@dutyboard/contracts/study-sessions';
import { type DraftField, draft, recordDraft } from '../../../lib/form-draft.ts';
import type { AbsenteeRow, RosterRow, StudyFormValues } from './study-form-values.ts';

const count: DraftField<number | null> = {
  load: (value) => (typeof value === 'number' && Number.isInteger(value) ? value : null),
};

const rows: DraftField<AbsenteeRow[]> = {
  load: (value) =>
    Array.isArray(value)
      ? value.map((row: unknown) => {
          const r = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
          return { name: draft.text.load(r.name) ?? '', reason: draft.text.load(r.reason) ?? '' };
        })
      : [],
};

const role = draft.choice(ROSTER_ROLES);
const status = draft.choice(ROSTER_STATUSES);
const members: DraftField<RosterRow[]> = {
  load: (value) =>
    Array.isArray(value)
      ? value.map((row: unknown) => {
          const r = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
          return {
            name: draft.text.load(r.name) ?? '',
            role: role.load(r.role) ?? 'MEMBER',
            status: status.load(r.status) ?? 'PRESENT',
            reason: draft.text.load(r.reason) ?? '',
            outline: draft.text.load(r.outline) ?? '',
          };
        })
      : [],
};

const topic = draft.choice(STUDY_TOPICS);

export const studyDraft = recordDraft<StudyFormValues>('study', {
  orgId: draft.text,
  kind: draft.choice(STUDY_KINDS),
  topicCategory: { load: (value) => topic.load(value) ?? 'OTHER' },
  topic: draft.text,
  ...draft.when,
  host: draft.text,
  expectedAttendance: count,
  actualAttendance: count,
  absentees: rows,
  roster: members,
  materials: draft.text,
  minutes: draft.text,
});
