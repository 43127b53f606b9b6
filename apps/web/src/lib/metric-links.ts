// From a counted figure to the web page that lists its records: the API list a metric drills to
// (contracts/metrics.ts metricDrill) mapped onto the SPA route showing the same filter.
import type { CountedMetric, MetricDrill } from '@dutyboard/contracts/metrics';
import { toSearchParams } from './api-client.ts';
import type { Translate } from './i18n.ts';

/** API list → web list page. Risk-point checks have no list page: the org's register shows them. */
const WEB_LIST: Record<string, string> = {
  '/api/study-sessions': '/study-sessions',
  '/api/activities': '/activities',
  '/api/publicity': '/publicity',
  '/api/risk-points/checks': '/risk-points',
  '/api/risk-alerts': '/risk-alerts',
  '/api/rectifications': '/rectifications',
};

/** "/activities?category=PARTY_LECTURE&org=…&from=…&to=…" for a drill; null for an unknown list. */
export function drillHref(drill: MetricDrill): string | null {
  const path = WEB_LIST[drill.list];
  if (!path) return null;
  const search = toSearchParams(drill.query).toString();
  return search ? `${path}?${search}` : path;
}

export function metricLabel(metric: CountedMetric, t: Translate): string {
  return t(`plan.metric.${metric}`);
}
