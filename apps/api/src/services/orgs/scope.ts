// What part of the org tree a user reaches. The role's scope comes from the policy table; the
// tree test is a prefix match on the materialised path ("/district/street/branch/"). Every role
// reaches its home org's subtree (ADR 035): a 街道 user never a sibling 街道, a 区 user all its 街道.
import { ROLE_POLICY } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { forbidden, notFound } from '../../errors/app-error.ts';
import type { AuthUser } from '../auth/sessions.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export function reachesOrg(user: AuthUser, org: { id: string; path: string }): boolean {
  if (ROLE_POLICY[user.role].scope === 'ALL') return true;
  return org.path.startsWith(user.orgPath);
}

/** Loads an org the user may reach, or fails with 404 (another branch is not revealed). */
export async function loadReachableOrg(db: Db, user: AuthUser, orgId: string) {
  const org = await db.orgUnit.findUnique({ where: { id: orgId } });
  if (!org || !reachesOrg(user, org)) throw notFound('OrgUnit');
  return org;
}

/**
 * Loads the org a record is to be written to: 404 when it does not exist, 403 when it is outside
 * the user's reach (the user chose it in a form, so say plainly why it is refused).
 */
export async function loadWritableOrg(db: Db, user: AuthUser, orgId: string) {
  const org = await db.orgUnit.findUnique({ where: { id: orgId } });
  if (!org) throw notFound('OrgUnit');
  if (!reachesOrg(user, org)) throw forbidden({ key: 'auth.outOfReach' });
  return org;
}

/**
 * Ids of the orgs a list or aggregate may cover: the requested org's subtree (default: the user's
 * home org), always within the user's reach.
 */
export async function orgIdsInScope(db: Db, user: AuthUser, requestedOrgId?: string): Promise<string[]> {
  const root = await loadReachableOrg(db, user, requestedOrgId ?? user.orgId);
  const orgs = await db.orgUnit.findMany({ where: { path: { startsWith: root.path } }, select: { id: true } });
  return orgs.map((o) => o.id);
}

/**
 * Whether the user reaches every org there is: a scope of ALL, or a home org that is the one root
 * of the tree. Such a reader also sees what belongs to no org (sign-ins, refusals) and needs no
 * list of ids to filter by.
 */
export async function reachesEverything(db: Db, user: AuthUser): Promise<boolean> {
  if (ROLE_POLICY[user.role].scope === 'ALL') return true;
  if (user.orgPath !== `/${user.orgId}/`) return false;
  const roots = await db.orgUnit.findMany({ where: { parentId: null }, select: { id: true }, take: 2 });
  return roots.length === 1 && roots[0]?.id === user.orgId;
}
