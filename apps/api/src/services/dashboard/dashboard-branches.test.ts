import type { BranchRow } from '@dutyboard/contracts/dashboard';
import { TREND_METRICS } from '@dutyboard/contracts/dashboard';
import { pace, periodFromCode } from '@dutyboard/contracts/periods';
import { describe, expect, it } from 'vitest';
import { branchRows, branchScore, rankBranches } from './dashboard-branches.ts';
import { figureScope } from './dashboard-figures.ts';

const row = (orgId: string, score: number | null, activities: number): BranchRow => ({
  orgId,
  name: orgId,
  kind: 'VILLAGE_BRANCH',
  level: 'BRANCH',
  score,
  rank: 0,
  cells: [{ metric: 'ACTIVITY', done: activities, target: null, status: null, drill: { list: '/x', query: {} } }],
});

describe('the branch table', () => {
  it('scores the mean of done / target capped at 1, over the cells with a target above 0', () => {
    expect(
      branchScore([
        { done: 3, target: 6 },
        { done: 10, target: 5 },
        { done: 1, target: null },
        { done: 4, target: 0 },
      ]),
    ).toBe(0.75);
    expect(branchScore([{ done: 1, target: 3 }])).toBe(0.333);
    expect(branchScore([{ done: 5, target: null }])).toBeNull();
  });

  it('ranks by score, then unscored branches after, ties by activity count, then as given', () => {
    const ranked = rankBranches([
      row('a', 0.5, 1),
      row('b', null, 5),
      row('c', 0.9, 0),
      row('d', null, 7),
      row('e', 0.5, 3),
    ]);
    expect(ranked.map((r) => [r.orgId, r.rank])).toEqual([
      ['c', 1],
      ['e', 2],
      ['a', 3],
      ['d', 4],
      ['b', 5],
    ]);
    expect(rankBranches([row('x', null, 0), row('y', null, 0)]).map((r) => r.orgId)).toEqual(['x', 'y']);
  });

  it("gives each child's cells its count, its target and the pace against it, drilled to the child", () => {
    const period = periodFromCode('2026-H1');
    const now = new Date('2026-04-01T00:00:00Z');
    const scope = figureScope('street', period, now);
    const [branch] = branchRows(
      scope,
      [{ id: 'b1', name: '甲村党支部', kind: 'VILLAGE_BRANCH' }],
      (orgId, metric) => (orgId === 'b1' && metric === 'ACTIVITY' ? 2 : 0),
      (metric, orgId) => (orgId === 'b1' && metric === 'ACTIVITY' ? 12 : null),
    );
    expect(branch?.cells.map((c) => c.metric)).toEqual(TREND_METRICS);
    const activity = branch?.cells.find((c) => c.metric === 'ACTIVITY');
    expect(activity).toMatchObject({ done: 2, target: 12, status: pace(2, 12, period, now).status });
    expect(activity?.status).toBe('RED');
    expect(activity?.drill.query).toMatchObject({ org: 'b1', from: '2026-01-01', to: '2026-06-30' });
    expect(branch?.cells.filter((c) => c.metric !== 'ACTIVITY').every((c) => c.status === null)).toBe(true);
    expect(branch).toMatchObject({ score: 0.167, rank: 1 });
  });
});
