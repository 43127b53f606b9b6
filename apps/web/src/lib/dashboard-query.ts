// GET /api/dashboard's fetcher and query: apart from lib/dashboard.ts's label and colour helpers,
// so that the dashboard route's loader (app/router.tsx, in the entry chunk) can start the read
// without bringing every record type's contract along.
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
