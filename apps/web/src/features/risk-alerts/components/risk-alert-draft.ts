// Unsaved risk alert form values, kept per user in this tab's sessionStorage (see
// lib/form-draft.ts).
import { ALERT_LEVELS } from '@dutyboard/contracts/risk-alerts';
import {
  draftChoice,
  draftDay,
  draftNumber,
  draftStore,
  draftText,
  draftTime,
  storedDay,
  storedTime,
} from '../../../lib/form-draft.ts';
import type { RiskAlertFormValues } from './risk-alert-form-values.ts';

export const riskAlertDraft = draftStore<RiskAlertFormValues>({
  key: (userId, recordId) => `dutyboard.draft.${userId}.risk-alert.${recordId}`,
  toStored: (values) => ({ ...values, date: storedDay(values.date), time: storedTime(values.time) }),
  fromStored: (d) => ({
    orgId: draftText(d.orgId),
    level: draftChoice(ALERT_LEVELS, d.level),
    source: draftText(d.source),
    channel: draftText(d.channel),
    url: draftText(d.url),
    summary: draftText(d.summary),
    reach: draftNumber(d.reach),
    date: draftDay(d.date),
    time: draftTime(d.time),
  }),
});
