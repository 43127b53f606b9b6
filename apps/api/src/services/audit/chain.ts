// The audit chain's hash (ADR 012): SHA-256 over a canonical serialisation of an event's content
// and the previous event's hash. Pure, so writer and checker cannot disagree on it.
//
// before/after are stored as JSONB, which reorders object keys and rewrites numbers in its own
// notation. The hash is therefore taken over the value as it reads back: keys sorted recursively
// and every number printed by JSON.stringify (JSONB keeps a number's exact decimal value, which
// parses back to the same double, which prints the same).
import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit.ts';

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

/** JSON-safe copy (Dates → ISO strings, BigInts → strings): the value that is stored and hashed. */
export function storedJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** An event ready to be chained: everything but its id, time and prevHash. */
export interface PreparedEvent {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  /** Canonical JSON text of before/after (the costly part of hashing), or null for none. */
  before: string | null;
  after: string | null;
}

export function prepareEvent(entry: AuditEntry): PreparedEvent {
  const before = storedJson(entry.before);
  const after = storedJson(entry.after);
  return {
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    orgId: entry.orgId ?? null,
    before: before === null ? null : canonicalJson(before),
    after: after === null ? null : canonicalJson(after),
  };
}

/**
 * The canonical JSON eventHash hashes, in four parts around the three values only known once the
 * event has its place in the chain: parts[0] + at (ISO) + parts[1] + id + parts[2] + prevHash +
 * parts[3]. Its keys are sorted — action, actorId, after, at, before, entityId, entityType, id,
 * orgId, prevHash — and before/after are canonical already. The bulk import (preparedHash) and the
 * database's audit_append (migration 20261210010000) both complete these parts.
 */
export function chainTextParts(event: PreparedEvent): [string, string, string, string] {
  const c = canonicalJson;
  return [
    `{"action":${c(event.action)},"actorId":${c(event.actorId)},"after":${event.after ?? 'null'},"at":"`,
    `","before":${event.before ?? 'null'},"entityId":${c(event.entityId)},"entityType":${c(event.entityType)},"id":"`,
    `","orgId":${c(event.orgId)},"prevHash":"`,
    '"}',
  ];
}

/** eventHash of a prepared event at its place in the chain. */
export function preparedHash(event: PreparedEvent, id: bigint, at: Date, prevHash: string): string {
  const [head, mid, tail, end] = chainTextParts(event);
  const text = `${head}${at.toISOString()}${mid}${id.toString()}${tail}${prevHash}${end}`;
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * What audit_append takes for each event: its stored columns and its canonical text in the four
 * parts around time, id and prevHash (chain.ts chainTextParts), computed here, before the lock.
 */
export function auditAppendArgument(entries: readonly AuditEntry[]): string {
  const events = entries.map((entry) => {
    const event = prepareEvent(entry);
    const { before, after, ...columns } = event;
    // before/after go as their canonical text, so the value stored is the very text hashed.
    const json = JSON.stringify({ ...columns, parts: chainTextParts(event) });
    return `${json.slice(0, -1)},"before":${before ?? 'null'},"after":${after ?? 'null'}}`;
  });
  return `[${events.join(',')}]`;
}
