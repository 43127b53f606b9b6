// User administration (ADMIN). Passwords are hashed here and never leave the server; the audit
// trail records what changed, without any hash.
import type { CreateUserInput, UpdateUserInput, User } from '@dutyboard/contracts/users';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import {
  AppError,
  fieldIssue,
  forbidden,
  isUniqueViolation,
  notFound,
  validationError,
} from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { reachesEverything, reachesOrg } from '../orgs/scope.ts';

const withOrg = { org: { select: { name: true } } } as const;
type UserRow = Prisma.UserGetPayload<{ include: typeof withOrg }>;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    orgId: row.orgId,
    orgName: row.org.name,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a user: never the password hash. */
function auditShape(row: UserRow) {
  const { passwordHash: _hash, org: _org, ...rest } = row;
  return rest;
}

const usernameTaken = () =>
  new AppError(
    'CONFLICT',
    { key: 'user.nameTaken' },
    { fields: [fieldIssue('username', 'taken', { key: 'user.nameTaken' })] },
  );

/**
 * The org a user is to be put in: it exists (400) and lies in the admin's subtree (403: a 街道
 * admin never creates or moves an account at the 区 or a sibling 街道).
 */
async function assertOrgManaged(tx: Prisma.TransactionClient, actor: AuthUser, orgId: string) {
  const org = await tx.orgUnit.findUnique({ where: { id: orgId }, select: { id: true, path: true } });
  if (!org) {
    throw new AppError(
      'VALIDATION_FAILED',
      { key: 'user.orgMissing' },
      {
        fields: [fieldIssue('orgId', 'not_found', { key: 'user.orgMissing' })],
      },
    );
  }
  if (!reachesOrg(actor, org)) throw forbidden({ key: 'org.outOfReach' });
}

/** The accounts of the admin's subtree. */
async function usersWhere(db: PrismaClient, actor: AuthUser): Promise<Prisma.UserWhereInput> {
  return (await reachesEverything(db, actor)) ? {} : { org: { path: { startsWith: actor.orgPath } } };
}

export async function listUsers(prisma: PrismaClient, actor: AuthUser): Promise<User[]> {
  const rows = await prisma.user.findMany({
    where: await usersWhere(prisma, actor),
    include: withOrg,
    orderBy: [{ role: 'asc' }, { username: 'asc' }],
  });
  return rows.map(toUser);
}

export async function createUser(prisma: PrismaClient, actor: AuthUser, input: CreateUserInput): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      await assertOrgManaged(tx, actor, input.orgId);
      const row = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          orgId: input.orgId,
          passwordHash,
        },
        include: withOrg,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'CREATE',
        entityType: 'User',
        entityId: row.id,
        orgId: row.orgId,
        after: auditShape(row),
      });
      return toUser(row);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? usernameTaken() : error;
  }
}

export async function updateUser(
  prisma: PrismaClient,
  actor: AuthUser,
  id: string,
  input: UpdateUserInput,
): Promise<User> {
  if (id === actor.id && (input.active === false || (input.role && input.role !== actor.role))) {
    throw new AppError('CONFLICT', { key: 'user.notOnSelf' });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id },
      include: { org: { select: { name: true, path: true } } },
    });
    if (!before || !reachesOrg(actor, { id: before.orgId, path: before.org.path })) throw notFound('User');
    if (input.password && input.password.toLowerCase() === before.username.toLowerCase()) {
      throw validationError([fieldIssue('password', 'same_as_username', { key: 'auth.passwordIsUsername' })]);
    }
    if (input.orgId) await assertOrgManaged(tx, actor, input.orgId);
    const row = await tx.user.update({
      where: { id },
      data: {
        displayName: input.displayName,
        role: input.role,
        orgId: input.orgId,
        active: input.active,
        passwordHash,
      },
      include: withOrg,
    });
    // A deactivated user, a new password, or a new role or org: every session of the user ends,
    // so nothing keeps acting with the old rights.
    const endsSessions =
      input.active === false ||
      passwordHash ||
      (input.role && input.role !== before.role) ||
      (input.orgId && input.orgId !== before.orgId);
    if (endsSessions) await tx.session.deleteMany({ where: { userId: id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'UPDATE',
      entityType: 'User',
      entityId: id,
      orgId: row.orgId,
      before: auditShape(before),
      after: { ...auditShape(row), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return toUser(row);
  });
}
