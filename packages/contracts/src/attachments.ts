// Evidence files (photos, PDFs) attached to any record, and each record's change history.
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.ts';

/** Record types that carry attachments and history; the API names them as in the database. */
export const ENTITY_TYPES = [
  'Activity',
  'StudySession',
  'PublicityItem',
  'RiskPoint',
  'RiskAlert',
  'Assignment',
  'Rectification',
  'CommitteeMeeting',
  'Accountability',
  'EventApproval',
] as const;
export const EntityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Types accepted, as detected from the file's bytes (the name and the browser's claim are ignored). */
export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const ATTACHMENT_FILE_NAME_MAX = 255;
/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;

/** Multipart form of POST /api/attachments: these text fields, then one `file` part. */
export const UploadAttachmentFieldsSchema = z.strictObject({
  entityType: EntityTypeSchema,
  entityId: IdSchema,
});

export const ListAttachmentsQuerySchema = z.strictObject({
  entityType: EntityTypeSchema,
  entityId: IdSchema,
});

export const AttachmentSchema = z.object({
  id: IdSchema,
  entityType: EntityTypeSchema,
  entityId: IdSchema,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** GET it for the file (served inline for images and PDFs). */
  url: z.string(),
  /** A JPEG at most THUMBNAIL_SIZE px on its longest side; null for PDFs. */
  thumbnailUrl: z.string().nullable(),
  uploadedByName: z.string().nullable(),
  /** When the photo was taken, from its EXIF DateTimeOriginal read as Shanghai time; null if it does not say. */
  capturedAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;
export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema) });
export type AttachmentList = z.infer<typeof AttachmentListSchema>;

export const HistoryQuerySchema = ListAttachmentsQuerySchema;

/** One change of a record: who, when, what (each changed field before → after). */
export const HistoryEventSchema = z.object({
  id: z.string(),
  at: InstantSchema,
  action: z.string(),
  actorName: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;
export const HistorySchema = z.object({ items: z.array(HistoryEventSchema) });
export type History = z.infer<typeof HistorySchema>;
