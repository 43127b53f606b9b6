import { PASSWORD_MAX, PASSWORD_MIN, type UpdateUserInput, type User } from '@dutyboard/contracts/users';
import { Alert, Form, Input } from 'antd';
import { FormModal } from '../../../components/form-modal.tsx';
import { fieldInSentence } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useDialogSubmit } from '../../../lib/use-dialog-submit.ts';
import { useUpdateUser } from '../api/save-user.ts';
import type { UserDialogProps } from './user-create-modal.tsx';
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
  const { t, lang } = useI18n();
  const [form] = Form.useForm<PasswordValues>();
  const update = useUpdateUser();
  const named = fieldInSentence(PASSWORD_FIELDS.password, t, lang);

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
      <Form.Item
        label={t('users.newPassword')}
        name="password"
        extra={t('users.passwordHint', { min: PASSWORD_MIN })}
        rules={[
          { required: true, message: t('validation.required', { field: named }) },
          { min: PASSWORD_MIN, message: t('validation.minLength', { field: named, min: PASSWORD_MIN }) },
          { max: PASSWORD_MAX, message: t('validation.maxLength', { field: named, max: PASSWORD_MAX }) },
          {
            validator: (_, value: string | undefined) =>
              value && value.toLowerCase() === user.username.toLowerCase()
                ? Promise.reject(new Error(t('users.passwordSameAsUsername')))
                : Promise.resolve(),
          },
        ]}
      >
        <Input.Password maxLength={PASSWORD_MAX} autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
