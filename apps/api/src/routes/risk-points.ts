import { IdParamsSchema } from '@dutyboard/contracts/common';
import {
  CreateRiskPointCheckInputSchema,
  CreateRiskPointInputSchema,
  ListOnePointChecksQuerySchema,
  ListRiskPointChecksQuerySchema,
  ListRiskPointsQuerySchema,
  RecordPositionUpdateInputSchema,
  RecordRiskPointCheckResultSchema,
  RiskPointCheckPageSchema,
  RiskPointPageSchema,
  RiskPointSchema,
  UpdateRiskPointInputSchema,
} from '@dutyboard/contracts/risk-points';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import type { FileStore } from '../services/attachments/store.ts';
import { RECORD_KINDS } from '../services/records/registry.ts';
import {
  listChecksOfPoint,
  listRiskPointChecks,
  recordPositionUpdate,
  recordRiskPointCheck,
  riskPointService,
} from '../services/risk-points/risk-points.ts';
import { recordRoutes } from './record-routes.ts';
import { errorResponses } from './responses.ts';

export const riskPointRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> = async (
  app,
  { prisma, files },
) => {
  const points = recordRoutes(app, {
    prisma,
    files,
    path: '/api/risk-points',
    kind: RECORD_KINDS.RiskPoint,
    schemas: {
      query: ListRiskPointsQuerySchema,
      page: RiskPointPageSchema,
      record: RiskPointSchema,
      create: CreateRiskPointInputSchema,
      update: UpdateRiskPointInputSchema,
    },
    service: riskPointService,
  });
  // The collection's own routes, with /checks kept where it always was in the route order.
  points.list();

  // Every check in the caller's scope: the list the RISK_POINT_CHECK figure drills down to.
  app.get(
    '/api/risk-points/checks',
    {
      config: { permission: 'riskpoint:read' },
      schema: {
        querystring: ListRiskPointChecksQuerySchema,
        response: { 200: RiskPointCheckPageSchema, ...errorResponses },
      },
    },
    async (request) => listRiskPointChecks(prisma, actor(request), request.query),
  );

  points.create();
  points.get();
  points.update();
  points.remove();

  app.get(
    '/api/risk-points/:id/checks',
    {
      config: { permission: 'riskpoint:read' },
      schema: {
        params: IdParamsSchema,
        querystring: ListOnePointChecksQuerySchema,
        response: { 200: RiskPointCheckPageSchema, ...errorResponses },
      },
    },
    async (request) => listChecksOfPoint(prisma, actor(request), request.params.id, request.query),
  );

  // Records a check (排查). Retried safely with an Idempotency-Key; If-Match (optional) names the
  // point's version the checker saw. Answers the check and the point as it now stands.
  points.step('checks', {
    permission: 'riskpoint:write',
    body: CreateRiskPointCheckInputSchema,
    response: RecordRiskPointCheckResultSchema,
    status: 201,
    run: recordRiskPointCheck,
    version: (result) => result.riskPoint.version,
  });

  // Records a content update (a post published) of the 阵地: its staleness rule reads it (ADR 049).
  points.step('updates', {
    permission: 'riskpoint:write',
    body: RecordPositionUpdateInputSchema,
    run: recordPositionUpdate,
  });
};
