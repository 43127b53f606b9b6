// Sign-in (throttled, every result audited), sign-out and "who am I".
import type { ChangePasswordInput, LoginInput, Me } from '@dutyboard/contracts/auth';
import { ROLE_POLICY } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { AppError, fieldIssue, notFound, validationError } from '../../errors/app-error.ts';
import { type AuditAction, recordAudit } from '../audit/audit.ts';
import { toOrgUnit } from '../orgs/orgs.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import {
  type AuthUser,
  createSession,
  deleteSession,
  endMyOtherSessions,
  endMySession,
  type SessionPolicy,
} from './sessions.ts';
import { loginFailed, loginSucceeded, reserveLoginAttempt, type Throttled, type ThrottlePolicy } from './throttle.ts';

/** "14:05" in Asia/Shanghai (UTC+8 all year, no daylight saving). */
function shanghaiClock(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** The 429 a throttled sign-in gets: says when to try again; the route sets Retry-After from it. */
export function throttledError(throttled: Throttled): AppError {
  const minutes = Math.ceil(throttled.retryAfterSeconds / 60);
  return new AppError(
    'RATE_LIMITED',
    { key: 'auth.throttled', params: { who: throttled.scope, minutes, clock: shanghaiClock(throttled.retryAt) } },
    { retryAfterSeconds: throttled.retryAfterSeconds, scope: throttled.scope },
  );
}

export async function signIn(
  prisma: PrismaClient,
  policy: SessionPolicy & { throttle: ThrottlePolicy },
  input: LoginInput,
  meta: { userAgent?: string; ip?: string },
): Promise<{ token: string; expiresAt: Date; me: Me }> {
  // The attempt is reserved (counted) before the password is checked, in one atomic step, so
  // parallel guesses cannot pass the limit; a throttled guess learns nothing and costs no argon2.
  const reservation = await reserveLoginAttempt(prisma, policy.throttle, input.username, meta.ip);
  if (!reservation.ok) throw throttledError(reservation.throttled);
  const user = await prisma.user.findUnique({ where: { username: input.username }, include: { org: true } });
  const ok = await verifyPassword(user?.active ? user.passwordHash : null, input.password);
  if (!user || !ok) {
    await loginFailed(prisma, reservation.attemptId);
    await recordAudit(prisma, {
      actorId: user?.id ?? null,
      action: 'LOGIN_FAILED',
      entityType: 'User',
      entityId: user?.id ?? null,
      after: { username: input.username, ip: meta.ip ?? null },
    });
    throw new AppError('INVALID_CREDENTIALS', { key: 'auth.wrongCredentials' });
  }
  await loginSucceeded(prisma, reservation.attemptId, input.username);
  const { token, expiresAt } = await createSession(prisma, user.id, policy, meta);
  await auditOwnAccount(prisma, user, 'LOGIN', { ip: meta.ip ?? null });
  return { token, expiresAt, me: toMe(user, user.org) };
}

/** Who I am, as /api/me and the sign-in answer say it. */
function toMe(
  user: Pick<AuthUser, 'id' | 'username' | 'displayName' | 'role'>,
  org: Parameters<typeof toOrgUnit>[0],
): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    org: toOrgUnit(org),
    permissions: [...ROLE_POLICY[user.role].actions],
  };
}

/** An event on the user's own account (sign-in, sign-out, sessions ended, password), audited in their org. */
function auditOwnAccount(
  db: PrismaClient | Prisma.TransactionClient,
  user: { id: string; orgId: string },
  action: AuditAction,
  after?: Record<string, unknown>,
): Promise<void> {
  return recordAudit(db, {
    actorId: user.id,
    action,
    entityType: 'User',
    entityId: user.id,
    orgId: user.orgId,
    ...(after ? { after } : {}),
  });
}

export async function signOut(prisma: PrismaClient, user: AuthUser): Promise<void> {
  await deleteSession(prisma, user.sessionId);
  await auditOwnAccount(prisma, user, 'LOGOUT');
}

/**
 * Ends one of my sessions (signed out on that device). Ending the current one is a sign-out; the
 * route then clears the cookie. Someone else's session id answers 404, as if it did not exist.
 */
export async function endSession(
  prisma: PrismaClient,
  user: AuthUser,
  sessionId: string,
): Promise<{ current: boolean }> {
  if (sessionId === user.sessionId) {
    await signOut(prisma, user);
    return { current: true };
  }
  if (!(await endMySession(prisma, user, sessionId))) throw notFound('Session');
  await auditOwnAccount(prisma, user, 'LOGOUT', { ended: 1, scope: 'one' });
  return { current: false };
}

/** 退出其他设备: every session of mine but this one ends. */
export async function endOtherSessions(prisma: PrismaClient, user: AuthUser): Promise<{ ended: number }> {
  const ended = await endMyOtherSessions(prisma, user);
  await auditOwnAccount(prisma, user, 'LOGOUT', { ended, scope: 'others' });
  return { ended };
}

/**
 * 修改密码: my own password, after proving the current one. The new one follows the admin rule
 * (≥ 12 characters by the schema; not the username, case-insensitive, here). Every other session
 * of mine ends, so a device that knew the old password is signed out; this one stays. The audit
 * event says the password changed, never what to.
 */
export async function changeOwnPassword(
  prisma: PrismaClient,
  user: AuthUser,
  input: ChangePasswordInput,
  throttle: { policy: ThrottlePolicy; ip?: string },
): Promise<{ ended: number }> {
  const row = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { username: true, passwordHash: true },
  });
  // Checking the current password is a sign-in attempt: same counters and limits, so a stolen
  // session cannot be used as an unthrottled password oracle. A wrong one is audited LOGIN_FAILED.
  const reservation = await reserveLoginAttempt(prisma, throttle.policy, row.username, throttle.ip, 'password-change');
  if (!reservation.ok) throw throttledError(reservation.throttled);
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await loginFailed(prisma, reservation.attemptId);
    await auditOwnAccount(prisma, user, 'LOGIN_FAILED', {
      username: row.username,
      ip: throttle.ip ?? null,
      via: 'password-change',
    });
    throw validationError([fieldIssue('currentPassword', 'incorrect', { key: 'auth.wrongCurrentPassword' })], {
      key: 'auth.wrongCurrentPassword',
    });
  }
  await loginSucceeded(prisma, reservation.attemptId, row.username);
  if (input.newPassword.toLowerCase() === row.username.toLowerCase()) {
    throw validationError([fieldIssue('newPassword', 'custom', { key: 'auth.passwordIsUsername' })]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } });
    await auditOwnAccount(tx, user, 'UPDATE', { passwordChanged: true, sessionsEnded: count });
    return { ended: count };
  });
}

export async function getMe(prisma: PrismaClient, user: AuthUser): Promise<Me> {
  return toMe(user, await prisma.orgUnit.findUniqueOrThrow({ where: { id: user.orgId } }));
}
