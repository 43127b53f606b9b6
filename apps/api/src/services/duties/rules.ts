// Duty rules (ADR 045): the level above changes a duty for the orgs below — due days, the number
// required, or off — with a frequency rule's reach (ADR 038). Leadership writes (plan:manage);
// every change is audited in its transaction, If-Match versioned.
import {
  ACTIVE_DUTY_KINDS,
  type ActiveDutyKind,
  type CreateDutyRuleInput,
  DUTIES,
  type DutyRule,
  type DutyRuleLike,
  dueDaysFit,
  type UpdateDutyRuleInput,
} from '@dutyboard/contracts/duties';
import { orgLevelOf } from '@dutyboard/contracts/orgs';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { fieldIssue, isUniqueViolation, notFound, validationError } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg, loadWritableOrg, reachesOrg } from '../orgs/scope.ts';
import { auditRuleRow, checkRuleReach, rulesReachingWhere, ruleTaken } from '../plan/rule-reach.ts';
import { assertWritten, checkVersion } from '../records/versioning.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const ruleInclude = { org: { select: { name: true, path: true } } } as const;
type RuleRow = Prisma.DutyRuleGetPayload<{ include: typeof ruleInclude }>;

const isActive = (kind: string): kind is ActiveDutyKind => (ACTIVE_DUTY_KINDS as string[]).includes(kind);
/** Stored as an empty list when the duty's default days apply (a Prisma list cannot be NULL). */
const dueOnOf = (row: { dueOn: string[] }) => (row.dueOn.length > 0 ? row.dueOn : null);

function toRule(row: RuleRow & { kind: ActiveDutyKind }): DutyRule {
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    orgId: row.orgId,
    orgName: row.org.name,
    eachChild: row.eachChild,
    level: row.level,
    dueOn: dueOnOf(row),
    required: row.required,
    off: row.off,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function active(row: RuleRow): RuleRow & { kind: ActiveDutyKind } {
  if (!isActive(row.kind)) throw new Error(`duty rule ${row.id} names a duty without its figure`);
  return row as RuleRow & { kind: ActiveDutyKind };
}

/** The rules of active duties that may decide for orgs on these paths (set on the orgs or any ancestor): one query. */
export async function dutyRulesOnPaths(db: Db, paths: readonly string[]): Promise<DutyRuleLike[]> {
  const ids = [...new Set(paths.flatMap((p) => p.split('/').filter(Boolean)))];
  const rows = await db.dutyRule.findMany({ where: { orgId: { in: ids } }, include: ruleInclude });
  return rows.flatMap((r) =>
    isActive(r.kind)
      ? [
          {
            id: r.id,
            kind: r.kind,
            orgId: r.orgId,
            orgName: r.org.name,
            eachChild: r.eachChild,
            level: r.level,
            dueOn: dueOnOf(r),
            required: r.required,
            off: r.off,
          },
        ]
      : [],
  );
}

/** The rules set on the org and below, and its ancestors' rules that reach it or below (as listRules). */
export async function listDutyRules(prisma: PrismaClient, user: AuthUser, orgId?: string): Promise<DutyRule[]> {
  const org = await loadReachableOrg(prisma, user, orgId ?? user.orgId);
  const rows = await prisma.dutyRule.findMany({
    where: rulesReachingWhere(org),
    include: ruleInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.filter((r) => isActive(r.kind)).map((r) => toRule(active(r)));
}

async function loadRule(db: Db, user: AuthUser, id: string) {
  const row = await db.dutyRule.findUnique({ where: { id }, include: ruleInclude });
  if (!row || !reachesOrg(user, { id: row.orgId, path: row.org.path }) || !isActive(row.kind)) {
    throw notFound('DutyRule');
  }
  return active(row);
}

export async function createDutyRule(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: CreateDutyRuleInput,
): Promise<DutyRule> {
  const org = await loadWritableOrg(tx, user, input.orgId);
  const level = input.level ?? null;
  checkRuleReach(orgLevelOf(org.kind), input.eachChild, level);
  const existing = await tx.dutyRule.findFirst({
    where: { kind: input.kind, orgId: input.orgId, eachChild: input.eachChild, level },
    select: { id: true },
  });
  if (existing) throw ruleTaken('kind', 'duty.ruleTaken');
  let row: RuleRow;
  try {
    row = await tx.dutyRule.create({
      data: {
        kind: input.kind,
        orgId: input.orgId,
        eachChild: input.eachChild,
        level,
        dueOn: input.dueOn ?? [],
        required: input.required ?? null,
        off: input.off ?? false,
        note: input.note ?? null,
        createdById: user.id,
        updatedById: user.id,
      },
      include: ruleInclude,
    });
  } catch (error) {
    throw isUniqueViolation(error) ? ruleTaken('kind', 'duty.ruleTaken') : error;
  }
  await recordAudit(tx, {
    actorId: user.id,
    action: 'CREATE',
    entityType: 'DutyRule',
    entityId: row.id,
    orgId: row.orgId,
    after: auditRuleRow(row),
  });
  return toRule(active(row));
}

export async function updateDutyRule(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdateDutyRuleInput,
  expectedVersion?: number,
): Promise<DutyRule> {
  const before = await loadRule(tx, user, id);
  checkVersion(before, expectedVersion);
  // The kind is the rule's own, so its days are checked here (the create's schema checks them there).
  if (input.dueOn && !dueDaysFit(DUTIES[before.kind].rhythm, input.dueOn)) {
    const said = { key: 'duty.dueOnNotInWindow' } as const;
    throw validationError([fieldIssue('dueOn', 'custom', said)], said);
  }
  const { count } = await tx.dutyRule.updateMany({
    where: { id, version: before.version },
    data: {
      ...(input.dueOn !== undefined ? { dueOn: input.dueOn ?? [] } : {}),
      ...(input.required !== undefined ? { required: input.required } : {}),
      ...(input.off !== undefined ? { off: input.off } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      updatedById: user.id,
      version: { increment: 1 },
    },
  });
  assertWritten(count);
  const row = await tx.dutyRule.findUniqueOrThrow({ where: { id }, include: ruleInclude });
  await recordAudit(tx, {
    actorId: user.id,
    action: 'UPDATE',
    entityType: 'DutyRule',
    entityId: id,
    orgId: row.orgId,
    before: auditRuleRow(before),
    after: auditRuleRow(row),
  });
  return toRule(active(row));
}

export async function deleteDutyRule(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  const before = await loadRule(tx, user, id);
  checkVersion(before, expectedVersion);
  const { count } = await tx.dutyRule.deleteMany({ where: { id, version: before.version } });
  assertWritten(count);
  await recordAudit(tx, {
    actorId: user.id,
    action: 'DELETE',
    entityType: 'DutyRule',
    entityId: id,
    orgId: before.orgId,
    before: auditRuleRow(before),
  });
}
