import { OrgListSchema } from '@dutyboard/contracts/orgs';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { listOrgs } from '../services/orgs/orgs.ts';
import { errorResponses } from './responses.ts';

export const orgRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/orgs',
    { config: { permission: 'org:read' }, schema: { response: { 200: OrgListSchema, ...errorResponses } } },
    async (request) => ({ items: await listOrgs(prisma, actor(request)) }),
  );
};
