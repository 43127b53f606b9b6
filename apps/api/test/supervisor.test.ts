// Issue 13: the supervisor of `pnpm start` (scripts/start.ts, scripts/supervisor.ts). The real start
// command, as its own process with its own embedded PostgreSQL, port and data folder: SIGKILL the
// API child and it is back within 5 s, PostgreSQL never stopped (same postmaster, same start time),
// a write acknowledged before the kill is still there; SIGTERM the supervisor and everything is
// gone. Build-free: SKIP_WEB_BUILD=1 and a one-file WEB_DIST. The data folder is kept between runs
// (a later run skips the seed); a run killed half-way is recovered by the next start.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrisma } from '@dutyboard/db/client';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PORT = 3428;
const PG_PORT = 54428;
const dataDir = path.join(root, `.data/test-supervisor-${PG_PORT}`);
const base = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const webDist = mkdtempSync(path.join(tmpdir(), 'dutyboard-sup-web-'));
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Dutyboard</title>');

let supervisor: ChildProcess | undefined;
const output: string[] = [];
const keep = (chunk: Buffer) => output.push(chunk.toString('utf8'));

afterAll(() => {
  // Safety net when an assertion failed half-way: the whole process group (detached below).
  if (supervisor?.pid && supervisor.exitCode === null) {
    try {
      process.kill(-supervisor.pid, 'SIGKILL');
    } catch {}
  }
  rmSync(webDist, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every live process whose parent chain leads to `pid` (from /proc). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(entry), ppid);
    } catch {}
  }
  return [...parent.keys()].filter((p) => {
    for (let q = parent.get(p); q !== undefined && q > 1; q = parent.get(q)) if (q === pid) return true;
    return false;
  });
}

async function healthy(): Promise<boolean> {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await check()) return performance.now() - started;
    await sleep(50);
  }
  throw new Error(`${what}: not within ${ms} ms\n${output.join('').slice(-3000)}`);
}

const readPid = (file: string) => Number(readFileSync(file, 'utf8').split('\n')[0]);

describe('pnpm start supervises the API', () => {
  it('restarts a SIGKILLed API within 5 s while PostgreSQL keeps running; SIGTERM stops both', async () => {
    const { DATABASE_URL: _unused, ...withoutDatabaseUrl } = process.env;
    // Node with tsx as a loader: one process for the supervisor, so the signals below reach it.
    supervisor = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: {
        ...withoutDatabaseUrl,
        DATA_DIR: dataDir,
        PORT: String(PORT),
        PG_PORT: String(PG_PORT),
        SKIP_WEB_BUILD: '1',
        WEB_DIST: webDist,
        LOG_LEVEL: 'warn',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    supervisor.stdout?.on('data', keep);
    supervisor.stderr?.on('data', keep);
    const sup = supervisor;
    const exited = new Promise<number | null>((resolve) => sup.once('exit', (code) => resolve(code)));
    const firstMs = await waitFor('first start', healthy, 90_000);
    console.log(`first start (PostgreSQL, migrations, seed when new, API) in ${Math.round(firstMs)} ms`);

    const apiPidFile = path.join(dataDir, 'api.pid');
    const pgPidFile = path.join(dataDir, 'pg/postmaster.pid');
    const apiPid = readPid(apiPidFile);
    const postmaster = readPid(pgPidFile);
    expect(descendants(sup.pid as number)).toContain(apiPid);
    const prisma = createPrisma(`postgresql://dutyboard:dutyboard-local@127.0.0.1:${PG_PORT}/dutyboard`, { max: 1 });
    try {
      const startTime = async () =>
        (await prisma.$queryRaw<{ t: Date }[]>`SELECT pg_postmaster_start_time() AS t`)[0]?.t.getTime();
      const pgStartedAt = await startTime();

      // An acknowledged write: a sign-in (its Session row) answered 200 before the kill.
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Dutyboard@2026' }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] as string;

      // A restart hands over to the standby child once its modules are loaded (the usual case: the
      // API ran for more than a few seconds); a cold start would add the seconds of importing them.
      await waitFor('the standby child', () => output.join('').includes('standby API process ready'), 60_000);
      process.kill(apiPid, 'SIGKILL');
      await waitFor('the killed API exits', () => !alive(apiPid), 5000);
      const backMs = await waitFor('the API back', healthy, 5000);
      console.log(`API back ${Math.round(backMs)} ms after its SIGKILL`);
      expect(backMs).toBeLessThan(5000);
      expect(output.join('')).toMatch(/the API process \(pid \d+\) exited \(signal SIGKILL\).*restarting it in 0\.5 s/);

      const newApiPid = readPid(apiPidFile);
      expect(newApiPid).not.toBe(apiPid);
      expect(readPid(pgPidFile)).toBe(postmaster);
      expect(alive(postmaster)).toBe(true);
      expect(await startTime()).toBe(pgStartedAt);
      const me = await fetch(`${base}/api/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
    } finally {
      await prisma.$disconnect();
    }

    // SIGTERM: the API (and its standby) first, then PostgreSQL; the supervisor exits 0.
    const children = descendants(sup.pid as number);
    expect(children).toContain(postmaster);
    sup.kill('SIGTERM');
    expect(await exited).toBe(0);
    await waitFor('every child gone', () => children.every((pid) => !alive(pid)), 5000);
    expect(existsSync(apiPidFile)).toBe(false);
    expect(await healthy()).toBe(false);
  }, 120_000);
});
