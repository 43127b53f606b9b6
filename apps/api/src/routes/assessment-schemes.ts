// 考核细则 (issue 18, ADR 040): list, read, create (or the starter for 街道), change, copy, put in
// use and delete the schemes an org issues; and the proposed scores of a unit from its records.
// Reading needs assessment:read (every role: the reach is checked in the service, a sibling's
// scheme is 404); writing needs assessment:manage and the issuing org in reach.
import {
  CopySchemeInputSchema,
  CreateSchemeInputSchema,
  ListSchemesQuerySchema,
  ProposalsQuerySchema,
  SchemeListSchema,
  SchemeProposalsSchema,
  SchemeSchema,
  StarterSchemeInputSchema,
  UpdateSchemeInputSchema,
} from '@dutyboard/contracts/assessments';
import {
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { runWrite, sendVersioned } from '../plugins/write.ts';
import { unitProposals } from '../services/assessments/proposals.ts';
import {
  copyScheme,
  createScheme,
  createStarterScheme,
  deleteScheme,
  getScheme,
  listSchemes,
  updateScheme,
  useScheme,
} from '../services/assessments/schemes.ts';
import { errorResponses } from './responses.ts';

const BASE = '/api/assessment-schemes';

export const assessmentSchemeRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    BASE,
    {
      config: { permission: 'assessment:read' },
      schema: {
        summary: '考核细则列表：一个组织制定的，以及上级制定的考核它这一级的',
        querystring: ListSchemesQuerySchema,
        response: { 200: SchemeListSchema, ...errorResponses },
      },
    },
    async (request) => listSchemes(prisma, actor(request), request.query),
  );

  app.post(
    BASE,
    {
      config: { permission: 'assessment:manage' },
      schema: {
        summary: '新建考核细则（草稿）',
        headers: IdempotencyHeadersSchema,
        body: CreateSchemeInputSchema,
        response: { 201: SchemeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await runWrite(prisma, request, reply, (tx) => createScheme(tx, actor(request), request.body), {
        status: 201,
      });
      return sendVersioned(reply, saved);
    },
  );

  app.post(
    `${BASE}/starter`,
    {
      config: { permission: 'assessment:manage' },
      schema: {
        summary: '按常用规定生成街道考核细则草稿（区制定，可修改）',
        headers: IdempotencyHeadersSchema,
        body: StarterSchemeInputSchema,
        response: { 201: SchemeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await runWrite(
        prisma,
        request,
        reply,
        (tx) => createStarterScheme(tx, actor(request), request.body),
        { status: 201 },
      );
      return sendVersioned(reply, saved);
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: { permission: 'assessment:read' },
      schema: { params: IdParamsSchema, response: { 200: SchemeSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const saved = await getScheme(prisma, actor(request), request.params.id);
      return sendVersioned(reply, saved);
    },
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: { permission: 'assessment:manage' },
      schema: {
        summary: '修改考核细则草稿（已启用的 409，If-Match 版本不符 412）',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateSchemeInputSchema,
        response: { 200: SchemeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const saved = await runWrite(prisma, request, reply, (tx) =>
        updateScheme(tx, actor(request), request.params.id, request.body, version),
      );
      return sendVersioned(reply, saved);
    },
  );

  app.delete(
    `${BASE}/:id`,
    {
      config: { permission: 'assessment:manage' },
      schema: {
        summary: '删除考核细则草稿（已启用的不能删除）',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: OkSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) => deleteScheme(tx, actor(request), request.params.id, version));
      return { ok: true as const };
    },
  );

  app.post(
    `${BASE}/:id/copy`,
    {
      config: { permission: 'assessment:manage' },
      schema: {
        summary: '复制考核细则为新草稿（如复制去年的），可换组织、周期和名称',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: CopySchemeInputSchema,
        response: { 201: SchemeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await runWrite(
        prisma,
        request,
        reply,
        (tx) => copyScheme(tx, actor(request), request.params.id, request.body),
        { status: 201 },
      );
      return sendVersioned(reply, saved);
    },
  );

  app.post(
    `${BASE}/:id/use`,
    {
      config: { permission: 'assessment:manage' },
      schema: {
        summary: '启用考核细则：之后不能修改或删除，只能复制',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 200: SchemeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const saved = await runWrite(prisma, request, reply, (tx) =>
        useScheme(tx, actor(request), request.params.id, version),
      );
      return sendVersioned(reply, saved);
    },
  );

  app.get(
    `${BASE}/:id/proposals`,
    {
      config: { permission: 'assessment:read' },
      schema: {
        summary: '按记录计算一个被考核单位各项指标的建议得分（每项附记录清单链接）',
        params: IdParamsSchema,
        querystring: ProposalsQuerySchema,
        response: { 200: SchemeProposalsSchema, ...errorResponses },
      },
    },
    async (request) => unitProposals(prisma, actor(request), request.params.id, request.query.org),
  );
};
