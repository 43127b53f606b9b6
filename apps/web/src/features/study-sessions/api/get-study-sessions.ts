import { StudySessionPageSchema } from '@dutyboard/contracts/study-sessions';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys, type StudySessionListFilter } from '../../../lib/query-keys.ts';

export const STUDY_SESSION_PAGE_SIZE = 20;

export function getStudySessions(filter: StudySessionListFilter, cursor: string | undefined, signal?: AbortSignal) {
  return api.get('/api/study-sessions', {
    query: { ...filter, cursor, limit: STUDY_SESSION_PAGE_SIZE },
    schema: StudySessionPageSchema,
    signal,
  });
}

/** Keyset pages: each page's `nextCursor` fetches the next one. */
export function studySessionsInfiniteQueryOptions(filter: StudySessionListFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.studySessions.list(filter),
    queryFn: ({ pageParam, signal }) => getStudySessions(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useStudySessions(filter: StudySessionListFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...studySessionsInfiniteQueryOptions(filter), enabled: options.enabled ?? true });
}
