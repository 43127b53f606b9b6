// Unsaved rectification form values, kept per user in this tab's sessionStorage (see
// lib/form-draft.ts).
import { RECTIFICATION_EDITABLE_STATUSES, RECTIFICATION_SOURCES } from '@dutyboard/contracts/rectifications';
import { draftChoice, draftDay, draftStore, draftText, storedDay } from '../../../lib/form-draft.ts';
import type { EditableStatus, RectificationFormValues } from './rectification-form-values.ts';

export const rectificationDraft = draftStore<RectificationFormValues>({
  key: (userId, recordId) => `dutyboard.draft.rectification.${userId}.${recordId}`,
  toStored: (values) => ({ ...values, deadline: storedDay(values.deadline) }),
  fromStored: (d) => ({
    orgId: draftText(d.orgId),
    source: draftChoice(RECTIFICATION_SOURCES, d.source),
    problem: draftText(d.problem),
    measure: draftText(d.measure),
    ownerName: draftText(d.ownerName),
    deadline: draftDay(d.deadline),
    alertId: draftText(d.alertId) ?? null,
    findingRef: draftText(d.findingRef),
    status: draftChoice<EditableStatus>(RECTIFICATION_EDITABLE_STATUSES, d.status),
  }),
});
