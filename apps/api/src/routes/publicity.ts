import {
  etagOf,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import {
  CreatePublicityInputSchema,
  ListPublicityQuerySchema,
  PublicityItemSchema,
  PublicityPageSchema,
  UpdatePublicityInputSchema,
} from '@dutyboard/contracts/publicity';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { runWrite } from '../plugins/write.ts';
import {
  createPublicityItem,
  deletePublicityItem,
  getPublicityItem,
  listPublicity,
  updatePublicityItem,
} from '../services/publicity/publicity.ts';
import { errorResponses } from './responses.ts';

export const publicityRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/publicity',
    {
      config: { permission: 'publicity:read' },
      schema: { querystring: ListPublicityQuerySchema, response: { 200: PublicityPageSchema, ...errorResponses } },
    },
    async (request) => listPublicity(prisma, actor(request), request.query),
  );

  app.post(
    '/api/publicity',
    {
      config: { permission: 'publicity:write' },
      schema: {
        headers: IdempotencyHeadersSchema,
        body: CreatePublicityInputSchema,
        response: { 201: PublicityItemSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      runWrite(prisma, request, reply, (tx) => createPublicityItem(tx, actor(request), request.body), {
        status: 201,
      }),
  );

  app.get(
    '/api/publicity/:id',
    {
      config: { permission: 'publicity:read' },
      schema: { params: IdParamsSchema, response: { 200: PublicityItemSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const item = await getPublicityItem(prisma, actor(request), request.params.id);
      return reply.header('etag', etagOf(item.version)).send(item);
    },
  );

  app.patch(
    '/api/publicity/:id',
    {
      config: { permission: 'publicity:write' },
      schema: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdatePublicityInputSchema,
        response: { 200: PublicityItemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const item = await runWrite(prisma, request, reply, (tx) =>
        updatePublicityItem(tx, actor(request), request.params.id, request.body, version),
      );
      return reply.header('etag', etagOf(item.version)).send(item);
    },
  );

  app.delete(
    '/api/publicity/:id',
    {
      config: { permission: 'publicity:write' },
      schema: { params: IdParamsSchema, headers: IfMatchHeadersSchema, response: { 200: OkSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) =>
        deletePublicityItem(tx, actor(request), request.params.id, version),
      );
      return { ok: true as const };
    },
  );
};
