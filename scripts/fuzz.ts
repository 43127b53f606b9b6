// `pnpm test:fuzz [requests] [seed]`: the API fuzzer at full size (apps/api/test/fuzz.test.ts with
// FUZZ_REQUESTS, default 50,000; the normal suite runs the same file with a small sample). Prints
// requests sent, the status histogram, the 5xx count and the time; exits non-zero on any finding.
import { spawnSync } from 'node:child_process';

const requests = process.argv[2] ?? process.env.FUZZ_REQUESTS ?? '50000';
const seed = process.argv[3] ?? process.env.FUZZ_SEED ?? '20260707';
const started = Date.now();
console.log(`fuzz: ${requests} requests, seed ${seed} (repeat a run with: pnpm test:fuzz ${requests} ${seed})`);
const run = spawnSync('pnpm', ['exec', 'vitest', 'run', '--project', 'api', 'apps/api/test/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_REQUESTS: requests, FUZZ_SEED: seed },
});
console.log(`fuzz: finished in ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${run.status}`);
process.exit(run.status ?? 1);
