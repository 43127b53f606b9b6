// What the activity form holds, how it becomes the API's body, and how validation issues (from
// the contract schema in the browser or from a 400 of the server) are named after form fields.
import {
  ACTIVITY_DESCRIPTION_MAX,
  ACTIVITY_LOCATION_MAX,
  ACTIVITY_PARTICIPANTS_MAX,
  ACTIVITY_TITLE_MAX,
  type Activity,
  type ActivityCategory,
  type CreateActivityInput,
  CreateActivityInputSchema,
  type UpdateActivityInput,
} from '@dutyboard/contracts/activities';
import type { FieldIssue } from '@dutyboard/contracts/errors';
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
import { type FieldSpecs, issuesOf } from '../../../lib/form-issues.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';

export interface ActivityFormValues {
  orgId?: string;
  category?: ActivityCategory;
  title?: string;
  date?: Dayjs | null;
  time?: Dayjs | null;
  participants?: number | null;
  location?: string;
  description?: string;
}

export type ActivityFormField = keyof ActivityFormValues;

export const DEFAULT_TIME = '09:00';

export const ACTIVITY_FIELDS: FieldSpecs<ActivityFormField> = {
  orgId: { label: 'form.org', choose: true },
  category: { label: 'form.category', choose: true },
  title: { label: 'activity.title', max: ACTIVITY_TITLE_MAX },
  date: { label: 'form.date', choose: true },
  time: { label: 'form.time', choose: true },
  participants: { label: 'form.participants', number: true, min: 1, max: ACTIVITY_PARTICIPANTS_MAX },
  location: { label: 'form.location', max: ACTIVITY_LOCATION_MAX },
  description: { label: 'form.description', max: ACTIVITY_DESCRIPTION_MAX },
};

/** A new record: today (Shanghai) at 09:00, in the given org. */
export function newActivityValues(orgId: string | undefined): ActivityFormValues {
  return { orgId, date: pickerDay(todayInShanghai()), time: pickerTime(DEFAULT_TIME) };
}

export function activityToValues(activity: Activity): ActivityFormValues {
  const { date, time } = shanghaiParts(activity.occurredAt);
  return {
    orgId: activity.orgId,
    category: activity.category,
    title: activity.title,
    date: pickerDay(date),
    time: pickerTime(time),
    participants: activity.participants,
    location: activity.location ?? '',
    description: activity.description ?? '',
  };
}

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: ActivityFormValues): Record<keyof CreateActivityInput, unknown> {
  const date = values.date ? values.date.format(DATE_FORMAT) : null;
  const time = values.time ? values.time.format(TIME_FORMAT) : DEFAULT_TIME;
  return {
    orgId: values.orgId,
    category: values.category,
    title: values.title?.trim() ?? '',
    occurredAt: date ? shanghaiInstant(date, time) : undefined,
    participants: values.participants ?? undefined,
    location: values.location?.trim() || null,
    description: values.description?.trim() || null,
  };
}

/** The API names the instant occurredAt; the form shows it as a date (and a time). */
function toFormField(field: string): string {
  return field.split('.')[0] === 'occurredAt' ? 'date' : field;
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
export function checkActivityValues(values: ActivityFormValues): Checked<CreateActivityInput> {
  const parsed = CreateActivityInputSchema.safeParse(valuesToInput(values));
  return parsed.success ? { input: parsed.data } : { issues: formIssues(issuesOf(parsed.error)) };
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedActivityFields(input: CreateActivityInput, original: Activity): UpdateActivityInput {
  const patch: UpdateActivityInput = {};
  if (input.orgId !== original.orgId) patch.orgId = input.orgId;
  if (input.category !== original.category) patch.category = input.category;
  if (input.title !== original.title) patch.title = input.title;
  if (Date.parse(input.occurredAt) !== Date.parse(original.occurredAt)) patch.occurredAt = input.occurredAt;
  if (input.participants !== original.participants) patch.participants = input.participants;
  if ((input.location ?? null) !== original.location) patch.location = input.location ?? null;
  if ((input.description ?? null) !== original.description) patch.description = input.description ?? null;
  return patch;
}
