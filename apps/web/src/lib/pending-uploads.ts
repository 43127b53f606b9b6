// Photos chosen in a create form, uploaded once the record exists (issue 16.1): they start as
// soon as the record is saved, outside any component, so leaving or re-rendering a page never
// cancels them; the record's evidence panel shows their progress, and a failed one waits there
// for a retry — the record itself is already saved. In memory only: a File cannot go into a
// draft, and a reload of the page drops what was not yet sent.
import type { EntityType } from '@dutyboard/contracts/attachments';
import { useSyncExternalStore } from 'react';

export interface HandedUpload {
  /** Also the upload's Idempotency-Key: one per file, reused by every retry. */
  key: string;
  file: File;
  status: 'queued' | 'uploading' | 'failed';
  percent: number;
  error: unknown;
}

/** Sends one file of the record (and refreshes what shows it); rejects when it failed. */
export type SendUpload = (upload: HandedUpload, onProgress: (percent: number) => void) => Promise<unknown>;

interface RecordUploads {
  uploads: HandedUpload[];
  send: SendUpload;
}

const records = new Map<string, RecordUploads>();
const listeners = new Set<() => void>();
const NONE: HandedUpload[] = [];
const keyOf = (entityType: EntityType, entityId: string) => `${entityType}:${entityId}`;

function update(record: string, change: (uploads: HandedUpload[]) => HandedUpload[]) {
  const entry = records.get(record);
  if (!entry) return;
  const uploads = change(entry.uploads);
  if (uploads.length === 0) records.delete(record);
  else records.set(record, { ...entry, uploads });
  for (const listener of listeners) listener();
}

const patch = (record: string, key: string, change: Partial<HandedUpload>) =>
  update(record, (uploads) => uploads.map((u) => (u.key === key ? { ...u, ...change } : u)));

async function run(record: string, key: string): Promise<void> {
  const entry = records.get(record);
  const upload = entry?.uploads.find((u) => u.key === key);
  if (!entry || !upload) return;
  patch(record, key, { status: 'uploading', percent: 0, error: null });
  try {
    await entry.send(upload, (percent) => patch(record, key, { percent }));
    update(record, (uploads) => uploads.filter((u) => u.key !== key));
  } catch (error) {
    patch(record, key, { status: 'failed', error });
  }
}

/** Starts uploading `files` to the record, one after another (a weak connection does better so). */
export async function startUploads(
  entityType: EntityType,
  entityId: string,
  files: readonly File[],
  send: SendUpload,
  newKey: () => string,
): Promise<void> {
  if (files.length === 0) return;
  const record = keyOf(entityType, entityId);
  const added = files.map((file) => ({ key: newKey(), file, status: 'queued' as const, percent: 0, error: null }));
  const current = records.get(record)?.uploads ?? [];
  records.set(record, { uploads: [...current, ...added], send });
  for (const listener of listeners) listener();
  for (const upload of added) await run(record, upload.key);
}

export function retryUpload(entityType: EntityType, entityId: string, key: string): Promise<void> {
  return run(keyOf(entityType, entityId), key);
}

export function dismissUpload(entityType: EntityType, entityId: string, key: string): void {
  update(keyOf(entityType, entityId), (uploads) => uploads.filter((u) => u.key !== key));
}

export function uploadsOf(entityType: EntityType, entityId: string): HandedUpload[] {
  return records.get(keyOf(entityType, entityId))?.uploads ?? NONE;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The record's handed-over uploads still running or failed, kept current. */
export function useHandedUploads(entityType: EntityType, entityId: string): HandedUpload[] {
  return useSyncExternalStore(
    subscribe,
    () => uploadsOf(entityType, entityId),
    () => NONE,
  );
}
