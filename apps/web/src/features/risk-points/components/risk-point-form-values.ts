// What the risk-point form and the check dialog hold, how they become the API's bodies, and how
// validation issues are named after form fields. The due date is never typed: the server computes it.
import type { FieldIssue } from '@dutyboard/contracts/errors';
import {
  type CreateRiskPointCheckInput,
  CreateRiskPointCheckInputSchema,
  type CreateRiskPointInput,
  CreateRiskPointInputSchema,
  RISK_CHECK_INTERVAL_DEFAULT,
  RISK_CHECK_INTERVAL_MAX,
  RISK_CHECK_INTERVAL_MIN,
  RISK_CHECK_NOTE_MAX,
  RISK_POINT_CONTROL_MEASURE_MAX,
  RISK_POINT_NAME_MAX,
  RISK_POINT_RESPONSIBLE_PERSON_MAX,
  type RiskCheckResult,
  type RiskLevel,
  type RiskPoint,
  type RiskPointType,
  type UpdateRiskPointInput,
} from '@dutyboard/contracts/risk-points';
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

export interface RiskPointFormValues {
  orgId?: string;
  name?: string;
  type?: RiskPointType;
  level?: RiskLevel;
  controlMeasure?: string;
  responsiblePerson?: string;
  checkIntervalDays?: number | null;
}

export type RiskPointFormField = keyof RiskPointFormValues;

export const RISK_POINT_FIELDS: FieldSpecs<RiskPointFormField> = {
  orgId: { label: 'riskPoints.field.orgId', choose: true },
  name: { label: 'riskPoints.field.name', max: RISK_POINT_NAME_MAX },
  type: { label: 'riskPoints.field.type', choose: true },
  level: { label: 'riskPoints.field.level', choose: true },
  controlMeasure: { label: 'riskPoints.field.controlMeasure', max: RISK_POINT_CONTROL_MEASURE_MAX },
  responsiblePerson: { label: 'riskPoints.field.responsiblePerson', max: RISK_POINT_RESPONSIBLE_PERSON_MAX },
  checkIntervalDays: {
    label: 'riskPoints.field.checkIntervalDays',
    number: true,
    min: RISK_CHECK_INTERVAL_MIN,
    max: RISK_CHECK_INTERVAL_MAX,
  },
};

export function newRiskPointValues(orgId: string | undefined): RiskPointFormValues {
  return { orgId, checkIntervalDays: RISK_CHECK_INTERVAL_DEFAULT };
}

export function riskPointToValues(point: RiskPoint): RiskPointFormValues {
  return {
    orgId: point.orgId,
    name: point.name,
    type: point.type,
    level: point.level,
    controlMeasure: point.controlMeasure ?? '',
    responsiblePerson: point.responsiblePerson ?? '',
    checkIntervalDays: point.checkIntervalDays,
  };
}

export function valuesToInput(values: RiskPointFormValues): Record<keyof CreateRiskPointInput, unknown> {
  return {
    orgId: values.orgId,
    name: values.name?.trim() ?? '',
    type: values.type,
    level: values.level,
    controlMeasure: values.controlMeasure?.trim() || null,
    responsiblePerson: values.responsiblePerson?.trim() || null,
    checkIntervalDays: values.checkIntervalDays ?? undefined,
  };
}

export function checkRiskPointValues(values: RiskPointFormValues): Checked<CreateRiskPointInput> {
  const parsed = CreateRiskPointInputSchema.safeParse(valuesToInput(values));
  return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedRiskPointFields(input: CreateRiskPointInput, original: RiskPoint): UpdateRiskPointInput {
  const patch: UpdateRiskPointInput = {};
  if (input.orgId !== original.orgId) patch.orgId = input.orgId;
  if (input.name !== original.name) patch.name = input.name;
  if (input.type !== original.type) patch.type = input.type;
  if (input.level !== original.level) patch.level = input.level;
  if ((input.controlMeasure ?? null) !== original.controlMeasure) patch.controlMeasure = input.controlMeasure ?? null;
  if ((input.responsiblePerson ?? null) !== original.responsiblePerson) {
    patch.responsiblePerson = input.responsiblePerson ?? null;
  }
  if (input.checkIntervalDays !== original.checkIntervalDays) patch.checkIntervalDays = input.checkIntervalDays;
  return patch;
}

// ---- The check dialog (登记排查) ----

export interface CheckFormValues {
  date?: Dayjs | null;
  time?: Dayjs | null;
  result?: RiskCheckResult;
  note?: string;
}

export type CheckFormField = keyof CheckFormValues;

export const CHECK_FIELDS: FieldSpecs<CheckFormField> = {
  date: { label: 'riskPoints.checks.field.date', choose: true, custom: 'riskPoints.checks.future' },
  time: { label: 'riskPoints.checks.field.time', choose: true },
  result: { label: 'riskPoints.checks.field.result', choose: true },
  note: { label: 'riskPoints.checks.field.note', max: RISK_CHECK_NOTE_MAX },
};

/** A new check: now (Shanghai), result to be chosen. */
export function newCheckValues(now = new Date().toISOString()): CheckFormValues {
  const { date, time } = shanghaiParts(now);
  return { date: pickerDay(date), time: pickerTime(time) };
}

/** Days after today in Shanghai cannot be chosen (the picker's day is a Shanghai calendar day). */
export function isFutureDay(day: Dayjs): boolean {
  return day.format(DATE_FORMAT) > todayInShanghai();
}

function checkToInput(values: CheckFormValues): Record<keyof CreateRiskPointCheckInput, unknown> {
  const date = values.date ? values.date.format(DATE_FORMAT) : null;
  const time = values.time ? values.time.format(TIME_FORMAT) : '00:00';
  return {
    checkedAt: date ? shanghaiInstant(date, time) : undefined,
    result: values.result,
    note: values.note?.trim() || null,
  };
}

/** The API names the instant checkedAt; the dialog shows it as a date (and a time). */
function checkIssues(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => (issue.field.split('.')[0] === 'checkedAt' ? { ...issue, field: 'date' } : issue));
}

export function checkCheckValues(values: CheckFormValues): Checked<CreateRiskPointCheckInput> {
  const parsed = CreateRiskPointCheckInputSchema.safeParse(checkToInput(values));
  return parsed.success ? { input: parsed.data } : { issues: checkIssues(issuesOf(parsed.error)) };
}

/** A server refusal of a check whose field issues are named after the dialog's fields. */
export function withCheckFormFields(error: unknown): unknown {
  if (!isApiError(error) || error.fields.length === 0) return error;
  return new ApiError(error.status, error.code, error.message, checkIssues(error.fields));
}
