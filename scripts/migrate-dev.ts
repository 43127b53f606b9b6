// `pnpm db:migrate:dev <name>`: turns schema.prisma changes into a new migration folder.
// `prisma migrate dev` cannot run here: with a driver adapter the wasm schema engine has no shadow
// database ("PostgreSQL shadow DB must be provided through an external factory", docs/traps.md).
// So the migration is the diff between the schema committed at HEAD and the working copy, computed
// by `prisma migrate diff` against a throw-away embedded PostgreSQL. Review the SQL before committing.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@dutyboard/db/embedded';
import { runPrismaCli } from '@dutyboard/db/migrate';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: pnpm db:migrate:dev <snake_case_name>');
  process.exit(1);
}

const committed = path.join(tmpdir(), `dutyboard-schema-head-${process.pid}.prisma`);
await writeFile(committed, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma']));
const dataDir = '.data/migrate-dev';
const db = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: 54359 });
try {
  const url = process.env.DATABASE_URL ?? db?.urlFor('postgres');
  const output = await runPrismaCli(
    [
      'migrate',
      'diff',
      '--from-schema-datamodel',
      committed,
      '--to-schema-datamodel',
      'prisma/schema.prisma',
      '--script',
    ],
    { DATABASE_URL: url },
  );
  const sql = output
    .split('\n')
    .filter((line) => !line.startsWith('Loaded Prisma config'))
    .join('\n')
    .trim();
  if (!sql || sql === '-- This is an empty migration.') {
    console.log('schema.prisma has no changes against HEAD: no migration written.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const folder = path.join('prisma/migrations', `${stamp}_${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'migration.sql'), `${sql}\n`);
    console.log(`wrote ${folder}/migration.sql — review it, then commit it with schema.prisma`);
  }
} finally {
  await db?.stop();
  await rm(committed, { force: true });
  if (db) await rm(dataDir, { recursive: true, force: true });
}
