// A fresh database (cloned from the migrated template) and an app built on it, per test file.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabaseFromTemplate, dropDatabase, withDatabase } from '@dutyboard/db/admin';
import { createPrisma, type PrismaClient } from '@dutyboard/db/client';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { type BuildAppOptions, buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';

export interface TestContext {
  app: FastifyInstance;
  prisma: PrismaClient;
  config: Config;
  databaseUrl: string;
  close(): Promise<void>;
}

export async function createTestContext(
  env: Record<string, string> = {},
  options: Pick<BuildAppOptions, 'onRoute'> = {},
): Promise<TestContext> {
  const adminUrl = inject('adminUrl');
  const name = `dutyboard_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseFromTemplate(adminUrl, name, inject('templateDb'));
  const databaseUrl = withDatabase(adminUrl, name);
  // Each file gets its own folder for stored files (attachments), removed with the database.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dutyboard-test-'));
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
  const prisma = createPrisma(databaseUrl, { max: 4 });
  const app = await buildApp({ config, prisma, ...options });
  return {
    app,
    prisma,
    config,
    databaseUrl,
    async close() {
      await app.close();
      await prisma.$disconnect();
      await dropDatabase(adminUrl, name);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
