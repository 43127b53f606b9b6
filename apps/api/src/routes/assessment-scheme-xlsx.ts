// 考核细则 as xlsx (ADR 043): GET …/:id/xlsx writes a scheme the caller reads as the sheet a 区
// files (audited as an EXPORT); POST …/import reads an uploaded sheet into a new DRAFT of an org
// the caller manages — all or nothing: any bad cell answers 400 with every problem (row, column,
// what to fix) and nothing is written. The file is read in the imports' sandbox (ADR 017).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  ImportSchemeQuerySchema,
  SCHEME_IMPORT_MAX_BYTES,
  SCHEME_IMPORT_MAX_ROWS,
  SchemeImportWarningSchema,
  schemeLevelIssuedBy,
} from '@dutyboard/contracts/assessment-scheme-xlsx';
import { SchemeSchema } from '@dutyboard/contracts/assessments';
import { IdempotencyHeadersSchema, IdParamsSchema } from '@dutyboard/contracts/common';
import { EXPORT_CONTENT_TYPES } from '@dutyboard/contracts/exports';
import { orgLevelOf } from '@dutyboard/contracts/orgs';
import type { PrismaClient } from '@dutyboard/db/client';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { AppError, fieldIssue, forbidden, notFound, validationError } from '../errors/app-error.ts';
import { actor } from '../plugins/auth.ts';
import { runWrite, sendVersioned } from '../plugins/write.ts';
import { parseSchemeRows, type SheetRowLike, schemeSheet } from '../services/assessments/scheme-xlsx.ts';
import { createScheme, getScheme } from '../services/assessments/schemes.ts';
import { recordAudit } from '../services/audit/audit.ts';
import { writeXlsx } from '../services/exports/sheets.ts';
import { attachmentDisposition } from '../services/exports/title.ts';
import { importFilePath, type StoredUpload, storeUpload } from '../services/imports/jobs.ts';
import { readRowsInSandbox } from '../services/imports/sandbox.ts';
import { UnreadableFile } from '../services/imports/zip-guard.ts';
import { reachesOrg } from '../services/orgs/scope.ts';
import { errorResponses } from './responses.ts';

export interface SchemeXlsxRoutesOptions {
  prisma: PrismaClient;
  config: Config;
  /** The clock the export is stamped with (tests inject one). */
  now?: () => Date;
}

const BASE = '/api/assessment-schemes';
const FileSchema = z.any().describe('xlsx 工作簿');
const ImportedSchemeSchema = SchemeSchema.extend({ importWarnings: z.array(SchemeImportWarningSchema) });

class TooManyRows extends Error {}

export const assessmentSchemeXlsxRoutes: FastifyPluginAsyncZod<SchemeXlsxRoutesOptions> = async (
  app,
  { prisma, config, now = () => new Date() },
) => {
  const dataDir = path.resolve(config.DATA_DIR);
  await app.register(fastifyMultipart, {
    limits: { fileSize: SCHEME_IMPORT_MAX_BYTES, files: 1, fields: 2, fieldSize: 200, parts: 3 },
  });

  app.get(
    `${BASE}/:id/xlsx`,
    {
      config: { permission: 'assessment:read' },
      schema: {
        summary: '导出考核细则（xlsx，可改后导入）',
        params: IdParamsSchema,
        response: { 200: FileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = actor(request);
      const scheme = await getScheme(prisma, user, request.params.id);
      const book = schemeSheet(scheme, user, now());
      const body = await writeXlsx([book.sheet]);
      // Appended before the file leaves: who took a copy of which edition.
      await recordAudit(prisma, {
        actorId: user.id,
        action: 'EXPORT',
        entityType: 'AssessmentScheme',
        entityId: scheme.id,
        orgId: scheme.orgId,
        after: { format: 'xlsx', version: scheme.version, rows: book.sheet.rows.length, fileName: book.fileName },
      });
      return reply
        .header('content-type', EXPORT_CONTENT_TYPES.xlsx)
        .header('content-disposition', attachmentDisposition(book.asciiName, book.fileName))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    },
  );

  // multipart/form-data with one part named "file" (the .xlsx); where it goes in the query.
  app.post(
    `${BASE}/import`,
    {
      config: { permission: 'assessment:manage', throttled: true },
      schema: {
        summary: '从 Excel 导入考核细则为新草稿（有问题则整份不导入，逐行说明）',
        querystring: ImportSchemeQuerySchema,
        headers: IdempotencyHeadersSchema,
        response: { 201: ImportedSchemeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = actor(request);
      const query = request.query;
      // The issuer is checked before a byte of the file is read.
      const org = await prisma.orgUnit.findUnique({
        where: { id: query.org },
        select: { id: true, path: true, kind: true },
      });
      if (!org) throw notFound('OrgUnit');
      if (!reachesOrg(user, org)) throw forbidden({ key: 'auth.outOfReach' });
      const level = query.level ?? schemeLevelIssuedBy(orgLevelOf(org.kind)) ?? 'BRANCH';
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { key: 'request.multipartOnly' });

      let upload: StoredUpload | undefined;
      const rows: SheetRowLike[] = [];
      try {
        for await (const part of request.parts()) {
          if (part.type !== 'file') continue;
          if (part.fieldname !== 'file' || upload) {
            throw validationError([fieldIssue(part.fieldname, 'unrecognized_keys', { key: 'request.fileFieldName' })]);
          }
          upload = await storeUpload(dataDir, part.file, part.filename).catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE') {
              throw new AppError('PAYLOAD_TOO_LARGE', {
                key: 'import.tooLarge',
                params: { mb: SCHEME_IMPORT_MAX_BYTES / 1024 / 1024 },
              });
            }
            throw error;
          });
        }
        if (!upload) throw validationError([fieldIssue('file', 'invalid_type', { key: 'import.chooseFile' })]);
        const tooMany = () =>
          new AppError('VALIDATION_FAILED', {
            key: 'schemeImport.tooManyRows',
            params: { max: SCHEME_IMPORT_MAX_ROWS },
          });
        try {
          const source = readRowsInSandbox(
            `${importFilePath(dataDir, upload.id)}.part`,
            (sheet) => {
              if ((sheet.rowCount ?? 0) > SCHEME_IMPORT_MAX_ROWS) throw new TooManyRows();
            },
            { tmpRoot: path.join(dataDir, 'tmp'), label: `scheme-${upload.id}` },
          );
          for await (const row of source) {
            rows.push(row);
            if (rows.length > SCHEME_IMPORT_MAX_ROWS) throw new TooManyRows();
          }
        } catch (error) {
          if (error instanceof TooManyRows) throw tooMany();
          if (error instanceof UnreadableFile) {
            throw new AppError('VALIDATION_FAILED', {
              key: 'schemeImport.unreadable',
              params: { reason: error.message },
            });
          }
          throw error;
        }
      } finally {
        if (upload) await rm(`${importFilePath(dataDir, upload.id)}.part`, { force: true });
      }

      const parsed = parseSchemeRows(rows, query.period, query.total);
      if (parsed.problems.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          { key: 'schemeImport.hasProblems', params: { count: parsed.problems.length } },
          { problems: parsed.problems, warnings: parsed.warnings },
        );
      }
      const name =
        query.name ??
        (upload.fileName
          .replace(/\.xlsx$/i, '')
          .trim()
          .slice(0, 100) ||
          '导入的考核细则');
      const saved = await runWrite(
        prisma,
        request,
        reply,
        (tx) =>
          createScheme(tx, user, {
            org: org.id,
            level,
            period: query.period,
            name,
            total: parsed.sum,
            categories: parsed.categories,
          }),
        { status: 201, requestMaterial: { query, sha256: upload.sha256 } },
      );
      return sendVersioned(reply, { ...saved, importWarnings: parsed.warnings });
    },
  );
};
