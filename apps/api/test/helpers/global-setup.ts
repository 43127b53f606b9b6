// Once per API test run: a PostgreSQL (TEST_DATABASE_URL's server, or an embedded one under
// .data/test-pg), and a template database with every migration applied. Test files clone it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase, ensureDatabase, withDatabase } from '@dutyboard/db/admin';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@dutyboard/db/embedded';
import { migrateDeploy } from '@dutyboard/db/migrate';
import type { TestProject } from 'vitest/node';

export const TEMPLATE_DB = 'dutyboard_test_template';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

let embedded: EmbeddedDatabase | undefined;

export async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    adminUrl = withDatabase(adminUrl, 'postgres');
  } else {
    // One data folder per port: starting a cluster stops whatever still runs on its folder, so two
    // runs in one checkout (different TEST_PG_PORTs) must not share one (docs/traps.md).
    const port = Number(process.env.TEST_PG_PORT ?? 54339);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(root, port === 54339 ? '.data/test-pg' : `.data/test-pg-${port}`),
      port,
    });
    adminUrl = embedded.adminUrl;
  }
  await dropDatabase(adminUrl, TEMPLATE_DB);
  await ensureDatabase(adminUrl, TEMPLATE_DB);
  await migrateDeploy(withDatabase(adminUrl, TEMPLATE_DB));
  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', TEMPLATE_DB);
}

export async function teardown() {
  await embedded?.stop();
}
