// `pnpm db:backup` / `pnpm db:restore` (packages/db/src/backup.ts, docs/operations.md): a backup
// of a database with records, attachments, an evidence pack and audit events restores into a
// fresh database and a fresh data folder with every table row for row and every file byte for
// byte; the audit chain verifies there; non-empty targets and damaged archives are refused.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dropDatabase, ensureDatabase, withDatabase } from '@dutyboard/db/admin';
import { type BackupManifest, backup, RestoreRefused, restore } from '@dutyboard/db/backup';
import { createPrisma, type PrismaClient } from '@dutyboard/db/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { verifyAuditChain } from '../src/services/audit/verify.ts';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { multipart } from './helpers/multipart.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const adminUrl = inject('adminUrl');

let ctx: TestContext;
let fx: Fixture;
let work: string;
let archive: string;
let manifest: BackupManifest;
const cookies: Record<string, string> = {};
const databases: string[] = [];

/** An empty database on the test cluster, dropped after the file. */
async function emptyDatabase(): Promise<string> {
  const name = `dutyboard_restore_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  databases.push(name);
  return withDatabase(adminUrl, name);
}

/** Raw SQL on one connection (so a SET holds for the queries after it). */
async function withClient<T>(
  url: string,
  fn: (client: { query<R>(sql: string): Promise<{ rows: R[]; rowCount: number }> }) => Promise<T>,
): Promise<T> {
  const prisma = createPrisma(url, { max: 1 });
  try {
    return await fn({
      async query<R>(sql: string) {
        const rows = await prisma.$queryRawUnsafe<R[]>(sql);
        return { rows, rowCount: rows.length };
      },
    });
  } finally {
    await prisma.$disconnect();
  }
}

/** Per table: row count and an md5 over every row's text, in a fixed order. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    await client.query("SELECT set_config('TimeZone', 'UTC', false)");
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const q = `"${name}"`;
      const r = await client.query<{ n: string; h: string | null }>(
        `SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${q} t`,
      );
      out[name] = `${r.rows[0]?.n}:${r.rows[0]?.h ?? '-'}`;
    }
    const migrations = await client.query<{ names: string }>(
      "SELECT string_agg(migration_name, ',' ORDER BY migration_name) AS names FROM _prisma_migrations",
    );
    out._migrations = migrations.rows[0]?.names ?? '';
    const sequences = await client.query<{ s: string }>(
      `SELECT string_agg(sequencename || '=' || coalesce(last_value::text, 'null'), ',' ORDER BY sequencename) AS s FROM pg_sequences WHERE schemaname = 'public'`,
    );
    out._sequences = sequences.rows[0]?.s ?? '';
    return out;
  });
}

/** Every file under the data folder's files/ and packs/, by relative path → bytes. */
async function filesOf(dataDir: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const folder of ['files', 'packs']) {
    const base = path.join(dataDir, folder);
    if (!existsSync(base)) continue;
    for (const entry of await readdir(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      found.set(path.relative(dataDir, full), await readFile(full));
    }
  }
  return found;
}

const send = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['leader', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);
  work = await mkdtemp(path.join(tmpdir(), 'dutyboard-backup-test-'));

  // Records with Chinese text, tabs, newlines and backslashes (COPY's text escapes), in two
  // branches; every write adds to the audit chain.
  const ids: string[] = [];
  for (const [who, org, title] of [
    ['secA', fx.branchAId, '红色歌曲\t大家唱\\第一场'],
    ['secA', fx.branchAUnitId, '理论学习\n第二场'],
    ['secB', fx.branchBId, '“讲好社区故事”宣讲'],
  ] as const) {
    const res = await send(
      who,
      'POST',
      '/api/activities',
      activityInput(org, { title, occurredAt: '2026-03-15T09:00:00+08:00' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id as string);
  }
  // Two evidence files (one stored under files/ab/<sha>) and an evidence pack under packs/.
  for (const [i, bytes] of [
    Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(70_000), Buffer.from('\n%%EOF\n')]),
  ].entries()) {
    const body = multipart(
      { entityType: 'Activity', entityId: ids[i] ?? '' },
      { name: 'file', fileName: `材料${i}.pdf`, contentType: 'application/pdf', bytes },
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: cookies.secA ?? '', 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const pack = await send('leader', 'POST', '/api/evidence-packs', { org: fx.branchAId, period: '2026-H1' });
  expect(pack.statusCode, pack.body).toBe(202);
  const until = Date.now() + 20_000;
  for (;;) {
    const res = await send('leader', 'GET', `/api/evidence-packs/${pack.json().id}`);
    if (res.json().state === 'DONE') break;
    if (res.json().state === 'FAILED' || Date.now() > until) throw new Error(`evidence pack ${res.body}`);
    await new Promise((r) => setTimeout(r, 50));
  }

  archive = path.join(work, 'backup.tar');
  manifest = (await backup({ databaseUrl: ctx.databaseUrl, dataDir: ctx.config.DATA_DIR, file: archive })).manifest;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  for (const name of databases) await dropDatabase(adminUrl, name);
  if (work) await rm(work, { recursive: true, force: true });
});

describe('backup', () => {
  it('records every migration, table row count, sequence and stored file with its SHA-256', async () => {
    const source = await fingerprint(ctx.databaseUrl);
    expect(manifest.migrations.map((m) => m.name).join(',')).toBe(source._migrations);
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(
      Object.keys(source)
        .filter((k) => !k.startsWith('_'))
        .sort(),
    );
    for (const t of manifest.tables) expect(`${t.rows}`, t.name).toBe(source[t.name]?.split(':')[0]);
    expect(manifest.tables.find((t) => t.name === 'AuditEvent')?.rows).toBeGreaterThanOrEqual(6);
    expect(manifest.sequences.map((s) => s.name)).toContain('AuditEvent_id_seq');
    const files = await filesOf(ctx.config.DATA_DIR);
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...files.keys()].sort());
    expect(manifest.files.filter((f) => f.path.startsWith('files/')).length).toBeGreaterThanOrEqual(2);
    expect(manifest.files.filter((f) => f.path.startsWith('packs/'))).toHaveLength(1);
  });
});

describe('restore into a fresh database and data folder', () => {
  let targetUrl: string;
  let targetDir: string;

  beforeAll(async () => {
    targetUrl = await emptyDatabase();
    targetDir = path.join(work, 'restored-data');
    const summary = await restore({ file: archive, databaseUrl: targetUrl, dataDir: targetDir });
    expect(summary.rows).toBe(manifest.tables.reduce((s, t) => s + t.rows, 0));
  }, 120_000);

  it('gives every table row for row, the same migrations and the same sequence values', async () => {
    const [source, restored] = await Promise.all([fingerprint(ctx.databaseUrl), fingerprint(targetUrl)]);
    expect(Object.keys(source).length).toBeGreaterThan(15);
    expect(restored).toEqual(source);
  });

  it('gives every stored file byte for byte', async () => {
    const [source, restored] = await Promise.all([filesOf(ctx.config.DATA_DIR), filesOf(targetDir)]);
    expect([...restored.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [name, bytes] of source) expect(restored.get(name)?.equals(bytes), name).toBe(true);
  });

  it('has an audit chain that verifies, and an app on it serves the restored records and files', async () => {
    const prisma: PrismaClient = createPrisma(targetUrl, { max: 2 });
    const config = loadConfig({ DATABASE_URL: targetUrl, LOG_LEVEL: 'silent', DATA_DIR: targetDir });
    const app = await buildApp({ config, prisma });
    try {
      const chain = await verifyAuditChain(prisma);
      expect(chain.firstBroken).toBeFalsy();
      expect(chain.checked).toBe(manifest.tables.find((t) => t.name === 'AuditEvent')?.rows);

      const cookie = await login(app, 'secA');
      const list = await app.inject({ method: 'GET', url: '/api/activities', headers: { cookie } });
      expect(list.statusCode, list.body).toBe(200);
      expect(JSON.stringify(list.json())).toContain('红色歌曲\\t大家唱\\\\第一场');
      const attachment = await prisma.attachment.findFirstOrThrow({ orderBy: { size: 'desc' } });
      const file = await app.inject({
        method: 'GET',
        url: `/api/attachments/${attachment.id}/content`,
        headers: { cookie },
      });
      expect(file.statusCode, file.body.slice(0, 200)).toBe(200);
      expect(file.rawPayload.length).toBe(attachment.size);
      // A new write continues the restored chain and sequence.
      const created = await app.inject({
        method: 'POST',
        url: '/api/activities',
        headers: { cookie },
        payload: activityInput(fx.branchAId),
      });
      expect(created.statusCode, created.body).toBe(201);
      expect((await verifyAuditChain(prisma)).firstBroken).toBeFalsy();
    } finally {
      await app.close();
      await prisma.$disconnect();
    }
  });

  it('refuses a database that already has tables, and a data folder that already holds files', async () => {
    await expect(restore({ file: archive, databaseUrl: targetUrl, dataDir: path.join(work, 'other') })).rejects.toThrow(
      /already has \d+ tables.*restore only into an empty database/,
    );
    await expect(restore({ file: archive, databaseUrl: await emptyDatabase(), dataDir: targetDir })).rejects.toThrow(
      RestoreRefused,
    );
  });
});

describe('a damaged archive', () => {
  it('is refused before anything is written to the target', async () => {
    const bytes = await readFile(archive);
    // Change one byte inside the User table's rows (a username the fixture wrote).
    const at = bytes.indexOf(Buffer.from('secB\t'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'X'.charCodeAt(0);
    const damaged = path.join(work, 'damaged.tar');
    await writeFile(damaged, bytes);
    const url = await emptyDatabase();
    await expect(restore({ file: damaged, databaseUrl: url, dataDir: path.join(work, 'never') })).rejects.toThrow(
      /tables\/User\.copy is damaged/,
    );
    const tables = await withClient(url, (c) => c.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`));
    expect(tables.rowCount).toBe(0);
    expect(existsSync(path.join(work, 'never'))).toBe(false);
  });

  it('is refused when cut short', async () => {
    const bytes = await readFile(archive);
    const cut = path.join(work, 'cut.tar');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(
      restore({ file: cut, databaseUrl: await emptyDatabase(), dataDir: path.join(work, 'never2') }),
    ).rejects.toThrow(/incomplete|not a Dutyboard backup/);
  });
});

describe('pnpm db:backup and pnpm db:restore', () => {
  const tsx = path.join(root, 'node_modules/.bin/tsx');

  it('back up and restore through the command line, and exit 2 when the target is not empty', async () => {
    const file = path.join(work, 'cli.tar');
    const env = { ...process.env, DATABASE_URL: ctx.databaseUrl, DATA_DIR: ctx.config.DATA_DIR };
    const made = await run(tsx, ['scripts/db-backup.ts', file], { cwd: root, env });
    expect(made.stdout).toMatch(/backup written: .*cli\.tar .*\d+ tables, \d+ rows, \d+ sequences, 3 files/);

    const target = await emptyDatabase();
    const dataDir = path.join(work, 'cli-restored');
    const restored = await run(tsx, ['scripts/db-restore.ts', file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: target, DATA_DIR: dataDir },
    });
    expect(restored.stdout).toContain('restore verified');
    expect(await fingerprint(target)).toEqual(await fingerprint(ctx.databaseUrl));

    const again = await run(tsx, ['scripts/db-restore.ts', file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: target, DATA_DIR: dataDir },
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in again && again.code).toBe(2);
    expect(again.stderr).toMatch(/db:restore refused: the target database already has/);
  }, 90_000);
});
