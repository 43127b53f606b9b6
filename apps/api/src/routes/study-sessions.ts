import {
  CreateStudySessionInputSchema,
  ListStudySessionsQuerySchema,
  StudySessionPageSchema,
  StudySessionSchema,
  UpdateStudySessionInputSchema,
} from '@dutyboard/contracts/study-sessions';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FileStore } from '../services/attachments/store.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import {
  createStudySession,
  deleteStudySession,
  getStudySession,
  listStudySessions,
  updateStudySession,
} from '../services/study-sessions/study-sessions.ts';
import { recordRoutes } from './record-routes.ts';

export const studySessionRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> = async (
  app,
  { prisma, files },
) => {
  recordRoutes(app, {
    prisma,
    files,
    path: '/api/study-sessions',
    kind: RECORD_KINDS.StudySession,
    schemas: {
      query: ListStudySessionsQuerySchema,
      page: StudySessionPageSchema,
      record: StudySessionSchema,
      create: CreateStudySessionInputSchema,
      update: UpdateStudySessionInputSchema,
    },
    service: {
      list: listStudySessions,
      create: createStudySession,
      get: getStudySession,
      update: updateStudySession,
      remove: deleteStudySession,
    },
  }).all();
};
