// The audit trail's hash chain (ADR 012): writes of every kind leave a chain that verifies;
// tampering in SQL — editing, deleting, inserting, reordering — is named at the right event;
// concurrent writers never fork it; who may run the check; the `pnpm audit:verify` command.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditVerifyResult } from '@dutyboard/contracts/audit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server.ts';
import { auditedTransaction, chainUnchainedEvents, recordAudit } from '../src/services/audit/audit.ts';
import { eventHash } from '../src/services/audit/chain.ts';
import { verifyAuditChain } from '../src/services/audit/verify.ts';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};

const inject = (who: string | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({
    method,
    url,
    headers: who ? { cookie: cookies[who] ?? '' } : {},
    ...(payload ? { payload } : {}),
  });

async function ok(res: Awaited<ReturnType<typeof inject>>, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as { id: string; version: number };
}

interface Row {
  id: bigint;
  hash: string | null;
  prevHash: string | null;
}
const rows = () =>
  ctx.prisma.auditEvent.findMany({ orderBy: { id: 'asc' }, select: { id: true, hash: true, prevHash: true } });

/** Runs SQL the way someone with database access (not the application) would. */
const sql = (text: string, ...values: unknown[]) => ctx.prisma.$executeRawUnsafe(text, ...values);

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['admin', 'leader', 'auditor', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);
  // A failed sign-in, then writes of every kind: create, update, delete, a workflow record, an
  // org by the admin, a study session with a JSON list inside.
  await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'secB', password: 'wrong' } });
  const first = await ok(await inject('secA', 'POST', '/api/activities', activityInput(fx.branchAId)), 201);
  const second = await ok(
    await inject(
      'secA',
      'POST',
      '/api/activities',
      activityInput(fx.branchAId, { title: '讲党课', participants: 1.5e1 }),
    ),
    201,
  );
  await ok(await inject('secA', 'PATCH', `/api/activities/${first.id}`, { title: '重温入党誓词', participants: 45 }));
  await ok(await inject('secA', 'DELETE', `/api/activities/${second.id}`));
  await ok(
    await inject('leader', 'POST', '/api/study-sessions', {
      orgId: fx.streetId,
      kind: 'CENTRAL_GROUP',
      topicCategory: 'THEORY',
      topic: '中心组专题学习',
      occurredAt: '2026-03-15T09:00:00+08:00',
      host: '王书记',
      expectedAttendance: 12,
      actualAttendance: 10,
      absentees: [{ name: '张三', reason: '因病请假' }],
      materials: '学习材料',
      minutes: '集体学习并交流发言',
    }),
    201,
  );
  await ok(
    await inject('admin', 'POST', '/api/orgs', {
      code: 'S-C',
      name: '丙社区党支部',
      kind: 'COMMUNITY_BRANCH',
      parentId: fx.streetId,
    }),
    201,
  );
  // A write that rolls back after its audit event took an id: the chain skips the id, no harm.
  await ctx.prisma
    .$transaction(async (tx) => {
      await recordAudit(tx, { actorId: null, action: 'CREATE', entityType: 'Activity', entityId: null });
      throw new Error('rolled back on purpose');
    })
    .catch(() => undefined);
  await ok(await inject('secA', 'POST', '/api/activities', activityInput(fx.branchAId, { title: '红色观影' })), 201);
  await ok(await inject('secB', 'POST', '/api/auth/logout'));
});
afterAll(() => ctx?.close());

// Each tampering test works on a copy of the clean trail and puts it back afterwards.
let saved = false;
async function snapshot() {
  await sql('CREATE TABLE audit_backup AS SELECT * FROM "AuditEvent"');
  saved = true;
}
afterEach(async () => {
  if (!saved) return;
  await sql('DELETE FROM "AuditEvent"');
  await sql('INSERT INTO "AuditEvent" SELECT * FROM audit_backup');
  await sql('DROP TABLE audit_backup');
  saved = false;
});

const verify = () => verifyAuditChain(ctx.prisma, { batch: 4 });

/** The clean trail: ids in order, with the one a rolled-back write skipped. */
async function cleanTrail() {
  const all = await rows();
  const gap = all.findIndex((row, i) => i > 0 && row.id !== (all[i - 1]?.id ?? 0n) + 1n);
  expect(gap, 'the rolled-back write left a gap in the ids').toBeGreaterThan(0);
  return { all, gapId: (all[gap - 1]?.id ?? 0n) + 1n, afterGap: all[gap] as Row, beforeGap: all[gap - 1] as Row };
}

describe('a clean trail', () => {
  it('every write, sign-in and sign-out is chained and the whole chain verifies', async () => {
    const all = await rows();
    // 5 sign-ins, 1 failed, 3 activity creates, 1 update, 1 delete, 1 study session, 1 org, 1 sign-out.
    expect(all.length).toBe(14);
    expect(all[0]?.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < all.length; i++) expect(all[i]?.prevHash).toBe(all[i - 1]?.hash);
    const result = await verify();
    expect(result).toEqual({
      ok: true,
      checked: all.length,
      lastId: all.at(-1)?.id.toString(),
      lastHash: all.at(-1)?.hash,
      firstBroken: null,
    });
  });

  it('verifies the same whatever the batch size, also across batch boundaries', async () => {
    const all = await rows();
    for (const batch of [1, 2, 3, 5000]) {
      expect(await verifyAuditChain(ctx.prisma, { batch })).toMatchObject({ ok: true, checked: all.length });
    }
  });

  it('an event stored as JSONB (keys reordered, numbers normalised) still hashes the same when read back', async () => {
    const row = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'StudySession' } });
    expect(row.hash).toBe(eventHash({ ...row, prevHash: row.prevHash as string }));
  });
});

describe('tampering in SQL is found at the right event', () => {
  it('editing an event’s after names that event (HASH_MISMATCH)', async () => {
    await snapshot();
    const target = await ctx.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'UPDATE', entityType: 'Activity' },
    });
    await sql(`UPDATE "AuditEvent" SET after = jsonb_set(after, '{title}', '"改过的标题"') WHERE id = $1`, target.id);
    const result = await verify();
    expect(result).toMatchObject({
      ok: false,
      lastId: target.id.toString(),
      lastHash: null,
      firstBroken: { id: target.id.toString(), reason: 'HASH_MISMATCH', found: target.hash },
    });
    expect(result.firstBroken?.expected).not.toBe(target.hash);
  });

  it('editing an event’s time names that event (HASH_MISMATCH)', async () => {
    await snapshot();
    const target = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { action: 'DELETE' } });
    await sql(`UPDATE "AuditEvent" SET at = at - interval '1 day' WHERE id = $1`, target.id);
    const result = await verify();
    expect(result.firstBroken).toMatchObject({
      id: target.id.toString(),
      at: new Date(target.at.getTime() - 86_400_000).toISOString(),
      reason: 'HASH_MISMATCH',
    });
  });

  it('editing who acted names that event (HASH_MISMATCH)', async () => {
    await snapshot();
    const target = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { action: 'LOGIN_FAILED' } });
    await sql(`UPDATE "AuditEvent" SET "actorId" = $1::uuid WHERE id = $2`, fx.users.leader, target.id);
    expect((await verify()).firstBroken).toMatchObject({ id: target.id.toString(), reason: 'HASH_MISMATCH' });
  });

  it('deleting an event in the middle names the event after it (PREV_MISMATCH)', async () => {
    await snapshot();
    const all = await rows();
    const [before, deleted, next] = all.slice(4, 7) as [Row, Row, Row];
    await sql('DELETE FROM "AuditEvent" WHERE id = $1', deleted.id);
    expect((await verify()).firstBroken).toMatchObject({
      id: next.id.toString(),
      reason: 'PREV_MISMATCH',
      expected: before.hash,
      found: deleted.hash,
    });
  });

  it('an inserted event with a made-up hash is named (HASH_MISMATCH)', async () => {
    await snapshot();
    const { gapId, beforeGap } = await cleanTrail();
    await sql(
      `INSERT INTO "AuditEvent" (id, at, action, "entityType", "prevHash", hash)
       VALUES ($1, now(), 'DELETE', 'Activity', $2, $3)`,
      gapId,
      beforeGap.hash,
      'f'.repeat(64),
    );
    expect((await verify()).firstBroken).toMatchObject({
      id: gapId.toString(),
      reason: 'HASH_MISMATCH',
      found: 'f'.repeat(64),
    });
  });

  it('an inserted event whose hash was computed correctly breaks the link of the event after it', async () => {
    await snapshot();
    const { gapId, beforeGap, afterGap } = await cleanTrail();
    const at = new Date('2026-03-01T00:00:00.000Z');
    const content = {
      id: gapId,
      at,
      actorId: null,
      action: 'DELETE',
      entityType: 'Activity',
      entityId: null,
      orgId: null,
      before: null,
      after: null,
      prevHash: beforeGap.hash as string,
    };
    await sql(
      `INSERT INTO "AuditEvent" (id, at, action, "entityType", "prevHash", hash) VALUES ($1, $2, 'DELETE', 'Activity', $3, $4)`,
      gapId,
      at,
      beforeGap.hash,
      eventHash(content),
    );
    expect((await verify()).firstBroken).toMatchObject({
      id: afterGap.id.toString(),
      reason: 'PREV_MISMATCH',
      expected: eventHash(content),
      found: beforeGap.hash,
    });
  });

  it('an inserted event without a hash among chained ones is named (UNCHAINED)', async () => {
    await snapshot();
    const { gapId, beforeGap } = await cleanTrail();
    await sql(
      `INSERT INTO "AuditEvent" (id, at, action, "entityType") VALUES ($1, now(), 'DELETE', 'Activity')`,
      gapId,
    );
    expect((await verify()).firstBroken).toMatchObject({
      id: gapId.toString(),
      reason: 'UNCHAINED',
      expected: beforeGap.hash,
      found: null,
    });
  });

  it('an event added without a hash after the last one is named, and later writes do not absorb it', async () => {
    await snapshot();
    const [{ id: inserted } = { id: 0n }] = await ctx.prisma.$queryRawUnsafe<{ id: bigint }[]>(
      `INSERT INTO "AuditEvent" (id, at, action, "entityType")
       VALUES (nextval(pg_get_serial_sequence('"AuditEvent"', 'id')), now(), 'LOGIN', 'User') RETURNING id`,
    );
    // The next write links to the last chained event, so the hashless row stays visible.
    await ok(await inject('secA', 'POST', '/api/activities', activityInput(fx.branchAId)), 201);
    expect((await verify()).firstBroken).toMatchObject({ id: inserted.toString(), reason: 'UNCHAINED' });
  });

  it('swapping the ids of two events names the first of them', async () => {
    await snapshot();
    const all = await rows();
    const [a, b] = all.slice(6, 8) as [Row, Row];
    await sql('UPDATE "AuditEvent" SET id = -1 WHERE id = $1', a.id);
    await sql('UPDATE "AuditEvent" SET id = $1 WHERE id = $2', a.id, b.id);
    await sql('UPDATE "AuditEvent" SET id = $1 WHERE id = -1', b.id);
    expect((await verify()).firstBroken).toMatchObject({ id: a.id.toString(), reason: 'PREV_MISMATCH' });
  });

  it('swapping the contents of two events (keeping ids and hashes) names the first of them', async () => {
    await snapshot();
    const all = await rows();
    const [a, b] = all.slice(2, 4) as [Row, Row];
    const fields = ['at', 'actorId', 'action', 'entityType', 'entityId', 'orgId', 'before', 'after'];
    await sql(
      `UPDATE "AuditEvent" AS t SET ${fields.map((f) => `"${f}" = s."${f}"`).join(', ')}
       FROM audit_backup AS s WHERE (t.id, s.id) IN (($1, $2), ($2, $1))`,
      a.id,
      b.id,
    );
    expect((await verify()).firstBroken).toMatchObject({ id: a.id.toString(), reason: 'HASH_MISMATCH' });
  });

  it('deleting the newest event is not detected by the chain alone (ADR 012): only its last hash changes', async () => {
    await snapshot();
    const all = await rows();
    const [previous, last] = all.slice(-2) as [Row, Row];
    await sql('DELETE FROM "AuditEvent" WHERE id = $1', last.id);
    expect(await verify()).toMatchObject({ ok: true, lastId: previous.id.toString(), lastHash: previous.hash });
  });
});

describe('events written without a hash (before the chain existed, the demo seed)', () => {
  it('are chained after the last chained event, in batches, and the chain verifies', async () => {
    await snapshot();
    const all = await rows();
    const legacy = all.slice(-5);
    await sql('UPDATE "AuditEvent" SET hash = NULL, "prevHash" = NULL WHERE id >= $1', legacy[0]?.id);
    expect((await verify()).firstBroken).toMatchObject({ id: legacy[0]?.id.toString(), reason: 'UNCHAINED' });

    expect(await chainUnchainedEvents(ctx.prisma, 2)).toBe(5);
    expect(await rows()).toEqual(all);
    expect(await verify()).toMatchObject({ ok: true, checked: all.length });
    expect(await chainUnchainedEvents(ctx.prisma)).toBe(0);
  });

  it('a whole trail without hashes is chained from the genesis hash', async () => {
    await snapshot();
    const all = await rows();
    await sql('UPDATE "AuditEvent" SET hash = NULL, "prevHash" = NULL');
    expect(await chainUnchainedEvents(ctx.prisma, 3)).toBe(all.length);
    expect(await rows()).toEqual(all);
  });

  it('a hashless event before a chained one is left for the check to report', async () => {
    await snapshot();
    const middle = (await rows())[5] as Row;
    await sql('UPDATE "AuditEvent" SET hash = NULL WHERE id = $1', middle.id);
    expect(await chainUnchainedEvents(ctx.prisma)).toBe(0);
    expect((await verify()).firstBroken).toMatchObject({ id: middle.id.toString(), reason: 'UNCHAINED' });
  });

  it('the server chains them when it starts, before it takes requests', async () => {
    await snapshot();
    const all = await rows();
    await sql('UPDATE "AuditEvent" SET hash = NULL, "prevHash" = NULL WHERE id >= $1', all.at(-3)?.id);
    const { app } = await startServer({ ...ctx.config, PORT: 0, HOST: '127.0.0.1' });
    await app.close();
    expect(await rows()).toEqual(all);
  });
});

describe('concurrent writers', () => {
  it('20 writes and 10 sign-ins at once leave one chain: one event each, no two linked to the same event', async () => {
    const before = await ctx.prisma.auditEvent.count();
    const writes = Array.from({ length: 20 }, (_, i) =>
      inject('secA', 'POST', '/api/activities', activityInput(fx.branchAId, { title: `并发活动 ${i}` })),
    );
    const signIns = Array.from({ length: 10 }, () => login(ctx.app, 'auditor'));
    const answers = await Promise.all(writes);
    await Promise.all(signIns);
    expect(answers.map((res) => res.statusCode)).toEqual(Array(20).fill(201));

    const all = await rows();
    expect(all.length - before).toBe(30);
    expect(new Set(all.map((row) => row.prevHash)).size).toBe(all.length);
    expect(await verify()).toMatchObject({ ok: true, checked: all.length, firstBroken: null });
  });
});

describe('audit_append: one round trip, last in the transaction (ADR 028)', () => {
  it('100 concurrent writes of every path (creates, changes, own transactions, sign-ins) leave one chain', async () => {
    const before = await ctx.prisma.auditEvent.count();
    const created = await ok(await inject('secA', 'POST', '/api/activities', activityInput(fx.branchAId)), 201);
    const creates = Array.from({ length: 50 }, (_, i) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/activities',
        // Half with an Idempotency-Key (runWrite's stored answer comes before the append), half without.
        headers: { cookie: cookies.secA ?? '', ...(i % 2 ? { 'idempotency-key': `chain-${i}-${Date.now()}` } : {}) },
        payload: activityInput(fx.branchAId, { title: `并发写入 ${i}` }),
      }),
    );
    // Changes of one record: the version check lets one through at a time, the others answer 412.
    const patches = Array.from({ length: 10 }, (_, i) =>
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/activities/${created.id}`,
        headers: { cookie: cookies.secA ?? '', 'if-match': `"${created.version}"` },
        payload: { participants: 10 + i },
      }),
    );
    const own = Array.from({ length: 30 }, (_, i) =>
      auditedTransaction(ctx.prisma, async (tx) => {
        await recordAudit(tx, {
          actorId: null,
          action: 'UPDATE',
          entityType: 'Bench',
          entityId: `t${i}`,
          after: { i },
        });
        await recordAudit(tx, {
          actorId: null,
          action: 'UPDATE',
          entityType: 'Bench',
          entityId: `t${i}`,
          before: { i },
        });
      }),
    );
    const signIns = Array.from({ length: 10 }, () => login(ctx.app, 'auditor'));
    const answers = await Promise.all(creates);
    const changed = await Promise.all(patches);
    await Promise.all([...own, ...signIns]);
    expect(answers.map((res) => res.statusCode)).toEqual(Array(50).fill(201));
    const patched = changed.filter((res) => res.statusCode === 200).length;
    expect(patched).toBe(1);

    const all = await rows();
    expect(all.length - before).toBe(1 + 50 + patched + 60 + 10);
    expect(new Set(all.map((row) => row.prevHash)).size).toBe(all.length);
    expect(await verify()).toMatchObject({ ok: true, checked: all.length, firstBroken: null });
  });

  it('the database links the same hash as eventHash, for awkward content and a time on a whole second', async () => {
    const awkward = {
      text: '“引号”\n\t\\ 反斜杠 \u0001 控制字符 😀',
      numbers: [0, -0, 1.5e-7, 1e21, 123456789.125, -42],
      nested: { z: null, a: [true, false, { ключ: 'значение', '': '' }] },
      at: new Date('2026-01-01T00:00:00.000Z'),
    };
    const from = await ctx.prisma.auditEvent.count();
    await recordAudit(ctx.prisma, {
      actorId: fx.users.secA,
      action: 'UPDATE',
      entityType: 'Activity',
      entityId: 'x"y\\z',
      orgId: fx.branchAId,
      before: awkward,
      after: { ...awkward, list: Array.from({ length: 50 }, (_, i) => i / 7) },
    });
    await recordAudit(ctx.prisma, { actorId: null, action: 'LOGIN_FAILED', entityType: 'User', entityId: null });
    const added = await ctx.prisma.auditEvent.findMany({ orderBy: { id: 'asc' }, skip: from });
    expect(added).toHaveLength(2);
    for (const row of added) {
      expect(row.hash).toBe(eventHash({ ...row, prevHash: row.prevHash as string }));
    }
    expect(added[0]?.before).toEqual(JSON.parse(JSON.stringify(awkward)));
    expect(added[1]?.before).toBeNull();
    expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('a write transaction appends its events at its end: not before, and not at all when it rolls back', async () => {
    const count = () => ctx.prisma.auditEvent.count();
    const from = await count();
    await auditedTransaction(ctx.prisma, async (tx) => {
      await recordAudit(tx, { actorId: null, action: 'CREATE', entityType: 'Bench', entityId: 'deferred' });
      // Inside the transaction, after the service recorded it, the event is not written yet.
      expect(await tx.auditEvent.count()).toBe(from);
      await tx.idempotencyKey.deleteMany({ where: { key: 'nothing-to-do' } });
    });
    expect(await count()).toBe(from + 1);
    await auditedTransaction(ctx.prisma, async (tx) => {
      await recordAudit(tx, { actorId: null, action: 'CREATE', entityType: 'Bench', entityId: 'rolled back' });
      throw new Error('rolled back on purpose');
    }).catch(() => undefined);
    expect(await count()).toBe(from + 1);
    expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
  });
});

describe('GET /api/audit/verify', () => {
  it('the auditor and the admin (holding audit:read) get the result', async () => {
    const count = await ctx.prisma.auditEvent.count();
    for (const who of ['auditor', 'admin']) {
      const res = await inject(who, 'GET', '/api/audit/verify');
      expect(res.statusCode, who).toBe(200);
      // Reading the check adds nothing to the trail.
      expect(res.json()).toMatchObject({ ok: true, checked: count, firstBroken: null });
    }
  });

  it('answers 200 with the first broken link when the chain is broken', async () => {
    await snapshot();
    const target = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'OrgUnit' } });
    await sql(`UPDATE "AuditEvent" SET "entityId" = 'someone-else' WHERE id = $1`, target.id);
    const res = await inject('auditor', 'GET', '/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const body = res.json() as AuditVerifyResult;
    expect(body).toMatchObject({
      ok: false,
      lastHash: null,
      firstBroken: { id: target.id.toString(), at: target.at.toISOString(), reason: 'HASH_MISMATCH' },
    });
  });

  it('leadership, who write records, cannot verify the trail of their own writes (403)', async () => {
    const res = await inject('leader', 'GET', '/api/audit/verify');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('a secretary is refused (403)', async () => {
    const res = await inject('secA', 'GET', '/api/audit/verify');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('without a session it answers 401', async () => {
    const res = await inject(null, 'GET', '/api/audit/verify');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('pnpm audit:verify', () => {
  const run = () =>
    spawnSync('pnpm', ['exec', 'tsx', 'scripts/audit-verify.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: ctx.databaseUrl },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints the chain as intact and exits 0, then names the broken event and exits 1', async () => {
    const all = await rows();
    const clean = run();
    expect(clean.stdout.trim(), clean.stderr).toBe(
      `audit chain OK: ${all.length} events, last id ${all.at(-1)?.id}, last hash ${all.at(-1)?.hash}`,
    );
    expect(clean.status).toBe(0);

    await snapshot();
    const target = all[3] as Row;
    await sql(`UPDATE "AuditEvent" SET action = 'LOGOUT' WHERE id = $1`, target.id);
    const broken = run();
    expect(broken.stdout.trim()).toMatch(
      new RegExp(`^audit chain BROKEN at event id ${target.id} \\(reason HASH_MISMATCH\\b`),
    );
    expect(broken.status).toBe(1);
  });
});
