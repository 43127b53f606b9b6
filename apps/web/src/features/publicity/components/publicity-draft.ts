// Unsaved publicity form values, kept per user in this tab's sessionStorage (see lib/form-draft.ts).
import { PUBLICITY_LEVELS } from '@dutyboard/contracts/publicity';
import {
  draftChoice,
  draftDay,
  draftStore,
  draftText,
  draftTime,
  storedDay,
  storedTime,
} from '../../../lib/form-draft.ts';
import type { PublicityFormValues } from './publicity-form-values.ts';

export const publicityDraft = draftStore<PublicityFormValues>({
  key: (userId, recordId) => `dutyboard.draft.publicity.${userId}.${recordId}`,
  toStored: (values) => ({ ...values, date: storedDay(values.date), time: storedTime(values.time) }),
  fromStored: (d) => ({
    orgId: draftText(d.orgId),
    outlet: draftText(d.outlet),
    level: draftChoice(PUBLICITY_LEVELS, d.level),
    title: draftText(d.title),
    date: draftDay(d.date),
    time: draftTime(d.time),
    url: draftText(d.url),
  }),
});
