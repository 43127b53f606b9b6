// Small labels: a point's risk level, its check status (due soon / overdue), a check's result and
// whether it was made on time.

import {
  POSITION_RED_REASON_LABELS,
  RISK_CHECK_RESULT_LABELS,
  RISK_CHECK_STATUS_LABELS,
  RISK_LEVEL_LABELS,
} from '@dutyboard/contracts/labels';
import type { PositionState, RiskCheckResult, RiskCheckStatus, RiskLevel } from '@dutyboard/contracts/risk-points';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';

const LEVEL_COLOR: Record<RiskLevel, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'green' };
const STATUS_COLOR: Record<RiskCheckStatus, string> = { OK: 'green', DUE_SOON: 'gold', OVERDUE: 'red' };
const RESULT_COLOR: Record<RiskCheckResult, string> = { NORMAL: 'green', ISSUE_FOUND: 'volcano' };

export function RiskLevelTag({ level }: { level: RiskLevel }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={LEVEL_COLOR[level]} style={{ marginInlineEnd: 0 }}>
      {nameOf(RISK_LEVEL_LABELS, level)}
    </Tag>
  );
}

export function CheckStatusTag({ status }: { status: RiskCheckStatus }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="check-status" data-status={status}>
      {nameOf(RISK_CHECK_STATUS_LABELS, status)}
    </Tag>
  );
}

export function CheckResultTag({ result }: { result: RiskCheckResult }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={RESULT_COLOR[result]} style={{ marginInlineEnd: 0 }}>
      {nameOf(RISK_CHECK_RESULT_LABELS, result)}
    </Tag>
  );
}

/** A check made by its due day (按时) or after it (逾期). */
export function OnTimeTag({ onTime }: { onTime: boolean }) {
  const { t } = useI18n();
  return (
    <Tag
      color={onTime ? 'green' : 'red'}
      style={{ marginInlineEnd: 0 }}
      data-testid="check-on-time"
      data-on-time={onTime}
    >
      {t(onTime ? 'riskPoints.onTime.true' : 'riskPoints.onTime.false')}
    </Tag>
  );
}

/**
 * A 阵地 red under its type's rules (ADR 049), with each reason in words ("15 天未更新",
 * "本季度未检查"); nothing when it is not red.
 */
export function PositionStateTag({ state }: { state: PositionState }) {
  const { t, nameOf } = useI18n();
  if (!state.red) return null;
  const words = state.reasons.map((r) =>
    r.code === 'STALE' && r.days !== null
      ? t('riskPoints.state.staleDays', { days: r.days })
      : nameOf(POSITION_RED_REASON_LABELS, r.code),
  );
  return (
    <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="position-red">
      {words.join('、')}
    </Tag>
  );
}
