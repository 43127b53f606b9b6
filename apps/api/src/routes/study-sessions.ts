import {
  etagOf,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import {
  CreateStudySessionInputSchema,
  ListStudySessionsQuerySchema,
  StudySessionPageSchema,
  StudySessionSchema,
  UpdateStudySessionInputSchema,
} from '@dutyboard/contracts/study-sessions';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { runWrite } from '../plugins/write.ts';
import {
  createStudySession,
  deleteStudySession,
  getStudySession,
  listStudySessions,
  updateStudySession,
} from '../services/study-sessions/study-sessions.ts';
import { errorResponses } from './responses.ts';

export const studySessionRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/study-sessions',
    {
      config: { permission: 'study:read' },
      schema: {
        querystring: ListStudySessionsQuerySchema,
        response: { 200: StudySessionPageSchema, ...errorResponses },
      },
    },
    async (request) => listStudySessions(prisma, actor(request), request.query),
  );

  app.post(
    '/api/study-sessions',
    {
      config: { permission: 'study:write' },
      schema: {
        headers: IdempotencyHeadersSchema,
        body: CreateStudySessionInputSchema,
        response: { 201: StudySessionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      runWrite(prisma, request, reply, (tx) => createStudySession(tx, actor(request), request.body), { status: 201 }),
  );

  app.get(
    '/api/study-sessions/:id',
    {
      config: { permission: 'study:read' },
      schema: { params: IdParamsSchema, response: { 200: StudySessionSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const session = await getStudySession(prisma, actor(request), request.params.id);
      return reply.header('etag', etagOf(session.version)).send(session);
    },
  );

  app.patch(
    '/api/study-sessions/:id',
    {
      config: { permission: 'study:write' },
      schema: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateStudySessionInputSchema,
        response: { 200: StudySessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const session = await runWrite(prisma, request, reply, (tx) =>
        updateStudySession(tx, actor(request), request.params.id, request.body, version),
      );
      return reply.header('etag', etagOf(session.version)).send(session);
    },
  );

  app.delete(
    '/api/study-sessions/:id',
    {
      config: { permission: 'study:write' },
      schema: { params: IdParamsSchema, headers: IfMatchHeadersSchema, response: { 200: OkSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) =>
        deleteStudySession(tx, actor(request), request.params.id, version),
      );
      return { ok: true as const };
    },
  );
};
