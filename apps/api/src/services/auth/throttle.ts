// Sign-in throttling (OWASP ASVS 2.2.1), kept in PostgreSQL (`LoginAttempt`), so every API process
// sees the same counts.
//
// - Per account: after `accountMax` failures for one username within the window, that username is
//   refused until the oldest of those failures leaves the window. A successful sign-in of the
//   account starts its count afresh (failures before it no longer count).
// - Per IP: after `ipMax` failures from one address within the window, that address is refused
//   likewise. A successful sign-in does NOT reset it: an attacker holding one valid account must not
//   be able to reset the counter between guesses at other accounts.
// - A password change's current password is a sign-in for this purpose: same counters, same limits.
//
// One atomic step: `reserveLoginAttempt` takes a transaction-level advisory lock on the account's
// key, then on the address's key (always in that order, so two attempts cannot deadlock), counts,
// and — below both limits — inserts the attempt BEFORE the password is checked. Reservations count
// against the limits, so however many guesses arrive at once, at most `accountMax` (and `ipMax`)
// of them are ever checked while they fail. An attempt that finds the limit filled by checks still
// running waits for them (polling, no lock held, up to 10 s) instead of being refused: parallel
// right passwords all pass; parallel guesses are refused once the first ones have failed
// (`loginFailed`). A check undecided after 30 s (its process died) counts as a failure.
//
// Refusals are not counted (the refusal ends when the message says) and each address gets at most
// one LOGIN_THROTTLED audit event per window (`LoginThrottleNotice`, claimed by one upsert), so a
// flood of refused attempts over many usernames cannot grow the hash-chained audit trail.
//
// Times come from the database clock.
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { Prisma as PrismaValues } from '@dutyboard/db/generated/prisma/client';
import { recordAudit } from '../audit/audit.ts';

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

export type Reservation = { ok: true; attemptId: bigint } | { ok: false; throttled: Throttled };

/** Advisory-lock classes (two int4 keys, apart from the audit chain's 1635083380): "logi", "logp". */
const ACCOUNT_LOCK = 1819240297;
const IP_LOCK = 1819240304;
const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
/** An attempt still undecided after this long is counted as a failure: its process died. */
const STALE_SECONDS = 30;
/** How long an attempt waits for undecided ones to finish before it is refused anyway. */
const WAIT_MS = 10_000;
const POLL_MS = 40;

type Row = { until: Date; seconds: number };
type Step = Reservation | { wait: Throttled };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reserves one password check for this username and address, or answers the refusal in force.
 * Usernames compare case-insensitively. Failures already decided refuse at once (and write the
 * address's LOGIN_THROTTLED event when it has none in the window, `via` saying which route was
 * refused); when it is checks still running that fill the limit, the attempt waits for them
 * (polling, no lock held) — so parallel right passwords all pass, and parallel guesses are refused
 * once the first `accountMax` of them have failed.
 */
export async function reserveLoginAttempt(
  prisma: PrismaClient,
  policy: ThrottlePolicy,
  username: string,
  ip: string | undefined,
  via: 'sign-in' | 'password-change' = 'sign-in',
): Promise<Reservation> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const step = await reserveStep(prisma, policy, username, ip, via, Date.now() >= deadline);
    if (!('wait' in step)) return step;
    await sleep(POLL_MS);
  }
}

async function reserveStep(
  prisma: PrismaClient,
  policy: ThrottlePolicy,
  username: string,
  ip: string | undefined,
  via: string,
  waitedEnough: boolean,
): Promise<Step> {
  const user = username.toLowerCase();
  const window = policy.windowMinutes;
  return prisma.$transaction(async (tx) => {
    // Each lock in a statement of its own: a statement's snapshot is taken when it starts, so the
    // counts below (later statements) see every attempt committed by the lock's previous holder.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${user}))`;
    if (ip) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IP_LOCK}::int, hashtext(${ip}))`;
    // Per counter: the max-th most recent failure in the window (decided, or undecided for too
    // long) — while it exists the counter is at its limit, until that failure leaves the window —
    // and the same counting the checks still running.
    const limit = async (
      scope: Throttled['scope'],
      max: number,
    ): Promise<{ refused?: Throttled; full?: Throttled }> => {
      const where =
        scope === 'account'
          ? PrismaValues.sql`username = ${user} AND NOT "accountCleared"`
          : PrismaValues.sql`ip = ${ip ?? null}`;
      const rows = await tx.$queryRaw<(Row & { decided: boolean })[]>`
        SELECT at + make_interval(mins => ${window}::int) AS until,
               EXTRACT(EPOCH FROM (at + make_interval(mins => ${window}::int) - clock_timestamp()))::float8 AS seconds,
               (decided OR at < clock_timestamp() - make_interval(secs => ${STALE_SECONDS}::int)) AS decided
        FROM "LoginAttempt"
        WHERE ${where} AND NOT succeeded AND at > clock_timestamp() - make_interval(mins => ${window}::int)
        ORDER BY at DESC`;
      const failures = rows.filter((r) => r.decided);
      const refusedRow = failures[max - 1];
      const fullRow = rows[max - 1];
      return {
        refused: refusedRow ? refusal(scope, refusedRow) : undefined,
        full: fullRow ? refusal(scope, fullRow) : undefined,
      };
    };
    const account = await limit('account', policy.accountMax);
    const byIp = ip ? await limit('ip', policy.ipMax) : {};
    const refused = account.refused ?? byIp.refused;
    const full = account.full ?? byIp.full;
    const throttled = refused ?? (full && waitedEnough ? full : undefined);
    if (throttled) {
      await auditRefusalOnce(tx, window, { username, ip, via, throttled });
      return { ok: false, throttled };
    }
    if (full) return { wait: full };
    const [row] = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "LoginAttempt" (at, username, ip) VALUES (clock_timestamp(), ${user}, ${ip ?? null}) RETURNING id`;
    if (!row) throw new Error('no LoginAttempt row inserted');
    return { ok: true, attemptId: row.id };
  }, TX_OPTIONS);
}

/** The reserved check failed: it counts as a failure for both counters (and waiters stop waiting). */
export async function loginFailed(prisma: PrismaClient, attemptId: bigint): Promise<void> {
  await prisma.$executeRaw`UPDATE "LoginAttempt" SET decided = true WHERE id = ${attemptId}`;
}

/**
 * The reserved check passed: the attempt counts for neither counter, and the account's earlier
 * attempts no longer count for the account (they still do for their addresses).
 */
export async function loginSucceeded(prisma: PrismaClient, attemptId: bigint, username: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "LoginAttempt" SET succeeded = (id = ${attemptId}), decided = decided OR id = ${attemptId},
           "accountCleared" = true
    WHERE username = ${username.toLowerCase()} AND id <= ${attemptId} AND NOT "accountCleared"`;
}

/** Attempts and notices older than a day (the longest window) are dropped; run hourly. */
export async function pruneLoginAttempts(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "LoginAttempt" WHERE at < now() - interval '1 day'`;
  await prisma.$executeRaw`DELETE FROM "LoginThrottleNotice" WHERE at < now() - interval '1 day'`;
}

function refusal(scope: Throttled['scope'], row: Row): Throttled {
  return { scope, retryAt: row.until, retryAfterSeconds: Math.max(1, Math.ceil(Number(row.seconds))) };
}

/**
 * One LOGIN_THROTTLED event per address per window: the notice row is claimed by one upsert (only
 * when the address has none, or its last is older than the window), and the event is written in
 * the same transaction, so parallel refusals from one address write one event between them.
 */
async function auditRefusalOnce(
  tx: Prisma.TransactionClient,
  window: number,
  refused: { username: string; ip: string | undefined; via: string; throttled: Throttled },
): Promise<void> {
  const key = refused.ip ?? '';
  const claimed = await tx.$queryRaw<unknown[]>`
    INSERT INTO "LoginThrottleNotice" (ip, at) VALUES (${key}, clock_timestamp())
    ON CONFLICT (ip) DO UPDATE SET at = EXCLUDED.at
    WHERE "LoginThrottleNotice".at <= clock_timestamp() - make_interval(mins => ${window}::int)
    RETURNING ip`;
  if (claimed.length === 0) return;
  const { throttled } = refused;
  await recordAudit(tx, {
    actorId: null,
    action: 'LOGIN_THROTTLED',
    entityType: 'User',
    entityId: null,
    after: {
      username: refused.username,
      ip: refused.ip ?? null,
      scope: throttled.scope,
      until: throttled.retryAt,
      ...(refused.via === 'sign-in' ? {} : { via: refused.via }),
    },
  });
}
