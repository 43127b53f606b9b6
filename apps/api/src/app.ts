// Builds the Fastify app: plugins first, then routes. Tests import this and use app.inject();
// server.ts only listens.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@dutyboard/db/client';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import { registerAuth } from './plugins/auth.ts';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling } from './plugins/errors.ts';
import { PATH_SEGMENT_MAX_LENGTH, registerSecurity, withSecurityHeaders } from './plugins/security.ts';
import { textSafeValidatorCompiler } from './plugins/validation.ts';
import { accountabilityRoutes } from './routes/accountability.ts';
import { activityRoutes } from './routes/activities.ts';
import { assessmentCampaignRoutes } from './routes/assessment-campaigns.ts';
import { assessmentResultRoutes } from './routes/assessment-results.ts';
import { assessmentSchemeXlsxRoutes } from './routes/assessment-scheme-xlsx.ts';
import { assessmentSchemeRoutes } from './routes/assessment-schemes.ts';
import { assignmentRoutes } from './routes/assignments.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { committeeMeetingRoutes } from './routes/committee-meetings.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { dutyRoutes } from './routes/duties.ts';
import { eventApprovalRoutes } from './routes/event-approvals.ts';
import { evidencePackRoutes } from './routes/evidence-packs.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { historyRoutes } from './routes/history.ts';
import { importRoutes } from './routes/imports.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { orgRoutes } from './routes/orgs.ts';
import { planRoutes } from './routes/plan.ts';
import { publicityRoutes } from './routes/publicity.ts';
import { rectificationRoutes } from './routes/rectifications.ts';
import { reportRoutes } from './routes/reports.ts';
import { describeRoute } from './routes/responses.ts';
import { riskAlertRoutes } from './routes/risk-alerts.ts';
import { riskPointRoutes } from './routes/risk-points.ts';
import { studySessionRoutes } from './routes/study-sessions.ts';
import { userRoutes } from './routes/users.ts';
import { Jobs } from './services/jobs/jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's background jobs (evidence packs, imports; ADR 021). */
    jobs: Jobs;
  }
}

import { FileStore } from './services/attachments/store.ts';

// Validation messages in Chinese, the users' language (the web maps codes for English).
z.config(z.locales.zhCN());

export interface BuildAppOptions {
  config: Config;
  prisma: PrismaClient;
  /** Sees every route as it is added (tests build the route table from it: matrix, fuzzer). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp({ config, prisma, onRoute }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: false,
    // Ids are UUIDs; anything longer in a path is junk (plugins/security.ts answers 414).
    routerOptions: { maxParamLength: PATH_SEGMENT_MAX_LENGTH },
    // Bad percent-encoding and over-long path parameters answer in the error shape too.
    frameworkErrors: withSecurityHeaders(frameworkErrorHandler, config.COOKIE_SECURE),
    // And so do requests Node's parser refuses before Fastify sees them (headers over 16 KB…).
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(textSafeValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  if (onRoute) app.addHook('onRoute', onRoute);

  registerErrorHandling(app, { spaFallback: Boolean(config.WEB_DIST) });
  // Answers are compressed for clients that ask (ADR 031): JSON and CSV are; xlsx, docx, zip,
  // pdf and images are compressed already and pass as they are (mime-db's "compressible"); answers
  // under 1 KB are not worth it. Brotli at quality 4 (the plugin's default) sends the city
  // dashboard's 140 KB as 12 KB and the 972 KB org list as 185 KB (UUIDs hardly compress), in a
  // few ms. The web's hashed assets come with the .br/.gz copies the build writes (serveWeb), so
  // only files without one are compressed here. Fixed encodings so Node 20 and Node 24 (which
  // adds zstd) answer alike; request bodies are not decompressed.
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
  });
  await app.register(fastifyCookie);
  const policy = {
    idleMs: config.SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: config.SESSION_ABSOLUTE_HOURS * 3_600_000,
  };
  // Headers, Origin check and URL limit before the auth hook (plugins/security.ts).
  registerSecurity(app, { prisma, config });
  registerAuth(app, prisma, policy);

  // OpenAPI at /api/docs (UI) and /api/docs/json, generated from the same zod schemas the routes
  // validate with. Registered before the routes so it sees all of them.
  // Every route gets an operationId, a summary and the error answers its traits imply (routes/responses.ts).
  app.addHook('onRoute', describeRoute);
  await app.register(fastifySwagger, {
    openapi: {
      servers: [{ url: '/', description: '本服务（同源）' }],
      info: { title: 'Dutyboard API', version: '1.0.0', description: '意识形态工作责任制落实看板 REST API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dutyboard_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Evidence files (ADR 009): uploads store them, deleting a record releases the ones only it used.
  const files = new FileStore(path.resolve(config.DATA_DIR, 'files'));
  // Background jobs (ADR 021): recovery and heartbeats start when the app is ready; closing stops
  // the runners (server.ts closes them before the database pool, whatever the hook order).
  const jobs = new Jobs({ prisma, log: app.log, staleMs: config.JOB_STALE_MS, hold: config.JOB_HOLD_FOR_TESTS });
  app.decorate('jobs', jobs);
  app.addHook('onReady', () => jobs.start());
  app.addHook('onClose', () => jobs.close());

  await app.register(healthRoutes, { prisma });
  await app.register(authRoutes, { prisma, config, policy });
  await app.register(orgRoutes, { prisma });
  await app.register(activityRoutes, { prisma, files });
  await app.register(studySessionRoutes, { prisma, files });
  await app.register(publicityRoutes, { prisma, files });
  await app.register(riskPointRoutes, { prisma, files });
  await app.register(riskAlertRoutes, { prisma, files, reportHours: config.ALERT_REPORT_HOURS });
  await app.register(dashboardRoutes, { prisma });
  await app.register(userRoutes, { prisma });
  await app.register(attachmentRoutes, { prisma, config });
  await app.register(historyRoutes, { prisma });
  await app.register(rectificationRoutes, { prisma, files });
  await app.register(committeeMeetingRoutes, { prisma, files });
  await app.register(accountabilityRoutes, { prisma, files });
  await app.register(eventApprovalRoutes, { prisma, files });
  await app.register(notificationRoutes, { prisma });
  await app.register(planRoutes, { prisma });
  await app.register(assignmentRoutes, { prisma, files });
  await app.register(evidencePackRoutes, { prisma, config, jobs });
  await app.register(exportRoutes, { prisma });
  await app.register(auditRoutes, { prisma });
  await app.register(importRoutes, { prisma, config, jobs });
  await app.register(reportRoutes, { prisma });
  await app.register(assessmentSchemeRoutes, { prisma });
  await app.register(assessmentSchemeXlsxRoutes, { prisma, config });
  await app.register(assessmentCampaignRoutes, { prisma });
  await app.register(assessmentResultRoutes, { prisma });
  await app.register(dutyRoutes, { prisma });

  if (config.WEB_DIST) await serveWeb(app, path.resolve(config.WEB_DIST));
  return app;
}

/**
 * Serves the built SPA; files are looked up per request, so a rebuild needs no restart. Files
 * under assets/ carry a content hash in their name, so browsers keep them for a year without
 * asking again; everything else (index.html) is revalidated every time. The build writes .br and
 * .gz copies next to each asset (apps/web/scripts/precompress.mjs), sent to browsers that accept
 * them.
 */
async function serveWeb(app: FastifyInstance, root: string): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`WEB_DIST=${root} has no index.html: build the web app first (pnpm build).`);
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      const immutable = path.relative(root, file).split(path.sep)[0] === 'assets';
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
