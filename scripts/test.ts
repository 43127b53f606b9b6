// `pnpm test`: every check, in order — format/lint, typecheck, unit + API tests (real
// PostgreSQL), browser tests (real Chromium). Runs every stage even after a failure so one run
// shows everything, then prints one closing line with the test counts and exits non-zero if
// anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Stage {
  name: string;
  cmd: string[];
  results?: () => { passed: number; failed: number; skipped: number };
}

const VITEST_JSON = 'test-results/vitest-results.json';
const E2E_JSON = 'test-results/e2e-results.json';

function vitestCounts() {
  const r = JSON.parse(readFileSync(VITEST_JSON, 'utf8'));
  return {
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

function playwrightCounts() {
  const r = JSON.parse(readFileSync(E2E_JSON, 'utf8'));
  const s = r.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}

const only = process.argv.slice(2);
const stages: Stage[] = [
  { name: 'lint', cmd: ['pnpm', 'exec', 'biome', 'check', '.'] },
  { name: 'typecheck', cmd: ['pnpm', 'exec', 'tsc', '-p', 'tsconfig.json'] },
  { name: 'typecheck-web', cmd: ['pnpm', 'exec', 'tsc', '-p', 'apps/web/tsconfig.json'] },
  { name: 'typecheck-e2e', cmd: ['pnpm', 'exec', 'tsc', '-p', 'e2e/tsconfig.json'] },
  {
    name: 'vitest',
    cmd: ['pnpm', 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${VITEST_JSON}`],
    results: vitestCounts,
  },
  { name: 'e2e', cmd: ['pnpm', 'exec', 'playwright', 'test'], results: playwrightCounts },
].filter((s) => only.length === 0 || only.includes(s.name));

mkdirSync('test-results', { recursive: true });
for (const f of [VITEST_JSON, E2E_JSON]) rmSync(f, { force: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];
let ok = true;
for (const stage of stages) {
  const started = Date.now();
  console.log(`\n▶ ${stage.name}: ${stage.cmd.join(' ')}`);
  const run = spawnSync(stage.cmd[0] as string, stage.cmd.slice(1), { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts = '';
  if (stage.results) {
    const file = stage.name === 'vitest' ? VITEST_JSON : E2E_JSON;
    if (existsSync(file)) {
      const c = stage.results();
      totals.passed += c.passed;
      totals.failed += c.failed;
      totals.skipped += c.skipped;
      counts = ` (${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped)`;
      if (c.passed + c.failed === 0) {
        ok = false;
        counts += ' — no test ran';
      }
    } else {
      counts = ' (no results file: the runner did not finish)';
      totals.failed += 1;
    }
  }
  const passed = run.status === 0;
  ok &&= passed;
  summary.push(`${passed ? '✔' : '✘'} ${stage.name.padEnd(14)} ${seconds.padStart(6)} s${counts}`);
}

console.log(`\n${summary.join('\n')}`);
console.log(`test: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
