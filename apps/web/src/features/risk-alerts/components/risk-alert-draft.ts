// Unsaved risk alert form values, kept per user in this tab's sessionStorage (see
// lib/form-draft.ts).
import { ALERT_LEVELS } from '@dutyboard/contracts/risk-alerts';
import { draft, recordDraft } from '../../../lib/form-draft.ts';
import type { RiskAlertFormValues } from './risk-alert-form-values.ts';

export const riskAlertDraft = recordDraft<RiskAlertFormValues>('risk-alert', {
  orgId: draft.text,
  level: draft.choice(ALERT_LEVELS),
  source: draft.text,
  channel: draft.text,
  url: draft.text,
  summary: draft.text,
  reach: draft.number,
  ...draft.when,
});
