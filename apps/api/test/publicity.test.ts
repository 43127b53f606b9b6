import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
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

function publicityInput(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    outlet: '区融媒体中心',
    level: 'DISTRICT',
    title: '红色歌声唱响基层',
    url: 'https://news.example.cn/2026/03/15/red-songs.html',
    publishedAt: '2026-03-15T10:00:00+08:00',
    ...overrides,
  };
}

const post = (who: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/publicity',
    headers: { cookie: cookies[who] ?? '', ...headers },
    payload: payload as object,
  });
const get = (who: string, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });
const patch = (who: string, id: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'PATCH',
    url: `/api/publicity/${id}`,
    headers: { cookie: cookies[who] ?? '', ...headers },
    payload: payload as object,
  });
const del = (who: string, id: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'DELETE',
    url: `/api/publicity/${id}`,
    headers: { cookie: cookies[who] ?? '', ...headers },
  });

async function createAs(who: string, orgId: string, overrides: Record<string, unknown> = {}) {
  const res = await post(who, publicityInput(orgId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orgId: string; title: string; version: number };
}

const counts = async () => ({
  items: await ctx.prisma.publicityItem.count(),
  audits: await ctx.prisma.auditEvent.count({ where: { entityType: 'PublicityItem' } }),
});

const fieldsOf = (body: { error: { details: { fields: { field: string }[] } } }) =>
  body.error.details.fields.map((f) => f.field);

describe('creating publicity items', () => {
  it('a secretary records a report for their own branch, and an audit event records it', async () => {
    const created = await createAs('secA', fx.branchAId, { title: '甲村开展重温入党誓词活动', level: 'CITY' });
    expect(created).toEqual({
      id: expect.any(String),
      version: 1,
      orgId: fx.branchAId,
      orgName: '甲村党支部',
      outlet: '区融媒体中心',
      level: 'CITY',
      title: '甲村开展重温入党誓词活动',
      url: 'https://news.example.cn/2026/03/15/red-songs.html',
      publishedAt: '2026-03-15T02:00:00.000Z',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await ctx.prisma.publicityItem.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ createdById: fx.users.secA, updatedById: fx.users.secA, version: 1 });
    const audits = await ctx.prisma.auditEvent.findMany({ where: { entityId: created.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: fx.users.secA,
      action: 'CREATE',
      entityType: 'PublicityItem',
      orgId: fx.branchAId,
      before: null,
    });
    expect(audits[0]?.after).toMatchObject({
      title: '甲村开展重温入党誓词活动',
      level: 'CITY',
      outlet: '区融媒体中心',
    });
  });

  it('a secretary may record for an org below their branch, and the link is optional', async () => {
    const created = await createAs('secA', fx.branchAUnitId, { url: null });
    expect(created).toMatchObject({ orgId: fx.branchAUnitId, url: null });
    const withoutUrl = publicityInput(fx.branchAId);
    delete (withoutUrl as { url?: string }).url;
    const res = await post('secA', withoutUrl);
    expect(res.statusCode).toBe(201);
    expect(res.json().url).toBeNull();
  });

  it('the leader records for any branch', async () => {
    const created = await createAs('leader', fx.branchBId);
    expect(created.orgId).toBe(fx.branchBId);
  });

  it('a secretary cannot record for another branch, and nothing is written', async () => {
    const before = await counts();
    const res = await post('secA', publicityInput(fx.branchBId));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it.each(['auditor', 'admin'])('%s cannot record publicity', async (who) => {
    const before = await counts();
    const res = await post(who, publicityInput(fx.branchAId));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '没有执行此操作的权限', key: 'auth.forbidden', params: {} },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a signed-out request with 401', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/publicity', payload: publicityInput(fx.branchAId) });
    expect(res.statusCode).toBe(401);
  });

  it.each(['ftp://news.example.cn/a.html', 'javascript:alert(1)', 'news.example.cn/a.html', 'file:///etc/passwd'])(
    'refuses the link %s and says how to write one',
    async (url) => {
      const before = await counts();
      const res = await post('secA', publicityInput(fx.branchAId, { url }));
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.fields).toEqual([
        { field: 'url', code: 'invalid_format', message: '链接须为以 http:// 或 https:// 开头的完整网址' },
      ]);
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses a link longer than 1000 characters', async () => {
    const res = await post('secA', publicityInput(fx.branchAId, { url: `https://a.cn/${'x'.repeat(1000)}` }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([expect.objectContaining({ field: 'url', code: 'too_big' })]);
  });

  it('refuses malformed input with per-field details and writes nothing', async () => {
    const before = await counts();
    const res = await post('secA', {
      ...publicityInput(fx.branchAId),
      title: 'x'.repeat(201),
      outlet: '   ',
      level: 'WORLD',
      publishedAt: 'yesterday',
      unexpected: true,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(fieldsOf(body)).toEqual(expect.arrayContaining(['title', 'outlet', 'level', 'publishedAt']));
    expect(JSON.stringify(body)).toContain('unexpected');
    expect(await counts()).toEqual(before);
  });

  it('a retried create with the same Idempotency-Key stores one item and answers the first result again', async () => {
    const before = await counts();
    const headers = { 'idempotency-key': `pub-${crypto.randomUUID()}` };
    const input = publicityInput(fx.branchAId, { title: '重试的报道' });
    const first = await post('secA', input, headers);
    const second = await post('secA', input, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await ctx.prisma.publicityItem.count({ where: { title: '重试的报道' } })).toBe(1);
    expect(await counts()).toEqual({ items: before.items + 1, audits: before.audits + 1 });
    const other = await post('secA', { ...input, title: '另一篇' }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await counts()).toEqual({ items: before.items + 1, audits: before.audits + 1 });
  });
});

describe('reading, changing and deleting', () => {
  let ownA: { id: string };
  let ownB: { id: string };

  beforeAll(async () => {
    ownA = await createAs('secA', fx.branchAId, { title: '甲村报道' });
    ownB = await createAs('secB', fx.branchBId, { title: '乙社区报道' });
  });

  it("a secretary cannot read, change or delete another branch's item by id", async () => {
    const read = await get('secA', `/api/publicity/${ownB.id}`);
    const change = await patch('secA', ownB.id, { title: '被篡改' });
    const remove = await del('secA', ownB.id);
    for (const res of [read, change, remove]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const row = await ctx.prisma.publicityItem.findUniqueOrThrow({ where: { id: ownB.id } });
    expect(row.title).toBe('乙社区报道');
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: ownB.id, action: { not: 'CREATE' } } })).toBe(0);
  });

  it('a secretary cannot move their item to another branch', async () => {
    const res = await patch('secA', ownA.id, { orgId: fx.branchBId });
    expect(res.statusCode).toBe(403);
    expect((await ctx.prisma.publicityItem.findUniqueOrThrow({ where: { id: ownA.id } })).orgId).toBe(fx.branchAId);
  });

  it.each(['auditor', 'admin'])('%s reads any item but cannot change or delete it', async (who) => {
    const read = await get(who, `/api/publicity/${ownB.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: ownB.id, title: '乙社区报道', orgName: '乙社区党支部' });
    expect((await patch(who, ownB.id, { title: 'x' })).statusCode).toBe(403);
    expect((await del(who, ownB.id)).statusCode).toBe(403);
    expect((await ctx.prisma.publicityItem.findUniqueOrThrow({ where: { id: ownB.id } })).title).toBe('乙社区报道');
  });

  it('a secretary updates their own item; the audit event keeps before and after', async () => {
    const res = await patch('secA', ownA.id, { title: '甲村报道（修订）', level: 'PROVINCE', url: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: '甲村报道（修订）', level: 'PROVINCE', url: null, version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: ownA.id, action: 'UPDATE' } });
    expect(audit.actorId).toBe(fx.users.secA);
    expect(audit.before).toMatchObject({ title: '甲村报道', level: 'DISTRICT', version: 1 });
    expect(audit.after).toMatchObject({ title: '甲村报道（修订）', level: 'PROVINCE', url: null, version: 2 });
  });

  it('rejects an empty or invalid update with field details and changes nothing', async () => {
    expect((await patch('secA', ownA.id, {})).statusCode).toBe(400);
    const res = await patch('secA', ownA.id, { url: 'mailto:someone@example.cn' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['url']);
    expect((await ctx.prisma.publicityItem.findUniqueOrThrow({ where: { id: ownA.id } })).url).toBeNull();
  });

  it('answers the version as an ETag and refuses a change made against an old version with 412', async () => {
    const read = await get('secA', `/api/publicity/${ownA.id}`);
    const etag = read.headers.etag as string;
    expect(etag).toBe(`"${read.json().version}"`);
    const first = await patch('secA', ownA.id, { outlet: '省报' }, { 'if-match': etag });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe(`"${read.json().version + 1}"`);
    const audits = await ctx.prisma.auditEvent.count({ where: { entityId: ownA.id } });
    const stale = await patch('secA', ownA.id, { outlet: '被覆盖' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('PRECONDITION_FAILED');
    expect((await ctx.prisma.publicityItem.findUniqueOrThrow({ where: { id: ownA.id } })).outlet).toBe('省报');
    const staleDelete = await del('secA', ownA.id, { 'if-match': etag });
    expect(staleDelete.statusCode).toBe(412);
    expect(await ctx.prisma.publicityItem.findUnique({ where: { id: ownA.id } })).not.toBeNull();
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: ownA.id } })).toBe(audits);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await get('leader', `/api/publicity/${crypto.randomUUID()}`)).statusCode).toBe(404);
    const malformed = await get('leader', '/api/publicity/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(fieldsOf(malformed.json())).toEqual(['id']);
  });

  it('deleting an item deletes its evidence files; the audit event keeps what was deleted', async () => {
    const doomed = await createAs('secA', fx.branchAId, { title: '将被删除' });
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'PublicityItem',
        entityId: doomed.id,
        fileName: 'screenshot.png',
        mimeType: 'image/png',
        size: 10,
        sha256: 'a'.repeat(64),
        orgId: fx.branchAId,
      },
    });
    const res = await del('secA', doomed.id, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await ctx.prisma.publicityItem.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect(await ctx.prisma.attachment.count({ where: { entityId: doomed.id } })).toBe(0);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: doomed.id, action: 'DELETE' } });
    expect(audit).toMatchObject({ actorId: fx.users.secA, orgId: fx.branchAId, after: null });
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
  const LEVELS = ['CENTRAL', 'PROVINCE', 'CITY', 'DISTRICT', 'STREET_MEDIA'] as const;

  beforeAll(async () => {
    listCtx = await createTestContext();
    lf = await seedFixture(listCtx.prisma);
    for (const u of ['leader', 'auditor', 'secA', 'secB']) c[u] = await login(listCtx.app, u);
    // 20 in branch A (5 of them in its sub-unit), 10 in branch B; one level per i % 5.
    const rows = [];
    for (let i = 0; i < 30; i += 1) {
      rows.push({
        orgId: i < 15 ? lf.branchAId : i < 20 ? lf.branchAUnitId : lf.branchBId,
        outlet: `媒体${i}`,
        level: LEVELS[i % 5] as (typeof LEVELS)[number],
        title: `报道${i}`,
        // Two per day from 2026-01-01 00:30 Shanghai (= 2025-12-31T16:30Z); equal times exercise the id tiebreak.
        publishedAt: new Date(Date.UTC(2025, 11, 31, 16, 30) + Math.floor(i / 2) * 86_400_000),
        createdAt: new Date(Date.UTC(2026, 0, 1) + (i % 7) * 60_000),
      });
    }
    await listCtx.prisma.publicityItem.createMany({ data: rows });
  });
  afterAll(() => listCtx?.close());

  it("a secretary's list holds only their branch subtree, whatever the org filter says", async () => {
    const own = await listGet('secA', '/api/publicity?limit=100');
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toHaveLength(20);
    expect(new Set(own.json().items.map((a: { orgId: string }) => a.orgId))).toEqual(
      new Set([lf.branchAId, lf.branchAUnitId]),
    );
    expect((await listGet('secA', `/api/publicity?org=${lf.branchBId}`)).statusCode).toBe(404);
    expect((await listGet('secA', `/api/publicity?org=${lf.streetId}`)).statusCode).toBe(404);
  });

  it('the leader and the auditor list every branch; the org filter covers the subtree', async () => {
    expect((await listGet('leader', '/api/publicity?limit=100')).json().items).toHaveLength(30);
    expect((await listGet('auditor', '/api/publicity?limit=100')).json().items).toHaveLength(30);
    expect((await listGet('leader', `/api/publicity?limit=100&org=${lf.branchAId}`)).json().items).toHaveLength(20);
    expect((await listGet('leader', `/api/publicity?limit=100&org=${lf.branchAUnitId}`)).json().items).toHaveLength(5);
  });

  it('filters by level and by Asia/Shanghai calendar days on publishedAt, both ends inclusive', async () => {
    const central = (await listGet('leader', '/api/publicity?limit=100&level=CENTRAL')).json().items;
    expect(central.map((a: { title: string }) => a.title).sort()).toEqual(
      ['报道0', '报道10', '报道15', '报道20', '报道25', '报道5'].sort(),
    );
    // 2026-01-01 holds items 0 and 1 (00:30 Shanghai, still 2025-12-31 in UTC).
    const firstDay = (await listGet('leader', '/api/publicity?from=2026-01-01&to=2026-01-01')).json().items;
    expect(firstDay.map((a: { title: string }) => a.title).sort()).toEqual(['报道0', '报道1']);
    const range = (await listGet('leader', '/api/publicity?limit=100&from=2026-01-02&to=2026-01-04')).json().items;
    expect(range).toHaveLength(6);
    const bad = await listGet('leader', '/api/publicity?level=GLOBAL&to=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['level', 'to']);
  });

  it('walks every page with the keyset cursor, in order, without gaps or repeats', async () => {
    for (const sort of ['-publishedAt', 'publishedAt', '-createdAt', 'createdAt']) {
      const seen: { id: string; publishedAt: string; createdAt: string }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await listGet('leader', `/api/publicity?limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items);
        cursor = res.json().nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(pages).toBe(8);
      expect(seen).toHaveLength(30);
      expect(new Set(seen.map((a) => a.id)).size).toBe(30);
      const key = sort.replace('-', '') as 'publishedAt' | 'createdAt';
      const values = seen.map((a) => Date.parse(a[key]));
      const sorted = [...values].sort((a, b) => (sort.startsWith('-') ? b - a : a - b));
      expect(values).toEqual(sorted);
    }
  });

  it('the default order is newest publication first', async () => {
    const items = (await listGet('leader', '/api/publicity?limit=3')).json().items;
    expect(
      items
        .map((a: { title: string }) => a.title)
        .slice(0, 2)
        .sort(),
    ).toEqual(['报道28', '报道29']);
  });

  it('refuses a forged or mismatched cursor with 400', async () => {
    const first = (await listGet('leader', '/api/publicity?limit=2')).json();
    const mismatched = await listGet('leader', `/api/publicity?limit=2&sort=createdAt&cursor=${first.nextCursor}`);
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json().error.details.fields[0].field).toBe('cursor');
    expect((await listGet('leader', '/api/publicity?cursor=%%%')).statusCode).toBe(400);
    expect((await listGet('leader', '/api/publicity?sort=title')).statusCode).toBe(400);
  });
});
