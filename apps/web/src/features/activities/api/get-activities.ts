import { ActivityPageSchema } from '@dutyboard/contracts/activities';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type ActivityListFilter, queryKeys } from '../../../lib/query-keys.ts';

export const ACTIVITY_PAGE_SIZE = 20;

export function getActivities(filter: ActivityListFilter, cursor: string | undefined, signal?: AbortSignal) {
  return api.get('/api/activities', {
    query: { ...filter, cursor, limit: ACTIVITY_PAGE_SIZE },
    schema: ActivityPageSchema,
    signal,
  });
}

/** Keyset pages: each page's `nextCursor` fetches the next one. */
export function activitiesInfiniteQueryOptions(filter: ActivityListFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.activities.list(filter),
    queryFn: ({ pageParam, signal }) => getActivities(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useActivities(filter: ActivityListFilter) {
  return useInfiniteQuery(activitiesInfiniteQueryOptions(filter));
}
