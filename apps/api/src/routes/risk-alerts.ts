import {
  etagOf,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import { ErrorBodySchema } from '@dutyboard/contracts/errors';
import {
  type AlertReportHours,
  CreateRiskAlertInputSchema,
  ListRiskAlertsQuerySchema,
  RiskAlertDetailSchema,
  RiskAlertPageSchema,
  TransitionHeadersSchema,
  TransitionRiskAlertInputSchema,
  UpdateRiskAlertInputSchema,
} from '@dutyboard/contracts/risk-alerts';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor } from '../plugins/auth.ts';
import { runWrite } from '../plugins/write.ts';
import {
  createRiskAlert,
  deleteRiskAlert,
  getRiskAlert,
  listRiskAlerts,
  transitionRiskAlert,
  updateRiskAlert,
} from '../services/risk-alerts/risk-alerts.ts';
import { errorResponses } from './responses.ts';

export interface RiskAlertRoutesOptions {
  prisma: PrismaClient;
  /** config.ALERT_REPORT_HOURS: the reporting clock per level. */
  reportHours: AlertReportHours;
  /** The clock the reporting deadline and 催办 are judged by (tests inject one). */
  now?: () => Date;
}

const responses = { ...errorResponses, 412: ErrorBodySchema, 422: ErrorBodySchema } as const;

export const riskAlertRoutes: FastifyPluginAsyncZod<RiskAlertRoutesOptions> = async (
  app,
  { prisma, reportHours, now = () => new Date() },
) => {
  app.get(
    '/api/risk-alerts',
    {
      config: { permission: 'alert:read' },
      schema: { querystring: ListRiskAlertsQuerySchema, response: { 200: RiskAlertPageSchema, ...responses } },
    },
    async (request) => listRiskAlerts(prisma, actor(request), request.query, now()),
  );

  app.post(
    '/api/risk-alerts',
    {
      config: { permission: 'alert:register' },
      schema: {
        headers: IdempotencyHeadersSchema,
        body: CreateRiskAlertInputSchema,
        response: { 201: RiskAlertDetailSchema, ...responses },
      },
    },
    async (request, reply) => {
      const alert = await runWrite(
        prisma,
        request,
        reply,
        (tx) => createRiskAlert(tx, actor(request), request.body, { reportHours, now: now() }),
        { status: 201 },
      );
      return reply.header('etag', etagOf(alert.version)).send(alert);
    },
  );

  app.get(
    '/api/risk-alerts/:id',
    {
      config: { permission: 'alert:read' },
      schema: { params: IdParamsSchema, response: { 200: RiskAlertDetailSchema, ...responses } },
    },
    async (request, reply) => {
      const alert = await getRiskAlert(prisma, actor(request), request.params.id, now());
      return reply.header('etag', etagOf(alert.version)).send(alert);
    },
  );

  app.patch(
    '/api/risk-alerts/:id',
    {
      config: { permission: 'alert:register' },
      schema: {
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: UpdateRiskAlertInputSchema,
        response: { 200: RiskAlertDetailSchema, ...responses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const alert = await runWrite(prisma, request, reply, (tx) =>
        updateRiskAlert(tx, actor(request), request.params.id, request.body, version, { reportHours, now: now() }),
      );
      return reply.header('etag', etagOf(alert.version)).send(alert);
    },
  );

  // Deleting is for a mistaken 登记 only (the service refuses once assessed), and leadership's call.
  app.delete(
    '/api/risk-alerts/:id',
    {
      config: { permission: 'alert:assess' },
      schema: { params: IdParamsSchema, headers: IfMatchHeadersSchema, response: { 200: OkSchema, ...responses } },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await runWrite(prisma, request, reply, (tx) => deleteRiskAlert(tx, actor(request), request.params.id, version));
      return { ok: true as const };
    },
  );

  // Every reader may ask; the step's own action (ALERT_STEP_ACTION) is checked on the loaded alert.
  app.post(
    '/api/risk-alerts/:id/transitions',
    {
      config: { permission: 'alert:read' },
      schema: {
        params: IdParamsSchema,
        headers: TransitionHeadersSchema,
        body: TransitionRiskAlertInputSchema,
        response: { 200: RiskAlertDetailSchema, ...responses },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const alert = await runWrite(prisma, request, reply, (tx) =>
        transitionRiskAlert(tx, actor(request), request.params.id, request.body, version, now()),
      );
      return reply.header('etag', etagOf(alert.version)).send(alert);
    },
  );
};
