import { RiskAlertPageSchema } from '@dutyboard/contracts/risk-alerts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys, type RiskAlertListFilter } from '../../../lib/query-keys.ts';

export const RISK_ALERT_PAGE_SIZE = 20;

export function getRiskAlerts(filter: RiskAlertListFilter, cursor: string | undefined, signal?: AbortSignal) {
  return api.get('/api/risk-alerts', {
    query: { ...filter, cursor, limit: RISK_ALERT_PAGE_SIZE },
    schema: RiskAlertPageSchema,
    signal,
  });
}

/** Keyset pages: each page's `nextCursor` fetches the next one. */
export function riskAlertsInfiniteQueryOptions(filter: RiskAlertListFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.riskAlerts.list(filter),
    queryFn: ({ pageParam, signal }) => getRiskAlerts(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useRiskAlerts(filter: RiskAlertListFilter) {
  return useInfiniteQuery(riskAlertsInfiniteQueryOptions(filter));
}
