// Periods, targets and frequency rules: read with target:read, written by leadership (plan:manage).
import {
  etagOf,
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
import { recordRoutes } from './record-routes.ts';
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

  // Rules have no read-one route: the list is all a client reads.
  recordRoutes(app, {
    prisma,
    path: '/api/target-rules',
    permissions: { read: 'target:read', create: 'plan:manage', update: 'plan:manage', delete: 'plan:manage' },
    schemas: {
      query: ListFrequencyRulesQuerySchema,
      page: FrequencyRuleListSchema,
      record: FrequencyRuleSchema,
      create: CreateFrequencyRuleInputSchema,
      update: UpdateFrequencyRuleInputSchema,
    },
    service: {
      list: async (db, user, query) => ({ items: await listRules(db, user, query.org) }),
      create: createRule,
      update: updateRule,
      remove: deleteRule,
    },
  }).all();
};
