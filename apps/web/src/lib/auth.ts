// Who is signed in (GET /api/auth/session) and what that allows the UI to show. The server enforces every
// permission; the web only hides what the user may not use.
import { CurrentSessionSchema, type Me } from '@dutyboard/contracts/auth';
import { OkSchema } from '@dutyboard/contracts/common';
import { type Action, ROLE_POLICY, type Role } from '@dutyboard/contracts/permissions';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

/** The signed-in user, or null when nobody is. Asked of the session probe, which says "nobody"
 * with a 200, not a 401 the browser would log on every signed-out visit (the sign-in page). */
export async function getMe(): Promise<Me | null> {
  return (await api.get('/api/auth/session', { schema: CurrentSessionSchema })).user;
}

export function meQueryOptions() {
  return queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 5 * 60_000 });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

export function logout(): Promise<unknown> {
  return api.post('/api/auth/logout', undefined, { schema: OkSchema });
}

export function can(me: Me, action: Action): boolean {
  return me.permissions.includes(action);
}

/** Roles that oversee their subtree (leader, auditor, reviewer, admin) may pick any org in it and see branches. */
export function oversees(me: Me): boolean {
  return ROLE_POLICY[me.role].oversees;
}

const ROLE_HOME: Record<Role, string> = {
  // 我的工作: what to add and what is behind (features/home), not the street's dashboard.
  SECRETARY: '/home',
  LEADER: '/dashboard',
  AUDITOR: '/branches',
  ADMIN: '/admin/users',
  REVIEWER: '/dashboard',
};

export function roleHome(role: Role): string {
  return ROLE_HOME[role];
}
