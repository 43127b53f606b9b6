// Unsaved risk point form values, kept per user in this tab's sessionStorage (see
// lib/form-draft.ts).
import { RISK_LEVELS, RISK_POINT_TYPES } from '@dutyboard/contracts/risk-points';
import { draft, recordDraft } from '../../../lib/form-draft.ts';
import type { RiskPointFormValues } from './risk-point-form-values.ts';

export const riskPointDraft = recordDraft<RiskPointFormValues>('risk-point', {
  orgId: draft.text,
  name: draft.text,
  type: draft.choice(RISK_POINT_TYPES),
  level: draft.choice(RISK_LEVELS),
  controlMeasure: draft.text,
  responsiblePerson: draft.text,
  checkIntervalDays: draft.number,
  sponsor: draft.text,
  reviewFirst: draft.text,
  reviewSecond: draft.text,
  reviewFinal: draft.text,
  audienceSize: draft.number,
});
