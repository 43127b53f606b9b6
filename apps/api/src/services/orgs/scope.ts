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
  return reachableOrg(user, await db.orgUnit.findUnique({ where: { id: orgId } }));
}

/** An org row read elsewhere (null: none), if the user may reach it; else the 404 above. */
export function reachableOrg<O extends { id: string; path: string }>(user: AuthUser, org: O | null | undefined): O {
  if (!org || !reachesOrg(user, org)) throw notFound('OrgUnit');
  return org;
}

/**
 * Loads the org a record is to be written to: 404 when it does not exist, 403 when it is outside
 * the user's reach (the user chose it in a form, so say plainly why it is refused).
 */
export async function loadWritableOrg(db: Db, user: AuthUser, orgId: string) {
  return writable(user, await db.orgUnit.findUnique({ where: { id: orgId } }));
}

/** An org as a create shows it (name) and checks its reach (path). */
export interface NamedOrg {
  id: string;
  name: string;
  path: string;
}

/** Orgs as creates last read them, per client; a cap keeps a city's tree at most. */
const namedOrgs = new WeakMap<Db, Map<string, NamedOrg>>();
const NAMED_ORGS_MAX = 50_000;

/**
 * The org a new record goes to, checked as loadWritableOrg does, with what the record's answer
 * shows of it (ADR 037). Unless `fresh`, the org as last read is used when it is in reach: the
 * create's own statement (record_insert) checks that the org still has that name and path, and
 * the create prepares again with `fresh` when it has not. Read in one raw statement otherwise.
 */
export async function loadWritableOrgName(db: Db, user: AuthUser, orgId: string, fresh = false): Promise<NamedOrg> {
  const known = namedOrgs.get(db) ?? new Map<string, NamedOrg>();
  namedOrgs.set(db, known);
  const remembered = fresh ? undefined : known.get(orgId);
  if (remembered && reachesOrg(user, remembered)) return remembered;
  const [org] = await db.$queryRaw<NamedOrg[]>`SELECT id, name, path FROM "OrgUnit" WHERE id = ${orgId}::uuid`;
  if (org) {
    if (known.size >= NAMED_ORGS_MAX) known.clear();
    known.set(orgId, org);
  } else known.delete(orgId);
  return writable(user, org ?? null);
}

function writable<Org extends { id: string; path: string }>(user: AuthUser, org: Org | null): Org {
  if (!org) throw notFound('OrgUnit');
  if (!reachesOrg(user, org)) throw forbidden({ key: 'auth.outOfReach' });
  return org;
}

/**
 * Ids of the orgs a list or aggregate may cover: the requested org's subtree (default: the user's
 * home org), or with `own` the org alone, always within the user's reach.
 */
export async function orgIdsInScope(
  db: Db,
  user: AuthUser,
  requestedOrgId?: string,
  own?: 'true' | undefined,
): Promise<string[]> {
  const root = await loadReachableOrg(db, user, requestedOrgId ?? user.orgId);
  if (own === 'true') return [root.id];
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
