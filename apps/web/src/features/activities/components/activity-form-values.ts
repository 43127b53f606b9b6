// What the activity form holds, how it becomes the API's body, and how validation issues (from
// the contract schema in the browser or from a 400 of the server) are named after form fields.
import {
  type Activity,
  type ActivityCategory,
  type CreateActivityInput,
  CreateActivityInputSchema,
  type UpdateActivityInput,
} from '@dutyboard/contracts/activities';
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

/** The API names the instant occurredAt; the form shows it as a date (and a time). */
const ISSUE_FIELDS = { occurredAt: 'date' };

/** A new record: today (Shanghai) at 09:00, in the given org. */
export function newActivityValues(orgId: string | undefined): ActivityFormValues {
  return { orgId, date: pickerDay(todayInShanghai()), time: pickerTime(DEFAULT_TIME) };
}

export function activityToValues(activity: Activity): ActivityFormValues {
  return {
    orgId: activity.orgId,
    category: activity.category,
    title: activity.title,
    ...whenOf(activity.occurredAt),
    participants: activity.participants,
    location: activity.location ?? '',
    description: activity.description ?? '',
  };
}

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: ActivityFormValues): Record<keyof CreateActivityInput, unknown> {
  return {
    orgId: values.orgId,
    category: values.category,
    title: values.title?.trim() ?? '',
    occurredAt: instantOf(values),
    participants: values.participants ?? undefined,
    location: values.location?.trim() || null,
    description: values.description?.trim() || null,
  };
}

/** A server refusal whose field issues are named after the form's fields. */
export const withFormFields = (error: unknown) => renamed(error, ISSUE_FIELDS);

/** Checks the form's values with the contract's own schema (the server runs the same one). */
export function checkActivityValues(values: ActivityFormValues): Checked<CreateActivityInput> {
  return checkBody(CreateActivityInputSchema, valuesToInput(values), ISSUE_FIELDS);
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedActivityFields(input: CreateActivityInput, original: Activity): UpdateActivityInput {
  const keys = ['orgId', 'category', 'title', 'occurredAt', 'participants', 'location', 'description'] as const;
  return changedFields(input, original, keys, ['occurredAt']);
}
