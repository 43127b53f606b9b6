// Reads and writes of 责任清单. A period's list is small, so it is read whole (following the
// cursor). Every change refreshes the lists, the item and the header's notifications.
import {
  type Assignment,
  AssignmentOwnerListSchema,
  AssignmentPageSchema,
  AssignmentSchema,
  type CloseAssignmentInput,
  type CreateAssignmentInput,
  type UpdateAssignmentInput,
} from '@dutyboard/contracts/assignments';
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type AssignmentListFilter, queryKeys } from '../../../lib/query-keys.ts';

const PAGE = 100;

export async function getAllAssignments(
  period: string,
  org: string | undefined,
  filter: AssignmentListFilter,
  signal?: AbortSignal,
) {
  const items: Assignment[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get('/api/assignments', {
      query: { period, org, ...filter, cursor, limit: PAGE },
      schema: AssignmentPageSchema,
      signal,
    });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** `filter`: status, overdue and owner as answered by the API (a dashboard figure's drill). */
export function assignmentsQueryOptions(period: string, org: string | undefined, filter: AssignmentListFilter = {}) {
  return queryOptions({
    queryKey: queryKeys.assignments.list(period, org, filter),
    queryFn: ({ signal }) => getAllAssignments(period, org, filter, signal),
    placeholderData: keepPreviousData,
    // Progress is counted from records other pages change: read it fresh on every visit.
    staleTime: 0,
  });
}

export function useAssignments(period: string, org: string | undefined, filter: AssignmentListFilter = {}) {
  return useQuery(assignmentsQueryOptions(period, org, filter));
}

export function getAssignment(id: string, signal?: AbortSignal) {
  return api.get(`/api/assignments/${encodeURIComponent(id)}`, { schema: AssignmentSchema, signal });
}

export function useAssignment(id: string) {
  return useQuery({
    queryKey: queryKeys.assignments.detail(id),
    queryFn: ({ signal }) => getAssignment(id, signal),
    staleTime: 0,
  });
}

export function useOwners(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.assignments.owners,
    queryFn: ({ signal }) => api.get('/api/assignments/owners', { schema: AssignmentOwnerListSchema, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return async (saved?: Assignment) => {
    if (saved) queryClient.setQueryData(queryKeys.assignments.detail(saved.id), saved);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.assignments.lists }),
      queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
      saved ? queryClient.invalidateQueries({ queryKey: queryKeys.history.detail('Assignment', saved.id) }) : undefined,
    ]);
  };
}

export function useCreateAssignment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateAssignmentInput; key: string }) =>
      api.post('/api/assignments', input, { schema: AssignmentSchema, headers: { 'Idempotency-Key': key } }),
    onSuccess: (saved) => refresh(saved),
  });
}

// `version` is the item as loaded: a change made meanwhile by someone else is refused (412)
// instead of silently overwritten.
export function useUpdateAssignment(id: string, version: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: UpdateAssignmentInput) =>
      api.patch(`/api/assignments/${encodeURIComponent(id)}`, input, {
        schema: AssignmentSchema,
        headers: { 'If-Match': etagOf(version) },
      }),
    onSuccess: (saved) => refresh(saved),
  });
}

export function useCloseAssignment(id: string, version: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ input, key }: { input: CloseAssignmentInput; key: string }) =>
      api.post(`/api/assignments/${encodeURIComponent(id)}/close`, input, {
        schema: AssignmentSchema,
        headers: { 'If-Match': etagOf(version), 'Idempotency-Key': key },
      }),
    onSuccess: (saved) => refresh(saved),
  });
}

export function useDeleteAssignment(id: string, version: number) {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () =>
      api.delete(`/api/assignments/${encodeURIComponent(id)}`, {
        schema: OkSchema,
        headers: { 'If-Match': etagOf(version) },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.assignments.detail(id), refetchType: 'none' });
      await refresh();
    },
  });
}
