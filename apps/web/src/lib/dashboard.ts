// GET /api/dashboard: read by the dashboard and by the branches page (the street's per-branch
// figures), so both share one fetcher and one cache entry per (period, org) (lib/dashboard-query.ts);
// and how its figures are named and coloured, which both pages (and
// components/branch-progress-table.tsx) need.
import type { BranchRow, DashboardMetric } from '@dutyboard/contracts/dashboard';
import type { PaceStatus } from '@dutyboard/contracts/periods';
import { COLORS, heatTint, PACE_COLORS } from './colors.ts';
import type { Lang } from './i18n.ts';
import { figureLabel, partLabel } from './labels.ts';

export { dashboardQueryOptions, getDashboard, useDashboard } from './dashboard-query.ts';

/** A figure's name: the registry's (FIGURES[x].label), as the exports and the summary say it. */
export function dashboardMetricLabel(metric: DashboardMetric, lang: Lang): string {
  return figureLabel(metric, lang);
}

/**
 * The name of one part of a figure (`breakdown[].key`): the same enum labels the record pages
 * use (contracts FIGURE_PART_LABELS). An unknown key is shown as it is.
 */
export function breakdownLabel(metric: DashboardMetric, key: string, lang: Lang): string {
  return partLabel(metric, key, lang);
}

export interface CellTone {
  background: string;
  color: string;
}

/**
 * A heat-table cell's colours: by pace when the cell has a target; otherwise a neutral blue whose
 * strength follows the count against the column's largest (so the busiest branch stands out
 * without implying it is on or off plan).
 */
export function cellTone(cell: { done: number; status: PaceStatus | null }, columnMax: number): CellTone {
  if (cell.status) return PACE_COLORS[cell.status];
  if (cell.done <= 0 || columnMax <= 0) return { background: 'transparent', color: COLORS.textTertiary };
  const strength = Math.min(cell.done / columnMax, 1);
  const alpha = Math.round((0.08 + 0.32 * strength) * 100) / 100;
  return { background: heatTint(alpha), color: COLORS.text };
}

/**
 * The children behind: those with a figure behind pace (RED, or AMBER) — most red cells first,
 * then most amber, then in rank order — with how many cells are behind. For an overseer's "需要关注".
 */
export function childrenBehind(rows: readonly BranchRow[]): { row: BranchRow; behind: number }[] {
  const count = (row: BranchRow, status: 'RED' | 'AMBER') => row.cells.filter((c) => c.status === status).length;
  return rows
    .map((row) => ({ row, red: count(row, 'RED'), amber: count(row, 'AMBER') }))
    .filter((x) => x.red + x.amber > 0)
    .sort((a, b) => b.red - a.red || b.amber - a.amber || a.row.rank - b.row.rank)
    .map(({ row, red, amber }) => ({ row, behind: red + amber }));
}
