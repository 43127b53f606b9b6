import { RiskPointPageSchema } from '@dutyboard/contracts/risk-points';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys, type RiskPointListFilter } from '../../../lib/query-keys.ts';

export const RISK_POINT_PAGE_SIZE = 20;

export function getRiskPoints(filter: RiskPointListFilter, cursor: string | undefined, signal?: AbortSignal) {
  return api.get('/api/risk-points', {
    query: { ...filter, cursor, limit: RISK_POINT_PAGE_SIZE },
    schema: RiskPointPageSchema,
    signal,
  });
}

/** Keyset pages: each page's `nextCursor` fetches the next one. */
export function riskPointsInfiniteQueryOptions(filter: RiskPointListFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.riskPoints.list(filter),
    queryFn: ({ pageParam, signal }) => getRiskPoints(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useRiskPoints(filter: RiskPointListFilter) {
  return useInfiniteQuery(riskPointsInfiniteQueryOptions(filter));
}
