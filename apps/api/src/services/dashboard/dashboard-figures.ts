// The dashboard's figures from counts already read (services/dashboard/dashboard.ts reads them):
// the KPIs against their targets with pace, and the per-month trend. Pure: which parts make each
// figure, its breakdown and its drill are the figure registry's (contracts/figures.ts).
import type { Breakdown, DashboardMetric, Kpi, TrendMetric } from '@dutyboard/contracts/dashboard';
import { TREND_METRICS } from '@dutyboard/contracts/dashboard';
import { type CountedFigureDef, FIGURE_SOURCES, FIGURES, type RolledFigure } from '@dutyboard/contracts/figures';
import { figureDrill, type Metric, type MetricDrill } from '@dutyboard/contracts/metrics';
import { type PeriodRef, pace, periodMonths, SHANGHAI_OFFSET_MS, shanghaiMidnight } from '@dutyboard/contracts/periods';
import type { EffectiveFrom } from '@dutyboard/contracts/plan';
import type { AssignmentSummary } from '../assignments/summary.ts';
import { KeyedCounts, PartCounts } from '../rollups/rollups.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Shanghai calendar day of an instant, "YYYY-MM-DD". */
function localDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Inclusive Shanghai days of a half-open instant range. */
export function days(from: Date, toExclusive: Date): { from: string; to: string } {
  return { from: localDate(from), to: localDate(new Date(toExclusive.getTime() - DAY_MS)) };
}

/** One rollup row of the dashboard's org: a month ("2026-03"), a year ("2026", alerts) or "*" (undated). */
export interface OrgRollupRow {
  month: string;
  source: string;
  part: string;
  n: number;
}

/** The org's subtree counts, folded by what each row's key says it is. */
export interface OrgCounts {
  /** Dated sources, in the period's months. */
  inPeriod: PartCounts;
  byMonth: KeyedCounts;
  /** Undated sources ("open now"). */
  undated: PartCounts;
  /** Every alert ever registered, by level and state (the open-alert total). */
  allAlerts: PartCounts;
}

export function foldOrgRows(rows: readonly OrgRollupRow[], fromMonth: string, toMonth: string): OrgCounts {
  const counts: OrgCounts = {
    inPeriod: new PartCounts(),
    byMonth: new KeyedCounts(),
    undated: new PartCounts(),
    allAlerts: new PartCounts(),
  };
  for (const r of rows) {
    if (r.month === '*') {
      counts.undated.add(r.source, r.part, r.n);
    } else if (/^\d{4}$/.test(r.month)) {
      counts.allAlerts.add(r.source, r.part, r.n);
    } else if (r.month >= fromMonth && r.month <= toMonth) {
      counts.inPeriod.add(r.source, r.part, r.n);
      counts.byMonth.at(r.month).add(r.source, r.part, r.n);
    }
  }
  return counts;
}

/** What every figure of one dashboard answer is measured in: its org, period and clock. */
export interface FigureScope {
  orgId: string;
  period: PeriodRef;
  now: Date;
  /** The period's Shanghai days, as drills carry them. */
  range: { from: string; to: string };
}

export function figureScope(orgId: string, period: PeriodRef, now: Date): FigureScope {
  return { orgId, period, now, range: days(period.startsAt, period.endsAt) };
}

/** The query part every drill of the scope carries: the period's days and code. */
export function periodDrill(scope: FigureScope, r = scope.range) {
  return { ...r, period: scope.period.code };
}

/** The drill of a figure in the scope's period (or the days given), for its org or another. */
export function drillOf(scope: FigureScope, metric: Metric, orgId = scope.orgId, r = scope.range): MetricDrill {
  return figureDrill(metric, orgId, periodDrill(scope, r));
}

/** Effective targets by org and metric (TargetsAnswer items), null where none applies. */
export type TargetLookup = (metric: DashboardMetric, orgId: string) => number | null;
/** A TargetLookup that also says where each target comes from (the KPI card shows it). */
export type SourcedTargetLookup = TargetLookup & {
  from: (metric: DashboardMetric, orgId: string) => EffectiveFrom | null;
};

export function targetLookup(
  items: readonly { orgId: string; metric: string; effective: number | null; effectiveFrom?: EffectiveFrom | null }[],
): SourcedTargetLookup {
  const byKey = new Map(items.map((t) => [`${t.orgId}|${t.metric}`, t]));
  const of = (metric: DashboardMetric, orgId: string) => byKey.get(`${orgId}|${metric}`)?.effective ?? null;
  return Object.assign(of, {
    from: (metric: DashboardMetric, orgId: string) => byKey.get(`${orgId}|${metric}`)?.effectiveFrom ?? null,
  });
}

/** A figure's own count and breakdown, from the counts its source is read from. */
function doneOf(
  scope: FigureScope,
  counts: OrgCounts,
  assignments: AssignmentSummary,
  metric: DashboardMetric,
): { done: number; breakdown: Breakdown[] } {
  const def = FIGURES[metric];
  if (def.source === 'assignment') {
    return { done: metric === 'ASSIGNMENT_OVERDUE' ? assignments.overdue : assignments.done, breakdown: [] };
  }
  // Undated sources ("open now") are read from the "*" rows, dated ones from the period's months.
  const source = FIGURE_SOURCES[def.source].date === null ? counts.undated : counts.inPeriod;
  const done = source.figure(metric as RolledFigure);
  const b = (def as CountedFigureDef).breakdown;
  if (!b) return { done, breakdown: [] };
  const breakdown = b.keys
    .map((key) => ({
      key,
      count: source.parts(def.source, b.parts(key)),
      drill: figureDrill(metric, scope.orgId, periodDrill(scope), b.query(key)),
    }))
    .filter((x) => x.count > 0);
  return { done, breakdown };
}

export function kpiOf(
  scope: FigureScope,
  counts: OrgCounts,
  assignments: AssignmentSummary,
  targetOf: SourcedTargetLookup,
  metric: DashboardMetric,
): Kpi {
  const { done, breakdown } = doneOf(scope, counts, assignments, metric);
  const target = targetOf(metric, scope.orgId);
  const p = target === null ? null : pace(done, target, scope.period, scope.now);
  return {
    metric,
    done,
    target,
    targetFrom: target === null ? null : targetOf.from(metric, scope.orgId),
    expected: p?.expected ?? null,
    status: p?.status ?? null,
    drill: drillOf(scope, metric),
    breakdown,
  };
}

/** Each month of the period, each trend figure with the drill of that month's days. */
export function trendOf(scope: FigureScope, byMonth: KeyedCounts) {
  return periodMonths(scope.period).map((month) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const r = days(shanghaiMidnight(y, m, 1), shanghaiMidnight(y, m + 1, 1));
    return {
      month,
      counts: TREND_METRICS.map((metric: TrendMetric) => ({
        metric,
        count: byMonth.get(month)?.figure(metric) ?? 0,
        drill: drillOf(scope, metric, scope.orgId, r),
      })),
    };
  });
}
