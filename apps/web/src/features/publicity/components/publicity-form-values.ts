// What the publicity form holds, how it becomes the API's body, and how validation issues (from
// the contract schema in the browser or from a 400 of the server) are named after form fields.
import {
  type CreatePublicityInput,
  CreatePublicityInputSchema,
  type PublicityItem,
  type PublicityLevel,
  type UpdatePublicityInput,
} from '@dutyboard/contracts/publicity';
import { pickerDay, pickerTime, todayInShanghai } from '../../../lib/dates.ts';
import {
  changedFields,
  checkBody,
  DEFAULT_TIME,
  instantOf,
  withFormFields as renamed,
  type WhenValues,
  whenOf,
} from '../../../lib/record-values.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';
import { formFields } from '../../../lib/zod-rules.ts';

export interface PublicityFormValues extends WhenValues {
  orgId?: string;
  outlet?: string;
  level?: PublicityLevel;
  title?: string;
  url?: string;
}

export const PUBLICITY_FIELDS = formFields(CreatePublicityInputSchema, {
  orgId: 'publicity.field.orgId',
  outlet: 'publicity.field.outlet',
  level: 'publicity.field.level',
  title: 'publicity.field.title',
  date: { label: 'publicity.field.date', from: 'publishedAt' },
  time: { label: 'publicity.field.time', choose: true },
  url: { label: 'publicity.field.url', format: 'publicity.urlFormat' },
});

/** The API names the instant publishedAt; the form shows it as a date (and a time). */
const ISSUE_FIELDS = { publishedAt: 'date' };

/** A new report: today (Shanghai) at 09:00, in the given org. */
export function newPublicityValues(orgId: string | undefined): PublicityFormValues {
  return { orgId, date: pickerDay(todayInShanghai()), time: pickerTime(DEFAULT_TIME) };
}

export function publicityToValues(item: PublicityItem): PublicityFormValues {
  return {
    orgId: item.orgId,
    outlet: item.outlet,
    level: item.level,
    title: item.title,
    ...whenOf(item.publishedAt),
    url: item.url ?? '',
  };
}

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: PublicityFormValues): Record<keyof CreatePublicityInput, unknown> {
  return {
    orgId: values.orgId,
    outlet: values.outlet?.trim() ?? '',
    level: values.level,
    title: values.title?.trim() ?? '',
    url: values.url?.trim() || null,
    publishedAt: instantOf(values),
  };
}

/** A server refusal whose field issues are named after the form's fields. */
export const withFormFields = (error: unknown) => renamed(error, ISSUE_FIELDS);

/** Checks the form's values with the contract's own schema (the server runs the same one). */
export function checkPublicityValues(values: PublicityFormValues): Checked<CreatePublicityInput> {
  return checkBody(CreatePublicityInputSchema, valuesToInput(values), ISSUE_FIELDS);
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedPublicityFields(input: CreatePublicityInput, original: PublicityItem): UpdatePublicityInput {
  const keys = ['orgId', 'outlet', 'level', 'title', 'url', 'publishedAt'] as const;
  return changedFields(input, original, keys, ['publishedAt']);
}
