// Who is signed in (GET /api/me) and what that allows the UI to show. The server enforces every
// permission; the web only hides what the user may not use.
import { type Me, MeSchema } from '@dutyboard/contracts/auth';
import { OkSchema } from '@dutyboard/contracts/common';
import { type Action, ROLE_POLICY, type Role } from '@dutyboard/contracts/permissions';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

/** The signed-in user, or null when nobody is. */
export async function getMe(): Promise<Me | null> {
  try {
    return await api.get('/api/me', { schema: MeSchema });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
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

/** Roles whose scope is every org (leader, auditor, admin) may pick any org and see branches. */
export function hasScopeAll(me: Me): boolean {
  return ROLE_POLICY[me.role].scope === 'ALL';
}

const ROLE_HOME: Record<Role, string> = {
  // 我的工作: what to add and what is behind (features/home), not the street's dashboard.
  SECRETARY: '/home',
  LEADER: '/dashboard',
  AUDITOR: '/branches',
  ADMIN: '/admin/users',
};

export function roleHome(role: Role): string {
  return ROLE_HOME[role];
}
