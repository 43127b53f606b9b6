// The dashboard at every level (issue 17, ADR 039): a 区's leader sees its 街道 ranked side by
// side (the rows are the streets, their kind and level given), and each street's cell is that
// street's own dashboard figure and drills to exactly its records; a street leader never reaches
// the 区's dashboard or a sibling street's; a 区 reviewer reads the 区's.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import type { MetricDrill } from '@dutyboard/contracts/metrics';
import type { Prisma } from '@dutyboard/db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDistrict, type Fixture, type LevelsFixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let lv: LevelsFixture;
const c: Record<string, string> = {};
const PERIOD = '2026-H1';
const get = (who: string, url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: c[who] ?? '' } });

// Shanghai local time → instant.
const sh = (iso: string) => new Date(`${iso}+08:00`);

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  lv = await addDistrict(ctx.prisma, fx);
  for (const u of ['leader', 'dLeader', 'dReviewer', 's2Leader']) c[u] = await login(ctx.app, u);
  // Different amounts per org (the first street's branch A the busiest), on the period's edges
  // and just outside it, so a row that summed the wrong subtree or months would differ.
  const days = [
    '2025-12-31T23:59:00',
    '2026-01-01T00:00:00',
    '2026-03-15T10:00:00',
    '2026-06-30T23:59:00',
    '2026-07-01T00:00:00',
  ];
  const amounts: [string, number][] = [
    [fx.streetId, 1],
    [fx.branchAId, 3],
    [fx.branchAUnitId, 1],
    [fx.branchBId, 2],
    [lv.street2Id, 1],
    [lv.branchCId, 1],
  ];
  const activities: Prisma.ActivityCreateManyInput[] = [];
  const study: Prisma.StudySessionCreateManyInput[] = [];
  let n = 0;
  for (const [orgId, times] of amounts) {
    for (let r = 0; r < times; r += 1) {
      for (const day of days) {
        n += 1;
        activities.push({ orgId, category: 'RED_SONGS', title: `活动${n}`, occurredAt: sh(day), participants: 5 });
        study.push({
          orgId,
          kind: n % 3 === 0 ? 'CENTRAL_GROUP' : 'BRANCH_STUDY',
          topicCategory: 'THEORY',
          topic: `学习${n}`,
          occurredAt: sh(day),
        });
      }
    }
  }
  await ctx.prisma.activity.createMany({ data: activities });
  await ctx.prisma.studySession.createMany({ data: study });
});
afterAll(() => ctx?.close());

async function dashboard(who: string, query: string): Promise<Dashboard> {
  const res = await get(who, `/api/dashboard?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
}

/** How many records the list a drill names holds, following every page. */
async function listCount(who: string, drill: MetricDrill): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...drill.query, limit: '100', ...(cursor ? { cursor } : {}) });
    const res = await get(who, `${drill.list}?${query}`);
    expect(res.statusCode, `${drill.list}?${query} → ${res.body}`).toBe(200);
    const page = res.json() as { items: unknown[]; nextCursor: string | null };
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

describe('the 区 dashboard', () => {
  it("ranks the 区's two 街道 side by side, named as streets", async () => {
    const d = await dashboard('dLeader', `period=${PERIOD}`);
    expect(d.org).toMatchObject({ id: lv.districtId, kind: 'DISTRICT_COMMITTEE', level: 'DISTRICT' });
    expect(d.childLevel).toBe('STREET');
    expect(d.branches.map((b) => b.orgId).sort()).toEqual([fx.streetId, lv.street2Id].sort());
    for (const row of d.branches) expect(row).toMatchObject({ kind: 'STREET_COMMITTEE', level: 'STREET' });
    expect(d.branches.map((b) => b.rank)).toEqual([1, 2]);
    // The busier street ranks first (no targets: by activity count).
    expect(d.branches[0]?.orgId).toBe(fx.streetId);
    // A street's own page ranks its branches.
    const street = await dashboard('dLeader', `period=${PERIOD}&org=${fx.streetId}`);
    expect(street.childLevel).toBe('BRANCH');
    expect(street.org.level).toBe('STREET');
    expect(street.branches.map((b) => b.level)).toEqual(['BRANCH', 'BRANCH']);
  });

  it("each street's cell is that street's own dashboard figure and drills to exactly its records", async () => {
    const d = await dashboard('dLeader', `period=${PERIOD}`);
    const own: Record<string, string> = { [fx.streetId]: 'leader', [lv.street2Id]: 's2Leader' };
    let checked = 0;
    for (const row of d.branches) {
      // The 区 leader drills into the street and lands on its own dashboard, trail leading back up.
      const drilled = await dashboard('dLeader', `period=${PERIOD}&org=${row.orgId}`);
      expect(drilled.org.id).toBe(row.orgId);
      expect(drilled.trail.map((o) => o.id)).toEqual([lv.districtId, row.orgId]);
      // The street's own leader sees the same figures on its home dashboard.
      const home = await dashboard(own[row.orgId] as string, `period=${PERIOD}`);
      expect(home.org.id).toBe(row.orgId);
      for (const cell of row.cells) {
        const label = `${row.name} ${cell.metric}`;
        expect(cell.done, label).toBe(drilled.kpis.find((k) => k.metric === cell.metric)?.done);
        expect(cell.done, label).toBe(home.kpis.find((k) => k.metric === cell.metric)?.done);
        expect(await listCount('dLeader', cell.drill), label).toBe(cell.done);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // The records above are counted: the two streets' activity cells are not both zero.
    expect(d.branches.every((b) => (b.cells.find((x) => x.metric === 'ACTIVITY')?.done ?? 0) > 0)).toBe(true);
    // And the streets add up to the 区's own figure (it has no records of its own).
    const activity = d.kpis.find((k) => k.metric === 'ACTIVITY')?.done;
    expect(d.branches.reduce((s, b) => s + (b.cells.find((x) => x.metric === 'ACTIVITY')?.done ?? 0), 0)).toBe(
      activity,
    );
  });

  it("a street leader gets 404 for the 区's dashboard and a sibling street's", async () => {
    for (const [who, org] of [
      ['leader', lv.districtId],
      ['leader', lv.street2Id],
      ['s2Leader', lv.districtId],
      ['s2Leader', fx.streetId],
    ] as const) {
      const res = await get(who, `/api/dashboard?period=${PERIOD}&org=${org}`);
      expect(res.statusCode, `${who} → ${org}`).toBe(404);
      const exported = await get(who, `/api/dashboard/export?period=${PERIOD}&org=${org}`);
      expect(exported.statusCode, `${who} export → ${org}`).toBe(404);
    }
  });

  it('a 区 reviewer reads the 区 dashboard and its streets', async () => {
    const mine = await dashboard('dReviewer', `period=${PERIOD}`);
    const leaders = await dashboard('dLeader', `period=${PERIOD}`);
    expect(mine.org.id).toBe(lv.districtId);
    expect(mine.branches.map((b) => [b.orgId, b.cells.map((x) => x.done)])).toEqual(
      leaders.branches.map((b) => [b.orgId, b.cells.map((x) => x.done)]),
    );
    for (const row of mine.branches) {
      expect((await dashboard('dReviewer', `period=${PERIOD}&org=${row.orgId}`)).org.id).toBe(row.orgId);
    }
  });

  it("names the export's children sheet by their level: 各街道（乡镇） on a 区, 各支部 on a street", async () => {
    const { default: ExcelJS } = await import('exceljs');
    const sheetsOf = async (who: string, org: string) => {
      const res = await get(who, `/api/dashboard/export?period=${PERIOD}&org=${org}`);
      expect(res.statusCode, res.body).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return book;
    };
    const district = await sheetsOf('dLeader', lv.districtId);
    const sheet = district.getWorksheet('各街道（乡镇）');
    expect(sheet, district.worksheets.map((s) => s.name).join()).toBeDefined();
    const values = sheet?.getSheetValues().flat().map(String) ?? [];
    expect(values).toContain('街道（乡镇）');
    expect(values).toEqual(expect.arrayContaining(['测试街道党工委', '第二街道党工委']));
    expect(district.getWorksheet('各支部')).toBeUndefined();
    expect((await sheetsOf('dLeader', fx.streetId)).getWorksheet('各支部')).toBeDefined();
  });
});
