// What the activity form holds, how it becomes the API's body, and how validation issues (from
// the contract schema in the browser or from a 400 of the server) are named after form fields.
import {
  type Activity,
  type ActivityCategory,
  type CreateActivityInput,
  CreateActivityInputSchema,
  type UpdateActivityInput,
} from '@dutyboard/contracts/activities';
import { datedRecordValues, type WhenValues } from '../../../lib/record-values.ts';
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

export const {
  fresh: newActivityValues,
  toValues: activityToValues,
  /** The create body the form describes; still to be checked with the contract schema. */
  toBody: valuesToInput,
  withFormFields,
  /** Checks the form's values with the contract's own schema (the server runs the same one). */
  check: checkActivityValues,
  changes: changedActivityFields,
} = datedRecordValues<ActivityFormValues, Activity, CreateActivityInput, UpdateActivityInput>({
  schema: CreateActivityInputSchema,
  fields: ACTIVITY_FIELDS,
  keys: ['orgId', 'category', 'title', 'participants', 'location', 'description'],
  instant: 'occurredAt',
});
