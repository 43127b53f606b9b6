// Prisma CLI configuration: the wasm schema engine over the pg driver adapter, so migrate works
// offline (no engine binary download). See docs/decisions/002-prisma-6-wasm-engine.md.
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig, env } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    return new PrismaPg({ connectionString: env('DATABASE_URL'), idleTimeoutMillis: 1000 });
  },
});
