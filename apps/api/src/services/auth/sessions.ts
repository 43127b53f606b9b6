// Server-side sessions in PostgreSQL: the cookie holds a random token, the table its SHA-256, so
// any number of API processes share sessions and a leaked table cannot be replayed.
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@dutyboard/contracts/permissions';
import type { PrismaClient } from '@dutyboard/db/client';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  /** Materialised path of the user's home org ("/root/…/orgId/"). */
  orgPath: string;
  sessionId: string;
}

// lastSeenAt is refreshed at most this often, so reads do not each cost a write.
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  prisma: PrismaClient,
  userId: string,
  policy: SessionPolicy,
  meta: { userAgent?: string; ip?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const expiresAt = new Date(now + policy.absoluteMs);
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip?.slice(0, 64) ?? null,
    },
  });
  return { token, expiresAt };
}

/** A session with its user and the user's org path, as findSessionUser reads them. */
interface SessionRow {
  lastSeenAt: Date;
  expiresAt: Date;
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  active: boolean;
  orgPath: string;
}

export type SessionLookup = { user: AuthUser } | { expired: true } | null;

export async function findSessionUser(
  prisma: PrismaClient,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionLookup> {
  const id = hashToken(token);
  // One statement, one round trip: every request of a signed-in user starts here (ADR 028).
  const [session] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."lastSeenAt", s."expiresAt", u.id, u.username, u."displayName", u.role::text AS role, u."orgId",
           u.active, o.path AS "orgPath"
      FROM "Session" s JOIN "User" u ON u.id = s."userId" JOIN "OrgUnit" o ON o.id = u."orgId"
     WHERE s.id = ${id}`;
  if (!session) return null;
  const idleUntil = session.lastSeenAt.getTime() + policy.idleMs;
  if (session.expiresAt <= now || idleUntil <= now.getTime() || !session.active) {
    await prisma.session.deleteMany({ where: { id } });
    return { expired: true };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  return {
    user: {
      id: session.id,
      username: session.username,
      displayName: session.displayName,
      role: session.role,
      orgId: session.orgId,
      orgPath: session.orgPath,
      sessionId: id,
    },
  };
}

export async function deleteSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

/** The caller's own live sessions, newest activity first; expired ones are left out. */
export async function listMySessions(prisma: PrismaClient, user: AuthUser, policy: SessionPolicy, now = new Date()) {
  const rows = await prisma.session.findMany({
    where: {
      userId: user.id,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - policy.idleMs) },
    },
    orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
  });
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    // Whichever comes first: the absolute end or the idle end if nothing more happens.
    expiresAt: new Date(Math.min(s.expiresAt.getTime(), s.lastSeenAt.getTime() + policy.idleMs)).toISOString(),
    userAgent: s.userAgent,
    ip: s.ip,
    current: s.id === user.sessionId,
  }));
}

/** Ends one of the caller's sessions; another user's (or an unknown) id ends nothing. */
export async function endMySession(prisma: PrismaClient, user: AuthUser, sessionId: string): Promise<boolean> {
  const { count } = await prisma.session.deleteMany({ where: { id: sessionId, userId: user.id } });
  return count > 0;
}

/** Ends every session of the caller except the one making the request ("退出其他设备"). */
export async function endMyOtherSessions(prisma: PrismaClient, user: AuthUser): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } });
  return count;
}
