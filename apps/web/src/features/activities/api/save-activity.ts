// Create, update and delete. Each success refreshes every activity list and every dashboard
// figure through the shared query keys.
import {
  type Activity,
  ActivitySchema,
  type CreateActivityInput,
  type UpdateActivityInput,
} from '@dutyboard/contracts/activities';
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `idempotencyKey` names this submission: its retry answers the record already made (see lib/use-submission-key.ts). */
export function createActivity(input: CreateActivityInput, idempotencyKey: string): Promise<Activity> {
  return api.post('/api/activities', input, { schema: ActivitySchema, headers: { 'Idempotency-Key': idempotencyKey } });
}

// `version` is the record's version as loaded: the server refuses the change with 412
// PRECONDITION_FAILED when someone else changed the record since, instead of silently
// overwriting their change.
export function updateActivity(id: string, version: number, input: UpdateActivityInput): Promise<Activity> {
  return api.patch(`/api/activities/${encodeURIComponent(id)}`, input, {
    schema: ActivitySchema,
    headers: { 'If-Match': etagOf(version) },
  });
}

export function deleteActivity(id: string, version: number): Promise<unknown> {
  return api.delete(`/api/activities/${encodeURIComponent(id)}`, {
    schema: OkSchema,
    headers: { 'If-Match': etagOf(version) },
  });
}

async function refreshAfterChange(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.activities.lists }),
    queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all }),
  ]);
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateActivityInput; idempotencyKey: string }) =>
      createActivity(input, idempotencyKey),
    onSuccess: async (activity) => {
      queryClient.setQueryData(queryKeys.activities.detail(activity.id), activity);
      await refreshAfterChange(queryClient);
    },
  });
}

export function useUpdateActivity(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateActivityInput) => updateActivity(id, version, input),
    onSuccess: async (activity) => {
      queryClient.setQueryData(queryKeys.activities.detail(activity.id), activity);
      await refreshAfterChange(queryClient);
    },
  });
}

export function useDeleteActivity(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteActivity(id, version),
    onSuccess: async () => {
      // Marked stale, not removed: the detail page still shows it while navigating away, and
      // visiting it again refetches (and finds it gone).
      await queryClient.invalidateQueries({ queryKey: queryKeys.activities.detail(id), refetchType: 'none' });
      await refreshAfterChange(queryClient);
    },
  });
}
