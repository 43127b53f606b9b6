import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import {
  AlertLevelSchema,
  AlertStateSchema,
  type AlertStep,
  availableSteps,
  type RiskAlertDetail,
} from '@dutyboard/contracts/risk-alerts';
import { App, Button, type ButtonProps, Card, Descriptions, Grid, Popconfirm, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { AttachmentsPanel } from '../../../components/attachments-panel.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useDialogState } from '../../../components/use-dialog-state.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useRiskAlert } from '../api/get-risk-alert.ts';
import { useDeleteRiskAlert } from '../api/save-risk-alert.ts';
import { AlertClockTag, liveFlags, useNow } from '../components/alert-clock.tsx';
import { AlertLevelTag, AlertStateTag, UrgeTag } from '../components/alert-tags.tsx';
import { AlertTimeline } from '../components/alert-timeline.tsx';
import { RiskAlertNotFound } from '../components/risk-alert-not-found.tsx';
import { TransitionDialog } from '../components/transition-dialog.tsx';

const HISTORY_FIELDS = [
  'orgId',
  'level',
  'source',
  'channel',
  'url',
  'summary',
  'reach',
  'registeredAt',
  'reportDueAt',
  'reportedAt',
  'receiptNumber',
  'closedAt',
  'lastEventAt',
  'state',
] as const;
type FieldName = (typeof HISTORY_FIELDS)[number];

export function RiskAlertDetailRoute() {
  const { id = '' } = useParams();
  const alert = useRiskAlert(id);
  if (alert.isPending) return <PageLoading rows={8} />;
  if (alert.isError) {
    if (isApiError(alert.error) && alert.error.status === 404) return <RiskAlertNotFound />;
    return <ErrorState error={alert.error} onRetry={() => void alert.refetch()} />;
  }
  return <RiskAlertDetailView alert={alert.data} />;
}

function RiskAlertDetailView({ alert }: { alert: RiskAlertDetail }) {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const now = useNow();
  const orgs = useOrgs();
  const remove = useDeleteRiskAlert(alert.id, alert.version);
  const { dialog, openDialog, dialogProps } = useDialogState<AlertStep>();
  // Only the steps this user may take from the current state are rendered (the contract's table).
  const steps = availableSteps(alert.state, (action) => can(me, action));
  const canEdit = can(me, 'alert:register') && alert.state !== 'CLOSED';
  const canDelete = can(me, 'alert:assess') && alert.state === 'REGISTERED';
  const canAttach = can(me, 'alert:register') || can(me, 'alert:assess') || can(me, 'alert:handle');
  const { needsUrging } = liveFlags(alert, now);
  const notFilled = <Typography.Text type="secondary">{t('common.notFilled')}</Typography.Text>;
  const confirmButton: ButtonProps & { 'data-testid': string } = {
    danger: true,
    size: 'middle',
    loading: remove.isPending,
    'data-testid': 'risk-alert-delete-confirm',
  };

  const field = (name: FieldName) => t(`riskAlerts.field.${name}`);
  const historyLabels: Record<string, string> = Object.fromEntries(HISTORY_FIELDS.map((name) => [name, field(name)]));
  const historyValue = (name: string, value: unknown): string | undefined => {
    if (name === 'level') {
      const level = AlertLevelSchema.safeParse(value);
      return level.success ? t(`riskAlerts.level.${level.data}`) : undefined;
    }
    if (name === 'state') {
      const state = AlertStateSchema.safeParse(value);
      return state.success ? t(`riskAlerts.state.${state.data}`) : undefined;
    }
    if (name === 'orgId') return orgs.data?.items.find((org) => org.id === value)?.name;
    return undefined;
  };

  const onDelete = () =>
    remove.mutateAsync().then(
      () => {
        void message.success(t('riskAlerts.deleted'));
        void navigate('/risk-alerts', { replace: true });
      },
      (error: unknown) => {
        void message.error(errorText(error, lang, t));
      },
    );

  const time = (value: string | null) => (value ? formatDateTime(value) : notFilled);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card
        title={
          <Space orientation="vertical" size={0} style={{ whiteSpace: 'normal' }}>
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
              {t('riskAlerts.detailTitle')}
            </Typography.Text>
            <h1 style={{ margin: 0, fontSize: 20, overflowWrap: 'anywhere' }} data-testid="risk-alert-title">
              {alert.summary.length > 60 ? `${alert.summary.slice(0, 60)}…` : alert.summary}
            </h1>
          </Space>
        }
        extra={
          <Link to="/risk-alerts" style={{ whiteSpace: 'nowrap' }}>
            {t('common.back')}
          </Link>
        }
      >
        <Space wrap size={6} style={{ marginBottom: 16 }} data-testid="risk-alert-tags">
          <AlertLevelTag level={alert.level} />
          <AlertStateTag state={alert.state} />
          <AlertClockTag alert={alert} now={now} />
          {needsUrging && <UrgeTag />}
        </Space>
        {/* The steps first: on a phone they must not sit below the whole record. */}
        {(steps.length > 0 || canEdit || canDelete) && (
          <Space wrap style={{ marginBottom: 16 }} data-testid="risk-alert-actions">
            {steps.map((to, index) => (
              <Button
                key={to}
                type={index === 0 ? 'primary' : 'default'}
                size="large"
                data-testid={`risk-alert-step-${to}`}
                onClick={() => openDialog(to)}
              >
                {t(`riskAlerts.step.${to}`)}
              </Button>
            ))}
            {canEdit && (
              <Button
                size="large"
                icon={<EditOutlined />}
                data-testid="risk-alert-edit"
                onClick={() => void navigate(`/risk-alerts/${alert.id}/edit`)}
              >
                {t('riskAlerts.edit')}
              </Button>
            )}
            {canDelete && (
              <Popconfirm
                title={t('riskAlerts.deleteConfirm')}
                okText={t('riskAlerts.deleteOk')}
                cancelText={t('common.cancel')}
                cancelButtonProps={{ size: 'middle' }}
                okButtonProps={confirmButton}
                onConfirm={onDelete}
              >
                <Button danger size="large" icon={<DeleteOutlined />} data-testid="risk-alert-delete">
                  {t('riskAlerts.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
        <Descriptions
          bordered
          column={1}
          size={screens.md ? 'middle' : 'small'}
          layout={screens.sm ? 'horizontal' : 'vertical'}
          styles={{ label: { width: screens.sm ? 140 : undefined } }}
          items={[
            { key: 'org', label: field('orgId'), children: alert.orgName },
            { key: 'level', label: field('level'), children: <AlertLevelTag level={alert.level} /> },
            {
              key: 'summary',
              label: field('summary'),
              children: <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{alert.summary}</span>,
            },
            { key: 'source', label: field('source'), children: alert.source },
            { key: 'channel', label: field('channel'), children: alert.channel || notFilled },
            {
              key: 'url',
              label: field('url'),
              children: alert.url ? (
                <a href={alert.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                  {alert.url}
                </a>
              ) : (
                notFilled
              ),
            },
            { key: 'reach', label: field('reach'), children: alert.reach ?? notFilled },
            {
              key: 'registeredAt',
              label: field('registeredAt'),
              children: <span data-testid="risk-alert-registered-at">{formatDateTime(alert.registeredAt)}</span>,
            },
            {
              key: 'reportDueAt',
              label: field('reportDueAt'),
              children: (
                <Space wrap size={8}>
                  <span data-testid="risk-alert-due-at">{formatDateTime(alert.reportDueAt)}</span>
                  <AlertClockTag alert={alert} now={now} />
                </Space>
              ),
            },
            { key: 'reportedAt', label: field('reportedAt'), children: time(alert.reportedAt) },
            {
              key: 'receiptNumber',
              label: field('receiptNumber'),
              children: alert.receiptNumber ? (
                <span data-testid="risk-alert-receipt">{alert.receiptNumber}</span>
              ) : (
                notFilled
              ),
            },
            { key: 'closedAt', label: field('closedAt'), children: time(alert.closedAt) },
          ]}
        />
      </Card>
      <Card title={t('riskAlerts.timeline')} data-testid="risk-alert-timeline">
        <AlertTimeline events={alert.events} />
      </Card>
      <Card title={t('records.attachments.title')} data-testid="risk-alert-attachments">
        <AttachmentsPanel entityType="RiskAlert" entityId={alert.id} canEdit={canAttach} />
      </Card>
      <Card title={t('records.history.title')} data-testid="risk-alert-history">
        <RecordHistory
          entityType="RiskAlert"
          entityId={alert.id}
          fieldLabels={historyLabels}
          formatValue={historyValue}
        />
      </Card>
      {dialog && <TransitionDialog key={dialog} alert={alert} to={dialog} {...dialogProps(dialog)} />}
    </div>
  );
}
