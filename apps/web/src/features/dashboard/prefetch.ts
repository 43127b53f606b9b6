// The dashboard's reads, started by its route loader (app/router.tsx) while the page's code is
// still loading, so the figures arrive about when the page can show them. Same query keys as
// the page's hooks, so the page finds them in the cache (or in flight) and asks nothing twice.
import type { DashboardQuery } from '@dutyboard/contracts/dashboard';
import type { QueryClient } from '@tanstack/react-query';
import { can, meQueryOptions } from '../../lib/auth.ts';
import { dashboardQueryOptions } from '../../lib/dashboard-query.ts';
import { orgsQueryOptions, readsOrgsAtOnce } from '../../lib/orgs.ts';
import { periodOrgFromParams } from '../../lib/periods.ts';

/** A table page in the URL ("bpage=3"); the first page is no parameter. */
function pageParam(params: URLSearchParams, key: string): number | undefined {
  const n = Number(params.get(key));
  return Number.isInteger(n) && n > 1 ? n : undefined;
}

/**
 * The period and org the URL asks for (the current half year and the user's own org by default),
 * and the pages of the branch and owner tables (bpage, opage).
 */
export function dashboardQueryFromParams(params: URLSearchParams): DashboardQuery & { period: string } {
  return {
    ...periodOrgFromParams(params),
    branchPage: pageParam(params, 'bpage'),
    ownerPage: pageParam(params, 'opage'),
  };
}

/**
 * Starts the page's reads. The figures are asked at once rather than after the session probe's answer:
 * that answer is handled on the main thread, which is busy with the first render by then, and
 * the page asks for them whoever the caller is anyway (a signed-out caller's 401 sends them to
 * sign in, like any read's). The org list waits for the user, as the page's does, and is read
 * only for those whose page reads it at once (not leadership: theirs waits for the selector).
 */
export function prefetchDashboard(client: QueryClient, params: URLSearchParams): void {
  void client.prefetchQuery(dashboardQueryOptions(dashboardQueryFromParams(params)));
  client
    .fetchQuery(meQueryOptions())
    .then((me) =>
      me && can(me, 'dashboard:read') && readsOrgsAtOnce(me) ? client.prefetchQuery(orgsQueryOptions()) : undefined,
    )
    .catch(() => undefined);
}
