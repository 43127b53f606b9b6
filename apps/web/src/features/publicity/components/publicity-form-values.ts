// What the publicity form holds, how it becomes the API's body, and how validation issues (from
// the contract schema in the browser or from a 400 of the server) are named after form fields.
import type { FieldIssue } from '@dutyboard/contracts/errors';
import {
  type CreatePublicityInput,
  CreatePublicityInputSchema,
  PUBLICITY_OUTLET_MAX,
  PUBLICITY_TITLE_MAX,
  PUBLICITY_URL_MAX,
  type PublicityItem,
  type PublicityLevel,
  type UpdatePublicityInput,
} from '@dutyboard/contracts/publicity';
import type { Dayjs } from 'dayjs';
import { ApiError, isApiError } from '../../../lib/api-client.ts';
import {
  DATE_FORMAT,
  pickerDay,
  pickerTime,
  shanghaiInstant,
  shanghaiParts,
  TIME_FORMAT,
  todayInShanghai,
} from '../../../lib/dates.ts';
import type { FieldSpecs } from '../../../lib/form-issues.ts';
import { issuesOf } from '../../../lib/form-issues.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';

export interface PublicityFormValues {
  orgId?: string;
  outlet?: string;
  level?: PublicityLevel;
  title?: string;
  date?: Dayjs | null;
  time?: Dayjs | null;
  url?: string;
}

export type PublicityFormField = keyof PublicityFormValues;

export const DEFAULT_TIME = '09:00';

export const PUBLICITY_FIELDS: FieldSpecs<PublicityFormField> = {
  orgId: { label: 'publicity.field.orgId', choose: true },
  outlet: { label: 'publicity.field.outlet', max: PUBLICITY_OUTLET_MAX },
  level: { label: 'publicity.field.level', choose: true },
  title: { label: 'publicity.field.title', max: PUBLICITY_TITLE_MAX },
  date: { label: 'publicity.field.date', choose: true },
  time: { label: 'publicity.field.time', choose: true },
  url: { label: 'publicity.field.url', max: PUBLICITY_URL_MAX, format: 'publicity.urlFormat' },
};

/** A new report: today (Shanghai) at 09:00, in the given org. */
export function newPublicityValues(orgId: string | undefined): PublicityFormValues {
  return { orgId, date: pickerDay(todayInShanghai()), time: pickerTime(DEFAULT_TIME) };
}

export function publicityToValues(item: PublicityItem): PublicityFormValues {
  const { date, time } = shanghaiParts(item.publishedAt);
  return {
    orgId: item.orgId,
    outlet: item.outlet,
    level: item.level,
    title: item.title,
    date: pickerDay(date),
    time: pickerTime(time),
    url: item.url ?? '',
  };
}

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: PublicityFormValues): Record<keyof CreatePublicityInput, unknown> {
  const date = values.date ? values.date.format(DATE_FORMAT) : null;
  const time = values.time ? values.time.format(TIME_FORMAT) : DEFAULT_TIME;
  return {
    orgId: values.orgId,
    outlet: values.outlet?.trim() ?? '',
    level: values.level,
    title: values.title?.trim() ?? '',
    url: values.url?.trim() || null,
    publishedAt: date ? shanghaiInstant(date, time) : undefined,
  };
}

/** The API names the instant publishedAt; the form shows it as a date (and a time). */
function toFormField(field: string): string {
  return field.split('.')[0] === 'publishedAt' ? 'date' : field;
}

export function formIssues(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, field: toFormField(issue.field) }));
}

/** A server refusal whose field issues are named after the form's fields. */
export function withFormFields(error: unknown): unknown {
  if (!isApiError(error) || error.fields.length === 0) return error;
  return new ApiError(error.status, error.code, error.message, formIssues(error.fields));
}

/** Checks the form's values with the contract's own schema (the server runs the same one). */
export function checkPublicityValues(values: PublicityFormValues): Checked<CreatePublicityInput> {
  const parsed = CreatePublicityInputSchema.safeParse(valuesToInput(values));
  return parsed.success ? { input: parsed.data } : { issues: formIssues(issuesOf(parsed.error)) };
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedPublicityFields(input: CreatePublicityInput, original: PublicityItem): UpdatePublicityInput {
  const patch: UpdatePublicityInput = {};
  if (input.orgId !== original.orgId) patch.orgId = input.orgId;
  if (input.outlet !== original.outlet) patch.outlet = input.outlet;
  if (input.level !== original.level) patch.level = input.level;
  if (input.title !== original.title) patch.title = input.title;
  if ((input.url ?? null) !== original.url) patch.url = input.url ?? null;
  if (Date.parse(input.publishedAt) !== Date.parse(original.publishedAt)) patch.publishedAt = input.publishedAt;
  return patch;
}
