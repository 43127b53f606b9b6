import {
  CreatePublicityInputSchema,
  ListPublicityQuerySchema,
  PublicityItemSchema,
  PublicityPageSchema,
  UpdatePublicityInputSchema,
} from '@dutyboard/contracts/publicity';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FileStore } from '../services/attachments/store.ts';
import {
  createPublicityItem,
  deletePublicityItem,
  getPublicityItem,
  listPublicity,
  updatePublicityItem,
} from '../services/publicity/publicity.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import { recordRoutes } from './record-routes.ts';

export const publicityRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> = async (
  app,
  { prisma, files },
) => {
  recordRoutes(app, {
    prisma,
    files,
    path: '/api/publicity',
    kind: RECORD_KINDS.PublicityItem,
    schemas: {
      query: ListPublicityQuerySchema,
      page: PublicityPageSchema,
      record: PublicityItemSchema,
      create: CreatePublicityInputSchema,
      update: UpdatePublicityInputSchema,
    },
    service: {
      list: listPublicity,
      create: createPublicityItem,
      get: getPublicityItem,
      update: updatePublicityItem,
      remove: deletePublicityItem,
    },
  }).all();
};
