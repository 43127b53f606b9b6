// A record's change history from the audit trail: who changed what and when, field by field.
import type { EntityType, HistoryEvent } from '@dutyboard/contracts/attachments';
import { shanghaiLocalDate } from '@dutyboard/contracts/periods';
import type { PrismaClient } from '@dutyboard/db/client';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReadableRecord } from '../records/registry.ts';

/** Bookkeeping fields that change with every write and say nothing to a reader. */
const NOISE = new Set(['version', 'updatedAt', 'updatedById', 'createdAt', 'createdById', 'id']);

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};

/** The fields that differ between before and after (all of after for a creation, all of before for a deletion). */
export function changedFields(before: unknown, after: unknown): HistoryEvent['changes'] {
  const b = asObject(before);
  const a = asObject(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !NOISE.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

/**
 * A stored snapshot as its record reads: one that knows only its day (timeKnown false, contracts
 * TimeKnownSchema) has its occurredAt as that Shanghai day ("2026-05-20"), so no history line says
 * "00:00" for a time nobody gave. `previous` is the snapshot before it, for a flag it leaves out.
 */
export function asRecorded(snapshot: unknown, previous?: unknown): unknown {
  const s = asObject(snapshot);
  const timeKnown = s.timeKnown ?? asObject(previous).timeKnown;
  if (timeKnown !== false || typeof s.occurredAt !== 'string') return snapshot;
  const at = new Date(s.occurredAt);
  return Number.isNaN(at.getTime()) ? snapshot : { ...s, occurredAt: shanghaiLocalDate(at) };
}

/** The changes of one event as its record's history shows them (date-only instants as their day). */
export function historyChanges(before: unknown, after: unknown): HistoryEvent['changes'] {
  return changedFields(asRecorded(before), asRecorded(after, before));
}

export async function recordHistory(
  prisma: PrismaClient,
  user: AuthUser,
  entityType: EntityType,
  entityId: string,
): Promise<HistoryEvent[]> {
  const record = await loadReadableRecord(prisma, user, entityType, entityId);
  const events = await prisma.auditEvent.findMany({
    where: { entityType: record.entityType, entityId: record.id },
    orderBy: { id: 'asc' },
    take: 1000,
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)))];
  const actors = await prisma.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, displayName: true },
  });
  const names = new Map(actors.map((u) => [u.id, u.displayName]));
  return events.map((event) => ({
    id: event.id.toString(),
    at: event.at.toISOString(),
    action: event.action,
    actorName: event.actorId ? (names.get(event.actorId) ?? null) : null,
    changes: historyChanges(event.before, event.after),
  }));
}
