// Publicity items (宣传报道): list, read, create, update, delete. Every check runs on the record as
// loaded from the database, and every change writes its audit event in the same transaction.
import type {
  CreatePublicityInput,
  ListPublicityQuerySchema,
  PublicityItem,
  PublicityPage,
  UpdatePublicityInput,
} from '@dutyboard/contracts/publicity';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import type { AuthUser } from '../auth/sessions.ts';
import { orgIdsInScope } from '../orgs/scope.ts';
import { dayRange, keysetPage, sortKeyset } from '../records/keyset.ts';
import { loadInScope, RECORD_KINDS } from '../records/registry.ts';
import { createRecord, deleteInScope, loadForChange, type Removal, versionedUpdate } from '../records/writes.ts';

const withOrg = { org: { select: { name: true, path: true } } } as const;
type PublicityRow = Prisma.PublicityItemGetPayload<{ include: typeof withOrg }>;

export function toPublicityItem(row: PublicityRow): PublicityItem {
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    outlet: row.outlet,
    level: row.level,
    title: row.title,
    url: row.url,
    publishedAt: row.publishedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const SORT_KINDS = { publishedAt: 'date', createdAt: 'date' } as const;

export async function listPublicity(
  prisma: PrismaClient,
  user: AuthUser,
  params: z.output<typeof ListPublicityQuerySchema>,
): Promise<PublicityPage> {
  const publishedAt = dayRange(params.from, params.to);
  const where: Prisma.PublicityItemWhereInput = {
    orgId: { in: await orgIdsInScope(prisma, user, params.org) },
    ...(params.level ? { level: params.level } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
  return keysetPage(
    sortKeyset(params.sort, SORT_KINDS),
    where,
    params,
    (query) => prisma.publicityItem.findMany({ ...query, include: withOrg }),
    (rows) => rows.map(toPublicityItem),
  );
}

const KIND = RECORD_KINDS.PublicityItem;

export async function getPublicityItem(prisma: PrismaClient, user: AuthUser, id: string): Promise<PublicityItem> {
  return toPublicityItem(await loadInScope(prisma, user, KIND, id));
}

/** Runs inside the caller's transaction (see plugins/write.ts). */
export async function createPublicityItem(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: CreatePublicityInput,
): Promise<PublicityItem> {
  const row = await createRecord(tx, user, KIND, {
    orgId: input.orgId,
    outlet: input.outlet,
    level: input.level,
    title: input.title,
    url: input.url ?? null,
    publishedAt: new Date(input.publishedAt),
  });
  return toPublicityItem(row);
}

export async function updatePublicityItem(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdatePublicityInput,
  expectedVersion?: number,
): Promise<PublicityItem> {
  const before = await loadForChange(tx, user, KIND, id, expectedVersion, input);
  const row = await versionedUpdate(tx, user, KIND, before, {
    ...input,
    publishedAt: input.publishedAt ? new Date(input.publishedAt) : undefined,
  });
  return toPublicityItem(row);
}

export async function deletePublicityItem(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  expectedVersion?: number,
): Promise<Removal> {
  return deleteInScope(tx, user, KIND, id, expectedVersion);
}
