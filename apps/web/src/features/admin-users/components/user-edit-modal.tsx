import type { OrgUnit } from '@dutyboard/contracts/orgs';
import type { UpdateUserInput, User } from '@dutyboard/contracts/users';
import { Form, Typography } from 'antd';
import { FormModal } from '../../../components/form-modal.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useDialogSubmit } from '../../../lib/use-dialog-submit.ts';
import { useUpdateUser } from '../api/save-user.ts';
import type { UserDialogProps } from './user-create-modal.tsx';
import { UserDisplayNameField, UserOrgField, UserRoleField } from './user-fields.tsx';
import { checkEdit, USER_FIELDS, type UserFormValues } from './user-form-values.ts';

interface UserEditModalProps extends UserDialogProps {
  user: User;
  /** The signed-in admin's own account: the role cannot be changed (the server refuses it too). */
  isSelf: boolean;
  orgs: OrgUnit[];
}

export function UserEditModal({ user, isSelf, orgs, open, onClose, afterClose }: UserEditModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const update = useUpdateUser();

  const { error, onSubmit } = useDialogSubmit({
    form,
    fields: USER_FIELDS,
    check: (values: UserFormValues) => checkEdit(isSelf ? { ...values, role: user.role } : values, user),
    save: (input: UpdateUserInput) => update.mutateAsync({ id: user.id, input }),
    saving: update.isPending,
    success: () => t('form.saved'),
    onDone: onClose,
    conflict: 'users.selfChange',
  });

  return (
    <FormModal<UserFormValues>
      open={open}
      title={t('users.editTitle', { name: user.username })}
      form={form}
      name="user_edit"
      initialValues={{ displayName: user.displayName, role: user.role, orgId: user.orgId }}
      okText={t('form.save')}
      saving={update.isPending}
      error={error}
      onSubmit={onSubmit}
      onCancel={onClose}
      afterClose={afterClose}
      testId="user-edit-form"
    >
      <UserDisplayNameField />
      <UserRoleField locked={isSelf} />
      <UserOrgField orgs={orgs} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('users.sessionsEnd')}
      </Typography.Paragraph>
    </FormModal>
  );
}
