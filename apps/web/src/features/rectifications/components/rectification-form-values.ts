// What the rectification form holds, how it becomes the API's body, and how validation issues
// (from the contract schema in the browser or from a 400 of the server) land on form fields.
import {
  type CreateRectificationInput,
  CreateRectificationInputSchema,
  type Rectification,
  type RectificationSource,
  type UpdateRectificationInput,
} from '@dutyboard/contracts/rectifications';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, pickerDay } from '../../../lib/dates.ts';
import { bodyOf, changedFields, checkBody, formValuesOf } from '../../../lib/record-values.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';
import { formFields } from '../../../lib/zod-rules.ts';

/** Statuses a form may set; DONE is reached only by closing with evidence. */
export type EditableStatus = 'OPEN' | 'IN_PROGRESS';

export interface RectificationFormValues {
  orgId?: string;
  source?: RectificationSource;
  problem?: string;
  measure?: string;
  ownerName?: string;
  deadline?: Dayjs | null;
  alertId?: string | null;
  findingRef?: string;
  /** Edit form only. */
  status?: EditableStatus;
}

export const RECTIFICATION_FIELDS = formFields(
  CreateRectificationInputSchema,
  'rectifications.field',
  ['orgId', 'source', 'problem', 'measure', 'ownerName', 'deadline', 'alertId', 'findingRef', 'status'],
  { alertId: { custom: 'rectifications.alertRequired' }, findingRef: { custom: 'rectifications.findingRequired' } },
);

/** The fields the form holds as the API does (the day, the alert and the finding need more). */
const KEYS = ['orgId', 'source', 'problem', 'measure', 'ownerName'] as const;

/** A new rectification in the given org; `alertId` preselects an alert (from an alert's page). */
export function newRectificationValues(orgId: string | undefined, alertId?: string): RectificationFormValues {
  return alertId ? { orgId, source: 'ALERT', alertId } : { orgId, source: 'SELF_CHECK' };
}

export function rectificationToValues(item: Rectification): RectificationFormValues {
  return {
    ...formValuesOf(item, RECTIFICATION_FIELDS, KEYS),
    deadline: item.deadline ? pickerDay(item.deadline) : null,
    alertId: item.alertId,
    findingRef: item.findingRef ?? '',
    status: item.status === 'DONE' ? undefined : item.status,
  };
}

/**
 * The create body the form describes; still to be checked with the contract schema. The alert
 * belongs to the ALERT source and the finding to the AUDIT one: switching the source away drops it.
 */
export function valuesToInput(values: RectificationFormValues): Record<keyof CreateRectificationInput, unknown> {
  return {
    ...bodyOf(values, RECTIFICATION_FIELDS, KEYS),
    deadline: values.deadline ? values.deadline.format(DATE_FORMAT) : null,
    alertId: values.source === 'ALERT' ? (values.alertId ?? null) : null,
    findingRef: values.source === 'AUDIT' ? values.findingRef?.trim() || null : null,
  };
}

/** Checks the form's values with the contract's own schema (the server runs the same one). */
export function checkRectificationValues(values: RectificationFormValues): Checked<CreateRectificationInput> {
  return checkBody(CreateRectificationInputSchema, valuesToInput(values));
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedRectificationFields(
  input: CreateRectificationInput,
  status: EditableStatus | undefined,
  original: Rectification,
): UpdateRectificationInput {
  const patch: UpdateRectificationInput = changedFields(input, original, [
    ...KEYS,
    'deadline',
    'alertId',
    'findingRef',
  ]);
  if (status && status !== original.status) patch.status = status;
  return patch;
}
