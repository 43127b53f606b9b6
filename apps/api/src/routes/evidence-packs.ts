// 证据包: ask for a pack of an org subtree and period (202, made in the background), follow its
// progress, download the zip. Reading the lists a pack holds is what it takes: every role with
// the dashboard's read permission has all of them (the service checks each one).

import { createReadStream } from 'node:fs';
import path from 'node:path';
import { IdParamsSchema } from '@dutyboard/contracts/common';
import { ErrorBodySchema } from '@dutyboard/contracts/errors';
import {
  CreateEvidencePackInputSchema,
  EvidencePackListSchema,
  EvidencePackSchema,
} from '@dutyboard/contracts/evidence-packs';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { actor } from '../plugins/auth.ts';
import {
  createEvidencePack,
  evidencePackFile,
  getEvidencePack,
  listEvidencePacks,
} from '../services/evidence-packs/packs.ts';
import type { Jobs } from '../services/jobs/jobs.ts';
import { errorResponses } from './responses.ts';

const PERMISSION = 'dashboard:read' as const;

export const evidencePackRoutes: FastifyPluginAsyncZod<{ prisma: PrismaClient; config: Config; jobs: Jobs }> = async (
  app,
  { prisma, config, jobs },
) => {
  const dataDir = path.resolve(config.DATA_DIR);
  // Packs run in this process's jobs (services/jobs: owner, heartbeat, recovery, shutdown).
  const deps = { prisma, dataDir, log: app.log, jobs };

  app.post(
    '/api/evidence-packs',
    {
      config: { permission: PERMISSION, throttled: true },
      schema: {
        body: CreateEvidencePackInputSchema,
        response: { 202: EvidencePackSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const pack = await createEvidencePack(deps, actor(request), request.body);
      return reply.status(202).header('location', `/api/evidence-packs/${pack.id}`).send(pack);
    },
  );

  app.get(
    '/api/evidence-packs',
    {
      config: { permission: PERMISSION },
      schema: { response: { 200: EvidencePackListSchema, ...errorResponses } },
    },
    async (request) => listEvidencePacks(prisma, actor(request)),
  );

  app.get(
    '/api/evidence-packs/:id',
    {
      config: { permission: PERMISSION },
      schema: { params: IdParamsSchema, response: { 200: EvidencePackSchema, ...errorResponses } },
    },
    async (request) => getEvidencePack(prisma, actor(request), request.params.id),
  );

  app.get(
    '/api/evidence-packs/:id/file',
    {
      config: { permission: PERMISSION },
      schema: {
        params: IdParamsSchema,
        // The zip's bytes (application/zip).
        response: { 200: z.any(), 409: ErrorBodySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await evidencePackFile(prisma, dataDir, actor(request), request.params.id);
      // ASCII name for old clients, the Chinese one (RFC 6266 / 5987) for everyone else.
      const disposition = `attachment; filename="evidence-pack-${file.periodCode}.zip"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
      return reply
        .header('content-type', 'application/zip')
        .header('content-length', String(file.size))
        .header('content-disposition', disposition)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('etag', `"${file.sha256}"`)
        .send(createReadStream(file.path));
    },
  );
};
