import { HistoryQuerySchema, HistorySchema } from '@dutyboard/contracts/attachments';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { recordHistory } from '../services/history/history.ts';
import { errorResponses } from './responses.ts';

export const historyRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  // Readable by whoever may read the record itself (the record decides, see records/registry.ts).
  app.get(
    '/api/history',
    {
      config: { permission: 'SIGNED_IN' },
      schema: { querystring: HistoryQuerySchema, response: { 200: HistorySchema, ...errorResponses } },
    },
    async (request) => ({
      items: await recordHistory(prisma, actor(request), request.query.entityType, request.query.entityId),
    }),
  );
};
