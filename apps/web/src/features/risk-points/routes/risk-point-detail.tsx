import { AuditOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { RiskPoint } from '@dutyboard/contracts/risk-points';
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
import type { MessageKey } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useRiskPoint } from '../api/get-risk-point.ts';
import { useDeleteRiskPoint } from '../api/save-risk-point.ts';
import { CheckDialog } from '../components/check-dialog.tsx';
import { CheckHistory } from '../components/check-history.tsx';
import { RiskPointNotFound } from '../components/risk-point-not-found.tsx';
import { CheckStatusTag, RiskLevelTag } from '../components/risk-tags.tsx';

/** Audit field → label, for the change history (a check adds what it found). */
const HISTORY_LABELS: Record<string, MessageKey> = {
  orgId: 'riskPoints.org',
  name: 'riskPoints.name',
  type: 'riskPoints.typeLabel',
  level: 'riskPoints.levelLabel',
  controlMeasure: 'riskPoints.controlMeasure',
  responsiblePerson: 'riskPoints.responsiblePerson',
  checkIntervalDays: 'riskPoints.checkInterval',
  lastCheckedAt: 'riskPoints.lastCheckedAt',
  nextCheckDueAt: 'riskPoints.nextCheckDueAt',
  checkedAt: 'riskPoints.history.checkedAt',
  checkResult: 'riskPoints.history.checkResult',
  checkNote: 'riskPoints.history.checkNote',
  checkCount: 'riskPoints.history.checkCount',
};

/** Enum values in words; undefined leaves the history's own formatting. */
const HISTORY_ENUMS: Record<string, (value: string) => MessageKey> = {
  type: (v) => `riskPoints.type.${v}` as MessageKey,
  level: (v) => `riskPoints.level.${v}` as MessageKey,
  checkResult: (v) => `riskPoints.result.${v}` as MessageKey,
};

export function RiskPointDetailRoute() {
  const { id = '' } = useParams();
  const point = useRiskPoint(id);
  if (point.isPending) return <PageLoading rows={8} />;
  if (point.isError) {
    if (isApiError(point.error) && point.error.status === 404) return <RiskPointNotFound />;
    return <ErrorState error={point.error} onRetry={() => void point.refetch()} />;
  }
  return <RiskPointDetail point={point.data} />;
}

function RiskPointDetail({ point }: { point: RiskPoint }) {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const remove = useDeleteRiskPoint(point.id, point.version);
  const { dialog, openDialog, dialogProps } = useDialogState<'check'>();
  // Controls a role may not use are not rendered at all (not merely disabled).
  const canWrite = can(me, 'riskpoint:write');
  const confirmButton: ButtonProps & { 'data-testid': string } = {
    danger: true,
    size: 'middle',
    loading: remove.isPending,
    'data-testid': 'risk-point-delete-confirm',
  };
  const notFilled = <Typography.Text type="secondary">{t('common.notFilled')}</Typography.Text>;
  const fieldLabels = Object.fromEntries(Object.entries(HISTORY_LABELS).map(([field, key]) => [field, t(key)]));
  const formatValue = (field: string, value: unknown) => {
    const key = HISTORY_ENUMS[field];
    if (key && typeof value === 'string') return t(key(value));
    if (field === 'checkIntervalDays' && typeof value === 'number') {
      return t('riskPoints.checkIntervalValue', { days: value });
    }
    return undefined;
  };

  const onDelete = () =>
    remove.mutateAsync().then(
      () => {
        void message.success(t('riskPoints.deleted'));
        void navigate('/risk-points', { replace: true });
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
              {t('riskPoints.detailTitle')}
            </Typography.Text>
            <h1 style={{ margin: 0, fontSize: 20 }} data-testid="risk-point-name">
              {point.name}
            </h1>
          </Space>
        }
        extra={
          <Link to="/risk-points" style={{ whiteSpace: 'nowrap' }}>
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
            { key: 'org', label: t('riskPoints.org'), children: point.orgName },
            { key: 'type', label: t('riskPoints.typeLabel'), children: t(`riskPoints.type.${point.type}`) },
            { key: 'level', label: t('riskPoints.levelLabel'), children: <RiskLevelTag level={point.level} /> },
            {
              key: 'responsiblePerson',
              label: t('riskPoints.responsiblePerson'),
              children: point.responsiblePerson || notFilled,
            },
            {
              key: 'controlMeasure',
              label: t('riskPoints.controlMeasure'),
              children: point.controlMeasure ? (
                <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{point.controlMeasure}</span>
              ) : (
                notFilled
              ),
            },
            {
              key: 'interval',
              label: t('riskPoints.checkInterval'),
              children: t('riskPoints.checkIntervalValue', { days: point.checkIntervalDays }),
            },
            {
              key: 'lastCheckedAt',
              label: t('riskPoints.lastCheckedAt'),
              children: point.lastCheckedAt ? (
                formatDateTime(point.lastCheckedAt)
              ) : (
                <Typography.Text type="secondary">{t('riskPoints.neverChecked')}</Typography.Text>
              ),
            },
            {
              key: 'nextCheckDueAt',
              label: t('riskPoints.nextCheckDueAt'),
              children: (
                <Space size={8} wrap>
                  <span data-testid="risk-point-next-due">{formatDateTime(point.nextCheckDueAt)}</span>
                  <CheckStatusTag status={point.checkStatus} />
                </Space>
              ),
            },
            { key: 'createdAt', label: t('riskPoints.createdAt'), children: formatDateTime(point.createdAt) },
            { key: 'updatedAt', label: t('riskPoints.updatedAt'), children: formatDateTime(point.updatedAt) },
          ]}
        />
        {canWrite && (
          <Space wrap style={{ marginTop: 16 }}>
            <Button
              type="primary"
              size="large"
              icon={<AuditOutlined />}
              data-testid="risk-point-check"
              onClick={() => openDialog('check')}
            >
              {t('riskPoints.checks.record')}
            </Button>
            <Button
              size="large"
              icon={<EditOutlined />}
              data-testid="risk-point-edit"
              onClick={() => void navigate(`/risk-points/${point.id}/edit`)}
            >
              {t('riskPoints.edit')}
            </Button>
            <Popconfirm
              title={t('riskPoints.deleteConfirm')}
              okText={t('riskPoints.deleteOk')}
              cancelText={t('common.cancel')}
              cancelButtonProps={{ size: 'middle' }}
              okButtonProps={confirmButton}
              onConfirm={onDelete}
            >
              <Button danger size="large" icon={<DeleteOutlined />} data-testid="risk-point-delete">
                {t('riskPoints.delete')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Card>
      <Card title={t('riskPoints.checks.title')}>
        <CheckHistory pointId={point.id} />
      </Card>
      <Card title={t('records.attachments.title')}>
        <AttachmentsPanel entityType="RiskPoint" entityId={point.id} canEdit={canWrite} />
      </Card>
      <Card title={t('records.history.title')}>
        <RecordHistory entityType="RiskPoint" entityId={point.id} fieldLabels={fieldLabels} formatValue={formatValue} />
      </Card>
      {dialog === 'check' && <CheckDialog point={point} {...dialogProps('check')} />}
    </Space>
  );
}
