// 责任清单: list, read, create, update, delete and close (办结) assignments. A rule task's status
// is computed from its progress on every read; a task without a rule is closed with evidence.
// Every check runs on the record as loaded, every change is audited in its transaction.
import {
  ASSIGNMENT_KINDS,
  type Assignment,
  type AssignmentOwner,
  type AssignmentPage,
  type AssignmentProgress,
  type AssignmentStatus,
  assignmentShapeIssues,
  type CloseAssignmentInput,
  type CreateAssignmentInput,
  type ListAssignmentsQuerySchema,
  type UpdateAssignmentInput,
} from '@dutyboard/contracts/assignments';
import type { ErrorMessage } from '@dutyboard/contracts/error-messages';
import { ASSIGNMENT_FROZEN_FIELD_LABELS, type AssignmentFrozenField } from '@dutyboard/contracts/labels';
import { localDateToInstant, periodCode, periodFromCode } from '@dutyboard/contracts/periods';
import { can, ROLE_POLICY } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
// The generated namespace carries Prisma.DbNull, the value that stores SQL NULL in a Json column;
// @dutyboard/db/client re-exports the namespace as a type only.
import { Prisma as PrismaValues } from '@dutyboard/db/generated/prisma/client';
import type { z } from 'zod';
import { AppError, fieldIssue, forbidden, validationError } from '../../errors/app-error.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadWritableOrg, orgIdsInScope, reachesEverything } from '../orgs/scope.ts';
import { ensurePeriod, findPeriod } from '../plan/periods.ts';
import { cursorOf, type Keyset, orderBy, pageQuery } from '../records/keyset.ts';
import { countedPage } from '../records/page-total.ts';
import { type AssignmentRow, assignmentInclude, loadInScope, RECORD_KINDS } from '../records/registry.ts';
import { checkVersion } from '../records/versioning.ts';
import { createRecord, deleteService, versionedUpdate } from '../records/writes.ts';
import { isOverdue } from './overdue.ts';
import { localDate, parseRule, rulesProgress, ruleTasksOf } from './progress.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const KIND = RECORD_KINDS.Assignment;

/** The answer for a row; `progress` is computed by the caller (null for a task without a rule). */
export function toAssignment(row: AssignmentRow, progress: AssignmentProgress | null, now: Date): Assignment {
  const rule = parseRule(row.rule);
  const status: AssignmentStatus = rule ? (progress?.satisfied ? 'DONE' : 'OPEN') : row.status;
  const overdue = isOverdue({ status, dueAt: row.dueAt }, now);
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    periodCode: periodCode(row.period.kind, row.period.year, row.period.index),
    periodName: row.period.name,
    ownerId: row.ownerId,
    ownerName: row.owner.displayName,
    kind: row.kind,
    area: row.area,
    task: row.task,
    dueAt: row.dueAt ? localDate(row.dueAt) : null,
    status,
    rule,
    doneAt: row.doneAt?.toISOString() ?? null,
    closingNote: row.closingNote,
    overdue,
    progress,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Rows answered together: every rule task's progress in one count (progress.ts). */
async function answerAll(db: Db, rows: readonly AssignmentRow[], now: Date): Promise<Assignment[]> {
  const progress = await rulesProgress(db, ruleTasksOf(rows));
  return rows.map((row) => toAssignment(row, progress.get(row.id) ?? null, now));
}

async function answer(db: Db, row: AssignmentRow, now = new Date()): Promise<Assignment> {
  const [item] = await answerAll(db, [row], now);
  return item as Assignment;
}

/** The owner must be an active user who reaches the org (so they can see the task and add evidence). */
export async function checkOwner(db: Db, ownerId: string, org: { id: string; path: string }) {
  const owner = await db.user.findUnique({
    where: { id: ownerId },
    select: { active: true, role: true, org: { select: { path: true } } },
  });
  if (!owner?.active) {
    throw validationError([fieldIssue('ownerId', 'not_found', { key: 'assignment.ownerMissing' })]);
  }
  if (ROLE_POLICY[owner.role].scope !== 'ALL' && !org.path.startsWith(owner.org.path)) {
    throw validationError([fieldIssue('ownerId', 'out_of_scope', { key: 'assignment.ownerOutOfReach' })]);
  }
}

function shapeError(v: Parameters<typeof assignmentShapeIssues>[0]) {
  const issues = assignmentShapeIssues(v);
  if (issues.length > 0) {
    throw validationError(issues.map((i) => ({ field: i.path, code: 'custom', message: i.message })));
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The list's order: kind (as declared: 第一责任人, 分管, 任务), then creation. */
const KEYSET: Keyset = {
  tag: 'assignments',
  columns: [
    { field: 'kind', dir: 'asc', kind: ASSIGNMENT_KINDS },
    { field: 'createdAt', dir: 'asc', kind: 'date' },
  ],
};

/**
 * The list, ordered kind (第一责任人, 分管, 任务) then creation. A secretary sees the assignments of
 * their subtree plus the ones they own. The status and overdue filters apply to the item as
 * answered (computed for rule tasks), so rows are read in batches until the page is full.
 */
export async function listAssignments(
  prisma: PrismaClient,
  user: AuthUser,
  params: z.output<typeof ListAssignmentsQuerySchema>,
  now = new Date(),
): Promise<AssignmentPage> {
  const orgIds = await orgIdsInScope(prisma, user, params.org);
  const scope: Prisma.AssignmentWhereInput = params.org
    ? { orgId: { in: orgIds } }
    : { OR: [{ orgId: { in: orgIds } }, { ownerId: user.id }] };
  let periodId: string | undefined;
  if (params.period) {
    const period = await findPeriod(prisma, periodFromCode(params.period));
    if (!period) return { items: [], nextCursor: null, total: params.cursor ? null : 0 };
    periodId = period.id;
  }
  const base: Prisma.AssignmentWhereInput[] = [scope];
  if (periodId) base.push({ periodId });
  if (params.owner) base.push({ ownerId: params.owner });
  if (params.kind) base.push({ kind: params.kind });
  const where = { AND: base } as Prisma.AssignmentWhereInput;
  const keep = (item: Assignment) =>
    (!params.status || item.status === params.status) &&
    (!params.overdue || item.overdue === (params.overdue === 'true'));

  const page = async () => {
    const items: Assignment[] = [];
    let cursor = params.cursor;
    let more = false;
    // The row of the last item taken: the next page continues after it.
    let lastTaken: AssignmentRow | undefined;
    const batch = params.limit + 1;
    for (;;) {
      const rows = await prisma.assignment.findMany({
        ...pageQuery(KEYSET, where, { cursor, limit: params.limit }),
        include: assignmentInclude,
      });
      const answered = await answerAll(prisma, rows, now);
      for (const [i, item] of answered.entries()) {
        if (!keep(item)) continue;
        if (items.length === params.limit) {
          more = true;
          break;
        }
        items.push(item);
        lastTaken = rows[i];
      }
      const last = rows.at(-1);
      if (more || rows.length < batch || !last) break;
      cursor = cursorOf(KEYSET, last);
    }
    return { items, nextCursor: more && lastTaken ? cursorOf(KEYSET, lastTaken) : null };
  };

  // The status and overdue filters are computed, so with either the total answers every row of
  // the list (a period's tasks: hundreds, not millions); without them it is a count.
  const count = async () => {
    if (!params.status && !params.overdue) return prisma.assignment.count({ where });
    let total = 0;
    let cursor: string | undefined;
    for (;;) {
      const rows = await prisma.assignment.findMany({
        ...pageQuery(KEYSET, where, { cursor, limit: COUNT_BATCH }),
        include: assignmentInclude,
      });
      const batch = rows.slice(0, COUNT_BATCH);
      total += (await answerAll(prisma, batch, now)).filter(keep).length;
      const last = batch.at(-1);
      if (rows.length <= COUNT_BATCH || !last) return total;
      cursor = cursorOf(KEYSET, last);
    }
  };
  return countedPage(params, page, count);
}

/** Rows answered at a time while counting a list filtered by a computed field. */
const COUNT_BATCH = 500;

export async function getAssignment(prisma: PrismaClient, user: AuthUser, id: string): Promise<Assignment> {
  return answer(prisma, await loadInScope(prisma, user, KIND, id));
}

/** Active users of the caller's subtree a task may be given to, leadership first. */
export async function listOwners(prisma: PrismaClient, user: AuthUser): Promise<AssignmentOwner[]> {
  const reach = (await reachesEverything(prisma, user)) ? {} : { org: { path: { startsWith: user.orgPath } } };
  const rows = await prisma.user.findMany({
    where: { active: true, ...reach },
    select: { id: true, displayName: true, role: true, orgId: true, org: { select: { name: true, path: true } } },
  });
  const roleOrder = { LEADER: 0, SECRETARY: 1, REVIEWER: 2, AUDITOR: 3, ADMIN: 4 } as const;
  rows.sort(
    (a, b) =>
      roleOrder[a.role] - roleOrder[b.role] ||
      a.org.path.localeCompare(b.org.path) ||
      a.displayName.localeCompare(b.displayName, 'zh'),
  );
  return rows.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, orgId: u.orgId, orgName: u.org.name }));
}

// ---------------------------------------------------------------------------------------------
// Writing (each runs inside the caller's transaction, see plugins/write.ts)

function ruleValue(rule: CreateAssignmentInput['rule']) {
  return rule ? (rule as Prisma.InputJsonValue) : PrismaValues.DbNull;
}

export async function createAssignment(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: CreateAssignmentInput,
): Promise<Assignment> {
  const org = await loadWritableOrg(tx, user, input.orgId);
  await checkOwner(tx, input.ownerId, org);
  const period = await ensurePeriod(tx, periodFromCode(input.period));
  const row = await createRecord(
    tx,
    user,
    KIND,
    {
      periodId: period.id,
      orgId: input.orgId,
      ownerId: input.ownerId,
      kind: input.kind,
      area: input.area ?? null,
      task: input.task,
      dueAt: input.dueDate ? localDateToInstant(input.dueDate) : null,
      rule: ruleValue(input.rule),
    },
    { orgChecked: true },
  );
  return answer(tx, row);
}

/** A task closed by hand (办结): its status is stored, not computed from a rule. */
function isClosedTask(row: AssignmentRow): boolean {
  return row.status !== 'OPEN' && !parseRule(row.rule);
}

/**
 * What the figures and the overdue/on-time facts read of a task: its period, org, owner, kind, due
 * day and rule (ASSIGNMENT_DONE / ASSIGNMENT_OVERDUE, overdue per owner). Once the task is closed
 * they are frozen; its wording (task, area) stays editable.
 */
const CLOSED_FROZEN_FIELDS = ASSIGNMENT_FROZEN_FIELD_LABELS;
type ClosedFrozenField = AssignmentFrozenField;

function alteredClosedFacts(before: AssignmentRow, input: UpdateAssignmentInput): ClosedFrozenField[] {
  const stored: Record<ClosedFrozenField, unknown> = {
    period: periodCode(before.period.kind, before.period.year, before.period.index),
    orgId: before.orgId,
    ownerId: before.ownerId,
    kind: before.kind,
    dueDate: before.dueAt ? localDate(before.dueAt) : null,
    rule: parseRule(before.rule),
  };
  return (Object.keys(CLOSED_FROZEN_FIELDS) as ClosedFrozenField[]).filter(
    (field) => input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(stored[field]),
  );
}

function closedFactsRefusal(fields: ClosedFrozenField[]): AppError {
  return new AppError(
    'CONFLICT',
    { key: 'assignment.factsFrozen', params: { fields } },
    {
      fields: fields.map((field) =>
        fieldIssue(field, 'frozen', { key: 'assignment.factsFrozen', params: { fields: [field] } }),
      ),
    },
  );
}

export async function updateAssignment(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdateAssignmentInput,
  expectedVersion?: number,
): Promise<Assignment> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  if (isClosedTask(before)) {
    const altered = alteredClosedFacts(before, input);
    if (altered.length > 0) throw closedFactsRefusal(altered);
  }
  // The cross-field rules again, on the record as it will be.
  const merged = {
    kind: input.kind ?? before.kind,
    area: input.area !== undefined ? input.area : before.area,
    dueDate: input.dueDate !== undefined ? input.dueDate : before.dueAt ? localDate(before.dueAt) : null,
    rule: input.rule !== undefined ? input.rule : parseRule(before.rule),
  };
  shapeError(merged);
  if (input.rule && before.status !== 'OPEN' && !parseRule(before.rule)) {
    throw new AppError('INVALID_TRANSITION', { key: 'assignment.closedNoRule' });
  }
  const orgId = input.orgId ?? before.orgId;
  const org =
    orgId !== before.orgId ? await loadWritableOrg(tx, user, orgId) : { id: before.orgId, path: before.org.path };
  const ownerId = input.ownerId ?? before.ownerId;
  if (ownerId !== before.ownerId || orgId !== before.orgId) await checkOwner(tx, ownerId, org);
  const periodId = input.period ? (await ensurePeriod(tx, periodFromCode(input.period))).id : before.periodId;

  const row = await versionedUpdate(tx, user, KIND, before, {
    periodId,
    orgId,
    ownerId,
    kind: input.kind,
    area: input.area,
    task: input.task,
    dueAt: input.dueDate === undefined ? undefined : input.dueDate ? localDateToInstant(input.dueDate) : null,
    rule: input.rule === undefined ? undefined : ruleValue(input.rule),
  });
  return answer(tx, row);
}

export const deleteAssignment = deleteService(KIND, {
  // A closed task is part of the record of work done (and of ASSIGNMENT_DONE), like a completed
  // rectification.
  refusal: (before) =>
    isClosedTask(before) ? new AppError('INVALID_TRANSITION', { key: 'assignment.closedNoDelete' }) : undefined,
});

const cannotClose = (said: ErrorMessage) => new AppError('INVALID_TRANSITION', said);

/**
 * 办结 a task without a rule: by leadership (plan:manage) or the task's owner, once at least one
 * evidence file is attached.
 */
export async function closeAssignment(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: CloseAssignmentInput,
  expectedVersion?: number,
): Promise<Assignment> {
  const before = await loadInScope(tx, user, KIND, id);
  if (!can(user.role, 'plan:manage') && before.ownerId !== user.id) {
    throw forbidden({ key: 'assignment.closeOwnerOrLeaders' });
  }
  checkVersion(before, expectedVersion);
  if (before.kind !== 'TASK') throw cannotClose({ key: 'assignment.closeNotTask' });
  if (parseRule(before.rule)) throw cannotClose({ key: 'assignment.closeRuleCounted' });
  if (before.status !== 'OPEN') throw cannotClose({ key: 'assignment.alreadyClosed' });
  const evidence = await tx.attachment.count({ where: { entityType: KIND.entityType, entityId: id } });
  if (evidence === 0) throw cannotClose({ key: 'assignment.evidenceFirst' });

  const doneAt = new Date();
  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    { status: 'DONE', doneAt, closingNote: input.closingNote },
    { action: 'CLOSE' },
  );
  return answer(tx, row, doneAt);
}

/**
 * Every assignment of a period in the given orgs, answered as the list answers them (a rule task's
 * status and progress computed). The dashboard counts done and overdue items from these, so its
 * figures agree with the list filtered by status / overdue.
 */
export async function answeredAssignmentsOfPeriod(
  prisma: PrismaClient,
  periodId: string,
  orgIds: readonly string[],
  now: Date,
): Promise<Assignment[]> {
  const rows = await prisma.assignment.findMany({
    where: { periodId, orgId: { in: [...orgIds] } },
    include: assignmentInclude,
    orderBy: orderBy(KEYSET),
  });
  return answerAll(prisma, rows, now);
}
