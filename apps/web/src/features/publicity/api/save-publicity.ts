// Create, update and delete. Each success refreshes every publicity list, the record's history
// and every dashboard figure through the shared query keys.
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import {
  type CreatePublicityInput,
  type PublicityItem,
  PublicityItemSchema,
  type UpdatePublicityInput,
} from '@dutyboard/contracts/publicity';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * `idempotencyKey` names this one submission: a retry of the same values (a double tap, a lost
 * answer on a weak connection) sends the same key and gets the first record back, not a second.
 */
export function createPublicityItem(input: CreatePublicityInput, idempotencyKey: string): Promise<PublicityItem> {
  return api.post('/api/publicity', input, {
    schema: PublicityItemSchema,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

// `version` is the record's version as loaded: the server refuses the change with 412
// PRECONDITION_FAILED when someone else changed the record since.
export function updatePublicityItem(id: string, version: number, input: UpdatePublicityInput): Promise<PublicityItem> {
  return api.patch(`/api/publicity/${encodeURIComponent(id)}`, input, {
    schema: PublicityItemSchema,
    headers: { 'If-Match': etagOf(version) },
  });
}

export function deletePublicityItem(id: string, version: number): Promise<unknown> {
  return api.delete(`/api/publicity/${encodeURIComponent(id)}`, {
    schema: OkSchema,
    headers: { 'If-Match': etagOf(version) },
  });
}

async function refreshAfterChange(queryClient: QueryClient, id: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.publicity.lists }),
    queryClient.invalidateQueries({ queryKey: queryKeys.history.detail('PublicityItem', id) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all }),
  ]);
}

export function useCreatePublicityItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreatePublicityInput; idempotencyKey: string }) =>
      createPublicityItem(input, idempotencyKey),
    onSuccess: async (item) => {
      queryClient.setQueryData(queryKeys.publicity.detail(item.id), item);
      await refreshAfterChange(queryClient, item.id);
    },
  });
}

export function useUpdatePublicityItem(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePublicityInput) => updatePublicityItem(id, version, input),
    onSuccess: async (item) => {
      queryClient.setQueryData(queryKeys.publicity.detail(item.id), item);
      await refreshAfterChange(queryClient, item.id);
    },
  });
}

export function useDeletePublicityItem(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deletePublicityItem(id, version),
    onSuccess: async () => {
      // Marked stale, not removed: the detail page still shows it while navigating away.
      await queryClient.invalidateQueries({ queryKey: queryKeys.publicity.detail(id), refetchType: 'none' });
      await refreshAfterChange(queryClient, id);
    },
  });
}
