// Fields the create and edit dialogs share, with the contract's limits as their rules.

import { ROLE_LABELS } from '@dutyboard/contracts/labels';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { ROLES } from '@dutyboard/contracts/permissions';
import { DISPLAY_NAME_MAX } from '@dutyboard/contracts/users';
import { Form, Input, Select } from 'antd';
import { OrgSelect } from '../../../components/org-select.tsx';
import { fieldInSentence } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { USER_FIELDS, type UserFormField } from './user-form-values.ts';

function useNamed() {
  const { t, lang } = useI18n();
  return { t, named: (field: UserFormField) => fieldInSentence(USER_FIELDS[field], t, lang) };
}

export function UserDisplayNameField() {
  const { t, named } = useNamed();
  return (
    <Form.Item
      label={t('users.displayName')}
      name="displayName"
      rules={[
        { required: true, whitespace: true, message: t('validation.required', { field: named('displayName') }) },
        {
          max: DISPLAY_NAME_MAX,
          message: t('validation.maxLength', { field: named('displayName'), max: DISPLAY_NAME_MAX }),
        },
      ]}
    >
      <Input maxLength={DISPLAY_NAME_MAX} autoComplete="off" />
    </Form.Item>
  );
}

/** `locked`: the admin's own role, which the server will not change. */
export function UserRoleField({ locked = false }: { locked?: boolean }) {
  const { t, named } = useNamed();
  const { nameOf } = useI18n();
  return (
    <Form.Item
      label={t('users.role')}
      name="role"
      extra={locked ? t('users.ownRoleLocked') : undefined}
      rules={[{ required: true, message: t('validation.select', { field: named('role') }) }]}
    >
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
  const { t, named } = useNamed();
  return (
    <Form.Item
      label={t('users.org')}
      name="orgId"
      rules={[{ required: true, message: t('validation.select', { field: named('orgId') }) }]}
    >
      <OrgSelect orgs={orgs} testId="user-org" />
    </Form.Item>
  );
}
