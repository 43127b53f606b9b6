// Every change runs through runWrite: one database transaction for the change and its audit
// event, and, for a POST that carries an Idempotency-Key, the stored answer in that same
// transaction. So a retry (a double tap on "save", a lost answer on a bad connection, a crash
// after commit) gets the first answer again and never a second record:
//   same key, same request  → the first status and body again (header Idempotency-Replayed: true)
//   same key, other request → 422 IDEMPOTENCY_MISMATCH
//   same key, still running → 409 IDEMPOTENCY_IN_PROGRESS (a transaction-scoped advisory lock)
// A request that fails stores nothing, so its retry runs again. Keys are per user.
// A create that a service prepares in full (records/writes.ts prepareCreate) goes through
// runCreate instead: the same rules, with the key's lock, lookup, the insert, the stored answer
// and the audit event in one database call and one transaction (ADR 037).
import { createHash } from 'node:crypto';
import { etagOf, IdempotencyHeadersSchema } from '@dutyboard/contracts/common';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldIssue, validationError } from '../errors/app-error.ts';
import { appendDeferredAudit, auditedTransaction, deferAudit } from '../services/audit/audit.ts';
import { auditAppendArgument } from '../services/audit/chain.ts';
import type { PreparedCreate } from '../services/records/writes.ts';

/** Kept this long; a retry later than that runs as a new request. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export interface WriteOptions {
  /** The answer's status when the work succeeds (201 for creates). */
  status?: number;
  /** What identifies the request when the body is not JSON (e.g. an upload's fields and file hash). */
  requestMaterial?: unknown;
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  if (request.method !== 'POST') return undefined;
  const parsed = IdempotencyHeadersSchema.safeParse(request.headers);
  if (!parsed.success) {
    throw validationError([fieldIssue('Idempotency-Key', 'invalid_string', { key: 'request.idempotencyKeyFormat' })], {
      key: 'request.badIdempotencyKey',
    });
  }
  return parsed.data['idempotency-key'];
}

/** The text of a key's transaction lock (pg_try_advisory_xact_lock over its hashtextextended). */
const keyLock = (userId: string, key: string) => `${userId}:${key}`;

function requestHash(request: FastifyRequest, material: unknown): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n`)
    .update(JSON.stringify(material ?? request.body ?? null))
    .digest('hex');
}

export async function runWrite<T>(
  prisma: PrismaClient,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  const status = options.status ?? 200;
  const key = idempotencyKey(request);
  const userId = request.user?.id;
  if (!key || !userId) {
    const result = await auditedTransaction(prisma, work, TX_OPTIONS);
    reply.status(status);
    return result;
  }

  const hash = requestHash(request, options.requestMaterial);
  const outcome = await prisma.$transaction(async (tx) => {
    // The work's audit events are appended last, after the stored answer (ADR 028).
    deferAudit(tx);
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(hashtextextended(${keyLock(userId, key)}, 0)) AS locked`;
    if (!lock?.locked) {
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', { key: 'request.inProgress' });
    }
    const stored = await tx.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
    if (stored) return replay<T>(stored, hash);
    const body = await work(tx);
    await tx.idempotencyKey.create({
      data: { userId, key, requestHash: hash, status, body: body as Prisma.InputJsonValue },
    });
    await appendDeferredAudit(tx);
    return { replayed: false as const, status, body };
  }, TX_OPTIONS);

  if (outcome.replayed) reply.header('idempotency-replayed', 'true');
  reply.status(outcome.status);
  return outcome.body;
}

/** The stored answer of a key used before, if it was used for this very request. */
function replay<T>(stored: { requestHash: string; status: number; body: unknown }, hash: string) {
  if (stored.requestHash !== hash) {
    throw new AppError('IDEMPOTENCY_MISMATCH', { key: 'request.idempotencyKeyReused' });
  }
  return { replayed: true as const, status: stored.status, body: stored.body as T };
}

/** What record_insert answers (migration 20261211030000_record_insert). */
type InsertOutcome =
  | { outcome: 'created' }
  | { outcome: 'busy' }
  | { outcome: 'orgChanged' }
  | { outcome: 'stored'; requestHash: string; status: number; body: unknown };

async function insertPrepared(
  prisma: PrismaClient,
  prepared: PreparedCreate<unknown>,
  idem: string | null,
): Promise<InsertOutcome | null> {
  const [result] = await prisma.$queryRaw<{ outcome: string }[]>`
    SELECT record_insert(${prepared.table}, ${JSON.stringify(prepared.row)}::jsonb, ${JSON.stringify(prepared.org)}::jsonb,
                         ${idem}::jsonb, ${idem ? JSON.stringify(prepared.answer) : null}::jsonb,
                         ${auditAppendArgument(prepared.events)}::jsonb)::text AS outcome`;
  return JSON.parse(result?.outcome ?? 'null') as InsertOutcome | null;
}

/**
 * A create prepared in full (the org checked, the row, its answer and audit event built), written
 * with runWrite's rules in ONE statement: the database function takes the key's lock (busy → 409),
 * answers a stored answer (→ replay, or 422 for another request), or inserts the row, stores the
 * answer and appends the audit event last, all in the statement's own transaction. Acknowledged
 * after its commit; a failure stores nothing.
 */
export async function runCreate<T>(
  prisma: PrismaClient,
  request: FastifyRequest,
  reply: FastifyReply,
  prepare: (fresh: boolean) => Promise<PreparedCreate<T>>,
  options: WriteOptions = {},
): Promise<T> {
  const status = options.status ?? 201;
  const key = idempotencyKey(request);
  const userId = request.user?.id;
  const hash = key && userId ? requestHash(request, options.requestMaterial) : undefined;
  const idem =
    key && userId ? JSON.stringify({ userId, key, lock: keyLock(userId, key), requestHash: hash, status }) : null;
  let prepared = await prepare(false);
  let outcome = await insertPrepared(prisma, prepared, idem);
  // The org was renamed or moved since it was last read: read it, check it and build again.
  if (outcome?.outcome === 'orgChanged') {
    prepared = await prepare(true);
    outcome = await insertPrepared(prisma, prepared, idem);
  }
  // Changed again between two reads (an admin moving it back and forth): nothing was written; say
  // so rather than answer 500.
  if (outcome?.outcome === 'orgChanged') throw new AppError('CONFLICT', { key: 'record.orgChangedMeanwhile' });
  if (outcome?.outcome === 'busy') throw new AppError('IDEMPOTENCY_IN_PROGRESS', { key: 'request.inProgress' });
  if (outcome?.outcome === 'stored') {
    const stored = replay<T>(outcome, hash as string);
    reply.header('idempotency-replayed', 'true');
    reply.status(stored.status);
    return stored.body;
  }
  if (outcome?.outcome !== 'created') throw new Error(`record_insert answered ${JSON.stringify(outcome)}`);
  reply.status(status);
  return prepared.answer;
}

/** Deletes keys older than the TTL; the server calls it at start and then hourly. */
export async function pruneIdempotencyKeys(prisma: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await prisma.idempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000) } },
  });
  return count;
}

/** Sends a versioned answer with its version as the ETag, for the next If-Match. */
export function sendVersioned<T extends { version: number }>(reply: FastifyReply, item: T): FastifyReply {
  return reply.header('etag', etagOf(item.version)).send(item);
}
