// The audit chain's hash (ADR 012): SHA-256 over a canonical serialisation of an event's content
// and the previous event's hash. Pure, so writer and checker cannot disagree on it.
//
// before/after are stored as JSONB, which reorders object keys and rewrites numbers in its own
// notation. The hash is therefore taken over the value as it reads back: keys sorted recursively
// and every number printed by JSON.stringify (JSONB keeps a number's exact decimal value, which
// parses back to the same double, which prints the same).
import { createHash } from 'node:crypto';

/** An event's hashed fields; `at` must carry milliseconds only (the column is timestamptz(3)). */
export interface ChainedContent {
  id: bigint;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every depth; undefined members are left out, as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  // Strings, finite numbers and booleans as JSON writes them; NaN and ±Infinity become null there too.
  return JSON.stringify(value) ?? 'null';
}

export function eventHash(content: ChainedContent): string {
  const canonical = canonicalJson({
    id: content.id.toString(),
    at: content.at.toISOString(),
    actorId: content.actorId,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    orgId: content.orgId,
    before: content.before ?? null,
    after: content.after ?? null,
    prevHash: content.prevHash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
