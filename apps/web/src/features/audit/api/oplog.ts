// 操作日志 (GET /api/oplog): keyset pages of the audit trail, newest first, and the people it
// can be narrowed to (GET /api/oplog/actors).
import { OplogActorsSchema, OplogPageSchema } from '@dutyboard/contracts/oplog';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { type OplogListFilter, queryKeys } from '../../../lib/query-keys.ts';

export const OPLOG_PAGE_SIZE = 50;

export function getOplog(filter: OplogListFilter, cursor: string | undefined, signal?: AbortSignal) {
  return api.get('/api/oplog', {
    query: { ...filter, cursor, limit: OPLOG_PAGE_SIZE },
    schema: OplogPageSchema,
    signal,
  });
}

export function oplogInfiniteQueryOptions(filter: OplogListFilter, enabled = true) {
  return infiniteQueryOptions({
    queryKey: queryKeys.audit.oplog(filter),
    queryFn: ({ pageParam, signal }) => getOplog(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled,
    // The log grows with every change anywhere: read it fresh on every visit.
    staleTime: 0,
  });
}

export function useOplog(filter: OplogListFilter, options: { enabled: boolean }) {
  return useInfiniteQuery(oplogInfiniteQueryOptions(filter, options.enabled));
}

export function useOplogActors(enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: queryKeys.audit.oplogActors,
      queryFn: ({ signal }) => api.get('/api/oplog/actors', { schema: OplogActorsSchema, signal }),
      enabled,
    }),
  );
}
