import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['admin', 'leader', 'auditor', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

const post = (who: string, payload: unknown) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/activities',
    headers: { cookie: cookies[who] ?? '' },
    payload: payload as object,
  });
const get = (who: string, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });
const patch = (who: string, id: string, payload: unknown) =>
  ctx.app.inject({
    method: 'PATCH',
    url: `/api/activities/${id}`,
    headers: { cookie: cookies[who] ?? '' },
    payload: payload as object,
  });
const del = (who: string, id: string) =>
  ctx.app.inject({ method: 'DELETE', url: `/api/activities/${id}`, headers: { cookie: cookies[who] ?? '' } });

async function createAs(who: string, orgId: string, overrides: Record<string, unknown> = {}) {
  const res = await post(who, activityInput(orgId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orgId: string; title: string };
}

const counts = async () => ({
  activities: await ctx.prisma.activity.count(),
  audits: await ctx.prisma.auditEvent.count({ where: { entityType: 'Activity' } }),
});

describe('creating activities', () => {
  it('a secretary creates an activity for their own branch, and an audit event records it', async () => {
    const created = await createAs('secA', fx.branchAId, { title: '重温入党誓词', category: 'OATH_REVIEW' });
    expect(created).toMatchObject({
      orgId: fx.branchAId,
      orgName: '甲村党支部',
      title: '重温入党誓词',
      occurredAt: '2026-03-15T01:00:00.000Z',
    });
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: 'CREATE' } });
    expect(audit).toMatchObject({ actorId: fx.users.secA, entityType: 'Activity', orgId: fx.branchAId });
    expect(audit.after).toMatchObject({ title: '重温入党誓词', category: 'OATH_REVIEW' });
  });

  it('a secretary may also create for an org below their branch', async () => {
    await createAs('secA', fx.branchAUnitId);
  });

  it('a secretary cannot create an activity for another branch, and nothing is written', async () => {
    const before = await counts();
    const res = await post('secA', activityInput(fx.branchBId));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('a leader creates an activity for a branch below the street (the committee enters its branches 台账)', async () => {
    const created = await createAs('leader', fx.branchBId, { title: '红色歌曲大家唱' });
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: 'CREATE' } });
    expect(audit).toMatchObject({ actorId: fx.users.leader, entityType: 'Activity', orgId: fx.branchBId });
  });

  it.each(['auditor', 'admin'])('%s cannot create activities', async (who) => {
    const before = await counts();
    const res = await post(who, activityInput(fx.branchAId));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '没有执行此操作的权限', key: 'auth.forbidden', params: {} },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a signed-out request with 401', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/activities', payload: activityInput(fx.branchAId) });
    expect(res.statusCode).toBe(401);
  });

  it('refuses malformed input with per-field details and writes nothing', async () => {
    const before = await counts();
    const res = await post('secA', {
      ...activityInput(fx.branchAId),
      title: 'x'.repeat(201),
      participants: -3,
      category: 'PARTY',
      occurredAt: 'yesterday',
      unexpected: true,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const fields = body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'participants', 'category', 'occurredAt']));
    expect(JSON.stringify(body)).toContain('unexpected');
    expect(await counts()).toEqual(before);
  });

  it('refuses a body that is not JSON, in the error shape', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie: cookies.secA ?? '', 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const before = await counts();
    const res = await post(
      'secA',
      activityInput(fx.branchAId, { description: 'x'.repeat(ctx.config.BODY_LIMIT_BYTES + 10) }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大', key: 'request.tooLarge', params: {} },
    });
    expect(await counts()).toEqual(before);
  });
});

describe('reading, changing and deleting', () => {
  let ownA: { id: string };
  let ownB: { id: string };

  beforeAll(async () => {
    ownA = await createAs('secA', fx.branchAId, { title: '甲村主题党日' });
    ownB = await createAs('secB', fx.branchBId, { title: '乙社区主题党日' });
  });

  it("a secretary cannot read, change or delete another branch's activity by id", async () => {
    const read = await get('secA', `/api/activities/${ownB.id}`);
    const change = await patch('secA', ownB.id, { title: '被篡改' });
    const remove = await del('secA', ownB.id);
    for (const res of [read, change, remove]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const row = await ctx.prisma.activity.findUniqueOrThrow({ where: { id: ownB.id } });
    expect(row.title).toBe('乙社区主题党日');
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: ownB.id, action: { not: 'CREATE' } } })).toBe(0);
  });

  it('a secretary cannot move their activity to another branch', async () => {
    const res = await patch('secA', ownA.id, { orgId: fx.branchBId });
    expect(res.statusCode).toBe(403);
    expect((await ctx.prisma.activity.findUniqueOrThrow({ where: { id: ownA.id } })).orgId).toBe(fx.branchAId);
  });

  it('a leader corrects a branch activity, audited under the leader', async () => {
    const res = await patch('leader', ownB.id, { location: '乙村文化礼堂' });
    expect(res.statusCode, res.body).toBe(200);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: ownB.id, action: 'UPDATE', actorId: fx.users.leader },
    });
    expect(audit.after).toMatchObject({ location: '乙村文化礼堂' });
  });

  it.each(['auditor', 'admin'])('%s reads any activity but cannot change or delete it', async (who) => {
    expect((await get(who, `/api/activities/${ownB.id}`)).statusCode).toBe(200);
    expect((await patch(who, ownB.id, { title: 'x' })).statusCode).toBe(403);
    expect((await del(who, ownB.id)).statusCode).toBe(403);
  });

  it('a secretary updates their own activity and the audit event keeps before and after', async () => {
    const res = await patch('secA', ownA.id, { title: '甲村主题党日（修订）', participants: 41 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: '甲村主题党日（修订）', participants: 41 });
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: ownA.id, action: 'UPDATE' } });
    expect(audit.before).toMatchObject({ title: '甲村主题党日', participants: 30 });
    expect(audit.after).toMatchObject({ title: '甲村主题党日（修订）', participants: 41 });
    expect(audit.actorId).toBe(fx.users.secA);
  });

  it('rejects an empty or invalid update with field details and changes nothing', async () => {
    expect((await patch('secA', ownA.id, {})).statusCode).toBe(400);
    const res = await patch('secA', ownA.id, { participants: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('participants');
    expect((await ctx.prisma.activity.findUniqueOrThrow({ where: { id: ownA.id } })).participants).toBe(41);
  });

  it('answers the version as an ETag and refuses a change made against an old version with 412', async () => {
    const read = await get('secA', `/api/activities/${ownA.id}`);
    const etag = read.headers.etag as string;
    expect(etag).toBe(`"${read.json().version}"`);
    const withEtag = (payload: unknown, ifMatch: string) =>
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/activities/${ownA.id}`,
        headers: { cookie: cookies.secA ?? '', 'if-match': ifMatch },
        payload: payload as object,
      });
    const first = await withEtag({ location: '村委会议室' }, etag);
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).not.toBe(etag);
    const audits = await ctx.prisma.auditEvent.count({ where: { entityId: ownA.id } });
    const stale = await withEtag({ location: '被覆盖' }, etag);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('PRECONDITION_FAILED');
    expect((await ctx.prisma.activity.findUniqueOrThrow({ where: { id: ownA.id } })).location).toBe('村委会议室');
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: ownA.id } })).toBe(audits);
    const staleDelete = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/activities/${ownA.id}`,
      headers: { cookie: cookies.secA ?? '', 'if-match': etag },
    });
    expect(staleDelete.statusCode).toBe(412);
    expect(await ctx.prisma.activity.findUnique({ where: { id: ownA.id } })).not.toBeNull();
  });

  it('of two concurrent changes sent against the same version, exactly one wins', async () => {
    const etag = (await get('secA', `/api/activities/${ownA.id}`)).headers.etag as string;
    const send = (participants: number) =>
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/activities/${ownA.id}`,
        headers: { cookie: cookies.secA ?? '', 'if-match': etag },
        payload: { participants },
      });
    const results = await Promise.all([send(51), send(52), send(53)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412, 412]);
    const winner = results.find((r) => r.statusCode === 200)?.json().participants;
    expect((await ctx.prisma.activity.findUniqueOrThrow({ where: { id: ownA.id } })).participants).toBe(winner);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await get('leader', `/api/activities/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    const malformed = await get('leader', '/api/activities/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details.fields[0].field).toBe('id');
  });

  it('a secretary deletes their own activity; the audit event keeps what was deleted', async () => {
    const doomed = await createAs('secA', fx.branchAId, { title: '将被删除' });
    const res = await del('secA', doomed.id);
    expect(res.statusCode).toBe(200);
    expect(await ctx.prisma.activity.findUnique({ where: { id: doomed.id } })).toBeNull();
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: doomed.id, action: 'DELETE' } });
    expect(audit.before).toMatchObject({ title: '将被删除' });
    expect((await del('secA', doomed.id)).statusCode).toBe(404);
  });
});

describe('listing', () => {
  let listCtx: TestContext;
  let lf: Fixture;
  const c: Record<string, string> = {};
  const listGet = (who: string, url: string) =>
    listCtx.app.inject({ method: 'GET', url, headers: { cookie: c[who] ?? '' } });

  beforeAll(async () => {
    listCtx = await createTestContext();
    lf = await seedFixture(listCtx.prisma);
    for (const u of ['leader', 'secA', 'secB']) c[u] = await login(listCtx.app, u);
    // 25 in branch A (5 of them in its sub-unit), 10 in branch B, at known instants.
    const rows = [];
    for (let i = 0; i < 35; i += 1) {
      rows.push({
        orgId: i < 20 ? lf.branchAId : i < 25 ? lf.branchAUnitId : lf.branchBId,
        category: i % 5 === 0 ? ('PARTY_LECTURE' as const) : ('RED_SONGS' as const),
        title: `活动${i}`,
        // Two per day from 2026-01-01 00:30 Shanghai (= 2025-12-31T16:30Z); equal times exercise the id tiebreak.
        occurredAt: new Date(Date.UTC(2025, 11, 31, 16, 30) + Math.floor(i / 2) * 86_400_000),
        participants: ((i * 7) % 13) + 1,
      });
    }
    await listCtx.prisma.activity.createMany({ data: rows });
  });
  afterAll(() => listCtx?.close());

  it("a secretary's list holds only their branch subtree, whatever the org filter says", async () => {
    const own = await listGet('secA', '/api/activities?limit=100');
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toHaveLength(25);
    expect(new Set(own.json().items.map((a: { orgId: string }) => a.orgId))).toEqual(
      new Set([lf.branchAId, lf.branchAUnitId]),
    );
    const other = await listGet('secA', `/api/activities?org=${lf.branchBId}`);
    expect(other.statusCode).toBe(404);
    const street = await listGet('secA', `/api/activities?org=${lf.streetId}`);
    expect(street.statusCode).toBe(404);
  });

  it('the leader lists every branch, and the org filter covers the subtree', async () => {
    expect((await listGet('leader', '/api/activities?limit=100')).json().items).toHaveLength(35);
    expect((await listGet('leader', `/api/activities?limit=100&org=${lf.branchAId}`)).json().items).toHaveLength(25);
    expect((await listGet('leader', `/api/activities?limit=100&org=${lf.branchAUnitId}`)).json().items).toHaveLength(5);
  });

  it('filters by category and by Asia/Shanghai calendar days, both ends inclusive', async () => {
    const lectures = (await listGet('leader', '/api/activities?limit=100&category=PARTY_LECTURE')).json().items;
    expect(lectures).toHaveLength(7);
    // 2026-01-01 holds activities 0 and 1 (00:30 Shanghai, still 2025-12-31 in UTC).
    const firstDay = (await listGet('leader', '/api/activities?from=2026-01-01&to=2026-01-01')).json().items;
    expect(firstDay.map((a: { title: string }) => a.title).sort()).toEqual(['活动0', '活动1']);
    const range = (await listGet('leader', '/api/activities?limit=100&from=2026-01-02&to=2026-01-04')).json().items;
    expect(range).toHaveLength(6);
    const bad = await listGet('leader', '/api/activities?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('from');
  });

  it('walks every page with the keyset cursor, in order, without gaps or repeats', async () => {
    for (const sort of ['-occurredAt', 'occurredAt', 'participants', '-participants']) {
      const seen: { id: string; occurredAt: string; participants: number }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await listGet('leader', `/api/activities?limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items);
        cursor = res.json().nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(seen).toHaveLength(35);
      expect(new Set(seen.map((a) => a.id)).size).toBe(35);
      const key = sort.replace('-', '') as 'occurredAt' | 'participants';
      const values = seen.map((a) => (key === 'occurredAt' ? Date.parse(a.occurredAt) : a.participants));
      const sorted = [...values].sort((a, b) => (sort.startsWith('-') ? b - a : a - b));
      expect(values).toEqual(sorted);
    }
  });

  it('refuses a forged or mismatched cursor with 400', async () => {
    const first = (await listGet('leader', '/api/activities?limit=2')).json();
    const mismatched = await listGet('leader', `/api/activities?limit=2&sort=participants&cursor=${first.nextCursor}`);
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json().error.details.fields[0].field).toBe('cursor');
    expect((await listGet('leader', '/api/activities?cursor=%%%')).statusCode).toBe(400);
    expect((await listGet('leader', '/api/activities?limit=1000')).statusCode).toBe(400);
  });
});
