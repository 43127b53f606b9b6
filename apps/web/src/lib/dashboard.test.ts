import { type BranchRow, DASHBOARD_METRICS } from '@dutyboard/contracts/dashboard';
import { FIGURES } from '@dutyboard/contracts/figures';
import { describe, expect, it } from 'vitest';
import { breakdownLabel, cellTone, childrenBehind, dashboardMetricLabel } from './dashboard.ts';
import { levelWords, rankedWordsOf } from './levels.ts';

describe('dashboard figure names', () => {
  it('names every dashboard figure in both languages, as the registry does', () => {
    for (const metric of DASHBOARD_METRICS) {
      expect(dashboardMetricLabel(metric, 'zh'), metric).toBe(FIGURES[metric].label.zh);
      expect(dashboardMetricLabel(metric, 'en'), metric).toBe(FIGURES[metric].label.en);
    }
    expect(dashboardMetricLabel('SEMINAR', 'zh')).toBe('专题研讨');
    expect(dashboardMetricLabel('RECTIFICATION_OPEN', 'zh')).toBe('未完成整改');
  });

  it('names every part a figure can be broken down by with the record pages’ labels', () => {
    for (const metric of DASHBOARD_METRICS) {
      const def = FIGURES[metric];
      for (const key of 'breakdown' in def ? def.breakdown.keys : []) {
        expect(breakdownLabel(metric, key, 'zh'), `${metric} ${key}`).not.toBe(key);
        expect(breakdownLabel(metric, key, 'en'), `${metric} ${key}`).not.toBe(key);
      }
    }
    expect(breakdownLabel('ACTIVITY', 'PARTY_LECTURE', 'zh')).toBe('讲党课');
    expect(breakdownLabel('PUBLICITY', 'CITY', 'zh')).toBe('市级媒体');
    expect(breakdownLabel('ALERT_REGISTERED', 'LEVEL_2', 'zh')).toBe('二级');
    expect(breakdownLabel('RECTIFICATION_OPEN', 'IN_PROGRESS', 'zh')).toBe('整改中');
    expect(breakdownLabel('SEMINAR', 'IDEOLOGY', 'en')).toBe('Ideological-work seminars');
  });

  it('shows a part it does not know as its key rather than failing', () => {
    expect(breakdownLabel('ACTIVITY', 'SOMETHING_NEW', 'zh')).toBe('SOMETHING_NEW');
    expect(breakdownLabel('CENTRAL_GROUP_STUDY', 'LATE', 'zh')).toBe('LATE');
  });
});

describe('cellTone', () => {
  it('colours a cell with a target by its pace', () => {
    expect(cellTone({ done: 1, status: 'RED' }, 10).color).toBe('#a8071a');
    expect(cellTone({ done: 5, status: 'AMBER' }, 10).color).toBe('#ad4e00');
    expect(cellTone({ done: 9, status: 'GREEN' }, 10).color).toBe('#237804');
  });

  it('shades a cell without a target by its share of the column’s largest count', () => {
    const alpha = (done: number) => Number(/([\d.]+)\)$/.exec(cellTone({ done, status: null }, 8).background)?.[1]);
    expect(alpha(8)).toBe(0.4);
    expect(alpha(4)).toBe(0.24);
    expect(alpha(1)).toBeLessThan(alpha(4));
    expect(cellTone({ done: 0, status: null }, 8).background).toBe('transparent');
    expect(cellTone({ done: 0, status: null }, 0).background).toBe('transparent');
  });
});

describe('the children of a level (ADR 039)', () => {
  const row = (orgId: string, rank: number, statuses: BranchRow['cells'][number]['status'][]): BranchRow => ({
    orgId,
    name: orgId,
    kind: 'STREET_COMMITTEE',
    level: 'STREET',
    score: null,
    rank,
    cells: statuses.map((status) => ({
      metric: 'ACTIVITY',
      done: 0,
      target: status === null ? null : 1,
      status,
      drill: { list: '/api/activities', query: {} },
    })),
  });

  it('lists the children behind pace, the most red first, then by rank', () => {
    const rows = [
      row('a', 1, ['GREEN', 'AMBER']),
      row('b', 2, ['RED', null]),
      row('c', 3, ['GREEN', null]),
      row('d', 4, ['AMBER', 'AMBER']),
    ];
    expect(childrenBehind(rows).map((x) => [x.row.orgId, x.behind])).toEqual([
      ['b', 1],
      ['d', 2],
      ['a', 1],
    ]);
    expect(childrenBehind([row('c', 1, ['GREEN'])])).toEqual([]);
  });

  it('names a 区 page’s children 街道（乡镇） and a street’s 支部, in both languages', () => {
    expect(levelWords('STREET', 'zh')).toEqual({ unit: '街道（乡镇）', group: '各街道（乡镇）' });
    expect(levelWords('DISTRICT', 'zh').group).toBe('各区（县）');
    expect(rankedWordsOf('DISTRICT_COMMITTEE', 'zh').group).toBe('各街道（乡镇）');
    expect(rankedWordsOf('CITY_COMMITTEE', 'zh').group).toBe('各区（县）');
    expect(rankedWordsOf('STREET_COMMITTEE', 'zh').group).toBe('各支部');
    expect(rankedWordsOf('DISTRICT_COMMITTEE', 'en').unit).toBe('Street or township');
  });
});
