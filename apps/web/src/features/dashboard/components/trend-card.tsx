// The per-month trend with its figure picker. The chart itself is a lazy chunk; the month links
// under it are plain links (keyboard, screen readers, and usable before the chart arrives).
import { type Dashboard, TREND_METRICS, type TrendMetric } from '@dutyboard/contracts/dashboard';
import { shanghaiParts } from '@dutyboard/contracts/periods';
import { Alert, Button, Card, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { Component, lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { dashboardMetricLabel } from '../../../lib/dashboard.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';
import { trendSeries } from './trend-series.ts';

const TrendChart = lazy(async () => ({ default: (await import('./trend-chart.tsx')).TrendChart }));

/**
 * A chart chunk that fails to load (a deploy replaced it, the network dropped) costs the chart
 * only, not the page: the figures and the month links below stay usable.
 */
class ChartBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function currentMonthOf(instant: string): string {
  const { year, month } = shanghaiParts(new Date(instant));
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function TrendCard({ data }: { data: Dashboard }) {
  const { t, lang } = useI18n();
  const [metric, setMetric] = useState<TrendMetric>('ACTIVITY');
  const target = data.kpis.find((k) => k.metric === metric)?.target ?? null;
  // Same answer, same points: a new array on every render would restart the chart's animation.
  const points = useMemo(
    () => trendSeries(data.trend, metric, target, currentMonthOf(data.generatedAt)),
    [data.trend, data.generatedAt, metric, target],
  );
  const label = dashboardMetricLabel(metric, lang);
  return (
    <Card title={t('dashboard.trend.title')} size="small" style={{ height: '100%' }} data-testid="trend-card">
      <Select<TrendMetric>
        aria-label={t('dashboard.trend.metric')}
        data-testid="trend-metric"
        value={metric}
        onChange={setMetric}
        options={TREND_METRICS.map((m) => ({ value: m, label: dashboardMetricLabel(m, lang) }))}
        style={{ width: 200, maxWidth: '100%', marginBottom: 8 }}
        popupMatchSelectWidth={false}
      />
      <ChartBoundary
        fallback={
          <Alert
            type="warning"
            showIcon
            data-testid="trend-chart-failed"
            title={t('dashboard.chartFailed')}
            action={
              <Button size="small" onClick={() => window.location.reload()}>
                {t('crash.reload')}
              </Button>
            }
            style={{ marginBottom: 8 }}
          />
        }
      >
        <Suspense
          fallback={
            <div style={{ height: 260 }} role="status" aria-label={t('dashboard.chartLoading')}>
              <Skeleton.Node active style={{ width: '100%', height: 260 }} />
            </div>
          }
        >
          <TrendChart points={points} metricLabel={label} />
        </Suspense>
      </ChartBoundary>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.trend.hint')}
        {target === null && ` ${t('dashboard.trend.noTarget')}`}
      </Typography.Text>
      <div className="db-month-links">
        {points.map((p) => {
          const text = t('dashboard.monthLink', { month: dayjs(`${p.month}-01`).format('MMM'), count: p.count });
          const href = p.drill ? drillHref(p.drill) : null;
          return href ? (
            <Link key={p.month} to={href} data-testid="month-link" data-month={p.month}>
              {text}
            </Link>
          ) : (
            <span key={p.month}>{text}</span>
          );
        })}
      </div>
    </Card>
  );
}
