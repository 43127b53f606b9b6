// The audit trail's tamper evidence (ADR 012): every AuditEvent carries the hash of the event
// before it, so editing, deleting, inserting or reordering events breaks the chain at a place a
// check can name. `GET /api/audit/verify` and `pnpm audit:verify` answer with this result.
import { z } from 'zod';
import { InstantSchema } from './common.ts';

/** prevHash of the first event in the chain. */
export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_BREAK_REASONS = [
  /** The stored hash is not the hash of the event's content: the event was edited (or made up). */
  'HASH_MISMATCH',
  /** prevHash is not the previous event's hash: an event before it was deleted, or events reordered. */
  'PREV_MISMATCH',
  /** No hash at all after chained events: a row inserted past the application. */
  'UNCHAINED',
] as const;
export const AuditBreakReasonSchema = z.enum(AUDIT_BREAK_REASONS);
export type AuditBreakReason = z.infer<typeof AuditBreakReasonSchema>;

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const AuditChainBreakSchema = z.object({
  /** The event where the chain first fails (ids are 64-bit, so strings). */
  id: z.string(),
  at: InstantSchema,
  reason: AuditBreakReasonSchema,
  /** HASH_MISMATCH: the recomputed hash; PREV_MISMATCH and UNCHAINED: the previous event's hash. */
  expected: HashSchema,
  /** HASH_MISMATCH: the stored hash; PREV_MISMATCH: the stored prevHash; UNCHAINED: null. */
  found: z.string().nullable(),
});
export type AuditChainBreak = z.infer<typeof AuditChainBreakSchema>;

export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  /** Events read, in id order, up to and including the broken one. */
  checked: z.number().int().nonnegative(),
  /** The last event read (the chain's end when ok); null when there are no events. */
  lastId: z.string().nullable(),
  /**
   * The chain's last hash when ok (null when broken or empty). Kept outside the database (printed, filed), it shows later
   * whether the chain up to that event was rewritten as a whole, which the chain alone cannot.
   */
  lastHash: HashSchema.nullable(),
  firstBroken: AuditChainBreakSchema.nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;
