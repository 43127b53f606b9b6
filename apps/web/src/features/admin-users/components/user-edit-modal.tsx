import type { OrgUnit } from '@dutyboard/contracts/orgs';
import type { UpdateUserInput, User } from '@dutyboard/contracts/users';
import { Form, Typography } from 'antd';
import { type DialogProps, SubmitModal } from '../../../components/form-modal.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useUpdateUser } from '../api/save-user.ts';
import { UserDisplayNameField, UserOrgField, UserRoleField } from './user-fields.tsx';
import { checkEdit, USER_FIELDS, type UserFormValues } from './user-form-values.ts';

interface UserEditModalProps extends DialogProps {
  user: User;
  /** The signed-in admin's own account: the role cannot be changed (the server refuses it too). */
  isSelf: boolean;
  orgs: OrgUnit[];
}

export function UserEditModal({ user, isSelf, orgs, ...dialog }: UserEditModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const update = useUpdateUser();

  return (
    <SubmitModal
      {...dialog}
      title={t('users.editTitle', { name: user.username })}
      form={form}
      name="user_edit"
      initialValues={{ displayName: user.displayName, role: user.role, orgId: user.orgId }}
      okText={t('form.save')}
      testId="user-edit-form"
      fields={USER_FIELDS}
      check={(values: UserFormValues) => checkEdit(isSelf ? { ...values, role: user.role } : values, user)}
      save={(input: UpdateUserInput) => update.mutateAsync({ id: user.id, input })}
      saving={update.isPending}
      success={() => t('form.saved')}
      conflict="users.selfChange"
    >
      <UserDisplayNameField />
      <UserRoleField locked={isSelf} />
      <UserOrgField orgs={orgs} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('users.sessionsEnd')}
      </Typography.Paragraph>
    </SubmitModal>
  );
}
