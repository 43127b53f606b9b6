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

  rectifications.step('close', {
    permission: 'rectification:write',
    body: CloseRectificationInputSchema,
    run: closeRectification,
  });

  rectifications.remove();
};
