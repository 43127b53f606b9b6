import { CheckCircleOutlined } from '@ant-design/icons';
import {
  ALERT_STATE_LABELS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
} from '@dutyboard/contracts/labels';
import type { Rectification, RectificationSource, RectificationStatus } from '@dutyboard/contracts/rectifications';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAttachmentCount } from '../../../components/attachments-panel.tsx';
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
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { recordPath } from '../../../lib/record-links.ts';
import { useRectification } from '../api/get-rectification.ts';
import { useDeleteRectification } from '../api/save-rectification.ts';
import { CloseRectificationModal } from '../components/close-rectification-modal.tsx';
import { RectificationNotFound } from '../components/rectification-not-found.tsx';
import { SourceTag, StatusTag } from '../components/rectification-tags.tsx';

/** Audit field → label, for the change history. */
const HISTORY_LABELS: Record<string, MessageKey> = {
  orgId: 'rectifications.org',
  problem: 'rectifications.problem',
  source: 'rectifications.sourceLabel',
  measure: 'rectifications.measure',
  ownerName: 'rectifications.ownerName',
  deadlineAt: 'rectifications.deadline',
  status: 'rectifications.statusLabel',
  alertId: 'rectifications.alert',
  findingRef: 'rectifications.findingRef',
  closedAt: 'rectifications.closedAt',
  closingNote: 'rectifications.closingNote',
};

export function RectificationDetailRoute() {
  return (
    <RecordDetailRoute useRecord={useRectification} notFound={<RectificationNotFound />} Detail={RectificationDetail} />
  );
}

function RectificationDetail({ record: item }: { record: Rectification }) {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const [closing, setClosing] = useState(false);
  const remove = useDeleteRectification(item.id, item.version);
  const evidence = useAttachmentCount('Rectification', item.id);
  // Controls a role may not use are not rendered at all (not merely disabled); a DONE one is final.
  const canWrite = can(me, 'rectification:write');
  const open = item.status !== 'DONE';
  const notFilled = <NotFilled />;
  const fieldLabels = historyFieldLabels(t, HISTORY_LABELS);

  const alertCell = item.alert ? (
    <Space orientation="vertical" size={0}>
      <Link to={recordPath('RiskAlert', item.alert.id)} data-testid="rectification-alert-link">
        {item.alert.summary.length > 80 ? `${item.alert.summary.slice(0, 79)}…` : item.alert.summary}
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {nameOf(ALERT_STATE_LABELS, item.alert.state)} ·{' '}
        {t('rectifications.alertRegisteredAt', { time: formatDateTime(item.alert.registeredAt) })}
      </Typography.Text>
    </Space>
  ) : (
    <Typography.Text type="secondary">{t('rectifications.alertHidden')}</Typography.Text>
  );

  const items = [
    { key: 'org', label: t('rectifications.org'), children: item.orgName },
    { key: 'source', label: t('rectifications.sourceLabel'), children: <SourceTag source={item.source} /> },
    ...(item.alertId ? [{ key: 'alert', label: t('rectifications.alert'), children: alertCell }] : []),
    ...(item.findingRef
      ? [{ key: 'findingRef', label: t('rectifications.findingRef'), children: item.findingRef }]
      : []),
    { key: 'problem', label: t('rectifications.problem'), children: longText(item.problem) },
    {
      key: 'measure',
      label: t('rectifications.measure'),
      children: longText(item.measure),
    },
    { key: 'owner', label: t('rectifications.ownerName'), children: item.ownerName || notFilled },
    {
      key: 'deadline',
      label: t('rectifications.deadline'),
      children: item.deadline ? (
        <span data-testid="rectification-deadline">{t('rectifications.deadlineValue', { date: item.deadline })}</span>
      ) : (
        t('rectifications.noDeadline')
      ),
    },
    {
      key: 'status',
      label: t('rectifications.statusLabel'),
      children: <StatusTag status={item.status} overdue={item.overdue} />,
    },
    ...(item.closedAt
      ? [
          { key: 'closedAt', label: t('rectifications.closedAt'), children: formatDateTime(item.closedAt) },
          {
            key: 'closingNote',
            label: t('rectifications.closingNote'),
            children: longText(item.closingNote),
          },
        ]
      : []),
    ...timestampFields(t, 'rectifications', item),
  ];

  return (
    <RecordDetailPage
      ns="rectifications"
      testId="rectification"
      listPath="/rectifications"
      title={item.problem.length > 120 ? `${item.problem.slice(0, 119)}…` : item.problem}
      titleTestId="rectification-title"
      breakTitle
      fields={items}
      footer={
        <>
          {canWrite && !open && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              {t('rectifications.closedFinal')}
            </Typography.Paragraph>
          )}
          {canWrite && open && (
            <Space orientation="vertical" size={8} style={{ marginTop: 16, width: '100%' }}>
              <Space wrap>
                <Button
                  type="primary"
                  size="large"
                  icon={<CheckCircleOutlined />}
                  data-testid="rectification-close"
                  disabled={!evidence}
                  onClick={() => setClosing(true)}
                >
                  {t('rectifications.close')}
                </Button>
                <RecordEditButton to={`/rectifications/${item.id}/edit`} />
                <RecordDeleteButton remove={remove} />
              </Space>
              {!evidence && (
                <Alert
                  type="info"
                  showIcon
                  data-testid="rectification-close-hint"
                  title={
                    evidence === undefined
                      ? t('rectifications.closeCheckingEvidence')
                      : t('rectifications.closeNeedsEvidence')
                  }
                />
              )}
            </Space>
          )}
        </>
      }
      entityType="Rectification"
      entityId={item.id}
      // Evidence of a completed rectification is part of its record: it stays as it was.
      canAttach={canWrite && open}
      historyLabels={fieldLabels}
      historyValue={(field, value) => {
        if (typeof value !== 'string') return undefined;
        if (field === 'source') return nameOf(RECTIFICATION_SOURCE_LABELS, value as RectificationSource);
        if (field === 'status') return nameOf(RECTIFICATION_STATUS_LABELS, value as RectificationStatus);
        if (field === 'deadlineAt' || field === 'closedAt') return formatDateTime(value);
        return undefined;
      }}
    >
      {closing && <CloseRectificationModal item={item} open={closing} onClose={() => setClosing(false)} />}
    </RecordDetailPage>
  );
}
