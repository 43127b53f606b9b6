// Unsaved activity form values, kept per user in this tab's sessionStorage (see lib/form-draft.ts).
import { ACTIVITY_CATEGORIES } from '@dutyboard/contracts/activities';
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
import type { ActivityFormValues } from './activity-form-values.ts';

export const activityDraft = draftStore<ActivityFormValues>({
  key: (userId, recordId) => `dutyboard.draft.${userId}.${recordId}`,
  toStored: (values) => ({ ...values, date: storedDay(values.date), time: storedTime(values.time) }),
  fromStored: (d) => ({
    orgId: draftText(d.orgId),
    category: draftChoice(ACTIVITY_CATEGORIES, d.category),
    title: draftText(d.title),
    date: draftDay(d.date),
    time: draftTime(d.time),
    participants: draftNumber(d.participants),
    location: draftText(d.location),
    description: draftText(d.description),
  }),
});
