// The org tree (ADMIN): list, add under a parent, rename, move under another parent. Which kind
// may sit under which is ORG_KIND_RULES (contracts/orgs.ts); an admin works inside the subtree of
// its home org only (ADR 035).
import {
  type CreateOrgInput,
  type OrgKind,
  type OrgUnit,
  parentAllowed,
  type UpdateOrgInput,
} from '@dutyboard/contracts/orgs';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { AppError, fieldIssue, forbidden, isUniqueViolation, validationError } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { escapeLike } from '../metrics/records.ts';
import { loadReachableOrg, reachesEverything, reachesOrg } from './scope.ts';

type OrgUnitRow = Prisma.OrgUnitGetPayload<object>;
type Tx = Prisma.TransactionClient;

/** The orgs the user reaches, parents before children. */
export async function listOrgs(prisma: PrismaClient, user: AuthUser): Promise<OrgUnit[]> {
  const where = (await reachesEverything(prisma, user)) ? {} : { path: { startsWith: user.orgPath } };
  const rows = await prisma.orgUnit.findMany({ where, orderBy: [{ path: 'asc' }] });
  rows.sort(
    (a, b) =>
      a.path.split('/').length - b.path.split('/').length || a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
  );
  return rows.map(toOrgUnit);
}

export function toOrgUnit(o: OrgUnitRow): OrgUnit {
  return { id: o.id, code: o.code, name: o.name, kind: o.kind, parentId: o.parentId, sortOrder: o.sortOrder };
}

const codeTaken = () =>
  new AppError(
    'CONFLICT',
    { key: 'org.codeTaken' },
    { fields: [fieldIssue('code', 'taken', { key: 'org.codeTaken' })] },
  );

/**
 * The parent an org is to be put under, checked: it exists (400), the actor manages it (403: the
 * admin chose it), it is not the moving org nor below it (400), and the kind may sit under it (400).
 */
async function checkedParent(
  tx: Tx,
  actor: AuthUser,
  parentId: string,
  kind: OrgKind,
  moving?: { path: string },
): Promise<OrgUnitRow> {
  const parent = await tx.orgUnit.findUnique({ where: { id: parentId } });
  if (!parent) {
    throw validationError([fieldIssue('parentId', 'not_found', { key: 'org.parentMissing' })], {
      key: 'org.parentMissing',
    });
  }
  if (!reachesOrg(actor, parent)) throw forbidden({ key: 'org.outOfReach' });
  if (moving && parent.path.startsWith(moving.path)) {
    const said = { key: 'org.moveIntoOwnSubtree' } as const;
    throw validationError([fieldIssue('parentId', 'cycle', said)], said);
  }
  if (!parentAllowed(kind, parent.kind)) {
    const said = { key: 'org.parentKindNotAllowed', params: { kind, parentKind: parent.kind } } as const;
    throw validationError([fieldIssue('parentId', 'kind_not_allowed', said)], said);
  }
  return parent;
}

/**
 * Adds an org under a parent the admin manages. A new root is not made here: it would stand
 * outside every admin's subtree (roots come with the installation: the seed or a bulk load).
 */
export async function createOrg(prisma: PrismaClient, actor: AuthUser, input: CreateOrgInput): Promise<OrgUnit> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (input.parentId === null) {
        throw validationError([fieldIssue('parentId', 'required', { key: 'org.parentRequired' })], {
          key: 'org.parentRequired',
        });
      }
      const parent = await checkedParent(tx, actor, input.parentId, input.kind);
      const id = crypto.randomUUID();
      const row = await tx.orgUnit.create({
        data: {
          id,
          code: input.code,
          name: input.name,
          kind: input.kind,
          parentId: parent.id,
          path: `${parent.path}${id}/`,
          sortOrder: input.sortOrder ?? 0,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'CREATE',
        entityType: 'OrgUnit',
        entityId: id,
        orgId: id,
        after: row,
      });
      return toOrgUnit(row);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? codeTaken() : error;
  }
}

/** Every tree move waits for the one before it, so two crossing moves cannot make a cycle. */
const MOVE_LOCK = 0x6f72_6773; // "orgs"

/**
 * Puts the org under another parent: its own row (whose rollup trigger moves the subtree's counts
 * from the old ancestors to the new ones, migration 20261125012530_count_rollups) and the path of
 * every org below it, in the caller's transaction.
 */
async function moveOrg(tx: Tx, actor: AuthUser, org: OrgUnitRow, parentId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${MOVE_LOCK})`;
  const current = await tx.orgUnit.findUniqueOrThrow({ where: { id: org.id } });
  const parent = await checkedParent(tx, actor, parentId, current.kind, current);
  const path = `${parent.path}${current.id}/`;
  const moved = await tx.orgUnit.update({ where: { id: current.id }, data: { parentId: parent.id, path } });
  await tx.$executeRaw`
    UPDATE "OrgUnit" SET path = ${path} || substr(path, ${current.path.length + 1})
    WHERE path LIKE ${`${escapeLike(current.path)}%`} AND id <> ${current.id}::uuid`;
  return moved;
}

/**
 * Renames, reorders or moves an org the admin manages (another branch's org answers 404). A move
 * is audited as this org's change of parent and path; the paths below follow from it.
 */
export async function updateOrg(
  prisma: PrismaClient,
  actor: AuthUser,
  id: string,
  input: UpdateOrgInput,
): Promise<OrgUnit> {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await loadReachableOrg(tx, actor, id);
      const { parentId, ...fields } = input;
      const moving = parentId !== undefined && parentId !== before.parentId;
      if (moving) await moveOrg(tx, actor, before, parentId);
      const row =
        Object.keys(fields).length > 0 || !moving
          ? await tx.orgUnit.update({ where: { id }, data: fields })
          : await tx.orgUnit.findUniqueOrThrow({ where: { id } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'UPDATE',
        entityType: 'OrgUnit',
        entityId: id,
        orgId: id,
        before,
        after: row,
      });
      return toOrgUnit(row);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? codeTaken() : error;
  }
}
