import { PublicityPageSchema } from '@dutyboard/contracts/publicity';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type PublicityListFilter, queryKeys } from '../../../lib/query-keys.ts';

export const PUBLICITY_PAGE_SIZE = 20;

export function getPublicityList(filter: PublicityListFilter, cursor: string | undefined, signal?: AbortSignal) {
  return api.get('/api/publicity', {
    query: { ...filter, cursor, limit: PUBLICITY_PAGE_SIZE },
    schema: PublicityPageSchema,
    signal,
  });
}

/** Keyset pages: each page's `nextCursor` fetches the next one. */
export function publicityInfiniteQueryOptions(filter: PublicityListFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.publicity.list(filter),
    queryFn: ({ pageParam, signal }) => getPublicityList(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePublicityList(filter: PublicityListFilter) {
  return useInfiniteQuery(publicityInfiniteQueryOptions(filter));
}
