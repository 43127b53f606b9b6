// 修改密码 on the sessions page: the current password, the new one twice. The rule (≥ 12
// characters, not the username) is checked here for a quick answer and again by the server;
// the server's answer names the field (a wrong current password, say). Success says how many
// other devices were signed out.
import { PASSWORD_MIN } from '@dutyboard/contracts/users';
import { App, Button, Card, Form, Input } from 'antd';
import { isApiError } from '../../../lib/api-client.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useChangePassword } from '../api/sessions.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordCard() {
  const { t, lang } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const onFinish = (values: Values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: ({ ended }) => {
          form.resetFields();
          void message.success(t('password.changed', { count: ended }));
        },
        onError: (error) => {
          const fields = isApiError(error) ? error.fields : [];
          const known = fields.filter((f) => f.field === 'currentPassword' || f.field === 'newPassword');
          if (known.length > 0) {
            form.setFields(known.map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
          } else {
            void message.error(errorText(error, lang, t));
          }
        },
      },
    );

  return (
    <Card title={t('password.title')} style={{ marginTop: 16 }} data-testid="change-password">
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule', { min: PASSWORD_MIN })}
          rules={[
            { required: true, message: t('password.rule', { min: PASSWORD_MIN }) },
            { min: PASSWORD_MIN, message: t('password.rule', { min: PASSWORD_MIN }) },
            {
              validator: async (_rule, value: string | undefined) => {
                if (value && value.toLowerCase() === me.username.toLowerCase())
                  throw new Error(t('password.notUsername'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
