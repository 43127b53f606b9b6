// The system under test for `pnpm bench`: the web app built into the bench's own folder (the e2e
// run wipes and rebuilds apps/web/dist whenever it starts, which must not pull the files from under
// a running benchmark), and the real API server as a child process on the bench database, serving
// that build. By default it is what `pnpm start` runs: the esbuild bundle (scripts/build-api.ts,
// ADR 030) forked with plain `node` and the supervisor's environment, so the RSS rows are what users
// run; BENCH_API=sources runs apps/api/src/server.ts under tsx instead, as the tests do.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ApiProcess, apiProcess } from '../../apps/api/test/helpers/api-process.ts';
import { API_BUNDLE, buildApi } from '../../scripts/build-api.ts';
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

/** What the bench runs as the API: the bundle `pnpm start` runs, or the sources under tsx. */
export type ApiRun = 'bundle' | 'sources';

export function apiRunOf(env: NodeJS.ProcessEnv): ApiRun {
  const raw = env.BENCH_API ?? 'bundle';
  if (raw !== 'bundle' && raw !== 'sources') throw new BenchError(`BENCH_API must be bundle or sources (got ${raw})`);
  return raw;
}

export interface BenchServer {
  api: ApiProcess;
  /** What ran, for the report: "bundle apps/api/dist/api.js (node)" or "sources under tsx". */
  ran: string;
  pid: number;
  baseUrl: string;
  /** Stops the API (SIGTERM, SIGKILL after 5 s) and removes its temporary DATA_DIR. */
  stop(): Promise<void>;
}

export async function startApi(options: {
  databaseUrl: string;
  port: number;
  webDist: string;
  run: ApiRun;
}): Promise<BenchServer> {
  // The same build step as `pnpm start` (skipped when nothing changed).
  if (options.run === 'bundle') await buildApi();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dutyboard-bench-'));
  const api = apiProcess({
    port: options.port,
    databaseUrl: options.databaseUrl,
    dataDir,
    env: { WEB_DIST: options.webDist, LOG_LEVEL: 'warn' },
    // At start the server chains audit events written without a hash (a bulk-loaded city may
    // have many), so give it longer than a test would.
    startTimeoutMs: 180_000,
    ...(options.run === 'bundle' ? { bundle: API_BUNDLE } : {}),
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
  const ran =
    options.run === 'bundle'
      ? `bundle ${path.relative(root, API_BUNDLE)} (node ${process.version})`
      : `sources under tsx (node ${process.version})`;
  return { api, ran, pid, baseUrl: api.url, stop };
}
