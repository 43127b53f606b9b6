// Audit events in bulk, chained exactly as recordAudit chains one (ADR 012): under the same chain
// lock, each event links to the hash of the one before, ids come from the table's sequence in
// chain order, the time from the database clock, and the hash is eventHash's: SHA-256 of the
// event's canonical JSON (chain.ts canonicalJson) together with prevHash.
//
// The chain lock stops every other save in the app until this transaction commits, so as little
// as possible happens under it. before/after are turned into canonical JSON text before the lock
// (prepareEvent): that is most of the hashing work. Under the lock each event's text is completed
// with its id, time and prevHash and hashed (preparedHash; audit-many.test.ts checks it equals
// eventHash), and the events go in a few thousand-row INSERTs. 100,000 events: a few seconds.
import { randomBytes } from 'node:crypto';
import { GENESIS_HASH } from '@dutyboard/contracts/audit';
import type { Prisma } from '@dutyboard/db/client';
import { type AuditEntry, lastChainedHash, lockChain } from '../audit/audit.ts';
import { type PreparedEvent, preparedHash, prepareEvent } from '../audit/chain.ts';
import { type BulkColumn, insertRows } from './bulk.ts';

const INSERT_BATCH = 2000;

/** Staged rows carry everything but id, time and the hashes; seq is their place in the chain. */
const STAGE_COLUMNS: BulkColumn[] = [
  { name: 'seq', type: 'int' },
  { name: 'actorId', type: 'uuid' },
  { name: 'action', type: 'text' },
  { name: 'entityType', type: 'text' },
  { name: 'entityId', type: 'text' },
  { name: 'orgId', type: 'uuid' },
  // The canonical JSON text: JSONB reads it back as the very value that was hashed.
  { name: 'before', type: 'jsonb', jsonText: true },
  { name: 'after', type: 'jsonb', jsonText: true },
];

/**
 * Events to be appended to the chain by one transaction. add() stages them before the lock: they
 * go into a temporary table (dropped at commit or rollback) and their canonical texts stay here.
 * chain() then takes the lock and does only what needs it: ids, time, hashes, and one
 * INSERT … SELECT per batch from the staged rows, with no JSON to send or parse.
 */
export class AuditChainBatch {
  private readonly events: PreparedEvent[] = [];

  private constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly stage: string,
  ) {}

  static async create(tx: Prisma.TransactionClient): Promise<AuditChainBatch> {
    const stage = `audit_stage_${randomBytes(6).toString('hex')}`;
    await tx.$executeRawUnsafe(
      `CREATE TEMP TABLE ${stage} (seq int PRIMARY KEY, "actorId" uuid, action text, "entityType" text,
         "entityId" text, "orgId" uuid, before jsonb, after jsonb) ON COMMIT DROP`,
    );
    return new AuditChainBatch(tx, stage);
  }

  get size(): number {
    return this.events.length;
  }

  async add(events: readonly PreparedEvent[]): Promise<void> {
    const first = this.events.length;
    this.events.push(...events);
    for (let i = 0; i < events.length; i += INSERT_BATCH) {
      const rows = events
        .slice(i, i + INSERT_BATCH)
        .map((e, j) => [first + i + j, e.actorId, e.action, e.entityType, e.entityId, e.orgId, e.before, e.after]);
      await insertRows(this.tx, this.stage, STAGE_COLUMNS, rows);
    }
  }

  /** Takes the chain lock (held until the transaction ends) and appends every staged event, in order. */
  async chain(): Promise<void> {
    const { tx } = this;
    await lockChain(tx);
    let prevHash = (await lastChainedHash(tx))?.hash ?? GENESIS_HASH;
    for (let start = 0; start < this.events.length; start += INSERT_BATCH) {
      const batch = this.events.slice(start, start + INSERT_BATCH);
      const ids = await tx.$queryRaw<{ id: bigint }[]>`
        SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS id
          FROM generate_series(1, ${batch.length}::int)`;
      const [clock] = await tx.$queryRaw<{ at: Date }[]>`
        SELECT date_trunc('milliseconds', clock_timestamp()) AS at`;
      if (ids.length !== batch.length || !clock) throw new Error('no ids from the AuditEvent sequence');
      // Nobody else draws from the sequence for the chain under the lock, but the rows may come
      // back in any order: chain order is id order.
      const sorted = ids.map((row) => BigInt(row.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const at = new Date(clock.at);
      const seqs: number[] = [];
      const links: string[] = [];
      const hashes: string[] = [];
      batch.forEach((event, i) => {
        const hash = preparedHash(event, sorted[i] as bigint, at, prevHash);
        seqs.push(start + i);
        links.push(prevHash);
        hashes.push(hash);
        prevHash = hash;
      });
      await tx.$executeRawUnsafe(
        `INSERT INTO "AuditEvent" (id, at, "actorId", action, "entityType", "entityId", "orgId", before, after, "prevHash", hash)
         SELECT k.id, $5::timestamptz, s."actorId", s.action, s."entityType", s."entityId", s."orgId", s.before, s.after,
                k.prev, k.hash
           FROM unnest($1::int[], $2::bigint[], $3::text[], $4::text[]) AS k(seq, id, prev, hash)
           JOIN ${this.stage} s ON s.seq = k.seq`,
        seqs,
        sorted.map((id) => id.toString()),
        links,
        hashes,
        at.toISOString(),
      );
    }
  }
}

/** Records many events at once, chained in the order given. */
export async function recordAuditMany(tx: Prisma.TransactionClient, entries: readonly AuditEntry[]): Promise<void> {
  const batch = await AuditChainBatch.create(tx);
  await batch.add(entries.map(prepareEvent));
  await batch.chain();
}
