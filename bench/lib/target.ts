// Where the city-scale benchmark data lives: DATABASE_URL's server when it is set (the benchmark
// uses its own database on it, BENCH_DB, never the one in the URL), else an embedded PostgreSQL
// under .data/bench-pg-<BENCH_PG_PORT> that this module starts and stops. `pnpm bench:seed` and
// `pnpm bench` both open it here, so they always agree on where the city is.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDatabase } from '@dutyboard/db/admin';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@dutyboard/db/embedded';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchDatabase {
  /** The `postgres` maintenance database of the server (to drop and create the bench database). */
  adminUrl: string;
  /** The bench database itself. */
  databaseUrl: string;
  name: string;
  /** Where it runs, for the printed report: "embedded PostgreSQL 17 (.data/bench-pg-54395)" or the host. */
  where: string;
  stop(): Promise<void>;
}

export async function openBenchDatabase(env: NodeJS.ProcessEnv = process.env): Promise<BenchDatabase> {
  const name = env.BENCH_DB ?? 'dutyboard_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DB must be a plain lower-case name, not ${name}`);
  if (env.DATABASE_URL) {
    const adminUrl = withDatabase(env.DATABASE_URL, 'postgres');
    return {
      adminUrl,
      databaseUrl: withDatabase(env.DATABASE_URL, name),
      name,
      where: `DATABASE_URL's server (${new URL(env.DATABASE_URL).host})`,
      stop: async () => {},
    };
  }
  const port = Number(env.BENCH_PG_PORT ?? 54395);
  const dataDir = path.join(root, '.data', `bench-pg-${port}`);
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir, port });
  return {
    adminUrl: embedded.adminUrl,
    databaseUrl: embedded.urlFor(name),
    name,
    where: `embedded PostgreSQL (${path.relative(root, dataDir)}, port ${port})`,
    stop: () => embedded.stop(),
  };
}
