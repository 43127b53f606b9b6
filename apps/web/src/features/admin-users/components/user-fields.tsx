// Fields the user dialogs share, with the contract's rules (user-form-values.ts).
import { ROLE_LABELS } from '@dutyboard/contracts/labels';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { ROLES } from '@dutyboard/contracts/permissions';
import type { FormRule } from 'antd';
import { Form, Input, Select } from 'antd';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { PASSWORD_FIELDS, USER_FIELDS } from './user-form-values.ts';

export const useUserFields = () => useFormFields(USER_FIELDS);

export function UserDisplayNameField() {
  const { item, max } = useUserFields();
  return (
    <Form.Item {...item('displayName')}>
      <Input maxLength={max('displayName')} autoComplete="off" />
    </Form.Item>
  );
}

/** `locked`: the admin's own role, which the server will not change. */
export function UserRoleField({ locked = false }: { locked?: boolean }) {
  const { t, nameOf } = useI18n();
  const { item } = useUserFields();
  return (
    <Form.Item {...item('role')} extra={locked ? t('users.ownRoleLocked') : undefined}>
      <Select
        disabled={locked}
        placeholder={t('users.rolePlaceholder')}
        options={ROLES.map((role) => ({ value: role, label: nameOf(ROLE_LABELS, role) }))}
        data-testid="user-role"
      />
    </Form.Item>
  );
}

export function UserOrgField({ orgs }: { orgs: OrgUnit[] }) {
  const { item } = useUserFields();
  return (
    <Form.Item {...item('orgId')}>
      <OrgSelect orgs={orgs} testId="user-org" />
    </Form.Item>
  );
}

/**
 * A new password (initial or reset): the contract's length rules, plus not the username — the
 * contract's refinement on creating, which a reset holds to as well.
 */
export function UserPasswordField({ reset, username }: { reset: boolean; username: () => string }) {
  const { t } = useI18n();
  const fields = useFormFields(reset ? PASSWORD_FIELDS : { password: USER_FIELDS.password });
  const notUsername: FormRule = {
    validator: (_, value: string | undefined) => {
      const name = username().trim();
      return value && name && value.toLowerCase() === name.toLowerCase()
        ? Promise.reject(new Error(t('users.passwordSameAsUsername')))
        : Promise.resolve();
    },
  };
  const { label, name, rules = [] } = fields.item('password');
  return (
    <Form.Item
      label={label}
      name={name}
      extra={t('users.passwordHint', { min: fields.min('password') ?? '' })}
      dependencies={reset ? undefined : ['username']}
      rules={[...rules, notUsername]}
    >
      <Input.Password maxLength={fields.max('password')} autoComplete="new-password" />
    </Form.Item>
  );
}
