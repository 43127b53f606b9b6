import { z } from 'zod';
import { IdSchema } from './common.ts';
import { OrgUnitSchema } from './orgs.ts';
import { ActionSchema, RoleSchema } from './permissions.ts';

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
