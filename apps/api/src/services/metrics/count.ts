// Counts of the metrics that targets, frequency rules and task rules name (COUNTED_METRICS), in
// PostgreSQL. Each definition counts exactly the records its drill list shows for the same org
// subtree and days (apps/api/test/metrics-count.test.ts checks that against direct counts).
import type { CountedMetric } from '@dutyboard/contracts/metrics';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';

type Db = PrismaClient | Prisma.TransactionClient;

interface MetricSql {
  /** Table, always aliased `x`; the record's own org is x."orgId". */
  table: string;
  /** The column the range applies to. */
  date: string;
  /** Extra condition on the record. */
  where: string;
}

// Every piece of SQL text below is a constant from this table: the queries are built with
// $queryRawUnsafe only to splice these fragments in, and every value travels as a parameter.
const SQL: Record<CountedMetric, MetricSql> = {
  CENTRAL_GROUP_STUDY: { table: '"StudySession" x', date: 'x."occurredAt"', where: `x.kind = 'CENTRAL_GROUP'` },
  SEMINAR: { table: '"StudySession" x', date: 'x."occurredAt"', where: `x.kind = 'SEMINAR'` },
  BRANCH_STUDY: { table: '"StudySession" x', date: 'x."occurredAt"', where: `x.kind = 'BRANCH_STUDY'` },
  CADRE_TRAINING: { table: '"StudySession" x', date: 'x."occurredAt"', where: `x.kind = 'CADRE_TRAINING'` },
  ACTIVITY: { table: '"Activity" x', date: 'x."occurredAt"', where: 'TRUE' },
  PARTY_LECTURE: { table: '"Activity" x', date: 'x."occurredAt"', where: `x.category = 'PARTY_LECTURE'` },
  PUBLICITY: { table: '"PublicityItem" x', date: 'x."publishedAt"', where: 'TRUE' },
  // A check carries its risk point's org at check time, so it is counted where it was made.
  // DOMAIN.md counts checks done on time; late ones are listed with onTime=false.
  RISK_POINT_CHECK: { table: '"RiskPointCheck" x', date: 'x."checkedAt"', where: 'x."onTime"' },
  ALERT_REGISTERED: { table: '"RiskAlert" x', date: 'x."registeredAt"', where: 'TRUE' },
  ALERT_REPORTED: { table: '"RiskAlert" x', date: 'x."reportedAt"', where: 'TRUE' },
  ALERT_REPORTED_ON_TIME: {
    table: '"RiskAlert" x',
    date: 'x."reportedAt"',
    where: 'x."reportedAt" <= x."reportDueAt"',
  },
  ALERT_CLOSED: { table: '"RiskAlert" x', date: 'x."closedAt"', where: 'TRUE' },
  RECTIFICATION_CLOSED: { table: '"Rectification" x', date: 'x."closedAt"', where: 'TRUE' },
};

/**
 * How many records of `metric` the org subtree under `orgPath` ("/root/…/org/") has in the
 * half-open range [from, to).
 */
export async function countMetric(
  db: Db,
  metric: CountedMetric,
  orgPath: string,
  from: Date,
  to: Date,
): Promise<number> {
  const m = SQL[metric];
  const rows = await db.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*)::bigint AS count
     FROM ${m.table} JOIN "OrgUnit" o ON o.id = x."orgId"
     WHERE o.path LIKE $1 AND ${m.date} >= $2 AND ${m.date} < $3 AND ${m.where}`,
    `${escapeLike(orgPath)}%`,
    from,
    to,
  );
  return Number(rows[0]?.count ?? 0);
}

/**
 * The same count for several orgs at once (e.g. each branch under a street), each over its own
 * subtree, in one query. Orgs without records answer 0.
 */
export async function countMetricByOrg(
  db: Db,
  metric: CountedMetric,
  orgIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  const out = new Map<string, number>(orgIds.map((id) => [id, 0]));
  if (orgIds.length === 0) return out;
  const m = SQL[metric];
  const rows = await db.$queryRawUnsafe<{ id: string; count: bigint }[]>(
    `SELECT c.id::text AS id, count(x.id)::bigint AS count
     FROM "OrgUnit" c
     JOIN "OrgUnit" o ON o.path LIKE c.path || '%'
     JOIN ${m.table} ON x."orgId" = o.id AND ${m.date} >= $1 AND ${m.date} < $2 AND ${m.where}
     WHERE c.id = ANY($3::uuid[])
     GROUP BY c.id`,
    from,
    to,
    [...orgIds],
  );
  for (const row of rows) out.set(row.id, Number(row.count));
  return out;
}

/** Paths are ids and slashes, but a LIKE pattern must never treat a character as a wildcard. */
/** A value for a LIKE pattern, its wildcards taken literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
