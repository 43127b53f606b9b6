import { DASHBOARD_METRICS } from '@dutyboard/contracts/dashboard';
import { FIGURES } from '@dutyboard/contracts/figures';
import { describe, expect, it } from 'vitest';
import { breakdownLabel, cellTone, dashboardMetricLabel } from './dashboard.ts';

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
