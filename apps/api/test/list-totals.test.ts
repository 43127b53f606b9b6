// "共 N 条": every list's first page answers its total — the same filters and the same reach as
// its rows — so the total equals the rows walked through all of its pages, for a secretary (her
// branch only) and a leader alike; the pages after the first answer null.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};
type Who = 'leader' | 'auditor' | 'secA' | 'secB';

const get = (who: Who, url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });

async function post(who: Who, url: string, payload: object): Promise<{ id: string }> {
  const res = await ctx.app.inject({ method: 'POST', url, headers: { cookie: cookies[who] ?? '' }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Walks the list two rows a page: the first page's total, the rows walked, the later pages' totals. */
async function walk(who: Who, path: string, query: Record<string, string> = {}) {
  const ids: string[] = [];
  const later: unknown[] = [];
  let total: unknown;
  let cursor: string | null = null;
  do {
    const search = new URLSearchParams({ ...query, limit: '2', ...(cursor ? { cursor } : {}) });
    const res = await get(who, `${path}?${search}`);
    expect(res.statusCode, res.body).toBe(200);
    const page: { items: { id: string }[]; nextCursor: string | null; total: number | null } = res.json();
    if (cursor) later.push(page.total);
    else total = page.total;
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return { total, ids, later };
}

async function expectTotal(who: Who, path: string, query: Record<string, string>, expected: number) {
  const { total, ids, later } = await walk(who, path, query);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(expected);
  expect(total).toBe(expected);
  expect(later.every((t) => t === null)).toBe(true);
}

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const who of ['leader', 'auditor', 'secA', 'secB'] as const) cookies[who] = await login(ctx.app, who);

  // Activities: 5 of 甲村 in March (2 of them 党课), 1 of its sub-unit, 3 of 乙社区, 2 of 甲村 in May.
  for (let i = 0; i < 5; i++) {
    await post(
      'secA',
      '/api/activities',
      activityInput(fx.branchAId, {
        title: `甲村三月活动${i}`,
        occurredAt: `2026-03-${10 + i}T09:00:00+08:00`,
        ...(i < 2 ? { category: 'PARTY_LECTURE' } : {}),
      }),
    );
  }
  await post('secA', '/api/activities', activityInput(fx.branchAUnitId, { title: '党小组活动' }));
  for (let i = 0; i < 3; i++) {
    await post('secB', '/api/activities', activityInput(fx.branchBId, { title: `乙社区活动${i}` }));
  }
  for (let i = 0; i < 2; i++) {
    await post(
      'secA',
      '/api/activities',
      activityInput(fx.branchAId, { title: `甲村五月活动${i}`, occurredAt: `2026-05-0${i + 1}T09:00:00+08:00` }),
    );
  }

  // Alerts: 3 of 甲村 (2 一级), 2 of 乙社区.
  const alert = (orgId: string, level: string, day: number) => ({
    orgId,
    level,
    source: '网络巡查',
    channel: '微博',
    summary: `网络帖文${orgId.slice(0, 4)}${day}`,
    reach: 100,
    registeredAt: `2026-03-0${day}T02:00:00Z`,
  });
  await post('secA', '/api/risk-alerts', alert(fx.branchAId, 'LEVEL_1', 1));
  await post('secA', '/api/risk-alerts', alert(fx.branchAId, 'LEVEL_1', 2));
  await post('secA', '/api/risk-alerts', alert(fx.branchAId, 'LEVEL_3', 3));
  await post('secB', '/api/risk-alerts', alert(fx.branchBId, 'LEVEL_1', 4));
  await post('secB', '/api/risk-alerts', alert(fx.branchBId, 'LEVEL_2', 5));

  // Rectifications: 3 of 甲村, 1 of 乙社区.
  for (const [who, orgId, n] of [
    ['secA', fx.branchAId, 3],
    ['secB', fx.branchBId, 1],
  ] as const) {
    for (let i = 0; i < n; i++) {
      await post(who, '/api/rectifications', {
        orgId,
        problem: `问题${i}`,
        source: 'SELF_CHECK',
        deadline: '2026-06-30',
      });
    }
  }

  // Tasks of 2026-H1: 3 without a rule (OPEN), 1 rule task no branch meets (OPEN); 1 of H2.
  const task = (overrides: Record<string, unknown>) => ({
    period: '2026-H1',
    orgId: fx.streetId,
    ownerId: fx.users.leader,
    kind: 'TASK',
    task: '任务',
    ...overrides,
  });
  for (let i = 0; i < 3; i++) await post('leader', '/api/assignments', task({ task: `任务${i}` }));
  await post(
    'leader',
    '/api/assignments',
    task({ task: '每季度讲党课', rule: { metric: 'PARTY_LECTURE', min: 5, per: 'QUARTER', eachChild: true } }),
  );
  await post('leader', '/api/assignments', task({ period: '2026-H2', task: '下半年任务' }));
});

afterAll(() => ctx?.close());

describe('a list answers its total with its first page', () => {
  it('activities: a secretary counts her branch only, a leader the street, with the same filters', async () => {
    await expectTotal('secA', '/api/activities', {}, 8);
    await expectTotal('secB', '/api/activities', {}, 3);
    await expectTotal('leader', '/api/activities', {}, 11);
    await expectTotal('leader', '/api/activities', { from: '2026-03-01', to: '2026-03-31' }, 9);
    await expectTotal('secA', '/api/activities', { from: '2026-03-01', to: '2026-03-31' }, 6);
    await expectTotal('leader', '/api/activities', { category: 'PARTY_LECTURE' }, 2);
    await expectTotal('leader', '/api/activities', { org: fx.branchAId, sort: 'participants' }, 8);
    await expectTotal('auditor', '/api/activities', { org: fx.branchBId }, 3);
  });

  it('an empty list answers 0', async () => {
    await expectTotal('secB', '/api/activities', { category: 'PARTY_LECTURE' }, 0);
  });

  it('risk alerts, rectifications and checks count as their lists do', async () => {
    await expectTotal('secA', '/api/risk-alerts', {}, 3);
    await expectTotal('leader', '/api/risk-alerts', {}, 5);
    await expectTotal('leader', '/api/risk-alerts', { level: 'LEVEL_1' }, 3);
    await expectTotal('secB', '/api/risk-alerts', { level: 'LEVEL_1' }, 1);
    await expectTotal('secA', '/api/rectifications', {}, 3);
    await expectTotal('leader', '/api/rectifications', { open: 'true' }, 4);
    await expectTotal('leader', '/api/risk-points/checks', {}, 0);
  });

  it('assignments: a count, and the rows answered where the filter is computed', async () => {
    await expectTotal('leader', '/api/assignments', {}, 5);
    await expectTotal('leader', '/api/assignments', { period: '2026-H1' }, 4);
    await expectTotal('leader', '/api/assignments', { period: '2026-H1', status: 'OPEN' }, 4);
    await expectTotal('leader', '/api/assignments', { period: '2026-H1', status: 'DONE' }, 0);
    await expectTotal('leader', '/api/assignments', { period: '2030-H1' }, 0);
  });

  it('a page asked for with a cursor does not count again', async () => {
    const first = (await get('leader', '/api/activities?limit=2')).json();
    expect(first.total).toBe(11);
    const second = (await get('leader', `/api/activities?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.total).toBeNull();
    expect(second.items).toHaveLength(2);
  });
});
