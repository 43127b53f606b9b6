// Listens. Used directly with DATABASE_URL set (`pnpm --filter @dutyboard/api exec tsx src/server.ts`);
// `pnpm start` (scripts/start.ts) wraps it with the embedded PostgreSQL.
import { createPrisma } from '@dutyboard/db/client';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';

export async function startServer(config: Config) {
  const prisma = createPrisma(config.DATABASE_URL, { max: config.DB_POOL_MAX });
  const app = await buildApp({ config, prisma });
  app.addHook('onClose', async () => {
    await prisma.$disconnect();
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  return { app, address };
}

if (import.meta.url === `file://${process.argv[1]}`) {
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
