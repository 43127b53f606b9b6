// Writes to the audit trail. Called inside the same transaction as the change it records, so a
// change without its audit event cannot be committed. Every event is chained to the one before it
// (ADR 012): prevHash is that event's hash, hash covers this event's content and prevHash.
import { GENESIS_HASH } from '@dutyboard/contracts/audit';
import type { AuditAction } from '@dutyboard/contracts/oplog';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { auditAppendArgument, eventHash } from './chain.ts';

/** The actions an event records are declared once, with their meaning, in contracts/oplog.ts. */
export type { AuditAction } from '@dutyboard/contracts/oplog';

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
}

type Db = PrismaClient | Prisma.TransactionClient;

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/**
 * One lock for whoever appends to the chain, held until commit. Two int4 keys: PostgreSQL keeps
 * them apart from the single bigint keys (hashtextextended) that plugins/write.ts and the plan
 * use, so no key of theirs can ever be this one. 0x61756474 is "audt". audit_append (migration
 * 20261210010000) takes the same lock.
 */
const CHAIN_LOCK_SQL = 'SELECT pg_advisory_xact_lock(1635083380, 1)';

export async function lockChain(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(CHAIN_LOCK_SQL);
}

/** The hash of the newest chained event, or the genesis hash when nothing is chained yet. */
export async function lastChainedHash(tx: Prisma.TransactionClient): Promise<{ id: bigint; hash: string } | null> {
  const [last] = await tx.$queryRaw<{ id: bigint; hash: string }[]>`
    SELECT id, hash FROM "AuditEvent" WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1`;
  return last ?? null;
}

/**
 * Appends events, in order, in one round trip (ADR 028): the database function takes the chain
 * lock, reads the newest chained hash, and for each event takes the id from the sequence and the
 * time from its clock, links and inserts, so id order = chain order = commit order and two
 * writers can never link to the same event. The lock is then held only until the commit that
 * follows. A transaction that rolls back leaves a gap in the ids, which is fine: links are by
 * prevHash, not by consecutive ids. Outside a transaction (sign-in) the call is its own.
 */
async function appendEvents(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.$executeRaw`SELECT audit_append(${auditAppendArgument(entries)}::jsonb)`;
}

/** Events recorded in a transaction that appends them at its end (deferAudit). */
const deferred = new WeakMap<Prisma.TransactionClient, AuditEntry[]>();

/**
 * Makes recordAudit in this transaction collect its events instead of appending them, so that
 * appendDeferredAudit can append them all as the transaction's last statement: the chain lock is
 * then held for one round trip and the commit, whatever else the transaction still does after the
 * service recorded its event (runWrite stores the Idempotency-Key answer).
 */
export function deferAudit(tx: Prisma.TransactionClient): void {
  if (!deferred.has(tx)) deferred.set(tx, []);
}

/** Appends what this transaction's recordAudit calls collected; call it last, just before commit. */
export async function appendDeferredAudit(tx: Prisma.TransactionClient): Promise<void> {
  const entries = deferred.get(tx);
  if (!entries) return;
  deferred.delete(tx);
  await appendEvents(tx, entries);
}

/**
 * Records an audit event. Services pass their write transaction (the event is appended at its end
 * when the transaction was opened by runWrite or auditedTransaction, at once otherwise); sign-in
 * and sign-out, which have none, pass the client and the append is a statement of its own.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const pending = deferred.get(db as Prisma.TransactionClient);
  if (pending) {
    pending.push(entry);
    return;
  }
  await appendEvents(db, [entry]);
}

/** A write transaction whose audit events are appended as its last statement (deferAudit). */
export function auditedTransaction<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: { maxWait?: number; timeout?: number } = TX_OPTIONS,
): Promise<T> {
  return prisma.$transaction(async (tx) => {
    deferAudit(tx);
    const result = await work(tx);
    await appendDeferredAudit(tx);
    return result;
  }, options);
}

const CHAIN_BATCH = 5000;

/**
 * Chains the events written without a hash after the last chained one, in id order: rows from
 * before the chain existed, or written straight into the table (the demo seed). Run at server
 * start, before any request. A hashless row BEFORE a chained one is left alone: the check
 * reports it, since only an insertion past the application can put it there.
 * Returns how many events it chained.
 */
export async function chainUnchainedEvents(prisma: PrismaClient, batch = CHAIN_BATCH): Promise<number> {
  let chained = 0;
  for (;;) {
    // One transaction per batch keeps each short; the lock makes every batch start from the end
    // of the chain as it stands, even with writers in between.
    const count = await prisma.$transaction(async (tx) => {
      await lockChain(tx);
      const last = await lastChainedHash(tx);
      const rows = await tx.auditEvent.findMany({
        where: { hash: null, ...(last ? { id: { gt: last.id } } : {}) },
        orderBy: { id: 'asc' },
        take: batch,
      });
      if (rows.length === 0) return 0;
      const ids: string[] = [];
      const prevHashes: string[] = [];
      const hashes: string[] = [];
      let prevHash = last?.hash ?? GENESIS_HASH;
      for (const row of rows) {
        const hash = eventHash({ ...row, prevHash });
        ids.push(row.id.toString());
        prevHashes.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      }
      // One statement per batch: row-by-row updates made a 100,000-event trail take minutes.
      await tx.$executeRaw`
        UPDATE "AuditEvent" AS e SET "prevHash" = v.prev, hash = v.hash
        FROM unnest(${ids}::bigint[], ${prevHashes}::text[], ${hashes}::text[]) AS v(id, prev, hash)
        WHERE e.id = v.id`;
      return rows.length;
    }, TX_OPTIONS);
    chained += count;
    if (count < batch) return chained;
  }
}
