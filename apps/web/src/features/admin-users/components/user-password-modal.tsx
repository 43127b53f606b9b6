import { PASSWORD_MAX, PASSWORD_MIN, type User } from '@dutyboard/contracts/users';
import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { fieldInSentence, saveErrorText, showFieldIssues } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateUser();
  const named = fieldInSentence(PASSWORD_FIELDS.password, t, lang);

  const onSubmit = (values: PasswordValues) => {
    if (update.isPending) return;
    setError(null);
    const checked = checkPassword(values.password, user);
    if ('issues' in checked) {
      const unplaced = showFieldIssues(form, PASSWORD_FIELDS, checked.issues, t, lang);
      setError(unplaced.length > 0 ? unplaced.join('；') : null);
      return;
    }
    update.mutate(
      { id: user.id, input: checked.input },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (failure) => setError(saveErrorText(form, PASSWORD_FIELDS, failure, t, lang)),
      },
    );
  };

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
