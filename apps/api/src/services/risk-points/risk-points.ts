// 阵地 / 风险点 register: list, read, create, update, delete, and checks (排查). The next check's
// due instant is stored (so lists can sort and filter on it) and recomputed on every write that
// moves it: (lastCheckedAt ?? createdAt) + checkIntervalDays. The check status is computed when
// answering, against the clock at that moment.

import { shanghaiLocalDate, shanghaiMidnight, shanghaiParts } from '@dutyboard/contracts/periods';
import { RECTIFICATION_FINDING_REF_MAX } from '@dutyboard/contracts/rectifications';
import {
  type CreateRiskPointCheckInput,
  type CreateRiskPointInput,
  checkStatusDueRange,
  type ListOnePointChecksQuerySchema,
  type ListRiskPointChecksQuerySchema,
  type ListRiskPointsQuerySchema,
  nextCheckDue,
  POSITION_RULES,
  positionState,
  quarterStart,
  type RecordPositionUpdateInput,
  type RecordRiskPointCheckResult,
  RISK_POINT_TYPES,
  type RiskPoint,
  type RiskPointCheck,
  type RiskPointCheckPage,
  type RiskPointCheckSort,
  riskCheckStatus,
  staleBefore,
  type UpdateRiskPointInput,
} from '@dutyboard/contracts/risk-points';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import type { AuthUser } from '../auth/sessions.ts';
import { orgIdsInScope } from '../orgs/scope.ts';
import { dayRange, keysetPage, sortKeyset } from '../records/keyset.ts';
import { countedPage } from '../records/page-total.ts';
import { loadInScope, RECORD_KINDS, type RowOf } from '../records/registry.ts';
import { recordService } from '../records/service.ts';
import { createRecord, versionedUpdate } from '../records/writes.ts';

type Db = PrismaClient | Prisma.TransactionClient;

type RiskPointRow = RowOf<'RiskPoint'>;
type CheckRow = Prisma.RiskPointCheckGetPayload<{ include: typeof checkInclude }>;

/** The due instant a point's stored fields imply. */
function dueOf(row: { lastCheckedAt: Date | null; createdAt: Date; checkIntervalDays: number }): Date {
  return nextCheckDue(row.lastCheckedAt ?? row.createdAt, row.checkIntervalDays);
}

/**
 * Whether a check made at `checkedAt` is on time for the point as it stood before it: a point's
 * first check always is; a later one must fall on or before its due day (a whole Shanghai day —
 * a check at 16:00 on the day due at 09:00 is still on time), i.e. before the next midnight.
 */
export function checkIsOnTime(
  point: { lastCheckedAt: Date | null; nextCheckDueAt: Date | null; createdAt: Date; checkIntervalDays: number },
  checkedAt: Date,
): boolean {
  if (!point.lastCheckedAt) return true;
  const due = shanghaiParts(point.nextCheckDueAt ?? dueOf(point));
  return checkedAt.getTime() < shanghaiMidnight(due.year, due.month, due.day + 1).getTime();
}

export function toRiskPoint(row: RiskPointRow, now = new Date()): RiskPoint {
  const due = row.nextCheckDueAt ?? dueOf(row);
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    name: row.name,
    type: row.type,
    level: row.level,
    controlMeasure: row.controlMeasure,
    responsiblePerson: row.responsiblePerson,
    checkIntervalDays: row.checkIntervalDays,
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    nextCheckDueAt: due.toISOString(),
    checkStatus: riskCheckStatus(due, now),
    sponsor: row.sponsor,
    administrators: row.administrators,
    reviewFirst: row.reviewFirst,
    reviewSecond: row.reviewSecond,
    reviewFinal: row.reviewFinal,
    audienceSize: row.audienceSize,
    lastUpdatedAt: row.lastUpdatedAt?.toISOString() ?? null,
    state: positionState(row, now),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const KIND = RECORD_KINDS.RiskPoint;

/**
 * The stale 阵地 at `now` as a filter: an online type whose last update (or, before any, its
 * registration) is before staleBefore — the boundary positionState draws (ADR 049).
 */
export function staleWhere(now: Date): Prisma.RiskPointWhereInput {
  const staleTypes = RISK_POINT_TYPES.filter((t) => POSITION_RULES[t].staleDays !== null);
  return {
    OR: staleTypes.map((type) => {
      const before = staleBefore(now, POSITION_RULES[type].staleDays ?? 0);
      return {
        type,
        OR: [{ lastUpdatedAt: { lt: before } }, { lastUpdatedAt: null, createdAt: { lt: before } }],
      };
    }),
  };
}

/**
 * The red 阵地 at `now` as a filter, drawing the very boundaries positionState draws: a stale one
 * (staleWhere), or any 阵地 not checked since the quarter began (ADR 049).
 */
export function redWhere(now: Date): Prisma.RiskPointWhereInput {
  return {
    OR: [staleWhere(now), { lastCheckedAt: null }, { lastCheckedAt: { lt: quarterStart(now) } }],
  };
}

/** The 阵地's own fields of a create or a change, as stored. */
function positionFields(input: Partial<CreateRiskPointInput>) {
  return {
    ...(input.sponsor !== undefined ? { sponsor: input.sponsor || null } : {}),
    ...(input.administrators !== undefined ? { administrators: input.administrators } : {}),
    ...(input.reviewFirst !== undefined ? { reviewFirst: input.reviewFirst || null } : {}),
    ...(input.reviewSecond !== undefined ? { reviewSecond: input.reviewSecond || null } : {}),
    ...(input.reviewFinal !== undefined ? { reviewFinal: input.reviewFinal || null } : {}),
    ...(input.audienceSize !== undefined ? { audienceSize: input.audienceSize } : {}),
  };
}

// ---- Points ----------------------------------------------------------------------------------

export const riskPointService = recordService({
  kind: KIND,
  answer: toRiskPoint,
  list: {
    sorts: { nextCheckDueAt: 'date', createdAt: 'date' },
    where: (params: z.output<typeof ListRiskPointsQuerySchema>, now): Prisma.RiskPointWhereInput => ({
      ...(params.type ? { type: params.type } : {}),
      ...(params.level ? { level: params.level } : {}),
      // The same boundaries riskCheckStatus draws, at the same `now` the answer is computed with.
      ...(params.checkStatus ? { nextCheckDueAt: checkStatusDueRange(params.checkStatus, now) } : {}),
      ...(params.red === 'true' ? { AND: [redWhere(now)] } : {}),
    }),
  },
  created: (input: CreateRiskPointInput) => {
    // Set here rather than by the column default, so the first due date is computed from it.
    const createdAt = new Date();
    return {
      orgId: input.orgId,
      name: input.name,
      type: input.type,
      level: input.level,
      controlMeasure: input.controlMeasure ?? null,
      responsiblePerson: input.responsiblePerson ?? null,
      checkIntervalDays: input.checkIntervalDays,
      lastCheckedAt: null,
      sponsor: null,
      administrators: [],
      reviewFirst: null,
      reviewSecond: null,
      reviewFinal: null,
      audienceSize: null,
      lastUpdatedAt: null,
      ...positionFields(input),
      createdAt,
      nextCheckDueAt: nextCheckDue(createdAt, input.checkIntervalDays),
    };
  },
  changed: (input: UpdateRiskPointInput, before) => ({
    ...input,
    ...positionFields(input),
    nextCheckDueAt: dueOf({ ...before, checkIntervalDays: input.checkIntervalDays ?? before.checkIntervalDays }),
  }),
});

export const listRiskPoints = riskPointService.list;

// ---- Checks (排查) ----------------------------------------------------------------------------

const checkInclude = {
  riskPoint: { select: { name: true } },
  rectifications: { select: { id: true }, orderBy: { createdAt: 'asc' } },
} as const;

/** Org and checker names for a set of checks, in two queries rather than one per row. */
async function checkNames(db: Db, rows: { orgId: string; checkedById: string | null }[]) {
  const orgIds = [...new Set(rows.map((r) => r.orgId))];
  const userIds = [...new Set(rows.map((r) => r.checkedById).filter((v): v is string => Boolean(v)))];
  const [orgs, users] = await Promise.all([
    orgIds.length ? db.orgUnit.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }) : [],
  ]);
  return {
    org: new Map(orgs.map((o) => [o.id, o.name])),
    user: new Map(users.map((u) => [u.id, u.displayName])),
  };
}

function toCheck(row: CheckRow, names: Awaited<ReturnType<typeof checkNames>>): RiskPointCheck {
  return {
    id: row.id,
    riskPointId: row.riskPointId,
    riskPointName: row.riskPoint.name,
    orgId: row.orgId,
    orgName: names.org.get(row.orgId) ?? '',
    checkedAt: row.checkedAt.toISOString(),
    result: row.result,
    onTime: row.onTime,
    note: row.note,
    checkedByName: row.checkedById ? (names.user.get(row.checkedById) ?? null) : null,
    rectificationIds: row.rectifications.map((r) => r.id),
    createdAt: row.createdAt.toISOString(),
  };
}

async function checkPage(
  db: Db,
  where: Prisma.RiskPointCheckWhereInput,
  params: { sort: RiskPointCheckSort; cursor?: string | undefined; limit: number },
): Promise<RiskPointCheckPage> {
  return countedPage(
    params,
    () =>
      keysetPage(
        sortKeyset(params.sort, { checkedAt: 'date' }),
        where,
        params,
        (query) => db.riskPointCheck.findMany({ ...query, include: checkInclude }),
        async (rows) => {
          const names = await checkNames(db, rows);
          return rows.map((row) => toCheck(row, names));
        },
      ),
    () => db.riskPointCheck.count({ where }),
  );
}

/**
 * Checks across the caller's scope, by the org the point had when checked: with onTime=true, the
 * records the RISK_POINT_CHECK figure counts for the same org and days.
 */
export async function listRiskPointChecks(
  prisma: PrismaClient,
  user: AuthUser,
  params: z.output<typeof ListRiskPointChecksQuerySchema>,
): Promise<RiskPointCheckPage> {
  const checkedAt = dayRange(params.from, params.to);
  const where: Prisma.RiskPointCheckWhereInput = {
    orgId: { in: await orgIdsInScope(prisma, user, params.org, params.own) },
    ...(params.result ? { result: params.result } : {}),
    ...(params.onTime ? { onTime: params.onTime === 'true' } : {}),
    ...(checkedAt ? { checkedAt } : {}),
  };
  return checkPage(prisma, where, params);
}

/** One point's checks, newest first. */
export async function listChecksOfPoint(
  prisma: PrismaClient,
  user: AuthUser,
  id: string,
  params: z.output<typeof ListOnePointChecksQuerySchema>,
): Promise<RiskPointCheckPage> {
  await loadInScope(prisma, user, KIND, id);
  return checkPage(prisma, { riskPointId: id }, { ...params, sort: '-checkedAt' });
}

/**
 * Records a check: the point's last check becomes the later of the stored one and this one (a
 * check entered late never moves it back), the next due date follows from it, the version goes up.
 */
export async function recordRiskPointCheck(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: CreateRiskPointCheckInput,
  expectedVersion?: number,
): Promise<RecordRiskPointCheckResult> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  const checkedAt = new Date(input.checkedAt);
  // Judged against the due day the point had before this check moves it.
  const onTime = checkIsOnTime(before, checkedAt);
  const lastCheckedAt =
    before.lastCheckedAt && before.lastCheckedAt.getTime() >= checkedAt.getTime() ? before.lastCheckedAt : checkedAt;
  const check = await tx.riskPointCheck.create({
    data: {
      riskPointId: id,
      orgId: before.orgId,
      checkedAt,
      onTime,
      result: input.result,
      note: input.note ?? null,
      checkedById: user.id,
    },
    include: checkInclude,
  });
  // Each finding becomes a rectification of the point's org, linked to the check (ADR 049).
  const findings = input.findings ?? [];
  const day = shanghaiLocalDate(checkedAt);
  for (const [i, problem] of findings.entries()) {
    const made = await createRecord(
      tx,
      user,
      RECORD_KINDS.Rectification,
      {
        orgId: before.orgId,
        problem,
        source: 'POSITION_CHECK',
        findingRef: `${before.name} ${day} 排查第${i + 1}条`.slice(0, RECTIFICATION_FINDING_REF_MAX),
        riskPointCheckId: check.id,
      },
      { orgChecked: true },
    );
    check.rectifications.push({ id: made.id });
  }
  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    { lastCheckedAt, nextCheckDueAt: nextCheckDue(lastCheckedAt, before.checkIntervalDays) },
    {
      action: 'CHECK',
      // The point as it now stands plus what this check found, so the history shows both.
      auditAfter: {
        checkedAt: check.checkedAt,
        checkResult: check.result,
        checkOnTime: check.onTime,
        checkNote: check.note,
        checkFindings: findings,
      },
    },
  );
  const names = await checkNames(tx, [check]);
  return { check: toCheck(check, names), riskPoint: toRiskPoint(row) };
}

/**
 * Records a content update of the 阵地 (a post published): its last update becomes the later of
 * the stored one and this one, audited as UPDATE with what was recorded.
 */
export async function recordPositionUpdate(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: RecordPositionUpdateInput,
  expectedVersion?: number,
): Promise<RiskPoint> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  const at = new Date(input.updatedAt);
  const lastUpdatedAt =
    before.lastUpdatedAt && before.lastUpdatedAt.getTime() >= at.getTime() ? before.lastUpdatedAt : at;
  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    { lastUpdatedAt },
    { auditAfter: { contentUpdatedAt: at } },
  );
  return toRiskPoint(row);
}
