// What on the dashboard asks for attention: the alert funnel, the open alerts with their
// reporting clocks, and the overdue tasks per owner. Pure: the rows are read by dashboard.ts.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { FIGURE_SOURCES } from '@dutyboard/contracts/figures';
import { figureDrill } from '@dutyboard/contracts/metrics';
import { ALERT_STATES, type AlertLevel, type AlertState, alertClock } from '@dutyboard/contracts/risk-alerts';
import type { AssignmentSummary } from '../assignments/summary.ts';
import type { PartCounts } from '../rollups/rollups.ts';
import { type FigureScope, periodDrill } from './dashboard-figures.ts';

export interface OpenAlertRow {
  id: string;
  orgName: string;
  level: AlertLevel;
  state: AlertState;
  summary: string;
  registeredAt: Date;
  reportDueAt: Date;
  reportedAt: Date | null;
}

/** The period's alerts by the state they are in now. */
export function alertFunnel(scope: FigureScope, inPeriod: PartCounts): Dashboard['alertFunnel'] {
  return ALERT_STATES.map((state) => ({
    state,
    count: inPeriod.sum('alert', (p) => p.endsWith(`:${state}`)),
    drill: figureDrill('ALERT_REGISTERED', scope.orgId, periodDrill(scope), { state }),
  }));
}

/**
 * The open-alert total (from every alert ever registered) and the most urgent ones with their
 * clocks. A finished period's panel shows only the alerts registered by its end and still open
 * (`endedTotal`, counted by the caller), and its drill lists the same: registered up to its last day.
 */
export function openAlerts(
  scope: FigureScope,
  allAlerts: PartCounts,
  rows: readonly OpenAlertRow[],
  endedTotal: number | null = null,
): Dashboard['openAlerts'] {
  const query = { org: scope.orgId, flag: 'OPEN', ...(endedTotal === null ? {} : { to: scope.range.to }) };
  return {
    total: endedTotal ?? allAlerts.sum('alert', (p) => !p.endsWith(':CLOSED')),
    drill: { list: FIGURE_SOURCES.alert.list, query },
    items: rows.map((a) => {
      const clock = alertClock(
        { reportDueAt: a.reportDueAt.toISOString(), reportedAt: a.reportedAt?.toISOString() ?? null },
        scope.now,
      );
      return {
        id: a.id,
        orgName: a.orgName,
        level: a.level,
        state: a.state,
        summary: a.summary,
        registeredAt: a.registeredAt.toISOString(),
        reportDueAt: a.reportDueAt.toISOString(),
        remainingMinutes: clock.remainingMinutes,
        overdue: clock.overdue,
      };
    }),
  };
}

/** Overdue tasks per owner, most first, then by name (zh collation). */
export function overdueByOwner(
  scope: FigureScope,
  owners: AssignmentSummary['overdueByOwner'],
): Dashboard['overdueByOwner'] {
  return owners
    .map((o) => ({
      ownerId: o.ownerId,
      ownerName: o.ownerName,
      count: o.count,
      drill: figureDrill('ASSIGNMENT_OVERDUE', scope.orgId, periodDrill(scope), { owner: o.ownerId }),
    }))
    .sort((a, b) => b.count - a.count || a.ownerName.localeCompare(b.ownerName, 'zh'));
}
