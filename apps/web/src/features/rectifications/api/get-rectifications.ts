import { RectificationPageSchema } from '@dutyboard/contracts/rectifications';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys, type RectificationListFilter } from '../../../lib/query-keys.ts';

export const RECTIFICATION_PAGE_SIZE = 20;

export function getRectifications(filter: RectificationListFilter, cursor: string | undefined, signal?: AbortSignal) {
  return api.get('/api/rectifications', {
    query: { ...filter, cursor, limit: RECTIFICATION_PAGE_SIZE },
    schema: RectificationPageSchema,
    signal,
  });
}

/** Keyset pages: each page's `nextCursor` fetches the next one. */
export function rectificationsInfiniteQueryOptions(filter: RectificationListFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.rectifications.list(filter),
    queryFn: ({ pageParam, signal }) => getRectifications(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useRectifications(filter: RectificationListFilter) {
  return useInfiniteQuery(rectificationsInfiniteQueryOptions(filter));
}
