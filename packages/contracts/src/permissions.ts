// Who may do what, as data. The API enforces it (apps/api/src/plugins/auth.ts); the web only
// reads it to decide which navigation and buttons to show. Deny by default: an action missing
// from a role's list is refused.
import { z } from 'zod';

export const ROLES = ['LEADER', 'SECRETARY', 'AUDITOR', 'ADMIN'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ACTIONS = [
  'org:read',
  'org:manage',
  'user:manage',
  'activity:read',
  'activity:create',
  'activity:update',
  'activity:delete',
  'plan:manage',
  'dashboard:read',
  'audit:read',
] as const;
export const ActionSchema = z.enum(ACTIONS);
export type Action = z.infer<typeof ActionSchema>;

/** ALL: every org; SUBTREE: the user's home org and the orgs below it. */
export type Scope = 'ALL' | 'SUBTREE';

export const ROLE_POLICY: Record<Role, { scope: Scope; actions: readonly Action[] }> = {
  LEADER: {
    scope: 'ALL',
    actions: ['org:read', 'activity:read', 'dashboard:read', 'plan:manage', 'audit:read'],
  },
  SECRETARY: {
    scope: 'SUBTREE',
    actions: ['org:read', 'activity:read', 'activity:create', 'activity:update', 'activity:delete', 'dashboard:read'],
  },
  AUDITOR: {
    scope: 'ALL',
    actions: ['org:read', 'activity:read', 'dashboard:read', 'audit:read'],
  },
  ADMIN: {
    scope: 'ALL',
    actions: ['org:read', 'org:manage', 'user:manage', 'activity:read', 'dashboard:read', 'audit:read'],
  },
};

export function can(role: Role, action: Action): boolean {
  return ROLE_POLICY[role].actions.includes(action);
}
