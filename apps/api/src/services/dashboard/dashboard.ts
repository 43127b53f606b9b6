// The dashboard: every figure of a period for an org subtree, against its target, with pace, per
// month and per child org, and each with the list request that reproduces it. Counting happens in
// PostgreSQL: one grouped query per record table (by child org × month × the figure's parts), so
// the page costs a handful of queries whatever the number of records. Node only adds up groups.
//
// Every count here must equal what its drill list shows (apps/api/test/dashboard.test.ts checks
// each against the list endpoint); the definitions match services/metrics/count.ts.
import { ACTIVITY_CATEGORIES } from '@dutyboard/contracts/activities';
import type {
  BranchRow,
  Breakdown,
  Dashboard,
  DashboardMetric,
  Kpi,
  TrendMetric,
} from '@dutyboard/contracts/dashboard';
import { DASHBOARD_METRICS, OPEN_ALERTS_MAX, TREND_METRICS } from '@dutyboard/contracts/dashboard';
import { type CountedMetric, type MetricDrill, metricDrill } from '@dutyboard/contracts/metrics';
import {
  type PeriodRef,
  pace,
  periodContaining,
  periodFromCode,
  periodMonths,
  SHANGHAI_OFFSET_MS,
  shanghaiMidnight,
} from '@dutyboard/contracts/periods';
import { PUBLICITY_LEVELS } from '@dutyboard/contracts/publicity';
import { RECTIFICATION_STATUSES } from '@dutyboard/contracts/rectifications';
import { ALERT_LEVELS, ALERT_STATES, alertClock } from '@dutyboard/contracts/risk-alerts';
import type { PrismaClient } from '@dutyboard/db/client';
import { answeredAssignmentsOfPeriod } from '../assignments/assignments.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg } from '../orgs/scope.ts';
import { findPeriod } from '../plan/periods.ts';
import { getTargets } from '../plan/targets.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Shanghai calendar day of an instant, "YYYY-MM-DD". */
function localDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Inclusive Shanghai days of a half-open instant range. */
function days(from: Date, toExclusive: Date): { from: string; to: string } {
  return { from: localDate(from), to: localDate(new Date(toExclusive.getTime() - DAY_MS)) };
}

/**
 * Grouped counts: key → count, where a key is "child|month|part". `child` is the direct child of
 * the dashboard's org that the record's org lies under ('' for the org itself), `month` the
 * Shanghai month of the record's date, `part` what the figure is broken down by.
 */
class Groups {
  private readonly map = new Map<string, number>();
  add(child: string, month: string, part: string, n: number) {
    const key = `${child}|${month}|${part}`;
    this.map.set(key, (this.map.get(key) ?? 0) + n);
  }
  /** Sum over the groups that match (undefined matches anything). */
  sum(match: { child?: string; month?: string; part?: (part: string) => boolean }): number {
    let total = 0;
    for (const [key, n] of this.map) {
      const [child, month, part] = key.split('|') as [string, string, string];
      if (match.child !== undefined && child !== match.child) continue;
      if (match.month !== undefined && month !== match.month) continue;
      if (match.part && !match.part(part)) continue;
      total += n;
    }
    return total;
  }
}

interface GroupRow {
  child: string;
  month: string;
  part: string;
  n: bigint;
}

/** How a counted figure is read out of the grouped rows: which table's groups and which parts. */
interface Source {
  groups: Groups;
  part?: (part: string) => boolean;
}

/** A record table counted by (child org, Shanghai month, part): `x` is the record, `part` an expression. */
interface GroupedSql {
  table: string;
  date: string;
  part: string;
}

const GROUPED = {
  // Study sessions by kind and seminar topic group (contracts STUDY_TOPIC_GROUPS).
  study: {
    table: '"StudySession" x',
    date: 'x."occurredAt"',
    part: `x.kind::text || ':' || CASE WHEN x."topicCategory" IN ('IDEOLOGY_WORK', 'ONLINE_IDEOLOGY') THEN 'IDEOLOGY' ELSE 'STUDY' END`,
  },
  activity: { table: '"Activity" x', date: 'x."occurredAt"', part: 'x.category::text' },
  publicity: { table: '"PublicityItem" x', date: 'x."publishedAt"', part: 'x.level::text' },
  checks: {
    table: '"RiskPointCheck" x',
    date: 'x."checkedAt"',
    part: `CASE WHEN x."onTime" THEN 'ON_TIME' ELSE 'LATE' END`,
  },
  alerts: { table: '"RiskAlert" x', date: 'x."registeredAt"', part: `x.level::text || ':' || x.state::text` },
} as const satisfies Record<string, GroupedSql>;

export async function getDashboard(
  prisma: PrismaClient,
  user: AuthUser,
  query: { period?: string; org?: string },
  now = new Date(),
): Promise<Dashboard> {
  const period: PeriodRef = query.period ? periodFromCode(query.period) : periodContaining('HALF', now);
  const org = await loadReachableOrg(prisma, user, query.org ?? user.orgId);
  const from = period.startsAt;
  const to = period.endsAt;
  const prefix = `${org.path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // The direct child a record's org lies under: the path segment after the dashboard org's path.
  const skip = org.path.length;

  const grouped = async (spec: GroupedSql): Promise<Groups> => {
    // Every piece of SQL text is a constant of GROUPED; every value travels as a parameter.
    const rows = await prisma.$queryRawUnsafe<GroupRow[]>(
      `SELECT split_part(substr(o.path, $1::int + 1), '/', 1) AS child,
              to_char(${spec.date} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
              ${spec.part} AS part, count(*)::bigint AS n
       FROM ${spec.table} JOIN "OrgUnit" o ON o.id = x."orgId"
       WHERE o.path LIKE $2 AND ${spec.date} >= $3 AND ${spec.date} < $4
       GROUP BY 1, 2, 3`,
      skip,
      prefix,
      from,
      to,
    );
    const g = new Groups();
    for (const r of rows) g.add(r.child, r.month, r.part, Number(r.n));
    return g;
  };

  const [study, activity, publicity, checks, alerts, alertTotals, rectifications, children, periodRow, targets] =
    await Promise.all([
      grouped(GROUPED.study),
      grouped(GROUPED.activity),
      grouped(GROUPED.publicity),
      grouped(GROUPED.checks),
      grouped(GROUPED.alerts),
      prisma.$queryRaw<{ reported: bigint; onTime: bigint; closed: bigint }[]>`
        SELECT count(*) FILTER (WHERE x."reportedAt" >= ${from} AND x."reportedAt" < ${to})::bigint AS reported,
               count(*) FILTER (WHERE x."reportedAt" >= ${from} AND x."reportedAt" < ${to}
                                  AND x."reportedAt" <= x."reportDueAt")::bigint AS "onTime",
               count(*) FILTER (WHERE x."closedAt" >= ${from} AND x."closedAt" < ${to})::bigint AS closed
        FROM "RiskAlert" x JOIN "OrgUnit" o ON o.id = x."orgId"
        WHERE o.path LIKE ${prefix}
          AND ((x."reportedAt" >= ${from} AND x."reportedAt" < ${to}) OR (x."closedAt" >= ${from} AND x."closedAt" < ${to}))`,
      prisma.$queryRaw<{ status: string; open: bigint; closed: bigint }[]>`
        SELECT x.status::text AS status,
               count(*) FILTER (WHERE x.status <> 'DONE')::bigint AS open,
               count(*) FILTER (WHERE x."closedAt" >= ${from} AND x."closedAt" < ${to})::bigint AS closed
        FROM "Rectification" x JOIN "OrgUnit" o ON o.id = x."orgId"
        WHERE o.path LIKE ${prefix} AND (x.status <> 'DONE' OR (x."closedAt" >= ${from} AND x."closedAt" < ${to}))
        GROUP BY 1`,
      prisma.orgUnit.findMany({
        where: { parentId: org.id },
        orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
        select: { id: true, name: true, kind: true },
      }),
      findPeriod(prisma, period.code),
      getTargets(prisma, user, { period: period.code, org: org.id }),
    ]);

  const range = days(from, to);
  const drillOf = (metric: CountedMetric, orgId = org.id, r = range): MetricDrill =>
    metricDrill(metric, orgId, r.from, r.to);
  const withQuery = (drill: MetricDrill, extra: Record<string, string>): MetricDrill => ({
    list: drill.list,
    query: { ...drill.query, ...extra },
  });
  const targetOf = (metric: DashboardMetric, orgId: string): number | null =>
    targets.items.find((t) => t.metric === metric && t.orgId === orgId)?.effective ?? null;

  const sources: Record<TrendMetric, Source> = {
    CENTRAL_GROUP_STUDY: { groups: study, part: (p) => p.startsWith('CENTRAL_GROUP:') },
    SEMINAR: { groups: study, part: (p) => p.startsWith('SEMINAR:') },
    BRANCH_STUDY: { groups: study, part: (p) => p.startsWith('BRANCH_STUDY:') },
    CADRE_TRAINING: { groups: study, part: (p) => p.startsWith('CADRE_TRAINING:') },
    ACTIVITY: { groups: activity },
    PARTY_LECTURE: { groups: activity, part: (p) => p === 'PARTY_LECTURE' },
    PUBLICITY: { groups: publicity },
    RISK_POINT_CHECK: { groups: checks, part: (p) => p === 'ON_TIME' },
    ALERT_REGISTERED: { groups: alerts },
  };
  const count = (metric: TrendMetric, match: { child?: string; month?: string } = {}) =>
    sources[metric].groups.sum({ ...match, part: sources[metric].part });

  const breakdownOf = (
    metric: TrendMetric,
    keys: readonly string[],
    part: (key: string) => (p: string) => boolean,
    query: (key: string) => Record<string, string>,
  ): Breakdown[] =>
    keys
      .map((key) => ({
        key,
        count: sources[metric].groups.sum({ part: part(key) }),
        drill: withQuery(drillOf(metric), query(key)),
      }))
      .filter((b) => b.count > 0);

  // Assignments: their status is computed per item (rule tasks count records), so they are read
  // for the period and answered one by one, as the list answers them.
  const orgIds = [
    org.id,
    ...(
      await prisma.orgUnit.findMany({
        where: { path: { startsWith: org.path } },
        select: { id: true },
      })
    )
      .map((o) => o.id)
      .filter((id) => id !== org.id),
  ];
  const assignments = periodRow ? await answeredAssignmentsOfPeriod(prisma, periodRow.id, orgIds, now) : [];
  const assignmentDrill = (extra: Record<string, string>): MetricDrill => ({
    list: '/api/assignments',
    query: { period: period.code, org: org.id, ...extra },
  });

  const kpiOf = (
    metric: DashboardMetric,
    done: number,
    drill: MetricDrill | null,
    breakdown: Breakdown[] = [],
  ): Kpi => {
    const target = targetOf(metric, org.id);
    const p = target === null ? null : pace(done, target, period, now);
    return { metric, done, target, expected: p?.expected ?? null, status: p?.status ?? null, drill, breakdown };
  };

  const totals = alertTotals[0] ?? { reported: 0n, onTime: 0n, closed: 0n };
  const rectOpen = rectifications.reduce((s, r) => s + Number(r.open), 0);
  const rectClosed = rectifications.reduce((s, r) => s + Number(r.closed), 0);
  const overdueItems = assignments.filter((a) => a.overdue);

  const kpiByMetric: Record<DashboardMetric, Kpi> = {
    CENTRAL_GROUP_STUDY: kpiOf('CENTRAL_GROUP_STUDY', count('CENTRAL_GROUP_STUDY'), drillOf('CENTRAL_GROUP_STUDY')),
    SEMINAR: kpiOf(
      'SEMINAR',
      count('SEMINAR'),
      drillOf('SEMINAR'),
      breakdownOf(
        'SEMINAR',
        ['STUDY', 'IDEOLOGY'],
        (key) => (p) => p === `SEMINAR:${key}`,
        (key) => ({ topicGroup: key }),
      ),
    ),
    BRANCH_STUDY: kpiOf('BRANCH_STUDY', count('BRANCH_STUDY'), drillOf('BRANCH_STUDY')),
    CADRE_TRAINING: kpiOf('CADRE_TRAINING', count('CADRE_TRAINING'), drillOf('CADRE_TRAINING')),
    ACTIVITY: kpiOf(
      'ACTIVITY',
      count('ACTIVITY'),
      drillOf('ACTIVITY'),
      breakdownOf(
        'ACTIVITY',
        ACTIVITY_CATEGORIES,
        (key) => (p) => p === key,
        (key) => ({ category: key }),
      ),
    ),
    PARTY_LECTURE: kpiOf('PARTY_LECTURE', count('PARTY_LECTURE'), drillOf('PARTY_LECTURE')),
    PUBLICITY: kpiOf(
      'PUBLICITY',
      count('PUBLICITY'),
      drillOf('PUBLICITY'),
      breakdownOf(
        'PUBLICITY',
        PUBLICITY_LEVELS,
        (key) => (p) => p === key,
        (key) => ({ level: key }),
      ),
    ),
    RISK_POINT_CHECK: kpiOf('RISK_POINT_CHECK', count('RISK_POINT_CHECK'), drillOf('RISK_POINT_CHECK'), [
      // The late ones are not part of the figure; they are shown beside it.
      ...[{ key: 'LATE', count: checks.sum({ part: (p) => p === 'LATE' }) }]
        .filter((b) => b.count > 0)
        .map((b) => ({ ...b, drill: withQuery(drillOf('RISK_POINT_CHECK'), { onTime: 'false' }) })),
    ]),
    ALERT_REGISTERED: kpiOf(
      'ALERT_REGISTERED',
      count('ALERT_REGISTERED'),
      drillOf('ALERT_REGISTERED'),
      breakdownOf(
        'ALERT_REGISTERED',
        ALERT_LEVELS,
        (key) => (p) => p.startsWith(`${key}:`),
        (key) => ({ level: key }),
      ),
    ),
    ALERT_REPORTED: kpiOf('ALERT_REPORTED', Number(totals.reported), drillOf('ALERT_REPORTED')),
    ALERT_REPORTED_ON_TIME: kpiOf('ALERT_REPORTED_ON_TIME', Number(totals.onTime), drillOf('ALERT_REPORTED_ON_TIME')),
    ALERT_CLOSED: kpiOf('ALERT_CLOSED', Number(totals.closed), drillOf('ALERT_CLOSED')),
    RECTIFICATION_OPEN: kpiOf(
      'RECTIFICATION_OPEN',
      rectOpen,
      { list: '/api/rectifications', query: { org: org.id, open: 'true' } },
      RECTIFICATION_STATUSES.filter((s) => s !== 'DONE')
        .map((status) => ({
          key: status,
          count: Number(rectifications.find((r) => r.status === status)?.open ?? 0),
          drill: { list: '/api/rectifications', query: { org: org.id, status } },
        }))
        .filter((b) => b.count > 0),
    ),
    RECTIFICATION_CLOSED: kpiOf('RECTIFICATION_CLOSED', rectClosed, drillOf('RECTIFICATION_CLOSED')),
    ASSIGNMENT_DONE: kpiOf(
      'ASSIGNMENT_DONE',
      assignments.filter((a) => a.status === 'DONE').length,
      assignmentDrill({ status: 'DONE' }),
    ),
    ASSIGNMENT_OVERDUE: kpiOf('ASSIGNMENT_OVERDUE', overdueItems.length, assignmentDrill({ overdue: 'true' })),
  };

  const months = periodMonths(period);
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

  const [openAlertRows, openAlertTotal] = await Promise.all([
    prisma.riskAlert.findMany({
      where: { state: { not: 'CLOSED' }, org: { path: { startsWith: org.path } } },
      // Unreported first (their clock runs), the soonest due first.
      orderBy: [{ reportedAt: { sort: 'asc', nulls: 'first' } }, { reportDueAt: 'asc' }, { id: 'asc' }],
      take: OPEN_ALERTS_MAX,
      include: { org: { select: { name: true } } },
    }),
    prisma.riskAlert.count({ where: { state: { not: 'CLOSED' }, org: { path: { startsWith: org.path } } } }),
  ]);

  const owners = new Map<string, { ownerName: string; count: number }>();
  for (const a of overdueItems) {
    const o = owners.get(a.ownerId) ?? { ownerName: a.ownerName, count: 0 };
    o.count += 1;
    owners.set(a.ownerId, o);
  }

  const trail = await prisma.orgUnit.findMany({
    where: { id: { in: org.path.split('/').filter(Boolean) } },
    select: { id: true, name: true, path: true },
  });

  return {
    period: { code: period.code, startsAt: from.toISOString(), endsAt: to.toISOString() },
    org: { id: org.id, name: org.name, parentId: org.parentId },
    // From the caller's home org down to this org (a secretary's trail starts at their branch).
    trail: trail
      .filter((o) => !org.path.startsWith(user.orgPath) || o.path.startsWith(user.orgPath))
      .sort((a, b) => a.path.length - b.path.length)
      .map(({ id, name }) => ({ id, name })),
    generatedAt: now.toISOString(),
    kpis: DASHBOARD_METRICS.map((metric) => kpiByMetric[metric]),
    trend,
    branches: ranked,
    alertFunnel: ALERT_STATES.map((state) => ({
      state,
      count: alerts.sum({ part: (p) => p.endsWith(`:${state}`) }),
      drill: withQuery(drillOf('ALERT_REGISTERED'), { state }),
    })),
    openAlerts: {
      total: openAlertTotal,
      drill: { list: '/api/risk-alerts', query: { org: org.id, flag: 'OPEN' } },
      items: openAlertRows.map((a) => {
        const clock = alertClock(
          { reportDueAt: a.reportDueAt.toISOString(), reportedAt: a.reportedAt?.toISOString() ?? null },
          now,
        );
        return {
          id: a.id,
          orgName: a.org.name,
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
    overdueByOwner: [...owners]
      .map(([ownerId, o]) => ({
        ownerId,
        ownerName: o.ownerName,
        count: o.count,
        drill: assignmentDrill({ overdue: 'true', owner: ownerId }),
      }))
      .sort((a, b) => b.count - a.count || a.ownerName.localeCompare(b.ownerName, 'zh')),
  };
}
