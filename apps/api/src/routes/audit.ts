// The audit trail's integrity check (ADR 012): auditors and administrators read whether the chain
// of audit events is intact, and if not, where it first breaks. A broken chain is a finding, not
// a failure of the request, so it answers 200 with ok=false.
import { AuditVerifyResultSchema } from '@dutyboard/contracts/audit';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
};
