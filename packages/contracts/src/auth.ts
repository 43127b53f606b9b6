import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.ts';
import { OrgUnitSchema } from './orgs.ts';
import { ActionSchema, RoleSchema } from './permissions.ts';
import { PASSWORD_MIN } from './users.ts';

export const USERNAME_MAX = 64;
export const PASSWORD_MAX = 256;

export const LoginInputSchema = z.object({
  username: z.string().trim().min(1).max(USERNAME_MAX),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const MeSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  org: OrgUnitSchema,
  permissions: z.array(ActionSchema),
});
export type Me = z.infer<typeof MeSchema>;

/** Who is signed in in this browser, or null: the web's start-up probe (GET /api/auth/session),
 * which answers 200 either way so a signed-out visit logs no failed request. */
export const CurrentSessionSchema = z.object({ user: MeSchema.nullable() });
export type CurrentSession = z.infer<typeof CurrentSessionSchema>;

/** A session's id: the SHA-256 (hex) of its cookie token, which cannot be turned back into one. */
export const SessionIdSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const SessionParamsSchema = z.object({ id: SessionIdSchema });

/** One of my signed-in sessions (我的登录会话). */
export const SessionInfoSchema = z.object({
  id: SessionIdSchema,
  createdAt: InstantSchema,
  lastSeenAt: InstantSchema,
  /** When it ends if unused: the earlier of the idle end and the absolute end. */
  expiresAt: InstantSchema,
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const SessionListSchema = z.object({ items: z.array(SessionInfoSchema) });
export type SessionList = z.infer<typeof SessionListSchema>;

export const SessionsEndedSchema = z.object({ ended: z.number().int().min(0) });

/**
 * POST /api/auth/password: my own new password, under the same rule as an admin's (≥ 12
 * characters, not the username — checked by the server, which knows the username). The other
 * sessions of the account end; this one stays.
 */
export const ChangePasswordInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;
export type SessionsEnded = z.infer<typeof SessionsEndedSchema>;
