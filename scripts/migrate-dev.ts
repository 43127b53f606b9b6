// `pnpm db:migrate:dev <name>`: turns schema.prisma changes into a new migration. Runs against a
// throw-away embedded PostgreSQL (or DATABASE_URL when set), so the demo data is not touched.
import { rm } from 'node:fs/promises';
import { startEmbeddedPostgres } from '@dutyboard/db/embedded';
import { runPrismaCli } from '@dutyboard/db/migrate';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: pnpm db:migrate:dev <snake_case_name>');
  process.exit(1);
}

const dataDir = '.data/migrate-dev';
const db = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: 54359 });
try {
  const url = process.env.DATABASE_URL ?? db?.urlFor('postgres');
  console.log(await runPrismaCli(['migrate', 'dev', '--name', name], { DATABASE_URL: url }));
} finally {
  await db?.stop();
  if (db) await rm(dataDir, { recursive: true, force: true });
}
