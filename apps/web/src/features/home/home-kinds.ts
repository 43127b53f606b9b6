// The record kinds a secretary logs from her home (issue 16.1): each with the figures counted
// from it (the figure registry's `source`), the permission that writes it, its new-record page
// and the query field of a figure's drill that page can start from (?kind=, ?category=).
import type { EntityType } from '@dutyboard/contracts/attachments';
import type { DashboardMetric, Kpi } from '@dutyboard/contracts/dashboard';
import { FIGURES, type RollupSource } from '@dutyboard/contracts/figures';
import type { Action } from '@dutyboard/contracts/permissions';
import type { MessageKey } from '../../lib/i18n.ts';

export interface HomeKind {
  source: RollupSource;
  permission: Action;
  entityType: EntityType;
  /** The new-record page, and the one query field of a figure's drill it takes as a start value. */
  newPath: string;
  prefill: string;
  recordPath: string;
  /** The primary action's words ("新增活动"). */
  add: MessageKey;
}

export const HOME_KINDS: readonly HomeKind[] = [
  {
    source: 'activity',
    permission: 'activity:write',
    entityType: 'Activity',
    newPath: '/activities/new',
    prefill: 'category',
    recordPath: '/activities',
    add: 'nav.newActivity',
  },
  {
    source: 'study',
    permission: 'study:write',
    entityType: 'StudySession',
    newPath: '/study-sessions/new',
    prefill: 'kind',
    recordPath: '/study-sessions',
    add: 'home.newStudy',
  },
];

/** One figure of the period still short of its target, and the page that adds to it. */
export interface Gap {
  kpi: Kpi & { target: number };
  /** Below the pace a linear plan expects by today (amber or red). */
  behind: boolean;
  missing: number;
  /** The new-record page, started on the figure's kind or category when its drill names one. */
  href: string;
}

const BEHIND_ORDER = { RED: 0, AMBER: 1, GREEN: 2 } as const;

/**
 * The figures of `kinds` with a target not yet reached this period, those behind pace first (red,
 * then amber), then by how many are still missing. Figures of other kinds are left out: the home
 * shows only what its user can add to.
 */
export function gapsOf(kpis: readonly Kpi[], kinds: readonly HomeKind[]): Gap[] {
  const gaps: Gap[] = [];
  for (const kpi of kpis) {
    const def = FIGURES[kpi.metric as DashboardMetric];
    const kind = kinds.find((k) => k.source === def.source);
    if (!kind || kpi.target === null || kpi.done >= kpi.target) continue;
    const query: Readonly<Record<string, string>> = def.query;
    const start = query[kind.prefill];
    gaps.push({
      kpi: { ...kpi, target: kpi.target },
      behind: kpi.status === 'RED' || kpi.status === 'AMBER',
      missing: kpi.target - kpi.done,
      href: start ? `${kind.newPath}?${new URLSearchParams({ [kind.prefill]: start })}` : kind.newPath,
    });
  }
  const rank = (gap: Gap) => BEHIND_ORDER[gap.kpi.status ?? 'GREEN'];
  return gaps.sort((a, b) => rank(a) - rank(b) || b.missing - a.missing);
}
