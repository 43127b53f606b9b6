import path from 'node:path';
import {
  ATTACHMENT_MAX_BYTES,
  AttachmentListSchema,
  AttachmentSchema,
  ListAttachmentsQuerySchema,
  UploadAttachmentFieldsSchema,
} from '@dutyboard/contracts/attachments';
import { IdempotencyHeadersSchema, IdParamsSchema, OkSchema, writableText } from '@dutyboard/contracts/common';
import type { PrismaClient } from '@dutyboard/db/client';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { AppError, fieldIssue, validationError, zodFieldIssue } from '../errors/app-error.ts';
import { actor } from '../plugins/auth.ts';
import { runWrite } from '../plugins/write.ts';
import {
  createAttachment,
  deleteAttachment,
  listAttachments,
  loadReadableAttachment,
  loadWritableRecord,
  prepareFile,
} from '../services/attachments/attachments.ts';
import { FileStore } from '../services/attachments/store.ts';
import { errorResponses } from './responses.ts';

export const attachmentRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; config: Config }> = async (
  app,
  { prisma, config },
) => {
  const store = new FileStore(path.resolve(config.DATA_DIR, 'files'));
  await app.register(fastifyMultipart, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 4, fieldSize: 200, parts: 6 },
  });

  app.get(
    '/api/attachments',
    {
      config: { permission: 'SIGNED_IN' },
      schema: { querystring: ListAttachmentsQuerySchema, response: { 200: AttachmentListSchema, ...errorResponses } },
    },
    async (request) => ({
      items: await listAttachments(prisma, actor(request), request.query.entityType, request.query.entityId),
    }),
  );

  // multipart/form-data: the fields entityType and entityId, and one part named "file".
  app.post(
    '/api/attachments',
    {
      config: { permission: 'SIGNED_IN' },
      schema: { headers: IdempotencyHeadersSchema, response: { 201: AttachmentSchema, ...errorResponses } },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { key: 'request.multipartOnly' });
      }
      const fields: Record<string, string> = {};
      let file: { bytes: Buffer; name: string } | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file')
            throw validationError([fieldIssue(part.fieldname, 'unrecognized_keys', { key: 'request.fileFieldName' })]);
          file = { bytes: await part.toBuffer(), name: part.filename };
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
      const parsed = UploadAttachmentFieldsSchema.safeParse(fields);
      if (!parsed.success) {
        throw validationError(parsed.error.issues.map((issue) => zodFieldIssue(issue.path.join('.') || 'form', issue)));
      }
      if (!file) throw validationError([fieldIssue('file', 'invalid_type', { key: 'attachment.chooseFile' })]);
      const user = actor(request);
      // Refuse before touching the store when the record is out of reach or read-only.
      await loadWritableRecord(prisma, user, parsed.data.entityType, parsed.data.entityId);
      const prepared = await prepareFile(store, file.bytes, file.name);
      return runWrite(prisma, request, reply, (tx) => createAttachment(tx, user, parsed.data, prepared), {
        status: 201,
        requestMaterial: { ...parsed.data, sha256: prepared.sha256, fileName: prepared.fileName },
      });
    },
  );

  /**
   * Streams the file (or its thumbnail) of an attachment whose record the caller may read. Only
   * images (type checked from their bytes at upload) are shown in the browser, for thumbnails and
   * previews; a PDF or anything else is downloaded, never rendered on our origin. Every answer is
   * sandboxed, so even a file a browser renders anyway runs no script with our cookies.
   */
  const serve =
    (variant: 'content' | 'thumbnail') =>
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const { row } = await loadReadableAttachment(prisma, actor(request), request.params.id);
      const sha = variant === 'content' ? row.sha256 : row.thumbnailSha;
      if (!sha || !(await store.has(sha))) throw new AppError('NOT_FOUND', { key: 'attachment.fileMissing' });
      const type = variant === 'content' ? row.mimeType : 'image/jpeg';
      const name = variant === 'content' ? row.fileName : `thumbnail-${row.fileName}.jpg`;
      const shown = fileDisposition(type);
      return reply
        .header('content-type', type)
        .header(
          'content-disposition',
          `${shown.disposition}; filename*=UTF-8''${encodeURIComponent(writableText(name))}`,
        )
        .header('content-security-policy', shown.policy)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .header('etag', `"${sha}"`)
        .send(store.open(sha));
    };

  const fileResponses = { 200: z.any(), ...errorResponses };
  app.get(
    '/api/attachments/:id/content',
    { config: { permission: 'SIGNED_IN' }, schema: { params: IdParamsSchema, response: fileResponses } },
    serve('content'),
  );
  app.get(
    '/api/attachments/:id/thumbnail',
    { config: { permission: 'SIGNED_IN' }, schema: { params: IdParamsSchema, response: fileResponses } },
    serve('thumbnail'),
  );

  app.delete(
    '/api/attachments/:id',
    {
      config: { permission: 'SIGNED_IN' },
      schema: { params: IdParamsSchema, response: { 200: OkSchema, ...errorResponses } },
    },
    async (request, reply) => {
      await runWrite(prisma, request, reply, (tx) => deleteAttachment(tx, actor(request), request.params.id));
      return { ok: true as const };
    },
  );
};

/** How a stored file of this type is served: shown (images) or downloaded (the rest). */
export function fileDisposition(mimeType: string): { disposition: 'inline' | 'attachment'; policy: string } {
  return mimeType.startsWith('image/')
    ? { disposition: 'inline', policy: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox" }
    : { disposition: 'attachment', policy: "default-src 'none'; sandbox" };
}
