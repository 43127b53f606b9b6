// The dashboard: every figure of a period for an org subtree, against its target, with pace, per
// month and per child org, and each with the list request that reproduces it. Counts are read from
// the rollups (ADR 018) in a handful of queries whatever the number of records. This file reads;
// pure functions make the answer from what it read: the figures (dashboard-figures.ts), the
// branch table (dashboard-branches.ts) and what asks for attention (dashboard-attention.ts).
//
// Every count here must equal what its drill list shows (apps/api/test/dashboard.test.ts checks
// each against the list endpoint). Which parts make each figure, its breakdown and its drill are
// the figure registry's (contracts/figures.ts): this file has no definition of its own.
import {
  DASHBOARD_METRICS,
  type Dashboard,
  type DashboardPagedParams,
  type DashboardParams,
  OPEN_ALERTS_MAX,
  TREND_METRICS,
} from '@dutyboard/contracts/dashboard';
import { childLevelOf, orgLevelOf } from '@dutyboard/contracts/orgs';
import { type PeriodRef, paceChangesAt, periodContaining, periodMonths } from '@dutyboard/contracts/periods';
import type { PrismaClient } from '@dutyboard/db/client';
import { summariseAssignments } from '../assignments/summary.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { escapeLike } from '../metrics/records.ts';
import { loadReachableOrg } from '../orgs/scope.ts';
import { targetsOf } from '../plan/targets.ts';
import { countFigures } from '../rollups/rollups.ts';
import { alertFunnel, type OpenAlertRow, openAlerts, overdueByOwner } from './dashboard-attention.ts';
import { branchRows, type ChildOrg } from './dashboard-branches.ts';
import { figureScope, foldOrgRows, kpiOf, type OrgRollupRow, targetLookup, trendOf } from './dashboard-figures.ts';

export type Org = Awaited<ReturnType<typeof loadReachableOrg>>;

/** The first and last month of a period, "YYYY-MM": the span of rollup keys it reads. */
function monthSpan(period: PeriodRef): { fromMonth: string; toMonth: string } {
  const months = periodMonths(period);
  return { fromMonth: months[0] ?? '', toMonth: months[months.length - 1] ?? '' };
}

/**
 * The org's own rollup rows: its subtree's totals per month of the period, plus undated states
 * ("*") and alerts per year (for the open-alert total). Rollups and not-yet-folded deltas are read
 * together (ADR 018), so the figures are exact at this snapshot.
 */
function orgRollupRows(prisma: PrismaClient, orgId: string, period: PeriodRef) {
  const { fromMonth, toMonth } = monthSpan(period);
  return prisma.$queryRaw<OrgRollupRow[]>`
    SELECT month, source, part, sum(n)::int AS n FROM (
      SELECT month, source, part, n FROM "CountRollup" WHERE "orgId" = ${orgId}::uuid
      UNION ALL
      SELECT month, source, part, n FROM "CountDelta" WHERE "orgId" = ${orgId}::uuid
    ) r
    WHERE month BETWEEN ${fromMonth} AND ${toMonth} OR month = '*' OR (source = 'alert' AND month ~ '^[0-9]{4}$')
    GROUP BY 1, 2, 3`;
}

/**
 * Per child, under the period's own key ("2026-H2"), each trend figure, keyed "childId|metric":
 * the rollup reader task rules use, so a branch cell is the registry's selection of parts like
 * every other count.
 */
async function childCounts(
  prisma: PrismaClient,
  children: readonly ChildOrg[],
  period: PeriodRef,
): Promise<Map<string, number>> {
  const counts = await countFigures(
    prisma,
    children.flatMap((c) => TREND_METRICS.map((figure) => ({ figure, orgId: c.id, key: period.code }))),
  );
  const byChild = new Map<string, number>();
  let i = 0;
  for (const c of children) for (const m of TREND_METRICS) byChild.set(`${c.id}|${m}`, counts[i++] ?? 0);
  return byChild;
}

/**
 * Open alerts in the subtree: unreported first (their clock runs), the soonest due first. For a
 * finished period only those registered before its end (`until`), with their count: the rollups
 * keep the open total of every alert ever registered, not of those a period's end had seen.
 */
async function openAlertRows(
  prisma: PrismaClient,
  org: Org,
  until: Date | null,
): Promise<{ rows: OpenAlertRow[]; total: number | null }> {
  const subtree = `${escapeLike(org.path)}%`;
  const before = until ?? new Date('9999-12-31T00:00:00Z');
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<OpenAlertRow[]>`
      SELECT a.id::text AS id, o.name AS "orgName", a.level::text AS level, a.state::text AS state, a.summary,
             a."registeredAt", a."reportDueAt", a."reportedAt"
      FROM "RiskAlert" a JOIN "OrgUnit" o ON o.id = a."orgId"
      WHERE a.state <> 'CLOSED' AND o.path LIKE ${subtree} AND a."registeredAt" < ${before}
      ORDER BY a."reportedAt" ASC NULLS FIRST, a."reportDueAt", a.id
      LIMIT ${OPEN_ALERTS_MAX}`,
    until
      ? prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM "RiskAlert" a JOIN "OrgUnit" o ON o.id = a."orgId"
          WHERE a.state <> 'CLOSED' AND o.path LIKE ${subtree} AND a."registeredAt" < ${until}`
      : null,
  ]);
  return { rows, total: counted ? (counted[0]?.n ?? 0) : null };
}

/** From the caller's home org down to this org (a secretary's trail starts at their branch). */
async function trailOf(prisma: PrismaClient, user: AuthUser, org: Org): Promise<Dashboard['trail']> {
  const ancestors = await prisma.orgUnit.findMany({
    where: { id: { in: org.path.split('/').filter(Boolean) } },
    select: { id: true, name: true, path: true },
  });
  return ancestors
    .filter((o) => !org.path.startsWith(user.orgPath) || o.path.startsWith(user.orgPath))
    .sort((a, b) => a.path.length - b.path.length)
    .map(({ id, name }) => ({ id, name }));
}

/** Everything the dashboard is made from, read at once (the children first: three reads need them). */
async function readDashboard(prisma: PrismaClient, user: AuthUser, org: Org, period: PeriodRef, now: Date) {
  const childrenLoaded = prisma.orgUnit.findMany({
    where: { parentId: org.id },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { id: true, name: true, kind: true, parentId: true },
  });
  const [orgRows, byChild, children, targets, assignments, alertRows, trail] = await Promise.all([
    orgRollupRows(prisma, org.id, period),
    childrenLoaded.then((children) => childCounts(prisma, children, period)),
    childrenLoaded,
    childrenLoaded.then((children) => targetsOf(prisma, period, org, children)),
    // Tasks: done and overdue as the list answers them, rule tasks' progress from the rollups.
    summariseAssignments(prisma, { period, org, now }),
    openAlertRows(prisma, org, now >= period.endsAt ? period.endsAt : null),
    trailOf(prisma, user, org),
  ]);
  return { orgRows, byChild, children, targets, assignments, alertRows, trail };
}

/** An answer and the instant after which its clock-driven figures (pace, overdue tasks) may differ. */
export interface BuiltDashboard {
  answer: Dashboard;
  /** null when nothing in it changes with time alone. */
  changesAt: Date | null;
}

/** The earliest of some instants, null for none. */
function earliest(instants: readonly (Date | null)[]): Date | null {
  let first: number | null = null;
  for (const at of instants) if (at !== null) first = Math.min(first ?? at.getTime(), at.getTime());
  return first === null ? null : new Date(first);
}

/**
 * The whole dashboard of an org already checked to be within the caller's reach, as of `now`:
 * every branch and owner on one page. Also answers when the same reads would answer otherwise
 * through time alone (ADR 029): a pace or an overdue task flipping.
 */
export async function buildDashboard(
  prisma: PrismaClient,
  user: AuthUser,
  org: Org,
  period: PeriodRef,
  now: Date,
): Promise<BuiltDashboard> {
  const read = await readDashboard(prisma, user, org, period, now);
  const { fromMonth, toMonth } = monthSpan(period);
  const counts = foldOrgRows(read.orgRows, fromMonth, toMonth);
  const scope = figureScope(org.id, period, now);
  const targetOf = targetLookup(read.targets.items);
  const kpis = DASHBOARD_METRICS.map((metric) => kpiOf(scope, counts, read.assignments, targetOf, metric));
  const branches = branchRows(scope, read.children, (id, metric) => read.byChild.get(`${id}|${metric}`) ?? 0, targetOf);
  const owners = overdueByOwner(scope, read.assignments.overdueByOwner);
  const paced = [...kpis, ...branches.flatMap((b) => b.cells)].flatMap((x) =>
    x.target === null ? [] : [paceChangesAt(x.done, x.target, period, now)],
  );
  const answer: Dashboard = {
    period: { code: period.code, startsAt: period.startsAt.toISOString(), endsAt: period.endsAt.toISOString() },
    org: { id: org.id, name: org.name, parentId: org.parentId, kind: org.kind, level: orgLevelOf(org.kind) },
    childLevel: childLevelOf(read.children.map((c) => c.kind)),
    trail: read.trail,
    generatedAt: now.toISOString(),
    kpis,
    trend: trendOf(scope, counts.byMonth),
    branches,
    branchPage: wholePage(branches.length),
    alertFunnel: alertFunnel(scope, counts.inPeriod),
    openAlerts: openAlerts(scope, counts.allAlerts, read.alertRows.rows, read.alertRows.total),
    overdueByOwner: owners,
    ownerPage: wholePage(owners.length),
  };
  return { answer, changesAt: earliest([read.assignments.changesAt, ...paced]) };
}

/** Every row on one page. */
const wholePage = (total: number) => ({ page: 1, size: total, total });

/** One page of the branch and owner tables of a whole answer (the rest is shared, not copied). */
export function dashboardPage(
  answer: Dashboard,
  pages: Pick<DashboardPagedParams, 'branchPage' | 'ownerPage' | 'tableSize'>,
): Dashboard {
  const size = pages.tableSize;
  const slice = <T>(rows: readonly T[], page: number) => rows.slice((page - 1) * size, page * size);
  return {
    ...answer,
    branches: slice(answer.branches, pages.branchPage),
    branchPage: { page: pages.branchPage, size, total: answer.branches.length },
    overdueByOwner: slice(answer.overdueByOwner, pages.ownerPage),
    ownerPage: { page: pages.ownerPage, size, total: answer.overdueByOwner.length },
  };
}

/** The period a query asks for: the current half year by default. */
export function dashboardPeriod(query: DashboardParams, now: Date): PeriodRef {
  return query.period ?? periodContaining('HALF', now);
}

/**
 * The whole dashboard of an org within the caller's reach (the caller's own org by default) for
 * a period (the current half year by default), as of `now`: what exports and reports read.
 */
export async function getDashboard(
  prisma: PrismaClient,
  user: AuthUser,
  query: DashboardParams,
  now = new Date(),
): Promise<Dashboard> {
  const org = await loadReachableOrg(prisma, user, query.org ?? user.orgId);
  return (await buildDashboard(prisma, user, org, dashboardPeriod(query, now), now)).answer;
}
