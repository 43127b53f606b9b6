// Activities (主题活动): list, read, create, update, delete. Every check runs on the record as
// loaded from the database, and every change writes its audit event in the same transaction.
import type {
  Activity,
  ActivityPage,
  ActivitySort,
  CreateActivityInput,
  UpdateActivityInput,
} from '@dutyboard/contracts/activities';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { AuthUser } from '../auth/sessions.ts';
import { loadWritableOrg, orgIdsInScope } from '../orgs/scope.ts';
import { afterCursor, dayRange, orderBy, parseSort, toPage } from '../records/keyset.ts';
import { loadInScope, RECORD_KINDS } from '../records/registry.ts';
import { auditCreated, type Removal, versionedDelete, versionedUpdate } from '../records/writes.ts';

const withOrg = { org: { select: { name: true, path: true } } } as const;
type ActivityRow = Prisma.ActivityGetPayload<{ include: typeof withOrg }>;

export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    version: row.version,
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

export interface ListActivitiesParams {
  org?: string;
  category?: Activity['category'];
  from?: string;
  to?: string;
  sort: ActivitySort;
  cursor?: string;
  limit: number;
}

const SORT_KINDS = { occurredAt: 'date', createdAt: 'date', participants: 'int' } as const;

export async function listActivities(
  prisma: PrismaClient,
  user: AuthUser,
  params: ListActivitiesParams,
): Promise<ActivityPage> {
  const orgIds = await orgIdsInScope(prisma, user, params.org);
  const spec = parseSort(params.sort, SORT_KINDS);
  const occurredAt = dayRange(params.from, params.to);
  const where: Prisma.ActivityWhereInput = {
    orgId: { in: orgIds },
    ...(params.category ? { category: params.category } : {}),
    ...(occurredAt ? { occurredAt } : {}),
    ...(params.cursor ? { AND: [afterCursor(params.sort, spec, params.cursor)] } : {}),
  };
  const rows = await prisma.activity.findMany({
    where,
    include: withOrg,
    orderBy: orderBy(spec),
    take: params.limit + 1,
  });
  return toPage(rows, params.limit, params.sort, spec, toActivity);
}

const KIND = RECORD_KINDS.Activity;

export async function getActivity(prisma: PrismaClient, user: AuthUser, id: string): Promise<Activity> {
  return toActivity(await loadInScope(prisma, user, KIND, id));
}

/** Runs inside the caller's transaction (see plugins/write.ts). */
export async function createActivity(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: CreateActivityInput,
): Promise<Activity> {
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
  await auditCreated(tx, user, KIND, row);
  return toActivity(row);
}

export async function updateActivity(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdateActivityInput,
  expectedVersion?: number,
): Promise<Activity> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  // Moving a record to another org needs the same reach as creating it there.
  if (input.orgId && input.orgId !== before.orgId) await loadWritableOrg(tx, user, input.orgId);
  const row = await versionedUpdate(tx, user, KIND, before, {
    ...input,
    occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
  });
  return toActivity(row);
}

export async function deleteActivity(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  expectedVersion?: number,
): Promise<Removal> {
  return versionedDelete(tx, user, KIND, await loadInScope(tx, user, KIND, id, expectedVersion));
}
