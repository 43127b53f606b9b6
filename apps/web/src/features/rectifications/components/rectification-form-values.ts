// What the rectification form holds, how it becomes the API's body, and how validation issues
// (from the contract schema in the browser or from a 400 of the server) land on form fields.
import {
  type CreateRectificationInput,
  CreateRectificationInputSchema,
  RECTIFICATION_FINDING_REF_MAX,
  RECTIFICATION_MEASURE_MAX,
  RECTIFICATION_OWNER_MAX,
  RECTIFICATION_PROBLEM_MAX,
  type Rectification,
  type RectificationSource,
  type UpdateRectificationInput,
} from '@dutyboard/contracts/rectifications';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, pickerDay } from '../../../lib/dates.ts';
import type { FieldSpecs } from '../../../lib/form-issues.ts';
import { issuesOf } from '../../../lib/form-issues.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';

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

export type RectificationFormField = keyof RectificationFormValues;

export const RECTIFICATION_FIELDS: FieldSpecs<RectificationFormField> = {
  orgId: { label: 'rectifications.field.orgId', choose: true },
  source: { label: 'rectifications.field.source', choose: true },
  problem: { label: 'rectifications.field.problem', max: RECTIFICATION_PROBLEM_MAX },
  measure: { label: 'rectifications.field.measure', max: RECTIFICATION_MEASURE_MAX },
  ownerName: { label: 'rectifications.field.ownerName', max: RECTIFICATION_OWNER_MAX },
  deadline: { label: 'rectifications.field.deadline', choose: true },
  alertId: { label: 'rectifications.field.alertId', choose: true, custom: 'rectifications.alertRequired' },
  findingRef: {
    label: 'rectifications.field.findingRef',
    max: RECTIFICATION_FINDING_REF_MAX,
    custom: 'rectifications.findingRequired',
  },
  status: { label: 'rectifications.field.status', choose: true },
};

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
  const parsed = CreateRectificationInputSchema.safeParse(valuesToInput(values));
  return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedRectificationFields(
  input: CreateRectificationInput,
  status: EditableStatus | undefined,
  original: Rectification,
): UpdateRectificationInput {
  const patch: UpdateRectificationInput = {};
  if (input.orgId !== original.orgId) patch.orgId = input.orgId;
  if (input.source !== original.source) patch.source = input.source;
  if (input.problem !== original.problem) patch.problem = input.problem;
  if ((input.measure ?? null) !== original.measure) patch.measure = input.measure ?? null;
  if ((input.ownerName ?? null) !== original.ownerName) patch.ownerName = input.ownerName ?? null;
  if ((input.deadline ?? null) !== original.deadline) patch.deadline = input.deadline ?? null;
  if ((input.alertId ?? null) !== original.alertId) patch.alertId = input.alertId ?? null;
  if ((input.findingRef ?? null) !== original.findingRef) patch.findingRef = input.findingRef ?? null;
  if (status && status !== original.status) patch.status = status;
  return patch;
}
