// /account/sessions (我的登录会话): where my account is signed in, with 退出 per session and
// 退出其他设备. Ending the current session is signing out, so it is not offered here.
import { LogoutOutlined } from '@ant-design/icons';
import type { SessionInfo } from '@dutyboard/contracts/auth';
import { App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useEndOtherSessions, useEndSession, useMySessions } from '../api/sessions.ts';
import { ChangePasswordCard } from '../components/change-password-card.tsx';

// First match wins: Edge and WeChat also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/Edg\/(\d+)/, 'Edge'],
  [/MicroMessenger\/(\d+)/, '微信'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrome\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome 131 · Windows" is enough to recognise a device; the full string is in the tooltip. */
function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.map(([re, name]) => {
    const m = re.exec(userAgent);
    return m ? `${name} ${m[1]}` : null;
  }).find(Boolean);
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  const name = [browser, system].filter(Boolean).join(' · ');
  return name || userAgent.slice(0, 60);
}

export function SessionsRoute() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const sessions = useMySessions();
  const endOne = useEndSession();
  const endOthers = useEndOtherSessions();

  if (sessions.isPending) return <PageLoading />;
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const items = sessions.data.items;
  const others = items.filter((s) => !s.current).length;

  const onEndOthers = () =>
    endOthers.mutate(undefined, {
      onSuccess: ({ ended }) => void message.success(t('sessions.signedOutOthers', { count: ended })),
      onError: (error) => void message.error(errorText(error, lang, t)),
    });
  const onEnd = (session: SessionInfo) =>
    endOne.mutate(session.id, {
      onSuccess: () => void message.success(t('sessions.ended')),
      onError: (error) => void message.error(errorText(error, lang, t)),
    });

  return (
    <div>
      <div className="db-page-head">
        <div>
          <h1>{t('sessions.title')}</h1>
        </div>
        <Popconfirm
          title={t('sessions.signOutOthersConfirm')}
          okText={t('sessions.confirm')}
          cancelText={t('sessions.cancel')}
          onConfirm={onEndOthers}
          disabled={others === 0}
        >
          <Button
            danger
            icon={<LogoutOutlined />}
            disabled={others === 0}
            loading={endOthers.isPending}
            data-testid="sessions-sign-out-others"
          >
            {t('sessions.signOutOthers')}
          </Button>
        </Popconfirm>
      </div>
      <Typography.Paragraph type="secondary">{t('sessions.intro')}</Typography.Paragraph>
      <Card>
        <List
          data-testid="sessions-list"
          dataSource={items}
          locale={{ emptyText: t('sessions.none') }}
          renderItem={(session) => (
            <List.Item
              data-testid={session.current ? 'session-current' : 'session-other'}
              actions={
                session.current
                  ? []
                  : [
                      <Popconfirm
                        key="end"
                        title={t('sessions.endConfirm')}
                        okText={t('sessions.confirm')}
                        cancelText={t('sessions.cancel')}
                        onConfirm={() => onEnd(session)}
                      >
                        <Button size="small" danger data-testid="session-end">
                          {t('sessions.end')}
                        </Button>
                      </Popconfirm>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span title={session.userAgent ?? undefined}>
                      {deviceName(session.userAgent) ?? t('sessions.unknownDevice')}
                    </span>
                    {session.current && <Tag color="green">{t('sessions.current')}</Tag>}
                  </Space>
                }
                description={
                  <Space wrap size={[16, 4]}>
                    <span>
                      {t('sessions.ip')}: {session.ip ?? '—'}
                    </span>
                    <span>
                      {t('sessions.createdAt')}: {formatDateTime(session.createdAt)}
                    </span>
                    <span>
                      {t('sessions.lastSeenAt')}: {formatDateTime(session.lastSeenAt)}
                    </span>
                    <span>
                      {t('sessions.expiresAt')}: {formatDateTime(session.expiresAt)}
                    </span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <ChangePasswordCard />
    </div>
  );
}
