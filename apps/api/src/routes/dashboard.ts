import {
  type Dashboard,
  DashboardExportQuerySchema,
  DashboardQuerySchema,
  DashboardSchema,
} from '@dutyboard/contracts/dashboard';
import { EXPORT_CONTENT_TYPES } from '@dutyboard/contracts/exports';
import { periodFromCode } from '@dutyboard/contracts/periods';
import { periodName } from '@dutyboard/contracts/plan';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor } from '../plugins/auth.ts';
import { getDashboard } from '../services/dashboard/dashboard.ts';
import { createDashboardCache } from '../services/dashboard/dashboard-cache.ts';
import { dashboardSheets } from '../services/dashboard/dashboard-sheets.ts';
import { shanghaiDate, shanghaiDateTime } from '../services/exports/columns.ts';
import { writeCsv, writeXlsx } from '../services/exports/sheets.ts';
import { attachmentDisposition, fileNamePart } from '../services/exports/title.ts';
import { errorResponses } from './responses.ts';

export const dashboardRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  // One per app (and so per database): tests run several apps on cloned databases in one process.
  const cache = createDashboardCache(prisma);
  app.get(
    '/api/dashboard',
    {
      config: { permission: 'dashboard:read' },
      schema: { querystring: DashboardQuerySchema, response: { 200: DashboardSchema, ...errorResponses } },
    },
    // Sent as the cached JSON text, not serialised again: the answer is built from the contract's
    // types, and test/dashboard-cache.test.ts parses it with DashboardSchema (ADR 029).
    async (request, reply) => {
      const text = await cache.page(actor(request), request.query);
      // The type provider types send() as the 200 schema's object; JSON text of it is what goes out.
      return reply.type('application/json; charset=utf-8').send(text as unknown as Dashboard);
    },
  );

  app.get(
    '/api/dashboard/export',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        summary: '导出工作看板（xlsx：指标、月度、各下级组织（各街道或各支部）、舆情、逾期事项；csv：指标表）',
        querystring: DashboardExportQuerySchema,
        response: { 200: z.any().describe('xlsx 工作簿或 CSV 文件（UTF-8，带 BOM）'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const user = actor(request);
      const dashboard = await getDashboard(prisma, user, query);
      const period = periodName(periodFromCode(dashboard.period.code));
      // Each sheet of the workbook under the same title block: whose board, which period, who and when.
      const exported = `导出人：${user.displayName || user.username}　导出时间：${shanghaiDateTime(dashboard.generatedAt)}`;
      const sheets = dashboardSheets(dashboard).map((sheet) => ({
        ...sheet,
        title: { text: `${dashboard.org.name} 工作看板 · ${sheet.name}（${period}）`, lines: [exported] },
      }));
      const body =
        format === 'csv'
          ? Buffer.from(writeCsv(sheets[0] as (typeof sheets)[number]), 'utf8')
          : await writeXlsx(sheets);
      const day = (shanghaiDate(dashboard.generatedAt) ?? '').replaceAll('-', '');
      const chinese = [dashboard.org.name, '工作看板', period].map(fileNamePart).join('-');
      return reply
        .header('content-type', EXPORT_CONTENT_TYPES[format])
        .header(
          'content-disposition',
          attachmentDisposition(`dashboard-${dashboard.period.code}-${day}.${format}`, `${chinese}.${format}`),
        )
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
