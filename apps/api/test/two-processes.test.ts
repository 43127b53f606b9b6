// Two API processes on one PostgreSQL (issue 7 item 7): everything a replica could get wrong —
// sessions, idempotency keys, the audit chain's order, the alert state machine and If-Match — is
// kept in the database, so requests alternating between the processes must behave as if there
// were one. Real processes over HTTP: nothing is shared in memory.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/services/audit/verify.ts';
import { JOB_KINDS } from '../src/services/jobs/kinds.ts';
import { type ApiProcess, apiProcess } from './helpers/api-process.ts';
import { signIn } from './helpers/chaos.ts';
import { activityInput, PASSWORD } from './helpers/fixtures.ts';
import { multipart } from './helpers/multipart.ts';
import { createProcessDatabase, type ProcessDatabase } from './helpers/process-db.ts';
import { activityWorkbook } from './helpers/zip-bombs.ts';

let db: ProcessDatabase;
let A: ApiProcess;
let B: ApiProcess;

interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies of several routes, checked field by field
  body: any;
}

async function call(
  api: ApiProcess,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${api.url}${url}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** A or B by index: even → A, odd → B. */
const either = (i: number) => (i % 2 === 0 ? A : B);

/** A short stale time, so a dead owner's jobs are failed within seconds (ADR 021; 30 s in production). */
const JOB_STALE_MS = 4000;

/** Polls until `check` answers true; fails after `timeoutMs` (a bound on waiting, not an assertion on time). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  db = await createProcessDatabase();
  const env = { JOB_STALE_MS: String(JOB_STALE_MS) };
  // A holds its background jobs, queued, until it stops (a test hook): they are "running" for as
  // long as the test needs, deterministically.
  A = apiProcess({
    port: 3311,
    databaseUrl: db.databaseUrl,
    dataDir: db.dataDir,
    env: { ...env, JOB_HOLD_FOR_TESTS: 'true' },
  });
  B = apiProcess({ port: 3312, databaseUrl: db.databaseUrl, dataDir: db.dataDir, env });
  await Promise.all([A.start(), B.start()]);
});

afterAll(async () => {
  await Promise.all([A?.stop(), B?.stop()]);
  await db?.close();
});

describe('two API processes on one database', () => {
  it('a session made on A works on B, and signing out on B ends it on A', async () => {
    const cookie = await signIn(A, 'secA', PASSWORD);
    const onB = await call(B, 'GET', '/api/me', { cookie });
    expect(onB.status).toBe(200);
    expect(onB.body.username).toBe('secA');
    expect((await call(A, 'GET', '/api/me', { cookie })).status).toBe(200);

    expect((await call(B, 'POST', '/api/auth/logout', { cookie })).status).toBe(200);
    const onA = await call(A, 'GET', '/api/me', { cookie });
    expect(onA.status).toBe(401);
    expect(onA.body.error.code).toBeTypeOf('string');
    expect((await call(B, 'GET', '/api/me', { cookie })).status).toBe(401);
  });

  it('an Idempotency-Key used on A and replayed on B answers the same, and makes one record', async () => {
    const cookie = await signIn(A, 'secA', PASSWORD);
    const body = activityInput(db.fx.branchAId, { title: '跨进程重放' });
    const headers = { 'idempotency-key': 'two-proc-replay-1' };
    const first = await call(A, 'POST', '/api/activities', { cookie, body, headers });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    const again = await call(B, 'POST', '/api/activities', { cookie, body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // The same key for another request is refused on either process.
    const other = await call(B, 'POST', '/api/activities', {
      cookie,
      body: { ...body, title: '另一条' },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await db.prisma.activity.count({ where: { title: '跨进程重放' } })).toBe(1);
    expect(await db.prisma.activity.count({ where: { title: '另一条' } })).toBe(0);
  });

  it('concurrent duplicates of one keyed request across both processes store one record', async () => {
    const cookie = await signIn(B, 'secA', PASSWORD);
    const body = activityInput(db.fx.branchAId, { title: '并发重复提交' });
    const headers = { 'idempotency-key': 'two-proc-concurrent-1' };
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(either(i), 'POST', '/api/activities', { cookie, body, headers })),
    );
    const statuses = answers.map((a) => a.status);
    // Each one either got the record (first or replayed) or was told the first is still running.
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(','),
    ).toBe(true);
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
    expect(ids.size).toBe(1);
    for (const busy of answers.filter((a) => a.status === 409)) {
      expect(busy.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    }
    expect(await db.prisma.activity.count({ where: { title: '并发重复提交' } })).toBe(1);
    // Those told to wait get the same record when they retry, on either process.
    for (const api of [A, B]) {
      const retry = await call(api, 'POST', '/api/activities', { cookie, body, headers });
      expect(retry.status).toBe(201);
      expect(ids.has(retry.body.id)).toBe(true);
    }
  });

  it('the audit chain stays one valid chain in commit order under concurrent writes through both', async () => {
    const [secA, secB] = await Promise.all([signIn(A, 'secA', PASSWORD), signIn(B, 'secB', PASSWORD)]);
    const owner = (i: number) => (i % 3 === 0 ? secB : secA);
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(either(i), 'POST', '/api/activities', {
          cookie: owner(i),
          body: activityInput(i % 3 === 0 ? db.fx.branchBId : db.fx.branchAId, { title: `并发审计-${i}` }),
          headers: { 'idempotency-key': `two-proc-audit-${i}` },
        }),
      ),
    );
    expect(created.map((c) => c.status)).toEqual(Array(30).fill(201));
    // Edits of those records, again alternating, interleave with further sign-ins on both.
    const edits = await Promise.all([
      ...created.slice(0, 10).map((c, i) =>
        call(either(i + 1), 'PATCH', `/api/activities/${c.body.id}`, {
          cookie: owner(i),
          body: { participants: 40 + i },
          headers: { 'if-match': `"${c.body.version}"` },
        }),
      ),
      signIn(A, 'auditor', PASSWORD),
      signIn(B, 'auditor', PASSWORD),
    ]);
    expect(edits.slice(0, 10).map((e) => (e as Answer).status)).toEqual(Array(10).fill(200));

    const chain = await verifyAuditChain(db.prisma);
    expect(chain).toMatchObject({ ok: true, firstBroken: null });
    expect(chain.checked).toBe(await db.prisma.auditEvent.count());
    // id order is commit order: the times the events were appended never go backwards.
    const events = await db.prisma.auditEvent.findMany({ orderBy: { id: 'asc' }, select: { at: true } });
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.at.getTime()).toBeGreaterThanOrEqual(events[i - 1]?.at.getTime() ?? 0);
    }
    const ids = created.map((c) => c.body.id as string);
    const creates = await db.prisma.auditEvent.count({
      where: { entityType: 'Activity', action: 'CREATE', entityId: { in: ids } },
    });
    expect(creates).toBe(30);
  });

  it('alert steps alternating between processes follow the state machine; a stale If-Match on one after a step on the other is 412', async () => {
    const [secA, leader] = await Promise.all([signIn(A, 'secA', PASSWORD), signIn(B, 'leader', PASSWORD)]);
    const registered = await call(A, 'POST', '/api/risk-alerts', {
      cookie: secA,
      body: {
        orgId: db.fx.branchAId,
        level: 'LEVEL_2',
        source: '网络巡查',
        channel: '微博',
        url: 'https://weibo.com/123456',
        summary: '跨进程流转的舆情',
        reach: 1200,
        registeredAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;
    let etag = registered.headers.get('etag') as string;
    expect(etag).toBe('"1"');

    // 登记 → 研判 → 报送 → 采纳 → 处置 → 办结, each step on the other process from the one before.
    const steps: [string, string, Record<string, unknown>][] = [
      ['leader', 'ASSESSED', { note: '已研判' }],
      ['leader', 'REPORTED', { receiptNumber: 'WX-2P-1' }],
      ['leader', 'ACCEPTED', {}],
      ['secA', 'HANDLING', { note: '已处置' }],
      ['leader', 'CLOSED', {}],
    ];
    for (const [i, [who, to, extra]] of steps.entries()) {
      const here = either(i + 1);
      const there = either(i);
      const cookie = who === 'leader' ? leader : secA;
      // A step out of order is refused wherever it is sent.
      if (to === 'ACCEPTED') {
        const skip = await call(there, 'POST', `/api/risk-alerts/${id}/transitions`, {
          cookie: leader,
          body: { to: 'CLOSED' },
          headers: { 'if-match': etag },
        });
        expect(skip.status).toBe(409);
        expect(skip.body.error.code).toBe('INVALID_TRANSITION');
      }
      const step = await call(here, 'POST', `/api/risk-alerts/${id}/transitions`, {
        cookie,
        body: { to, ...extra },
        headers: { 'if-match': etag },
      });
      expect(step.status, JSON.stringify(step.body)).toBe(200);
      expect(step.body.state).toBe(to);
      const stale = etag;
      etag = step.headers.get('etag') as string;
      expect(etag).toBe(`"${i + 2}"`);

      // The other process sees the new state and refuses the version it replaced.
      const seen = await call(there, 'GET', `/api/risk-alerts/${id}`, { cookie: leader });
      expect(seen.body.state).toBe(to);
      expect(seen.headers.get('etag')).toBe(etag);
      if (to !== 'CLOSED') {
        const next = steps[i + 1] as [string, string, Record<string, unknown>];
        const late = await call(there, 'POST', `/api/risk-alerts/${id}/transitions`, {
          cookie: next[0] === 'leader' ? leader : secA,
          body: { to: next[1], ...next[2] },
          headers: { 'if-match': stale },
        });
        expect(late.status).toBe(412);
        expect(late.body.error.code).toBe('PRECONDITION_FAILED');
      }
    }
    const final = await call(A, 'GET', `/api/risk-alerts/${id}`, { cookie: leader });
    expect(final.body.state).toBe('CLOSED');
    expect(final.body.events.map((e: { toState: string }) => e.toState)).toEqual([
      'REGISTERED',
      'ASSESSED',
      'REPORTED',
      'ACCEPTED',
      'HANDLING',
      'CLOSED',
    ]);
    const after = await call(B, 'POST', `/api/risk-alerts/${id}/transitions`, {
      cookie: leader,
      body: { to: 'ASSESSED' },
      headers: { 'if-match': etag },
    });
    expect(after.status).toBe(409);
    expect(await db.prisma.riskAlertEvent.count({ where: { alertId: id } })).toBe(6);
  });
  // Runs last: it kills A.
  it('jobs running on A survive B restarting; once A is killed, B fails them when A’s heartbeat is stale', async () => {
    const cookie = await signIn(A, 'secA', PASSWORD);
    const pack = await call(A, 'POST', '/api/evidence-packs', {
      cookie,
      body: { org: db.fx.branchAId, period: '2025-Q2' },
    });
    expect(pack.status, JSON.stringify(pack.body)).toBe(202);
    const upload = multipart(
      {},
      {
        name: 'file',
        fileName: '两进程导入.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: await activityWorkbook(3, 'S-A', '两进程导入'),
      },
    );
    const imported = await fetch(`${A.url}/api/imports?kind=activities`, {
      method: 'POST',
      headers: { cookie, 'content-type': upload.contentType },
      body: upload.payload,
      signal: AbortSignal.timeout(20_000),
    });
    const job = (await imported.json()) as { id: string };
    expect(imported.status, JSON.stringify(job)).toBe(202);
    const packId = pack.body.id as string;
    const jobId = job.id;
    const uploadFile = path.join(db.dataDir, 'imports', `${jobId}.xlsx`);
    expect(existsSync(uploadFile)).toBe(true);
    const rows = async () => ({
      pack: await db.prisma.evidencePack.findUniqueOrThrow({ where: { id: packId } }),
      job: await db.prisma.importJob.findUniqueOrThrow({ where: { id: jobId } }),
    });
    const owned = await rows();
    expect(owned.pack.ownerId).toContain(`:${A.pid}:`);
    expect(owned.job.ownerId).toBe(owned.pack.ownerId);

    // B restarts: its start-up recovery must leave A's jobs alone.
    await B.stop();
    await B.start();
    const afterStart = await rows();
    expect(afterStart.pack.state).toBe('QUEUED');
    expect(afterStart.job.state).toBe('VALIDATING');
    const [clock] = await db.prisma.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    const restarted = new Date(clock?.now ?? 0);
    // …and so must its periodic recovery: wait (database clock) until A has kept them alive for a
    // whole stale time after B came back, B recovering every half of it.
    await until('A to beat for a stale time past B’s restart', async () => {
      const { pack: p } = await rows();
      return (p.heartbeatAt?.getTime() ?? 0) > restarted.getTime() + JOB_STALE_MS;
    });
    expect((await call(B, 'GET', `/api/evidence-packs/${packId}`, { cookie })).body.state).toBe('QUEUED');
    const alive = await call(B, 'GET', `/api/imports/${jobId}`, { cookie });
    expect(alive.body).toMatchObject({ state: 'VALIDATING', error: null });
    expect(existsSync(uploadFile)).toBe(true);

    // A dies without a word: its heartbeat stops, and B fails its jobs with the usual sentences.
    await A.kill();
    await until('B to fail the dead process’s jobs', async () => {
      const now = await rows();
      return now.pack.state === 'FAILED' && now.job.state === 'FAILED';
    });
    const failedPack = await call(B, 'GET', `/api/evidence-packs/${packId}`, { cookie });
    expect(failedPack.body).toMatchObject({ state: 'FAILED', error: JOB_KINDS['evidence-pack'].interrupted });
    const failedJob = await call(B, 'GET', `/api/imports/${jobId}`, { cookie });
    expect(failedJob.body).toMatchObject({ state: 'FAILED', error: JOB_KINDS.import.interrupted });
    expect(failedJob.body.finishedAt).not.toBeNull();
    expect(existsSync(uploadFile)).toBe(false);
  }, 120_000);
});
