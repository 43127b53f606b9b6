// Targets (metric × org × period → number) and frequency rules ("中心组学习 每月1次"): read them
// for an org and its branches with what the rules require, set or clear a target, and keep the
// rules. Leadership writes (plan:manage); every change is audited in its transaction.
import { COUNTED_METRIC_KEYS, type CountedMetric } from '@dutyboard/contracts/metrics';
import { type OrgKind, orgLevelOf } from '@dutyboard/contracts/orgs';
import { type PeriodRef, periodCode } from '@dutyboard/contracts/periods';
import {
  type CreateFrequencyRuleInput,
  type FrequencyRule,
  type NamedRule,
  type PutTargetInputSchema,
  ruleIndex,
  type TargetRow,
  type TargetsAnswer,
  type TargetsQuerySchema,
  targetRowOf,
  targetRows,
  toPeriodInfo,
  type UpdateFrequencyRuleInput,
} from '@dutyboard/contracts/plan';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { isUniqueViolation, notFound } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg, loadWritableOrg, reachesOrg } from '../orgs/scope.ts';
import { assertWritten, checkVersion, preconditionFailed } from '../records/versioning.ts';
import { ensurePeriod } from './periods.ts';
import { auditRuleRow, checkRuleReach, rulesReachingWhere, ruleTaken } from './rule-reach.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const isCounted = (metric: string): metric is CountedMetric => (COUNTED_METRIC_KEYS as string[]).includes(metric);

// ---------------------------------------------------------------------------------------------
// Targets

/** The org and its direct children, each counted metric: explicit target, rule requirement, effective. */
export async function getTargets(
  prisma: PrismaClient,
  user: AuthUser,
  query: z.output<typeof TargetsQuerySchema>,
): Promise<TargetsAnswer> {
  const org = await loadReachableOrg(prisma, user, query.org ?? user.orgId);
  const children = await prisma.orgUnit.findMany({
    where: { parentId: org.id },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { id: true, name: true, parentId: true, kind: true },
  });
  return targetsOf(prisma, query.period, org, children);
}

/** An org as the targets read it: its name for the rows, its kind and path for the rules that reach it. */
export interface TargetOrg {
  id: string;
  name: string;
  parentId: string | null;
  kind: OrgKind;
  path: string;
}

const subject = (o: TargetOrg) => ({ id: o.id, name: o.name, level: orgLevelOf(o.kind), path: o.path });

/** The ids on an org's path: itself and every ancestor. */
const pathIds = (path: string) => path.split('/').filter(Boolean);

const namedRuleInclude = { org: { select: { name: true } } } as const;
type NamedRuleRow = Prisma.FrequencyRuleGetPayload<{ include: typeof namedRuleInclude }>;
const named = (r: NamedRuleRow): NamedRule => ({ ...r, orgName: r.org.name });

/**
 * The rules that may decide for orgs whose paths are given: set on any org on those paths (the
 * orgs themselves and every ancestor). One query, however deep or wide (a 市's 25 区 share theirs).
 */
async function rulesOnPaths(db: Db, paths: readonly string[], metric?: CountedMetric): Promise<NamedRule[]> {
  const ids = [...new Set(paths.flatMap(pathIds))];
  const rows = await db.frequencyRule.findMany({
    where: { orgId: { in: ids }, ...(metric ? { metric } : {}) },
    include: namedRuleInclude,
  });
  return rows.map(named);
}

/**
 * The targets of an org (already checked to be within reach) and its children (in display
 * order): the dashboard passes the ones it has loaded, so it asks for them once.
 */
export async function targetsOf(
  prisma: PrismaClient,
  ref: PeriodRef,
  org: TargetOrg,
  children: readonly Omit<TargetOrg, 'path'>[],
): Promise<TargetsAnswer> {
  // A child's path is the org's plus its own id.
  const below = children.map((c) => ({ ...c, path: `${org.path}${c.id}/` }));
  const orgs = [org, ...below];
  const [targets, rules] = await Promise.all([
    prisma.target.findMany({
      where: { period: { kind: ref.kind, year: ref.year, index: ref.index }, orgId: { in: orgs.map((o) => o.id) } },
    }),
    rulesOnPaths(
      prisma,
      orgs.map((o) => o.path),
    ),
  ]);
  return {
    period: toPeriodInfo(ref),
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, parentId: o.parentId })),
    items: targetRows(subject(org), below.map(subject), targets, rules, ref),
  };
}

const withOrgName = { org: { select: { name: true, path: true, parentId: true, kind: true } } } as const;
type TargetWithOrg = Prisma.TargetGetPayload<{ include: typeof withOrgName }>;

function auditTarget(row: TargetWithOrg, periodCode: string) {
  const { org: _org, ...rest } = row;
  return { ...rest, period: periodCode };
}

async function targetRow(db: Db, row: TargetWithOrg, ref: PeriodRef): Promise<TargetRow> {
  const metric = row.metric as CountedMetric;
  const rules = await rulesOnPaths(db, [row.org.path], metric);
  const org = subject({ id: row.orgId, ...row.org });
  return targetRowOf(org, metric, row, ruleIndex(rules)(org, metric), ref);
}

/**
 * Sets the target of (period, org, metric), creating it when there is none. With If-Match the
 * change applies only to that version of an existing target (412 otherwise, also when it is gone).
 */
export async function putTarget(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: z.output<typeof PutTargetInputSchema>,
  expectedVersion?: number,
): Promise<TargetRow> {
  await loadWritableOrg(tx, user, input.orgId);
  const period = await ensurePeriod(tx, input.period);
  const key = { metric: input.metric, orgId: input.orgId, periodId: period.id };
  // Serialises concurrent first writes of one key: the second waits, then finds the row.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`target:${key.metric}:${key.orgId}:${key.periodId}`}, 0))`;
  const before = await tx.target.findUnique({ where: { metric_orgId_periodId: key }, include: withOrgName });
  if (!before) {
    if (expectedVersion !== undefined) throw preconditionFailed();
    const row = await tx.target.create({ data: { ...key, value: input.value }, include: withOrgName });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'CREATE',
      entityType: 'Target',
      entityId: row.id,
      orgId: row.orgId,
      after: auditTarget(row, input.period.code),
    });
    return targetRow(tx, row, period.ref);
  }
  checkVersion(before, expectedVersion);
  const { count } = await tx.target.updateMany({
    where: { id: before.id, version: before.version },
    data: { value: input.value, version: { increment: 1 } },
  });
  assertWritten(count);
  const row = await tx.target.findUniqueOrThrow({ where: { id: before.id }, include: withOrgName });
  await recordAudit(tx, {
    actorId: user.id,
    action: 'UPDATE',
    entityType: 'Target',
    entityId: row.id,
    orgId: row.orgId,
    before: auditTarget(before, input.period.code),
    after: auditTarget(row, input.period.code),
  });
  return targetRow(tx, row, period.ref);
}

/** Clears an explicit target: the org is then measured against its rules again. */
export async function deleteTarget(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  const before = await tx.target.findUnique({
    where: { id },
    include: { ...withOrgName, period: { select: { kind: true, year: true, index: true } } },
  });
  if (!before || !reachesOrg(user, { id: before.orgId, path: before.org.path })) throw notFound('Target');
  checkVersion(before, expectedVersion);
  const { count } = await tx.target.deleteMany({ where: { id, version: before.version } });
  assertWritten(count);
  const { period, ...rest } = before;
  await recordAudit(tx, {
    actorId: user.id,
    action: 'DELETE',
    entityType: 'Target',
    entityId: id,
    orgId: before.orgId,
    before: auditTarget(rest, periodCode(period.kind, period.year, period.index)),
  });
}

// ---------------------------------------------------------------------------------------------
// Frequency rules

const ruleInclude = { org: { select: { name: true, path: true } } } as const;
type RuleRow = Prisma.FrequencyRuleGetPayload<{ include: typeof ruleInclude }>;

function toRule(row: RuleRow): FrequencyRule {
  if (!isCounted(row.metric)) throw new Error(`frequency rule ${row.id} names an uncounted metric`);
  return {
    id: row.id,
    version: row.version,
    metric: row.metric,
    orgId: row.orgId,
    orgName: row.org.name,
    eachChild: row.eachChild,
    level: row.level,
    frequency: row.frequency,
    times: row.times,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The rules set on the org and below it, plus the rules of its ancestors that reach it or an org
 * below it: the parent's each-child rules, and every ancestor's by-level rules for the org's level
 * or a level below. One query whatever the depth.
 */
export async function listRules(prisma: PrismaClient, user: AuthUser, orgId?: string): Promise<FrequencyRule[]> {
  const org = await loadReachableOrg(prisma, user, orgId ?? user.orgId);
  const rows = await prisma.frequencyRule.findMany({
    where: rulesReachingWhere(org),
    include: ruleInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  // Rules of uncounted metrics cannot be made through this API; any left by hand are not shown.
  return rows.filter((r) => isCounted(r.metric)).map(toRule);
}

async function loadRule(db: Db, user: AuthUser, id: string) {
  const row = await db.frequencyRule.findUnique({ where: { id }, include: ruleInclude });
  if (!row || !reachesOrg(user, { id: row.orgId, path: row.org.path })) throw notFound('FrequencyRule');
  return row;
}

export async function createRule(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: CreateFrequencyRuleInput,
): Promise<FrequencyRule> {
  const org = await loadWritableOrg(tx, user, input.orgId);
  const level = input.level ?? null;
  checkRuleReach(orgLevelOf(org.kind), input.eachChild, level);
  // Checked first so the transaction is not aborted by the unique index in the common case; the
  // index (NULLS NOT DISTINCT) still decides a race.
  const existing = await tx.frequencyRule.findFirst({
    where: { metric: input.metric, orgId: input.orgId, eachChild: input.eachChild, level },
    select: { id: true },
  });
  if (existing) throw ruleTaken('metric', 'plan.ruleTaken');
  let row: RuleRow;
  try {
    row = await tx.frequencyRule.create({
      data: {
        metric: input.metric,
        orgId: input.orgId,
        eachChild: input.eachChild,
        level,
        frequency: input.frequency,
        times: input.times,
        note: input.note ?? null,
        createdById: user.id,
        updatedById: user.id,
      },
      include: ruleInclude,
    });
  } catch (error) {
    throw isUniqueViolation(error) ? ruleTaken('metric', 'plan.ruleTaken') : error;
  }
  await recordAudit(tx, {
    actorId: user.id,
    action: 'CREATE',
    entityType: 'FrequencyRule',
    entityId: row.id,
    orgId: row.orgId,
    after: auditRuleRow(row),
  });
  return toRule(row);
}

export async function updateRule(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdateFrequencyRuleInput,
  expectedVersion?: number,
): Promise<FrequencyRule> {
  const before = await loadRule(tx, user, id);
  checkVersion(before, expectedVersion);
  const { count } = await tx.frequencyRule.updateMany({
    where: { id, version: before.version },
    data: { ...input, updatedById: user.id, version: { increment: 1 } },
  });
  assertWritten(count);
  const row = await tx.frequencyRule.findUniqueOrThrow({ where: { id }, include: ruleInclude });
  await recordAudit(tx, {
    actorId: user.id,
    action: 'UPDATE',
    entityType: 'FrequencyRule',
    entityId: id,
    orgId: row.orgId,
    before: auditRuleRow(before),
    after: auditRuleRow(row),
  });
  return toRule(row);
}

export async function deleteRule(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  const before = await loadRule(tx, user, id);
  checkVersion(before, expectedVersion);
  const { count } = await tx.frequencyRule.deleteMany({ where: { id, version: before.version } });
  assertWritten(count);
  await recordAudit(tx, {
    actorId: user.id,
    action: 'DELETE',
    entityType: 'FrequencyRule',
    entityId: id,
    orgId: before.orgId,
    before: auditRuleRow(before),
  });
}
