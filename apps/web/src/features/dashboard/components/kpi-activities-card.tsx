import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { Card, Progress, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { PaceTag, percentOf, progressColor } from '../../../components/pace-tag.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { activitiesHref } from '../../../lib/links.ts';

/** Themed activities done against the period's target, with the pace expected by today. */
export function KpiActivitiesCard({ kpi }: { kpi: Dashboard['activities'] }) {
  const { t } = useI18n();
  const href = activitiesHref(kpi.filter);
  const percent = percentOf(kpi.done, kpi.target);
  return (
    <Card
      data-testid="kpi-activities"
      title={t('kpi.activities')}
      extra={<Link to={href}>{t('kpi.viewList')}</Link>}
      style={{ height: '100%' }}
    >
      <div className="db-kpi-figure">
        <Link to={href} aria-label={t('kpi.viewList')}>
          <span data-testid="kpi-activities-done">{kpi.done}</span>
        </Link>
        {kpi.target !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 24, fontWeight: 400 }}>
            {' / '}
            <span data-testid="kpi-activities-target">{kpi.target}</span>
          </Typography.Text>
        )}
      </div>
      {kpi.target === null ? (
        <Typography.Text type="secondary" data-testid="kpi-activities-no-target">
          {t('kpi.noTarget')}
        </Typography.Text>
      ) : (
        <>
          <Typography.Text type="secondary">
            {t('kpi.doneOfTarget', { done: kpi.done, target: kpi.target })}
          </Typography.Text>
          <Progress
            percent={Math.min(percent, 100)}
            format={() => `${percent}%`}
            strokeColor={progressColor(kpi.status, kpi.done, kpi.target)}
            aria-label={t('kpi.doneOfTarget', { done: kpi.done, target: kpi.target })}
          />
          <Space wrap size={[8, 4]} style={{ marginTop: 8 }}>
            {kpi.expected !== null && (
              <Typography.Text data-testid="kpi-activities-expected">
                {t('kpi.expected', { expected: kpi.expected })}
              </Typography.Text>
            )}
            {kpi.status && <PaceTag status={kpi.status} />}
          </Space>
        </>
      )}
    </Card>
  );
}
