// What the alert form holds, how it becomes the API's body, and how validation issues (from the
// contract schema in the browser or from a 400 of the server) are named after form fields.
import type { FieldIssue } from '@dutyboard/contracts/errors';
import {
  ALERT_CHANNEL_MAX,
  ALERT_REACH_MAX,
  ALERT_SOURCE_MAX,
  ALERT_SUMMARY_MAX,
  ALERT_URL_MAX,
  type AlertLevel,
  type CreateRiskAlertInput,
  CreateRiskAlertInputSchema,
  type RiskAlert,
  type UpdateRiskAlertInput,
} from '@dutyboard/contracts/risk-alerts';
import type { Dayjs } from 'dayjs';
import { ApiError, isApiError } from '../../../lib/api-client.ts';
import { DATE_FORMAT, pickerDay, pickerTime, shanghaiInstant, shanghaiParts, TIME_FORMAT } from '../../../lib/dates.ts';
import { type FieldSpecs, issuesOf } from '../../../lib/form-issues.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';

export interface RiskAlertFormValues {
  orgId?: string;
  level?: AlertLevel;
  source?: string;
  channel?: string;
  url?: string;
  summary?: string;
  reach?: number | null;
  date?: Dayjs | null;
  time?: Dayjs | null;
}

export type RiskAlertFormField = keyof RiskAlertFormValues;

export const RISK_ALERT_FIELDS: FieldSpecs<RiskAlertFormField> = {
  orgId: { label: 'riskAlerts.field.orgId', choose: true },
  level: { label: 'riskAlerts.field.level', choose: true },
  source: { label: 'riskAlerts.field.source', max: ALERT_SOURCE_MAX },
  channel: { label: 'riskAlerts.field.channel', max: ALERT_CHANNEL_MAX },
  url: { label: 'riskAlerts.field.url', max: ALERT_URL_MAX, custom: 'riskAlerts.urlFormat' },
  summary: { label: 'riskAlerts.field.summary', max: ALERT_SUMMARY_MAX },
  reach: { label: 'riskAlerts.field.reach', number: true, min: 0, max: ALERT_REACH_MAX },
  date: { label: 'riskAlerts.field.date', choose: true, custom: 'riskAlerts.futureTime' },
  time: { label: 'riskAlerts.field.time', choose: true },
};

/** A new alert: registered now (Shanghai), in the given org. */
export function newRiskAlertValues(orgId: string | undefined, now = new Date()): RiskAlertFormValues {
  const { date, time } = shanghaiParts(now.toISOString());
  return { orgId, date: pickerDay(date), time: pickerTime(time) };
}

export function riskAlertToValues(alert: RiskAlert): RiskAlertFormValues {
  const { date, time } = shanghaiParts(alert.registeredAt);
  return {
    orgId: alert.orgId,
    level: alert.level,
    source: alert.source,
    channel: alert.channel ?? '',
    url: alert.url ?? '',
    summary: alert.summary,
    reach: alert.reach,
    date: pickerDay(date),
    time: pickerTime(time),
  };
}

/** The create body the form describes; still to be checked with the contract schema. */
export function valuesToInput(values: RiskAlertFormValues): Record<keyof CreateRiskAlertInput, unknown> {
  const date = values.date ? values.date.format(DATE_FORMAT) : null;
  const time = values.time ? values.time.format(TIME_FORMAT) : null;
  return {
    orgId: values.orgId,
    level: values.level,
    source: values.source?.trim() ?? '',
    channel: values.channel?.trim() || null,
    url: values.url?.trim() ?? '',
    summary: values.summary?.trim() ?? '',
    reach: values.reach ?? null,
    registeredAt: date && time ? shanghaiInstant(date, time) : undefined,
  };
}

/** The API names the instant registeredAt; the form shows it as a date and a time. */
function toFormField(field: string): string {
  return field.split('.')[0] === 'registeredAt' ? 'date' : field;
}

export function formIssues(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, field: toFormField(issue.field) }));
}

/** A server refusal whose field issues are named after the form's fields. */
export function withFormFields(error: unknown): unknown {
  if (!isApiError(error) || error.fields.length === 0) return error;
  return new ApiError(error.status, error.code, error.message, formIssues(error.fields));
}

const FUTURE_TIME = '登记时间不能晚于当前时间';

/**
 * Checks the form's values with the contract's own schema (the server runs the same one), plus
 * the date and time being filled and not in the future (the server checks that against its clock).
 */
export function checkRiskAlertValues(values: RiskAlertFormValues, now = new Date()): Checked<CreateRiskAlertInput> {
  const missing: FieldIssue[] = [];
  if (!values.date) missing.push({ field: 'date', code: 'invalid_type', message: '' });
  if (!values.time) missing.push({ field: 'time', code: 'invalid_type', message: '' });
  const parsed = CreateRiskAlertInputSchema.safeParse(valuesToInput(values));
  const issues = [...missing, ...(parsed.success ? [] : formIssues(issuesOf(parsed.error)))];
  if (parsed.success && parsed.data.registeredAt && Date.parse(parsed.data.registeredAt) > now.getTime()) {
    issues.push({ field: 'date', code: 'custom', message: FUTURE_TIME });
  }
  if (issues.length > 0 || !parsed.success) return { issues };
  return { input: parsed.data };
}

/** Only the fields that differ from the stored alert (PATCH sends nothing else). */
export function changedRiskAlertFields(input: CreateRiskAlertInput, original: RiskAlert): UpdateRiskAlertInput {
  const patch: UpdateRiskAlertInput = {};
  if (input.orgId !== original.orgId) patch.orgId = input.orgId;
  if (input.level !== original.level) patch.level = input.level;
  if (input.source !== original.source) patch.source = input.source;
  if ((input.channel ?? null) !== original.channel) patch.channel = input.channel ?? null;
  if ((input.url ?? null) !== original.url) patch.url = input.url ?? null;
  if (input.summary !== original.summary) patch.summary = input.summary;
  if ((input.reach ?? null) !== original.reach) patch.reach = input.reach ?? null;
  // The form shows minutes: an unchanged minute keeps the stored instant (with its seconds).
  if (
    input.registeredAt &&
    Math.floor(Date.parse(input.registeredAt) / 60_000) !== Math.floor(Date.parse(original.registeredAt) / 60_000)
  ) {
    patch.registeredAt = input.registeredAt;
  }
  return patch;
}
