// The dashboard's children table (a 区's streets, a street's branches): each child org's trend figures against its targets, a score and a
// rank. Pure: the counts and targets are read by services/dashboard/dashboard.ts.
import type { BranchRow, TrendMetric } from '@dutyboard/contracts/dashboard';
import { TREND_METRICS } from '@dutyboard/contracts/dashboard';
import { type OrgKind, orgLevelOf } from '@dutyboard/contracts/orgs';
import { pace } from '@dutyboard/contracts/periods';
import { drillOf, type FigureScope, type TargetLookup } from './dashboard-figures.ts';

export interface ChildOrg {
  id: string;
  name: string;
  kind: OrgKind;
}

type Cell = BranchRow['cells'][number];

/** Mean of min(done / target, 1) over the cells with a target above 0, to 3 places; null when none. */
export function branchScore(cells: readonly Pick<Cell, 'done' | 'target'>[]): number | null {
  const ratios = cells
    .filter((x) => x.target !== null && x.target > 0)
    .map((x) => Math.min(x.done / (x.target as number), 1));
  return ratios.length ? Math.round((ratios.reduce((a, b) => a + b, 0) / ratios.length) * 1000) / 1000 : null;
}

/**
 * Best score first (rank 1); branches without a score after those with one; ties by activity
 * count, then in the order given. Sets each row's rank and answers them in rank order.
 */
export function rankBranches(rows: readonly BranchRow[]): BranchRow[] {
  const activityOf = (b: BranchRow) => b.cells.find((x) => x.metric === 'ACTIVITY')?.done ?? 0;
  const ranked = [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || activityOf(b) - activityOf(a));
  ranked.forEach((b, i) => {
    b.rank = i + 1;
  });
  return ranked;
}

/** Each child's row, ranked; `countOf` answers a child's count of a trend figure in the period. */
export function branchRows(
  scope: FigureScope,
  children: readonly ChildOrg[],
  countOf: (orgId: string, metric: TrendMetric) => number,
  targetOf: TargetLookup,
): BranchRow[] {
  const rows = children.map((c) => {
    const cells = TREND_METRICS.map((metric) => {
      const done = countOf(c.id, metric);
      const target = targetOf(metric, c.id);
      return {
        metric,
        done,
        target,
        status: target === null ? null : pace(done, target, scope.period, scope.now).status,
        drill: drillOf(scope, metric, c.id),
      };
    });
    return {
      orgId: c.id,
      name: c.name,
      kind: c.kind,
      level: orgLevelOf(c.kind),
      score: branchScore(cells),
      rank: 0,
      cells,
    };
  });
  return rankBranches(rows);
}
