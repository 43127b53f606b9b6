import { NotificationListSchema } from '@dutyboard/contracts/notifications';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { listNotifications } from '../services/notifications/notifications.ts';
import { errorResponses } from './responses.ts';

export const notificationRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  // Every signed-in user has a bell; what it lists follows the role's read actions and reach.
  app.get(
    '/api/notifications',
    {
      config: { permission: 'SIGNED_IN' },
      schema: { response: { 200: NotificationListSchema, ...errorResponses } },
    },
    async (request) => listNotifications(prisma, actor(request)),
  );
};
