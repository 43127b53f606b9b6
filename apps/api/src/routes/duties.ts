// The calendar of duties (ADR 045): read by every role within reach (duty:read); its rules are
// the plan's, written by leadership (plan:manage), audited and If-Match versioned.
import {
  CreateDutyRuleInputSchema,
  DutyCalendarQuerySchema,
  DutyCalendarSchema,
  DutyRuleListSchema,
  DutyRuleSchema,
  ListDutyRulesQuerySchema,
  UpdateDutyRuleInputSchema,
} from '@dutyboard/contracts/duties';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { getDutyCalendar } from '../services/duties/calendar.ts';
import { createDutyRule, deleteDutyRule, listDutyRules, updateDutyRule } from '../services/duties/rules.ts';
import { recordRoutes } from './record-routes.ts';
import { errorResponses } from './responses.ts';

export const dutyRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/duties/calendar',
    {
      config: { permission: 'duty:read' },
      schema: { querystring: DutyCalendarQuerySchema, response: { 200: DutyCalendarSchema, ...errorResponses } },
    },
    async (request) => getDutyCalendar(prisma, actor(request), request.query),
  );

  // As frequency rules: no read-one route, the list is all a client reads.
  recordRoutes(app, {
    prisma,
    path: '/api/duty-rules',
    permissions: { read: 'duty:read', create: 'plan:manage', update: 'plan:manage', delete: 'plan:manage' },
    schemas: {
      query: ListDutyRulesQuerySchema,
      page: DutyRuleListSchema,
      record: DutyRuleSchema,
      create: CreateDutyRuleInputSchema,
      update: UpdateDutyRuleInputSchema,
    },
    service: {
      list: async (db, user, query) => ({ items: await listDutyRules(db, user, query.org) }),
      create: createDutyRule,
      update: updateDutyRule,
      remove: deleteDutyRule,
    },
  }).all();
};
