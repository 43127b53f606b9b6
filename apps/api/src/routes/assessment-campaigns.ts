// 考核任务 (issue 18 part 2, ADR 041): open a campaign, read it and its returns, write a unit's
// 自评, the issuer's 复核, and take the steps (提交, 退回, 复核完成, 确认). The declared permission is
// the least any caller of the route needs; the service checks the side (the unit's own leader, or
// the issuer) and the step's own action (contracts RETURN_STEP_ACTION) on the loaded return.
import {
  AssessmentReturnSchema,
  CampaignListSchema,
  CampaignSchema,
  ItemEvidenceSchema,
  ItemKeyParamsSchema,
  ListCampaignsQuerySchema,
  OpenCampaignInputSchema,
  ReturnStepInputSchema,
  SaveReviewInputSchema,
  SaveSelfInputSchema,
} from '@dutyboard/contracts/assessment-campaigns';
import {
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { runWrite, sendVersioned } from '../plugins/write.ts';
import {
  getCampaign,
  getReturn,
  itemEvidence,
  listCampaigns,
  openCampaign,
  saveReview,
  saveSelf,
  stepReturn,
} from '../services/assessments/campaigns.ts';
import { errorResponses } from './responses.ts';

const CAMPAIGNS = '/api/assessment-campaigns';
const RETURNS = '/api/assessment-returns';

export const assessmentCampaignRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    CAMPAIGNS,
    {
      config: { permission: 'assessment:read' },
      schema: {
        summary:
          '考核任务列表：本组织发起的（issuer=mine），以及上级发起、本单位参加的（issuer=above）；可按周期和状态筛选',
        querystring: ListCampaignsQuerySchema,
        response: { 200: CampaignListSchema, ...errorResponses },
      },
    },
    async (request) => listCampaigns(prisma, actor(request), request.query),
  );

  app.post(
    CAMPAIGNS,
    {
      // The issuer's reviewer opens it too (the journey); editing a scheme stays assessment:manage.
      config: { permission: 'assessment:review' },
      schema: {
        summary:
          '发起考核（发起组织的复核人员或领导班子成员）：按本组织的考核细则（随即启用）考核下级单位，设自评和复核截止日期',
        headers: IdempotencyHeadersSchema,
        body: OpenCampaignInputSchema,
        response: { 201: CampaignSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await runWrite(prisma, request, reply, (tx) => openCampaign(tx, actor(request), request.body), {
        status: 201,
      });
      return sendVersioned(reply, saved);
    },
  );

  app.get(
    `${CAMPAIGNS}/:id`,
    {
      config: { permission: 'assessment:read' },
      schema: { params: IdParamsSchema, response: { 200: CampaignSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const saved = await getCampaign(prisma, actor(request), request.params.id);
      return sendVersioned(reply, saved);
    },
  );

  app.get(
    `${RETURNS}/:id`,
    {
      config: { permission: 'assessment:read' },
      schema: {
        summary: '一个单位的考核：各项建议得分（附记录清单）、自评、复核；已确认的标出记录变化',
        params: IdParamsSchema,
        response: { 200: AssessmentReturnSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await getReturn(prisma, actor(request), request.params.id);
      return sendVersioned(reply, saved);
    },
  );

  app.get(
    `${RETURNS}/:id/items/:key/evidence`,
    {
      config: { permission: 'assessment:read' },
      schema: {
        summary: '自评关联佐证：该指标记录清单中的本单位记录（最多 100 条）及其已上传附件，供勾选关联',
        params: ItemKeyParamsSchema,
        response: { 200: ItemEvidenceSchema, ...errorResponses },
      },
    },
    async (request) => itemEvidence(prisma, actor(request), request.params.id, request.params.key),
  );

  app.put(
    `${RETURNS}/:id/self`,
    {
      config: { permission: 'assessment:self' },
      schema: {
        summary: '保存自评（被考核单位：街道领导班子成员，或支部书记）：逐项认可或调整得分并说明，关联记录和已有附件',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: SaveSelfInputSchema,
        response: { 200: AssessmentReturnSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const saved = await runWrite(prisma, request, reply, (tx) =>
        saveSelf(tx, actor(request), request.params.id, request.body, version),
      );
      return sendVersioned(reply, saved);
    },
  );

  app.put(
    `${RETURNS}/:id/review`,
    {
      config: { permission: 'assessment:review' },
      schema: {
        summary: '保存复核（发起考核的组织）：逐项同意或写明理由调整得分',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: SaveReviewInputSchema,
        response: { 200: AssessmentReturnSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const saved = await runWrite(prisma, request, reply, (tx) =>
        saveReview(tx, actor(request), request.params.id, request.body, version),
      );
      return sendVersioned(reply, saved);
    },
  );

  app.post(
    `${RETURNS}/:id/steps`,
    {
      // The steps need different actions (提交: assessment:self; 复核: review; 确认: manage):
      // the route asks the least of them, the service checks the step's own (RETURN_STEP_ACTION).
      config: { permission: 'assessment:read' },
      schema: {
        summary: '提交自评、退回补充（须写理由）、复核完成、确认最终得分（确认后锁定）',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: ReturnStepInputSchema,
        response: { 200: AssessmentReturnSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const saved = await runWrite(prisma, request, reply, (tx) =>
        stepReturn(tx, actor(request), request.params.id, request.body, version),
      );
      return sendVersioned(reply, saved);
    },
  );
};
