// Create, update and delete. Each success refreshes every study-session list, the record's
// history and every dashboard figure through the shared query keys.
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import {
  type CreateStudySessionInput,
  type RecordMakeUpInput,
  type StudySession,
  StudySessionSchema,
  type UpdateStudySessionInput,
} from '@dutyboard/contracts/study-sessions';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * `idempotencyKey` names this one submission: a retry of the same values (a double tap, a lost
 * answer on a weak connection) sends the same key and gets the first record back, not a second.
 */
export function createStudySession(input: CreateStudySessionInput, idempotencyKey: string): Promise<StudySession> {
  return api.post('/api/study-sessions', input, {
    schema: StudySessionSchema,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

// `version` is the record's version as loaded: the server refuses the change with 412
// PRECONDITION_FAILED when someone else changed the record since.
export function updateStudySession(id: string, version: number, input: UpdateStudySessionInput): Promise<StudySession> {
  return api.patch(`/api/study-sessions/${encodeURIComponent(id)}`, input, {
    schema: StudySessionSchema,
    headers: { 'If-Match': etagOf(version) },
  });
}

export function deleteStudySession(id: string, version: number): Promise<unknown> {
  return api.delete(`/api/study-sessions/${encodeURIComponent(id)}`, {
    schema: OkSchema,
    headers: { 'If-Match': etagOf(version) },
  });
}

async function refreshLists(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.studySessions.lists }),
    queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all }),
  ]);
}

async function refreshAfterChange(queryClient: QueryClient, id: string) {
  await Promise.all([
    refreshLists(queryClient),
    queryClient.invalidateQueries({ queryKey: queryKeys.history.detail('StudySession', id) }),
  ]);
}

export function useCreateStudySession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateStudySessionInput; idempotencyKey: string }) =>
      createStudySession(input, idempotencyKey),
    onSuccess: async (session) => {
      queryClient.setQueryData(queryKeys.studySessions.detail(session.id), session);
      await refreshAfterChange(queryClient, session.id);
    },
  });
}

export function useUpdateStudySession(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateStudySessionInput) => updateStudySession(id, version, input),
    onSuccess: async (session) => {
      queryClient.setQueryData(queryKeys.studySessions.detail(session.id), session);
      await refreshAfterChange(queryClient, session.id);
    },
  });
}

export function useDeleteStudySession(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteStudySession(id, version),
    onSuccess: async () => {
      // Marked stale, not removed: the detail page still shows it while navigating away, and
      // visiting it again refetches (and finds it gone).
      // Its history and evidence are gone with it: nothing of it is refetched.
      await queryClient.invalidateQueries({ queryKey: queryKeys.studySessions.detail(id), refetchType: 'none' });
      await refreshLists(queryClient);
    },
  });
}

/** A member's 补学, recorded after the session on the version loaded (ADR 051). */
export function recordMakeUp(
  id: string,
  version: number,
  input: RecordMakeUpInput,
  idempotencyKey: string,
): Promise<StudySession> {
  return api.post(`/api/study-sessions/${encodeURIComponent(id)}/make-ups`, input, {
    schema: StudySessionSchema,
    headers: { 'If-Match': etagOf(version), 'Idempotency-Key': idempotencyKey },
  });
}

export function useRecordMakeUp(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: RecordMakeUpInput; idempotencyKey: string }) =>
      recordMakeUp(id, version, input, idempotencyKey),
    onSuccess: async (session) => {
      queryClient.setQueryData(queryKeys.studySessions.detail(session.id), session);
      await refreshAfterChange(queryClient, session.id);
    },
  });
}
