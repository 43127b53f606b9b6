// 减负 (issue 18, ADR 044): how many entries and uploads a 考核 period took a unit. Each record
// kind's rows in the unit's subtree dated in the period (the date its figures count by; when it
// was made, for kinds without one) and the files attached to them, by kind, in one statement. A
// reading shown beside the scores, never scored (ADR 040: no rule may count uploads).
import { type ReturnWorkload, WORKLOAD_KINDS } from '@dutyboard/contracts/assessment-campaigns';
import type { EntityType } from '@dutyboard/contracts/attachments';
import { type PeriodRef, shanghaiLocalDate } from '@dutyboard/contracts/periods';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { Prisma as PrismaValues } from '@dutyboard/db/generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

/** The date column each kind is placed in a period by (the figures' date; createdAt without one). */
const DATED_BY: Record<EntityType, string> = {
  Activity: 'occurredAt',
  StudySession: 'occurredAt',
  PublicityItem: 'publishedAt',
  RiskPoint: 'createdAt',
  RiskAlert: 'registeredAt',
  Assignment: 'createdAt',
  Rectification: 'createdAt',
  CommitteeMeeting: 'heldAt',
  Accountability: 'occurredAt',
  EventApproval: 'startsAt',
};

const DAY_MS = 24 * 3600 * 1000;

export async function returnWorkload(
  db: Db,
  unit: { path: string },
  period: Pick<PeriodRef, 'startsAt' | 'endsAt'>,
): Promise<ReturnWorkload> {
  const like = `${unit.path}%`;
  const selects = WORKLOAD_KINDS.map((type) => {
    const at = PrismaValues.raw(`x."${DATED_BY[type]}"`);
    return PrismaValues.sql`
      SELECT ${type}::text AS type, x.id
      FROM ${PrismaValues.raw(`"${type}"`)} x JOIN "OrgUnit" o ON o.id = x."orgId"
      WHERE o.path LIKE ${like} AND ${at} >= ${period.startsAt} AND ${at} < ${period.endsAt}`;
  });
  const rows = await db.$queryRaw<{ type: EntityType; entries: number; uploads: number }[]>`
    WITH rec AS (${PrismaValues.join(selects, ' UNION ALL ')})
    SELECT rec.type, count(DISTINCT rec.id)::int AS entries, count(a.id)::int AS uploads
    FROM rec LEFT JOIN "Attachment" a ON a."entityType" = rec.type AND a."entityId" = rec.id
    GROUP BY rec.type`;
  const byType = new Map(rows.map((r) => [r.type, r]));
  const kinds = WORKLOAD_KINDS.map((type) => ({
    type,
    entries: byType.get(type)?.entries ?? 0,
    uploads: byType.get(type)?.uploads ?? 0,
  }));
  return {
    from: shanghaiLocalDate(period.startsAt),
    to: shanghaiLocalDate(new Date(period.endsAt.getTime() - DAY_MS)),
    entries: kinds.reduce((s, k) => s + k.entries, 0),
    uploads: kinds.reduce((s, k) => s + k.uploads, 0),
    kinds,
  };
}
