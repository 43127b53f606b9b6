// The dashboard cache (ADR 029): a repeated view is the cached answer, a write is on the next view
// (before and after compaction), a change the dashboard reads without rollups (an alert's summary)
// too, one caller's answer never reaches another, the branch and owner tables page, and every
// answer sent as cached text is exactly what the contract's schema parses.
import { type Dashboard, DashboardSchema } from '@dutyboard/contracts/dashboard';
import { periodFromCode } from '@dutyboard/contracts/periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboardCache, SizedLru } from '../src/services/dashboard/dashboard-cache.ts';
import { ensurePeriod } from '../src/services/plan/periods.ts';
import { compactRollups, rollupState } from '../src/services/rollups/rollups.ts';
import {
  activityInput,
  addDistrict,
  type Fixture,
  type LevelsFixture,
  login,
  seedFixture,
} from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const c: Record<string, string> = {};
const PERIOD = '2026-H1';

async function view(who: string, query = ''): Promise<Dashboard> {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/dashboard?period=${PERIOD}${query}`,
    headers: { cookie: c[who] ?? '' },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(res.body) as Dashboard;
  // The text is sent without the response serialiser: the schema must take it whole.
  expect(DashboardSchema.parse(body)).toEqual(body);
  return body;
}

const activities = (d: Dashboard) => d.kpis.find((k) => k.metric === 'ACTIVITY')?.done;

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['leader', 'secA', 'secB']) c[u] = await login(ctx.app, u);
});
afterAll(async () => {
  await ctx?.close();
});

describe('the dashboard cache', () => {
  it('answers a repeated view from the cache: the same answer, built once', async () => {
    const first = await view('leader');
    const again = await view('leader');
    expect(again.generatedAt).toBe(first.generatedAt);
    expect(again).toEqual(first);
  });

  it('shows a write on the next view, before compaction and after it', async () => {
    const before = await view('leader');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie: c.secA ?? '' },
      payload: activityInput(fx.branchAId),
    });
    expect(res.statusCode, res.body).toBe(201);
    const next = await view('leader');
    expect(activities(next)).toBe((activities(before) ?? 0) + 1);

    const state = await rollupState(ctx.prisma);
    expect(await compactRollups(ctx.prisma)).toBeGreaterThan(0);
    expect(await rollupState(ctx.prisma)).not.toBe(state);
    const compacted = await view('leader');
    expect(activities(compacted)).toBe((activities(before) ?? 0) + 1);
    expect(compacted.generatedAt).not.toBe(before.generatedAt);
    // A compaction with nothing to fold changes no state: the answer stays cached.
    const idle = await rollupState(ctx.prisma);
    expect(await compactRollups(ctx.prisma)).toBe(0);
    expect(await rollupState(ctx.prisma)).toBe(idle);
    expect((await view('leader')).generatedAt).toBe(compacted.generatedAt);
  });

  it('shows a change read without rollups (an open alert reworded) on the next view', async () => {
    const at = new Date('2026-03-10T02:00:00Z');
    const alert = await ctx.prisma.riskAlert.create({
      data: {
        orgId: fx.branchAId,
        level: 'LEVEL_3',
        state: 'REGISTERED',
        source: '网络巡查',
        summary: '初稿摘要',
        registeredAt: at,
        reportDueAt: new Date(at.getTime() + 24 * 3600 * 1000),
        lastEventAt: at,
      },
    });
    expect((await view('leader')).openAlerts.items.map((a) => a.summary)).toContain('初稿摘要');
    // Same facts, so no delta row: only the touch row says the answer is stale.
    await ctx.prisma.riskAlert.update({ where: { id: alert.id }, data: { summary: '改后摘要' } });
    const items = (await view('leader')).openAlerts.items.map((a) => a.summary);
    expect(items).toContain('改后摘要');
    expect(items).not.toContain('初稿摘要');
    await compactRollups(ctx.prisma);
    expect((await view('leader')).openAlerts.items.map((a) => a.summary)).toContain('改后摘要');
  });

  it("never gives one caller's answer to another", async () => {
    // The leader's view of branch A is cached first; the secretary of A gets their own (their
    // trail starts at their branch), and the secretary of B cannot reach A at all.
    const leaderOfA = await view('leader', `&org=${fx.branchAId}`);
    expect(leaderOfA.trail.map((o) => o.id)).toEqual([fx.streetId, fx.branchAId]);
    const secA = await view('secA', `&org=${fx.branchAId}`);
    expect(secA.trail.map((o) => o.id)).toEqual([fx.branchAId]);
    expect(secA.generatedAt).not.toBe(leaderOfA.generatedAt);

    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/dashboard?period=${PERIOD}&org=${fx.branchAId}`,
      headers: { cookie: c.secB ?? '' },
    });
    expect(res.statusCode).toBe(404);
    const secB = await view('secB');
    expect(secB.org.id).toBe(fx.branchBId);
  });

  it('answers an org that does not exist as one out of reach: 404, nothing cached for it', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const who of ['leader', 'secA']) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/dashboard?period=${PERIOD}&org=${missing}`,
        headers: { cookie: c[who] ?? '' },
      });
      expect(res.statusCode, res.body).toBe(404);
      expect(JSON.parse(res.body).error.code).toBe('NOT_FOUND');
    }
  });

  it('pages the branch table after ranking them all, and refuses a page that is not a number', async () => {
    const whole = await view('leader');
    expect(whole.branchPage).toEqual({ page: 1, size: 50, total: whole.branches.length });
    expect(whole.branches.length).toBe(2);
    const first = await view('leader', '&tableSize=1');
    const second = await view('leader', '&tableSize=1&branchPage=2');
    expect(first.branches).toEqual(whole.branches.slice(0, 1));
    expect(second.branches).toEqual(whole.branches.slice(1, 2));
    expect(second.branchPage).toEqual({ page: 2, size: 1, total: 2 });
    expect(second.ownerPage.total).toBe(whole.overdueByOwner.length);
    expect((await view('leader', '&tableSize=1&branchPage=3')).branches).toEqual([]);
    for (const bad of ['branchPage=0', 'branchPage=x', 'tableSize=101', 'ownerPage=-1']) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/dashboard?period=${PERIOD}&${bad}`,
        headers: { cookie: c.leader ?? '' },
      });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('rebuilds an answer once the clock alone would change it (a task turning overdue)', async () => {
    // No age limit within the test's day: only the task's deadline may end the entry.
    const cache = createDashboardCache(ctx.prisma, { maxAgeMs: 7 * 24 * 3600 * 1000 });
    const leader = await ctx.prisma.user.findUniqueOrThrow({ where: { username: 'leader' } });
    const org = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: leader.orgId } });
    const user = { ...leader, orgPath: org.path } as unknown as Parameters<typeof cache.page>[0];
    const period = periodFromCode(PERIOD);
    const { id: periodId } = await ensurePeriod(ctx.prisma, period);
    // Due on 2026-05-10 (Shanghai): late from the 11th.
    await ctx.prisma.assignment.create({
      data: {
        periodId,
        orgId: fx.branchAId,
        ownerId: leader.id,
        kind: 'TASK',
        task: '按时报送',
        dueAt: new Date('2026-05-09T16:00:00Z'),
      },
    });
    const query = { period, branchPage: 1, ownerPage: 1, tableSize: 50 };
    const overdue = (text: string) =>
      (JSON.parse(text) as Dashboard).kpis.find((k) => k.metric === 'ASSIGNMENT_OVERDUE')?.done;
    const before = await cache.page(user, query, new Date('2026-05-10T12:00:00+08:00'));
    expect(cache.stats.builds).toBe(1);
    const stillBefore = await cache.page(user, query, new Date('2026-05-10T23:59:00+08:00'));
    expect(stillBefore === before).toBe(true);
    expect(cache.stats.builds).toBe(1);
    const after = await cache.page(user, query, new Date('2026-05-11T00:00:01+08:00'));
    expect(cache.stats.builds).toBe(2);
    expect(overdue(after)).toBe((overdue(before) ?? 0) + 1);
  });
});

describe('SizedLru', () => {
  it('forgets the least recently used entries beyond its size', () => {
    const lru = new SizedLru<string>(10);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    expect(lru.get('a')).toBe('A');
    lru.set('c', 'C', 4);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    expect(lru.size).toBe(8);
    lru.set('big', 'X', 11);
    expect(lru.get('big')).toBeUndefined();
    expect(lru.size).toBe(8);
  });
});

describe('the dashboard cache and rules set above (ADR 038)', () => {
  // Its own database: the 区 goes above the street before anything is written (addDistrict).
  let d: TestContext;
  let lv: LevelsFixture;
  const dc: Record<string, string> = {};
  const centralGroupTarget = async (who: string) => {
    const res = await d.app.inject({
      method: 'GET',
      url: `/api/dashboard?period=${PERIOD}`,
      headers: { cookie: dc[who] ?? '' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return (JSON.parse(res.body) as Dashboard).kpis.find((k) => k.metric === 'CENTRAL_GROUP_STUDY')?.target;
  };

  beforeAll(async () => {
    d = await createTestContext();
    lv = await addDistrict(d.prisma, await seedFixture(d.prisma));
    for (const u of ['leader', 'dLeader']) dc[u] = await login(d.app, u);
  });
  afterAll(() => d?.close());

  it("forgets a street's answer when a rule at its 区 changes", async () => {
    expect(await centralGroupTarget('leader')).toBeNull();
    // Cached: the same view again is the same answer.
    expect(await centralGroupTarget('leader')).toBeNull();
    const rule = await d.app.inject({
      method: 'POST',
      url: '/api/target-rules',
      headers: { cookie: dc.dLeader ?? '' },
      payload: {
        metric: 'CENTRAL_GROUP_STUDY',
        orgId: lv.districtId,
        eachChild: true,
        level: 'STREET',
        frequency: 'QUARTERLY',
        times: 1,
      },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    expect(await centralGroupTarget('leader')).toBe(2);
    const changed = await d.app.inject({
      method: 'PATCH',
      url: `/api/target-rules/${rule.json().id}`,
      headers: { cookie: dc.dLeader ?? '' },
      payload: { times: 2 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await centralGroupTarget('leader')).toBe(4);
  });
});
