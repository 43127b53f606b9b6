import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { describe, expect, it } from 'vitest';
import { axisNumberFormat, trendIsEmpty, trendSeries } from './trend-series.ts';

const drill = (month: string) => ({ list: '/api/activities', query: { from: `${month}-01`, to: `${month}-28` } });

function trend(counts: Record<string, number>): Dashboard['trend'] {
  return Object.entries(counts).map(([month, count]) => ({
    month,
    counts: [
      { metric: 'ACTIVITY', count, drill: drill(month) },
      { metric: 'SEMINAR', count: 1, drill: drill(month) },
    ],
  }));
}

const H1 = { '2026-01': 2, '2026-02': 0, '2026-03': 3, '2026-04': 1, '2026-05': 0, '2026-06': 0 };

describe('trendSeries', () => {
  it('keeps each month’s count and drill, and runs the total up to the current month only', () => {
    const points = trendSeries(trend(H1), 'ACTIVITY', null, '2026-04');
    expect(points.map((p) => p.count)).toEqual([2, 0, 3, 1, 0, 0]);
    expect(points.map((p) => p.cumulative)).toEqual([2, 2, 5, 6, null, null]);
    expect(points[2]?.drill).toEqual(drill('2026-03'));
  });

  it('runs the total over the whole period once it is over, and over none before it starts', () => {
    expect(trendSeries(trend(H1), 'ACTIVITY', null, '2026-11').map((p) => p.cumulative)).toEqual([2, 2, 5, 6, 6, 6]);
    expect(trendSeries(trend(H1), 'ACTIVITY', null, '2025-12').every((p) => p.cumulative === null)).toBe(true);
  });

  it('spreads the target evenly over the months for the plan line, reaching it in the last month', () => {
    const plan = trendSeries(trend(H1), 'ACTIVITY', 12, '2026-06').map((p) => p.plan);
    expect(plan).toEqual([2, 4, 6, 8, 10, 12]);
    expect(trendSeries(trend(H1), 'ACTIVITY', 5, '2026-06').map((p) => p.plan)).toEqual([0.8, 1.7, 2.5, 3.3, 4.2, 5]);
  });

  it('draws no plan line without a target', () => {
    expect(trendSeries(trend(H1), 'ACTIVITY', null, '2026-06').every((p) => p.plan === null)).toBe(true);
  });

  it('reads the chosen figure, and zero for a figure the answer lacks', () => {
    expect(trendSeries(trend(H1), 'SEMINAR', null, '2026-06').map((p) => p.cumulative)).toEqual([1, 2, 3, 4, 5, 6]);
    const missing = trendSeries(trend(H1), 'PUBLICITY', null, '2026-06');
    expect(missing.map((p) => p.count)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(missing[0]?.drill).toBeNull();
  });
});

describe('trendIsEmpty', () => {
  it('is true only when no figure has anything in any month', () => {
    expect(trendIsEmpty(trend(H1))).toBe(false);
    const zero = trend(H1).map((m) => ({ ...m, counts: m.counts.map((c) => ({ ...c, count: 0 })) }));
    expect(trendIsEmpty(zero)).toBe(true);
  });
});

describe('axisNumberFormat', () => {
  it("writes six-digit counts in at most five characters, in the reader's language", () => {
    const zh = axisNumberFormat('zh');
    const en = axisNumberFormat('en');
    expect(zh(340000)).toBe('34万');
    expect(zh(85000)).toBe('8.5万');
    expect(en(340000)).toBe('340K');
    for (const n of [0, 12, 400, 9999, 85000, 340000, 2000000]) {
      expect(zh(n).length).toBeLessThanOrEqual(5);
      expect(en(n).length).toBeLessThanOrEqual(5);
    }
  });
});
