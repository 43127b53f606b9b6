// From a figure of the summary to the web page listing its records: the dashboard's drills
// (lib/metric-links.ts drillHref), plus the 阵地 register, which only the summary quotes.
import type { SummaryDrill } from '@dutyboard/contracts/reports';
import { toSearchParams } from '../../../lib/api-client.ts';
import { drillHref } from '../../../lib/metric-links.ts';

const EXTRA_LISTS: Record<string, string> = { '/api/risk-points': '/risk-points' };

/** The SPA URL for a figure's drill; null when it has none or names no page. */
export function figureHref(drill: SummaryDrill | null): string | null {
  if (!drill) return null;
  const known = drillHref(drill);
  if (known) return known;
  const path = EXTRA_LISTS[drill.list];
  if (!path) return null;
  const search = toSearchParams(drill.query).toString();
  return search ? `${path}?${search}` : path;
}
