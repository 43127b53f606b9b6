import { COUNTED_METRIC_KEYS, metricDrill } from '@dutyboard/contracts/metrics';
import { describe, expect, it } from 'vitest';
import { drillHref, drillOriginFrom } from './metric-links.ts';

const ORG = '7f0b4a9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('drillHref', () => {
  it('turns an API drill into the web list with the same filter', () => {
    expect(drillHref(metricDrill('PARTY_LECTURE', ORG, '2026-01-01', '2026-03-31'))).toBe(
      `/activities?category=PARTY_LECTURE&org=${ORG}&from=2026-01-01&to=2026-03-31`,
    );
    expect(drillHref(metricDrill('SEMINAR', ORG, '2026-01-01', '2026-06-30'))).toBe(
      `/study-sessions?kind=SEMINAR&org=${ORG}&from=2026-01-01&to=2026-06-30`,
    );
    expect(drillHref(metricDrill('ALERT_CLOSED', ORG, '2026-01-01', '2026-06-30'))).toBe(
      `/risk-alerts?dateField=closedAt&org=${ORG}&from=2026-01-01&to=2026-06-30`,
    );
  });

  it('sends a figure counted with a filter to the page that shows that filter', () => {
    expect(drillHref(metricDrill('RISK_POINT_CHECK', ORG, '2026-01-01', '2026-06-30'))).toBe(
      `/risk-points/checks?onTime=true&org=${ORG}&from=2026-01-01&to=2026-06-30`,
    );
    expect(drillHref(metricDrill('ALERT_REPORTED_ON_TIME', ORG, '2026-01-01', '2026-06-30'))).toBe(
      `/risk-alerts?dateField=reportedAt&flag=REPORTED_ON_TIME&org=${ORG}&from=2026-01-01&to=2026-06-30`,
    );
    expect(drillHref({ list: '/api/study-sessions', query: { kind: 'SEMINAR', topicGroup: 'IDEOLOGY' } })).toBe(
      '/study-sessions?kind=SEMINAR&topicGroup=IDEOLOGY',
    );
    expect(drillHref({ list: '/api/rectifications', query: { org: ORG, open: 'true' } })).toBe(
      `/rectifications?org=${ORG}&open=true`,
    );
    expect(drillHref({ list: '/api/assignments', query: { period: '2026-H1', org: ORG, overdue: 'true' } })).toBe(
      `/assignments?period=2026-H1&org=${ORG}&overdue=true`,
    );
  });

  it('knows a page for every counted metric, and none for an unknown list', () => {
    for (const metric of COUNTED_METRIC_KEYS) {
      expect(drillHref(metricDrill(metric, ORG, '2026-01-01', '2026-01-31')), metric).not.toBeNull();
    }
    expect(drillHref({ list: '/api/unknown', query: {} })).toBeNull();
  });
});

describe('the figure a drill comes from', () => {
  it('travels in the list URL as via=<figure>:<period> and reads back', () => {
    const href = drillHref(metricDrill('SEMINAR', ORG, '2026-01-01', '2026-06-30'), {
      figure: 'SEMINAR',
      period: '2026-H1',
    });
    expect(href).toBe(`/study-sessions?kind=SEMINAR&org=${ORG}&from=2026-01-01&to=2026-06-30&via=SEMINAR%3A2026-H1`);
    const params = new URL(href ?? '', 'http://x').searchParams;
    expect(drillOriginFrom(params)).toEqual({ figure: 'SEMINAR', period: '2026-H1' });
  });

  it('a malformed via names nothing', () => {
    for (const via of ['', 'SEMINAR', 'NOPE:2026-H1', 'SEMINAR:2026-H9', 'SEMINAR:2026-H1:x']) {
      expect(drillOriginFrom(new URLSearchParams({ via }))).toBeNull();
    }
  });
});
