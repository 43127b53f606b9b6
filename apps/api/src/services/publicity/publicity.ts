// Publicity items (宣传报道): list, read, create, update, delete. Every check runs on the record as
// loaded from the database, and every change writes its audit event in the same transaction.
import type {
  CreatePublicityInput,
  PublicityItem,
  PublicityPage,
  PublicitySort,
  UpdatePublicityInput,
} from '@dutyboard/contracts/publicity';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { AuthUser } from '../auth/sessions.ts';
import { loadWritableOrg, orgIdsInScope } from '../orgs/scope.ts';
import { afterCursor, dayRange, orderBy, parseSort, toPage } from '../records/keyset.ts';
import { loadInScope, RECORD_KINDS } from '../records/registry.ts';
import { auditCreated, type Removal, versionedDelete, versionedUpdate } from '../records/writes.ts';

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

export interface ListPublicityParams {
  org?: string;
  level?: PublicityItem['level'];
  from?: string;
  to?: string;
  sort: PublicitySort;
  cursor?: string;
  limit: number;
}

const SORT_KINDS = { publishedAt: 'date', createdAt: 'date' } as const;

export async function listPublicity(
  prisma: PrismaClient,
  user: AuthUser,
  params: ListPublicityParams,
): Promise<PublicityPage> {
  const orgIds = await orgIdsInScope(prisma, user, params.org);
  const spec = parseSort(params.sort, SORT_KINDS);
  const publishedAt = dayRange(params.from, params.to);
  const where: Prisma.PublicityItemWhereInput = {
    orgId: { in: orgIds },
    ...(params.level ? { level: params.level } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(params.cursor ? { AND: [afterCursor(params.sort, spec, params.cursor)] } : {}),
  };
  const rows = await prisma.publicityItem.findMany({
    where,
    include: withOrg,
    orderBy: orderBy(spec),
    take: params.limit + 1,
  });
  return toPage(rows, params.limit, params.sort, spec, toPublicityItem);
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
  await loadWritableOrg(tx, user, input.orgId);
  const row = await tx.publicityItem.create({
    data: {
      orgId: input.orgId,
      outlet: input.outlet,
      level: input.level,
      title: input.title,
      url: input.url ?? null,
      publishedAt: new Date(input.publishedAt),
      createdById: user.id,
      updatedById: user.id,
    },
    include: withOrg,
  });
  await auditCreated(tx, user, KIND, row);
  return toPublicityItem(row);
}

export async function updatePublicityItem(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdatePublicityInput,
  expectedVersion?: number,
): Promise<PublicityItem> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  // Moving a record to another org needs the same reach as creating it there.
  if (input.orgId && input.orgId !== before.orgId) await loadWritableOrg(tx, user, input.orgId);
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
  return versionedDelete(tx, user, KIND, await loadInScope(tx, user, KIND, id, expectedVersion));
}
