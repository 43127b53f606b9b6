// URLs that several features build: the activity list behind a dashboard figure, a list's "new"
// page with the list's org, and the sign-in page's `next` target (only ever a path inside this app).
import type { DrillFilter } from '@dutyboard/contracts/dashboard';
import { toSearchParams } from './api-client.ts';

export function activitiesHref(filter: Partial<DrillFilter>): string {
  const search = toSearchParams({
    org: filter.org,
    category: filter.category,
    from: filter.from,
    to: filter.to,
  }).toString();
  return search ? `/activities?${search}` : '/activities';
}

/** `path` with the params that have a value (`/activities/new?org=…`), or the bare path. */
export function pathWithQuery(path: string, query: Record<string, string | undefined>): string {
  const search = toSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

export function loginHref(next: string): string {
  return next && next !== '/' ? `/login?${new URLSearchParams({ next })}` : '/login';
}

/** `next` if it is a path of this app, otherwise null (no open redirect to another site). */
export function safeNext(next: string | null): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) {
    return null;
  }
  return next;
}
