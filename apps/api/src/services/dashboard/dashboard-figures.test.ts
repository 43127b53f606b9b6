import { pace, periodFromCode } from '@dutyboard/contracts/periods';
import { describe, expect, it } from 'vitest';
import { figureScope, foldOrgRows, kpiOf, targetLookup, trendOf } from './dashboard-figures.ts';

const period = periodFromCode('2026-Q1');
const now = new Date('2026-02-15T04:00:00Z');
const scope = figureScope('street', period, now);
const rows = [
  { month: '2026-01', source: 'activity', part: 'PARTY_LECTURE', n: 2 },
  { month: '2026-03', source: 'activity', part: 'VOLUNTEER', n: 1 },
  // Outside the period: not counted.
  { month: '2025-12', source: 'activity', part: 'PARTY_LECTURE', n: 9 },
  { month: '*', source: 'rectification', part: 'OPEN', n: 4 },
  { month: '2025', source: 'alert', part: 'RED:REGISTERED', n: 5 },
];
const counts = foldOrgRows(rows, '2026-01', '2026-03');
const tasks = { done: 3, overdue: 1, overdueByOwner: [], changesAt: null };

describe('the dashboard figures', () => {
  it('folds dated rows into the period and its months, "*" into undated and years into all alerts', () => {
    expect(counts.inPeriod.sum('activity')).toBe(3);
    expect(counts.byMonth.get('2026-01')?.sum('activity')).toBe(2);
    expect(counts.byMonth.get('2025-12')).toBeUndefined();
    expect(counts.undated.sum('rectification')).toBe(4);
    expect(counts.allAlerts.sum('alert')).toBe(5);
  });

  it('measures a KPI against its effective target with the pace of the period so far', () => {
    const targetOf = targetLookup([{ orgId: 'street', metric: 'ACTIVITY', effective: 12, effectiveFrom: 'CHILDREN' }]);
    const kpi = kpiOf(scope, counts, tasks, targetOf, 'ACTIVITY');
    const expected = pace(3, 12, period, now);
    expect(kpi).toMatchObject({ metric: 'ACTIVITY', done: 3, target: 12, targetFrom: 'CHILDREN', ...expected });
    expect(kpi.expected).toBe(6);
    expect(kpi.status).toBe('RED');
    expect(kpi.breakdown.map((b) => [b.key, b.count])).toEqual([
      ['PARTY_LECTURE', 2],
      ['VOLUNTEER', 1],
    ]);
    expect(kpi.drill?.query).toMatchObject({ org: 'street', from: '2026-01-01', to: '2026-03-31' });
  });

  it('answers no target and no pace where none applies, and tasks from the task summary', () => {
    const none = targetLookup([]);
    expect(kpiOf(scope, counts, tasks, none, 'ACTIVITY')).toMatchObject({
      target: null,
      targetFrom: null,
      expected: null,
      status: null,
    });
    expect(kpiOf(scope, counts, tasks, none, 'ASSIGNMENT_OVERDUE').done).toBe(1);
    expect(kpiOf(scope, counts, tasks, none, 'ASSIGNMENT_DONE').done).toBe(3);
  });

  it('has a trend entry for each month of the period, 0 where nothing was counted', () => {
    const trend = trendOf(scope, counts.byMonth);
    expect(trend.map((t) => t.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const activity = (i: number) => trend[i]?.counts.find((c) => c.metric === 'ACTIVITY');
    expect([activity(0)?.count, activity(1)?.count, activity(2)?.count]).toEqual([2, 0, 1]);
    expect(activity(1)?.drill.query).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
  });
});
