import type { Role } from '@dutyboard/contracts/permissions';
import {
  type CreateUserInput,
  CreateUserInputSchema,
  DISPLAY_NAME_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  type UpdateUserInput,
  UpdateUserInputSchema,
  USERNAME_MAX,
  USERNAME_MIN,
  type User,
} from '@dutyboard/contracts/users';
import type { FieldSpecs } from '../../../lib/form-issues.ts';
import { issuesOf } from '../../../lib/form-issues.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';
// What the three user dialogs hold, how their values become API bodies (checked with the
// contract's own schemas, which the server runs too), and how each field is named in messages.

export interface UserFormValues {
  username?: string;
  displayName?: string;
  role?: Role;
  orgId?: string;
  password?: string;
}

export type UserFormField = keyof UserFormValues;

export const USER_FIELDS: FieldSpecs<UserFormField> = {
  username: { label: 'users.username', min: USERNAME_MIN, max: USERNAME_MAX, format: 'users.usernameFormat' },
  displayName: { label: 'users.displayName', max: DISPLAY_NAME_MAX },
  role: { label: 'users.role', choose: true },
  orgId: { label: 'users.org', choose: true },
  password: {
    label: 'users.initialPassword',
    min: PASSWORD_MIN,
    max: PASSWORD_MAX,
    custom: 'users.passwordSameAsUsername',
  },
};

/** The reset dialog names the same field "new password". */
export const PASSWORD_FIELDS: FieldSpecs<'password'> = {
  password: { ...USER_FIELDS.password, label: 'users.newPassword' },
};

export function checkCreate(values: UserFormValues): Checked<CreateUserInput> {
  const parsed = CreateUserInputSchema.safeParse({
    username: values.username?.trim() ?? '',
    displayName: values.displayName?.trim() ?? '',
    role: values.role,
    orgId: values.orgId,
    password: values.password ?? '',
  });
  return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
}

/** Only what differs from the stored user; an empty result means nothing changed. */
export function checkEdit(values: UserFormValues, user: User): Checked<UpdateUserInput> | { unchanged: true } {
  const patch: Record<string, unknown> = {};
  const displayName = values.displayName?.trim() ?? '';
  if (displayName !== user.displayName) patch.displayName = displayName;
  if (values.role !== user.role) patch.role = values.role;
  if (values.orgId !== user.orgId) patch.orgId = values.orgId;
  if (Object.keys(patch).length === 0) return { unchanged: true };
  const parsed = UpdateUserInputSchema.safeParse(patch);
  return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
}

/**
 * A new password for `user`. The contract checks "not the username" only when creating; the
 * dialog holds a reset to the same rule.
 */
export function checkPassword(password: string | undefined, user: User): Checked<UpdateUserInput> {
  const value = password ?? '';
  if (value && value.toLowerCase() === user.username.toLowerCase()) {
    // No message: the field's own `custom` text says it in either language.
    return { issues: [{ field: 'password', code: 'custom', message: '' }] };
  }
  const parsed = UpdateUserInputSchema.safeParse({ password: value });
  return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
}
