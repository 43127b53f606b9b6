// 责任清单 HTTP: reads with assignment:read, writes by leadership (plan:manage); 办结 also by the
// task's owner (checked on the record in the service).
import {
  AssignmentOwnerListSchema,
  AssignmentPageSchema,
  AssignmentSchema,
  CloseAssignmentInputSchema,
  CreateAssignmentInputSchema,
  ListAssignmentsQuerySchema,
  UpdateAssignmentInputSchema,
} from '@dutyboard/contracts/assignments';
import {
  etagOf,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { runWrite } from '../plugins/write.ts';
import {
  closeAssignment,
  createAssignment,
  deleteAssignment,
  getAssignment,
  listAssignments,
  listOwners,
  updateAssignment,
} from '../services/assignments/assignments.ts';
import { errorResponses } from './responses.ts';

export const assignmentRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/assignments',
    {
      config: { permission: 'assignment:read' },
      schema: { querystring: ListAssignmentsQuerySchema, response: { 200: AssignmentPageSchema, ...errorResponses } },
    },
    async (request) => listAssignments(prisma, actor(request), request.query),
  );

  app.get(
    '/api/assignments/owners',
    {
      config: { permission: 'plan:manage' },
      schema: { response: { 200: AssignmentOwnerListSchema, ...errorResponses } },
    },
    async () => ({ items: await listOwners(prisma) }),
  );

  app.post(
    '/api/assignments',
    {
      config: { permission: 'plan:manage' },
      schema: {
        headers: IdempotencyHeadersSchema,
        body: CreateAssignmentInputSchema,
        response: { 201: AssignmentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      runWrite(prisma, request, reply, (tx) => createAssignment(tx, actor(request), request.body), { status: 201 }),
  );

  app.get(
    '/api/assignments/:id',
    {
      config: { permission: 'assignment:read' },
      schema: { params: IdParamsSchema, response: { 200: AssignmentSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const assignment = await getAssignment(prisma, actor(request), request.params.id);
      return reply.header('etag', etagOf(assignment.version)).send(assignment);
    },
  );

  app.patch(
    '/api/assignments/:id',
    {
      config: { permission: 'plan:manage' },
      schema: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateAssignmentInputSchema,
        response: { 200: AssignmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const assignment = await runWrite(prisma, request, reply, (tx) =>
        updateAssignment(tx, actor(request), request.params.id, request.body, version),
      );
      return reply.header('etag', etagOf(assignment.version)).send(assignment);
    },
  );

  app.delete(
    '/api/assignments/:id',
    {
      config: { permission: 'plan:manage' },
      schema: { params: IdParamsSchema, headers: IfMatchHeadersSchema, response: { 200: OkSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) => deleteAssignment(tx, actor(request), request.params.id, version));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/assignments/:id/close',
    {
      config: { permission: 'assignment:read' },
      schema: {
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema.extend(IfMatchHeadersSchema.shape),
        body: CloseAssignmentInputSchema,
        response: { 200: AssignmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const assignment = await runWrite(prisma, request, reply, (tx) =>
        closeAssignment(tx, actor(request), request.params.id, request.body, version),
      );
      return reply.header('etag', etagOf(assignment.version)).send(assignment);
    },
  );
};
