import {
  AccountabilityPageSchema,
  AccountabilitySchema,
  CreateAccountabilityInputSchema,
  ListAccountabilityQuerySchema,
  UpdateAccountabilityInputSchema,
} from '@dutyboard/contracts/accountability';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createAccountability,
  deleteAccountability,
  getAccountability,
  listAccountability,
  updateAccountability,
} from '../services/accountability/accountability.ts';
import type { FileStore } from '../services/attachments/store.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import { recordRoutes } from './record-routes.ts';

/** 督查 / 通报 / 谈话 / 问责 (ADR 049): accountability:read to read, accountability:write to write. */
export const accountabilityRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> = async (
  app,
  { prisma, files },
) => {
  recordRoutes(app, {
    prisma,
    files,
    path: '/api/accountability',
    kind: RECORD_KINDS.Accountability,
    schemas: {
      query: ListAccountabilityQuerySchema,
      page: AccountabilityPageSchema,
      record: AccountabilitySchema,
      create: CreateAccountabilityInputSchema,
      update: UpdateAccountabilityInputSchema,
    },
    etagOnCreate: true,
    service: {
      list: listAccountability,
      create: createAccountability,
      get: getAccountability,
      update: updateAccountability,
      remove: deleteAccountability,
    },
  }).all();
};
