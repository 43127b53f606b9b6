// Writes to the audit trail. Called inside the same transaction as the change it records, so a
// change without its audit event cannot be committed. Every event is chained to the one before it
// (ADR 012): prevHash is that event's hash, hash covers this event's content and prevHash.
import { GENESIS_HASH } from '@dutyboard/contracts/audit';
import type { AuditAction } from '@dutyboard/contracts/oplog';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { eventHash } from './chain.ts';

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
 * use, so no key of theirs can ever be this one. 0x61756474 is "audt".
 */
const CHAIN_LOCK_SQL = 'SELECT pg_advisory_xact_lock(1635083380, 1)';

/** JSON-safe copy: Dates become ISO strings, BigInts strings. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** The PrismaClient itself rather than a transaction (a transaction client has no $transaction). */
function isClient(db: Db): db is PrismaClient {
  return typeof (db as Partial<PrismaClient>).$transaction === 'function';
}

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
 * Appends one event. Under the chain lock the last chained event is read, the id taken from the
 * sequence and the time from the database clock, so id order = chain order = commit order, and
 * two writers can never link to the same event (fork the chain). A transaction that rolls back
 * leaves a gap in the ids, which is fine: links are by prevHash, not by consecutive ids.
 * Needs READ COMMITTED (the default): a snapshot taken before the lock would miss the last event.
 */
async function appendEvent(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  // The lock first, in a statement of its own: a statement's snapshot is taken when it starts, so
  // one that waited for the lock would not see the event its holder just committed (a fork).
  await lockChain(tx);
  // Then, in one round trip under the lock: the last chained hash, the next id and the time. The
  // column keeps milliseconds, so the hashed time is the stored time.
  const [next] = await tx.$queryRaw<{ prevHash: string | null; id: bigint; at: Date }[]>`
    SELECT (SELECT hash FROM "AuditEvent" WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1) AS "prevHash",
           nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS id,
           date_trunc('milliseconds', clock_timestamp()) AS at`;
  if (!next) throw new Error('no id from the AuditEvent sequence');
  const prevHash = next.prevHash ?? GENESIS_HASH;
  const before = toJson(entry.before);
  const after = toJson(entry.after);
  const content = {
    id: BigInt(next.id),
    at: new Date(next.at),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    orgId: entry.orgId ?? null,
    before: before ?? null,
    after: after ?? null,
    prevHash,
  };
  await tx.auditEvent.create({
    data: { ...content, before, after, hash: eventHash(content) },
  });
}

/**
 * Records an audit event. Services pass their write transaction; sign-in and sign-out, which
 * have none, pass the client and get a transaction of their own.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  if (isClient(db)) {
    await db.$transaction((tx) => appendEvent(tx, entry), TX_OPTIONS);
    return;
  }
  await appendEvent(db, entry);
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
