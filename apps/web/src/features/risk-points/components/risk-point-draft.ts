// What the user typed survives a failed save even when the failure is an ended session: the
// values are kept in this tab's sessionStorage when Save is pressed, restored when the form opens
// again, and dropped once the save succeeds. Keyed by user; sign-out clears sessionStorage.
import { RISK_LEVELS, RISK_POINT_TYPES, type RiskLevel, type RiskPointType } from '@dutyboard/contracts/risk-points';
import type { RiskPointFormValues } from './risk-point-form-values.ts';

const DRAFT_PREFIX = 'dutyboard.draft.risk-point.';

export function riskPointDraftKey(userId: string, pointId?: string): string {
  return `${DRAFT_PREFIX}${userId}.${pointId ?? 'new'}`;
}

export function saveRiskPointDraft(key: string, values: RiskPointFormValues): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(values));
  } catch {
    // Storage unavailable: the form itself still keeps the values while the page stays.
  }
}

export function clearRiskPointDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function loadRiskPointDraft(key: string): RiskPointFormValues | null {
  let raw: unknown;
  try {
    const stored = sessionStorage.getItem(key);
    raw = stored ? JSON.parse(stored) : null;
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const d = raw as Record<string, unknown>;
  return {
    orgId: text(d.orgId),
    name: text(d.name),
    type: RISK_POINT_TYPES.includes(d.type as RiskPointType) ? (d.type as RiskPointType) : undefined,
    level: RISK_LEVELS.includes(d.level as RiskLevel) ? (d.level as RiskLevel) : undefined,
    controlMeasure: text(d.controlMeasure),
    responsiblePerson: text(d.responsiblePerson),
    checkIntervalDays: typeof d.checkIntervalDays === 'number' ? d.checkIntervalDays : null,
  };
}
