// node-postgres for the benchmark seeder. `pg` is a dependency of packages/db only, so `import pg
// from 'pg'` does not resolve from bench/ (nor from apps/api tests that import the seeder): it is
// loaded from packages/db's own node_modules, and typed here by the few calls the seeder makes.
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';

export interface PgClient {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
  /** A COPY … FROM STDIN stream from pg-copy-streams. */
  query<S extends Writable>(stream: S): S;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}

interface PgModule {
  Client: new (config: { connectionString: string; application_name?: string }) => PgClient;
}

const load = createRequire(new URL('../../packages/db/package.json', import.meta.url));

export async function connect(connectionString: string): Promise<PgClient> {
  const { Client } = load('pg') as PgModule;
  const client = new Client({ connectionString, application_name: 'dutyboard-bench-seed' });
  // An idle client's error (server restart) must not crash the process with no handler.
  client.on('error', () => {});
  await client.connect();
  return client;
}
