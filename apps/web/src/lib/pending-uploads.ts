// Photos chosen in a create form, handed from the form to the new record's page: the record is
// saved first, then its page uploads them with the evidence panel's progress and retry, so a
// failed upload never costs the record (issue 16.1). Kept in memory only: File objects cannot go
// into a draft, and a reload of the page drops what was not yet sent.
import type { EntityType } from '@dutyboard/contracts/attachments';

const pending = new Map<string, File[]>();
const keyOf = (entityType: EntityType, entityId: string) => `${entityType}:${entityId}`;

/** Leaves `files` for the record's page to upload (nothing when empty). */
export function handOverUploads(entityType: EntityType, entityId: string, files: readonly File[]): void {
  if (files.length > 0) pending.set(keyOf(entityType, entityId), [...files]);
}

/** Whether files wait for this record's page (it then shows its evidence first). */
export function hasPendingUploads(entityType: EntityType, entityId: string): boolean {
  return pending.has(keyOf(entityType, entityId));
}

/** The files left for this record, once: a second call answers none. */
export function takeUploads(entityType: EntityType, entityId: string): File[] {
  const key = keyOf(entityType, entityId);
  const files = pending.get(key) ?? [];
  pending.delete(key);
  return files;
}
