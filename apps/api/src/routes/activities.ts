import {
  ActivityPageSchema,
  ActivitySchema,
  CreateActivityInputSchema,
  ListActivitiesQuerySchema,
  UpdateActivityInputSchema,
} from '@dutyboard/contracts/activities';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  updateActivity,
} from '../services/activities/activities.ts';
import type { FileStore } from '../services/attachments/store.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import { recordRoutes } from './record-routes.ts';

export const activityRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> = async (
  app,
  { prisma, files },
) => {
  recordRoutes(app, {
    prisma,
    files,
    path: '/api/activities',
    kind: RECORD_KINDS.Activity,
    schemas: {
      query: ListActivitiesQuerySchema,
      page: ActivityPageSchema,
      record: ActivitySchema,
      create: CreateActivityInputSchema,
      update: UpdateActivityInputSchema,
    },
    service: {
      list: listActivities,
      create: createActivity,
      get: getActivity,
      update: updateActivity,
      remove: deleteActivity,
    },
  }).all();
};
