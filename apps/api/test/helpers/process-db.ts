// A fresh database (cloned from the migrated template) with the fixture users, and a data folder,
// for tests that run the API as separate processes (api-process.ts) rather than in this one.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabaseFromTemplate, dropDatabase, withDatabase } from '@dutyboard/db/admin';
import { createPrisma, type PrismaClient } from '@dutyboard/db/client';
import { inject } from 'vitest';
import { type Fixture, seedFixture } from './fixtures.ts';

export interface ProcessDatabase {
  databaseUrl: string;
  dataDir: string;
  prisma: PrismaClient;
  fx: Fixture;
  close(): Promise<void>;
}

export async function createProcessDatabase(): Promise<ProcessDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `dutyboard_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseFromTemplate(adminUrl, name, inject('templateDb'));
  const databaseUrl = withDatabase(adminUrl, name);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dutyboard-proc-'));
  const prisma = createPrisma(databaseUrl, { max: 2 });
  const fx = await seedFixture(prisma);
  return {
    databaseUrl,
    dataDir,
    prisma,
    fx,
    async close() {
      await prisma.$disconnect();
      await dropDatabase(adminUrl, name);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
