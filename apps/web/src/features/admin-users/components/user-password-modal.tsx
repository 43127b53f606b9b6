import type { UpdateUserInput, User } from '@dutyboard/contracts/users';
import { Alert, Form } from 'antd';
import { type DialogProps, SubmitModal } from '../../../components/form-modal.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useUpdateUser } from '../api/save-user.ts';
import { UserPasswordField } from './user-fields.tsx';
import { checkPassword, PASSWORD_FIELDS } from './user-form-values.ts';

interface PasswordValues {
  password?: string;
}

/** Sets a new password; the server ends every session of the user. */
export function UserPasswordModal({ user, isSelf, ...dialog }: DialogProps & { user: User; isSelf: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PasswordValues>();
  const update = useUpdateUser();

  return (
    <SubmitModal
      {...dialog}
      title={t('users.passwordTitle', { name: user.username })}
      form={form}
      name="user_password"
      okText={t('form.save')}
      testId="user-password-form"
      fields={PASSWORD_FIELDS}
      check={(values: PasswordValues) => checkPassword(values.password, user)}
      save={(input: UpdateUserInput) => update.mutateAsync({ id: user.id, input })}
      saving={update.isPending}
      success={() => t('users.passwordReset', { name: user.displayName })}
    >
      <Alert
        type={isSelf ? 'warning' : 'info'}
        showIcon
        title={isSelf ? t('users.ownPassword') : t('users.passwordSessionsEnd')}
        style={{ marginBottom: 16 }}
      />
      <UserPasswordField reset username={() => user.username} />
    </SubmitModal>
  );
}
