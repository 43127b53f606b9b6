// Create and change orgs. Org names and codes show up in many reads (the org pickers, dashboard
// rows, activity lists, the user list, the header's own org), so each success refreshes them all.
import { type CreateOrgInput, type OrgUnit, OrgUnitSchema, type UpdateOrgInput } from '@dutyboard/contracts/orgs';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function createOrg(input: CreateOrgInput): Promise<OrgUnit> {
  return api.post('/api/orgs', input, { schema: OrgUnitSchema });
}

export function updateOrg(id: string, input: UpdateOrgInput): Promise<OrgUnit> {
  return api.patch(`/api/orgs/${encodeURIComponent(id)}`, input, { schema: OrgUnitSchema });
}

async function refreshOrgReads(queryClient: QueryClient) {
  await Promise.all(
    [queryKeys.orgs, queryKeys.dashboard.all, queryKeys.activities.all, queryKeys.users, queryKeys.me].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createOrg, onSuccess: () => refreshOrgReads(queryClient) });
}

export function useUpdateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateOrgInput }) => updateOrg(id, input),
    onSuccess: () => refreshOrgReads(queryClient),
  });
}
