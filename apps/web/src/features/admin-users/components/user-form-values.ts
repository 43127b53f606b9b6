// What the three user dialogs hold, how their values become API bodies (checked with the
// contract's own schemas, which the server runs too), and the fields' rules from the same schemas.
import type { Role } from '@dutyboard/contracts/permissions';
import {
  type CreateUserInput,
  CreateUserInputSchema,
  type UpdateUserInput,
  UpdateUserInputSchema,
  type User,
} from '@dutyboard/contracts/users';
import { checkBody } from '../../../lib/record-values.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';
import { formFields } from '../../../lib/zod-rules.ts';

export interface UserFormValues {
  username?: string;
  displayName?: string;
  role?: Role;
  orgId?: string;
  password?: string;
}

export const USER_FIELDS = formFields(CreateUserInputSchema, {
  username: { label: 'users.username', format: 'users.usernameFormat' },
  displayName: 'users.displayName',
  role: 'users.role',
  orgId: 'users.org',
  password: { label: 'users.initialPassword', custom: 'users.passwordSameAsUsername' },
});

/** The reset dialog names the same field "new password"; a reset must give one. */
export const PASSWORD_FIELDS = formFields(UpdateUserInputSchema, {
  password: { label: 'users.newPassword', required: true, custom: 'users.passwordSameAsUsername' },
});

export function checkCreate(values: UserFormValues): Checked<CreateUserInput> {
  return checkBody(CreateUserInputSchema, {
    username: values.username?.trim() ?? '',
    displayName: values.displayName?.trim() ?? '',
    role: values.role,
    orgId: values.orgId,
    password: values.password ?? '',
  });
}

/** Only what differs from the stored user; an empty result means nothing changed. */
export function checkEdit(values: UserFormValues, user: User): Checked<UpdateUserInput> | { unchanged: true } {
  const patch: Record<string, unknown> = {};
  const displayName = values.displayName?.trim() ?? '';
  if (displayName !== user.displayName) patch.displayName = displayName;
  if (values.role !== user.role) patch.role = values.role;
  if (values.orgId !== user.orgId) patch.orgId = values.orgId;
  if (Object.keys(patch).length === 0) return { unchanged: true };
  return checkBody(UpdateUserInputSchema, patch);
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
  return checkBody(UpdateUserInputSchema, { password: value });
}
