import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { ROLE_POLICY } from '@dutyboard/contracts/permissions';
import type { PrismaClient } from '@dutyboard/db/client';
import type { AuthUser } from '../auth/sessions.ts';

/** The orgs the user reaches, parents before children. */
export async function listOrgs(prisma: PrismaClient, user: AuthUser): Promise<OrgUnit[]> {
  const where = ROLE_POLICY[user.role].scope === 'ALL' ? {} : { path: { startsWith: user.orgPath } };
  const rows = await prisma.orgUnit.findMany({ where, orderBy: [{ path: 'asc' }] });
  rows.sort(
    (a, b) =>
      a.path.split('/').length - b.path.split('/').length || a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
  );
  return rows.map((o) => ({ id: o.id, code: o.code, name: o.name, kind: o.kind, parentId: o.parentId }));
}
