// The dashboard: every figure of a period for an org subtree, against its target, with pace, per
// month and per child org, and each with the list request that reproduces it. Counting happens in
// PostgreSQL: one grouped query per record table (by child org × month × the figure's parts), so
// the page costs a handful of queries whatever the number of records. Node only adds up groups.
//
// Every count here must equal what its drill list shows (apps/api/test/dashboard.test.ts checks
// each against the list endpoint). Which parts make each figure, its breakdown and its drill are
// the figure registry's (contracts/figures.ts): this file has no definition of its own.
import type {
  BranchRow,
  Breakdown,
  Dashboard,
  DashboardMetric,
  DashboardParams,
  Kpi,
  TrendMetric,
} from '@dutyboard/contracts/dashboard';
import { DASHBOARD_METRICS, OPEN_ALERTS_MAX, TREND_METRICS } from '@dutyboard/contracts/dashboard';
import { type CountedFigureDef, FIGURE_SOURCES, FIGURES, type RolledFigure } from '@dutyboard/contracts/figures';
import { figureDrill, type Metric, type MetricDrill } from '@dutyboard/contracts/metrics';
import {
  type PeriodRef,
  pace,
  periodContaining,
  periodMonths,
  SHANGHAI_OFFSET_MS,
  shanghaiMidnight,
} from '@dutyboard/contracts/periods';
import { ALERT_STATES, type AlertLevel, type AlertState, alertClock } from '@dutyboard/contracts/risk-alerts';
import type { PrismaClient } from '@dutyboard/db/client';
import { summariseAssignments } from '../assignments/summary.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { escapeLike } from '../metrics/records.ts';
import { loadReachableOrg } from '../orgs/scope.ts';
import { targetsOf } from '../plan/targets.ts';
import { countFigures, KeyedCounts, PartCounts } from '../rollups/rollups.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Shanghai calendar day of an instant, "YYYY-MM-DD". */
function localDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Inclusive Shanghai days of a half-open instant range. */
function days(from: Date, toExclusive: Date): { from: string; to: string } {
  return { from: localDate(from), to: localDate(new Date(toExclusive.getTime() - DAY_MS)) };
}

interface OpenAlertRow {
  id: string;
  orgName: string;
  level: AlertLevel;
  state: AlertState;
  summary: string;
  registeredAt: Date;
  reportDueAt: Date;
  reportedAt: Date | null;
}

export async function getDashboard(
  prisma: PrismaClient,
  user: AuthUser,
  query: DashboardParams,
  now = new Date(),
): Promise<Dashboard> {
  const period: PeriodRef = query.period ?? periodContaining('HALF', now);
  const org = await loadReachableOrg(prisma, user, query.org ?? user.orgId);
  const from = period.startsAt;
  const to = period.endsAt;
  const months = periodMonths(period);
  const fromMonth = months[0] ?? '';
  const toMonth = months[months.length - 1] ?? '';

  // All counts come from the rollups (ADR 018): the org's own rows are its subtree's totals per
  // month (plus undated states, and alerts per year for the open-alert total); its children's
  // rows under the period's own key ("2026-H2") are the branch cells. Rollups and not-yet-folded deltas are
  // read together, so the figures are exact at this snapshot.
  const subtree = `${escapeLike(org.path)}%`;
  const childrenLoaded = prisma.orgUnit.findMany({
    where: { parentId: org.id },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { id: true, name: true, kind: true, parentId: true },
  });
  const [orgRows, byChild, children, targets, assignments, openAlertRows, trail] = await Promise.all([
    prisma.$queryRaw<{ month: string; source: string; part: string; n: number }[]>`
      SELECT month, source, part, sum(n)::int AS n FROM (
        SELECT month, source, part, n FROM "CountRollup" WHERE "orgId" = ${org.id}::uuid
        UNION ALL
        SELECT month, source, part, n FROM "CountDelta" WHERE "orgId" = ${org.id}::uuid
      ) r
      WHERE month BETWEEN ${fromMonth} AND ${toMonth} OR month = '*' OR (source = 'alert' AND month ~ '^[0-9]{4}$')
      GROUP BY 1, 2, 3`,
    // Per child, under the period's key, each trend figure: the rollup reader task rules use,
    // so a branch cell is the registry's selection of parts like every other count.
    childrenLoaded.then((children) =>
      countFigures(
        prisma,
        children.flatMap((c) => TREND_METRICS.map((figure) => ({ figure, orgId: c.id, key: period.code }))),
      ).then((counts) => {
        const byChild = new Map<string, number>();
        let i = 0;
        for (const c of children) for (const m of TREND_METRICS) byChild.set(`${c.id}|${m}`, counts[i++] ?? 0);
        return byChild;
      }),
    ),
    childrenLoaded,
    childrenLoaded.then((children) => targetsOf(prisma, period, org, children)),
    // Tasks: done and overdue as the list answers them, rule tasks' progress from the rollups.
    summariseAssignments(prisma, { period, org, now }),
    // Unreported first (their clock runs), the soonest due first.
    prisma.$queryRaw<OpenAlertRow[]>`
      SELECT a.id::text AS id, o.name AS "orgName", a.level::text AS level, a.state::text AS state, a.summary,
             a."registeredAt", a."reportDueAt", a."reportedAt"
      FROM "RiskAlert" a JOIN "OrgUnit" o ON o.id = a."orgId"
      WHERE a.state <> 'CLOSED' AND o.path LIKE ${subtree}
      ORDER BY a."reportedAt" ASC NULLS FIRST, a."reportDueAt", a.id
      LIMIT ${OPEN_ALERTS_MAX}`,
    prisma.orgUnit.findMany({
      where: { id: { in: org.path.split('/').filter(Boolean) } },
      select: { id: true, name: true, path: true },
    }),
  ]);

  const inPeriod = new PartCounts();
  const byMonth = new KeyedCounts();
  const undated = new PartCounts();
  const allAlerts = new PartCounts();
  for (const r of orgRows) {
    if (r.month === '*') {
      undated.add(r.source, r.part, r.n);
    } else if (/^\d{4}$/.test(r.month)) {
      // Year keys: every alert ever registered, by level and state (the open-alert total).
      allAlerts.add(r.source, r.part, r.n);
    } else if (r.month >= fromMonth && r.month <= toMonth) {
      inPeriod.add(r.source, r.part, r.n);
      byMonth.at(r.month).add(r.source, r.part, r.n);
    }
  }

  const range = days(from, to);
  const drillRange = { ...range, period: period.code };
  const drillOf = (metric: Metric, orgId = org.id, r = range): MetricDrill =>
    figureDrill(metric, orgId, { ...r, period: period.code });
  const effectiveTargets = new Map(targets.items.map((t) => [`${t.orgId}|${t.metric}`, t.effective]));
  const targetOf = (metric: DashboardMetric, orgId: string): number | null =>
    effectiveTargets.get(`${orgId}|${metric}`) ?? null;

  const count = (metric: TrendMetric, match: { child?: string; month?: string } = {}) => {
    if (match.child !== undefined) return byChild.get(`${match.child}|${metric}`) ?? 0;
    const counts = match.month !== undefined ? byMonth.get(match.month) : inPeriod;
    return counts?.figure(metric) ?? 0;
  };

  const kpiOf = (metric: DashboardMetric): Kpi => {
    const def = FIGURES[metric];
    let done: number;
    let breakdown: Breakdown[] = [];
    if (def.source === 'assignment') {
      done = metric === 'ASSIGNMENT_OVERDUE' ? assignments.overdue : assignments.done;
    } else {
      // Undated sources ("open now") are read from the "*" rows, dated ones from the period's months.
      const counts = FIGURE_SOURCES[def.source].date === null ? undated : inPeriod;
      done = counts.figure(metric as RolledFigure);
      const b = (def as CountedFigureDef).breakdown;
      if (b) {
        breakdown = b.keys
          .map((key) => ({
            key,
            count: counts.parts(def.source, b.parts(key)),
            drill: figureDrill(metric, org.id, drillRange, b.query(key)),
          }))
          .filter((x) => x.count > 0);
      }
    }
    const target = targetOf(metric, org.id);
    const p = target === null ? null : pace(done, target, period, now);
    return {
      metric,
      done,
      target,
      expected: p?.expected ?? null,
      status: p?.status ?? null,
      drill: drillOf(metric),
      breakdown,
    };
  };

  const trend = months.map((month) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const r = days(shanghaiMidnight(y, m, 1), shanghaiMidnight(y, m + 1, 1));
    return {
      month,
      counts: TREND_METRICS.map((metric) => ({
        metric,
        count: count(metric, { month }),
        drill: drillOf(metric, org.id, r),
      })),
    };
  });

  const branches: BranchRow[] = children.map((c) => {
    const cells = TREND_METRICS.map((metric) => {
      const done = count(metric, { child: c.id });
      const target = targetOf(metric, c.id);
      return {
        metric,
        done,
        target,
        status: target === null ? null : pace(done, target, period, now).status,
        drill: drillOf(metric, c.id),
      };
    });
    const ratios = cells
      .filter((x) => x.target !== null && x.target > 0)
      .map((x) => Math.min(x.done / (x.target as number), 1));
    const score = ratios.length ? Math.round((ratios.reduce((a, b) => a + b, 0) / ratios.length) * 1000) / 1000 : null;
    return { orgId: c.id, name: c.name, kind: c.kind, score, rank: 0, cells };
  });
  const activityOf = (b: BranchRow) => b.cells.find((x) => x.metric === 'ACTIVITY')?.done ?? 0;
  const ranked = [...branches].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || activityOf(b) - activityOf(a));
  ranked.forEach((b, i) => {
    b.rank = i + 1;
  });

  const openAlertTotal = allAlerts.sum('alert', (p) => !p.endsWith(':CLOSED'));

  return {
    period: { code: period.code, startsAt: from.toISOString(), endsAt: to.toISOString() },
    org: { id: org.id, name: org.name, parentId: org.parentId },
    // From the caller's home org down to this org (a secretary's trail starts at their branch).
    trail: trail
      .filter((o) => !org.path.startsWith(user.orgPath) || o.path.startsWith(user.orgPath))
      .sort((a, b) => a.path.length - b.path.length)
      .map(({ id, name }) => ({ id, name })),
    generatedAt: now.toISOString(),
    kpis: DASHBOARD_METRICS.map(kpiOf),
    trend,
    branches: ranked,
    alertFunnel: ALERT_STATES.map((state) => ({
      state,
      count: inPeriod.sum('alert', (p) => p.endsWith(`:${state}`)),
      drill: figureDrill('ALERT_REGISTERED', org.id, drillRange, { state }),
    })),
    openAlerts: {
      total: openAlertTotal,
      drill: { list: FIGURE_SOURCES.alert.list, query: { org: org.id, flag: 'OPEN' } },
      items: openAlertRows.map((a) => {
        const clock = alertClock(
          { reportDueAt: a.reportDueAt.toISOString(), reportedAt: a.reportedAt?.toISOString() ?? null },
          now,
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
    },
    overdueByOwner: assignments.overdueByOwner
      .map((o) => ({
        ownerId: o.ownerId,
        ownerName: o.ownerName,
        count: o.count,
        drill: figureDrill('ASSIGNMENT_OVERDUE', org.id, drillRange, { owner: o.ownerId }),
      }))
      .sort((a, b) => b.count - a.count || a.ownerName.localeCompare(b.ownerName, 'zh')),
  };
}
