// The API as a real operating-system process (apps/api/src/server.ts under Node with tsx's
// loader), for the tests that kill it (chaos) or run two of it on one database. app.inject()
// cannot show either: a SIGKILL ends the process between any two instructions, and two processes
// share nothing but PostgreSQL.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_PROCESS_ENV } from '../../../../scripts/api-env.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SERVER = path.join(root, 'apps/api/src/server.ts');

export interface ApiProcessOptions {
  port: number;
  databaseUrl: string;
  dataDir: string;
  /** Further server settings (config.ts). */
  env?: Record<string, string>;
  /** How long start() waits for /api/health to answer 200. */
  startTimeoutMs?: number;
  /**
   * Run this esbuild bundle of scripts/start-api.ts (scripts/build-api.ts: what `pnpm start`
   * runs) with plain `node` and the supervisor's environment, instead of the sources under tsx.
   */
  bundle?: string;
  /** Options for node itself (e.g. --cpu-prof, which NODE_OPTIONS may not carry). */
  nodeArgs?: readonly string[];
}

export interface ApiProcess {
  readonly url: string;
  readonly pid: number | undefined;
  /** Starts the server and resolves once /api/health answers 200. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, open transactions are cut off mid-way. Resolves on exit. */
  kill(): Promise<void>;
  /** SIGTERM (graceful close), SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** The last lines the process wrote, for failure messages. */
  output(): string;
}

/** Children still running when the test process ends are killed with it (no orphan holds a port). */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function apiProcess(options: ApiProcessOptions): ApiProcess {
  const url = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };

  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  async function healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
      return res.status === 200;
    } catch {
      return false;
    }
  }

  return {
    url,
    get pid() {
      return child?.pid;
    },
    async start() {
      if (running()) throw new Error(`the API on port ${options.port} is already running`);
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATABASE_URL: options.databaseUrl,
        PORT: String(options.port),
        HOST: '127.0.0.1',
        DATA_DIR: options.dataDir,
        LOG_LEVEL: 'warn',
        ...options.env,
      };
      // Node itself with tsx as a loader, not the tsx CLI: the CLI runs the server in a second
      // process, which a SIGKILL of the first would leave running (and holding the port).
      // A bundle is forked as the supervisor forks it: an IPC channel, told to start once loaded.
      const proc = options.bundle
        ? fork(options.bundle, [], {
            cwd: root,
            env: { ...API_PROCESS_ENV, ...env },
            execArgv: [...(options.nodeArgs ?? [])],
            stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
          })
        : spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', SERVER], {
            cwd: root,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
      if (options.bundle) {
        proc.on('message', (message: { type?: string }) => {
          if (message?.type === 'loaded') proc.send({ type: 'start' });
        });
      }
      child = proc;
      live.add(proc);
      proc.stdout?.on('data', keep);
      proc.stderr?.on('data', keep);
      exited = new Promise((resolve) =>
        proc.once('exit', () => {
          live.delete(proc);
          resolve();
        }),
      );
      const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
      while (Date.now() < deadline) {
        if (proc.exitCode !== null || proc.signalCode !== null) {
          throw new Error(`the API on port ${options.port} exited at start:\n${lines.join('\n')}`);
        }
        if (await healthy()) return;
        await sleep(50);
      }
      proc.kill('SIGKILL');
      await exited;
      throw new Error(`the API on port ${options.port} did not become healthy in time:\n${lines.join('\n')}`);
    },
    async kill() {
      if (running()) child?.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!running()) return exited;
      child?.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
    output: () => lines.join('\n'),
  };
}
