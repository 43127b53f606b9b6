// The system under test for `pnpm bench`: the web app built into the bench's own folder (the e2e
// run wipes and rebuilds apps/web/dist whenever it starts, which must not pull the files from under
// a running benchmark), and the real API server (apps/api/src/server.ts) as a child process on the
// bench database, serving that build — the same one-process shape as `pnpm start`.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, apiProcess } from '../../apps/api/test/helpers/api-process.ts';
import { BenchError } from './load.ts';
import { root } from './target.ts';

/** Builds apps/web into `outDir` (vite build, production mode, precompressed). Returns the seconds it took. */
export function buildWeb(outDir: string): number {
  const started = performance.now();
  const build = spawnSync(
    'pnpm',
    ['--filter', '@dutyboard/web', 'exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new BenchError(`the web build failed:\n${build.stderr.slice(-2000)}`);
  // The .br/.gz copies the real build writes, so the server sends what it sends in production.
  const compress = spawnSync('node', [path.join(root, 'apps/web/scripts/precompress.mjs'), outDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (compress.status !== 0) throw new BenchError(`precompressing the web build failed:\n${compress.stderr}`);
  return (performance.now() - started) / 1000;
}

export interface BenchServer {
  api: ApiProcess;
  pid: number;
  baseUrl: string;
  /** Stops the API (SIGTERM, SIGKILL after 5 s) and removes its temporary DATA_DIR. */
  stop(): Promise<void>;
}

export async function startApi(options: { databaseUrl: string; port: number; webDist: string }): Promise<BenchServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dutyboard-bench-'));
  const api = apiProcess({
    port: options.port,
    databaseUrl: options.databaseUrl,
    dataDir,
    env: { WEB_DIST: options.webDist, LOG_LEVEL: 'warn' },
    // At start the server chains audit events written without a hash (a bulk-loaded city may
    // have many), so give it longer than a test would.
    startTimeoutMs: 180_000,
    // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": profile the API under the load.
    nodeArgs: process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await api.start();
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const pid = api.pid;
  if (pid === undefined) throw new BenchError('the API process has no pid');
  return { api, pid, baseUrl: api.url, stop };
}
