// The API process that `pnpm start` (scripts/start.ts) supervises (scripts/supervisor.ts): forked
// with an IPC channel and the whole configuration in its environment (DATABASE_URL of the embedded
// PostgreSQL, WEB_DIST, DATA_DIR, PORT, …). It imports its modules, says `loaded`, and starts the
// server when told `start` (a standby child waits here until the serving one dies), then says
// `listening`. It never outlives the supervisor: when the channel closes — the supervisor exited,
// even by SIGKILL, which no handler sees — it closes and exits. Stopping is the supervisor's
// decision: SIGINT and SIGHUP (Ctrl-C, a closed terminal, which reach the whole process group) are
// ignored here, and the supervisor sends SIGTERM.
import { ConfigError, loadConfig } from '@dutyboard/api/config';
import { startServer } from '@dutyboard/api/server';

const send = (message: { type: string; pid?: number }) => {
  if (process.connected) process.send?.(message);
};

if (!process.send) {
  console.error('[dutyboard] scripts/start-api.ts is started by scripts/start.ts (pnpm start), not on its own.');
  process.exit(1);
}

let close: (() => Promise<unknown>) | undefined;
let closing = false;
function stop(code: number) {
  if (closing) return;
  closing = true;
  // Exit even if closing hangs on an open connection.
  setTimeout(() => process.exit(code), 4000).unref();
  void (close?.() ?? Promise.resolve()).catch(() => undefined).finally(() => process.exit(code));
}

process.on('disconnect', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => undefined);
process.on('SIGHUP', () => undefined);

let started = false;
async function start() {
  if (started || closing) return;
  started = true;
  try {
    const { app } = await startServer(loadConfig());
    close = () => app.close();
    if (closing) await app.close();
    else send({ type: 'listening', pid: process.pid });
  } catch (error) {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    console.error(`[dutyboard] ${message}`);
    process.exit(1);
  }
}

process.on('message', (message: { type?: string }) => {
  if (message?.type === 'start') void start();
});
send({ type: 'loaded', pid: process.pid });
