// `pnpm test`: every check, in order — format/lint, typecheck, unit + API tests (real
// PostgreSQL), browser tests (real Chromium). Runs every stage even after a failure so one run
// shows everything, then prints one closing line with the test counts and exits non-zero if
// anything failed.
//
// TEST_NODE names a second Node binary (CI: Node 24, fetched by .ci/run): the unit and API tests
// then run on it — every process they start included, through PATH — and the unit tests run once
// more on the Node that runs this script, so both runtimes are tested within one CI run (ADR 030).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

interface Stage {
  name: string;
  cmd: string[];
  /** The JSON report the counts are read from. */
  report?: string;
  results?: (file: string) => { passed: number; failed: number; skipped: number };
  /** A Node binary to run the stage on instead of this one. */
  node?: string;
}

const VITEST_JSON = 'test-results/vitest-results.json';
const UNIT_JSON = 'test-results/vitest-unit-results.json';
const E2E_JSON = 'test-results/e2e-results.json';

function vitestCounts(file: string) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

function playwrightCounts(file: string) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const s = r.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}

const only = process.argv.slice(2);
const otherNode = process.env.TEST_NODE ? path.resolve(process.env.TEST_NODE) : undefined;
if (otherNode && !existsSync(otherNode)) {
  console.error(`TEST_NODE=${otherNode}: no such file`);
  process.exit(1);
}
const vitest = (json: string, ...args: string[]) => [
  'pnpm',
  'exec',
  'vitest',
  'run',
  ...args,
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${json}`,
];
const stages: Stage[] = [
  { name: 'lint', cmd: ['pnpm', 'exec', 'biome', 'check', '.'] },
  { name: 'typecheck', cmd: ['pnpm', 'exec', 'tsc', '-p', 'tsconfig.json'] },
  { name: 'typecheck-web', cmd: ['pnpm', 'exec', 'tsc', '-p', 'apps/web/tsconfig.json'] },
  { name: 'typecheck-e2e', cmd: ['pnpm', 'exec', 'tsc', '-p', 'e2e/tsconfig.json'] },
  // Two test files at a time: the API tests mostly wait on PostgreSQL, so on CI's 2 cores (where
  // Vitest's default is cores − 1 = 1) two workers take ~400 s instead of ~585 s. Each file has its
  // own database clone and fixed API ports, so files do not share state.
  {
    name: 'vitest',
    cmd: vitest(VITEST_JSON, '--maxWorkers=2'),
    report: VITEST_JSON,
    results: vitestCounts,
    node: otherNode,
  },
  ...(otherNode
    ? [{ name: 'unit', cmd: vitest(UNIT_JSON, '--project', 'unit'), report: UNIT_JSON, results: vitestCounts }]
    : []),
  { name: 'e2e', cmd: ['pnpm', 'exec', 'playwright', 'test'], report: E2E_JSON, results: playwrightCounts },
].filter((s) => only.length === 0 || only.includes(s.name));

/** "v24.22.3" of a Node binary. */
function versionOf(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

mkdirSync('test-results', { recursive: true });
for (const f of [VITEST_JSON, UNIT_JSON, E2E_JSON]) rmSync(f, { force: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];
let ok = true;
for (const stage of stages) {
  const started = Date.now();
  const node = stage.node ? versionOf(stage.node) : process.version;
  console.log(`\n▶ ${stage.name} (node ${node}): ${stage.cmd.join(' ')}`);
  // The other Node first on PATH: pnpm, vitest and every process a test starts (`process.execPath`
  // included, as the tests spawn it) run on it.
  const env = stage.node
    ? { ...process.env, PATH: `${path.dirname(stage.node)}${path.delimiter}${process.env.PATH ?? ''}` }
    : process.env;
  const run = spawnSync(stage.cmd[0] as string, stage.cmd.slice(1), { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts = '';
  let failedInReport = false;
  if (stage.results && stage.report) {
    const file = stage.report;
    if (existsSync(file)) {
      const c = stage.results(file);
      totals.passed += c.passed;
      totals.failed += c.failed;
      totals.skipped += c.skipped;
      counts = ` (${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped)`;
      if (c.passed + c.failed === 0) {
        ok = false;
        counts += ' — no test ran';
      }
      // The report decides too: a runner that exits 0 with failed tests (CI#14's vitest on Node 24
      // did) must not pass the stage.
      if (c.failed > 0) failedInReport = true;
    } else {
      counts = ' (no results file: the runner did not finish)';
      totals.failed += 1;
    }
  }
  const passed = run.status === 0 && !failedInReport;
  ok &&= passed;
  summary.push(`${passed ? '✔' : '✘'} ${stage.name.padEnd(14)} ${node.padEnd(9)} ${seconds.padStart(6)} s${counts}`);
}

console.log(`\n${summary.join('\n')}`);
console.log(`test: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
