import {
  type AlertReportHours,
  CorrectRiskAlertInputSchema,
  CreateRiskAlertInputSchema,
  ListRiskAlertsQuerySchema,
  RiskAlertDetailSchema,
  RiskAlertPageSchema,
  TransitionRiskAlertInputSchema,
  UpdateRiskAlertInputSchema,
} from '@dutyboard/contracts/risk-alerts';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FileStore } from '../services/attachments/store.ts';
import {
  correctRiskAlert,
  createRiskAlert,
  deleteRiskAlert,
  getRiskAlert,
  listRiskAlerts,
  transitionRiskAlert,
  updateRiskAlert,
} from '../services/risk-alerts/risk-alerts.ts';
import { recordRoutes } from './record-routes.ts';

export interface RiskAlertRoutesOptions {
  prisma: PrismaClient;
  /** Where a deleted alert's evidence files are released from (app.ts; left out, they stay). */
  files?: FileStore;
  /** config.ALERT_REPORT_HOURS: the reporting clock per level. */
  reportHours: AlertReportHours;
  /** The clock the reporting deadline and 催办 are judged by (tests inject one). */
  now?: () => Date;
}

export const riskAlertRoutes: FastifyPluginAsyncZod<RiskAlertRoutesOptions> = async (
  app,
  { prisma, files, reportHours, now = () => new Date() },
) => {
  const alerts = recordRoutes(app, {
    prisma,
    files,
    path: '/api/risk-alerts',
    // Deleting is for a mistaken 登记 only (the service refuses once assessed), and leadership's call.
    permissions: { read: 'alert:read', create: 'alert:register', update: 'alert:register', delete: 'alert:assess' },
    schemas: {
      query: ListRiskAlertsQuerySchema,
      page: RiskAlertPageSchema,
      record: RiskAlertDetailSchema,
      create: CreateRiskAlertInputSchema,
      update: UpdateRiskAlertInputSchema,
    },
    etagOnCreate: true,
    service: {
      list: (db, user, query) => listRiskAlerts(db, user, query, now()),
      create: (tx, user, body) => createRiskAlert(tx, user, body, { reportHours, now: now() }),
      get: (db, user, id) => getRiskAlert(db, user, id, now()),
      update: (tx, user, id, body, version) =>
        updateRiskAlert(tx, user, id, body, version, { reportHours, now: now() }),
      remove: deleteRiskAlert,
    },
  });
  alerts.all();

  // Every reader may ask; the step's own action (ALERT_STEP_ACTION) is checked on the loaded alert.
  alerts.step('transitions', {
    permission: 'alert:read',
    body: TransitionRiskAlertInputSchema,
    run: (tx, user, id, body, version) => transitionRiskAlert(tx, user, id, body, version, now()),
  });

  // 更正 of the facts frozen past 登记 (org, level, registration time): leadership only, with a
  // reason; the reporting clock keeps its first due time (ADR 019).
  alerts.step('corrections', {
    permission: 'alert:correct',
    body: CorrectRiskAlertInputSchema,
    run: (tx, user, id, body, version) => correctRiskAlert(tx, user, id, body, version, now()),
  });
};
