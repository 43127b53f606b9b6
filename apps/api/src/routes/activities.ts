import {
  ActivityPageSchema,
  ActivitySchema,
  CreateActivityInputSchema,
  ListActivitiesQuerySchema,
  UpdateActivityInputSchema,
} from '@dutyboard/contracts/activities';
import {
  etagOf,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { runWrite } from '../plugins/write.ts';
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  updateActivity,
} from '../services/activities/activities.ts';
import { errorResponses } from './responses.ts';

export const activityRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/activities',
    {
      config: { permission: 'activity:read' },
      schema: { querystring: ListActivitiesQuerySchema, response: { 200: ActivityPageSchema, ...errorResponses } },
    },
    async (request) => listActivities(prisma, actor(request), request.query),
  );

  app.post(
    '/api/activities',
    {
      config: { permission: 'activity:create' },
      schema: {
        headers: IdempotencyHeadersSchema,
        body: CreateActivityInputSchema,
        response: { 201: ActivitySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      runWrite(prisma, request, reply, (tx) => createActivity(tx, actor(request), request.body), { status: 201 }),
  );

  app.get(
    '/api/activities/:id',
    {
      config: { permission: 'activity:read' },
      schema: { params: IdParamsSchema, response: { 200: ActivitySchema, ...errorResponses } },
    },
    async (request, reply) => {
      const activity = await getActivity(prisma, actor(request), request.params.id);
      return reply.header('etag', etagOf(activity.version)).send(activity);
    },
  );

  app.patch(
    '/api/activities/:id',
    {
      config: { permission: 'activity:update' },
      schema: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateActivityInputSchema,
        response: { 200: ActivitySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const activity = await runWrite(prisma, request, reply, (tx) =>
        updateActivity(tx, actor(request), request.params.id, request.body, version),
      );
      return reply.header('etag', etagOf(activity.version)).send(activity);
    },
  );

  app.delete(
    '/api/activities/:id',
    {
      config: { permission: 'activity:delete' },
      schema: { params: IdParamsSchema, headers: IfMatchHeadersSchema, response: { 200: OkSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) => deleteActivity(tx, actor(request), request.params.id, version));
      return { ok: true as const };
    },
  );
};
