// What the alert form holds, how it becomes the API's body, and how validation issues (from the
// contract schema in the browser or from a 400 of the server) are named after form fields.
import type { FieldIssue } from '@dutyboard/contracts/errors';
import {
  type AlertLevel,
  type CreateRiskAlertInput,
  CreateRiskAlertInputSchema,
  type RiskAlert,
  type UpdateRiskAlertInput,
} from '@dutyboard/contracts/risk-alerts';
import {
  bodyOf,
  changedFields,
  checkBody,
  formValuesOf,
  instantOf,
  withFormFields as renamed,
  type WhenValues,
  whenOf,
} from '../../../lib/record-values.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';
import { formFields } from '../../../lib/zod-rules.ts';

export interface RiskAlertFormValues extends WhenValues {
  orgId?: string;
  level?: AlertLevel;
  source?: string;
  channel?: string;
  url?: string;
  summary?: string;
  reach?: number | null;
}

/** The registration time may be left out of the API (it means now); the form always sends it. */
export const RISK_ALERT_FIELDS = formFields(
  CreateRiskAlertInputSchema,
  'riskAlerts.field',
  ['orgId', 'level', 'source', 'channel', 'url', 'summary', 'reach', 'date', 'time'],
  {
    url: { custom: 'riskAlerts.urlFormat' },
    date: { from: 'registeredAt', required: true, custom: 'riskAlerts.futureTime' },
    time: { choose: true, required: true },
  },
);

/** The fields the form holds as the API does (the instant is a date and a time). */
const KEYS = ['orgId', 'level', 'source', 'channel', 'url', 'summary', 'reach'] as const;

/** The API names the instant registeredAt; the form shows it as a date and a time. */
const ISSUE_FIELDS = { registeredAt: 'date' };

/** A new alert: registered now (Shanghai), in the given org. */
export function newRiskAlertValues(orgId: string | undefined, now = new Date()): RiskAlertFormValues {
  return { orgId, ...whenOf(now.toISOString()) };
}

export function riskAlertToValues(alert: RiskAlert): RiskAlertFormValues {
  return { ...formValuesOf(alert, RISK_ALERT_FIELDS, KEYS), ...whenOf(alert.registeredAt) };
}

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: RiskAlertFormValues): Record<keyof CreateRiskAlertInput, unknown> {
  return { ...bodyOf(values, RISK_ALERT_FIELDS, KEYS), registeredAt: instantOf(values, null) };
}

/** A server refusal whose field issues are named after the form's fields. */
export const withFormFields = (error: unknown) => renamed(error, ISSUE_FIELDS);

const FUTURE_TIME = '登记时间不能晚于当前时间';

/**
 * Checks the form's values with the contract's own schema (the server runs the same one), plus
 * the date and time being filled and not in the future (the server checks that against its clock).
 */
export function checkRiskAlertValues(values: RiskAlertFormValues, now = new Date()): Checked<CreateRiskAlertInput> {
  const missing: FieldIssue[] = [];
  if (!values.date) missing.push({ field: 'date', code: 'invalid_type', message: '' });
  if (!values.time) missing.push({ field: 'time', code: 'invalid_type', message: '' });
  const checked = checkBody(CreateRiskAlertInputSchema, valuesToInput(values), ISSUE_FIELDS);
  const issues = [...missing, ...('issues' in checked ? checked.issues : [])];
  const at = 'input' in checked ? checked.input.registeredAt : undefined;
  if (at && Date.parse(at) > now.getTime()) issues.push({ field: 'date', code: 'custom', message: FUTURE_TIME });
  return issues.length > 0 ? { issues } : checked;
}

/** Only the fields that differ from the stored alert (PATCH sends nothing else). */
export function changedRiskAlertFields(input: CreateRiskAlertInput, original: RiskAlert): UpdateRiskAlertInput {
  const patch: UpdateRiskAlertInput = changedFields(input, original, KEYS);
  // The form shows minutes: an unchanged minute keeps the stored instant (with its seconds).
  if (
    input.registeredAt &&
    Math.floor(Date.parse(input.registeredAt) / 60_000) !== Math.floor(Date.parse(original.registeredAt) / 60_000)
  ) {
    patch.registeredAt = input.registeredAt;
  }
  return patch;
}
