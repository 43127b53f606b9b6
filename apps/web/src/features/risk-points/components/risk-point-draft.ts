// Unsaved risk point form values, kept per user in this tab's sessionStorage (see
// lib/form-draft.ts).
import { RISK_LEVELS, RISK_POINT_TYPES } from '@dutyboard/contracts/risk-points';
import { draftChoice, draftNumber, draftStore, draftText } from '../../../lib/form-draft.ts';
import type { RiskPointFormValues } from './risk-point-form-values.ts';

export const riskPointDraft = draftStore<RiskPointFormValues>({
  key: (userId, recordId) => `dutyboard.draft.risk-point.${userId}.${recordId}`,
  fromStored: (d) => ({
    orgId: draftText(d.orgId),
    name: draftText(d.name),
    type: draftChoice(RISK_POINT_TYPES, d.type),
    level: draftChoice(RISK_LEVELS, d.level),
    controlMeasure: draftText(d.controlMeasure),
    responsiblePerson: draftText(d.responsiblePerson),
    checkIntervalDays: draftNumber(d.checkIntervalDays),
  }),
});
