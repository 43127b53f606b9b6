// Unsaved publicity form values, kept per user in this tab's sessionStorage (see lib/form-draft.ts).
import { PUBLICITY_LEVELS } from '@dutyboard/contracts/publicity';
import { draft, recordDraft } from '../../../lib/form-draft.ts';
import type { PublicityFormValues } from './publicity-form-values.ts';

export const publicityDraft = recordDraft<PublicityFormValues>('publicity', {
  orgId: draft.text,
  outlet: draft.text,
  level: draft.choice(PUBLICITY_LEVELS),
  title: draft.text,
  ...draft.when,
  url: draft.text,
});
