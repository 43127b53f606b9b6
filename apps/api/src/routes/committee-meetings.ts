// 党工委 meetings (ADR 046): the five standard routes of a record kind (record-routes.ts).
import {
  CreateMeetingInputSchema,
  ListMeetingsQuerySchema,
  MeetingPageSchema,
  MeetingSchema,
  UpdateMeetingInputSchema,
} from '@dutyboard/contracts/committee-meetings';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FileStore } from '../services/attachments/store.ts';
import {
  createMeeting,
  deleteMeeting,
  getMeeting,
  listMeetings,
  updateMeeting,
} from '../services/committee-meetings/committee-meetings.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import { recordRoutes } from './record-routes.ts';

export const committeeMeetingRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> = async (
  app,
  { prisma, files },
) => {
  recordRoutes(app, {
    prisma,
    files,
    path: '/api/committee-meetings',
    kind: RECORD_KINDS.CommitteeMeeting,
    schemas: {
      query: ListMeetingsQuerySchema,
      page: MeetingPageSchema,
      record: MeetingSchema,
      create: CreateMeetingInputSchema,
      update: UpdateMeetingInputSchema,
    },
    etagOnCreate: true,
    service: {
      list: listMeetings,
      create: createMeeting,
      get: getMeeting,
      update: updateMeeting,
      remove: deleteMeeting,
    },
  }).all();
};
