// Study sessions: the standard routes of the kind, the 中心组's 补学 step and the list of members
// still owing one (ADR 051).
import {
  CreateStudySessionInputSchema,
  ListStudySessionsQuerySchema,
  MakeUpsOwedQuerySchema,
  MakeUpsOwedSchema,
  RecordMakeUpInputSchema,
  StudySessionPageSchema,
  StudySessionSchema,
  UpdateStudySessionInputSchema,
} from '@dutyboard/contracts/study-sessions';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import type { FileStore } from '../services/attachments/store.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import { listMakeUpsOwed, recordMakeUp, studySessionService } from '../services/study-sessions/study-sessions.ts';
import { recordRoutes } from './record-routes.ts';
import { errorResponses } from './responses.ts';

export const studySessionRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> = async (
  app,
  { prisma, files },
) => {
  const sessions = recordRoutes(app, {
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
    service: studySessionService,
  });

  // Members of 中心组 sessions who missed one and have not made it up yet (a static path: it is
  // matched before /:id).
  app.get(
    '/api/study-sessions/make-ups-owed',
    {
      config: { permission: 'study:read' },
      schema: {
        summary: '待补学名单',
        querystring: MakeUpsOwedQuerySchema,
        response: { 200: MakeUpsOwedSchema, ...errorResponses },
      },
    },
    async (request) => listMakeUpsOwed(prisma, actor(request), request.query),
  );

  sessions.all();

  // A member's 补学, recorded after the session on the version the writer saw.
  sessions.step('make-ups', { permission: 'study:write', body: RecordMakeUpInputSchema, run: recordMakeUp });
};
