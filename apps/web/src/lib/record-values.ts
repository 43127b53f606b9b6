// Between a form's values and the API's bodies, for every form: a date and a time box and the one
// instant they stand for, the contract's check with its issues named after the form's fields, and
// the PATCH that carries only what changed.
import type { FieldIssue } from '@dutyboard/contracts/errors';
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import { ApiError, isApiError } from './api-client.ts';
import {
  DATE_FORMAT,
  pickerDay,
  pickerTime,
  shanghaiInstant,
  shanghaiParts,
  TIME_FORMAT,
  todayInShanghai,
} from './dates.ts';
import { type FieldSpecs, issuesOf } from './form-issues.ts';
import type { Checked } from './use-dialog-submit.ts';

/** The time a record gets when its time box is left empty. */
export const DEFAULT_TIME = '09:00';

/** A record's date and time boxes as the pickers hold them. */
export interface WhenValues {
  date?: Dayjs | null;
  time?: Dayjs | null;
  /**
   * Held beside the boxes (a hidden form field, WhenFields) when the stored record knows only its
   * day (timeKnown false): an empty time box keeps it so. Drafts keep it too (form-draft.ts
   * `draft.when`), so a draft restored after an ended session still saves a date-only record.
   */
  dateOnly?: boolean;
}

/**
 * The boxes of an instant (Shanghai calendar day and clock time). A record that knows only its
 * day (an imported date-only row) gets an empty time box, to be filled in, not "00:00".
 */
export function whenOf(instant: string, timeKnown = true): { date: Dayjs; time: Dayjs | null; dateOnly?: true } {
  const { date, time } = shanghaiParts(instant);
  if (!timeKnown) return { date: pickerDay(date), time: null, dateOnly: true };
  return { date: pickerDay(date), time: pickerTime(time) };
}

/** Midnight: where a day without a known time is stored (the importer does the same). */
const DAY_START = '00:00';

/**
 * The body's timeKnown: false while a date-only record's time box stays empty; otherwise left
 * out, and the server takes a new instant from the form as a known time (api records/time-known.ts).
 */
export function timeKnownOf(values: WhenValues): { timeKnown?: false } {
  return values.dateOnly && !values.time ? { timeKnown: false } : {};
}

/** A PATCH that moves the instant says whether its time is known, when the form knows it is not. */
export function withTimeKnown<P extends object>(patch: P, input: object, instant: string): P {
  const timeKnown = (input as { timeKnown?: boolean }).timeKnown;
  return instant in patch && timeKnown !== undefined ? { ...patch, timeKnown } : patch;
}

/** The instant the boxes stand for; an empty time box is `fallbackTime` (null: no instant without one). */
export function instantOf(values: WhenValues, fallbackTime: string | null = DEFAULT_TIME): string | undefined {
  const time = values.time ? values.time.format(TIME_FORMAT) : values.dateOnly ? DAY_START : fallbackTime;
  return values.date && time ? shanghaiInstant(values.date.format(DATE_FORMAT), time) : undefined;
}

/** Which form field shows an API field's issue: an exact path ("rule.min") or its first part ("occurredAt"). */
export type IssueFields = Record<string, string>;

export function renameIssues(issues: FieldIssue[], fields: IssueFields): FieldIssue[] {
  return issues.map((issue) => {
    const field = fields[issue.field] ?? fields[issue.field.split('.')[0] ?? ''];
    return field ? { ...issue, field } : issue;
  });
}

/** A server refusal whose field issues are named after the form's fields. */
export function withFormFields(error: unknown, fields: IssueFields): unknown {
  if (!isApiError(error) || error.fields.length === 0) return error;
  return new ApiError(error.status, error.code, error.message, renameIssues(error.fields, fields));
}

/** `body` checked with the contract's own schema (the server runs the same one). */
export function checkBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  fields: IssueFields = {},
): Checked<z.output<S>> {
  const parsed = schema.safeParse(body);
  return parsed.success ? { input: parsed.data } : { issues: renameIssues(issuesOf(parsed.error), fields) };
}

const same = (a: unknown, b: unknown) =>
  (a ?? null) === (b ?? null) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sameInstant = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b);

/**
 * Only the fields of `input` that differ from the stored record (PATCH sends nothing else); a
 * missing optional value is sent as null. `instants` are compared as moments, not as text.
 */
export function changedFields<I extends object, K extends keyof I & string>(
  input: I,
  original: { [P in K]?: unknown },
  keys: readonly K[],
  instants: readonly K[] = [],
): Partial<I> {
  const patch: Partial<Record<K, unknown>> = {};
  for (const key of keys) {
    const next = input[key];
    const stored = original[key];
    if (instants.includes(key) ? sameInstant(next, stored) : same(next, stored)) continue;
    patch[key] = next ?? null;
  }
  return patch as Partial<I>;
}

/** A stored record's field as a form holds it: text the record may lack is '' (an empty box). */
type FormValue<T> = null extends T ? (NonNullable<T> extends string ? NonNullable<T> : T) : T;

/** The fields `keys` of a stored record as the form holds them (texts per `fields`: null → ''). */
export function formValuesOf<R extends object, K extends keyof R & string>(
  record: R,
  fields: Partial<FieldSpecs<string>>,
  keys: readonly K[],
): { [P in K]: FormValue<R[P]> } {
  const entries = keys.map((key) => [key, fields[key]?.text ? (record[key] ?? '') : record[key]]);
  return Object.fromEntries(entries) as { [P in K]: FormValue<R[P]> };
}

/**
 * The fields `keys` of a form as the API's body, still to be checked with the contract: texts
 * trimmed (an empty optional one is null), a missing required value left out, an optional one null.
 */
export function bodyOf<V extends object, K extends keyof V & string>(
  values: V,
  fields: Partial<FieldSpecs<string>>,
  keys: readonly K[],
): Record<K, unknown> {
  const entries = keys.map((key) => {
    const spec = fields[key];
    const value = values[key];
    if (spec?.text) {
      const text = typeof value === 'string' ? value.trim() : '';
      return [key, spec.required ? text : text || null];
    }
    return [key, value ?? (spec?.required ? undefined : null)];
  });
  return Object.fromEntries(entries) as Record<K, unknown>;
}

/** A new record's date and time: today (Shanghai) at `time`. */
export function todayAt(time = DEFAULT_TIME): { date: Dayjs; time: Dayjs } {
  return { date: pickerDay(todayInShanghai()), time: pickerTime(time) };
}

interface DatedRecordOptions<V, R, I> {
  /** The contract's create schema. */
  schema: z.ZodType<I>;
  fields: Partial<FieldSpecs<string>>;
  /** The fields the form holds as the API does. */
  keys: readonly (keyof V & keyof R & keyof I & string)[];
  /** The instant the date and time boxes stand for ("occurredAt"). */
  instant: keyof R & keyof I & string;
  /** The time of a day whose time box is empty (null: no instant without one). */
  fallbackTime?: string | null;
}

/**
 * The values ↔ body steps of a record dated by one instant: a fresh form, a stored record as
 * values, the body and its check (the instant's issues shown on the date), and the PATCH.
 */
export function datedRecordValues<V extends WhenValues & { orgId?: string }, R extends object, I extends object, P>(
  options: DatedRecordOptions<V, R, I>,
) {
  const { schema, fields, keys, instant, fallbackTime = DEFAULT_TIME } = options;
  const issueFields = { [instant]: 'date' };
  const toBody = (values: V) =>
    ({
      ...bodyOf(values, fields, keys),
      [instant]: instantOf(values, fallbackTime),
      ...timeKnownOf(values),
    }) as Record<keyof I, unknown>;
  return {
    /** A new record: today (Shanghai) at the default time, in the given org. */
    fresh: (orgId: string | undefined) => ({ orgId, ...todayAt() }) as V,
    toValues: (record: R) =>
      ({
        ...formValuesOf(record, fields, keys),
        ...whenOf(String(record[instant]), (record as { timeKnown?: boolean }).timeKnown !== false),
      }) as V,
    toBody,
    /** A server refusal whose field issues are named after the form's fields. */
    withFormFields: (error: unknown) => withFormFields(error, issueFields),
    check: (values: V): Checked<I> => checkBody(schema, toBody(values), issueFields) as Checked<I>,
    /** Only the fields that differ from the stored record (PATCH sends nothing else). */
    changes: (input: I, original: R) =>
      withTimeKnown(
        changedFields(input, original as { [K in keyof I & string]?: unknown }, [...keys, instant], [instant]),
        input,
        instant,
      ) as P,
  };
}
