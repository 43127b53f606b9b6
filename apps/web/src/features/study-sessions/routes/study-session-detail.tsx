import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { StudyKindSchema, type StudySession, StudyTopicSchema } from '@dutyboard/contracts/study-sessions';
import { Alert, App, Button, type ButtonProps, Card, Descriptions, Grid, Popconfirm, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
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
import { useOrgs } from '../../../lib/orgs.ts';
import { useStudySession } from '../api/get-study-session.ts';
import { useDeleteStudySession } from '../api/save-study-session.ts';
import { StudyKindTag } from '../components/kind-tag.tsx';
import { StudySessionNotFound } from '../components/study-not-found.tsx';

export function StudySessionDetailRoute() {
  const { id = '' } = useParams();
  const session = useStudySession(id);
  if (session.isPending) return <PageLoading rows={8} />;
  if (session.isError) {
    if (isApiError(session.error) && session.error.status === 404) return <StudySessionNotFound />;
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  return <StudySessionDetail session={session.data} />;
}

/** Stored field → its label, for the change history. */
const HISTORY_FIELDS: Record<string, MessageKey> = {
  orgId: 'studySessions.org',
  kind: 'studySessions.kind',
  topicCategory: 'studySessions.topicCategory',
  topic: 'studySessions.topic',
  occurredAt: 'studySessions.occurredAt',
  host: 'studySessions.host',
  expectedAttendance: 'studySessions.expectedAttendance',
  actualAttendance: 'studySessions.actualAttendance',
  absentees: 'studySessions.absentees',
  materials: 'studySessions.materials',
  minutes: 'studySessions.minutes',
};

function StudySessionDetail({ session }: { session: StudySession }) {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const orgs = useOrgs();
  const remove = useDeleteStudySession(session.id, session.version);
  // Controls a role may not use are not rendered at all (not merely disabled).
  const canWrite = can(me, 'study:write');
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const confirmButton: ButtonProps & { 'data-testid': string } = {
    danger: true,
    size: 'middle',
    loading: remove.isPending,
    'data-testid': 'study-delete-confirm',
  };
  const notFilled = <Typography.Text type="secondary">{t('common.notFilled')}</Typography.Text>;
  const people = (count: number | null) => (count === null ? notFilled : t('studySessions.peopleValue', { count }));
  const longText = (value: string | null): ReactNode =>
    value ? <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</span> : notFilled;

  const historyLabels = Object.fromEntries(Object.entries(HISTORY_FIELDS).map(([field, key]) => [field, t(key)]));
  const historyValue = (field: string, value: unknown): string | undefined => {
    if (field === 'kind') {
      const kind = StudyKindSchema.safeParse(value);
      return kind.success ? t(`studySessions.kind.${kind.data}`) : undefined;
    }
    if (field === 'topicCategory') {
      const topic = StudyTopicSchema.safeParse(value);
      return topic.success ? t(`studySessions.topic.${topic.data}`) : undefined;
    }
    if (field === 'orgId') return orgs.data?.items.find((org) => org.id === value)?.name;
    if (field === 'absentees' && Array.isArray(value)) {
      const names = value.flatMap((a: unknown) =>
        a && typeof a === 'object' && typeof (a as { name?: unknown }).name === 'string'
          ? [(a as { name: string }).name]
          : [],
      );
      return names.length > 0 ? names.join('、') : t('studySessions.noAbsentees');
    }
    return undefined;
  };

  const onDelete = () =>
    remove.mutateAsync().then(
      () => {
        void message.success(t('studySessions.deleted'));
        void navigate('/study-sessions', { replace: true });
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
              {t('studySessions.detailTitle')}
            </Typography.Text>
            <h1 style={{ margin: 0, fontSize: 20, overflowWrap: 'anywhere' }} data-testid="study-title">
              {session.topic}
            </h1>
          </Space>
        }
        extra={
          <Link to="/study-sessions" style={{ whiteSpace: 'nowrap' }}>
            {t('common.back')}
          </Link>
        }
      >
        {justCreated && canWrite && (
          <Alert
            type="success"
            showIcon
            title={t('studySessions.createdHint')}
            action={
              <Button
                size="small"
                type="link"
                onClick={() =>
                  document
                    .querySelector('[data-testid="study-attachments"]')
                    ?.scrollIntoView({ behavior: 'smooth', block: 'start' })
                }
                data-testid="study-go-attachments"
              >
                {t('studySessions.goAttachments')}
              </Button>
            }
            data-testid="study-created-hint"
            style={{ marginBottom: 16 }}
          />
        )}
        <Descriptions
          bordered
          column={1}
          size={screens.md ? 'middle' : 'small'}
          layout={screens.sm ? 'horizontal' : 'vertical'}
          styles={{ label: { width: screens.sm ? 140 : undefined } }}
          items={[
            { key: 'org', label: t('studySessions.org'), children: session.orgName },
            { key: 'kind', label: t('studySessions.kind'), children: <StudyKindTag kind={session.kind} /> },
            {
              key: 'topicCategory',
              label: t('studySessions.topicCategory'),
              children: t(`studySessions.topic.${session.topicCategory}`),
            },
            { key: 'topic', label: t('studySessions.topic'), children: session.topic },
            {
              key: 'occurredAt',
              label: t('studySessions.occurredAt'),
              children: <span data-testid="study-occurred-at">{formatDateTime(session.occurredAt)}</span>,
            },
            { key: 'host', label: t('studySessions.host'), children: session.host || notFilled },
            {
              key: 'expectedAttendance',
              label: t('studySessions.expectedAttendance'),
              children: people(session.expectedAttendance),
            },
            {
              key: 'actualAttendance',
              label: t('studySessions.actualAttendance'),
              children: people(session.actualAttendance),
            },
            {
              key: 'absentees',
              label: t('studySessions.absentees'),
              children:
                session.absentees.length === 0 ? (
                  <Typography.Text type="secondary">{t('studySessions.noAbsentees')}</Typography.Text>
                ) : (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="study-absentees-list">
                    {session.absentees.map((a, index) => (
                      // Names may repeat; in this read-only list the position identifies a row.
                      <li key={index} style={{ overflowWrap: 'anywhere' }}>
                        {t('studySessions.absenteeItem', { name: a.name, reason: a.reason })}
                      </li>
                    ))}
                  </ul>
                ),
            },
            { key: 'materials', label: t('studySessions.materials'), children: longText(session.materials) },
            { key: 'minutes', label: t('studySessions.minutes'), children: longText(session.minutes) },
            { key: 'createdAt', label: t('studySessions.createdAt'), children: formatDateTime(session.createdAt) },
            { key: 'updatedAt', label: t('studySessions.updatedAt'), children: formatDateTime(session.updatedAt) },
          ]}
        />
        {canWrite && (
          <Space wrap style={{ marginTop: 16 }}>
            <Button
              type="primary"
              size="large"
              icon={<EditOutlined />}
              data-testid="study-edit"
              onClick={() => void navigate(`/study-sessions/${session.id}/edit`)}
            >
              {t('studySessions.edit')}
            </Button>
            <Popconfirm
              title={t('studySessions.deleteConfirm')}
              okText={t('studySessions.deleteOk')}
              cancelText={t('common.cancel')}
              cancelButtonProps={{ size: 'middle' }}
              okButtonProps={confirmButton}
              onConfirm={onDelete}
            >
              <Button danger size="large" icon={<DeleteOutlined />} data-testid="study-delete">
                {t('studySessions.delete')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Card>
      <Card title={t('records.attachments.title')} data-testid="study-attachments">
        <AttachmentsPanel entityType="StudySession" entityId={session.id} canEdit={canWrite} />
      </Card>
      <Card title={t('records.history.title')} data-testid="study-history">
        <RecordHistory
          entityType="StudySession"
          entityId={session.id}
          fieldLabels={historyLabels}
          formatValue={historyValue}
        />
      </Card>
    </div>
  );
}
