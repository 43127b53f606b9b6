// Applies the Prisma migration history with the Prisma CLI (wasm schema engine, no download).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs `prisma <args>` with the environment and preload this machine needs; resolves on exit 0. */
export function runPrismaCli(args: string[], env: Record<string, string | undefined> = {}): Promise<string> {
  const require = createRequire(path.join(root, 'package.json'));
  const cli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build/index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', path.join(root, 'scripts/unref-timers.cjs'), cli, ...args], {
      cwd: root,
      env: {
        ...process.env,
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        // `prisma generate` needs some DATABASE_URL to read the schema's config; without one it
        // falls back to downloading a query engine (docs/traps.md).
        DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://unused@127.0.0.1/unused',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`prisma ${args.join(' ')} failed (exit ${code}):\n${output.trim()}`));
    });
  });
}

export async function migrateDeploy(databaseUrl: string): Promise<void> {
  await runPrismaCli(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
}
