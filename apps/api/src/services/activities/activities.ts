// Activities (主题活动): list, read, create, update, delete. Every check runs on the record as
// loaded from the database, and every change writes its audit event in the same transaction.
import type {
  Activity,
  ActivityPage,
  CreateActivityInput,
  ListActivitiesQuerySchema,
  UpdateActivityInput,
} from '@dutyboard/contracts/activities';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import type { AuthUser } from '../auth/sessions.ts';
import { orgIdsInScope } from '../orgs/scope.ts';
import { dayRange, keysetPage, sortKeyset } from '../records/keyset.ts';
import { loadInScope, RECORD_KINDS } from '../records/registry.ts';
import { createRecord, deleteInScope, loadForChange, type Removal, versionedUpdate } from '../records/writes.ts';

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

const SORT_KINDS = { occurredAt: 'date', createdAt: 'date', participants: 'int' } as const;

export async function listActivities(
  prisma: PrismaClient,
  user: AuthUser,
  params: z.output<typeof ListActivitiesQuerySchema>,
): Promise<ActivityPage> {
  const occurredAt = dayRange(params.from, params.to);
  const where: Prisma.ActivityWhereInput = {
    orgId: { in: await orgIdsInScope(prisma, user, params.org) },
    ...(params.category ? { category: params.category } : {}),
    ...(occurredAt ? { occurredAt } : {}),
  };
  return keysetPage(
    sortKeyset(params.sort, SORT_KINDS),
    where,
    params,
    (query) => prisma.activity.findMany({ ...query, include: withOrg }),
    (rows) => rows.map(toActivity),
  );
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
  const row = await createRecord(tx, user, KIND, {
    orgId: input.orgId,
    category: input.category,
    title: input.title,
    occurredAt: new Date(input.occurredAt),
    location: input.location ?? null,
    participants: input.participants,
    description: input.description ?? null,
  });
  return toActivity(row);
}

export async function updateActivity(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdateActivityInput,
  expectedVersion?: number,
): Promise<Activity> {
  const before = await loadForChange(tx, user, KIND, id, expectedVersion, input);
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
  return deleteInScope(tx, user, KIND, id, expectedVersion);
}
