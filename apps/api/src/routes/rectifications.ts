import {
  etagOf,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import {
  CloseRectificationInputSchema,
  CreateRectificationInputSchema,
  ListRectificationsQuerySchema,
  RectificationPageSchema,
  RectificationSchema,
  UpdateRectificationInputSchema,
} from '@dutyboard/contracts/rectifications';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor } from '../plugins/auth.ts';
import { runWrite } from '../plugins/write.ts';
import {
  closeRectification,
  createRectification,
  deleteRectification,
  getRectification,
  listRectifications,
  updateRectification,
} from '../services/rectifications/rectifications.ts';
import { errorResponses } from './responses.ts';

/** A workflow step is a POST (retry-safe with Idempotency-Key) on a version (If-Match). */
const StepHeadersSchema = z.looseObject({ ...IdempotencyHeadersSchema.shape, ...IfMatchHeadersSchema.shape });

export const rectificationRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/rectifications',
    {
      config: { permission: 'rectification:read' },
      schema: {
        querystring: ListRectificationsQuerySchema,
        response: { 200: RectificationPageSchema, ...errorResponses },
      },
    },
    async (request) => listRectifications(prisma, actor(request), request.query),
  );

  app.post(
    '/api/rectifications',
    {
      config: { permission: 'rectification:write' },
      schema: {
        headers: IdempotencyHeadersSchema,
        body: CreateRectificationInputSchema,
        response: { 201: RectificationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await runWrite(
        prisma,
        request,
        reply,
        (tx) => createRectification(tx, actor(request), request.body),
        { status: 201 },
      );
      return reply.header('etag', etagOf(created.version)).send(created);
    },
  );

  app.get(
    '/api/rectifications/:id',
    {
      config: { permission: 'rectification:read' },
      schema: { params: IdParamsSchema, response: { 200: RectificationSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const rectification = await getRectification(prisma, actor(request), request.params.id);
      return reply.header('etag', etagOf(rectification.version)).send(rectification);
    },
  );

  app.patch(
    '/api/rectifications/:id',
    {
      config: { permission: 'rectification:write' },
      schema: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateRectificationInputSchema,
        response: { 200: RectificationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const rectification = await runWrite(prisma, request, reply, (tx) =>
        updateRectification(tx, actor(request), request.params.id, request.body, version),
      );
      return reply.header('etag', etagOf(rectification.version)).send(rectification);
    },
  );

  app.post(
    '/api/rectifications/:id/close',
    {
      config: { permission: 'rectification:write' },
      schema: {
        params: IdParamsSchema,
        headers: StepHeadersSchema,
        body: CloseRectificationInputSchema,
        response: { 200: RectificationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const rectification = await runWrite(prisma, request, reply, (tx) =>
        closeRectification(tx, actor(request), request.params.id, request.body, version),
      );
      return reply.header('etag', etagOf(rectification.version)).send(rectification);
    },
  );

  app.delete(
    '/api/rectifications/:id',
    {
      config: { permission: 'rectification:write' },
      schema: { params: IdParamsSchema, headers: IfMatchHeadersSchema, response: { 200: OkSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) =>
        deleteRectification(tx, actor(request), request.params.id, version),
      );
      return { ok: true as const };
    },
  );
};
