// Sign-in, sign-out and "who am I".
import type { LoginInput, Me } from '@dutyboard/contracts/auth';
import { ROLE_POLICY } from '@dutyboard/contracts/permissions';
import type { PrismaClient } from '@dutyboard/db/client';
import { AppError } from '../../plugins/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { toOrgUnit } from '../orgs/orgs.ts';
import { verifyPassword } from './passwords.ts';
import { type AuthUser, createSession, deleteSession, type SessionPolicy } from './sessions.ts';

export async function signIn(
  prisma: PrismaClient,
  policy: SessionPolicy,
  input: LoginInput,
  meta: { userAgent?: string; ip?: string },
): Promise<{ token: string; expiresAt: Date; me: Me }> {
  const user = await prisma.user.findUnique({ where: { username: input.username }, include: { org: true } });
  const ok = await verifyPassword(user?.active ? user.passwordHash : null, input.password);
  if (!user || !ok) {
    await recordAudit(prisma, {
      actorId: user?.id ?? null,
      action: 'LOGIN_FAILED',
      entityType: 'User',
      entityId: user?.id ?? null,
      after: { username: input.username, ip: meta.ip ?? null },
    });
    throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误', 401);
  }
  const { token, expiresAt } = await createSession(prisma, user.id, policy, meta);
  await recordAudit(prisma, {
    actorId: user.id,
    action: 'LOGIN',
    entityType: 'User',
    entityId: user.id,
    orgId: user.orgId,
    after: { ip: meta.ip ?? null },
  });
  return {
    token,
    expiresAt,
    me: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      org: toOrgUnit(user.org),
      permissions: [...ROLE_POLICY[user.role].actions],
    },
  };
}

export async function signOut(prisma: PrismaClient, user: AuthUser): Promise<void> {
  await deleteSession(prisma, user.sessionId);
  await recordAudit(prisma, {
    actorId: user.id,
    action: 'LOGOUT',
    entityType: 'User',
    entityId: user.id,
    orgId: user.orgId,
  });
}

export async function getMe(prisma: PrismaClient, user: AuthUser): Promise<Me> {
  const org = await prisma.orgUnit.findUniqueOrThrow({ where: { id: user.orgId } });
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    org: toOrgUnit(org),
    permissions: [...ROLE_POLICY[user.role].actions],
  };
}
