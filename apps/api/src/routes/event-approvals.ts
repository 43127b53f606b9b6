// 一会一报 (ADR 048): the standard routes of EventApproval, its workflow steps (报送, 审批, 举办),
// and the rule (lead days, approval chain) an org sets for its subtree.
import { etagOf, IfMatchHeadersSchema, versionFromIfMatch } from '@dutyboard/contracts/common';
import {
  CreateEventInputSchema,
  DecideEventInputSchema,
  EventApprovalPageSchema,
  EventApprovalSchema,
  EventRuleQuerySchema,
  EventRuleSchema,
  HoldEventInputSchema,
  ListEventsQuerySchema,
  PutEventRuleInputSchema,
  SubmitEventInputSchema,
  UpdateEventInputSchema,
} from '@dutyboard/contracts/event-approvals';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { runWrite } from '../plugins/write.ts';
import type { FileStore } from '../services/attachments/store.ts';
import {
  createEvent,
  decideEvent,
  deleteEvent,
  getEvent,
  getEventRule,
  holdEvent,
  listEvents,
  putEventRule,
  submitEvent,
  updateEvent,
} from '../services/event-approvals/event-approvals.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import { recordRoutes } from './record-routes.ts';
import { errorResponses } from './responses.ts';

export const eventApprovalRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> = async (
  app,
  { prisma, files },
) => {
  app.get(
    '/api/event-approval-rules',
    {
      config: { permission: 'event:read' },
      schema: { querystring: EventRuleQuerySchema, response: { 200: EventRuleSchema, ...errorResponses } },
    },
    async (request) => getEventRule(prisma, actor(request), request.query.org),
  );

  app.put(
    '/api/event-approval-rules',
    {
      config: { permission: 'plan:manage' },
      schema: {
        headers: IfMatchHeadersSchema,
        body: PutEventRuleInputSchema,
        response: { 200: EventRuleSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const rule = await runWrite(prisma, request, reply, (tx) =>
        putEventRule(tx, actor(request), request.body, version),
      );
      return reply.header('etag', etagOf(rule.version ?? 1)).send(rule);
    },
  );

  const events = recordRoutes(app, {
    prisma,
    files,
    path: '/api/event-approvals',
    kind: RECORD_KINDS.EventApproval,
    schemas: {
      query: ListEventsQuerySchema,
      page: EventApprovalPageSchema,
      record: EventApprovalSchema,
      create: CreateEventInputSchema,
      update: UpdateEventInputSchema,
    },
    etagOnCreate: true,
    service: { list: listEvents, create: createEvent, get: getEvent, update: updateEvent, remove: deleteEvent },
  });
  events.all();
  events.step('submit', { permission: 'event:write', body: SubmitEventInputSchema, run: submitEvent });
  // Open to every role that may approve; the service lets only the waiting step's approver decide.
  events.step('decisions', { permission: 'event:approve', body: DecideEventInputSchema, run: decideEvent });
  events.step('held', { permission: 'event:write', body: HoldEventInputSchema, run: holdEvent });
};
