// GET /api/exports/<list>?format=xlsx|csv&<the list's own filter>: one route per exportable list,
// each with the list's read permission and the list's strict query schema (so OpenAPI documents
// each one). Read-only for the record lists: nothing is written, not even an audit event. An
// export of the 操作日志 (AUDITED_EXPORTS) is itself an EXPORT event: who took a copy of the log,
// with which filter, how many rows.
import { ErrorBodySchema } from '@dutyboard/contracts/errors';
import {
  AUDITED_EXPORTS,
  EXPORT_CONTENT_TYPES,
  EXPORT_LISTS,
  EXPORT_PERMISSIONS,
  EXPORT_TITLES,
  exportPath,
  exportQuerySchema,
} from '@dutyboard/contracts/exports';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor } from '../plugins/auth.ts';
import { recordAudit } from '../services/audit/audit.ts';
import { listSheet, writeCsv, writeXlsx } from '../services/exports/sheets.ts';
import { attachmentDisposition, describeListExport } from '../services/exports/title.ts';
import { errorResponses } from './responses.ts';

export interface ExportRoutesOptions {
  prisma: PrismaClient;
  /** More rows than this → 422 (default EXPORT_MAX_ROWS; tests set a small one). */
  maxRows?: number;
  /** The clock the export is judged and named by (tests inject one). */
  now?: () => Date;
}

/** The file itself (xlsx bytes or UTF-8 CSV text), not JSON. */
const FileSchema = z.any().describe('xlsx 工作簿或 CSV 文件（UTF-8，带 BOM）');

const responses = { 200: FileSchema, ...errorResponses, 422: ErrorBodySchema } as const;

export const exportRoutes: FastifyPluginAsyncZod<ExportRoutesOptions> = async (
  app,
  { prisma, maxRows, now = () => new Date() },
) => {
  for (const list of EXPORT_LISTS) {
    app.get(
      exportPath(list),
      {
        config: { permission: EXPORT_PERMISSIONS[list] },
        schema: {
          summary: `导出${EXPORT_TITLES[list]}（xlsx / csv）`,
          querystring: exportQuerySchema(list),
          response: responses,
        },
      },
      async (request, reply) => {
        const { format, ...filter } = request.query;
        const at = now();
        const user = actor(request);
        const sheet = await listSheet(prisma, user, list, filter, { maxRows, now: at });
        const about = await describeListExport(prisma, user, list, sheet.name, filter, sheet.rows.length, at);
        // CSV stays a plain table (header and rows); the workbook gets the title block above it.
        const body =
          format === 'csv' ? Buffer.from(writeCsv(sheet), 'utf8') : await writeXlsx([{ ...sheet, title: about.title }]);
        const audited = AUDITED_EXPORTS[list];
        if (audited) {
          // Appended before the file leaves: no copy of the log is handed out unrecorded.
          await recordAudit(prisma, {
            actorId: user.id,
            action: 'EXPORT',
            entityType: audited,
            entityId: null,
            orgId: user.orgId,
            after: { format, filter, rows: sheet.rows.length, fileName: about.fileName(format) },
          });
        }
        return reply
          .header('content-type', EXPORT_CONTENT_TYPES[format])
          .header('content-disposition', attachmentDisposition(about.asciiName(format), about.fileName(format)))
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(body);
      },
    );
  }
};
