// A connected node-postgres client for the benchmark seeder (pg itself is loaded by pg.ts, from
// packages/db, the only package that depends on it).
import pg, { type Client } from './pg.ts';

export type PgClient = Client;

export async function connect(connectionString: string): Promise<PgClient> {
  const client = new pg.Client({ connectionString, application_name: 'dutyboard-bench-seed' });
  // An idle client's error (server restart) must not crash the process with no handler.
  client.on('error', () => {});
  await client.connect();
  return client;
}
