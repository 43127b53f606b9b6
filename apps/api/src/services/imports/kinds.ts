// The import kinds by name: what each reads, checks and writes.
import type { ImportKind } from '@dutyboard/contracts/imports';
import { activitiesSpec } from './kind-activities.ts';
import { orgsSpec } from './kind-orgs.ts';
import { studySessionsSpec } from './kind-study-sessions.ts';
import { usersSpec } from './kind-users.ts';
import type { ImportSpec, Item } from './spec.ts';

export const IMPORT_SPECS: Readonly<Record<ImportKind, ImportSpec<Item>>> = {
  orgs: orgsSpec,
  users: usersSpec,
  activities: activitiesSpec,
  'study-sessions': studySessionsSpec,
};
