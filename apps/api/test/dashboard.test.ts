import { periodFromCode } from '@dutyboard/contracts/periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const c: Record<string, string> = {};
const get = (who: string, url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: c[who] ?? '' } });

// Shanghai local time → instant.
const sh = (iso: string) => new Date(`${iso}+08:00`);

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['leader', 'auditor', 'secA', 'secB']) c[u] = await login(ctx.app, u);
  const data = [
    // H1 2026: A 3 (one in its sub-unit), B 2; two sit exactly on the half-year boundaries.
    { orgId: fx.branchAId, occurredAt: sh('2026-01-01T00:00:00') },
    { orgId: fx.branchAId, occurredAt: sh('2026-03-10T10:00:00') },
    { orgId: fx.branchAUnitId, occurredAt: sh('2026-06-30T23:59:00') },
    { orgId: fx.branchBId, occurredAt: sh('2026-03-11T10:00:00') },
    { orgId: fx.branchBId, occurredAt: sh('2026-05-01T10:00:00') },
    // H2 2026 and 2025: must not count in H1.
    { orgId: fx.branchAId, occurredAt: sh('2026-07-01T00:00:00') },
    { orgId: fx.branchBId, occurredAt: sh('2025-12-31T23:59:00') },
  ];
  await ctx.prisma.activity.createMany({
    data: data.map((d, i) => ({ ...d, category: 'RED_SONGS' as const, title: `a${i}`, participants: 10 })),
  });
  const h1 = periodFromCode('2026-H1');
  const period = await ctx.prisma.period.create({
    data: { kind: 'HALF', year: 2026, index: 1, name: '2026年上半年', startsAt: h1.startsAt, endsAt: h1.endsAt },
  });
  await ctx.prisma.target.createMany({
    data: [
      { metric: 'ACTIVITY', orgId: fx.streetId, periodId: period.id, value: 10 },
      { metric: 'ACTIVITY', orgId: fx.branchAId, periodId: period.id, value: 4 },
    ],
  });
});
afterAll(() => ctx?.close());

async function directCount(orgIds: string[], from: Date, to: Date) {
  return ctx.prisma.activity.count({ where: { orgId: { in: orgIds }, occurredAt: { gte: from, lt: to } } });
}

describe('dashboard', () => {
  it('the street figure equals a direct count of its records, with its target and per-month split', async () => {
    const res = await get('leader', `/api/dashboard?period=2026-H1&org=${fx.streetId}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const h1 = periodFromCode('2026-H1');
    const all = [fx.streetId, fx.branchAId, fx.branchAUnitId, fx.branchBId];
    expect(d.activities.done).toBe(await directCount(all, h1.startsAt, h1.endsAt));
    expect(d.activities.done).toBe(5);
    expect(d.activities.target).toBe(10);
    // The period is over: the linear plan expects the whole target; 5 of 10 is red.
    expect(d.activities.expected).toBe(10);
    expect(d.activities.status).toBe('RED');
    expect(d.activitiesPerMonth.map((m: { month: string; count: number }) => [m.month, m.count])).toEqual([
      ['2026-01', 1],
      ['2026-02', 0],
      ['2026-03', 2],
      ['2026-04', 0],
      ['2026-05', 1],
      ['2026-06', 1],
    ]);
    expect(d.activitiesPerBranch).toEqual([
      expect.objectContaining({ orgId: fx.branchAId, count: 3, target: 4 }),
      expect.objectContaining({ orgId: fx.branchBId, count: 2, target: null }),
    ]);
  });

  it("each figure's filter lists exactly the records it counts", async () => {
    const d = (await get('leader', `/api/dashboard?period=2026-H1&org=${fx.streetId}`)).json();
    const figures = [
      { count: d.activities.done, filter: d.activities.filter },
      ...d.activitiesPerMonth,
      ...d.activitiesPerBranch,
    ];
    for (const f of figures) {
      const qs = new URLSearchParams({ ...f.filter, limit: '100' }).toString();
      const list = await get('leader', `/api/activities?${qs}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toHaveLength(f.count);
    }
  });

  it("a secretary's dashboard is their branch, and no parameter reaches another branch's numbers", async () => {
    const own = await get('secA', '/api/dashboard?period=2026-H1');
    expect(own.statusCode).toBe(200);
    expect(own.json().org.id).toBe(fx.branchAId);
    expect(own.json().activities.done).toBe(3);
    expect(own.json().activities.target).toBe(4);
    for (const org of [fx.branchBId, fx.streetId]) {
      const res = await get('secA', `/api/dashboard?period=2026-H1&org=${org}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('"done"');
    }
    // The per-branch breakdown of a branch holds only its own sub-units.
    expect(own.json().activitiesPerBranch.map((b: { orgId: string }) => b.orgId)).toEqual([fx.branchAUnitId]);
  });

  it('defaults to the current half year and validates the period code', async () => {
    const res = await get('auditor', '/api/dashboard');
    expect(res.statusCode).toBe(200);
    expect(res.json().period.code).toMatch(/^\d{4}-H[12]$/);
    const bad = await get('auditor', '/api/dashboard?period=2026-H3');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('period');
  });
});
