import type { OrgUnit } from '@dutyboard/contracts/orgs';
import type { CreateUserInput } from '@dutyboard/contracts/users';
import { Form, Input } from 'antd';
import { type DialogProps, SubmitModal } from '../../../components/form-modal.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useCreateUser } from '../api/save-user.ts';
import { UserDisplayNameField, UserOrgField, UserPasswordField, UserRoleField, useUserFields } from './user-fields.tsx';
import { checkCreate, USER_FIELDS, type UserFormValues } from './user-form-values.ts';

export function UserCreateModal({ orgs, ...dialog }: DialogProps & { orgs: OrgUnit[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const { item, max, min } = useUserFields();

  return (
    <SubmitModal
      {...dialog}
      title={t('users.newTitle')}
      form={form}
      name="user_create"
      okText={t('users.create')}
      testId="user-form"
      fields={USER_FIELDS}
      check={checkCreate}
      save={(input: CreateUserInput) => create.mutateAsync(input)}
      saving={create.isPending}
      success={(user) => t('users.created', { name: user.displayName })}
      conflict="users.usernameTaken"
    >
      <Form.Item
        {...item('username')}
        extra={t('users.usernameHint', { min: min('username') ?? '', max: max('username') ?? '' })}
      >
        <Input maxLength={max('username')} autoComplete="off" autoCapitalize="off" spellCheck={false} />
      </Form.Item>
      <UserDisplayNameField />
      <UserRoleField />
      <UserOrgField orgs={orgs} />
      <UserPasswordField reset={false} username={() => String(form.getFieldValue('username') ?? '')} />
    </SubmitModal>
  );
}
