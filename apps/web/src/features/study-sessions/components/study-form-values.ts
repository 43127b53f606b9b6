// What the study-session form holds, how it becomes the API's body, and how validation issues
// (from the contract schema in the browser, or from a 400 of the server) land on the form's
// fields — the absentee rows included ("absentees.2.reason" → that row's reason box).
import type { FieldIssue } from '@dutyboard/contracts/errors';
import {
  type CreateStudySessionInput,
  CreateStudySessionInputSchema,
  STUDY_ABSENTEE_NAME_MAX,
  STUDY_ABSENTEE_REASON_MAX,
  STUDY_ABSENTEES_MAX,
  STUDY_ATTENDANCE_MAX,
  STUDY_HOST_MAX,
  STUDY_MATERIALS_MAX,
  STUDY_MINUTES_MAX,
  STUDY_TOPIC_MAX,
  type StudyKind,
  type StudySession,
  type StudyTopic,
  type UpdateStudySessionInput,
} from '@dutyboard/contracts/study-sessions';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../../lib/api-client.ts';
import { DATE_FORMAT, pickerDay, pickerTime, shanghaiInstant, shanghaiParts, TIME_FORMAT } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { type FieldSpec, type FieldSpecs, fieldIssueText, issuesOf } from '../../../lib/form-issues.ts';
import type { Lang, Translate } from '../../../lib/i18n.ts';

export interface AbsenteeRow {
  name?: string;
  reason?: string;
}

export interface StudyFormValues {
  orgId?: string;
  kind?: StudyKind;
  topicCategory?: StudyTopic;
  topic?: string;
  date?: Dayjs | null;
  time?: Dayjs | null;
  host?: string;
  expectedAttendance?: number | null;
  actualAttendance?: number | null;
  absentees?: AbsenteeRow[];
  materials?: string;
  minutes?: string;
}

export type StudyFormField = keyof StudyFormValues;

/** Used when the time box is cleared. */
export const FALLBACK_TIME = '09:00';

export const FIELDS: FieldSpecs<StudyFormField> = {
  orgId: { label: 'studySessions.form.org', choose: true },
  kind: { label: 'studySessions.form.kind', choose: true },
  topicCategory: { label: 'studySessions.form.topicCategory', choose: true },
  topic: { label: 'studySessions.form.topic', max: STUDY_TOPIC_MAX },
  date: { label: 'studySessions.form.date', choose: true },
  time: { label: 'studySessions.form.time', choose: true },
  host: { label: 'studySessions.form.host', max: STUDY_HOST_MAX },
  expectedAttendance: {
    label: 'studySessions.form.expectedAttendance',
    number: true,
    min: 1,
    max: STUDY_ATTENDANCE_MAX,
  },
  actualAttendance: {
    label: 'studySessions.form.actualAttendance',
    number: true,
    min: 1,
    max: STUDY_ATTENDANCE_MAX,
    custom: 'studySessions.rule.actual',
  },
  absentees: {
    label: 'studySessions.form.absentees',
    number: true,
    max: STUDY_ABSENTEES_MAX,
    custom: 'studySessions.rule.absentees',
  },
  materials: { label: 'studySessions.form.materials', max: STUDY_MATERIALS_MAX },
  minutes: { label: 'studySessions.form.minutes', max: STUDY_MINUTES_MAX },
};

const ABSENTEE_FIELDS: Record<'name' | 'reason', FieldSpec> = {
  name: { label: 'studySessions.form.absenteeNameShort', max: STUDY_ABSENTEE_NAME_MAX },
  reason: { label: 'studySessions.form.absenteeReasonShort', max: STUDY_ABSENTEE_REASON_MAX },
};

/** A new record: now (Shanghai), in the given org, no topic category chosen beyond "other". */
export function newStudyValues(orgId: string | undefined, now = new Date()): StudyFormValues {
  const { date, time } = shanghaiParts(now.toISOString());
  return { orgId, topicCategory: 'OTHER', date: pickerDay(date), time: pickerTime(time), absentees: [] };
}

export function studyToValues(session: StudySession): StudyFormValues {
  const { date, time } = shanghaiParts(session.occurredAt);
  return {
    orgId: session.orgId,
    kind: session.kind,
    topicCategory: session.topicCategory,
    topic: session.topic,
    date: pickerDay(date),
    time: pickerTime(time),
    host: session.host ?? '',
    expectedAttendance: session.expectedAttendance,
    actualAttendance: session.actualAttendance,
    absentees: session.absentees.map((a) => ({ ...a })),
    materials: session.materials ?? '',
    minutes: session.minutes ?? '',
  };
}

const isBlankRow = (row: AbsenteeRow | undefined) => !row?.name?.trim() && !row?.reason?.trim();

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: StudyFormValues): Record<keyof CreateStudySessionInput, unknown> {
  const date = values.date ? values.date.format(DATE_FORMAT) : null;
  const time = values.time ? values.time.format(TIME_FORMAT) : FALLBACK_TIME;
  return {
    orgId: values.orgId,
    kind: values.kind,
    topicCategory: values.topicCategory ?? 'OTHER',
    topic: values.topic?.trim() ?? '',
    occurredAt: date ? shanghaiInstant(date, time) : undefined,
    host: values.host?.trim() || null,
    expectedAttendance: values.expectedAttendance ?? null,
    actualAttendance: values.actualAttendance ?? null,
    absentees: (values.absentees ?? [])
      .filter((row) => !isBlankRow(row))
      .map((row) => ({ name: row.name?.trim() ?? '', reason: row.reason?.trim() ?? '' })),
    materials: values.materials?.trim() || null,
    minutes: values.minutes?.trim() || null,
  };
}

/** A form field path: a top-level field, or one box of one absentee row. */
type FieldPath = StudyFormField | ['absentees', number, 'name' | 'reason'];

/** Where an API field's issue is shown (occurredAt is typed as a date and a time), or null. */
export function formPathOf(apiField: string): { path: FieldPath; spec: FieldSpec } | null {
  const [head = '', index, leaf] = apiField.split('.');
  if (head === 'absentees' && index !== undefined) {
    if ((leaf === 'name' || leaf === 'reason') && /^\d+$/.test(index)) {
      return { path: ['absentees', Number(index), leaf], spec: ABSENTEE_FIELDS[leaf] };
    }
    return null;
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
  const parsed = CreateStudySessionInputSchema.safeParse(valuesToInput({ ...values, absentees: kept }));
  if (parsed.success) return { input: parsed.data };
  const unplaced = showIssues(form, issuesOf(parsed.error), t, lang);
  return { error: unplaced.length > 0 ? unplaced.join('；') : null };
}

const sameText = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null);

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedFields(input: CreateStudySessionInput, original: StudySession): UpdateStudySessionInput {
  const patch: UpdateStudySessionInput = {};
  if (input.orgId !== original.orgId) patch.orgId = input.orgId;
  if (input.kind !== original.kind) patch.kind = input.kind;
  if ((input.topicCategory ?? 'OTHER') !== original.topicCategory) patch.topicCategory = input.topicCategory;
  if (input.topic !== original.topic) patch.topic = input.topic;
  if (Date.parse(input.occurredAt) !== Date.parse(original.occurredAt)) patch.occurredAt = input.occurredAt;
  if (!sameText(input.host, original.host)) patch.host = input.host ?? null;
  if ((input.expectedAttendance ?? null) !== original.expectedAttendance) {
    patch.expectedAttendance = input.expectedAttendance ?? null;
  }
  if ((input.actualAttendance ?? null) !== original.actualAttendance) {
    patch.actualAttendance = input.actualAttendance ?? null;
  }
  if (JSON.stringify(input.absentees ?? []) !== JSON.stringify(original.absentees)) {
    patch.absentees = input.absentees ?? [];
  }
  if (!sameText(input.materials, original.materials)) patch.materials = input.materials ?? null;
  if (!sameText(input.minutes, original.minutes)) patch.minutes = input.minutes ?? null;
  return patch;
}

/** A failed save: field errors go on the form; returns the sentence for the form-level alert. */
export function saveErrorText(form: FormInstance<StudyFormValues>, error: unknown, t: Translate, lang: Lang): string {
  if (isApiError(error) && error.fields.length > 0) {
    const unplaced = showIssues(form, error.fields, t, lang);
    return [errorText(error, lang, t), ...unplaced].join('；');
  }
  return errorText(error, lang, t);
}
