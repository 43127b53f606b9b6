// `pnpm bench:assess`: scoring a 区 of 20 街道 over a half year (issue 18). On the city `pnpm
// bench:seed` made (bench/lib/target.ts), the first 区 has BIG_DISTRICT_STREETS streets
// (seed-city.ts); this times schemeProposals — the service the API's proposals, 自评 and 复核 call —
// computing every proposed score of the starter 细则 for all of that 区's streets at once, p50/p95
// over repeated runs, and counts the SQL statements one run sends. A second scheme swaps the
// starter's 专题汇报 for a DEADLINE due on a day (ADR 044), which adds the one statement that
// reads the due month's days from the records. Prints a table and writes bench/results/assess-<ISO>.json.
//
// Environment: BENCH_DB / BENCH_PG_PORT / DATABASE_URL (where the city is), BENCH_ASSESS_PERIOD
// (2026-H1), BENCH_ASSESS_RUNS (50), BENCH_ASSESS_WARMUP (5).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type SchemeCategoryInput,
  STARTER_SCHEME_NAME,
  starterReportDueOn,
  starterSchemeCategories,
} from '@dutyboard/contracts/assessments';
import { PrismaClient } from '@dutyboard/db/client';
import { PrismaPg } from '@prisma/adapter-pg';
import { schemeProposals } from '../apps/api/src/services/assessments/proposals.ts';
import { BIG_DISTRICT_STREETS } from './lib/seed-city.ts';
import { percentile } from './lib/stats.ts';
import { openBenchDatabase, root } from './lib/target.ts';

const env = process.env;
const period = env.BENCH_ASSESS_PERIOD ?? '2026-H1';
const runs = Number(env.BENCH_ASSESS_RUNS ?? 50);
const warmup = Number(env.BENCH_ASSESS_WARMUP ?? 5);

/** The starter with item keys, as a stored scheme holds them. */
function keyed(categories: SchemeCategoryInput[]): SchemeCategoryInput[] {
  return categories.map((c, ci) => ({ ...c, items: c.items.map((i, ii) => ({ ...i, key: `i${ci}-${ii}` })) }));
}

/** The starter with its 专题汇报 as a DEADLINE due on the day (a 专题研讨 stands in for the report). */
function withDeadlineByDay(categories: SchemeCategoryInput[]): SchemeCategoryInput[] {
  const due = starterReportDueOn(period);
  return categories.map((c) => ({
    ...c,
    items: c.items.map((i) =>
      i.title.includes('专题汇报')
        ? {
            ...i,
            rule: { type: 'DEADLINE' as const, figure: 'SEMINAR' as const, dueMonth: due.slice(0, 7), dueOn: due },
            scorer: 'COMPUTED' as const,
          }
        : i,
    ),
  }));
}

async function main(): Promise<number> {
  const db = await openBenchDatabase();
  const adapter = new PrismaPg({ connectionString: db.databaseUrl, max: 2 });
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  let statements = 0;
  prisma.$on('query', () => {
    statements += 1;
  });
  try {
    const district = await prisma.orgUnit.findFirst({
      where: { kind: 'DISTRICT_COMMITTEE', code: 'D01' },
      select: { id: true, name: true, path: true },
    });
    if (!district) throw new Error('no 区 D01: run `pnpm bench:seed` first');
    const units = await prisma.orgUnit.findMany({
      where: { parentId: district.id, kind: { in: ['STREET_COMMITTEE', 'TOWNSHIP_COMMITTEE'] } },
      select: { id: true, name: true },
      orderBy: { sortOrder: 'asc' },
    });
    if (units.length !== BIG_DISTRICT_STREETS) {
      throw new Error(`区 ${district.name} has ${units.length} streets, not ${BIG_DISTRICT_STREETS}: reseed the city`);
    }
    const starter = keyed(starterSchemeCategories(period));
    const schemes = [
      { name: 'starter', categories: starter },
      { name: 'starter + DEADLINE by day', categories: withDeadlineByDay(starter) },
    ];
    const rows: Record<string, unknown>[] = [];
    for (const s of schemes) {
      const scheme = { id: crypto.randomUUID(), periodCode: period, total: 100, categories: s.categories };
      for (let i = 0; i < warmup; i += 1) await schemeProposals(prisma, scheme, units);
      const times: number[] = [];
      let perRun = 0;
      let answer: Awaited<ReturnType<typeof schemeProposals>> = [];
      for (let i = 0; i < runs; i += 1) {
        const before = statements;
        const t = performance.now();
        answer = await schemeProposals(prisma, scheme, units);
        times.push(performance.now() - t);
        perRun = statements - before;
      }
      const sorted = [...times].sort((a, b) => a - b);
      const items = answer.reduce((n, u) => n + u.items.length, 0);
      const computed = answer.reduce((n, u) => n + u.items.filter((i) => i.proposed !== null).length, 0);
      const row = {
        scheme: s.name,
        units: units.length,
        items,
        computed,
        runs,
        p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
        p95Ms: Math.round(percentile(sorted, 95) * 10) / 10,
        statementsPerRun: perRun,
        totals: answer.map((u) => u.proposedTotal),
      };
      rows.push(row);
      console.log(
        `${s.name.padEnd(28)} ${units.length} 街道 × ${items / units.length} items (${computed} proposed): ` +
          `p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms, ${perRun} statement(s) per run`,
      );
    }
    const load = os.loadavg().map((l) => Math.round(l * 100) / 100);
    console.log(
      `${STARTER_SCHEME_NAME(period)} · ${district.name} · ${period} · ${os.cpus().length} CPUs · load ${load.join(' ')} · ${db.where}`,
    );
    const dir = path.join(root, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `assess-${new Date().toISOString().replaceAll(':', '-')}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ period, district: district.name, load, cpus: os.cpus().length, rows }, null, 2)}\n`,
    );
    console.log(`written ${path.relative(root, file)}`);
    return 0;
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
