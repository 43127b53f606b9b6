// 党工委 meetings (ADR 046): list, one meeting, create, edit, delete. A save also refreshes the
// responsibility list, where the meeting's decisions appear as tasks.
import { AssignmentOwnerListSchema } from '@dutyboard/contracts/assignments';
import {
  type CreateMeetingInput,
  type Meeting,
  type MeetingKind,
  MeetingPageSchema,
  MeetingSchema,
  type UpdateMeetingInput,
} from '@dutyboard/contracts/committee-meetings';
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The list's query as the URL carries it (a figure's drill: kind, org and the period's days). */
export interface MeetingListFilter {
  org?: string;
  /** 'true': the org's own meetings only (a duty's drill, ADR 045). */
  own?: 'true';
  kind?: MeetingKind;
  from?: string;
  to?: string;
}

export const meetingKeys = {
  all: ['committee-meetings'] as const,
  lists: ['committee-meetings', 'list'] as const,
  list: (filter: MeetingListFilter) => ['committee-meetings', 'list', filter] as const,
  detail: (id: string) => ['committee-meetings', 'detail', id] as const,
};

const PAGE_SIZE = 20;
const path = (id: string) => `/api/committee-meetings/${encodeURIComponent(id)}`;

export function useMeetings(filter: MeetingListFilter) {
  return useInfiniteQuery({
    queryKey: meetingKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api.get('/api/committee-meetings', {
        query: { ...filter, cursor: pageParam, limit: PAGE_SIZE },
        schema: MeetingPageSchema,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => api.get(path(id), { schema: MeetingSchema, signal }),
    // The decisions' states live on the tasks: read them fresh.
    staleTime: 0,
  });
}

async function refresh(queryClient: QueryClient, saved?: Meeting) {
  if (saved) queryClient.setQueryData(meetingKeys.detail(saved.id), saved);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: meetingKeys.lists }),
    queryClient.invalidateQueries({ queryKey: queryKeys.assignments.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  ]);
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateMeetingInput; idempotencyKey: string }) =>
      api.post('/api/committee-meetings', input, {
        schema: MeetingSchema,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: (saved) => refresh(queryClient, saved),
  });
}

/** A change on the version shown (If-Match): a concurrent edit is a 412, a dropped done task a 409. */
export function useUpdateMeeting(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMeetingInput) =>
      api.patch(path(id), input, { schema: MeetingSchema, headers: { 'If-Match': etagOf(version) } }),
    onSuccess: (saved) => refresh(queryClient, saved),
  });
}

export function useDeleteMeeting(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(path(id), { schema: OkSchema, headers: { 'If-Match': etagOf(version) } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.detail(id), refetchType: 'none' });
      await refresh(queryClient);
    },
  });
}

/** Who a decision may be given to: the same list as the responsibility list's owner picker. */
export function useMeetingOwners(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.assignments.owners,
    queryFn: ({ signal }) => api.get('/api/assignments/owners', { schema: AssignmentOwnerListSchema, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}
