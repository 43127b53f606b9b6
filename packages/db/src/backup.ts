// Logical backup and restore of a Dutyboard installation in Node (docs/operations.md): the embedded
// PostgreSQL package ships no pg_dump/pg_restore and Debian's pg_dump 15 refuses a 17 server
// (docs/traps.md). One tar archive holds the applied migrations, every application table as
// `COPY … TO STDOUT` text (one REPEATABLE READ snapshot, rows in primary-key order), sequence
// values, the files under DATA_DIR/files and DATA_DIR/packs, and a manifest with row counts and
// SHA-256 of every part. Restore goes into an empty database and empty folders only.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrateDeploy, runPrismaCli } from './migrate.ts';
import { extractTar, TarWriter } from './tar.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MIGRATIONS_DIR = path.join(root, 'prisma/migrations');
const FORMAT = 'dutyboard-backup';
/** Folders under DATA_DIR that hold data a restore needs (imports/ only holds jobs in flight). */
export const DATA_FOLDERS = ['files', 'packs'] as const;

export interface BackupManifest {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  server: string;
  migrations: { name: string; checksum: string }[];
  tables: { name: string; columns: string[]; rows: number; part: string; bytes: number; sha256: string }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  files: { path: string; bytes: number; sha256: string }[];
}

export interface BackupSummary {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

export interface RestoreSummary {
  migrations: number;
  tables: { name: string; rows: number }[];
  rows: number;
  sequences: number;
  files: number;
  fileBytes: number;
  /** Migrations in this code base newer than the backup, left for `pnpm start` to apply. */
  newerMigrations: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The text form of every value must not depend on the session: the restore re-dumps each table
 * and compares its hash with the backup's, and timestamps print in the session's time zone.
 */
async function fixSessionFormat(client: pg.Client): Promise<void> {
  await client.query(
    "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3; SET client_encoding = 'UTF8'",
  );
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await fixSessionFormat(client);
  return client;
}

interface TableInfo {
  name: string;
  columns: string[];
  orderBy: string[];
}

async function applicationTables(client: pg.Client): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string; columns: string[]; key: string[] | null }>(`
    SELECT c.relname AS name,
      (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
      (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum)) FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = c.oid AND i.indisprimary) AS key
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname`);
  return tables.rows.map((t) => ({ name: t.name, columns: t.columns, orderBy: t.key ?? t.columns }));
}

function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    createReadStream(file)
      .on('data', (chunk) => {
        hash.update(chunk);
        bytes += chunk.length;
      })
      .on('error', reject)
      .on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
  });
}

/** COPYs a table's rows, in primary-key order, into `file`; answers the row count. */
async function dumpTable(client: pg.Client, table: TableInfo, file: string): Promise<number> {
  const columns = table.columns.map(quote).join(', ');
  const order = table.orderBy.map(quote).join(', ');
  const stream = client.query(copyTo(`COPY (SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${order}) TO STDOUT`));
  await pipeline(stream, createWriteStream(file, { flags: 'wx' }));
  return Number(stream.rowCount ?? 0);
}

/** Every regular file under `dir`, as paths relative to it with forward slashes; skips temporaries. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listFiles(path.join(dir, entry.name), relative)));
    // Half-written files (the stores write *.tmp / *.part, then rename) are not data yet.
    else if (entry.isFile() && !/\.(tmp|part)$/.test(entry.name)) found.push(relative);
  }
  return found.sort();
}

export interface BackupOptions {
  databaseUrl: string;
  dataDir: string;
  /** The archive to write; it must not exist yet. */
  file: string;
}

export async function backup({ databaseUrl, dataDir, file }: BackupOptions): Promise<BackupSummary> {
  if (existsSync(file)) throw new Error(`${file} already exists: choose another file name`);
  const staging = await mkdtemp(path.join(tmpdir(), 'dutyboard-backup-'));
  const client = await connect(databaseUrl);
  const tar = new TarWriter(file);
  let finished = false;
  try {
    // One snapshot for every table, so rows that refer to each other are dumped together.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrationsTable = await client.query(`SELECT to_regclass('public._prisma_migrations') AS t`);
    if (!migrationsTable.rows[0]?.t) throw new Error('this database has no Dutyboard schema (no _prisma_migrations)');
    const migrations = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const server = await client.query<{ server_version: string }>('SHOW server_version');
    const manifest: BackupManifest = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      server: server.rows[0]?.server_version ?? '',
      migrations: migrations.rows,
      tables: [],
      sequences: [],
      files: [],
    };
    for (const table of await applicationTables(client)) {
      const part = `tables/${table.name}.copy`;
      const staged = path.join(staging, `${table.name}.copy`);
      const rows = await dumpTable(client, table, staged);
      const { sha256, bytes } = await sha256File(staged);
      manifest.tables.push({ name: table.name, columns: table.columns, rows, part, bytes, sha256 });
      await tar.addFile(part, staged, bytes);
      await rm(staged);
    }
    const sequences = await client.query<{ name: string; last_value: string | null; is_called: boolean }>(`
      SELECT c.relname AS name, s.last_value::text AS last_value, s.last_value IS NOT NULL AS is_called
      FROM pg_sequences s JOIN pg_class c ON c.relname = s.sequencename
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = s.schemaname
      WHERE s.schemaname = 'public' ORDER BY c.relname`);
    manifest.sequences = sequences.rows.map((s) => ({
      name: s.name,
      lastValue: s.last_value ?? '1',
      isCalled: s.is_called,
    }));
    await client.query('COMMIT');

    // Files after the snapshot: the stores only add files (content-addressed, renamed into
    // place), so every file a dumped row names is already there.
    for (const folder of DATA_FOLDERS) {
      const base = path.join(dataDir, folder);
      for (const relative of await listFiles(base)) {
        const source = path.join(base, relative);
        const { sha256, bytes } = await sha256File(source);
        const entry = `${folder}/${relative}`;
        await tar.addFile(entry, source, bytes);
        manifest.files.push({ path: entry, bytes, sha256 });
      }
    }
    // The manifest goes last: it carries the hashes of everything before it.
    await tar.addBuffer('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await tar.finish();
    finished = true;
    return { file, bytes: (await stat(file)).size, manifest };
  } finally {
    await client.end().catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    if (!finished) await rm(file, { force: true });
  }
}

export class RestoreRefused extends Error {}

/** Why the target database or data folder is not empty, or undefined when it is. */
export async function targetNotEmpty(databaseUrl: string, dataDir: string): Promise<string | undefined> {
  const client = await connect(databaseUrl);
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    );
    if (tables.rowCount) {
      const names = tables.rows.slice(0, 3).map((t) => t.name);
      return `the target database already has ${tables.rowCount} tables (${names.join(', ')}…)`;
    }
  } finally {
    await client.end();
  }
  for (const folder of DATA_FOLDERS) {
    const files = await listFiles(path.join(dataDir, folder));
    if (files.length) return `${path.join(dataDir, folder)} already holds ${files.length} files`;
  }
  return undefined;
}

/** The migrations this code base has, with Prisma's checksum (SHA-256 of migration.sql). */
async function localMigrations(): Promise<{ name: string; checksum: string }[]> {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash('sha256')
        .update(await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql')))
        .digest('hex'),
    })),
  );
}

/**
 * Applies exactly the backup's migrations. When this code base has newer ones, they go through a
 * temporary copy of the migrations folder and Prisma config, so the data is loaded into the
 * schema it was dumped from; `pnpm start` applies the rest afterwards.
 */
async function migrateTo(databaseUrl: string, recorded: BackupManifest['migrations']): Promise<string[]> {
  const local = await localMigrations();
  const byName = new Map(local.map((m) => [m.name, m.checksum]));
  for (const m of recorded) {
    const checksum = byName.get(m.name);
    if (!checksum) {
      throw new RestoreRefused(
        `the backup was made by a newer Dutyboard (migration ${m.name} is unknown here): restore with that version`,
      );
    }
    if (checksum !== m.checksum) throw new RestoreRefused(`migration ${m.name} differs from the one the backup ran`);
  }
  const recordedNames = new Set(recorded.map((m) => m.name));
  const newer = local.filter((m) => !recordedNames.has(m.name)).map((m) => m.name);
  if (newer.some((name) => name < (recorded.at(-1)?.name ?? ''))) {
    throw new RestoreRefused(`this code base has migrations the backup's database never ran: ${newer.join(', ')}`);
  }
  if (newer.length === 0) {
    await migrateDeploy(databaseUrl);
    return newer;
  }
  // Under the repository so the config's imports resolve from its node_modules.
  const temporary = path.join(root, '.data', `restore-migrations-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(path.join(temporary, 'migrations'), { recursive: true });
    await copyFile(
      path.join(MIGRATIONS_DIR, 'migration_lock.toml'),
      path.join(temporary, 'migrations/migration_lock.toml'),
    );
    for (const m of recorded) {
      await mkdir(path.join(temporary, 'migrations', m.name));
      await copyFile(
        path.join(MIGRATIONS_DIR, m.name, 'migration.sql'),
        path.join(temporary, 'migrations', m.name, 'migration.sql'),
      );
    }
    const config = (await readFile(path.join(root, 'prisma.config.ts'), 'utf8'))
      .replace("schema: 'prisma/schema.prisma'", `schema: ${JSON.stringify(path.join(root, 'prisma/schema.prisma'))}`)
      .replace("path: 'prisma/migrations'", `path: ${JSON.stringify(path.join(temporary, 'migrations'))}`);
    await writeFile(path.join(temporary, 'prisma.config.ts'), config);
    await runPrismaCli(['migrate', 'deploy', '--config', path.join(temporary, 'prisma.config.ts')], {
      DATABASE_URL: databaseUrl,
    });
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
  return newer;
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function foreignKeyOrder(client: pg.Client, names: string[]): Promise<string[]> {
  const edges = await client.query<{ child: string; parent: string }>(`
    SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid`);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const remaining = new Set(names);
  while (remaining.size) {
    const ready = [...remaining].filter((name) =>
      edges.rows.every((e) => e.child !== name || placed.has(e.parent) || !remaining.has(e.parent)),
    );
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${[...remaining].join(', ')}`);
    for (const name of ready.sort()) {
      ordered.push(name);
      placed.add(name);
      remaining.delete(name);
    }
  }
  return ordered;
}

export interface RestoreOptions {
  file: string;
  databaseUrl: string;
  dataDir: string;
  /** Progress lines for the command line. */
  log?: (line: string) => void;
}

export async function restore({
  file,
  databaseUrl,
  dataDir,
  log = () => undefined,
}: RestoreOptions): Promise<RestoreSummary> {
  if (!existsSync(file)) throw new RestoreRefused(`no backup archive at ${file}`);
  const busy = await targetNotEmpty(databaseUrl, dataDir);
  if (busy) throw new RestoreRefused(`${busy}: restore only into an empty database and data folder`);

  const staging = await mkdtemp(path.join(tmpdir(), 'dutyboard-restore-'));
  try {
    log(`reading ${file}…`);
    const entries = new Set(await extractTar(file, staging));
    if (!entries.has('manifest.json')) throw new RestoreRefused(`${file} is not a Dutyboard backup (no manifest.json)`);
    const manifest = JSON.parse(await readFile(path.join(staging, 'manifest.json'), 'utf8')) as BackupManifest;
    if (manifest.format !== FORMAT || manifest.version !== 1) {
      throw new RestoreRefused(`${file} is not a Dutyboard backup of a known format`);
    }
    // Every part is checked before anything is written to the target.
    const parts = [
      ...manifest.tables.map((t) => ({ path: t.part, sha256: t.sha256 })),
      ...manifest.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
    ];
    for (const part of parts) {
      if (!entries.has(part.path)) throw new RestoreRefused(`the archive lacks ${part.path}`);
      const { sha256 } = await sha256File(path.join(staging, part.path));
      if (sha256 !== part.sha256)
        throw new RestoreRefused(`${part.path} is damaged: its SHA-256 differs from the manifest`);
    }

    log(`applying ${manifest.migrations.length} migrations…`);
    const newerMigrations = await migrateTo(databaseUrl, manifest.migrations);

    const client = await connect(databaseUrl);
    const tables = new Map(manifest.tables.map((t) => [t.name, t]));
    try {
      const present = await applicationTables(client);
      const missing = manifest.tables.filter((t) => !present.some((p) => p.name === t.name));
      if (missing.length) throw new Error(`the migrated schema lacks tables ${missing.map((t) => t.name).join(', ')}`);
      await client.query('BEGIN');
      // The rows go back exactly as they were dumped, derived tables included (the dashboard
      // rollups, ADR 018), so the tables' own triggers must not add to them while they load.
      const names = manifest.tables.map((t) => quote(t.name));
      for (const name of names) await client.query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
      // A migration may seed a row (the dashboard cache's counter, ADR 029); the backup holds that
      // row as it was, so the migrated tables are emptied before the backup's rows go in.
      await client.query(`TRUNCATE ${names.join(', ')}`);
      for (const name of await foreignKeyOrder(
        client,
        manifest.tables.map((t) => t.name),
      )) {
        const table = tables.get(name);
        if (!table) continue;
        log(`loading ${name} (${table.rows} rows)…`);
        const columns = table.columns.map(quote).join(', ');
        const sink = client.query(copyFrom(`COPY ${quote(name)} (${columns}) FROM STDIN`));
        await pipeline(createReadStream(path.join(staging, table.part)), sink);
      }
      for (const s of manifest.sequences) {
        await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [quote(s.name), s.lastValue, s.isCalled]);
      }
      // Check before committing: the same dump of the loaded rows must hash as the backup did.
      for (const table of manifest.tables) {
        const info = present.find((p) => p.name === table.name);
        if (!info) continue;
        const staged = path.join(staging, `check-${table.name}.copy`);
        const rows = await dumpTable(client, { ...info, columns: table.columns }, staged);
        const { sha256 } = await sha256File(staged);
        await rm(staged);
        if (rows !== table.rows || sha256 !== table.sha256) {
          throw new Error(`${table.name} did not restore identically (${rows} rows, backup had ${table.rows})`);
        }
      }
      for (const name of names) await client.query(`ALTER TABLE ${name} ENABLE TRIGGER USER`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end().catch(() => undefined);
    }

    log(`copying ${manifest.files.length} files…`);
    let fileBytes = 0;
    for (const entry of manifest.files) {
      const target = path.join(dataDir, ...entry.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(staging, entry.path), target);
      const copied = await sha256File(target);
      if (copied.sha256 !== entry.sha256) throw new Error(`${target} was not copied intact`);
      fileBytes += copied.bytes;
    }
    const counts = manifest.tables.map((t) => ({ name: t.name, rows: t.rows }));
    return {
      migrations: manifest.migrations.length,
      tables: counts,
      rows: counts.reduce((sum, t) => sum + t.rows, 0),
      sequences: manifest.sequences.length,
      files: manifest.files.length,
      fileBytes,
      newerMigrations,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
