// 考核结果 (ADR 042): a campaign's ranking, a unit's scorecard, the 考核汇总表 (xlsx) and the
// 考核情况通报 (DOCX). Reading follows the campaign's (ADR 041): the issuer's side every unit, a
// unit's people their own; the 通报 is the issuer's.
import {
  CampaignResultsSchema,
  ResultsExportQuerySchema,
  ScorecardSchema,
} from '@dutyboard/contracts/assessment-results';
import { IdParamsSchema } from '@dutyboard/contracts/common';
import { EXPORT_CONTENT_TYPES } from '@dutyboard/contracts/exports';
import { DOCX_CONTENT_TYPE } from '@dutyboard/contracts/reports';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor } from '../plugins/auth.ts';
import { campaignResults, returnScorecard } from '../services/assessments/results.ts';
import { type ResultsFile, resultsDocx, resultsXlsx } from '../services/assessments/results-exports.ts';
import { attachmentDisposition } from '../services/exports/title.ts';
import { errorResponses } from './responses.ts';

const FileAnswer = z.any().describe('文件');

function sendFile(reply: FastifyReply, file: ResultsFile, type: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', attachmentDisposition(file.asciiName, file.fileName))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

export const assessmentResultRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; now?: () => Date }> = async (
  app,
  { prisma, now = () => new Date() },
) => {
  app.get(
    '/api/assessment-campaigns/:id/results',
    {
      config: { permission: 'assessment:read' },
      schema: {
        summary: '考核结果：各单位排名（并列同名次）、自评和最终得分、一票否决、失分、较上期',
        params: IdParamsSchema,
        response: { 200: CampaignResultsSchema, ...errorResponses },
      },
    },
    async (request) => campaignResults(prisma, actor(request), request.params.id),
  );

  app.get(
    '/api/assessment-campaigns/:id/results.xlsx',
    {
      config: { permission: 'assessment:read' },
      schema: {
        summary: '导出考核汇总表（xlsx：排名、逐项得分）',
        params: IdParamsSchema,
        querystring: ResultsExportQuerySchema,
        response: { 200: FileAnswer, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendFile(reply, await resultsXlsx(prisma, actor(request), request.params.id, now()), EXPORT_CONTENT_TYPES.xlsx),
  );

  app.get(
    '/api/assessment-campaigns/:id/notice.docx',
    {
      config: { permission: 'assessment:read' },
      schema: {
        summary: '考核情况通报（Word，公文格式 GB/T 9704-2012），由已确认的考核结果起草',
        params: IdParamsSchema,
        response: { 200: FileAnswer, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendFile(reply, await resultsDocx(prisma, actor(request), request.params.id, now()), DOCX_CONTENT_TYPE),
  );

  app.get(
    '/api/assessment-returns/:id/scorecard',
    {
      config: { permission: 'assessment:read' },
      schema: {
        summary: '一个单位的考核得分卡：按类别和指标列出得分、失分及原因、记录清单、记录变化、较上期',
        params: IdParamsSchema,
        response: { 200: ScorecardSchema, ...errorResponses },
      },
    },
    async (request) => returnScorecard(prisma, actor(request), request.params.id),
  );
};
