// 操作日志: the audit trail as a log for leadership and auditors — every event, newest first,
// narrowed by who, kind, action and days, paged with its total; a secretary is refused; nothing
// is written by reading it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};
type Who = 'admin' | 'leader' | 'auditor' | 'secA' | 'secB';

const get = (who: Who, url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });

async function post(who: Who, url: string, payload: object): Promise<{ id: string; version: number }> {
  const res = await ctx.app.inject({ method: 'POST', url, headers: { cookie: cookies[who] ?? '' }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

interface Entry {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  actorName: string | null;
  orgName: string | null;
  fields: string[];
}

/** The whole log for the query, two a page: its first page's total and every entry walked. */
async function walk(who: Who, query: Record<string, string> = {}) {
  const items: Entry[] = [];
  let total: unknown;
  let cursor: string | null = null;
  do {
    const res = await get(
      who,
      `/api/oplog?${new URLSearchParams({ ...query, limit: '2', ...(cursor ? { cursor } : {}) })}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const page: { items: Entry[]; nextCursor: string | null; total: number | null } = res.json();
    if (!cursor) total = page.total;
    else expect(page.total).toBeNull();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  expect(total).toBe(items.length);
  return items;
}

let activityA: { id: string; version: number };

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const who of ['admin', 'leader', 'auditor', 'secA', 'secB'] as const) cookies[who] = await login(ctx.app, who);
  activityA = await post('secA', '/api/activities', activityInput(fx.branchAId, { title: '甲村活动' }));
  await post('secA', '/api/activities', activityInput(fx.branchAId, { title: '甲村活动二' }));
  await post('secB', '/api/activities', activityInput(fx.branchBId, { title: '乙社区活动' }));
  const res = await ctx.app.inject({
    method: 'PATCH',
    url: `/api/activities/${activityA.id}`,
    headers: { cookie: cookies.secA ?? '', 'if-match': `"${activityA.version}"` },
    payload: { title: '甲村活动（改）' },
  });
  expect(res.statusCode, res.body).toBe(200);
  await post('leader', '/api/risk-alerts', {
    orgId: fx.branchBId,
    level: 'LEVEL_2',
    source: '网络巡查',
    channel: '微博',
    summary: '帖文',
    reach: 10,
  });
  // A wrong password: an event with no org and no actor.
  await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'secB', password: 'nope-nope' },
  });
});

afterAll(() => ctx?.close());

describe('操作日志', () => {
  it('an auditor reads every event of the trail, newest first, with its total', async () => {
    const all = await walk('auditor');
    expect(all).toHaveLength(await ctx.prisma.auditEvent.count());
    const ids = all.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(all.some((e) => e.action === 'LOGIN_FAILED')).toBe(true);
  });

  it('narrows by user, kind, action and days, and the filters combine', async () => {
    const bySecA = await walk('leader', { user: fx.users.secA });
    expect(bySecA.length).toBeGreaterThan(0);
    expect(bySecA.every((e) => e.actorId === fx.users.secA && e.actorName === 'secA')).toBe(true);

    const activities = await walk('auditor', { kind: 'Activity' });
    expect(activities.map((e) => e.action).sort()).toEqual(['CREATE', 'CREATE', 'CREATE', 'UPDATE']);
    expect(activities.every((e) => e.entityType === 'Activity')).toBe(true);

    const updates = await walk('auditor', { kind: 'Activity', action: 'UPDATE', user: fx.users.secA });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ entityId: activityA.id, orgName: '甲村党支部' });
    expect(updates[0]?.fields).toContain('title');

    expect(await walk('auditor', { kind: 'RiskAlert', user: fx.users.secA })).toHaveLength(0);
    expect(await walk('auditor', { kind: 'RiskAlert' })).toHaveLength(1);

    // Today's events (Shanghai days), and none on a day long past.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(await walk('auditor', { from: today, to: today, kind: 'Activity' })).toHaveLength(4);
    expect(await walk('auditor', { from: '2020-01-01', to: '2020-12-31' })).toHaveLength(0);
  });

  it('leadership and the administrator may read it; a secretary may not', async () => {
    expect((await get('leader', '/api/oplog')).statusCode).toBe(200);
    expect((await get('admin', '/api/oplog')).statusCode).toBe(200);
    expect((await get('secA', '/api/oplog')).statusCode).toBe(403);
    expect((await get('secA', '/api/oplog/actors')).statusCode).toBe(403);
  });

  it('offers the users in reach to narrow by', async () => {
    const res = await get('auditor', '/api/oplog/actors');
    expect(res.statusCode).toBe(200);
    const names = (res.json() as { items: { displayName: string }[] }).items.map((u) => u.displayName);
    expect(names).toEqual(expect.arrayContaining(['admin', 'auditor', 'leader', 'secA', 'secB']));
  });

  it('refuses a malformed cursor or filter with 400 naming the field', async () => {
    for (const [query, field] of [
      ['cursor=abc', 'cursor'],
      ['action=HACK', 'action'],
      ['kind=Session', 'kind'],
      ['user=not-an-id', 'user'],
    ] as const) {
      const res = await get('auditor', `/api/oplog?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json().error.details), query).toContain(field);
    }
  });

  it('reading the log writes nothing to it', async () => {
    const before = await ctx.prisma.auditEvent.count();
    await get('auditor', '/api/oplog');
    await get('leader', '/api/oplog?kind=Activity');
    expect(await ctx.prisma.auditEvent.count()).toBe(before);
  });
});
