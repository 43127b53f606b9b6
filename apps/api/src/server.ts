// Listens. Used directly with DATABASE_URL set (`pnpm --filter @dutyboard/api exec tsx src/server.ts`);
// `pnpm start` (scripts/start.ts) wraps it with the embedded PostgreSQL.
import { createPrisma } from '@dutyboard/db/client';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { pruneIdempotencyKeys } from './plugins/write.ts';
import { chainUnchainedEvents } from './services/audit/audit.ts';
import { pruneLoginAttempts } from './services/auth/throttle.ts';
import { startRollupCompaction } from './services/rollups/rollups.ts';

export async function startServer(config: Config) {
  const prisma = createPrisma(config.DATABASE_URL, { max: config.DB_POOL_MAX });
  // Audit events written without a hash (before the chain existed, or by the demo seed) join the
  // chain before any request can add to it (ADR 012).
  const chained = await chainUnchainedEvents(prisma).catch(async (error: unknown) => {
    await prisma.$disconnect();
    throw error;
  });
  const app = await buildApp({ config, prisma });
  if (chained > 0) app.log.info({ chained }, 'audit events chained');
  // Idempotency keys and sign-in throttle rows are kept 24 h: pruned at start and then hourly (the
  // timer never keeps the process alive, and a failed prune is only logged — the next one retries).
  const prune = () =>
    Promise.all([
      pruneIdempotencyKeys(prisma).catch((error: unknown) =>
        app.log.warn({ err: error }, 'idempotency-key prune failed'),
      ),
      // Sign-in throttle rows older than the longest window (services/auth/throttle.ts).
      pruneLoginAttempts(prisma).catch((error: unknown) => app.log.warn({ err: error }, 'login-attempt prune failed')),
    ]);
  void prune();
  const pruneTimer = setInterval(prune, 3_600_000).unref();
  // Rollup deltas (ADR 018) are folded in every second; figures read both tables, so this only
  // keeps the delta table small.
  const stopCompaction = startRollupCompaction(prisma, (error) =>
    app.log.warn({ err: error }, 'rollup compaction failed'),
  );
  app.addHook('onClose', async () => {
    // onClose hooks run last-added first, so this one runs before buildApp's: background jobs
    // must stop (and mark what they leave) while the pool is still open.
    await app.jobs.close();
    clearInterval(pruneTimer);
    await stopCompaction();
    await prisma.$disconnect();
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  return { app, address };
}

// Run as a file of its own; inside the bundle `pnpm start` builds (scripts/build-api.ts) every module
// shares the bundle's import.meta.url, and scripts/start-api.ts starts the server instead.
if (import.meta.url === `file://${process.argv[1]}` && import.meta.url.endsWith('/server.ts')) {
  try {
    const { app } = await startServer(loadConfig());
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        void app.close().then(() => process.exit(0));
      });
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
