import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  type CreateUserInput,
  PASSWORD_MAX,
  PASSWORD_MIN,
  USERNAME_MAX,
  USERNAME_MIN,
  USERNAME_PATTERN,
} from '@dutyboard/contracts/users';
import { Form, Input } from 'antd';
import { FormModal } from '../../../components/form-modal.tsx';
import { fieldInSentence } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useDialogSubmit } from '../../../lib/use-dialog-submit.ts';
import { useCreateUser } from '../api/save-user.ts';
import { UserDisplayNameField, UserOrgField, UserRoleField } from './user-fields.tsx';
import { checkCreate, USER_FIELDS, type UserFormField, type UserFormValues } from './user-form-values.ts';

export interface UserDialogProps {
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

export function UserCreateModal({ open, onClose, afterClose, orgs }: UserDialogProps & { orgs: OrgUnit[] }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const named = (field: UserFormField) => fieldInSentence(USER_FIELDS[field], t, lang);

  const { error, onSubmit } = useDialogSubmit({
    form,
    fields: USER_FIELDS,
    check: checkCreate,
    save: (input: CreateUserInput) => create.mutateAsync(input),
    saving: create.isPending,
    success: (user) => t('users.created', { name: user.displayName }),
    onDone: onClose,
    conflict: 'users.usernameTaken',
  });

  return (
    <FormModal<UserFormValues>
      open={open}
      title={t('users.newTitle')}
      form={form}
      name="user_create"
      okText={t('users.create')}
      saving={create.isPending}
      error={error}
      onSubmit={onSubmit}
      onCancel={onClose}
      afterClose={afterClose}
      testId="user-form"
    >
      <Form.Item
        label={t('users.username')}
        name="username"
        extra={t('users.usernameHint', { min: USERNAME_MIN, max: USERNAME_MAX })}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: named('username') }) },
          { min: USERNAME_MIN, message: t('validation.minLength', { field: named('username'), min: USERNAME_MIN }) },
          { max: USERNAME_MAX, message: t('validation.maxLength', { field: named('username'), max: USERNAME_MAX }) },
          { pattern: USERNAME_PATTERN, message: t('users.usernameFormat') },
        ]}
      >
        <Input maxLength={USERNAME_MAX} autoComplete="off" autoCapitalize="off" spellCheck={false} />
      </Form.Item>
      <UserDisplayNameField />
      <UserRoleField />
      <UserOrgField orgs={orgs} />
      <Form.Item
        label={t('users.initialPassword')}
        name="password"
        extra={t('users.passwordHint', { min: PASSWORD_MIN })}
        dependencies={['username']}
        rules={[
          { required: true, message: t('validation.required', { field: named('password') }) },
          { min: PASSWORD_MIN, message: t('validation.minLength', { field: named('password'), min: PASSWORD_MIN }) },
          { max: PASSWORD_MAX, message: t('validation.maxLength', { field: named('password'), max: PASSWORD_MAX }) },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const username = String(getFieldValue('username') ?? '').trim();
              return value && username && value.toLowerCase() === username.toLowerCase()
                ? Promise.reject(new Error(t('users.passwordSameAsUsername')))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <Input.Password maxLength={PASSWORD_MAX} autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
