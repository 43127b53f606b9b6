import {
  etagOf,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import {
  CreateRiskPointCheckInputSchema,
  CreateRiskPointInputSchema,
  ListOnePointChecksQuerySchema,
  ListRiskPointChecksQuerySchema,
  ListRiskPointsQuerySchema,
  RecordRiskPointCheckResultSchema,
  RiskPointCheckPageSchema,
  RiskPointPageSchema,
  RiskPointSchema,
  UpdateRiskPointInputSchema,
} from '@dutyboard/contracts/risk-points';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { runWrite } from '../plugins/write.ts';
import {
  createRiskPoint,
  deleteRiskPoint,
  getRiskPoint,
  listChecksOfPoint,
  listRiskPointChecks,
  listRiskPoints,
  recordRiskPointCheck,
  updateRiskPoint,
} from '../services/risk-points/risk-points.ts';
import { errorResponses } from './responses.ts';

export const riskPointRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient }> = async (app, { prisma }) => {
  app.get(
    '/api/risk-points',
    {
      config: { permission: 'riskpoint:read' },
      schema: { querystring: ListRiskPointsQuerySchema, response: { 200: RiskPointPageSchema, ...errorResponses } },
    },
    async (request) => listRiskPoints(prisma, actor(request), request.query),
  );

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

  app.post(
    '/api/risk-points',
    {
      config: { permission: 'riskpoint:write' },
      schema: {
        headers: IdempotencyHeadersSchema,
        body: CreateRiskPointInputSchema,
        response: { 201: RiskPointSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      runWrite(prisma, request, reply, (tx) => createRiskPoint(tx, actor(request), request.body), { status: 201 }),
  );

  app.get(
    '/api/risk-points/:id',
    {
      config: { permission: 'riskpoint:read' },
      schema: { params: IdParamsSchema, response: { 200: RiskPointSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const point = await getRiskPoint(prisma, actor(request), request.params.id);
      return reply.header('etag', etagOf(point.version)).send(point);
    },
  );

  app.patch(
    '/api/risk-points/:id',
    {
      config: { permission: 'riskpoint:write' },
      schema: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateRiskPointInputSchema,
        response: { 200: RiskPointSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const point = await runWrite(prisma, request, reply, (tx) =>
        updateRiskPoint(tx, actor(request), request.params.id, request.body, version),
      );
      return reply.header('etag', etagOf(point.version)).send(point);
    },
  );

  app.delete(
    '/api/risk-points/:id',
    {
      config: { permission: 'riskpoint:write' },
      schema: { params: IdParamsSchema, headers: IfMatchHeadersSchema, response: { 200: OkSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) => deleteRiskPoint(tx, actor(request), request.params.id, version));
      return { ok: true as const };
    },
  );

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
  app.post(
    '/api/risk-points/:id/checks',
    {
      config: { permission: 'riskpoint:write' },
      schema: {
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema.extend(IfMatchHeadersSchema.shape),
        body: CreateRiskPointCheckInputSchema,
        response: { 201: RecordRiskPointCheckResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const result = await runWrite(
        prisma,
        request,
        reply,
        (tx) => recordRiskPointCheck(tx, actor(request), request.params.id, request.body, version),
        { status: 201 },
      );
      return reply.header('etag', etagOf(result.riskPoint.version)).send(result);
    },
  );
};
