import { RiskPointCheckPageSchema, RiskPointSchema } from '@dutyboard/contracts/risk-points';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const CHECK_PAGE_SIZE = 10;

export function getRiskPoint(id: string, signal?: AbortSignal) {
  return api.get(`/api/risk-points/${encodeURIComponent(id)}`, { schema: RiskPointSchema, signal });
}

export function riskPointQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.riskPoints.detail(id),
    queryFn: ({ signal }) => getRiskPoint(id, signal),
  });
}

export function useRiskPoint(id: string) {
  return useQuery(riskPointQueryOptions(id));
}

/** One point's checks, newest first, a page at a time. */
export function getRiskPointChecks(id: string, cursor: string | undefined, signal?: AbortSignal) {
  return api.get(`/api/risk-points/${encodeURIComponent(id)}/checks`, {
    query: { cursor, limit: CHECK_PAGE_SIZE },
    schema: RiskPointCheckPageSchema,
    signal,
  });
}

export function riskPointChecksQueryOptions(id: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.riskPoints.checks(id),
    queryFn: ({ pageParam, signal }) => getRiskPointChecks(id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useRiskPointChecks(id: string) {
  return useInfiniteQuery(riskPointChecksQueryOptions(id));
}
