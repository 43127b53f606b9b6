// The dashboard's task figures for an org subtree and period — done, overdue, overdue per owner —
// equal to what the assignment list answers item by item (toAssignment), but without answering
// each item: tasks without a rule are counted in SQL, and rule tasks' progress is read from the
// rollups (ADR 018) in one query for all of them (progress.ts), since every rule slice is whole months.
import type { PeriodRef } from '@dutyboard/contracts/periods';
import type { PrismaClient } from '@dutyboard/db/client';
import { escapeLike } from '../metrics/records.ts';
import { deadlineOf, deadlineSql, isOverdue, overdueSql } from './overdue.ts';
import { parseRule, satisfiedRuleTasks } from './progress.ts';

export interface AssignmentSummary {
  done: number;
  overdue: number;
  /** Most overdue first, then by name (zh collation). */
  overdueByOwner: { ownerId: string; ownerName: string; count: number }[];
  /** The next instant after `now` an open task turns overdue (the answer holds until then), or null. */
  changesAt: Date | null;
}

interface RuleRow {
  id: string;
  orgId: string;
  ownerId: string;
  ownerName: string;
  status: string;
  dueAt: Date | null;
  rule: unknown;
}

export async function summariseAssignments(
  prisma: PrismaClient,
  { period, org, now }: { period: PeriodRef; org: { path: string }; now: Date },
): Promise<AssignmentSummary> {
  const prefix = `${escapeLike(org.path)}%`;
  const [plain, ruled] = await Promise.all([
    // Tasks without a rule carry their status; late once their due Shanghai day is over. A rule
    // column holding JSON null (or anything that is not a rule) is read below and answered the same.
    prisma.$queryRaw<
      { ownerId: string; ownerName: string; done: number; overdue: number; nextDeadline: Date | null }[]
    >`
      SELECT a."ownerId"::text AS "ownerId", u."displayName" AS "ownerName",
             count(*) FILTER (WHERE a.status = 'DONE')::int AS done,
             count(*) FILTER (WHERE ${overdueSql('a', now)})::int AS overdue,
             min(${deadlineSql('a')}) FILTER (WHERE a.status = 'OPEN' AND ${deadlineSql('a')} > ${now}) AS "nextDeadline"
      FROM "Assignment" a
      JOIN "Period" p ON p.id = a."periodId"
      JOIN "OrgUnit" o ON o.id = a."orgId"
      JOIN "User" u ON u.id = a."ownerId"
      WHERE p.kind = ${period.kind}::"PeriodKind" AND p.year = ${period.year} AND p.index = ${period.index}
        AND o.path LIKE ${prefix} AND a.rule IS NULL
      GROUP BY 1, 2`,
    prisma.$queryRaw<RuleRow[]>`
      SELECT a.id::text AS id, a."orgId"::text AS "orgId", a."ownerId"::text AS "ownerId",
             u."displayName" AS "ownerName", a.status::text AS status, a."dueAt", a.rule
      FROM "Assignment" a
      JOIN "Period" p ON p.id = a."periodId"
      JOIN "OrgUnit" o ON o.id = a."orgId"
      JOIN "User" u ON u.id = a."ownerId"
      WHERE p.kind = ${period.kind}::"PeriodKind" AND p.year = ${period.year} AND p.index = ${period.index}
        AND o.path LIKE ${prefix} AND a.rule IS NOT NULL`,
  ]);

  const owners = new Map<string, { ownerName: string; count: number }>();
  const addOverdue = (ownerId: string, ownerName: string, n: number) => {
    if (n === 0) return;
    const o = owners.get(ownerId) ?? { ownerName, count: 0 };
    o.count += n;
    owners.set(ownerId, o);
  };
  let done = 0;
  let overdue = 0;
  const next: { at: number | null } = { at: null };
  const deadlineAhead = (at: Date | null) => {
    if (at !== null && at.getTime() > now.getTime()) next.at = Math.min(next.at ?? at.getTime(), at.getTime());
  };
  for (const r of plain) {
    deadlineAhead(r.nextDeadline);
    done += r.done;
    overdue += r.overdue;
    addOverdue(r.ownerId, r.ownerName, r.overdue);
  }

  // Rule tasks: done when every unit reaches `min` in every slice, checked together.
  const rules = ruled.map((row) => ({ row, rule: parseRule(row.rule) }));
  const satisfied = await satisfiedRuleTasks(
    prisma,
    rules.flatMap(({ row, rule }) => (rule ? [{ id: row.id, orgId: row.orgId, period, rule }] : [])),
  );

  for (const r of rules) {
    let status = r.row.status;
    if (r.rule) status = satisfied.has(r.row.id) ? 'DONE' : 'OPEN';
    if (status === 'DONE') done += 1;
    if (status === 'OPEN' && r.row.dueAt !== null) deadlineAhead(deadlineOf(r.row.dueAt));
    if (isOverdue({ status, dueAt: r.row.dueAt }, now)) {
      overdue += 1;
      addOverdue(r.row.ownerId, r.row.ownerName, 1);
    }
  }

  return {
    done,
    overdue,
    overdueByOwner: [...owners]
      .map(([ownerId, o]) => ({ ownerId, ownerName: o.ownerName, count: o.count }))
      .sort((a, b) => b.count - a.count || a.ownerName.localeCompare(b.ownerName, 'zh')),
    changesAt: next.at === null ? null : new Date(next.at),
  };
}
