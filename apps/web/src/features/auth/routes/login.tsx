import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { type LoginInput, PASSWORD_MAX, USERNAME_MAX } from '@dutyboard/contracts/auth';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageToggle } from '../../../components/language-toggle.tsx';
import { roleHome, useMe } from '../../../lib/auth.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { safeNext } from '../../../lib/links.ts';
import { useLogin } from '../api/login.ts';

export function LoginRoute() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin();

  // Already signed in (e.g. opened /login in a second tab): go on.
  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next ?? roleHome(me.data.role)} replace />;

  const onFinish = (values: LoginInput) => {
    login.mutate(values, {
      onSuccess: (user) => {
        void navigate(next ?? roleHome(user.role), { replace: true });
      },
    });
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 12 }}>
        <LanguageToggle />
      </div>
      <div
        style={{ flex: 1, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: '4vh 12px' }}
      >
        <Card style={{ width: '100%', maxWidth: 400, borderTop: '3px solid #a8071a' }}>
          <Typography.Title level={3} style={{ color: '#a8071a', textAlign: 'center', marginBottom: 4 }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {t('app.subtitle')}
          </Typography.Paragraph>
          <Typography.Title level={4} style={{ marginTop: 8 }}>
            {t('login.title')}
          </Typography.Title>
          {login.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="login-error"
              title={errorText(login.error, lang, t)}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form<LoginInput> name="login" layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" maxLength={USERNAME_MAX} autoFocus />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={PASSWORD_MAX} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}
