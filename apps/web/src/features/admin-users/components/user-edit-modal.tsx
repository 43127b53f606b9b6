import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { ROLES } from '@dutyboard/contracts/permissions';
import { DISPLAY_NAME_MAX, type UpdateUserInput, type User } from '@dutyboard/contracts/users';
import { Form, Input, Select, Typography } from 'antd';
import { FormModal } from '../../../components/form-modal.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { fieldInSentence } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useDialogSubmit } from '../../../lib/use-dialog-submit.ts';
import { useUpdateUser } from '../api/save-user.ts';
import type { UserDialogProps } from './user-create-modal.tsx';
import { checkEdit, USER_FIELDS, type UserFormField, type UserFormValues } from './user-form-values.ts';

interface UserEditModalProps extends UserDialogProps {
  user: User;
  /** The signed-in admin's own account: the role cannot be changed (the server refuses it too). */
  isSelf: boolean;
  orgs: OrgUnit[];
}

export function UserEditModal({ user, isSelf, orgs, open, onClose, afterClose }: UserEditModalProps) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const update = useUpdateUser();
  const named = (field: UserFormField) => fieldInSentence(USER_FIELDS[field], t, lang);

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
      <Form.Item
        label={t('users.role')}
        name="role"
        extra={isSelf ? t('users.ownRoleLocked') : undefined}
        rules={[{ required: true, message: t('validation.select', { field: named('role') }) }]}
      >
        <Select
          disabled={isSelf}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          data-testid="user-role"
        />
      </Form.Item>
      <Form.Item
        label={t('users.org')}
        name="orgId"
        rules={[{ required: true, message: t('validation.select', { field: named('orgId') }) }]}
      >
        <OrgSelect orgs={orgs} testId="user-org" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('users.sessionsEnd')}
      </Typography.Paragraph>
    </FormModal>
  );
}
