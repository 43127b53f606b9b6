// GET /api/dashboard: read by the dashboard and by the branches page (the street's per-branch
// figures), so both share one fetcher and one cache entry per (period, org) (lib/dashboard-query.ts);
// and how its figures are named and coloured, which both pages (and
// components/branch-progress-table.tsx) need.
import { ACTIVITY_CATEGORIES } from '@dutyboard/contracts/activities';
import type { DashboardMetric } from '@dutyboard/contracts/dashboard';
import { COUNTED_METRICS, type CountedMetric } from '@dutyboard/contracts/metrics';
import type { PaceStatus } from '@dutyboard/contracts/periods';
import { PUBLICITY_LEVELS } from '@dutyboard/contracts/publicity';
import { RECTIFICATION_STATUSES } from '@dutyboard/contracts/rectifications';
import { ALERT_LEVELS } from '@dutyboard/contracts/risk-alerts';
import type { Translate } from './i18n.ts';

export { dashboardQueryOptions, getDashboard, useDashboard } from './dashboard-query.ts';

function isCountedMetric(metric: DashboardMetric): metric is CountedMetric {
  return Object.hasOwn(COUNTED_METRICS, metric);
}

/** A figure's name: the plan's name for a counted metric, the dashboard's own for the others. */
export function dashboardMetricLabel(metric: DashboardMetric, t: Translate): string {
  return isCountedMetric(metric) ? t(`plan.metric.${metric}`) : t(`dashboard.metric.${metric}`);
}

const has = <T extends string>(values: readonly T[], key: string): key is T =>
  (values as readonly string[]).includes(key);

/**
 * The name of one part of a figure (`breakdown[].key`): the same enum labels the record pages
 * use (i18n keys are global, so no feature is imported). An unknown key is shown as it is.
 */
export function breakdownLabel(metric: DashboardMetric, key: string, t: Translate): string {
  switch (metric) {
    case 'ACTIVITY':
      if (has(ACTIVITY_CATEGORIES, key)) return t(`category.${key}`);
      break;
    case 'SEMINAR':
      if (key === 'IDEOLOGY' || key === 'STUDY') return t(`dashboard.part.${key}`);
      break;
    case 'PUBLICITY':
      if (has(PUBLICITY_LEVELS, key)) return t(`publicity.level.${key}`);
      break;
    case 'RISK_POINT_CHECK':
      if (key === 'LATE') return t('dashboard.part.LATE');
      break;
    case 'ALERT_REGISTERED':
      if (has(ALERT_LEVELS, key)) return t(`riskAlerts.level.${key}`);
      break;
    case 'RECTIFICATION_OPEN':
      if (has(RECTIFICATION_STATUSES, key)) return t(`rectifications.status.${key}`);
      break;
    default:
      break;
  }
  return key;
}

/** The parts each figure may be broken down by (what the API answers as `breakdown[].key`). */
export const BREAKDOWN_KEYS: Partial<Record<DashboardMetric, readonly string[]>> = {
  ACTIVITY: ACTIVITY_CATEGORIES,
  SEMINAR: ['IDEOLOGY', 'STUDY'],
  PUBLICITY: PUBLICITY_LEVELS,
  RISK_POINT_CHECK: ['LATE'],
  ALERT_REGISTERED: ALERT_LEVELS,
  RECTIFICATION_OPEN: RECTIFICATION_STATUSES.filter((s) => s !== 'DONE'),
};

export interface CellTone {
  background: string;
  color: string;
}

const PACE_TONE: Record<PaceStatus, CellTone> = {
  GREEN: { background: '#f6ffed', color: '#237804' },
  AMBER: { background: '#fff7e6', color: '#ad4e00' },
  RED: { background: '#fff1f0', color: '#a8071a' },
};

/**
 * A heat-table cell's colours: by pace when the cell has a target; otherwise a neutral blue whose
 * strength follows the count against the column's largest (so the busiest branch stands out
 * without implying it is on or off plan).
 */
export function cellTone(cell: { done: number; status: PaceStatus | null }, columnMax: number): CellTone {
  if (cell.status) return PACE_TONE[cell.status];
  if (cell.done <= 0 || columnMax <= 0) return { background: 'transparent', color: 'rgba(0, 0, 0, 0.45)' };
  const strength = Math.min(cell.done / columnMax, 1);
  const alpha = Math.round((0.08 + 0.32 * strength) * 100) / 100;
  return { background: `rgba(22, 119, 255, ${alpha})`, color: 'rgba(0, 0, 0, 0.88)' };
}
