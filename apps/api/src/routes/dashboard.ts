import { DashboardExportQuerySchema, DashboardQuerySchema, DashboardSchema } from '@dutyboard/contracts/dashboard';
import { EXPORT_CONTENT_TYPES } from '@dutyboard/contracts/exports';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor } from '../plugins/auth.ts';
import { getDashboard } from '../services/dashboard/dashboard.ts';
import { dashboardSheets } from '../services/dashboard/dashboard-sheets.ts';
import { shanghaiDate } from '../services/exports/columns.ts';
import { writeCsv, writeXlsx } from '../services/exports/sheets.ts';
import { errorResponses } from './responses.ts';

export const dashboardRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/dashboard',
    {
      config: { permission: 'dashboard:read' },
      schema: { querystring: DashboardQuerySchema, response: { 200: DashboardSchema, ...errorResponses } },
    },
    async (request) => getDashboard(prisma, actor(request), request.query),
  );

  app.get(
    '/api/dashboard/export',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        summary: '导出工作看板（xlsx：指标、月度、各支部、舆情、逾期事项；csv：指标表）',
        querystring: DashboardExportQuerySchema,
        response: { 200: z.any().describe('xlsx 工作簿或 CSV 文件（UTF-8，带 BOM）'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const dashboard = await getDashboard(prisma, actor(request), query);
      const sheets = dashboardSheets(dashboard);
      const body =
        format === 'csv'
          ? Buffer.from(writeCsv(sheets[0] as (typeof sheets)[number]), 'utf8')
          : await writeXlsx(sheets);
      const day = (shanghaiDate(dashboard.generatedAt) ?? '').replaceAll('-', '');
      const base = `${dashboard.period.code}-${day}.${format}`;
      const chinese = encodeURIComponent(`工作看板-${dashboard.org.name}-${base}`);
      return reply
        .header('content-type', EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="dashboard-${base}"; filename*=UTF-8''${chinese}`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
