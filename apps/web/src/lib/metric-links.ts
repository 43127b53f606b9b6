// From a counted figure to the web page that lists its records: the API list a metric drills to
// (contracts/metrics.ts metricDrill) mapped onto the SPA route showing the same filter.
import type { CountedMetric, Metric, MetricDrill } from '@dutyboard/contracts/metrics';
import { MetricSchema } from '@dutyboard/contracts/metrics';
import { PeriodCodeSchema } from '@dutyboard/contracts/periods';
import { toSearchParams } from './api-client.ts';
import type { Lang } from './i18n.ts';
import { figureLabel } from './labels.ts';

/** API list → the web list page that takes the same query and shows it in its filter bar. */
const WEB_LIST: Record<string, string> = {
  '/api/study-sessions': '/study-sessions',
  '/api/activities': '/activities',
  '/api/publicity': '/publicity',
  '/api/risk-points/checks': '/risk-points/checks',
  '/api/risk-alerts': '/risk-alerts',
  '/api/rectifications': '/rectifications',
  '/api/committee-meetings': '/committee-meetings',
  '/api/event-approvals': '/event-approvals',
  '/api/assignments': '/assignments',
  '/api/report-submissions': '/reports/submissions',
  '/api/accountability': '/accountability',
};

/**
 * The figure a drill was followed from, so the list can name it over its total ("专题研讨 ·
 * 2026年上半年 · 共 6 条"). It travels in the list's URL as via=<figure>:<period code>; the list
 * never sends it to the API, and a change of the filter drops it (use-url-filter.ts).
 */
export interface DrillOrigin {
  figure: Metric;
  period: string;
}

export const VIA_PARAM = 'via';

/** "/activities?category=PARTY_LECTURE&org=…&from=…&to=…" for a drill; null for an unknown list. */
export function drillHref(drill: MetricDrill, origin?: DrillOrigin): string | null {
  const path = WEB_LIST[drill.list];
  if (!path) return null;
  const params = toSearchParams(drill.query);
  if (origin) params.set(VIA_PARAM, `${origin.figure}:${origin.period}`);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The figure a list was reached from, or null (none, or a malformed via). */
export function drillOriginFrom(params: URLSearchParams): DrillOrigin | null {
  const [figure, period, ...rest] = (params.get(VIA_PARAM) ?? '').split(':');
  const f = MetricSchema.safeParse(figure);
  const p = PeriodCodeSchema.safeParse(period);
  return f.success && p.success && rest.length === 0 ? { figure: f.data, period: p.data } : null;
}

/** A counted figure's name (FIGURES[x].label). */
export function metricLabel(metric: CountedMetric, lang: Lang): string {
  return figureLabel(metric, lang);
}
