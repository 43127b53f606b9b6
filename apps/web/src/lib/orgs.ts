// The orgs the signed-in user reaches (GET /api/orgs), parents before children.
import { type OrgList, OrgListSchema, type OrgUnit } from '@dutyboard/contracts/orgs';
import { queryOptions, useQuery } from '@tanstack/react-query';
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
 * only when they reach more than their own org.
 */
export interface OrgChoices {
  choices: OrgUnit[];
  loading: boolean;
  offer: boolean;
}

export function useOrgChoices(enabled: boolean): OrgChoices {
  const me = useCurrentUser();
  const orgs = useOrgs({ enabled });
  const choices = orgs.data?.items ?? [];
  return { choices, loading: orgs.isPending, offer: oversees(me) || choices.length > 1 };
}

/** Depth of each org in the list's tree (0 for a root), for indenting selector options. */
export function orgDepths(orgs: OrgUnit[]): Map<string, number> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const depths = new Map<string, number>();
  const depthOf = (org: OrgUnit): number => {
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
