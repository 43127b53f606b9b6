// The API under `pnpm start` runs as a child process (scripts/start-api.ts) of the start script,
// which restarts it when it exits unexpectedly — a heap OOM (exit 134), a crash, a SIGKILL —
// while the embedded PostgreSQL, owned by the start script, keeps running. Restarts back off:
// 0.5 s, doubling up to 10 s, back to 0.5 s once a child has stayed up for a minute. Importing the
// API's modules through tsx takes seconds on a busy machine, so once the API listens a standby
// child is started that imports them and waits; a restart tells it to start the server (about a
// second) instead of forking a cold one. The serving child's pid is kept in DATA_DIR/api.pid (for
// operators and the supervisor test). The first start must succeed: a child that exits before it
// ever listened (port in use, bad setting) fails `ready`, and start.ts stops PostgreSQL and exits.
import { type ChildProcess, fork } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_PROCESS_ENV } from './api-env.ts';
import { API_BUNDLE } from './build-api.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** A child that stayed up this long restarts after initialMs again. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 10_000, resetAfterMs: 60_000 };

/** The wait before the next restart, given the last wait (0: none yet) and how long the child ran. */
export function nextRestartDelay(previousMs: number, upMs: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (previousMs <= 0 || upMs >= policy.resetAfterMs) return policy.initialMs;
  return Math.min(previousMs * 2, policy.maxMs);
}

/** "code 134" / "signal SIGKILL". */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

export interface SupervisorOptions {
  /** The API's whole configuration (config.ts reads it in the child). */
  env: NodeJS.ProcessEnv;
  /** Where the serving child's pid is written (removed when it exits). */
  pidFile?: string;
  log: (message: string) => void;
  /** Called once, when the first child listens. */
  onFirstListen?: () => void;
  backoff?: BackoffPolicy;
}

export interface Supervisor {
  /** Resolves when the first child listens; rejects if it exits before. */
  readonly ready: Promise<void>;
  /** The serving child's pid, if any. */
  pid(): number | undefined;
  /** No more restarts; SIGTERM to the children (SIGKILL after 5 s); resolves when they have exited. */
  stop(): Promise<void>;
}

interface Child {
  proc: ChildProcess;
  /** Its modules are imported: it can be told to start. */
  loaded: boolean;
  /** Told (or to be told once loaded) to start serving. */
  serving: boolean;
  startedAt: number;
}

/** A restarted API would spend seconds importing its modules; the standby has done that already. */
const STANDBY_RESPAWN_MS = 5000;

export function superviseApi(options: SupervisorOptions): Supervisor {
  const { log, pidFile } = options;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  let serving: Child | undefined;
  let standby: Child | undefined;
  let stopping = false;
  let listened = false;
  let delay = 0;
  let restarts = 0;
  let downSince = 0;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  function spawnChild(): Child {
    // Plain Node on the bundle start.ts built (scripts/build-api.ts), and an IPC channel whose
    // closing tells the child its supervisor is gone.
    const proc = fork(API_BUNDLE, [], {
      cwd: root,
      // glibc's heap settings (api-env.ts, ADR 030); the environment may override them.
      env: { ...API_PROCESS_ENV, ...options.env },
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const child: Child = { proc, loaded: false, serving: false, startedAt: Date.now() };
    proc.on('message', (message: { type?: string }) => {
      if (message?.type === 'loaded') {
        child.loaded = true;
        if (child.serving) proc.send({ type: 'start' });
        else log(`standby API process ready (pid ${proc.pid})`);
      } else if (message?.type === 'listening') {
        onListening(child);
      }
    });
    let ended = false;
    const onEnd = (how: string) => {
      if (ended) return;
      ended = true;
      onExit(child, how);
    };
    proc.once('exit', (code, signal) => onEnd(describeExit(code, signal)));
    proc.once('error', (error) => {
      // Could not be spawned: count it as an exit (a failed kill() of a live child is not one).
      if (proc.pid === undefined) onEnd(`error: ${error.message}`);
    });
    return child;
  }

  function serve(child: Child) {
    child.serving = true;
    child.startedAt = Date.now();
    serving = child;
    if (pidFile && child.proc.pid) writeFileSync(pidFile, `${child.proc.pid}\n`);
    if (child.loaded) child.proc.send({ type: 'start' });
  }

  function onListening(child: Child) {
    if (!listened) {
      listened = true;
      options.onFirstListen?.();
      resolveReady();
    } else {
      log(`the API is back (pid ${child.proc.pid}), ${((Date.now() - downSince) / 1000).toFixed(1)} s after the exit`);
    }
    // A standby child with its modules loaded, so that a restart costs only the server's start.
    if (!standby && !stopping) standby = spawnChild();
  }

  function onExit(child: Child, how: string) {
    if (child === standby) {
      standby = undefined;
      if (stopping) return;
      log(`the standby API process (pid ${child.proc.pid}) exited (${how}); replacing it`);
      later(STANDBY_RESPAWN_MS, () => {
        if (!standby && !stopping && listened) standby = spawnChild();
      });
      return;
    }
    if (child !== serving) return;
    serving = undefined;
    if (pidFile) rmSync(pidFile, { force: true });
    if (stopping) return;
    if (!listened) {
      rejectReady(new Error(`the API process exited before it listened (${how}); see the output above`));
      return;
    }
    downSince = Date.now();
    const upMs = Date.now() - child.startedAt;
    delay = nextRestartDelay(delay, upMs, policy);
    restarts += 1;
    log(
      `the API process (pid ${child.proc.pid}) exited (${how}) after ${(upMs / 1000).toFixed(1)} s; ` +
        `restarting it in ${delay / 1000} s (restart ${restarts}); PostgreSQL keeps running`,
    );
    later(delay, () => {
      if (stopping || serving) return;
      const next = standby ?? spawnChild();
      if (next === standby) standby = undefined;
      serve(next);
    });
  }

  serve(spawnChild());

  async function end(child: Child | undefined) {
    const proc = child?.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const kill = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(kill);
  }

  return {
    ready,
    pid: () => serving?.proc.pid,
    async stop() {
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([end(serving), end(standby)]);
      if (pidFile) rmSync(pidFile, { force: true });
    },
  };
}
