import { AuditOutlined, SyncOutlined } from '@ant-design/icons';
import {
  type LabelTable,
  RISK_CHECK_RESULT_LABELS,
  RISK_LEVEL_LABELS,
  RISK_POINT_TYPE_LABELS,
} from '@dutyboard/contracts/labels';
import type { RiskPoint } from '@dutyboard/contracts/risk-points';
import { Button, Card, Space, Typography } from 'antd';
import {
  historyFieldLabels,
  longText,
  NotFilled,
  RecordDeleteButton,
  RecordDetailPage,
  RecordDetailRoute,
  RecordEditButton,
  timestampFields,
} from '../../../components/record-detail-page.tsx';
import { useDialogState } from '../../../components/use-dialog-state.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useRiskPoint } from '../api/get-risk-point.ts';
import { useDeleteRiskPoint, useRecordPositionUpdate } from '../api/save-risk-point.ts';
import { CheckDialog } from '../components/check-dialog.tsx';
import { CheckHistory } from '../components/check-history.tsx';
import { RiskPointNotFound } from '../components/risk-point-not-found.tsx';
import { CheckStatusTag, PositionStateTag, RiskLevelTag } from '../components/risk-tags.tsx';

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
  checkOnTime: 'riskPoints.history.checkOnTime',
  checkCount: 'riskPoints.history.checkCount',
  sponsor: 'riskPoints.field.sponsor',
  administrators: 'riskPoints.field.administrators',
  reviewFirst: 'riskPoints.field.reviewFirst',
  reviewSecond: 'riskPoints.field.reviewSecond',
  reviewFinal: 'riskPoints.field.reviewFinal',
  audienceSize: 'riskPoints.field.audienceSize',
  lastUpdatedAt: 'riskPoints.lastUpdatedAt',
  contentUpdatedAt: 'riskPoints.lastUpdatedAt',
};

/** Enum values in words; undefined leaves the history's own formatting. */
const HISTORY_ENUMS: Record<string, LabelTable<string>> = {
  type: RISK_POINT_TYPE_LABELS,
  level: RISK_LEVEL_LABELS,
  checkResult: RISK_CHECK_RESULT_LABELS,
};

export function RiskPointDetailRoute() {
  return <RecordDetailRoute useRecord={useRiskPoint} notFound={<RiskPointNotFound />} Detail={RiskPointDetail} />;
}

function RiskPointDetail({ record: point }: { record: RiskPoint }) {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const remove = useDeleteRiskPoint(point.id, point.version);
  const update = useRecordPositionUpdate(point.id, point.version);
  const { dialog, openDialog, dialogProps } = useDialogState<'check'>();
  // Controls a role may not use are not rendered at all (not merely disabled).
  const canWrite = can(me, 'riskpoint:write');
  const notFilled = <NotFilled />;
  const fieldLabels = historyFieldLabels(t, HISTORY_LABELS);
  const formatValue = (field: string, value: unknown) => {
    const table = HISTORY_ENUMS[field];
    if (table && typeof value === 'string') return nameOf(table, value);
    if (field === 'checkOnTime' && typeof value === 'boolean') {
      return t(value ? 'riskPoints.onTime.true' : 'riskPoints.onTime.false');
    }
    if (field === 'checkIntervalDays' && typeof value === 'number') {
      return t('riskPoints.checkIntervalValue', { days: value });
    }
    return undefined;
  };

  return (
    <RecordDetailPage
      ns="riskPoints"
      testId="risk-point"
      listPath="/risk-points"
      title={point.name}
      titleTestId="risk-point-name"
      fields={[
        { key: 'org', label: t('riskPoints.org'), children: point.orgName },
        { key: 'type', label: t('riskPoints.typeLabel'), children: nameOf(RISK_POINT_TYPE_LABELS, point.type) },
        { key: 'level', label: t('riskPoints.levelLabel'), children: <RiskLevelTag level={point.level} /> },
        {
          key: 'state',
          label: t('riskPoints.colState'),
          children: point.state.red ? (
            <Space size={8} wrap>
              <PositionStateTag state={point.state} />
              {point.state.checkDueOn ? (
                <span>{t('riskPoints.state.checkDue', { date: point.state.checkDueOn })}</span>
              ) : null}
            </Space>
          ) : (
            <span data-testid="position-ok">{t('riskPoints.state.ok')}</span>
          ),
        },
        { key: 'sponsor', label: t('riskPoints.field.sponsor'), children: point.sponsor || notFilled },
        {
          key: 'administrators',
          label: t('riskPoints.field.administrators'),
          children: point.administrators.length > 0 ? point.administrators.join('、') : notFilled,
        },
        {
          key: 'review',
          label: t('riskPoints.review'),
          children:
            point.reviewFirst || point.reviewSecond || point.reviewFinal
              ? [point.reviewFirst, point.reviewSecond, point.reviewFinal].map((v) => v || '—').join(' → ')
              : notFilled,
        },
        {
          key: 'audienceSize',
          label: t('riskPoints.field.audienceSize'),
          children: point.audienceSize === null ? notFilled : point.audienceSize.toLocaleString(),
        },
        {
          key: 'lastUpdatedAt',
          label: t('riskPoints.lastUpdatedAt'),
          children: point.lastUpdatedAt ? (
            <span data-testid="position-last-update">{formatDateTime(point.lastUpdatedAt)}</span>
          ) : (
            notFilled
          ),
        },
        {
          key: 'responsiblePerson',
          label: t('riskPoints.responsiblePerson'),
          children: point.responsiblePerson || notFilled,
        },
        {
          key: 'controlMeasure',
          label: t('riskPoints.controlMeasure'),
          children: longText(point.controlMeasure),
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
        ...timestampFields(t, 'riskPoints', point),
      ]}
      actions={
        canWrite && (
          <>
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
              icon={<SyncOutlined />}
              loading={update.isPending}
              data-testid="position-record-update"
              onClick={() => update.mutate()}
            >
              {t('riskPoints.recordUpdate')}
            </Button>
            <RecordEditButton to={`/risk-points/${point.id}/edit`} />
            <RecordDeleteButton remove={remove} />
          </>
        )
      }
      sections={
        <Card title={t('riskPoints.checks.title')}>
          <CheckHistory pointId={point.id} />
        </Card>
      }
      entityType="RiskPoint"
      entityId={point.id}
      canAttach={canWrite}
      historyLabels={fieldLabels}
      historyValue={formatValue}
    >
      {dialog === 'check' && <CheckDialog point={point} {...dialogProps('check')} />}
    </RecordDetailPage>
  );
}
