// The database `pnpm db:backup` / `pnpm db:restore` work on: DATABASE_URL, or the embedded
// PostgreSQL under DATA_DIR (PG_PORT) that `pnpm start` uses. Like `pnpm audit:verify`, it refuses
// while `pnpm start` runs on that cluster: starting a second server on a data folder stops the
// running one (packages/db/src/embedded.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from '@dutyboard/db/admin';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@dutyboard/db/embedded';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export class TargetError extends Error {}

export interface DatabaseTarget {
  databaseUrl: string;
  dataDir: string;
  /** Where the database is, for messages (never the password). */
  describe: string;
  close(): Promise<void>;
}

/** The pid of a live PostgreSQL on this cluster, if one runs. */
function runningServer(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * Opens the target. `create` (restore) initialises a fresh embedded cluster when DATA_DIR has
 * none; a backup needs one to exist.
 */
export async function openTarget(env: NodeJS.ProcessEnv, { create }: { create: boolean }): Promise<DatabaseTarget> {
  const dataDir = path.resolve(root, env.DATA_DIR ?? '.data');
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return {
      databaseUrl: env.DATABASE_URL,
      dataDir,
      describe: `${url.host}${url.pathname} (DATABASE_URL), files in ${dataDir}`,
      close: async () => undefined,
    };
  }
  const clusterDir = path.join(dataDir, 'pg');
  if (!create && !existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    throw new TargetError(`no database in ${clusterDir}: run pnpm start once, or set DATABASE_URL`);
  }
  const pid = runningServer(clusterDir);
  if (pid) {
    throw new TargetError(
      `the embedded PostgreSQL in ${clusterDir} is in use (pid ${pid}, pnpm start?): stop it first, or set DATABASE_URL`,
    );
  }
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir, port: Number(env.PG_PORT ?? 54329) });
  try {
    await ensureDatabase(embedded.adminUrl, 'dutyboard');
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return {
    databaseUrl: embedded.urlFor('dutyboard'),
    dataDir,
    describe: `the embedded PostgreSQL in ${clusterDir}, files in ${dataDir}`,
    close: () => embedded.stop(),
  };
}
