import { ALERT_LEVEL_LABELS, ALERT_STATE_LABELS } from '@dutyboard/contracts/labels';
import { ALERT_URGE_HOURS, type AlertLevel, type AlertState } from '@dutyboard/contracts/risk-alerts';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';

const LEVEL_COLOR: Record<AlertLevel, string> = {
  LEVEL_1: 'red',
  LEVEL_2: 'volcano',
  LEVEL_3: 'gold',
  LEVEL_4: 'blue',
};

export const STATE_COLOR: Record<AlertState, string> = {
  REGISTERED: 'default',
  ASSESSED: 'blue',
  REPORTED: 'geekblue',
  ACCEPTED: 'cyan',
  RETURNED: 'orange',
  HANDLING: 'purple',
  CLOSED: 'green',
};

export function AlertLevelTag({ level }: { level: AlertLevel }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={LEVEL_COLOR[level]} style={{ marginInlineEnd: 0 }} data-testid="alert-level">
      {nameOf(ALERT_LEVEL_LABELS, level)}
    </Tag>
  );
}

export function AlertStateTag({ state }: { state: AlertState }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={STATE_COLOR[state]} style={{ marginInlineEnd: 0 }} data-testid="alert-state" data-state={state}>
      {nameOf(ALERT_STATE_LABELS, state)}
    </Tag>
  );
}

/** 催办: an open alert with no step for ALERT_URGE_HOURS. */
export function UrgeTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('riskAlerts.urgeHint', { hours: ALERT_URGE_HOURS })}>
      <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="alert-urge">
        {t('riskAlerts.urge')}
      </Tag>
    </Tooltip>
  );
}
