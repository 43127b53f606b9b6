// `pnpm db:restore FILE`: restores a `pnpm db:backup` archive into an EMPTY database and data
// folder (DATABASE_URL, or a fresh embedded cluster under DATA_DIR), verifies every row count and
// hash, and prints a summary (docs/operations.md). Exits 1 when the restore fails, 2 when it is
// refused (non-empty target, damaged archive, embedded cluster in use).
import path from 'node:path';
import { RestoreRefused, restore } from '@dutyboard/db/backup';
import { openTarget, TargetError } from './db-target.ts';

async function main(): Promise<number> {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: pnpm db:restore FILE (into an empty database: DATABASE_URL, or a fresh DATA_DIR)');
    return 2;
  }
  const file = path.resolve(arg);
  const target = await openTarget(process.env, { create: true });
  try {
    console.log(`restoring ${file} into ${target.describe}…`);
    const summary = await restore({
      file,
      databaseUrl: target.databaseUrl,
      dataDir: target.dataDir,
      log: (line) => console.log(`  ${line}`),
    });
    console.log(
      `restore verified: ${summary.migrations} migrations, ${summary.tables.length} tables, ${summary.rows} rows ` +
        `(counts and SHA-256 equal the backup's), ${summary.sequences} sequences, ` +
        `${summary.files} files (${summary.fileBytes} bytes, hashes equal)`,
    );
    for (const t of summary.tables.filter((t) => t.rows > 0)) console.log(`  ${t.name.padEnd(16)} ${t.rows}`);
    if (summary.newerMigrations.length) {
      console.log(`${summary.newerMigrations.length} newer migrations will be applied by pnpm start`);
    }
    return 0;
  } finally {
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const refused = error instanceof RestoreRefused || error instanceof TargetError;
    console.error(
      `db:restore ${refused ? 'refused' : 'failed'}: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(refused ? 2 : 1);
  },
);
