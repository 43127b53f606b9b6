// User administration (ADMIN only): list, create, change role/org/name, deactivate, reset password.
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.ts';
import { RoleSchema } from './permissions.ts';

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 64;
export const USERNAME_PATTERN = /^[a-zA-Z0-9._-]+$/;
export const DISPLAY_NAME_MAX = 64;
/** OWASP ASVS 2.1.1: at least 12 characters. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const CreateUserInputSchema = z
  .strictObject({
    username: z.string().trim().min(USERNAME_MIN).max(USERNAME_MAX).regex(USERNAME_PATTERN),
    displayName: z.string().trim().min(1).max(DISPLAY_NAME_MAX),
    role: RoleSchema,
    orgId: IdSchema,
    password,
  })
  .refine((v) => v.password.toLowerCase() !== v.username.toLowerCase(), {
    path: ['password'],
    message: '密码不能与用户名相同',
  });
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

export const UpdateUserInputSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(DISPLAY_NAME_MAX),
    role: RoleSchema,
    orgId: IdSchema,
    active: z.boolean(),
    /** A new password; the user's sessions end. */
    password,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  orgId: IdSchema,
  orgName: z.string(),
  active: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type User = z.infer<typeof UserSchema>;

export const UserListSchema = z.object({ items: z.array(UserSchema) });
export type UserList = z.infer<typeof UserListSchema>;
