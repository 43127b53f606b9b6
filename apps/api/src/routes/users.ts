import { IdParamsSchema } from '@dutyboard/contracts/common';
import { CreateUserInputSchema, UpdateUserInputSchema, UserListSchema, UserSchema } from '@dutyboard/contracts/users';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { createUser, listUsers, updateUser } from '../services/users/users.ts';
import { errorResponses } from './responses.ts';

export const userRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/users',
    { config: { permission: 'user:manage' }, schema: { response: { 200: UserListSchema, ...errorResponses } } },
    async (request) => ({ items: await listUsers(prisma, actor(request)) }),
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'user:manage' },
      schema: { body: CreateUserInputSchema, response: { 201: UserSchema, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await createUser(prisma, actor(request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'user:manage' },
      schema: { params: IdParamsSchema, body: UpdateUserInputSchema, response: { 200: UserSchema, ...errorResponses } },
    },
    async (request) => updateUser(prisma, actor(request), request.params.id, request.body),
  );
};
