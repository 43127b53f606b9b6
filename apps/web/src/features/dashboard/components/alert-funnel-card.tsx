// Alerts registered in the period by their state now (登记 → … → 办结), each state a link to its alerts.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { ALERT_STATE_LABELS } from '@dutyboard/contracts/labels';
import type { AlertState } from '@dutyboard/contracts/risk-alerts';
import { Card, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';
import { BarList } from './bar-list.tsx';

/** Waiting states warm, moving states cool, done green: the eye finds what is stuck. */
const STATE_COLOR: Record<AlertState, string> = {
  REGISTERED: '#fa8c16',
  ASSESSED: '#1677ff',
  REPORTED: '#2f54eb',
  ACCEPTED: '#13c2c2',
  RETURNED: '#fa541c',
  HANDLING: '#722ed1',
  CLOSED: '#52c41a',
};

export function AlertFunnelCard({ funnel }: { funnel: Dashboard['alertFunnel'] }) {
  const { t, nameOf } = useI18n();
  const total = funnel.reduce((sum, s) => sum + s.count, 0);
  return (
    <Card title={t('dashboard.funnel.title')} size="small" style={{ height: '100%' }} data-testid="alert-funnel">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('dashboard.funnel.hint')}
      </Typography.Paragraph>
      {total === 0 ? (
        <Typography.Text type="secondary">{t('dashboard.funnel.empty')}</Typography.Text>
      ) : (
        <BarList
          testId="funnel-state"
          ariaLabel={t('dashboard.funnel.title')}
          items={funnel.map((s) => ({
            key: s.state,
            label: nameOf(ALERT_STATE_LABELS, s.state),
            count: s.count,
            href: drillHref(s.drill),
            color: STATE_COLOR[s.state],
          }))}
        />
      )}
    </Card>
  );
}
