// What the risk-point form and the check dialog hold, how they become the API's bodies, and how
// validation issues are named after form fields. The due date is never typed: the server computes it.
import {
  type CreateRiskPointCheckInput,
  CreateRiskPointCheckInputSchema,
  type CreateRiskPointInput,
  CreateRiskPointInputSchema,
  RISK_CHECK_INTERVAL_DEFAULT,
  type RiskCheckResult,
  type RiskLevel,
  type RiskPoint,
  type RiskPointType,
  type UpdateRiskPointInput,
} from '@dutyboard/contracts/risk-points';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, todayInShanghai } from '../../../lib/dates.ts';
import {
  bodyOf,
  changedFields,
  checkBody,
  formValuesOf,
  instantOf,
  type WhenValues,
  whenOf,
  withFormFields,
} from '../../../lib/record-values.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';
import { formFields } from '../../../lib/zod-rules.ts';

export interface RiskPointFormValues {
  orgId?: string;
  name?: string;
  type?: RiskPointType;
  level?: RiskLevel;
  controlMeasure?: string;
  responsiblePerson?: string;
  checkIntervalDays?: number | null;
  sponsor?: string;
  reviewFirst?: string;
  reviewSecond?: string;
  reviewFinal?: string;
  audienceSize?: number | null;
}

export const RISK_POINT_FIELDS = formFields(CreateRiskPointInputSchema, 'riskPoints.field', [
  'orgId',
  'name',
  'type',
  'level',
  'controlMeasure',
  'responsiblePerson',
  'checkIntervalDays',
  'sponsor',
  'reviewFirst',
  'reviewSecond',
  'reviewFinal',
  'audienceSize',
]);

/** The fields the form holds, as the API names them. */
const KEYS = [
  'orgId',
  'name',
  'type',
  'level',
  'controlMeasure',
  'responsiblePerson',
  'checkIntervalDays',
  'sponsor',
  'reviewFirst',
  'reviewSecond',
  'reviewFinal',
  'audienceSize',
] as const;

export function newRiskPointValues(orgId: string | undefined): RiskPointFormValues {
  return { orgId, checkIntervalDays: RISK_CHECK_INTERVAL_DEFAULT };
}

export function riskPointToValues(point: RiskPoint): RiskPointFormValues {
  return formValuesOf(point, RISK_POINT_FIELDS, KEYS);
}

export function valuesToInput(values: RiskPointFormValues): Record<(typeof KEYS)[number], unknown> {
  return bodyOf(values, RISK_POINT_FIELDS, KEYS);
}

export function checkRiskPointValues(values: RiskPointFormValues): Checked<CreateRiskPointInput> {
  return checkBody(CreateRiskPointInputSchema, valuesToInput(values));
}

/** Only the fields that differ from the stored record (PATCH sends nothing else). */
export function changedRiskPointFields(input: CreateRiskPointInput, original: RiskPoint): UpdateRiskPointInput {
  return changedFields(input, original, KEYS);
}

// ---- The check dialog (登记排查) ----

export interface CheckFormValues extends WhenValues {
  result?: RiskCheckResult;
  note?: string;
}

export const CHECK_FIELDS = formFields(
  CreateRiskPointCheckInputSchema,
  'riskPoints.checks.field',
  ['date', 'time', 'result', 'note'],
  { date: { from: 'checkedAt', custom: 'riskPoints.checks.future' }, time: { choose: true } },
);

/** The API names the instant checkedAt; the dialog shows it as a date (and a time). */
const CHECK_ISSUE_FIELDS = { checkedAt: 'date' };

/** A new check: now (Shanghai), result to be chosen. */
export function newCheckValues(now = new Date().toISOString()): CheckFormValues {
  return whenOf(now);
}

/** Days after today in Shanghai cannot be chosen (the picker's day is a Shanghai calendar day). */
export function isFutureDay(day: Dayjs): boolean {
  return day.format(DATE_FORMAT) > todayInShanghai();
}

export function checkCheckValues(values: CheckFormValues): Checked<CreateRiskPointCheckInput> {
  const body = { checkedAt: instantOf(values, '00:00'), result: values.result, note: values.note?.trim() || null };
  return checkBody(CreateRiskPointCheckInputSchema, body, CHECK_ISSUE_FIELDS);
}

/** A server refusal of a check whose field issues are named after the dialog's fields. */
export const withCheckFormFields = (error: unknown) => withFormFields(error, CHECK_ISSUE_FIELDS);
