// Writes to the audit trail. Called inside the same transaction as the change it records, so a
// change without its audit event cannot be committed.
import type { Prisma } from '@dutyboard/db/client';

export type AuditAction =
  | 'CREATE'
  | 'UPDATE'
  | 'DELETE'
  /** A workflow step (alert 研判 → 报送 …); after holds the new state. */
  | 'TRANSITION'
  /** A task or rectification closed with its evidence. */
  | 'CLOSE'
  /** A risk point checked (排查). */
  | 'CHECK'
  /** An evidence file added to or removed from a record (entityType/entityId name the record). */
  | 'ATTACH'
  | 'DETACH'
  | 'LOGIN'
  | 'LOGIN_FAILED'
  | 'LOGOUT';

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy: Dates become ISO strings, BigInts strings. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      orgId: entry.orgId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
