// Every kind of record, declared once: its table, its org scope, the actions that read and write
// it, what goes with it when it is deleted, and the name its audit events and attachments carry.
// The shared helpers (records/writes.ts), attachments and history all read it, so evidence can
// never be more open than its record and a record never leaves its evidence behind.
import type { EntityType } from '@dutyboard/contracts/attachments';
import { periodCode } from '@dutyboard/contracts/periods';
import { type Action, can } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { AppError, fieldIssue, notFound } from '../../errors/app-error.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { reachesOrg } from '../orgs/scope.ts';
import { checkVersion } from './versioning.ts';

export type Db = PrismaClient | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;
/** A list's order as keyset.ts gives it. */
type Order = Record<string, 'asc' | 'desc'>[];

/** What every record row carries: its org (for reach) and its version (for If-Match). */
export interface RecordRow {
  id: string;
  orgId: string;
  version: number;
  org: { path: string };
}

/** The few table operations the helpers need, typed per kind. */
export interface RecordTable<Row, Where, Data, Create = never> {
  find(id: string): Promise<Row | null>;
  /** Inserts a row and answers it as find does. */
  create(data: Create): Promise<Row>;
  /** A page of a list (keyset.ts pageQuery), rows as find answers them. */
  findMany(query: { where: Where; orderBy: Record<string, 'asc' | 'desc'>[]; take: number }): Promise<Row[]>;
  /** How many rows a list's where-clause holds (its `total`, records/page-total.ts). */
  count(where: Where): Promise<number>;
  updateMany(where: Where, data: Data): Promise<{ count: number }>;
  deleteMany(where: Where): Promise<{ count: number }>;
}
// (Methods rather than function properties, so a kind of any row type is a RecordKind too.)

/** Rows that go with a deleted record (besides its attachments, which every kind has). */
export interface Dependant {
  remove(tx: Tx, id: string): Promise<{ count: number }>;
  /** The field of the DELETE audit event's "before" that says how many went with it. */
  auditCount?: string;
}

export interface RecordKind<Row extends RecordRow = RecordRow, Where = unknown, Data = unknown, Create = never> {
  /** The name its audit events, attachments and history carry. */
  entityType: EntityType;
  table(db: Db): RecordTable<Row, Where, Data, Create>;
  /** The action that reads it, and the actions any one of which lets a user add evidence. */
  permissions: { read: Action; write: readonly Action[] };
  /** Whether the user reaches the record (default: its org is in the user's reach). */
  inScope?(user: AuthUser, row: Row): boolean;
  dependants?: readonly Dependant[];
  /** The stored shape the audit trail keeps (default: the row without its joined fields). */
  audit?(row: Row): Record<string, unknown>;
  /** Closed with its evidence: evidence may be added, not removed. */
  closed?(row: Row): boolean;
  /** The owner, who may add evidence to their own record whatever their role. */
  ownerId?(row: Row): string | null;
  /** The answer when a create or update breaks one of its unique rules (default: the database error). */
  uniqueViolation?(): Error;
}

const withOrg = { org: { select: { name: true, path: true } } } as const;
/** Joined fields, left out of the audit trail. */
const JOINED = ['org', 'owner', 'period', 'alert'];

/** Declares a kind; its row, filter and data types come from its table. */
function kind<Row extends RecordRow, Where, Data, Create>(declared: RecordKind<Row, Where, Data, Create>) {
  return declared;
}

export function storedShape<Row extends RecordRow>(kind: RecordKind<Row, never, never, never>, row: Row) {
  if (kind.audit) return kind.audit(row);
  return Object.fromEntries(Object.entries(row).filter(([key]) => !JOINED.includes(key)));
}

export function reaches<Row extends RecordRow>(kind: RecordKind<Row, never, never, never>, user: AuthUser, row: Row) {
  return kind.inScope ? kind.inScope(user, row) : reachesOrg(user, { id: row.orgId, path: row.org.path });
}

export const assignmentInclude = {
  org: { select: { name: true, path: true } },
  owner: { select: { displayName: true } },
  period: { select: { kind: true, year: true, index: true, name: true } },
} as const;
export type AssignmentRow = Prisma.AssignmentGetPayload<{ include: typeof assignmentInclude }>;

/**
 * One assignment with its org, owner and period, read one query after another: Prisma fetches
 * several included relations concurrently, which an interactive transaction cannot run.
 */
async function findAssignment(db: Db, id: string): Promise<AssignmentRow | null> {
  const row = await db.assignment.findUnique({ where: { id }, include: { org: assignmentInclude.org } });
  if (!row) return null;
  const owner = await db.user.findUniqueOrThrow({ where: { id: row.ownerId }, select: assignmentInclude.owner.select });
  const period = await db.period.findUniqueOrThrow({
    where: { id: row.periodId },
    select: assignmentInclude.period.select,
  });
  return { ...row, owner, period };
}

/** A meeting's 议定事项 as its tasks show them (live state), in the order they were decided. */
const meetingTaskSelect = {
  id: true,
  task: true,
  ownerId: true,
  dueAt: true,
  status: true,
  doneAt: true,
  version: true,
  owner: { select: { displayName: true } },
} satisfies Prisma.AssignmentSelect;
export type MeetingTaskRow = Prisma.AssignmentGetPayload<{ select: typeof meetingTaskSelect }>;
export type MeetingRow = Prisma.CommitteeMeetingGetPayload<{ include: { org: typeof withOrg.org } }> & {
  tasks: MeetingTaskRow[];
};

/** The tasks of some meetings, one query (not a nested include: an interactive transaction runs one query at a time). */
async function withTasks<M extends { id: string }>(db: Db, rows: M[]): Promise<(M & { tasks: MeetingTaskRow[] })[]> {
  if (rows.length === 0) return [];
  const tasks = await db.assignment.findMany({
    where: { meetingId: { in: rows.map((r) => r.id) } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { ...meetingTaskSelect, meetingId: true },
  });
  return rows.map((r) => ({
    ...r,
    tasks: tasks.filter((t) => t.meetingId === r.id).map(({ meetingId: _m, ...t }) => t),
  }));
}

async function findMeeting(db: Db, id: string): Promise<MeetingRow | null> {
  const row = await db.committeeMeeting.findUnique({ where: { id }, include: withOrg });
  return row ? ((await withTasks(db, [row]))[0] ?? null) : null;
}

const rectificationInclude = {
  org: { select: { name: true, path: true } },
  alert: {
    select: { id: true, summary: true, state: true, registeredAt: true, orgId: true, org: { select: { path: true } } },
  },
} as const;

const accountabilityInclude = {
  org: { select: { name: true, path: true } },
  rectifications: { select: { id: true }, orderBy: { createdAt: 'asc' } },
} as const;

export const RECORD_KINDS = {
  Activity: kind({
    entityType: 'Activity',
    table: (db: Db) => ({
      find: (id: string) => db.activity.findUnique({ where: { id }, include: withOrg }),
      findMany: (query: { where: Prisma.ActivityWhereInput; orderBy: Order; take: number }) =>
        db.activity.findMany({ ...query, include: withOrg }),
      create: (data: Prisma.ActivityUncheckedCreateInput) => db.activity.create({ data, include: withOrg }),
      updateMany: (where: Prisma.ActivityWhereInput, data: Prisma.ActivityUncheckedUpdateManyInput) =>
        db.activity.updateMany({ where, data }),
      deleteMany: (where: Prisma.ActivityWhereInput) => db.activity.deleteMany({ where }),
      count: (where: Prisma.ActivityWhereInput) => db.activity.count({ where }),
    }),
    permissions: { read: 'activity:read', write: ['activity:write'] },
  }),
  StudySession: kind({
    entityType: 'StudySession',
    table: (db: Db) => ({
      find: (id: string) => db.studySession.findUnique({ where: { id }, include: withOrg }),
      findMany: (query: { where: Prisma.StudySessionWhereInput; orderBy: Order; take: number }) =>
        db.studySession.findMany({ ...query, include: withOrg }),
      create: (data: Prisma.StudySessionUncheckedCreateInput) => db.studySession.create({ data, include: withOrg }),
      updateMany: (where: Prisma.StudySessionWhereInput, data: Prisma.StudySessionUncheckedUpdateManyInput) =>
        db.studySession.updateMany({ where, data }),
      deleteMany: (where: Prisma.StudySessionWhereInput) => db.studySession.deleteMany({ where }),
      count: (where: Prisma.StudySessionWhereInput) => db.studySession.count({ where }),
    }),
    permissions: { read: 'study:read', write: ['study:write'] },
  }),
  PublicityItem: kind({
    entityType: 'PublicityItem',
    table: (db: Db) => ({
      find: (id: string) => db.publicityItem.findUnique({ where: { id }, include: withOrg }),
      findMany: (query: { where: Prisma.PublicityItemWhereInput; orderBy: Order; take: number }) =>
        db.publicityItem.findMany({ ...query, include: withOrg }),
      create: (data: Prisma.PublicityItemUncheckedCreateInput) => db.publicityItem.create({ data, include: withOrg }),
      updateMany: (where: Prisma.PublicityItemWhereInput, data: Prisma.PublicityItemUncheckedUpdateManyInput) =>
        db.publicityItem.updateMany({ where, data }),
      deleteMany: (where: Prisma.PublicityItemWhereInput) => db.publicityItem.deleteMany({ where }),
      count: (where: Prisma.PublicityItemWhereInput) => db.publicityItem.count({ where }),
    }),
    permissions: { read: 'publicity:read', write: ['publicity:write'] },
  }),
  RiskPoint: kind({
    entityType: 'RiskPoint',
    table: (db: Db) => ({
      find: (id: string) => db.riskPoint.findUnique({ where: { id }, include: withOrg }),
      findMany: (query: { where: Prisma.RiskPointWhereInput; orderBy: Order; take: number }) =>
        db.riskPoint.findMany({ ...query, include: withOrg }),
      create: (data: Prisma.RiskPointUncheckedCreateInput) => db.riskPoint.create({ data, include: withOrg }),
      updateMany: (where: Prisma.RiskPointWhereInput, data: Prisma.RiskPointUncheckedUpdateManyInput) =>
        db.riskPoint.updateMany({ where, data }),
      deleteMany: (where: Prisma.RiskPointWhereInput) => db.riskPoint.deleteMany({ where }),
      count: (where: Prisma.RiskPointWhereInput) => db.riskPoint.count({ where }),
    }),
    permissions: { read: 'riskpoint:read', write: ['riskpoint:write'] },
    // Its checks (排查) go with it; the audit event says how many.
    dependants: [
      { remove: (tx, id) => tx.riskPointCheck.deleteMany({ where: { riskPointId: id } }), auditCount: 'checkCount' },
    ],
  }),
  RiskAlert: kind({
    entityType: 'RiskAlert',
    table: (db: Db) => ({
      find: (id: string) => db.riskAlert.findUnique({ where: { id }, include: withOrg }),
      findMany: (query: { where: Prisma.RiskAlertWhereInput; orderBy: Order; take: number }) =>
        db.riskAlert.findMany({ ...query, include: withOrg }),
      create: (data: Prisma.RiskAlertUncheckedCreateInput) => db.riskAlert.create({ data, include: withOrg }),
      updateMany: (where: Prisma.RiskAlertWhereInput, data: Prisma.RiskAlertUncheckedUpdateManyInput) =>
        db.riskAlert.updateMany({ where, data }),
      deleteMany: (where: Prisma.RiskAlertWhereInput) => db.riskAlert.deleteMany({ where }),
      count: (where: Prisma.RiskAlertWhereInput) => db.riskAlert.count({ where }),
    }),
    permissions: { read: 'alert:read', write: ['alert:register', 'alert:assess', 'alert:handle'] },
    // Its timeline goes with it.
    dependants: [{ remove: (tx, id) => tx.riskAlertEvent.deleteMany({ where: { alertId: id } }) }],
    closed: (row) => row.state === 'CLOSED',
  }),
  Rectification: kind({
    entityType: 'Rectification',
    table: (db: Db) => ({
      find: (id: string) => db.rectification.findUnique({ where: { id }, include: rectificationInclude }),
      findMany: (query: { where: Prisma.RectificationWhereInput; orderBy: Order; take: number }) =>
        db.rectification.findMany({ ...query, include: rectificationInclude }),
      create: (data: Prisma.RectificationUncheckedCreateInput) =>
        db.rectification.create({ data, include: rectificationInclude }),
      updateMany: (where: Prisma.RectificationWhereInput, data: Prisma.RectificationUncheckedUpdateManyInput) =>
        db.rectification.updateMany({ where, data }),
      deleteMany: (where: Prisma.RectificationWhereInput) => db.rectification.deleteMany({ where }),
      count: (where: Prisma.RectificationWhereInput) => db.rectification.count({ where }),
    }),
    permissions: { read: 'rectification:read', write: ['rectification:write'] },
    closed: (row) => row.status === 'DONE',
  }),
  Assignment: kind({
    entityType: 'Assignment',
    table: (db: Db) => ({
      find: (id: string) => findAssignment(db, id),
      findMany: (query: { where: Prisma.AssignmentWhereInput; orderBy: Order; take: number }) =>
        db.assignment.findMany({ ...query, include: assignmentInclude }),
      create: async (data: Prisma.AssignmentUncheckedCreateInput) => {
        const { id } = await db.assignment.create({ data, select: { id: true } });
        const row = await findAssignment(db, id);
        if (!row) throw new Error(`Assignment ${id} vanished inside its own transaction`);
        return row;
      },
      updateMany: (where: Prisma.AssignmentWhereInput, data: Prisma.AssignmentUncheckedUpdateManyInput) =>
        db.assignment.updateMany({ where, data }),
      deleteMany: (where: Prisma.AssignmentWhereInput) => db.assignment.deleteMany({ where }),
      count: (where: Prisma.AssignmentWhereInput) => db.assignment.count({ where }),
    }),
    permissions: { read: 'assignment:read', write: ['plan:manage'] },
    // An owner always reaches their own task, wherever it is.
    inScope: (user, row) => row.ownerId === user.id || reachesOrg(user, { id: row.orgId, path: row.org.path }),
    // The stored shape: no joined fields, the period by its code.
    audit: (row) => {
      const { org: _org, owner: _owner, period, periodId: _periodId, ...rest } = row;
      return { ...rest, period: periodCode(period.kind, period.year, period.index) };
    },
    // One 第一责任人 per org and period (the only unique rule a task has).
    uniqueViolation: () =>
      new AppError(
        'CONFLICT',
        { key: 'assignment.firstResponsibleTaken' },
        { fields: [fieldIssue('kind', 'taken', { key: 'assignment.firstResponsibleTaken' })] },
      ),
    closed: (row) => row.status === 'DONE',
    ownerId: (row) => row.ownerId,
  }),
  CommitteeMeeting: kind({
    entityType: 'CommitteeMeeting',
    table: (db: Db) => ({
      find: (id: string) => findMeeting(db, id),
      findMany: async (query: { where: Prisma.CommitteeMeetingWhereInput; orderBy: Order; take: number }) =>
        withTasks(db, await db.committeeMeeting.findMany({ ...query, include: withOrg })),
      create: async (data: Prisma.CommitteeMeetingUncheckedCreateInput) =>
        (await withTasks(db, [await db.committeeMeeting.create({ data, include: withOrg })]))[0] as MeetingRow,
      updateMany: (where: Prisma.CommitteeMeetingWhereInput, data: Prisma.CommitteeMeetingUncheckedUpdateManyInput) =>
        db.committeeMeeting.updateMany({ where, data }),
      deleteMany: (where: Prisma.CommitteeMeetingWhereInput) => db.committeeMeeting.deleteMany({ where }),
      count: (where: Prisma.CommitteeMeetingWhereInput) => db.committeeMeeting.count({ where }),
    }),
    permissions: { read: 'meeting:read', write: ['meeting:write'] },
    // The stored shape: no joined fields (its tasks are audited as tasks).
    audit: (row) => {
      const { org: _org, tasks: _tasks, ...rest } = row;
      return rest;
    },
  }),
  // 督查 / 通报 / 谈话 / 问责 (ADR 049): read by leadership, auditors and reviewers, never by a
  // secretary; written by leadership. The rectifications its findings became stay (unlinked).
  Accountability: kind({
    entityType: 'Accountability',
    table: (db: Db) => ({
      find: (id: string) => db.accountability.findUnique({ where: { id }, include: accountabilityInclude }),
      findMany: (query: { where: Prisma.AccountabilityWhereInput; orderBy: Order; take: number }) =>
        db.accountability.findMany({ ...query, include: accountabilityInclude }),
      create: (data: Prisma.AccountabilityUncheckedCreateInput) =>
        db.accountability.create({ data, include: accountabilityInclude }),
      updateMany: (where: Prisma.AccountabilityWhereInput, data: Prisma.AccountabilityUncheckedUpdateManyInput) =>
        db.accountability.updateMany({ where, data }),
      deleteMany: (where: Prisma.AccountabilityWhereInput) => db.accountability.deleteMany({ where }),
      count: (where: Prisma.AccountabilityWhereInput) => db.accountability.count({ where }),
    }),
    permissions: { read: 'accountability:read', write: ['accountability:write'] },
    audit: (row) => {
      const { org: _org, rectifications: _r, ...rest } = row;
      return rest;
    },
  }),
  // 一会一报 (ADR 048): the material and photos of the event attach to the same record, also after it.
  EventApproval: kind({
    entityType: 'EventApproval',
    table: (db: Db) => ({
      find: (id: string) => db.eventApproval.findUnique({ where: { id }, include: withOrg }),
      findMany: (query: { where: Prisma.EventApprovalWhereInput; orderBy: Order; take: number }) =>
        db.eventApproval.findMany({ ...query, include: withOrg }),
      create: (data: Prisma.EventApprovalUncheckedCreateInput) => db.eventApproval.create({ data, include: withOrg }),
      updateMany: (where: Prisma.EventApprovalWhereInput, data: Prisma.EventApprovalUncheckedUpdateManyInput) =>
        db.eventApproval.updateMany({ where, data }),
      deleteMany: (where: Prisma.EventApprovalWhereInput) => db.eventApproval.deleteMany({ where }),
      count: (where: Prisma.EventApprovalWhereInput) => db.eventApproval.count({ where }),
    }),
    permissions: { read: 'event:read', write: ['event:write'] },
  }),
} satisfies { [T in EntityType]: AnyRecordKind };

export type AnyRecordKind = RecordKind<RecordRow, never, never, never>;

/** A kind's row as its table answers it (with its org, and whatever else its entry joins). */
export type RowOf<T extends EntityType> = NonNullable<
  Awaited<ReturnType<ReturnType<(typeof RECORD_KINDS)[T]['table']>['find']>>
>;

/** The action that reads each record type, and the actions any one of which lets a user add evidence. */
export const RECORD_ACTIONS = Object.fromEntries(
  Object.entries(RECORD_KINDS).map(([type, kind]) => [type, kind.permissions]),
) as { [T in EntityType]: (typeof RECORD_KINDS)[T]['permissions'] };

/** A record as attachments and history see it: whose it is and whether it is closed. */
export interface OwningRecord {
  entityType: EntityType;
  id: string;
  orgId: string;
  orgPath: string;
  /** For assignments: the owner, who may add closing evidence to their own task. */
  ownerId?: string;
  /** Closed with its evidence (task or rectification DONE, alert CLOSED): evidence may be added, not removed. */
  closed?: boolean;
}

/** Loads the record a user may read, or 404 (a record out of reach is not revealed). */
export async function loadReadableRecord(db: Db, user: AuthUser, entityType: EntityType, id: string) {
  const kind: AnyRecordKind = RECORD_KINDS[entityType];
  const row = await findInScope(db, user, kind, id);
  if (!row) throw notFound();
  const ownerId = kind.ownerId?.(row);
  return {
    entityType,
    id: row.id,
    orgId: row.orgId,
    orgPath: row.org.path,
    ...(ownerId ? { ownerId } : {}),
    ...(kind.closed ? { closed: kind.closed(row) } : {}),
  } satisfies OwningRecord;
}

/** Whether the user may add or remove evidence on a record they can read. */
export function canWriteRecord(user: AuthUser, record: OwningRecord): boolean {
  if (record.ownerId && record.ownerId === user.id) return true;
  return RECORD_KINDS[record.entityType].permissions.write.some((action: Action) => can(user.role, action));
}

/**
 * Loads a record the user may read (its kind's read action, its org in reach) or answers 404:
 * a record out of reach is not revealed. With expectedVersion (If-Match), a stale one is 412.
 */
export async function loadInScope<Row extends RecordRow>(
  db: Db,
  user: AuthUser,
  kind: RecordKind<Row, never, never, never>,
  id: string,
  expectedVersion?: number,
): Promise<Row> {
  const row = await findInScope(db, user, kind, id);
  if (!row) throw notFound(kind.entityType);
  checkVersion(row, expectedVersion);
  return row;
}

/** The record if the user may read it; another branch's record is null exactly like a missing one. */
async function findInScope<Row extends RecordRow>(
  db: Db,
  user: AuthUser,
  kind: RecordKind<Row, never, never, never>,
  id: string,
): Promise<Row | null> {
  if (!can(user.role, kind.permissions.read)) return null;
  const row = await kind.table(db).find(id);
  return row && reaches(kind, user, row) ? row : null;
}
