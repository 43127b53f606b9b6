// Activities (主题活动): list, read, create, update, delete. Every check runs on the record as
// loaded from the database, and every change writes its audit event in the same transaction.
import type {
  Activity,
  ActivityPage,
  ActivitySort,
  CreateActivityInput,
  UpdateActivityInput,
} from '@dutyboard/contracts/activities';
import { localDateToInstant } from '@dutyboard/contracts/periods';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { AppError, notFound, validationError } from '../../plugins/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadWritableOrg, orgIdsInScope, reachesOrg } from '../orgs/scope.ts';

const withOrg = { org: { select: { name: true, path: true } } } as const;
type ActivityRow = Prisma.ActivityGetPayload<{ include: typeof withOrg }>;

export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.org.name,
    category: row.category,
    title: row.title,
    occurredAt: row.occurredAt.toISOString(),
    location: row.location,
    participants: row.participants,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The stored shape written to the audit trail (no joined fields). */
function auditShape(row: ActivityRow) {
  const { org: _org, ...rest } = row;
  return rest;
}

export interface ListActivitiesParams {
  org?: string;
  category?: Activity['category'];
  from?: string;
  to?: string;
  sort: ActivitySort;
  cursor?: string;
  limit: number;
}

type SortField = 'occurredAt' | 'createdAt' | 'participants';

function parseSort(sort: ActivitySort): { field: SortField; dir: 'asc' | 'desc' } {
  return sort.startsWith('-')
    ? { field: sort.slice(1) as SortField, dir: 'desc' }
    : { field: sort as SortField, dir: 'asc' };
}

function encodeCursor(sort: ActivitySort, row: ActivityRow): string {
  const { field } = parseSort(sort);
  const value = row[field];
  return Buffer.from(JSON.stringify([sort, value instanceof Date ? value.toISOString() : value, row.id])).toString(
    'base64url',
  );
}

function decodeCursor(sort: ActivitySort, cursor: string): { value: Date | number; id: string } {
  const bad = () =>
    validationError([{ field: 'cursor', code: 'invalid_cursor', message: '分页位置无效，请从第一页重新查询' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== sort || typeof parsed[2] !== 'string') throw bad();
  const { field } = parseSort(sort);
  const raw = parsed[1];
  if (field === 'participants') {
    if (typeof raw !== 'number' || !Number.isInteger(raw)) throw bad();
    return { value: raw, id: parsed[2] };
  }
  const date = typeof raw === 'string' ? new Date(raw) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw bad();
  if (!/^[0-9a-f-]{36}$/i.test(parsed[2])) throw bad();
  return { value: date, id: parsed[2] };
}

export async function listActivities(
  prisma: PrismaClient,
  user: AuthUser,
  params: ListActivitiesParams,
): Promise<ActivityPage> {
  const orgIds = await orgIdsInScope(prisma, user, params.org);
  const { field, dir } = parseSort(params.sort);
  const occurredAt: Prisma.DateTimeFilter = {};
  if (params.from) occurredAt.gte = localDateToInstant(params.from);
  if (params.to) occurredAt.lt = new Date(localDateToInstant(params.to).getTime() + 24 * 3600 * 1000);

  const where: Prisma.ActivityWhereInput = {
    orgId: { in: orgIds },
    ...(params.category ? { category: params.category } : {}),
    ...(params.from || params.to ? { occurredAt } : {}),
  };
  if (params.cursor) {
    const c = decodeCursor(params.sort, params.cursor);
    const op = dir === 'desc' ? 'lt' : 'gt';
    where.AND = [{ OR: [{ [field]: { [op]: c.value } }, { [field]: c.value, id: { [op]: c.id } }] }];
  }
  const rows = await prisma.activity.findMany({
    where,
    include: withOrg,
    orderBy: [{ [field]: dir }, { id: dir }],
    take: params.limit + 1,
  });
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  return {
    items: page.map(toActivity),
    nextCursor: rows.length > params.limit && last ? encodeCursor(params.sort, last) : null,
  };
}

async function loadActivity(db: PrismaClient | Prisma.TransactionClient, user: AuthUser, id: string) {
  const row = await db.activity.findUnique({ where: { id }, include: withOrg });
  // Another branch's record answers exactly like a missing one: its existence is not revealed.
  if (!row || !reachesOrg(user, { id: row.orgId, path: row.org.path })) throw notFound('活动');
  return row;
}

const conflict = () => new AppError('CONFLICT', '这条记录已被他人修改或删除，请刷新后查看最新内容再操作', 409);

/** Refuses when the caller names a version (If-Match) that is no longer the stored one. */
function checkVersion(row: ActivityRow, expectedVersion: string | undefined) {
  if (expectedVersion !== undefined && row.updatedAt.toISOString() !== expectedVersion) throw conflict();
}

export async function getActivity(prisma: PrismaClient, user: AuthUser, id: string): Promise<Activity> {
  return toActivity(await loadActivity(prisma, user, id));
}

export async function createActivity(
  prisma: PrismaClient,
  user: AuthUser,
  input: CreateActivityInput,
): Promise<Activity> {
  return prisma.$transaction(async (tx) => {
    await loadWritableOrg(tx, user, input.orgId);
    const row = await tx.activity.create({
      data: {
        orgId: input.orgId,
        category: input.category,
        title: input.title,
        occurredAt: new Date(input.occurredAt),
        location: input.location ?? null,
        participants: input.participants,
        description: input.description ?? null,
        createdById: user.id,
        updatedById: user.id,
      },
      include: withOrg,
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'CREATE',
      entityType: 'Activity',
      entityId: row.id,
      orgId: row.orgId,
      after: auditShape(row),
    });
    return toActivity(row);
  });
}

export async function updateActivity(
  prisma: PrismaClient,
  user: AuthUser,
  id: string,
  input: UpdateActivityInput,
  expectedVersion?: string,
): Promise<Activity> {
  return prisma.$transaction(async (tx) => {
    const before = await loadActivity(tx, user, id);
    checkVersion(before, expectedVersion);
    // Moving a record to another org needs the same reach as creating it there.
    if (input.orgId && input.orgId !== before.orgId) await loadWritableOrg(tx, user, input.orgId);
    // Conditional on the version just read, so a concurrent change cannot slip in between the
    // check above and this write (and the audit's "before" is exactly what was replaced).
    const { count } = await tx.activity.updateMany({
      where: { id, updatedAt: before.updatedAt },
      data: {
        ...input,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
        updatedById: user.id,
      },
    });
    if (count === 0) throw conflict();
    const row = await tx.activity.findUniqueOrThrow({ where: { id }, include: withOrg });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'UPDATE',
      entityType: 'Activity',
      entityId: row.id,
      orgId: row.orgId,
      before: auditShape(before),
      after: auditShape(row),
    });
    return toActivity(row);
  });
}

export async function deleteActivity(
  prisma: PrismaClient,
  user: AuthUser,
  id: string,
  expectedVersion?: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await loadActivity(tx, user, id);
    checkVersion(before, expectedVersion);
    const { count } = await tx.activity.deleteMany({ where: { id, updatedAt: before.updatedAt } });
    if (count === 0) throw conflict();
    await recordAudit(tx, {
      actorId: user.id,
      action: 'DELETE',
      entityType: 'Activity',
      entityId: id,
      orgId: before.orgId,
      before: auditShape(before),
    });
  });
}
