// The orgs the signed-in user reaches (GET /api/orgs), parents before children.
import { type OrgList, OrgListSchema, type OrgUnit } from '@dutyboard/contracts/orgs';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';
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
