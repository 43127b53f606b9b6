// `pnpm start:memory`: what `pnpm start` costs in memory, measured on the real start command. Starts
// it on its own data folder, port and embedded PostgreSQL (MEMORY_PORT, default 3131; MEMORY_PG_PORT,
// default 54731; .data/memory-<pg port>, kept between runs so only the first one seeds), waits until
// the API answers and has idled, reads the resident memory (VmRSS) of the supervisor, the API and
// any standby child, then puts the demo under load — 10 connections for MEMORY_SECONDS (default
// 20) of dashboards, lists, notifications, an xlsx export and the summary DOCX as the leader — and
// reads the API's peak (VmHWM). Last, it SIGKILLs the API and times its restart. Prints one table.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProcMemory } from '../bench/lib/memory.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.MEMORY_PORT ?? 3131);
const pgPort = Number(process.env.MEMORY_PG_PORT ?? 54731);
const loadSeconds = Number(process.env.MEMORY_SECONDS ?? 20);
const dataDir = path.join(root, `.data/memory-${pgPort}`);
const base = `http://127.0.0.1:${port}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1000) })).status === 200;
  } catch {
    return false;
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await check()) return performance.now() - started;
    await sleep(25);
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

/** Node processes whose parent is `pid` (the supervisor's API children), from /proc. */
function nodeChildren(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === pid && cmd.split('\0')[0]?.endsWith('node')) found.push(Number(entry));
    } catch {}
  }
  return found;
}

async function main() {
  const webDist = mkdtempSync(path.join(tmpdir(), 'dutyboard-memory-web-'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Dutyboard</title>');
  const { DATABASE_URL: _ignored, ...env } = process.env;
  // Node itself runs the start script (as `pnpm start` does through its one `node` command), so the
  // pid here is the supervisor's.
  const supervisor: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...env,
      DATA_DIR: dataDir,
      PORT: String(port),
      PG_PORT: String(pgPort),
      SKIP_WEB_BUILD: '1',
      WEB_DIST: webDist,
      LOG_LEVEL: 'warn',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  supervisor.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => supervisor.once('exit', () => resolve()));
  const rows: [string, string][] = [];
  try {
    const startMs = await waitFor('the first start', healthy, 180_000);
    rows.push(['first start (to healthy)', `${(startMs / 1000).toFixed(1)} s`]);
    const apiPid = Number(readFileSync(path.join(dataDir, 'api.pid'), 'utf8'));
    // Idle: the API has answered, the standby (if any) has loaded, the first compactions ran.
    await sleep(10_000);
    const supPid = supervisor.pid as number;
    const standby = nodeChildren(supPid).filter((p) => p !== apiPid);
    rows.push(['supervisor RSS idle', mb(readProcMemory(supPid)?.rss)]);
    rows.push(['API RSS idle', mb(readProcMemory(apiPid)?.rss)]);
    for (const pid of standby) rows.push([`standby API RSS idle`, mb(readProcMemory(pid)?.rss)]);

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: process.env.DEMO_PASSWORD ?? 'Dutyboard@2026' }),
    });
    if (login.status !== 200) throw new Error(`sign-in as leader answered ${login.status}`);
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as { org: { id: string } };
    const year = new Date().getUTCFullYear();
    const urls = [
      '/api/dashboard',
      `/api/dashboard?period=${year}`,
      '/api/activities?limit=50',
      '/api/study-sessions?limit=50',
      '/api/risk-alerts?limit=50',
      '/api/notifications',
      '/api/exports/activities?format=xlsx',
      `/api/reports/summary.docx?period=${year}-H2&org=${me.org.id}`,
    ];
    const statuses = new Map<number, number>();
    let requests = 0;
    const until = performance.now() + loadSeconds * 1000;
    const worker = async (n: number) => {
      for (let i = n; performance.now() < until; i++) {
        const res = await fetch(`${base}${urls[i % urls.length]}`, { headers: { cookie } });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        requests++;
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, n) => worker(n)));
    const after = readProcMemory(apiPid);
    rows.push([`API RSS after ${loadSeconds} s of load`, mb(after?.rss)]);
    rows.push(['API RSS peak (VmHWM)', mb(after?.hwm)]);
    rows.push(['requests (status: count)', `${requests} (${[...statuses].map(([s, c]) => `${s}: ${c}`).join(', ')})`]);

    process.kill(apiPid, 'SIGKILL');
    const t0 = performance.now();
    await waitFor('the killed API exits', () => readProcMemory(apiPid) === null, 5000);
    await waitFor('the API back', healthy, 30_000);
    rows.push(['back after a SIGKILL', `${((performance.now() - t0) / 1000).toFixed(1)} s`]);
  } catch (error) {
    console.error(output.slice(-3000));
    throw error;
  } finally {
    supervisor.kill('SIGTERM');
    await exited;
    rmSync(webDist, { recursive: true, force: true });
  }
  console.log(
    `\nnode ${process.version}, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  for (const [label, value] of rows) console.log(`  ${label.padEnd(34)}${value}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
