// What the publicity form holds, how it becomes the API's body, and how validation issues (from
// the contract schema in the browser or from a 400 of the server) are named after form fields.
import {
  type CreatePublicityInput,
  CreatePublicityInputSchema,
  type PublicityItem,
  type PublicityLevel,
  type UpdatePublicityInput,
} from '@dutyboard/contracts/publicity';
import {
  bodyOf,
  changedFields,
  checkBody,
  formValuesOf,
  instantOf,
  withFormFields as renamed,
  todayAt,
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

export const PUBLICITY_FIELDS = formFields(
  CreatePublicityInputSchema,
  'publicity.field',
  ['orgId', 'outlet', 'level', 'title', 'date', 'time', 'url'],
  { date: { from: 'publishedAt' }, time: { choose: true }, url: { format: 'publicity.urlFormat' } },
);

/** The fields the form holds as the API does (the instant is a date and a time). */
const KEYS = ['orgId', 'outlet', 'level', 'title', 'url'] as const;

/** The API names the instant publishedAt; the form shows it as a date (and a time). */
const ISSUE_FIELDS = { publishedAt: 'date' };

/** A new report: today (Shanghai) at 09:00, in the given org. */
export function newPublicityValues(orgId: string | undefined): PublicityFormValues {
  return { orgId, ...todayAt() };
}

export function publicityToValues(item: PublicityItem): PublicityFormValues {
  return { ...formValuesOf(item, PUBLICITY_FIELDS, KEYS), ...whenOf(item.publishedAt) };
}

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: PublicityFormValues): Record<keyof CreatePublicityInput, unknown> {
  return { ...bodyOf(values, PUBLICITY_FIELDS, KEYS), publishedAt: instantOf(values) };
}

/** A server refusal whose field issues are named after the form's fields. */
export const withFormFields = (error: unknown) => renamed(error, ISSUE_FIELDS);

/** Checks the form's values with the contract's own schema (the server runs the same one). */
export function checkPublicityValues(values: PublicityFormValues): Checked<CreatePublicityInput> {
  return checkBody(CreatePublicityInputSchema, valuesToInput(values), ISSUE_FIELDS);
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedPublicityFields(input: CreatePublicityInput, original: PublicityItem): UpdatePublicityInput {
  return changedFields(input, original, [...KEYS, 'publishedAt'], ['publishedAt']);
}
