import { describe, expect, it } from 'vitest';
import { figureHref } from './figure-href.ts';

describe('a summary figure\u2019s link', () => {
  it('opens the list page with the drill\u2019s filter', () => {
    expect(
      figureHref({
        list: '/api/study-sessions',
        query: { kind: 'SEMINAR', topicGroup: 'IDEOLOGY', org: 'o1', from: '2026-01-01', to: '2026-06-30' },
      }),
    ).toBe('/study-sessions?kind=SEMINAR&topicGroup=IDEOLOGY&org=o1&from=2026-01-01&to=2026-06-30');
    expect(figureHref({ list: '/api/assignments', query: { period: '2026-H1', org: 'o1', kind: 'AREA' } })).toBe(
      '/assignments?period=2026-H1&org=o1&kind=AREA',
    );
  });

  it('opens the 阵地 register, which no dashboard figure links to', () => {
    expect(figureHref({ list: '/api/risk-points', query: { org: 'o1' } })).toBe('/risk-points?org=o1');
  });

  it('has no link for a figure without records', () => {
    expect(figureHref(null)).toBeNull();
  });
});
