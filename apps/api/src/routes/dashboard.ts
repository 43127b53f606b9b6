import { DashboardQuerySchema, DashboardSchema } from '@dutyboard/contracts/dashboard';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { getDashboard } from '../services/dashboard/dashboard.ts';
import { errorResponses } from './responses.ts';

export const dashboardRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/dashboard',
    {
      config: { permission: 'dashboard:read' },
      schema: { querystring: DashboardQuerySchema, response: { 200: DashboardSchema, ...errorResponses } },
    },
    async (request) => getDashboard(prisma, actor(request), request.query),
  );
};
