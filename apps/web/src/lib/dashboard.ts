// GET /api/dashboard: read by the dashboard and by the branches page (the street's per-branch
// counts), so both share one fetcher and one cache entry per (period, org).
import { type Dashboard, type DashboardQuery, DashboardSchema } from '@dutyboard/contracts/dashboard';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

export function getDashboard(query: DashboardQuery, signal?: AbortSignal): Promise<Dashboard> {
  return api.get('/api/dashboard', { query, schema: DashboardSchema, signal });
}

export function dashboardQueryOptions(query: DashboardQuery) {
  return queryOptions({
    queryKey: queryKeys.dashboard.detail(query),
    queryFn: ({ signal }) => getDashboard(query, signal),
  });
}

/** Keeps the previous figures on screen while another period or org loads. */
export function useDashboard(query: DashboardQuery) {
  return useQuery({ ...dashboardQueryOptions(query), placeholderData: keepPreviousData });
}
