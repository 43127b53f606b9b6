// Crash safety, short version (issue 7 item 3): three SIGKILLs of the API process while writers
// retry with idempotency keys; `pnpm test:chaos` runs the same with twenty (scripts/chaos.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChaos } from './helpers/chaos.ts';
import { PASSWORD } from './helpers/fixtures.ts';
import { createProcessDatabase, type ProcessDatabase } from './helpers/process-db.ts';

let db: ProcessDatabase;
beforeAll(async () => {
  db = await createProcessDatabase();
});
afterAll(() => db?.close());

describe('an API process killed with SIGKILL while clients write', () => {
  it('loses no acknowledged record, duplicates none, and leaves the audit chain intact', async () => {
    const result = await runChaos({
      databaseUrl: db.databaseUrl,
      dataDir: db.dataDir,
      port: 3310,
      kills: 3,
      username: 'secA',
      password: PASSWORD,
      orgId: db.fx.branchAId,
    });
    console.log(
      `chaos: ${result.kills} kills survived, ${result.acknowledged} acknowledged, lost ${result.lost}, ` +
        `duplicated ${result.duplicated}, ${result.retried} retries (${result.abandoned} abandoned on purpose; ` +
        `${result.replayed} answered by replay), ` +
        `${(result.ms / 1000).toFixed(1)} s; failures retried: ${JSON.stringify(result.failures)}`,
    );
    expect(result.unexpected).toEqual([]);
    expect(result.kills).toBe(3);
    // Writes happened around every kill, not only before the first one.
    expect(result.acknowledged).toBeGreaterThan(3);
    expect(result.retried).toBeGreaterThan(0);
    expect(result.lost).toBe(0);
    expect(result.duplicated).toBe(0);
    expect(result.unacknowledgedRows).toBe(0);
    expect(result.auditMismatches).toBe(0);
    expect(result.chain).toMatchObject({ ok: true, firstBroken: null });
    expect(result.chain.checked).toBeGreaterThanOrEqual(result.acknowledged);
    // Not asserted: how many acknowledgements were replays (writes committed whose first answer was
    // lost to a kill or an abandoned wait). It is usually 1–5 here, but timing decides it, and a
    // test that fails on timing alone would be flaky; the figure is printed above instead.
  }, 60_000);
});
