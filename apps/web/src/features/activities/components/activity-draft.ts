// Unsaved activity form values, kept per user in this tab's sessionStorage (see lib/form-draft.ts).
import { ACTIVITY_CATEGORIES } from '@dutyboard/contracts/activities';
import { draft, recordDraft } from '../../../lib/form-draft.ts';
import type { ActivityFormValues } from './activity-form-values.ts';

export const activityDraft = recordDraft<ActivityFormValues>('activity', {
  orgId: draft.text,
  category: draft.choice(ACTIVITY_CATEGORIES),
  title: draft.text,
  ...draft.when,
  participants: draft.number,
  location: draft.text,
  description: draft.text,
});
