import type { UpdateUserInput, User } from '@dutyboard/contracts/users';
import { Alert, Form } from 'antd';
import { FormModal } from '../../../components/form-modal.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useDialogSubmit } from '../../../lib/use-dialog-submit.ts';
import { useUpdateUser } from '../api/save-user.ts';
import type { UserDialogProps } from './user-create-modal.tsx';
import { UserPasswordField } from './user-fields.tsx';
import { checkPassword, PASSWORD_FIELDS } from './user-form-values.ts';

interface PasswordValues {
  password?: string;
}

/** Sets a new password; the server ends every session of the user. */
export function UserPasswordModal({
  user,
  isSelf,
  open,
  onClose,
  afterClose,
}: UserDialogProps & { user: User; isSelf: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PasswordValues>();
  const update = useUpdateUser();

  const { error, onSubmit } = useDialogSubmit({
    form,
    fields: PASSWORD_FIELDS,
    check: (values: PasswordValues) => checkPassword(values.password, user),
    save: (input: UpdateUserInput) => update.mutateAsync({ id: user.id, input }),
    saving: update.isPending,
    success: () => t('users.passwordReset', { name: user.displayName }),
    onDone: onClose,
  });

  return (
    <FormModal<PasswordValues>
      open={open}
      title={t('users.passwordTitle', { name: user.username })}
      form={form}
      name="user_password"
      okText={t('form.save')}
      saving={update.isPending}
      error={error}
      onSubmit={onSubmit}
      onCancel={onClose}
      afterClose={afterClose}
      testId="user-password-form"
    >
      <Alert
        type={isSelf ? 'warning' : 'info'}
        showIcon
        title={isSelf ? t('users.ownPassword') : t('users.passwordSessionsEnd')}
        style={{ marginBottom: 16 }}
      />
      <UserPasswordField reset username={() => user.username} />
    </FormModal>
  );
}
