import { IdParamsSchema } from '@dutyboard/contracts/common';
import { CreateOrgInputSchema, OrgListSchema, OrgUnitSchema, UpdateOrgInputSchema } from '@dutyboard/contracts/orgs';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { createOrg, listOrgs, updateOrg } from '../services/orgs/orgs.ts';
import { errorResponses } from './responses.ts';

export const orgRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/orgs',
    { config: { permission: 'org:read' }, schema: { response: { 200: OrgListSchema, ...errorResponses } } },
    async (request) => ({ items: await listOrgs(prisma, actor(request)) }),
  );

  app.post(
    '/api/orgs',
    {
      config: { permission: 'org:manage' },
      schema: { body: CreateOrgInputSchema, response: { 201: OrgUnitSchema, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await createOrg(prisma, actor(request), request.body)),
  );

  app.patch(
    '/api/orgs/:id',
    {
      config: { permission: 'org:manage' },
      schema: {
        params: IdParamsSchema,
        body: UpdateOrgInputSchema,
        response: { 200: OrgUnitSchema, ...errorResponses },
      },
    },
    async (request) => updateOrg(prisma, actor(request), request.params.id, request.body),
  );
};
