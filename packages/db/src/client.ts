// The one way to get a PrismaClient: the Rust-free client over the pg driver adapter.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type { Prisma } from './generated/prisma/client.ts';
export { PrismaClient };

export interface CreatePrismaOptions {
  /** Pool size per process; PostgreSQL's own limit is shared by every process. */
  max?: number;
  /** How long a query may wait for a connection before failing (ms). */
  connectionTimeoutMillis?: number;
}

export function createPrisma(connectionString: string, options: CreatePrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
    idleTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}
