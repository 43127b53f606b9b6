// Sign-in throttling (OWASP ASVS 2.2.1), counted from the audit trail's LOGIN_FAILED events in
// PostgreSQL, so every API process sees the same counts and no extra table is needed.
//
// - Per account: after `accountMax` failures for one username within the window, that username is
//   refused until the oldest of those failures leaves the window. A successful sign-in of the
//   account starts its count afresh (failures before it no longer count).
// - Per IP: after `ipMax` failures from one address within the window, that address is refused
//   likewise. A successful sign-in does NOT reset it: an attacker holding one valid account must not
//   be able to reset the counter between guesses at other accounts.
//
// Times come from the database clock, the same clock the audit events are stamped with.
// Known limit: the count is read before the password is checked, so N attempts sent at the very
// same moment can each pass the check (at most N − 1 guesses beyond the limit, once per window).
import type { PrismaClient } from '@dutyboard/db/client';

export interface ThrottlePolicy {
  accountMax: number;
  ipMax: number;
  windowMinutes: number;
}

export interface Throttled {
  /** Which counter refused: the account's or the address's. */
  scope: 'account' | 'ip';
  /** Whole seconds until the next attempt can be counted (≥ 1). */
  retryAfterSeconds: number;
  /** The instant the refusal ends. */
  retryAt: Date;
}

/**
 * The refusal in force for this username or address, or null when a sign-in may be tried.
 * Usernames compare case-insensitively, so "SecA" and "seca" share one counter.
 */
export async function loginThrottle(
  prisma: PrismaClient,
  policy: ThrottlePolicy,
  username: string,
  ip: string | undefined,
): Promise<Throttled | null> {
  const window = policy.windowMinutes;
  // The accountMax-th most recent failure still in the window (after the last successful
  // sign-in): while it exists the account is at its limit, until that failure leaves the window.
  const [account] = await prisma.$queryRaw<{ until: Date; seconds: number }[]>`
    WITH since AS (
      SELECT GREATEST(
        now() - make_interval(mins => ${window}::int),
        COALESCE((
          SELECT max(e.at) FROM "AuditEvent" e JOIN "User" u ON e."entityId" = u.id::text
          WHERE e.action = 'LOGIN' AND lower(u.username) = lower(${username})
            AND e.at > now() - make_interval(mins => ${window}::int)
        ), '-infinity'::timestamptz)
      ) AS t
    )
    SELECT f.at + make_interval(mins => ${window}::int) AS until,
           EXTRACT(EPOCH FROM (f.at + make_interval(mins => ${window}::int) - now()))::float8 AS seconds
    FROM "AuditEvent" f, since
    WHERE f.action = 'LOGIN_FAILED' AND f.at > since.t AND lower(f.after->>'username') = lower(${username})
    ORDER BY f.at DESC OFFSET ${policy.accountMax - 1}::int LIMIT 1`;
  if (account) return refusal('account', account);
  if (!ip) return null;
  const [byIp] = await prisma.$queryRaw<{ until: Date; seconds: number }[]>`
    SELECT f.at + make_interval(mins => ${window}::int) AS until,
           EXTRACT(EPOCH FROM (f.at + make_interval(mins => ${window}::int) - now()))::float8 AS seconds
    FROM "AuditEvent" f
    WHERE f.action = 'LOGIN_FAILED' AND f.at > now() - make_interval(mins => ${window}::int)
      AND f.after->>'ip' = ${ip}
    ORDER BY f.at DESC OFFSET ${policy.ipMax - 1}::int LIMIT 1`;
  return byIp ? refusal('ip', byIp) : null;
}

function refusal(scope: Throttled['scope'], row: { until: Date; seconds: number }): Throttled {
  return { scope, retryAt: row.until, retryAfterSeconds: Math.max(1, Math.ceil(Number(row.seconds))) };
}

/** Has a LOGIN_THROTTLED event for this username and address been written within the window? */
export async function throttleAlreadyAudited(
  prisma: PrismaClient,
  policy: ThrottlePolicy,
  username: string,
  ip: string | undefined,
): Promise<boolean> {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT 1 FROM "AuditEvent"
    WHERE action = 'LOGIN_THROTTLED' AND at > now() - make_interval(mins => ${policy.windowMinutes}::int)
      AND lower(after->>'username') = lower(${username}) AND (after->>'ip') IS NOT DISTINCT FROM ${ip ?? null}::text
    LIMIT 1`;
  return rows.length > 0;
}
