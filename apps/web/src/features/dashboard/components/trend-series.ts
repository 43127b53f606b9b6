// The per-month trend of one figure as the chart draws it: the month's count (a bar, linking to
// that month's records), the running total up to the current month, and the linear plan line
// (target spread evenly over the period's months, docs/domain.md's pace rule at month ends).
import type { Dashboard, DashboardMetric } from '@dutyboard/contracts/dashboard';
import type { MetricDrill } from '@dutyboard/contracts/metrics';

export interface TrendPoint {
  /** "2026-03". */
  month: string;
  count: number;
  /** Done by the end of this month; null for months after the current one (nothing yet). */
  cumulative: number | null;
  /** What the plan expects by the end of this month; null without a target. */
  plan: number | null;
  drill: MetricDrill | null;
}

/**
 * `currentMonth` ("YYYY-MM", Shanghai) stops the running total there, so a half that is still
 * under way does not draw a flat line into the future.
 */
export function trendSeries(
  trend: Dashboard['trend'],
  metric: DashboardMetric,
  target: number | null,
  currentMonth: string,
): TrendPoint[] {
  const months = trend.length;
  let running = 0;
  return trend.map((m, i) => {
    const cell = m.counts.find((c) => c.metric === metric);
    const count = cell?.count ?? 0;
    running += count;
    return {
      month: m.month,
      count,
      cumulative: m.month <= currentMonth ? running : null,
      plan: target === null ? null : Math.round(((target * (i + 1)) / months) * 10) / 10,
      drill: cell?.drill ?? null,
    };
  });
}

/** True when no month of the trend has anything, for any figure. */
export function trendIsEmpty(trend: Dashboard['trend']): boolean {
  return trend.every((m) => m.counts.every((c) => c.count === 0));
}

/**
 * The y axis's tick text: a city's counts run to six digits, which the axis's ~40 px cut to their
 * last five ("340000" read as "40000", above "85000"), so large numbers are written compactly in
 * the reader's language ("34万" / "340K").
 */
export function axisNumberFormat(lang: 'zh' | 'en'): (value: number) => string {
  const format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return (value) => format.format(value);
}
