import { DASHBOARD_METRICS } from '@dutyboard/contracts/dashboard';
import { describe, expect, it } from 'vitest';
import { BREAKDOWN_KEYS, breakdownLabel, cellTone, dashboardMetricLabel } from './dashboard.ts';
import { en, type MessageKey, translate, zh } from './i18n.ts';

const zhT = (key: MessageKey, vars?: Record<string, string | number>) => translate('zh', key, vars);
const enT = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);

describe('dashboard figure names', () => {
  it('names every dashboard figure in both languages', () => {
    for (const metric of DASHBOARD_METRICS) {
      const zhLabel = dashboardMetricLabel(metric, zhT);
      const enLabel = dashboardMetricLabel(metric, enT);
      // translate() answers the key itself when a message is missing.
      expect(Object.values(zh), metric).toContain(zhLabel);
      expect(Object.values(en), metric).toContain(enLabel);
    }
    expect(dashboardMetricLabel('SEMINAR', zhT)).toBe('专题研讨');
    expect(dashboardMetricLabel('RECTIFICATION_OPEN', zhT)).toBe('未完成整改');
  });

  it('names every part a figure can be broken down by with the record pages’ labels', () => {
    for (const [metric, keys] of Object.entries(BREAKDOWN_KEYS)) {
      for (const key of keys ?? []) {
        const label = breakdownLabel(metric as keyof typeof BREAKDOWN_KEYS, key, zhT);
        expect(label, `${metric} ${key}`).not.toBe(key);
        expect(Object.values(zh), `${metric} ${key}`).toContain(label);
      }
    }
    expect(breakdownLabel('ACTIVITY', 'PARTY_LECTURE', zhT)).toBe('讲党课');
    expect(breakdownLabel('PUBLICITY', 'CITY', zhT)).toBe('市级媒体');
    expect(breakdownLabel('ALERT_REGISTERED', 'LEVEL_2', zhT)).toBe('二级');
    expect(breakdownLabel('RECTIFICATION_OPEN', 'IN_PROGRESS', zhT)).toBe('整改中');
    expect(breakdownLabel('SEMINAR', 'IDEOLOGY', enT)).toBe('Ideological work');
  });

  it('shows a part it does not know as its key rather than failing', () => {
    expect(breakdownLabel('ACTIVITY', 'SOMETHING_NEW', zhT)).toBe('SOMETHING_NEW');
    expect(breakdownLabel('CENTRAL_GROUP_STUDY', 'LATE', zhT)).toBe('LATE');
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
