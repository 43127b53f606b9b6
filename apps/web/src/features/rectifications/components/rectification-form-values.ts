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
import { changedFields, checkBody } from '../../../lib/record-values.ts';
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

export const RECTIFICATION_FIELDS = formFields(CreateRectificationInputSchema, {
  orgId: 'rectifications.field.orgId',
  source: 'rectifications.field.source',
  problem: 'rectifications.field.problem',
  measure: 'rectifications.field.measure',
  ownerName: 'rectifications.field.ownerName',
  deadline: 'rectifications.field.deadline',
  alertId: { label: 'rectifications.field.alertId', custom: 'rectifications.alertRequired' },
  findingRef: { label: 'rectifications.field.findingRef', custom: 'rectifications.findingRequired' },
  status: 'rectifications.field.status',
});

/** A new rectification in the given org; `alertId` preselects an alert (from an alert's page). */
export function newRectificationValues(orgId: string | undefined, alertId?: string): RectificationFormValues {
  return alertId ? { orgId, source: 'ALERT', alertId } : { orgId, source: 'SELF_CHECK' };
}

export function rectificationToValues(item: Rectification): RectificationFormValues {
  return {
    orgId: item.orgId,
    source: item.source,
    problem: item.problem,
    measure: item.measure ?? '',
    ownerName: item.ownerName ?? '',
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
    orgId: values.orgId,
    source: values.source,
    problem: values.problem?.trim() ?? '',
    measure: values.measure?.trim() || null,
    ownerName: values.ownerName?.trim() || null,
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
  const keys = ['orgId', 'source', 'problem', 'measure', 'ownerName', 'deadline', 'alertId', 'findingRef'] as const;
  const patch: UpdateRectificationInput = changedFields(input, original, keys);
  if (status && status !== original.status) patch.status = status;
  return patch;
}
