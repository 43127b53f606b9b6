import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { PublicityItem } from '@dutyboard/contracts/publicity';
import { App, Button, type ButtonProps, Card, Descriptions, Grid, Popconfirm, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { AttachmentsPanel } from '../../../components/attachments-panel.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { RecordHistory } from '../../../components/record-history.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { usePublicityItem } from '../api/get-publicity-item.ts';
import { useDeletePublicityItem } from '../api/save-publicity.ts';
import { PublicityLevelTag } from '../components/level-tag.tsx';
import { PublicityNotFound } from '../components/publicity-not-found.tsx';

/** Audit field → label, for the change history. */
const HISTORY_LABELS: Record<string, MessageKey> = {
  orgId: 'publicity.org',
  outlet: 'publicity.outlet',
  level: 'publicity.levelLabel',
  title: 'publicity.titleLabel',
  url: 'publicity.url',
  publishedAt: 'publicity.publishedAt',
};

export function PublicityDetailRoute() {
  const { id = '' } = useParams();
  const item = usePublicityItem(id);
  if (item.isPending) return <PageLoading rows={8} />;
  if (item.isError) {
    if (isApiError(item.error) && item.error.status === 404) return <PublicityNotFound />;
    return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  }
  return <PublicityDetail item={item.data} />;
}

function PublicityDetail({ item }: { item: PublicityItem }) {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const remove = useDeletePublicityItem(item.id, item.version);
  // Controls a role may not use are not rendered at all (not merely disabled).
  const canWrite = can(me, 'publicity:write');
  const confirmButton: ButtonProps & { 'data-testid': string } = {
    danger: true,
    size: 'middle',
    loading: remove.isPending,
    'data-testid': 'publicity-delete-confirm',
  };
  const notFilled = <Typography.Text type="secondary">{t('common.notFilled')}</Typography.Text>;
  const fieldLabels = Object.fromEntries(Object.entries(HISTORY_LABELS).map(([field, key]) => [field, t(key)]));

  const onDelete = () =>
    remove.mutateAsync().then(
      () => {
        void message.success(t('publicity.deleted'));
        void navigate('/publicity', { replace: true });
      },
      (error: unknown) => {
        void message.error(errorText(error, lang, t));
      },
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space orientation="vertical" size={0} style={{ whiteSpace: 'normal' }}>
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
              {t('publicity.detailTitle')}
            </Typography.Text>
            <h1 style={{ margin: 0, fontSize: 20 }} data-testid="publicity-title">
              {item.title}
            </h1>
          </Space>
        }
        extra={
          <Link to="/publicity" style={{ whiteSpace: 'nowrap' }}>
            {t('common.back')}
          </Link>
        }
      >
        <Descriptions
          bordered
          column={1}
          size={screens.md ? 'middle' : 'small'}
          layout={screens.sm ? 'horizontal' : 'vertical'}
          styles={{ label: { width: screens.sm ? 140 : undefined } }}
          items={[
            { key: 'org', label: t('publicity.org'), children: item.orgName },
            { key: 'level', label: t('publicity.levelLabel'), children: <PublicityLevelTag level={item.level} /> },
            { key: 'outlet', label: t('publicity.outlet'), children: item.outlet },
            { key: 'title', label: t('publicity.titleLabel'), children: item.title },
            {
              key: 'publishedAt',
              label: t('publicity.publishedAt'),
              children: <span data-testid="publicity-published-at">{formatDateTime(item.publishedAt)}</span>,
            },
            {
              key: 'url',
              label: t('publicity.url'),
              children: item.url ? (
                <a
                  href={item.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  title={t('publicity.openLink')}
                  style={{ overflowWrap: 'anywhere' }}
                  data-testid="publicity-url"
                >
                  {item.url}
                </a>
              ) : (
                notFilled
              ),
            },
            { key: 'createdAt', label: t('publicity.createdAt'), children: formatDateTime(item.createdAt) },
            { key: 'updatedAt', label: t('publicity.updatedAt'), children: formatDateTime(item.updatedAt) },
          ]}
        />
        {canWrite && (
          <Space wrap style={{ marginTop: 16 }}>
            <Button
              type="primary"
              size="large"
              icon={<EditOutlined />}
              data-testid="publicity-edit"
              onClick={() => void navigate(`/publicity/${item.id}/edit`)}
            >
              {t('publicity.edit')}
            </Button>
            <Popconfirm
              title={t('publicity.deleteConfirm')}
              okText={t('publicity.deleteOk')}
              cancelText={t('common.cancel')}
              cancelButtonProps={{ size: 'middle' }}
              okButtonProps={confirmButton}
              onConfirm={onDelete}
            >
              <Button danger size="large" icon={<DeleteOutlined />} data-testid="publicity-delete">
                {t('publicity.delete')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Card>
      <Card title={t('records.attachments.title')}>
        <AttachmentsPanel entityType="PublicityItem" entityId={item.id} canEdit={canWrite} />
      </Card>
      <Card title={t('records.history.title')}>
        <RecordHistory
          entityType="PublicityItem"
          entityId={item.id}
          fieldLabels={fieldLabels}
          formatValue={(field, value) =>
            field === 'level' && typeof value === 'string' ? t(`publicity.level.${value}` as MessageKey) : undefined
          }
        />
      </Card>
    </Space>
  );
}
