// Checks the audit chain (ADR 012) from its first event to its last, in id order, and names the
// first event where it breaks. Reads in keyset batches, so memory stays flat however long the
// trail grows. Shared by GET /api/audit/verify and `pnpm audit:verify`.
import { type AuditChainBreak, type AuditVerifyResult, GENESIS_HASH } from '@dutyboard/contracts/audit';
import type { PrismaClient } from '@dutyboard/db/client';
import { eventHash } from './chain.ts';

export interface VerifyOptions {
  /** Events per read. */
  batch?: number;
}

export async function verifyAuditChain(prisma: PrismaClient, options: VerifyOptions = {}): Promise<AuditVerifyResult> {
  const batch = options.batch ?? 5000;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let lastId: bigint | null = null;

  const page = (after: bigint | null) =>
    prisma.auditEvent.findMany({
      where: after === null ? {} : { id: { gt: after } },
      orderBy: { id: 'asc' },
      take: batch,
    });

  for (;;) {
    const rows = await page(lastId);
    for (const row of rows) {
      checked += 1;
      lastId = row.id;
      const broken = (reason: AuditChainBreak['reason'], expected: string, found: string | null) => ({
        ok: false,
        checked,
        lastId: row.id.toString(),
        lastHash: null,
        firstBroken: { id: row.id.toString(), at: row.at.toISOString(), reason, expected, found },
      });
      // A row without a hash was not written by recordAudit (which chains every event) and was not
      // chained at start-up (which chains every hashless event after the last chained one).
      if (row.hash === null) return broken('UNCHAINED', prevHash, null);
      // The link first: a deleted event shows at the next one as a link to the wrong hash, and
      // a moved event as a link that does not fit where it now stands.
      if (row.prevHash !== prevHash) return broken('PREV_MISMATCH', prevHash, row.prevHash);
      const expected = eventHash({ ...row, prevHash });
      if (row.hash !== expected) return broken('HASH_MISMATCH', expected, row.hash);
      prevHash = row.hash;
    }
    if (rows.length < batch) break;
  }
  return {
    ok: true,
    checked,
    lastId: lastId === null ? null : lastId.toString(),
    lastHash: lastId === null ? null : prevHash,
    firstBroken: null,
  };
}
