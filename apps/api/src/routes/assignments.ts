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
import type { FileStore } from '../services/attachments/store.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import { recordRoutes } from './record-routes.ts';
import { errorResponses } from './responses.ts';

export const assignmentRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> = async (
  app,
  { prisma, files },
) => {
  const assignments = recordRoutes(app, {
    prisma,
    files,
    path: '/api/assignments',
    kind: RECORD_KINDS.Assignment,
    schemas: {
      query: ListAssignmentsQuerySchema,
      page: AssignmentPageSchema,
      record: AssignmentSchema,
      create: CreateAssignmentInputSchema,
      update: UpdateAssignmentInputSchema,
    },
    service: {
      list: listAssignments,
      create: createAssignment,
      get: getAssignment,
      update: updateAssignment,
      remove: deleteAssignment,
    },
  });
  // The collection's own routes, with /owners kept where it always was in the route order.
  assignments.list();

  app.get(
    '/api/assignments/owners',
    {
      config: { permission: 'plan:manage' },
      schema: { response: { 200: AssignmentOwnerListSchema, ...errorResponses } },
    },
    async () => ({ items: await listOwners(prisma) }),
  );

  assignments.create();
  assignments.get();
  assignments.update();
  assignments.remove();

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
