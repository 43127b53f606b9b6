// What the study-session form holds, how it becomes the API's body, and how validation issues
// (from the contract schema in the browser, or from a 400 of the server) land on the form's
// fields — the absentee rows included ("absentees.2.reason" → that row's reason box).
import type { FieldIssue } from '@dutyboard/contracts/errors';
import {
  AbsenteeSchema,
  type CreateStudySessionInput,
  CreateStudySessionInputSchema,
  type RosterMember,
  RosterMemberInputSchema,
  type RosterRole,
  type RosterStatus,
  rosterAllowed,
  type StudyKind,
  type StudySession,
  type StudyTopic,
  type UpdateStudySessionInput,
} from '@dutyboard/contracts/study-sessions';
import type { FormInstance } from 'antd';
import { isApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { type FieldSpec, fieldIssueText, issuesOf } from '../../../lib/form-issues.ts';
import type { Lang, Translate } from '../../../lib/i18n.ts';
import {
  bodyOf,
  changedFields as changed,
  DEFAULT_TIME,
  formValuesOf,
  instantOf,
  timeKnownOf,
  type WhenValues,
  whenOf,
  withTimeKnown,
} from '../../../lib/record-values.ts';
import { formFields } from '../../../lib/zod-rules.ts';

export interface AbsenteeRow {
  name?: string;
  reason?: string;
}

/** One roster row as the form holds it (ADR 051); a 补学 is recorded on the detail page. */
export interface RosterRow {
  name?: string;
  role?: RosterRole;
  status?: RosterStatus;
  reason?: string;
  outline?: string;
}

export interface StudyFormValues extends WhenValues {
  orgId?: string;
  kind?: StudyKind;
  topicCategory?: StudyTopic;
  topic?: string;
  host?: string;
  expectedAttendance?: number | null;
  actualAttendance?: number | null;
  absentees?: AbsenteeRow[];
  roster?: RosterRow[];
  materials?: string;
  minutes?: string;
}

/** The fields a person fills in (dateOnly is a hidden flag beside the date, record-values.ts). */
export type StudyFormField = Exclude<keyof StudyFormValues, 'dateOnly'>;

export const FIELDS = {
  ...formFields(CreateStudySessionInputSchema, { orgId: 'studySessions.form.org' }),
  ...formFields(
    CreateStudySessionInputSchema,
    'studySessions.form',
    [
      'kind',
      'topicCategory',
      'topic',
      'date',
      'time',
      'host',
      'expectedAttendance',
      'actualAttendance',
      'absentees',
      'roster',
      'materials',
      'minutes',
    ],
    {
      date: { from: 'occurredAt' },
      time: { choose: true },
      actualAttendance: { custom: 'studySessions.rule.actual' },
      absentees: { custom: 'studySessions.rule.absentees' },
    },
  ),
};

export const ROSTER_FIELDS = formFields(RosterMemberInputSchema, {
  name: 'studySessions.rosterNameShort',
  role: 'studySessions.rosterRoleShort',
  status: 'studySessions.rosterStatusShort',
  reason: 'studySessions.rosterReasonShort',
  outline: 'studySessions.rosterOutlineShort',
});

export const ABSENTEE_FIELDS = formFields(AbsenteeSchema, {
  name: 'studySessions.form.absenteeNameShort',
  reason: 'studySessions.form.absenteeReasonShort',
});

/** The fields the form holds as the API does (the instant and the absentee rows need more). */
const KEYS = [
  'orgId',
  'kind',
  'topicCategory',
  'topic',
  'host',
  'expectedAttendance',
  'actualAttendance',
  'materials',
  'minutes',
] as const;

/** A new record: now (Shanghai), in the given org, no topic category chosen beyond "other". */
export function newStudyValues(orgId: string | undefined, now = new Date()): StudyFormValues {
  return { orgId, topicCategory: 'OTHER', ...whenOf(now.toISOString()), absentees: [] };
}

export function studyToValues(session: StudySession): StudyFormValues {
  return {
    ...formValuesOf(session, FIELDS, KEYS),
    ...whenOf(session.occurredAt, session.timeKnown),
    absentees: session.absentees.map((a) => ({ ...a })),
    roster: (session.roster ?? []).map((m) => ({
      name: m.name,
      role: m.role,
      status: m.status,
      reason: m.reason ?? '',
      outline: m.outline ?? '',
    })),
  };
}

const isBlankRosterRow = (row: RosterRow | undefined) => !row?.name?.trim();

/** The roster the form describes, when the session may keep one and a row is filled; else none. */
function rosterOf(values: StudyFormValues) {
  if (!values.kind || !rosterAllowed(values.kind, values.topicCategory)) return undefined;
  const rows = (values.roster ?? []).filter((row) => !isBlankRosterRow(row));
  if (rows.length === 0) return undefined;
  return rows.map((row) => ({
    name: row.name?.trim() ?? '',
    role: row.role ?? 'MEMBER',
    status: row.status ?? 'PRESENT',
    reason: row.status === 'PRESENT' ? null : row.reason?.trim() || null,
    outline: row.status === 'PRESENT' ? row.outline?.trim() || null : null,
  }));
}

const isBlankRow = (row: AbsenteeRow | undefined) => !row?.name?.trim() && !row?.reason?.trim();

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: StudyFormValues): Record<keyof CreateStudySessionInput, unknown> {
  const roster = rosterOf(values);
  const body = {
    ...bodyOf(values, FIELDS, KEYS),
    topicCategory: values.topicCategory ?? 'OTHER',
    occurredAt: instantOf(values, DEFAULT_TIME),
    timeKnown: timeKnownOf(values).timeKnown,
    absentees: (values.absentees ?? [])
      .filter((row) => !isBlankRow(row))
      .map((row) => ({ name: row.name?.trim() ?? '', reason: row.reason?.trim() ?? '' })),
    roster,
  };
  // With a roster the counts and absentees follow from it (the server derives them): none are sent.
  return roster ? { ...body, expectedAttendance: undefined, actualAttendance: undefined, absentees: undefined } : body;
}

/** A form field path: a top-level field, or one box of one absentee or roster row. */
type RosterLeaf = 'name' | 'role' | 'status' | 'reason' | 'outline';
type FieldPath = StudyFormField | ['absentees', number, 'name' | 'reason'] | ['roster', number, RosterLeaf];

/** Where an API field's issue is shown (occurredAt is typed as a date and a time), or null. */
export function formPathOf(apiField: string): { path: FieldPath; spec: FieldSpec } | null {
  const [head = '', index, leaf] = apiField.split('.');
  if (head === 'absentees' && index !== undefined) {
    if ((leaf === 'name' || leaf === 'reason') && /^\d+$/.test(index)) {
      return { path: ['absentees', Number(index), leaf], spec: ABSENTEE_FIELDS[leaf] };
    }
    return null;
  }
  if (head === 'roster' && index !== undefined && /^\d+$/.test(index) && leaf && Object.hasOwn(ROSTER_FIELDS, leaf)) {
    return { path: ['roster', Number(index), leaf as RosterLeaf], spec: ROSTER_FIELDS[leaf as RosterLeaf] };
  }
  if (head === 'occurredAt') return { path: 'date', spec: FIELDS.date };
  return Object.hasOwn(FIELDS, head) ? { path: head as StudyFormField, spec: FIELDS[head as StudyFormField] } : null;
}

/**
 * Puts issues on their fields (every typed value stays) and scrolls to the first. Returns the
 * issues no field shows, as text for the form-level alert.
 */
export function showIssues(
  form: FormInstance<StudyFormValues>,
  issues: FieldIssue[],
  t: Translate,
  lang: Lang,
): string[] {
  const byPath = new Map<string, { path: FieldPath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const target = formPathOf(issue.field);
    if (!target) {
      unplaced.push(issue.field ? `${issue.field}: ${issue.message}` : issue.message);
      continue;
    }
    const key = JSON.stringify(target.path);
    const entry = byPath.get(key) ?? { path: target.path, errors: [] };
    entry.errors.push(fieldIssueText(target.spec, issue, t, lang));
    byPath.set(key, entry);
  }
  const entries = [...byPath.values()];
  form.setFields(entries.map(({ path, errors }) => ({ name: path, errors: [...new Set(errors)] })));
  const first = entries[0];
  if (first) form.scrollToField(first.path, { block: 'center' });
  return unplaced;
}

/**
 * Checks the form's values with the contract's own schema (the server runs the same one). Empty
 * absentee rows are dropped from the form first, so row numbers in issues match what is shown.
 */
export function checkValues(
  form: FormInstance<StudyFormValues>,
  values: StudyFormValues,
  t: Translate,
  lang: Lang,
): { input: CreateStudySessionInput } | { error: string | null } {
  const rows = values.absentees ?? [];
  const kept = rows.filter((row) => !isBlankRow(row));
  if (kept.length !== rows.length) form.setFieldValue('absentees', kept);
  const members = values.roster ?? [];
  const named = members.filter((row) => !isBlankRosterRow(row));
  if (named.length !== members.length) form.setFieldValue('roster', named);
  const parsed = CreateStudySessionInputSchema.safeParse(valuesToInput({ ...values, absentees: kept, roster: named }));
  if (parsed.success) return { input: parsed.data };
  const unplaced = showIssues(form, issuesOf(parsed.error), t, lang);
  return { error: unplaced.length > 0 ? unplaced.join('；') : null };
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedFields(input: CreateStudySessionInput, original: StudySession): UpdateStudySessionInput {
  const counted = input.roster ? [] : (['expectedAttendance', 'actualAttendance', 'absentees'] as const);
  const keys = [...KEYS.filter((k) => k !== 'expectedAttendance' && k !== 'actualAttendance'), ...counted];
  const patch = withTimeKnown(changed(input, original, [...keys, 'occurredAt'], ['occurredAt']), input, 'occurredAt');
  const roster = input.roster ? keptRoster(input.roster, original.roster ?? []) : null;
  if (JSON.stringify(roster) !== JSON.stringify(original.roster)) return { ...patch, roster };
  return patch;
}

/**
 * The roster as edited, in its stored shape, keeping what the form does not show: a member's
 * userId, and a 补学 already recorded (while the member is still marked away).
 */
function keptRoster(rows: NonNullable<CreateStudySessionInput['roster']>, stored: RosterMember[]): RosterMember[] {
  return rows.map((row) => {
    const before = stored.find((m) => m.name === row.name);
    const away = row.status !== 'PRESENT' && (row.role ?? 'MEMBER') === 'MEMBER';
    return {
      userId: before?.userId ?? row.userId ?? null,
      name: row.name,
      role: row.role ?? 'MEMBER',
      status: row.status,
      reason: row.reason || null,
      outline: row.outline || null,
      makeUp: away ? (before?.makeUp ?? null) : null,
    };
  });
}

/** A failed save: field errors go on the form; returns the sentence for the form-level alert. */
export function saveErrorText(form: FormInstance<StudyFormValues>, error: unknown, t: Translate, lang: Lang): string {
  if (isApiError(error) && error.fields.length > 0) {
    const unplaced = showIssues(form, error.fields, t, lang);
    return [errorText(error, lang, t), ...unplaced].join('；');
  }
  return errorText(error, lang, t);
}
