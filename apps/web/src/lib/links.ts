// URLs that several features build: a list's "new" page with the list's org, and the sign-in
// page's `next` target (only ever a path inside this app). A dashboard figure's list is
// lib/metric-links.ts drillHref.
import { toSearchParams } from './api-client.ts';

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
