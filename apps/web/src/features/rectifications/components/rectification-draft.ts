// Unsaved rectification form values, kept per user in this tab's sessionStorage (see
// lib/form-draft.ts).
import { RECTIFICATION_EDITABLE_STATUSES, RECTIFICATION_SOURCES } from '@dutyboard/contracts/rectifications';
import { draft, recordDraft } from '../../../lib/form-draft.ts';
import type { RectificationFormValues } from './rectification-form-values.ts';

export const rectificationDraft = recordDraft<RectificationFormValues>('rectification', {
  orgId: draft.text,
  source: draft.choice(RECTIFICATION_SOURCES),
  problem: draft.text,
  measure: draft.text,
  ownerName: draft.text,
  deadline: draft.day,
  alertId: draft.id,
  findingRef: draft.text,
  status: draft.choice(RECTIFICATION_EDITABLE_STATUSES),
});
