// 工作总结 (issue 5): generate a draft from the records, save it as the next version of the org's
// summary of the period, edit a draft version, 定稿 or delete it, export it as a 公文 DOCX or a
// print view. Generating and reading need dashboard:read (a secretary gets their own branch's,
// the org's reach is checked in the service); saving, editing, 定稿 and deleting need report:write
// (leadership). ADR 016, ADR 033.
import {
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import {
  ListReportSubmissionsQuerySchema,
  ReportSubmissionListSchema,
  ReportSubmissionSchema,
  SubmitReportInputSchema,
} from '@dutyboard/contracts/report-submissions';
import {
  DOCX_CONTENT_TYPE,
  GeneratedSummarySchema,
  ListSummariesQuerySchema,
  SavedSummaryListSchema,
  SavedSummarySchema,
  SaveSummaryInputSchema,
  type SummaryContent,
  SummaryRequestSchema,
  UpdateSummaryInputSchema,
} from '@dutyboard/contracts/reports';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor } from '../plugins/auth.ts';
import { runWrite, sendVersioned } from '../plugins/write.ts';
import { listReportSubmissions, submitReport } from '../services/reports/report-submissions.ts';
import {
  deleteSummaryDraft,
  finalizeSummaryDraft,
  getSummaryDraft,
  listSummaryDrafts,
  oneLineTitle,
  saveSummaryDraft,
  updateSummaryDraft,
} from '../services/reports/summary-drafts.ts';
import { generateSummary } from '../services/reports/summary-facts.ts';
import { PRINT_CSP, summaryHtml } from '../services/reports/summary-html.ts';
import { errorResponses } from './responses.ts';

/** "工作总结-城南街道党工委-2026-H1.docx", ASCII fallback first (RFC 6266). */
function attachment(reply: FastifyReply, content: SummaryContent, periodCode: string, body: Buffer) {
  const chinese = encodeURIComponent(`${oneLineTitle(content.title)}.docx`);
  return reply
    .header('content-type', DOCX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="summary-${periodCode}.docx"; filename*=UTF-8''${chinese}`)
    .header('cache-control', 'no-store')
    .send(body);
}

function printPage(reply: FastifyReply, content: SummaryContent) {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PRINT_CSP)
    .header('cache-control', 'no-store')
    .send(summaryHtml(content));
}

const DocxAnswer = z.any().describe('工作总结 Word 文件（.docx，公文格式 GB/T 9704-2012）');
const HtmlAnswer = z.any().describe('打印版 HTML（A4 公文版式，浏览器打印为 PDF）');

/** The DOCX writer, loaded with the first download: `docx` is megabytes the idle API need not hold (ADR 030). */
const summaryDocxWriter = async () => (await import('../services/reports/summary-docx.ts')).summaryDocx;

export const reportRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.post(
    '/api/reports/summary',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        summary: '按周期和组织从记录生成工作总结草稿（不保存）',
        body: SummaryRequestSchema,
        response: { 200: GeneratedSummarySchema, ...errorResponses },
      },
    },
    async (request) => generateSummary(prisma, actor(request), request.body),
  );

  app.get(
    '/api/reports/summary.docx',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        summary: '生成并导出工作总结（公文格式 Word，不保存）',
        querystring: SummaryRequestSchema,
        response: { 200: DocxAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const generated = await generateSummary(prisma, actor(request), request.query);
      return attachment(
        reply,
        generated.content,
        generated.periodCode,
        await (await summaryDocxWriter())(generated.content),
      );
    },
  );

  app.get(
    '/api/reports/summary/print',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        summary: '生成工作总结的打印版（HTML，不保存）',
        querystring: SummaryRequestSchema,
        response: { 200: HtmlAnswer, ...errorResponses },
      },
    },
    async (request, reply) => printPage(reply, (await generateSummary(prisma, actor(request), request.query)).content),
  );

  app.get(
    '/api/reports/summaries',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        summary: '已保存的工作总结草稿（一个组织，可按周期筛选）',
        querystring: ListSummariesQuerySchema,
        response: { 200: SavedSummaryListSchema, ...errorResponses },
      },
    },
    async (request) => listSummaryDrafts(prisma, actor(request), request.query),
  );

  app.post(
    '/api/reports/summaries',
    {
      config: { permission: 'report:write' },
      schema: {
        summary: '保存工作总结草稿',
        headers: IdempotencyHeadersSchema,
        body: SaveSummaryInputSchema,
        response: { 201: SavedSummarySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await runWrite(prisma, request, reply, (tx) => saveSummaryDraft(tx, actor(request), request.body), {
        status: 201,
      });
      return sendVersioned(reply, saved);
    },
  );

  app.get(
    '/api/reports/summaries/:id',
    {
      config: { permission: 'dashboard:read' },
      schema: { params: IdParamsSchema, response: { 200: SavedSummarySchema, ...errorResponses } },
    },
    async (request, reply) => {
      const saved = await getSummaryDraft(prisma, actor(request), request.params.id);
      return sendVersioned(reply, saved);
    },
  );

  app.patch(
    '/api/reports/summaries/:id',
    {
      config: { permission: 'report:write' },
      schema: {
        summary: '修改一版工作总结草稿（If-Match 版本不符时 412，定稿 409）',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateSummaryInputSchema,
        response: { 200: SavedSummarySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const saved = await runWrite(prisma, request, reply, (tx) =>
        updateSummaryDraft(tx, actor(request), request.params.id, request.body, version),
      );
      return sendVersioned(reply, saved);
    },
  );

  app.post(
    '/api/reports/summaries/:id/finalize',
    {
      config: { permission: 'report:write' },
      schema: {
        summary: '定稿：锁定这一版工作总结（之后不能修改或删除，只能从它新建一版）',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: SavedSummarySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const saved = await runWrite(prisma, request, reply, (tx) =>
        finalizeSummaryDraft(tx, actor(request), request.params.id, version),
      );
      return sendVersioned(reply, saved);
    },
  );

  app.delete(
    '/api/reports/summaries/:id',
    {
      config: { permission: 'report:write' },
      schema: {
        summary: '删除一版工作总结草稿（定稿不能删除）',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: OkSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) =>
        deleteSummaryDraft(tx, actor(request), request.params.id, version),
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/reports/summaries/:id/docx',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        summary: '导出已保存的工作总结（公文格式 Word）',
        params: IdParamsSchema,
        response: { 200: DocxAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await getSummaryDraft(prisma, actor(request), request.params.id);
      return attachment(reply, saved.content, saved.periodCode, await (await summaryDocxWriter())(saved.content));
    },
  );

  app.get(
    '/api/reports/summaries/:id/print',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        summary: '已保存工作总结的打印版（HTML）',
        params: IdParamsSchema,
        response: { 200: HtmlAnswer, ...errorResponses },
      },
    },
    async (request, reply) =>
      printPage(reply, (await getSummaryDraft(prisma, actor(request), request.params.id)).content),
  );

  app.post(
    '/api/reports/summaries/:id/submit',
    {
      config: { permission: 'report:write' },
      schema: {
        summary: '报送：把定稿的报告标记为已报送上级（报送对象、日期、文号；同一报告只能报送一次）',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema.extend(IdempotencyHeadersSchema.shape),
        body: SubmitReportInputSchema,
        response: { 201: ReportSubmissionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const sent = await runWrite(
        prisma,
        request,
        reply,
        (tx) => submitReport(tx, actor(request), request.params.id, request.body, version),
        { status: 201 },
      );
      return sendVersioned(reply, sent);
    },
  );

  app.get(
    '/api/report-submissions',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        summary: '报送记录：本组织及下级报送的报告，或（received=1）报送给本组织的报告',
        querystring: ListReportSubmissionsQuerySchema,
        response: { 200: ReportSubmissionListSchema, ...errorResponses },
      },
    },
    async (request) => listReportSubmissions(prisma, actor(request), request.query),
  );
};
