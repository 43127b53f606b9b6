// What the activity form holds, how it becomes the API's body, and how validation issues (from
// the contract schema in the browser or from a 400 of the server) are named after form fields.
import {
  type Activity,
  type ActivityCategory,
  type CreateActivityInput,
  CreateActivityInputSchema,
  type UpdateActivityInput,
} from '@dutyboard/contracts/activities';
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

export interface ActivityFormValues extends WhenValues {
  orgId?: string;
  category?: ActivityCategory;
  title?: string;
  participants?: number | null;
  location?: string;
  description?: string;
}

export const ACTIVITY_FIELDS = formFields(CreateActivityInputSchema, {
  orgId: 'form.org',
  category: 'form.category',
  title: 'activity.title',
  date: { label: 'form.date', from: 'occurredAt' },
  time: { label: 'form.time', choose: true },
  participants: 'form.participants',
  location: 'form.location',
  description: 'form.description',
});

/** The fields the form holds as the API does (the instant is a date and a time). */
const KEYS = ['orgId', 'category', 'title', 'participants', 'location', 'description'] as const;

/** The API names the instant occurredAt; the form shows it as a date (and a time). */
const ISSUE_FIELDS = { occurredAt: 'date' };

/** A new record: today (Shanghai) at 09:00, in the given org. */
export function newActivityValues(orgId: string | undefined): ActivityFormValues {
  return { orgId, ...todayAt() };
}

export function activityToValues(activity: Activity): ActivityFormValues {
  return { ...formValuesOf(activity, ACTIVITY_FIELDS, KEYS), ...whenOf(activity.occurredAt) };
}

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: ActivityFormValues): Record<keyof CreateActivityInput, unknown> {
  return { ...bodyOf(values, ACTIVITY_FIELDS, KEYS), occurredAt: instantOf(values) };
}

/** A server refusal whose field issues are named after the form's fields. */
export const withFormFields = (error: unknown) => renamed(error, ISSUE_FIELDS);

/** Checks the form's values with the contract's own schema (the server runs the same one). */
export function checkActivityValues(values: ActivityFormValues): Checked<CreateActivityInput> {
  return checkBody(CreateActivityInputSchema, valuesToInput(values), ISSUE_FIELDS);
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedActivityFields(input: CreateActivityInput, original: Activity): UpdateActivityInput {
  return changedFields(input, original, [...KEYS, 'occurredAt'], ['occurredAt']);
}
