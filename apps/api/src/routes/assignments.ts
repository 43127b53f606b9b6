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
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
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
    async (request) => ({ items: await listOwners(prisma, actor(request)) }),
  );

  assignments.create();
  assignments.get();
  assignments.update();
  assignments.remove();

  // 办结 also by the task's owner: every reader may ask, the service checks on the loaded task.
  assignments.step('close', {
    permission: 'assignment:read',
    body: CloseAssignmentInputSchema,
    run: closeAssignment,
  });
};
