// Reads and writes of 一会一报 (ADR 048). Each success refreshes the event lists, the record's
// history, the bell and the dashboard through the same query keys.
import { AssignmentOwnerListSchema } from '@dutyboard/contracts/assignments';
import { etagOf } from '@dutyboard/contracts/common';
import {
  type CreateEventInput,
  type DecideEventInput,
  type EventApproval,
  EventApprovalPageSchema,
  EventApprovalSchema,
  EventRuleSchema,
  type HoldEventInput,
  type ListEventsQuery,
  type PutEventRuleInput,
} from '@dutyboard/contracts/event-approvals';
import {
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type EventListFilter = Omit<ListEventsQuery, 'cursor' | 'limit'>;

export const eventKeys = {
  lists: ['event-approvals', 'list'] as const,
  list: (filter: EventListFilter) => ['event-approvals', 'list', filter] as const,
  detail: (id: string) => ['event-approvals', 'detail', id] as const,
  rule: (org: string) => ['event-approvals', 'rule', org] as const,
};

const PAGE_SIZE = 20;
const path = (id: string) => `/api/event-approvals/${encodeURIComponent(id)}`;

export function useEventList(filter: EventListFilter) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: eventKeys.list(filter),
      queryFn: ({ pageParam, signal }) =>
        api.get('/api/event-approvals', {
          query: { ...filter, cursor: pageParam, limit: PAGE_SIZE },
          schema: EventApprovalPageSchema,
          signal,
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
  );
}

export function eventQueryOptions(id: string) {
  return queryOptions({
    queryKey: eventKeys.detail(id),
    queryFn: ({ signal }) => api.get(path(id), { schema: EventApprovalSchema, signal }),
  });
}

export const useEvent = (id: string) => useQuery(eventQueryOptions(id));

/** The lead days and chain in force for an org (the form's hint). */
export function useEventRule(org: string | undefined) {
  return useQuery({
    queryKey: eventKeys.rule(org ?? ''),
    queryFn: ({ signal }) => api.get('/api/event-approval-rules', { query: { org }, schema: EventRuleSchema, signal }),
    enabled: Boolean(org),
  });
}

/** Sets an org's rule; `version` (its own rule's, when it has one) makes a concurrent change a 412. */
export function usePutEventRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: PutEventRuleInput; version: number | null }) =>
      api.put('/api/event-approval-rules', input, {
        schema: EventRuleSchema,
        headers: version === null ? {} : { 'If-Match': etagOf(version) },
      }),
    // Every org below may follow it: all rules are read again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['event-approvals', 'rule'] }),
  });
}

/** Who a chain step may name: the users leadership may give work to (the responsibility list's owner picker). */
export function useRuleApprovers(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.assignments.owners,
    queryFn: ({ signal }) => api.get('/api/assignments/owners', { schema: AssignmentOwnerListSchema, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

async function refresh(queryClient: QueryClient, item: EventApproval) {
  queryClient.setQueryData(eventKeys.detail(item.id), item);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: eventKeys.lists }),
    queryClient.invalidateQueries({ queryKey: queryKeys.history.detail('EventApproval', item.id) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  ]);
}

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    /** With `submit`, the new event is submitted for approval at once (报送审批 from the form). */
    mutationFn: async ({
      input,
      idempotencyKey,
      submit,
    }: {
      input: CreateEventInput;
      idempotencyKey: string;
      submit: boolean;
    }) => {
      const created = await api.post('/api/event-approvals', input, {
        schema: EventApprovalSchema,
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      if (!submit || created.state !== 'DRAFT') return created;
      return api.post(
        `${path(created.id)}/submit`,
        {},
        {
          schema: EventApprovalSchema,
          headers: { 'If-Match': etagOf(created.version), 'Idempotency-Key': `${idempotencyKey}-submit` },
        },
      );
    },
    onSuccess: (item) => refresh(queryClient, item),
  });
}

/** A workflow step on the version shown: 报送 (submit), 审批 (decisions), 举办 (held). */
export function useEventStep<B>(item: EventApproval, step: 'submit' | 'decisions' | 'held') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: B; idempotencyKey: string }) =>
      api.post(`${path(item.id)}/${step}`, body, {
        schema: EventApprovalSchema,
        headers: { 'If-Match': etagOf(item.version), 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: (next) => refresh(queryClient, next),
  });
}

export type DecideBody = DecideEventInput;
export type HoldBody = HoldEventInput;
