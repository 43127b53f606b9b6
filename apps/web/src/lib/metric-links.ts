// From a counted figure to the web page that lists its records: the API list a metric drills to
// (contracts/metrics.ts metricDrill) mapped onto the SPA route showing the same filter.
import type { CountedMetric, MetricDrill } from '@dutyboard/contracts/metrics';
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
  '/api/assignments': '/assignments',
};

/** "/activities?category=PARTY_LECTURE&org=…&from=…&to=…" for a drill; null for an unknown list. */
export function drillHref(drill: MetricDrill): string | null {
  const path = WEB_LIST[drill.list];
  if (!path) return null;
  const search = toSearchParams(drill.query).toString();
  return search ? `${path}?${search}` : path;
}

/** A counted figure's name (FIGURES[x].label). */
export function metricLabel(metric: CountedMetric, lang: Lang): string {
  return figureLabel(metric, lang);
}
