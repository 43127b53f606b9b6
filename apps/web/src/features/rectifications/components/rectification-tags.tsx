import { RECTIFICATION_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS } from '@dutyboard/contracts/labels';
import type { RectificationSource, RectificationStatus } from '@dutyboard/contracts/rectifications';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';

const SOURCE_COLOR: Record<RectificationSource, string> = {
  SELF_CHECK: 'blue',
  AUDIT: 'purple',
  ALERT: 'volcano',
  SUMMARY: 'cyan',
  POSITION_CHECK: 'cyan',
  INSPECTION: 'magenta',
};
const STATUS_COLOR: Record<RectificationStatus, string> = {
  OPEN: 'default',
  IN_PROGRESS: 'processing',
  DONE: 'success',
};

export function SourceTag({ source }: { source: RectificationSource }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={SOURCE_COLOR[source]} style={{ marginInlineEnd: 0 }}>
      {nameOf(RECTIFICATION_SOURCE_LABELS, source)}
    </Tag>
  );
}

/** The status, and "overdue" beside it when the deadline has passed and it is not done. */
export function StatusTag({ status, overdue }: { status: RectificationStatus; overdue: boolean }) {
  const { t, nameOf } = useI18n();
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
        {nameOf(RECTIFICATION_STATUS_LABELS, status)}
      </Tag>
      {overdue && (
        <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="rectification-overdue">
          {t('rectifications.overdueTag')}
        </Tag>
      )}
    </span>
  );
}
