// The database goes away under a running API and comes back (issue 7 item 4): an API listening
// on a real port over its own embedded PostgreSQL; the PostgreSQL is killed with SIGKILL. Requests
// meanwhile answer 503 in the error shape within a bounded time, the API process stays up, health
// says the database is down; PostgreSQL restarted on the same folder and port, service resumes by
// itself (database-down.test.ts covers a database unreachable from the start).
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '@dutyboard/db/admin';
import { createPrisma, type PrismaClient } from '@dutyboard/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@dutyboard/db/embedded';
import { migrateDeploy } from '@dutyboard/db/migrate';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { activityInput, type Fixture, PASSWORD, seedFixture } from './helpers/fixtures.ts';

// Ports of this file's own servers (helper H11's range), apart from the shared test cluster.
const PG_PORT = Number(process.env.RESTART_TEST_PG_PORT ?? 54370);
const API_PORT = Number(process.env.RESTART_TEST_API_PORT ?? 3320);
/** The bound the issue asks for: a request while the database is gone answers within this. */
const BOUND_MS = 5000;

let dataDir: string;
let db: EmbeddedDatabase | undefined;
let prisma: PrismaClient;
let app: FastifyInstance;
let fx: Fixture;
let cookie = '';
const base = `http://127.0.0.1:${API_PORT}`;

async function call(method: string, url: string, payload?: unknown) {
  const started = Date.now();
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { cookie, ...(payload ? { 'content-type': 'application/json' } : {}) },
    body: payload ? JSON.stringify(payload) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, ms: Date.now() - started };
}

function postmasterPid(): number {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) throw new Error('no postmaster.pid');
  return Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'dutyboard-restart-'));
  // Run as root, PostgreSQL runs as the `postgres` user, which must reach the folder.
  await chmod(dataDir, 0o755);
  db = await startEmbeddedPostgres({ dataDir, port: PG_PORT });
  await ensureDatabase(db.adminUrl, 'dutyboard');
  const url = db.urlFor('dutyboard');
  await migrateDeploy(url);
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: String(API_PORT) });
  // As server.ts builds it (pool of DB_POOL_MAX, default connection timeout).
  prisma = createPrisma(url, { max: config.DB_POOL_MAX });
  fx = await seedFixture(prisma);
  app = await buildApp({ config, prisma });
  await app.listen({ port: API_PORT, host: '127.0.0.1' });
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'secA', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}, 120_000);

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await db?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('PostgreSQL killed under a running API, then restarted', () => {
  it('serves reads and writes before the kill', async () => {
    expect((await call('GET', '/api/health')).status).toBe(200);
    // Warm the pool: these connections die with the server, as a live system's would.
    const reads = await Promise.all(Array.from({ length: 6 }, () => call('GET', '/api/activities')));
    expect(reads.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect((await call('POST', '/api/activities', activityInput(fx.branchAId))).status).toBe(201);
  });

  it('answers 503 in the error shape within the bound while PostgreSQL is gone, and health says down', async () => {
    const pid = postmasterPid();
    process.kill(pid, 'SIGKILL');
    for (let waited = 0; alive(pid) && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pid)).toBe(false);

    const health = await call('GET', '/api/health');
    expect(health.status, JSON.stringify(health.body)).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', database: 'down' });
    expect(health.ms).toBeLessThan(BOUND_MS);

    // Reads and writes at once, more than the pool holds: every one 503, none hangs.
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () => call('GET', '/api/activities')),
      ...Array.from({ length: 4 }, () => call('POST', '/api/activities', activityInput(fx.branchAId))),
      call('GET', '/api/me'),
    ]);
    for (const r of results) {
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body).toEqual({
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: '数据库暂时不可用，请稍后再试',
          key: 'server.databaseDown',
          params: {},
        },
      });
      expect(r.ms).toBeLessThan(BOUND_MS);
    }
    // The process is still up and still listening.
    expect(app.server.listening).toBe(true);
    expect((await call('GET', '/api/health')).status).toBe(503);
  });

  it('resumes by itself once PostgreSQL is back on the same folder and port: health, a read, a write', async () => {
    db = await startEmbeddedPostgres({ dataDir, port: PG_PORT });
    const started = Date.now();
    let health = await call('GET', '/api/health');
    while (health.status !== 200 && Date.now() - started < 20_000) {
      await new Promise((r) => setTimeout(r, 200));
      health = await call('GET', '/api/health');
    }
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: 'up' });

    // The session signed in before the outage is still valid; nothing acknowledged was lost.
    const list = await call('GET', '/api/activities');
    expect(list.status).toBe(200);
    const before = JSON.stringify(list.body);
    const created = await call('POST', '/api/activities', activityInput(fx.branchAId, { title: '恢复后的活动' }));
    expect(created.status).toBe(201);
    const after = await call('GET', '/api/activities');
    expect(after.status).toBe(200);
    expect(JSON.stringify(after.body)).toContain('恢复后的活动');
    expect(before).not.toContain('恢复后的活动');
    expect(await prisma.activity.count()).toBe(2);
  });
});
