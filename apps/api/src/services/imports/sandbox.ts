// Uploaded workbooks are read in a child process, never in the API's: a file built to exhaust
// memory (shared strings of gigabytes), disk (a worksheet unzipped to a temp file) or time can
// only end its own sandbox, and the job then fails with a sentence the user can act on. The
// sandbox gets a V8 heap limit, a time limit on its own work, a TMPDIR of its own (removed when
// the pass ends, swept at start-up) watched for size, and an environment without the API's
// secrets. Rows come back a batch per request, the API asking for the next one when it starts
// checking the last (one batch ahead at most), so a slow database never makes rows pile up.
import { type ChildProcess, fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DataSheet, SheetRow } from './reader.ts';
import type { SandboxReply, SandboxSheet } from './sandbox-protocol.ts';
import { ABNORMAL_PREFIX, UnreadableFile, ZIP_LIMITS } from './zip-guard.ts';

export interface SandboxOptions {
  /** Where the pass's temp folder is made (default: the OS temp folder). */
  tmpRoot?: string;
  /** Names the temp folder (the job id). */
  label?: string;
  /** V8 old-space limit of the sandbox, MB. */
  heapMb?: number;
  /** Longest the sandbox may take to answer one request, ms. */
  stepTimeoutMs?: number;
  /** Longest the sandbox may work in all (waiting for the API not counted), ms. */
  busyTimeoutMs?: number;
  /** Largest its temp folder may grow, bytes. */
  maxTmpBytes?: number;
}

export const SANDBOX_DEFAULTS = {
  heapMb: 512,
  stepTimeoutMs: 60_000,
  busyTimeoutMs: 5 * 60_000,
  maxTmpBytes: ZIP_LIMITS.maxTotalBytes + 16 * 1024 * 1024,
} as const;

/** Temp folders of sandboxes start with this; the rest is `<pid>-<label>-<random>`. */
export const SANDBOX_DIR_PREFIX = 'dutyboard-import-';

/** The sandbox died or was stopped: the message is for the person who uploaded the file. */
export class SandboxFailure extends UnreadableFile {}

/** Announces each sandbox and each batch (tests kill a sandbox mid-parse through this). */
export const sandboxEvents = new EventEmitter<{
  spawn: [{ pid: number; label: string; dir: string }];
  batch: [{ pid: number; rows: number }];
}>();

/**
 * Built (`pnpm start` runs the API as one bundle, scripts/build-api.ts) the child is the bundled
 * sandbox-child.js beside it and plain Node runs it; from the sources (tests) it is
 * sandbox-child.ts under tsx's loader, found from this package.
 */
const BUILT = import.meta.url.endsWith('.js');
const CHILD = fileURLToPath(new URL(BUILT ? './sandbox-child.js' : './sandbox-child.ts', import.meta.url));
const LOADER = BUILT ? [] : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(full);
    else
      total += await stat(full).then(
        (s) => s.size,
        () => 0,
      );
  }
  return total;
}

/** Replies of one child, in order; rejects when it exits or breaks a limit first. */
class Channel {
  private replies: SandboxReply[] = [];
  private waiter: { resolve: (reply: SandboxReply) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  private stderr = '';
  exited: Promise<void>;

  constructor(readonly child: ChildProcess) {
    child.on('message', (reply: SandboxReply) => {
      if (this.waiter) {
        const { resolve } = this.waiter;
        this.waiter = undefined;
        resolve(reply);
      } else this.replies.push(reply);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.fail(this.deathOf(code, signal));
        resolve();
      });
      child.on('error', (error) => {
        this.fail(new SandboxFailure(`${ABNORMAL_PREFIX}读取进程出错（${error.message}），请稍后重新上传`));
        // A process that never started emits no exit.
        if (child.pid === undefined) resolve();
      });
    });
  }

  private deathOf(code: number | null, signal: NodeJS.Signals | null): Error {
    if (/heap out of memory|Allocation failed/i.test(this.stderr) || code === 134 || signal === 'SIGABRT') {
      return new SandboxFailure(`${ABNORMAL_PREFIX}读取时占用内存超过上限，请确认文件是正常的台账，或拆分后分批导入`);
    }
    if (signal) return new SandboxFailure(`${ABNORMAL_PREFIX}读取进程被中止，请重新上传`);
    return new SandboxFailure(`${ABNORMAL_PREFIX}读取进程意外退出，请确认文件是正常的台账后重新上传`);
  }

  /** Stops waiting with this error (the first one wins). */
  fail(error: Error): void {
    this.failure ??= error;
    if (this.waiter) {
      const { reject } = this.waiter;
      this.waiter = undefined;
      reject(this.failure);
    }
  }

  get stderrTail(): string {
    return this.stderr;
  }

  next(timeoutMs: number): Promise<SandboxReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(
          new SandboxFailure(`${ABNORMAL_PREFIX}读取超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，请拆分后分批导入`),
        );
      }, timeoutMs);
      this.waiter = {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }
}

/**
 * The data sheet's rows, read by a sandbox process (see the top of this file). `onSheet` is told
 * the data sheet and the counted rows of its part before its first row. Stopping the iteration
 * stops the sandbox; the temp folder is removed either way.
 */
export async function* readRowsInSandbox(
  file: string,
  onSheet: (sheet: DataSheet & { rowCount: number | null }) => void,
  options: SandboxOptions = {},
): AsyncGenerator<SheetRow> {
  const limits = { ...SANDBOX_DEFAULTS, ...options };
  const root = options.tmpRoot ?? tmpdir();
  await mkdir(root, { recursive: true });
  const label = (options.label ?? 'pass').replace(/[^\w-]/g, '').slice(0, 64);
  const dir = await mkdtemp(path.join(root, `${SANDBOX_DIR_PREFIX}${process.pid}-${label}-`));
  let channel: Channel | undefined;
  let watch: NodeJS.Timeout | undefined;
  try {
    const child = fork(CHILD, [path.resolve(file)], {
      execArgv: [...LOADER, `--max-old-space-size=${limits.heapMb}`, '--max-semi-space-size=16'],
      // Nothing of the API's environment (database URL, secrets): only where to write temp files.
      env: { TMPDIR: dir, TMP: dir, TEMP: dir, PATH: process.env.PATH ?? '', NODE_ENV: process.env.NODE_ENV ?? '' },
      cwd: dir,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const open = new Channel(child);
    channel = open;
    if (child.pid !== undefined) sandboxEvents.emit('spawn', { pid: child.pid, label, dir });
    watch = setInterval(() => {
      void folderBytes(dir).then((bytes) => {
        if (bytes > limits.maxTmpBytes) {
          open.fail(new SandboxFailure(`${ABNORMAL_PREFIX}读取时临时文件超过上限，请确认文件是正常的台账`));
          child.kill('SIGKILL');
        }
      });
    }, 500);
    watch.unref();

    let busy = 0;
    const ask = async (): Promise<SandboxReply> => {
      const started = performance.now();
      const remaining = limits.busyTimeoutMs - busy;
      const reply = await open.next(Math.max(1, Math.min(limits.stepTimeoutMs, remaining)));
      busy += performance.now() - started;
      return reply;
    };
    const first = await ask();
    if (first.type !== 'ready') throw new SandboxFailure(`${ABNORMAL_PREFIX}读取进程没有响应，请稍后重新上传`);
    // A child that is gone cannot take the request; its exit says why.
    const pull = () => child.send({ type: 'pull' }, () => undefined);
    pull();
    for (;;) {
      const reply = await ask();
      if (reply.type === 'end') return;
      if (reply.type === 'error') {
        const error = new UnreadableFile(reply.message);
        if (reply.detail) (error as { detail?: string }).detail = reply.detail;
        throw error;
      }
      if (reply.type !== 'rows') throw new SandboxFailure(`${ABNORMAL_PREFIX}读取进程答非所问，请稍后重新上传`);
      if (reply.sheet) onSheet(reply.sheet as SandboxSheet);
      if (child.pid !== undefined) sandboxEvents.emit('batch', { pid: child.pid, rows: reply.rows.length });
      // The next batch is read while this one is checked: one batch ahead at most.
      pull();
      yield* reply.rows;
    }
  } finally {
    if (watch) clearInterval(watch);
    if (channel) {
      const { child } = channel;
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) child.disconnect();
        // Give it a moment to leave on its own, then make sure.
        const gone = await Promise.race([
          channel.exited.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000).unref()),
        ]);
        if (!gone) child.kill('SIGKILL');
        await channel.exited;
      }
    }
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * At start-up: removes sandbox temp folders left by a process that died (a sandbox killed with
 * the API, or an API killed mid-pass). A folder of a live process on this host is kept, unless
 * older than any pass may last.
 */
export async function sweepSandboxFolders(root: string, maxAgeMs = 2 * 60 * 60_000): Promise<number> {
  const names = await readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(SANDBOX_DIR_PREFIX)) continue;
    const full = path.join(root, name);
    const pid = Number(name.slice(SANDBOX_DIR_PREFIX.length).split('-')[0]);
    const age = await stat(full).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (pid !== process.pid && isAlive(pid) && age < maxAgeMs) continue;
    await rm(full, { recursive: true, force: true }).catch(() => undefined);
    removed += 1;
  }
  return removed;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
