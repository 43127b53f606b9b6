// Loads the benchmark city (seed-city.ts) into a migrated database with COPY, streaming rows as
// they are generated: each table's text goes out in ~128 KB chunks and the generator waits for the
// socket to drain, so memory stays flat whatever the scale. Loads run with
// session_replication_role = replica, so no trigger fires row by row (the dashboard rollups'
// triggers, the foreign-key checks); the rollups are rebuilt once at the end. A table's secondary
// indexes are dropped before its COPY and rebuilt after it, which is several times faster than
// maintaining them row by row. `pnpm bench:seed` (bench/seed.ts) and the API test call this.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import { City, type TableSpec } from './seed-city.ts';
import { connect, type PgClient } from './seed-pg.ts';

export interface LoadOptions {
  /** A migrated, empty database. */
  databaseUrl: string;
  seed: number;
  scale: number;
  /** The argon2 hash every account gets (computed once by the caller). */
  passwordHash: string;
  /** Progress and phase lines (default: none). */
  log?: (line: string) => void;
  /** How often a progress line is printed while a table loads. */
  progressEveryMs?: number;
}

export interface TableLoad {
  table: string;
  rows: number;
  bytes: number;
  seconds: number;
  /** SHA-256 of the COPY text sent: equal for equal seeds and scales (and password hash). */
  sha256: string;
}

export interface LoadResult {
  tables: TableLoad[];
  /** Seconds per phase: copy (all tables), indexes, rollups, vacuum. */
  phases: Record<string, number>;
  /** Whether session_replication_role = replica could be used (needs a superuser). */
  replica: boolean;
  /** Whether dutyboard_rollup_rebuild() existed and was called. */
  rollupsRebuilt: boolean;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const CHUNK = 1 << 17;

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

/** Streams one table's rows into COPY … FROM STDIN; answers rows, bytes and the text's hash. */
async function copyTable(
  client: PgClient,
  spec: TableSpec,
  progress: { rows: number },
): Promise<{ rows: number; bytes: number; sha256: string }> {
  const columns = spec.columns.map(quote).join(', ');
  const sink = client.query(copyFrom(`COPY ${quote(spec.name)} (${columns}) FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  // A failed COPY rejects `finished` while we may still be writing; keep it from going unhandled.
  finished.catch(() => {});
  const hash = createHash('sha256');
  let chunk = '';
  let rows = 0;
  let bytes = 0;
  const flush = async () => {
    const buffer = Buffer.from(chunk, 'utf8');
    chunk = '';
    hash.update(buffer);
    bytes += buffer.length;
    if (!sink.write(buffer)) await Promise.race([once(sink, 'drain'), finished]);
  };
  for (const row of spec.rows()) {
    chunk += row;
    rows += 1;
    if (chunk.length >= CHUNK) {
      progress.rows = rows;
      await flush();
    }
  }
  if (chunk.length > 0) await flush();
  progress.rows = rows;
  sink.end();
  await finished;
  return { rows, bytes, sha256: hash.digest('hex') };
}

/** The table's indexes other than its primary key and unique ones (those stay and are enforced). */
async function secondaryIndexes(client: PgClient, table: string): Promise<{ name: string; def: string }[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = format('public.%I', $1::text)::regclass AND NOT i.indisprimary AND NOT i.indisunique
     ORDER BY c.relname`,
    [table],
  );
  return rows;
}

export async function loadCity(options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? (() => {});
  const city = new City(options.seed, options.scale);
  const client = await connect(options.databaseUrl);
  const phases: Record<string, number> = {};
  const tables: TableLoad[] = [];
  const progress = { table: '', rows: 0, expected: null as number | null, started: 0 };
  const every = options.progressEveryMs ?? 3000;
  const timer = setInterval(() => {
    if (!progress.table) return;
    const rate = progress.rows / Math.max((performance.now() - progress.started) / 1000, 0.001);
    const of = progress.expected ? ` / ${progress.expected.toLocaleString('en')}` : '';
    log(
      `  ${progress.table.padEnd(16)} ${progress.rows.toLocaleString('en')}${of} rows (${Math.round(rate).toLocaleString('en')} rows/s)`,
    );
  }, every);
  try {
    const { rows: su } = await client.query<{ rolsuper: boolean }>(
      'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    const replica = su[0]?.rolsuper === true;
    if (replica) {
      await client.query('SET session_replication_role = replica');
    } else {
      log(
        '! not a superuser: loading with triggers and foreign-key checks on (slower); rollups still rebuilt at the end',
      );
    }
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query('SET synchronous_commit = off');

    const copyStarted = performance.now();
    const dropped: { table: string; name: string; def: string }[] = [];
    for (const spec of city.tables(options.passwordHash)) {
      for (const index of await secondaryIndexes(client, spec.name)) {
        await client.query(`DROP INDEX ${quote(index.name)}`);
        dropped.push({ table: spec.name, ...index });
      }
      Object.assign(progress, { table: spec.name, rows: 0, expected: spec.expected, started: performance.now() });
      const started = performance.now();
      const result = await copyTable(client, spec, progress);
      const took = seconds(started);
      progress.table = '';
      tables.push({ table: spec.name, ...result, seconds: took });
      log(
        `  ${spec.name.padEnd(16)} ${result.rows.toLocaleString('en')} rows in ${took.toFixed(1)} s (${Math.round(
          result.rows / Math.max(took, 0.01),
        ).toLocaleString('en')} rows/s)`,
      );
    }
    phases.copy = seconds(copyStarted);

    const indexStarted = performance.now();
    for (const index of dropped) await client.query(index.def);
    phases.indexes = seconds(indexStarted);
    log(`  ${dropped.length} secondary indexes rebuilt in ${phases.indexes.toFixed(1)} s`);

    const rollupStarted = performance.now();
    const { rows: fn } = await client.query<{ fn: string | null }>(
      `SELECT to_regproc('dutyboard_rollup_rebuild')::text AS fn`,
    );
    const rollupsRebuilt = fn[0]?.fn != null;
    if (rollupsRebuilt) await client.query('SELECT dutyboard_rollup_rebuild()');
    phases.rollups = seconds(rollupStarted);
    log(
      rollupsRebuilt
        ? `  rollups rebuilt in ${phases.rollups.toFixed(1)} s`
        : '  no dutyboard_rollup_rebuild(): rollups skipped',
    );

    const vacuumStarted = performance.now();
    await client.query('VACUUM ANALYZE');
    phases.vacuum = seconds(vacuumStarted);
    log(`  VACUUM ANALYZE in ${phases.vacuum.toFixed(1)} s`);
    return { tables, phases, replica, rollupsRebuilt };
  } finally {
    clearInterval(timer);
    await client.end();
  }
}
