import type { CreateOrgInput, OrgUnit, UpdateOrgInput } from '@dutyboard/contracts/orgs';
import { ROLE_POLICY } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';

type OrgUnitRow = Prisma.OrgUnitGetPayload<object>;

import { AppError, fieldIssue, isUniqueViolation, notFound } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';

/** The orgs the user reaches, parents before children. */
export async function listOrgs(prisma: PrismaClient, user: AuthUser): Promise<OrgUnit[]> {
  const where = ROLE_POLICY[user.role].scope === 'ALL' ? {} : { path: { startsWith: user.orgPath } };
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

/** Adds an org under its parent (or a new street committee as a root). ADMIN only. */
export async function createOrg(prisma: PrismaClient, actor: AuthUser, input: CreateOrgInput): Promise<OrgUnit> {
  try {
    return await prisma.$transaction(async (tx) => {
      const parent = input.parentId ? await tx.orgUnit.findUnique({ where: { id: input.parentId } }) : null;
      if (input.parentId && !parent) {
        throw new AppError(
          'VALIDATION_FAILED',
          { key: 'org.parentMissing' },
          {
            fields: [fieldIssue('parentId', 'not_found', { key: 'org.parentMissing' })],
          },
        );
      }
      const id = crypto.randomUUID();
      const row = await tx.orgUnit.create({
        data: {
          id,
          code: input.code,
          name: input.name,
          kind: input.kind,
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? '/'}${id}/`,
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

export async function updateOrg(
  prisma: PrismaClient,
  actor: AuthUser,
  id: string,
  input: UpdateOrgInput,
): Promise<OrgUnit> {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.orgUnit.findUnique({ where: { id } });
      if (!before) throw notFound('OrgUnit');
      const row = await tx.orgUnit.update({ where: { id }, data: input });
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
