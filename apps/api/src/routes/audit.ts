// The audit trail's integrity check (ADR 012): auditors and administrators read whether the chain
// of audit events is intact, and if not, where it first breaks. A broken chain is a finding, not
// a failure of the request, so it answers 200 with ok=false. And the trail read as a log (操作日志):
// every event in the reader's reach, filtered and paged.
import { AuditVerifyResultSchema } from '@dutyboard/contracts/audit';
import { OplogActorsSchema, OplogPageSchema, OplogQuerySchema } from '@dutyboard/contracts/oplog';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { listOplog, listOplogActors } from '../services/audit/oplog.ts';
import { verifyAuditChain } from '../services/audit/verify.ts';
import { errorResponses } from './responses.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit:read' },
      schema: { response: { 200: AuditVerifyResultSchema, ...errorResponses } },
    },
    async () => verifyAuditChain(prisma),
  );

  app.get(
    '/api/oplog',
    {
      config: { permission: 'oplog:read' },
      schema: {
        summary: '操作日志',
        querystring: OplogQuerySchema,
        response: { 200: OplogPageSchema, ...errorResponses },
      },
    },
    async (request) => listOplog(prisma, actor(request), request.query),
  );

  app.get(
    '/api/oplog/actors',
    {
      config: { permission: 'oplog:read' },
      schema: { summary: '操作日志的操作人', response: { 200: OplogActorsSchema, ...errorResponses } },
    },
    async (request) => listOplogActors(prisma, actor(request)),
  );
};
