// The orgs the signed-in user reaches (GET /api/orgs), parents before children.

import type { Me } from '@dutyboard/contracts/auth';
import { type OrgList, OrgListSchema, type OrgUnit } from '@dutyboard/contracts/orgs';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from './api-client.ts';
import { oversees } from './auth.ts';
import { useCurrentUser } from './current-user.tsx';
import { queryKeys } from './query-keys.ts';

export function getOrgs(): Promise<OrgList> {
  return api.get('/api/orgs', { schema: OrgListSchema });
}

export function orgsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.orgs, queryFn: getOrgs, staleTime: 10 * 60_000 });
}

export function useOrgs(options: { enabled?: boolean } = {}) {
  return useQuery({ ...orgsQueryOptions(), enabled: options.enabled ?? true });
}

/**
 * The orgs a page may be scoped to, and whether to offer the choice at all: leadership always, others
 * only when they reach more than their own org. `load` asks for the list when it was held back.
 */
export interface OrgChoices {
  choices: OrgUnit[];
  loading: boolean;
  offer: boolean;
  load: () => void;
}

/**
 * Whether a page that may hold its org list back (`useOrgChoices(…, { deferred: true })`) still
 * reads it at once: a user who oversees a subtree (ROLE_POLICY `oversees`) is offered the choice anyway and needs no list
 * to show the page (for the city's leader it is ~1 MB of JSON); anyone else needs the list to
 * know whether there is a choice, and theirs is their own subtree.
 */
export function readsOrgsAtOnce(me: Me): boolean {
  return !oversees(me);
}

/**
 * The page's org choices. `deferred`: for a user who oversees a subtree the list is read only once
 * the selector asks for it (`load`, when it opens or takes focus), so the first view does not
 * wait for it or parse it; the page names its current org itself meanwhile (ScopeOrgSelect's
 * `current`). A list read before (another page, the selector opened once) is used at once.
 */
export function useOrgChoices(enabled: boolean, options: { deferred?: boolean } = {}): OrgChoices {
  const me = useCurrentUser();
  const [wanted, setWanted] = useState(!options.deferred || readsOrgsAtOnce(me));
  const orgs = useOrgs({ enabled: enabled && wanted });
  const choices = orgs.data?.items ?? [];
  return {
    choices,
    loading: wanted && orgs.isPending,
    offer: oversees(me) || choices.length > 1,
    load: () => setWanted(true),
  };
}

/** What a selector needs of an org: its id, its name and where it hangs. */
export type OrgChoice = Pick<OrgUnit, 'id' | 'name' | 'parentId'>;

/** Depth of each org in the list's tree (0 for a root), for indenting selector options. */
export function orgDepths(orgs: OrgChoice[]): Map<string, number> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const depths = new Map<string, number>();
  const depthOf = (org: OrgChoice): number => {
    const known = depths.get(org.id);
    if (known !== undefined) return known;
    const parent = org.parentId ? byId.get(org.parentId) : undefined;
    const depth = parent ? depthOf(parent) + 1 : 0;
    depths.set(org.id, depth);
    return depth;
  };
  for (const org of orgs) depthOf(org);
  return depths;
}
