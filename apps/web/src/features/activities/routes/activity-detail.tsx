import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { type Activity, ActivityCategorySchema } from '@dutyboard/contracts/activities';
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
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useActivity } from '../api/get-activity.ts';
import { useDeleteActivity } from '../api/save-activity.ts';
import { ActivityNotFound } from '../components/activity-not-found.tsx';
import { CategoryTag } from '../components/category-tag.tsx';

export function ActivityDetailRoute() {
  const { id = '' } = useParams();
  const activity = useActivity(id);
  if (activity.isPending) return <PageLoading rows={8} />;
  if (activity.isError) {
    if (isApiError(activity.error) && activity.error.status === 404) return <ActivityNotFound />;
    return <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />;
  }
  return <ActivityDetail activity={activity.data} />;
}

function ActivityDetail({ activity }: { activity: Activity }) {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const remove = useDeleteActivity(activity.id, activity.version);
  // Controls a role may not use are not rendered at all (not merely disabled).
  const canEdit = can(me, 'activity:update');
  const canDelete = can(me, 'activity:delete');
  const confirmButton: ButtonProps & { 'data-testid': string } = {
    danger: true,
    size: 'middle',
    loading: remove.isPending,
    'data-testid': 'activity-delete-confirm',
  };
  const notFilled = <Typography.Text type="secondary">{t('common.notFilled')}</Typography.Text>;
  const orgs = useOrgs();
  const historyLabels: Record<string, string> = {
    orgId: t('activity.org'),
    category: t('activity.category'),
    title: t('activity.title'),
    occurredAt: t('activity.occurredAt'),
    participants: t('activity.participants'),
    location: t('activity.location'),
    description: t('activity.description'),
  };
  const historyValue = (field: string, value: unknown): string | undefined => {
    if (field === 'category') {
      const category = ActivityCategorySchema.safeParse(value);
      return category.success ? t(`category.${category.data}`) : undefined;
    }
    if (field === 'orgId') return orgs.data?.items.find((org) => org.id === value)?.name;
    return undefined;
  };

  const onDelete = () =>
    remove.mutateAsync().then(
      () => {
        void message.success(t('activity.deleted'));
        void navigate('/activities', { replace: true });
      },
      (error: unknown) => {
        void message.error(errorText(error, lang, t));
      },
    );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card
        title={
          <Space orientation="vertical" size={0} style={{ whiteSpace: 'normal' }}>
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
              {t('activity.detailTitle')}
            </Typography.Text>
            <h1 style={{ margin: 0, fontSize: 20 }} data-testid="activity-title">
              {activity.title}
            </h1>
          </Space>
        }
        extra={
          <Link to="/activities" style={{ whiteSpace: 'nowrap' }}>
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
            { key: 'org', label: t('activity.org'), children: activity.orgName },
            { key: 'category', label: t('activity.category'), children: <CategoryTag category={activity.category} /> },
            { key: 'title', label: t('activity.title'), children: activity.title },
            {
              key: 'occurredAt',
              label: t('activity.occurredAt'),
              children: <span data-testid="activity-occurred-at">{formatDateTime(activity.occurredAt)}</span>,
            },
            {
              key: 'participants',
              label: t('activity.participants'),
              children: t('activity.participantsValue', { count: activity.participants }),
            },
            { key: 'location', label: t('activity.location'), children: activity.location || notFilled },
            {
              key: 'description',
              label: t('activity.description'),
              children: activity.description ? (
                <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{activity.description}</span>
              ) : (
                notFilled
              ),
            },
            { key: 'createdAt', label: t('activity.createdAt'), children: formatDateTime(activity.createdAt) },
            { key: 'updatedAt', label: t('activity.updatedAt'), children: formatDateTime(activity.updatedAt) },
          ]}
        />
        {(canEdit || canDelete) && (
          <Space wrap style={{ marginTop: 16 }}>
            {canEdit && (
              <Button
                type="primary"
                size="large"
                icon={<EditOutlined />}
                data-testid="activity-edit"
                onClick={() => void navigate(`/activities/${activity.id}/edit`)}
              >
                {t('activity.edit')}
              </Button>
            )}
            {canDelete && (
              <Popconfirm
                title={t('activity.deleteConfirm')}
                okText={t('activity.deleteOk')}
                cancelText={t('common.cancel')}
                cancelButtonProps={{ size: 'middle' }}
                okButtonProps={confirmButton}
                onConfirm={onDelete}
              >
                <Button danger size="large" icon={<DeleteOutlined />} data-testid="activity-delete">
                  {t('activity.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Card>
      <Card title={t('records.attachments.title')} data-testid="activity-attachments">
        <AttachmentsPanel entityType="Activity" entityId={activity.id} canEdit={canEdit} />
      </Card>
      <Card title={t('records.history.title')} data-testid="activity-history">
        <RecordHistory
          entityType="Activity"
          entityId={activity.id}
          fieldLabels={historyLabels}
          formatValue={historyValue}
        />
      </Card>
    </div>
  );
}
