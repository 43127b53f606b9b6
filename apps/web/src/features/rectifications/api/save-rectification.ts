// Create, update, close and delete. Each success refreshes every rectification list, the record's
// history, the dashboard figures and the needs-attention list through the shared query keys.
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import {
  type CloseRectificationInput,
  type CreateRectificationInput,
  type Rectification,
  RectificationSchema,
  type UpdateRectificationInput,
} from '@dutyboard/contracts/rectifications';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

const path = (id: string) => `/api/rectifications/${encodeURIComponent(id)}`;

/**
 * `idempotencyKey` names this one submission: a retry of the same values (a double tap, a lost
 * answer on a weak connection) sends the same key and gets the first record back, not a second.
 */
export function createRectification(input: CreateRectificationInput, idempotencyKey: string): Promise<Rectification> {
  return api.post('/api/rectifications', input, {
    schema: RectificationSchema,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

// `version` is the record's version as loaded: the server refuses the change with 412
// PRECONDITION_FAILED when someone else changed the record since.
export function updateRectification(
  id: string,
  version: number,
  input: UpdateRectificationInput,
): Promise<Rectification> {
  return api.patch(path(id), input, { schema: RectificationSchema, headers: { 'If-Match': etagOf(version) } });
}

export function closeRectification(
  id: string,
  version: number,
  input: CloseRectificationInput,
  idempotencyKey: string,
): Promise<Rectification> {
  return api.post(`${path(id)}/close`, input, {
    schema: RectificationSchema,
    headers: { 'If-Match': etagOf(version), 'Idempotency-Key': idempotencyKey },
  });
}

export function deleteRectification(id: string, version: number): Promise<unknown> {
  return api.delete(path(id), { schema: OkSchema, headers: { 'If-Match': etagOf(version) } });
}

async function refreshAfterChange(queryClient: QueryClient, id: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.rectifications.lists }),
    queryClient.invalidateQueries({ queryKey: queryKeys.history.detail('Rectification', id) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  ]);
}

export function useCreateRectification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateRectificationInput; idempotencyKey: string }) =>
      createRectification(input, idempotencyKey),
    onSuccess: async (item) => {
      queryClient.setQueryData(queryKeys.rectifications.detail(item.id), item);
      await refreshAfterChange(queryClient, item.id);
    },
  });
}

export function useUpdateRectification(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateRectificationInput) => updateRectification(id, version, input),
    onSuccess: async (item) => {
      queryClient.setQueryData(queryKeys.rectifications.detail(item.id), item);
      await refreshAfterChange(queryClient, item.id);
    },
  });
}

export function useCloseRectification(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CloseRectificationInput; idempotencyKey: string }) =>
      closeRectification(id, version, input, idempotencyKey),
    onSuccess: async (item) => {
      queryClient.setQueryData(queryKeys.rectifications.detail(item.id), item);
      await refreshAfterChange(queryClient, item.id);
    },
  });
}

export function useDeleteRectification(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteRectification(id, version),
    onSuccess: async () => {
      // Marked stale, not removed: the detail page still shows it while navigating away.
      await queryClient.invalidateQueries({ queryKey: queryKeys.rectifications.detail(id), refetchType: 'none' });
      await refreshAfterChange(queryClient, id);
    },
  });
}
