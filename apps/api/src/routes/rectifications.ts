import {
  etagOf,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
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
import type { FileStore } from '../services/attachments/store.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import {
  closeRectification,
  createRectification,
  deleteRectification,
  getRectification,
  listRectifications,
  updateRectification,
} from '../services/rectifications/rectifications.ts';
import { recordRoutes } from './record-routes.ts';
import { errorResponses } from './responses.ts';

/** A workflow step is a POST (retry-safe with Idempotency-Key) on a version (If-Match). */
const StepHeadersSchema = z.looseObject({ ...IdempotencyHeadersSchema.shape, ...IfMatchHeadersSchema.shape });

export const rectificationRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> = async (
  app,
  { prisma, files },
) => {
  const rectifications = recordRoutes(app, {
    prisma,
    files,
    path: '/api/rectifications',
    kind: RECORD_KINDS.Rectification,
    schemas: {
      query: ListRectificationsQuerySchema,
      page: RectificationPageSchema,
      record: RectificationSchema,
      create: CreateRectificationInputSchema,
      update: UpdateRectificationInputSchema,
    },
    etagOnCreate: true,
    service: {
      list: listRectifications,
      create: createRectification,
      get: getRectification,
      update: updateRectification,
      remove: deleteRectification,
    },
  });
  // In the route order the API has always had: close sits between update and remove.
  rectifications.list();
  rectifications.create();
  rectifications.get();
  rectifications.update();

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

  rectifications.remove();
};
