import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { type LoginInput, PASSWORD_MAX, USERNAME_MAX } from '@dutyboard/contracts/auth';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageToggle } from '../../../components/language-toggle.tsx';
import { roleHome, useMe } from '../../../lib/auth.ts';
import { COLORS } from '../../../lib/colors.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { safeNext } from '../../../lib/links.ts';
import { forgetSessionEnd, sessionEndNotice } from '../../../lib/session-end.ts';
import { useLogin } from '../api/login.ts';

export function LoginRoute() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin();
  // Read once: the notice stays while the page is open, even as a sign-in attempt fails.
  const [ended] = useState(sessionEndNotice);

  // Already signed in (e.g. opened /login in a second tab): go on.
  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next ?? roleHome(me.data.role)} replace />;

  const onFinish = (values: LoginInput) => {
    login.mutate(values, {
      onSuccess: (user) => {
        forgetSessionEnd();
        void navigate(next ?? roleHome(user.role), { replace: true });
      },
    });
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <header style={{ display: 'flex', justifyContent: 'flex-end', padding: 12 }}>
        <LanguageToggle />
      </header>
      <main
        style={{ flex: 1, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: '4vh 12px' }}
      >
        <Card style={{ width: '100%', maxWidth: 400, borderTop: `3px solid ${COLORS.brand}` }}>
          {/* The product is the page's one h1, at the size the card has room for; 登录 is its section. */}
          <Typography.Title
            level={1}
            style={{ color: COLORS.brand, textAlign: 'center', marginBottom: 4, fontSize: 24, lineHeight: 1.35 }}
          >
            {t('app.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {t('app.subtitle')}
          </Typography.Paragraph>
          <Typography.Title level={2} style={{ marginTop: 8, fontSize: 20, lineHeight: 1.4 }}>
            {t('login.title')}
          </Typography.Title>
          {ended && (
            <Alert
              type="warning"
              showIcon
              role="status"
              data-testid="session-ended"
              data-notice={ended}
              title={t(`login.sessionEnded.${ended}`)}
              description={ended === 'draftSaved' ? t('login.sessionEnded.draftSavedHint') : undefined}
              style={{ marginBottom: 16 }}
            />
          )}
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
      </main>
    </div>
  );
}
