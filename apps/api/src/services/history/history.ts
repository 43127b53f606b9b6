// A record's change history from the audit trail: who changed what and when, field by field.
import type { EntityType, HistoryEvent } from '@dutyboard/contracts/attachments';
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
    changes: changedFields(event.before, event.after),
  }));
}
