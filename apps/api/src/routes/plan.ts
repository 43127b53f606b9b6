// Periods, targets and frequency rules: read with target:read, written by leadership (plan:manage).
import {
  etagOf,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import { periodContaining } from '@dutyboard/contracts/periods';
import {
  CreateFrequencyRuleInputSchema,
  FrequencyRuleListSchema,
  FrequencyRuleSchema,
  ListFrequencyRulesQuerySchema,
  ListPeriodsQuerySchema,
  PeriodListSchema,
  PutTargetInputSchema,
  periodsOfYear,
  TargetRowSchema,
  TargetsAnswerSchema,
  TargetsQuerySchema,
  toPeriodInfo,
  UpdateFrequencyRuleInputSchema,
} from '@dutyboard/contracts/plan';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { runWrite } from '../plugins/write.ts';
import {
  createRule,
  deleteRule,
  deleteTarget,
  getTargets,
  listRules,
  putTarget,
  updateRule,
} from '../services/plan/targets.ts';
import { errorResponses } from './responses.ts';

export const planRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/periods',
    {
      config: { permission: 'target:read' },
      schema: { querystring: ListPeriodsQuerySchema, response: { 200: PeriodListSchema, ...errorResponses } },
    },
    async (request) => {
      const year = request.query.year ?? periodContaining('YEAR', new Date()).year;
      return { items: periodsOfYear(year).map(toPeriodInfo) };
    },
  );

  app.get(
    '/api/targets',
    {
      config: { permission: 'target:read' },
      schema: { querystring: TargetsQuerySchema, response: { 200: TargetsAnswerSchema, ...errorResponses } },
    },
    async (request) => getTargets(prisma, actor(request), request.query),
  );

  app.put(
    '/api/targets',
    {
      config: { permission: 'plan:manage' },
      schema: {
        headers: IfMatchHeadersSchema,
        body: PutTargetInputSchema,
        response: { 200: TargetRowSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const row = await runWrite(prisma, request, reply, (tx) => putTarget(tx, actor(request), request.body, version));
      return reply.header('etag', etagOf(row.version ?? 1)).send(row);
    },
  );

  app.delete(
    '/api/targets/:id',
    {
      config: { permission: 'plan:manage' },
      schema: { params: IdParamsSchema, headers: IfMatchHeadersSchema, response: { 200: OkSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) => deleteTarget(tx, actor(request), request.params.id, version));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/target-rules',
    {
      config: { permission: 'target:read' },
      schema: {
        querystring: ListFrequencyRulesQuerySchema,
        response: { 200: FrequencyRuleListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await listRules(prisma, actor(request), request.query.org) }),
  );

  app.post(
    '/api/target-rules',
    {
      config: { permission: 'plan:manage' },
      schema: {
        headers: IdempotencyHeadersSchema,
        body: CreateFrequencyRuleInputSchema,
        response: { 201: FrequencyRuleSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      runWrite(prisma, request, reply, (tx) => createRule(tx, actor(request), request.body), { status: 201 }),
  );

  app.patch(
    '/api/target-rules/:id',
    {
      config: { permission: 'plan:manage' },
      schema: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateFrequencyRuleInputSchema,
        response: { 200: FrequencyRuleSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const rule = await runWrite(prisma, request, reply, (tx) =>
        updateRule(tx, actor(request), request.params.id, request.body, version),
      );
      return reply.header('etag', etagOf(rule.version)).send(rule);
    },
  );

  app.delete(
    '/api/target-rules/:id',
    {
      config: { permission: 'plan:manage' },
      schema: { params: IdParamsSchema, headers: IfMatchHeadersSchema, response: { 200: OkSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) => deleteRule(tx, actor(request), request.params.id, version));
      return { ok: true as const };
    },
  );
};
