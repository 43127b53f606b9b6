// The first dashboard figures: themed activities done against target for a period and an org
// subtree, per month and per child org. Counted in PostgreSQL; each figure carries the activity
// list filter that reproduces it.
import type { Dashboard, DrillFilter } from '@dutyboard/contracts/dashboard';
import {
  type PeriodRef,
  pace,
  periodContaining,
  periodFromCode,
  periodMonths,
  SHANGHAI_OFFSET_MS,
} from '@dutyboard/contracts/periods';
import type { PrismaClient } from '@dutyboard/db/client';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg } from '../orgs/scope.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Shanghai calendar day of an instant, "YYYY-MM-DD". */
function localDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function drill(orgId: string, from: Date, toExclusive: Date): DrillFilter {
  return { org: orgId, from: localDate(from), to: localDate(new Date(toExclusive.getTime() - DAY_MS)) };
}

export async function getDashboard(
  prisma: PrismaClient,
  user: AuthUser,
  query: { period?: string; org?: string },
  now = new Date(),
): Promise<Dashboard> {
  const period: PeriodRef = query.period ? periodFromCode(query.period) : periodContaining('HALF', now);
  const org = await loadReachableOrg(prisma, user, query.org ?? user.orgId);
  const range = { from: period.startsAt, to: period.endsAt };

  const [totalRows, monthRows, branchRows, periodRow] = await Promise.all([
    prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*)::bigint AS count
      FROM "Activity" a JOIN "OrgUnit" o ON o.id = a."orgId"
      WHERE o.path LIKE ${`${org.path}%`} AND a."occurredAt" >= ${range.from} AND a."occurredAt" < ${range.to}`,
    prisma.$queryRaw<{ month: string; count: bigint }[]>`
      SELECT to_char(a."occurredAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::bigint AS count
      FROM "Activity" a JOIN "OrgUnit" o ON o.id = a."orgId"
      WHERE o.path LIKE ${`${org.path}%`} AND a."occurredAt" >= ${range.from} AND a."occurredAt" < ${range.to}
      GROUP BY 1`,
    prisma.$queryRaw<{ id: string; name: string; count: bigint }[]>`
      SELECT c.id, c.name, count(a.id)::bigint AS count
      FROM "OrgUnit" c
      LEFT JOIN "OrgUnit" o ON o.path LIKE c.path || '%'
      LEFT JOIN "Activity" a ON a."orgId" = o.id AND a."occurredAt" >= ${range.from} AND a."occurredAt" < ${range.to}
      WHERE c."parentId" = ${org.id}::uuid
      GROUP BY c.id, c.name, c."sortOrder", c.code
      ORDER BY c."sortOrder", c.code`,
    prisma.period.findUnique({
      where: { kind_year_index: { kind: period.kind, year: period.year, index: period.index } },
      select: { id: true },
    }),
  ]);

  const targets = periodRow
    ? await prisma.target.findMany({
        where: { periodId: periodRow.id, metric: 'ACTIVITY', orgId: { in: [org.id, ...branchRows.map((b) => b.id)] } },
        select: { orgId: true, value: true },
      })
    : [];
  const targetOf = (orgId: string) => targets.find((t) => t.orgId === orgId)?.value ?? null;

  const done = Number(totalRows[0]?.count ?? 0);
  const target = targetOf(org.id);
  const p = target === null ? null : pace(done, target, period, now);
  const byMonth = new Map(monthRows.map((r) => [r.month, Number(r.count)]));

  return {
    period: { code: period.code, startsAt: period.startsAt.toISOString(), endsAt: period.endsAt.toISOString() },
    org: { id: org.id, name: org.name },
    generatedAt: now.toISOString(),
    activities: {
      done,
      target,
      expected: p?.expected ?? null,
      status: p?.status ?? null,
      filter: drill(org.id, range.from, range.to),
    },
    activitiesPerMonth: periodMonths(period).map((month) => {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const from = new Date(Date.UTC(y, m - 1, 1) - SHANGHAI_OFFSET_MS);
      const to = new Date(Date.UTC(y, m, 1) - SHANGHAI_OFFSET_MS);
      return { month, count: byMonth.get(month) ?? 0, filter: drill(org.id, from, to) };
    }),
    activitiesPerBranch: branchRows.map((b) => ({
      orgId: b.id,
      name: b.name,
      count: Number(b.count),
      target: targetOf(b.id),
      filter: drill(b.id, range.from, range.to),
    })),
  };
}
