import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Configuration is checked before anything starts, so these runs need no database. Loading the
// start script's modules through tsx takes seconds on a busy machine: a test may take as long as
// spawnSync allows its run.
const RUN_MS = 60_000;

function start(env: Record<string, string>) {
  return spawnSync('pnpm', ['exec', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: RUN_MS,
  });
}

describe('pnpm start with bad configuration', { timeout: RUN_MS }, () => {
  it('stops with one sentence that names the variable', () => {
    const run = start({ PORT: 'eighty', DATABASE_URL: 'postgresql://u@127.0.0.1:1/none' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      '[dutyboard] Configuration error: PORT must be a port number from 0 to 65535 (got "eighty").',
    );
  });

  it('refuses a non-PostgreSQL DATABASE_URL without echoing it', () => {
    const run = start({ DATABASE_URL: 'mysql://root:secret@db/x' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('DATABASE_URL must be a postgresql:// connection string');
    expect(run.stderr).not.toContain('secret');
  });
});
