// Evidence files on records. The file's type is read from its bytes (never from its name or the
// browser's claim); images get a JPEG thumbnail; the row and the owning record's audit event are
// written in one transaction. Reading or changing an attachment needs the same reach as the
// record it belongs to (services/records/registry.ts).
import {
  ATTACHMENT_FILE_NAME_MAX,
  ATTACHMENT_MIME_TYPES,
  type Attachment,
  type EntityType,
  THUMBNAIL_SIZE,
} from '@dutyboard/contracts/attachments';
import { writableText } from '@dutyboard/contracts/common';
import type { ErrorMessage } from '@dutyboard/contracts/error-messages';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { AppError, forbidden, notFound } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { canWriteRecord, loadReadableRecord, type OwningRecord } from '../records/registry.ts';
import { exifCapturedAt } from './exif.ts';
import type { FileStore } from './store.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export interface PreparedFile {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  thumbnailSha: string | null;
  width: number | null;
  height: number | null;
  /** EXIF DateTimeOriginal of a photo, read as Shanghai time (exif.ts); null when it has none. */
  capturedAt: Date | null;
}

const unsupported = (said: ErrorMessage) => new AppError('UNSUPPORTED_MEDIA_TYPE', said);

/** A file name safe to store and show: the last path segment, no control characters, bounded. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // Line breaks and tabs have no place in a file name either.
  const cleaned = writableText(base)
    .replace(/[\t\n\r\u007f]/g, '')
    .trim();
  return (cleaned || '附件').slice(0, ATTACHMENT_FILE_NAME_MAX);
}

/**
 * Checks the bytes, stores the file and its thumbnail, and answers what the row needs. Done
 * before the transaction: the slow part (decoding an image) holds no database connection.
 */
export async function prepareFile(store: FileStore, bytes: Buffer, rawName: string | undefined): Promise<PreparedFile> {
  if (bytes.length === 0) throw unsupported({ key: 'attachment.empty' });
  // Loaded with the first upload, as sharp below is (ADR 030).
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(bytes);
  const mimeType = detected?.mime;
  if (!mimeType || !(ATTACHMENT_MIME_TYPES as readonly string[]).includes(mimeType)) {
    throw unsupported({ key: 'attachment.badType' });
  }
  let thumbnailSha: string | null = null;
  let width: number | null = null;
  let height: number | null = null;
  let capturedAt: Date | null = null;
  if (mimeType.startsWith('image/')) {
    // Loaded with the first image, not at start-up: libvips is ~25 MB resident (ADR 030).
    const { default: sharp } = await import('sharp');
    try {
      const image = sharp(bytes, { failOn: 'error' }).autoOrient();
      const meta = await image.metadata();
      width = meta.autoOrient?.width ?? meta.width ?? null;
      height = meta.autoOrient?.height ?? meta.height ?? null;
      capturedAt = exifCapturedAt(meta.exif);
      const thumbnail = await image
        .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 78 })
        .toBuffer();
      thumbnailSha = await store.put(thumbnail);
    } catch {
      throw unsupported({ key: 'attachment.badImage' });
    }
  }
  const sha256 = await store.put(bytes);
  return {
    fileName: cleanFileName(rawName),
    mimeType,
    size: bytes.length,
    sha256,
    thumbnailSha,
    width,
    height,
    capturedAt,
  };
}

type AttachmentRow = Prisma.AttachmentGetPayload<object>;

export function toAttachment(row: AttachmentRow, uploadedByName: string | null): Attachment {
  return {
    id: row.id,
    entityType: row.entityType as EntityType,
    entityId: row.entityId,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    url: `/api/attachments/${row.id}/content`,
    thumbnailUrl: row.thumbnailSha ? `/api/attachments/${row.id}/thumbnail` : null,
    uploadedByName,
    capturedAt: row.capturedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function uploaderNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** The record a user may add evidence to: 404 when out of reach, 403 when read-only for them. */
export async function loadWritableRecord(db: Db, user: AuthUser, entityType: EntityType, entityId: string) {
  const record = await loadReadableRecord(db, user, entityType, entityId);
  if (!canWriteRecord(user, record)) throw forbidden({ key: 'attachment.readOnly' });
  return record;
}

export async function createAttachment(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  target: { entityType: EntityType; entityId: string },
  file: PreparedFile,
): Promise<Attachment> {
  const record = await loadWritableRecord(tx, user, target.entityType, target.entityId);
  const row = await tx.attachment.create({
    data: { entityType: record.entityType, entityId: record.id, orgId: record.orgId, uploadedById: user.id, ...file },
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: 'ATTACH',
    entityType: record.entityType,
    entityId: record.id,
    orgId: record.orgId,
    after: {
      attachmentId: row.id,
      fileName: row.fileName,
      mimeType: row.mimeType,
      size: row.size,
      sha256: row.sha256,
      capturedAt: row.capturedAt?.toISOString() ?? null,
    },
  });
  return toAttachment(row, user.displayName);
}

export async function listAttachments(
  prisma: PrismaClient,
  user: AuthUser,
  entityType: EntityType,
  entityId: string,
): Promise<Attachment[]> {
  const record = await loadReadableRecord(prisma, user, entityType, entityId);
  const rows = await prisma.attachment.findMany({
    where: { entityType: record.entityType, entityId: record.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const names = await uploaderNames(
    prisma,
    rows.map((r) => r.uploadedById),
  );
  return rows.map((row) => toAttachment(row, row.uploadedById ? (names.get(row.uploadedById) ?? null) : null));
}

/** Loads an attachment whose record the user may read; anything else is a 404. */
export async function loadReadableAttachment(
  db: Db,
  user: AuthUser,
  id: string,
): Promise<{ row: AttachmentRow; record: OwningRecord }> {
  const row = await db.attachment.findUnique({ where: { id } });
  if (!row) throw notFound('Attachment');
  try {
    const record = await loadReadableRecord(db, user, row.entityType as EntityType, row.entityId);
    return { row, record };
  } catch {
    throw notFound('Attachment');
  }
}

export async function deleteAttachment(tx: Prisma.TransactionClient, user: AuthUser, id: string): Promise<void> {
  const { row, record } = await loadReadableAttachment(tx, user, id);
  if (!canWriteRecord(user, record)) throw forbidden({ key: 'attachment.readOnly' });
  if (record.closed) {
    throw new AppError('INVALID_TRANSITION', { key: 'attachment.recordClosed' });
  }
  await tx.attachment.delete({ where: { id } });
  // The file itself stays in the content-addressed store: the audit trail still names its hash.
  await recordAudit(tx, {
    actorId: user.id,
    action: 'DETACH',
    entityType: record.entityType,
    entityId: record.id,
    orgId: record.orgId,
    before: {
      attachmentId: row.id,
      fileName: row.fileName,
      mimeType: row.mimeType,
      size: row.size,
      sha256: row.sha256,
    },
  });
}
