// Every check (排查) in the caller's reach, for the checks list: the records the dashboard's
// RISK_POINT_CHECK figure counts (it drills here with onTime=true and the period's days).
import { RiskPointCheckPageSchema } from '@dutyboard/contracts/risk-points';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys, type RiskPointCheckListFilter } from '../../../lib/query-keys.ts';

export const CHECK_LIST_PAGE_SIZE = 20;

export function getRiskPointCheckList(
  filter: RiskPointCheckListFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
) {
  return api.get('/api/risk-points/checks', {
    query: { ...filter, cursor, limit: CHECK_LIST_PAGE_SIZE },
    schema: RiskPointCheckPageSchema,
    signal,
  });
}

/** Keyset pages: each page's `nextCursor` fetches the next one. */
export function riskPointCheckListInfiniteQueryOptions(filter: RiskPointCheckListFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.riskPoints.checkList(filter),
    queryFn: ({ pageParam, signal }) => getRiskPointCheckList(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useRiskPointCheckList(filter: RiskPointCheckListFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...riskPointCheckListInfiniteQueryOptions(filter), enabled: options.enabled ?? true });
}
