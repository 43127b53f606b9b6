import { describe, expect, it } from 'vitest';
import { DASHBOARD_METRICS, TREND_METRICS } from './dashboard.ts';
import {
  COUNTED_FIGURE_KEYS,
  FIGURE_SOURCES,
  FIGURES,
  partClauses,
  partMatcher,
  ROLLED_FIGURE_KEYS,
} from './figures.ts';
import { COUNTED_METRICS, figureDrill } from './metrics.ts';

describe('the figure registry', () => {
  it('counts a 中心组专题学习研讨 as 中心组学习 and as 专题研讨, an ideology seminar as 专题研讨 only', () => {
    const cg = partMatcher(FIGURES.CENTRAL_GROUP_STUDY.parts);
    const seminar = partMatcher(FIGURES.SEMINAR.parts);
    expect([cg('SEMINAR:THEORY'), seminar('SEMINAR:THEORY')]).toEqual([true, true]);
    expect([cg('SEMINAR:IDEOLOGY_WORK'), seminar('SEMINAR:IDEOLOGY_WORK')]).toEqual([false, true]);
    expect([cg('CENTRAL_GROUP:OTHER'), seminar('CENTRAL_GROUP:OTHER')]).toEqual([true, false]);
    expect(cg('BRANCH_STUDY:THEORY')).toBe(false);
  });

  it('turns parts into record filters field by field', () => {
    expect(partClauses('study', FIGURES.CENTRAL_GROUP_STUDY.parts)).toEqual([
      { kind: 'CENTRAL_GROUP' },
      { kind: 'SEMINAR', topicCategory: 'THEORY' },
      { kind: 'SEMINAR', topicCategory: 'PARTY_HISTORY' },
      { kind: 'SEMINAR', topicCategory: 'POLICY' },
      { kind: 'SEMINAR', topicCategory: 'OTHER' },
    ]);
    expect(partClauses('activity', 'ALL')).toEqual([{}]);
    expect(partClauses('check', ['ON_TIME'])).toBeNull();
  });

  it('keeps the overview in its order, sections first, and the trend to counted figures', () => {
    expect(DASHBOARD_METRICS.slice(0, 2)).toEqual(['CENTRAL_GROUP_STUDY', 'SEMINAR']);
    expect(DASHBOARD_METRICS.at(-1)).toBe('ASSIGNMENT_OVERDUE');
    for (const m of TREND_METRICS) expect(COUNTED_FIGURE_KEYS).toContain(m);
  });

  it('drills every counted figure to its source list over the period, with its own query', () => {
    for (const f of COUNTED_FIGURE_KEYS) {
      const def = FIGURES[f];
      expect(COUNTED_METRICS[f].list).toBe(FIGURE_SOURCES[def.source].list);
      expect(figureDrill(f, 'o', { from: '2026-01-01', to: '2026-06-30', period: '2026-H1' })).toEqual({
        list: FIGURE_SOURCES[def.source].list,
        query: { ...def.query, org: 'o', from: '2026-01-01', to: '2026-06-30' },
      });
    }
    expect(figureDrill('RECTIFICATION_OPEN', 'o', { from: 'a', to: 'b', period: 'p' }).query).toEqual({
      org: 'o',
      open: 'true',
    });
  });

  it('declares breakdown parts inside the figure (the late checks are shown beside it)', () => {
    for (const f of ROLLED_FIGURE_KEYS) {
      const def = FIGURES[f];
      if (!('breakdown' in def) || f === 'RISK_POINT_CHECK') continue;
      const inFigure = partMatcher(def.parts);
      for (const key of def.breakdown.keys) {
        for (const p of def.breakdown.parts(key)) expect(inFigure(p.replace('*', 'X')), `${f} ${key}`).toBe(true);
      }
    }
  });
});
