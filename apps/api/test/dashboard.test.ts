// GET /api/dashboard against known data in several periods, branches and roles. Every figure is
// checked twice: against a direct Prisma count of the records it stands for, and against the list
// its drill names (so a figure on screen always leads to exactly its records). A secretary's
// dashboard is their branch, whatever parameter they send.
import type { Dashboard, DashboardMetric } from '@dutyboard/contracts/dashboard';
import { FIGURES } from '@dutyboard/contracts/figures';
import type { MetricDrill } from '@dutyboard/contracts/metrics';
import { type PeriodRef, periodFromCode } from '@dutyboard/contracts/periods';
import type { Prisma } from '@dutyboard/db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePeriod } from '../src/services/plan/periods.ts';
import { directCount } from './helpers/direct-counts.ts';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const c: Record<string, string> = {};
const get = (who: string, url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: c[who] ?? '' } });

// Shanghai local time → instant.
const sh = (iso: string) => new Date(`${iso}+08:00`);
const HOUR = 3600 * 1000;

/** A small deterministic generator, so the data is varied but the same on every run. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

// Days spread over 2025-12 … 2026-08, including the edges of 2026-H1 and its quarters.
const DAYS = [
  '2025-12-31T23:59:00',
  '2026-01-01T00:00:00',
  '2026-01-15T09:00:00',
  '2026-02-20T14:00:00',
  '2026-03-31T23:59:59',
  '2026-04-01T00:00:00',
  '2026-05-09T10:30:00',
  '2026-06-30T23:59:00',
  '2026-07-01T00:00:00',
  '2026-08-18T16:00:00',
];

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['leader', 'auditor', 'secA', 'secB']) c[u] = await login(ctx.app, u);
  const p = ctx.prisma;
  const rand = lcg(7);
  const orgs = [fx.streetId, fx.branchAId, fx.branchAUnitId, fx.branchBId];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  const study: Prisma.StudySessionCreateManyInput[] = [];
  const activities: Prisma.ActivityCreateManyInput[] = [];
  const publicity: Prisma.PublicityItemCreateManyInput[] = [];
  const alerts: Prisma.RiskAlertCreateManyInput[] = [];
  const rects: Prisma.RectificationCreateManyInput[] = [];
  let n = 0;
  for (const orgId of orgs) {
    // Branch A is far more active than the others (skew, so rankings differ).
    const repeat = orgId === fx.branchAId ? 3 : 1;
    for (let r = 0; r < repeat; r += 1) {
      for (const day of DAYS) {
        n += 1;
        const at = sh(day);
        study.push({
          orgId,
          kind: pick(['CENTRAL_GROUP', 'SEMINAR', 'SEMINAR', 'BRANCH_STUDY', 'CADRE_TRAINING'] as const),
          topicCategory: pick(['IDEOLOGY_WORK', 'ONLINE_IDEOLOGY', 'THEORY', 'POLICY', 'OTHER'] as const),
          topic: `学习${n}`,
          occurredAt: at,
        });
        activities.push({
          orgId,
          category: pick(['PARTY_LECTURE', 'RED_SONGS', 'OATH_REVIEW', 'VOLUNTEER'] as const),
          title: `活动${n}`,
          occurredAt: at,
          participants: 10,
        });
        if (rand() < 0.6) {
          publicity.push({
            orgId,
            outlet: '区融媒体',
            level: pick(['CITY', 'DISTRICT', 'STREET_MEDIA'] as const),
            title: `报道${n}`,
            publishedAt: at,
          });
        }
        const level = pick(['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4'] as const);
        const state = pick(['REGISTERED', 'ASSESSED', 'REPORTED', 'HANDLING', 'CLOSED'] as const);
        const reported = state === 'REPORTED' || state === 'HANDLING' || state === 'CLOSED';
        alerts.push({
          orgId,
          level,
          state,
          source: '网络巡查',
          summary: `舆情${n}`,
          registeredAt: at,
          reportDueAt: new Date(at.getTime() + 24 * HOUR),
          lastEventAt: at,
          // Some reported within the clock, some after it.
          reportedAt: reported ? new Date(at.getTime() + (rand() < 0.5 ? 2 : 40) * HOUR) : null,
          closedAt: state === 'CLOSED' ? new Date(at.getTime() + 72 * HOUR) : null,
        });
        const status = pick(['OPEN', 'IN_PROGRESS', 'DONE'] as const);
        rects.push({
          orgId,
          problem: `问题${n}`,
          source: 'SELF_CHECK',
          status,
          closedAt: status === 'DONE' ? new Date(at.getTime() + 5 * 24 * HOUR) : null,
          createdAt: at,
        });
        const point = await p.riskPoint.create({ data: { orgId, name: `阵地${n}`, type: 'WEBSITE', level: 'LOW' } });
        await p.riskPointCheck.create({
          data: { riskPointId: point.id, orgId, checkedAt: at, result: 'NORMAL', onTime: rand() < 0.7 },
        });
      }
    }
  }
  await p.studySession.createMany({ data: study });
  await p.activity.createMany({ data: activities });
  await p.publicityItem.createMany({ data: publicity });
  await p.riskAlert.createMany({ data: alerts });
  await p.rectification.createMany({ data: rects });

  const h1 = await ensurePeriod(p, periodFromCode('2026-H1'));
  const y2026 = await ensurePeriod(p, periodFromCode('2026'));
  await p.target.createMany({
    data: [
      { metric: 'ACTIVITY', orgId: fx.streetId, periodId: h1.id, value: 40 },
      { metric: 'SEMINAR', orgId: fx.streetId, periodId: h1.id, value: 6 },
      { metric: 'PUBLICITY', orgId: fx.streetId, periodId: h1.id, value: 1 },
      { metric: 'ACTIVITY', orgId: fx.branchAId, periodId: h1.id, value: 10 },
      { metric: 'ACTIVITY', orgId: fx.branchBId, periodId: h1.id, value: 10 },
      { metric: 'ACTIVITY', orgId: fx.branchAId, periodId: y2026.id, value: 20 },
    ],
  });
  // 支部学习 monthly in each branch: an effective target for every branch without a Target row.
  await p.frequencyRule.create({
    data: { metric: 'BRANCH_STUDY', orgId: fx.streetId, eachChild: true, frequency: 'MONTHLY', times: 1 },
  });
  const DAY = 24 * HOUR;
  const past = sh('2026-03-01T00:00:00');
  await p.assignment.createMany({
    data: [
      // Overdue (due passed, open), of two owners in two branches.
      { periodId: h1.id, orgId: fx.branchAId, ownerId: fx.users.secA, kind: 'TASK', task: '逾期一', dueAt: past },
      { periodId: h1.id, orgId: fx.branchAId, ownerId: fx.users.secA, kind: 'TASK', task: '逾期二', dueAt: past },
      { periodId: h1.id, orgId: fx.branchBId, ownerId: fx.users.secB, kind: 'TASK', task: '逾期三', dueAt: past },
      { periodId: h1.id, orgId: fx.streetId, ownerId: fx.users.leader, kind: 'TASK', task: '逾期四', dueAt: past },
      // Done with evidence; done after its due day is not overdue.
      {
        periodId: h1.id,
        orgId: fx.branchAId,
        ownerId: fx.users.secA,
        kind: 'TASK',
        task: '已完成',
        dueAt: past,
        status: 'DONE',
        doneAt: new Date(past.getTime() + 3 * DAY),
      },
      // A rule task: done as answered once branch A has an activity in the period.
      {
        periodId: h1.id,
        orgId: fx.branchAId,
        ownerId: fx.users.secA,
        kind: 'TASK',
        task: '活动不少于1次',
        rule: { metric: 'ACTIVITY', min: 1, per: 'PERIOD', eachChild: false },
      },
      // Not due yet (due in the far future).
      {
        periodId: h1.id,
        orgId: fx.branchBId,
        ownerId: fx.users.secB,
        kind: 'TASK',
        task: '未到期',
        dueAt: sh('2030-01-01T00:00:00'),
      },
    ],
  });
});
afterAll(() => ctx?.close());

interface Scope {
  ids: string[];
  period: PeriodRef;
}

async function subtreeIds(orgId: string): Promise<string[]> {
  const org = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: orgId } });
  return (await ctx.prisma.orgUnit.findMany({ where: { path: { startsWith: org.path } } })).map((o) => o.id);
}

/** Each dashboard figure counted directly with Prisma, independently of the dashboard's SQL. */
async function direct(metric: DashboardMetric, { ids, period }: Scope): Promise<number | null> {
  // Assignments (null here) are checked against the items created in beforeAll instead.
  return directCount(ctx.prisma, metric, ids, period.startsAt, period.endsAt);
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

/** Every figure of a dashboard against the list its drill names. */
async function expectDrillsMatch(who: string, d: Dashboard) {
  const checks: [string, number, MetricDrill][] = [];
  for (const k of d.kpis) {
    if (k.drill) checks.push([`kpi ${k.metric}`, k.done, k.drill]);
    for (const b of k.breakdown) checks.push([`kpi ${k.metric}/${b.key}`, b.count, b.drill]);
  }
  for (const m of d.trend) for (const x of m.counts) checks.push([`trend ${m.month} ${x.metric}`, x.count, x.drill]);
  for (const b of d.branches) for (const x of b.cells) checks.push([`branch ${b.name} ${x.metric}`, x.done, x.drill]);
  for (const f of d.alertFunnel) checks.push([`funnel ${f.state}`, f.count, f.drill]);
  checks.push(['open alerts', d.openAlerts.total, d.openAlerts.drill]);
  for (const o of d.overdueByOwner) checks.push([`overdue ${o.ownerName}`, o.count, o.drill]);
  for (const [label, count, drill] of checks) {
    expect(await listCount(who, drill), label).toBe(count);
  }
  return checks.length;
}

async function dashboard(who: string, query: string): Promise<Dashboard> {
  const res = await get(who, `/api/dashboard?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
}

const kpi = (d: Dashboard, metric: DashboardMetric) => {
  const k = d.kpis.find((x) => x.metric === metric);
  if (!k) throw new Error(`no ${metric}`);
  return k;
};

describe('dashboard figures', () => {
  const cases = [
    { who: 'leader', org: () => fx.streetId, period: '2026-H1' },
    { who: 'leader', org: () => fx.streetId, period: '2026-Q1' },
    { who: 'leader', org: () => fx.branchAId, period: '2026' },
    { who: 'auditor', org: () => fx.streetId, period: '2026-H2' },
    { who: 'secA', org: () => fx.branchAId, period: '2026-H1' },
    { who: 'secA', org: () => fx.branchAUnitId, period: '2026-Q2' },
    { who: 'secB', org: () => fx.branchBId, period: '2026' },
  ];

  it.each(cases)('$who, $period: every figure equals a direct count of its records', async ({ who, org, period }) => {
    const d = await dashboard(who, `period=${period}&org=${org()}`);
    const scope = { ids: await subtreeIds(org()), period: periodFromCode(period) };
    let nonZero = 0;
    for (const k of d.kpis) {
      const expected = await direct(k.metric, scope);
      if (expected !== null) expect(k.done, `${k.metric}`).toBe(expected);
      if (k.done > 0) nonZero += 1;
    }
    // The data is there to be counted: a dashboard of zeros would prove nothing.
    expect(nonZero).toBeGreaterThan(5);
    // Months and branches add up to the period's figure.
    for (const metric of ['ACTIVITY', 'SEMINAR', 'RISK_POINT_CHECK'] as const) {
      const months = d.trend.reduce((s, m) => s + (m.counts.find((x) => x.metric === metric)?.count ?? 0), 0);
      expect(months, metric).toBe(kpi(d, metric).done);
    }
  });

  it.each(cases)(
    '$who, $period: every figure, part, month and branch cell drills to exactly its records',
    async ({ who, org, period }) => {
      const d = await dashboard(who, `period=${period}&org=${org()}`);
      expect(await expectDrillsMatch(who, d)).toBeGreaterThan(30);
    },
  );

  it('the street in 2026-H1: targets, rule targets, pace, ranking and the responsibility list', async () => {
    const d = await dashboard('leader', `period=2026-H1&org=${fx.streetId}`);
    expect(d.period.code).toBe('2026-H1');
    expect(d.trend.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    const activity = kpi(d, 'ACTIVITY');
    expect(activity.target).toBe(40);
    // The half year is over (today is after it): the linear plan expects the whole target.
    expect(activity.expected).toBe(40);
    expect(activity.status).toBe(activity.done >= 40 ? 'GREEN' : activity.done >= 32 ? 'AMBER' : 'RED');
    expect(kpi(d, 'PUBLICITY').status).toBe('GREEN');
    expect(kpi(d, 'CADRE_TRAINING').target).toBeNull();
    expect(kpi(d, 'CADRE_TRAINING').status).toBeNull();
    // SEMINAR parts: 中心组专题学习研讨 and 意识形态工作专题研讨会 add up to the figure.
    const seminar = kpi(d, 'SEMINAR');
    expect(seminar.breakdown.reduce((s, b) => s + b.count, 0)).toBe(seminar.done);
    expect(seminar.breakdown.map((b) => b.drill.query.topicGroup).sort()).toEqual(['IDEOLOGY', 'STUDY']);
    // Branches: the street's direct children, with the monthly rule as their BRANCH_STUDY target.
    expect(d.branches.map((b) => b.orgId).sort()).toEqual([fx.branchAId, fx.branchBId].sort());
    for (const b of d.branches) {
      expect(b.cells.find((x) => x.metric === 'BRANCH_STUDY')?.target).toBe(6);
      expect(b.cells.find((x) => x.metric === 'ACTIVITY')?.target).toBe(10);
    }
    // A is three times as active as B: it ranks first.
    expect(d.branches[0]?.orgId).toBe(fx.branchAId);
    expect(d.branches.map((b) => b.rank)).toEqual([1, 2]);
    // Branch A's cells include its sub-unit's records.
    const aActivity = d.branches[0]?.cells.find((x) => x.metric === 'ACTIVITY')?.done;
    expect(aActivity).toBe(
      await direct('ACTIVITY', { ids: await subtreeIds(fx.branchAId), period: periodFromCode('2026-H1') }),
    );
    // Responsibility list: 4 overdue (2 of secA, 1 of secB, 1 of the leader); done = the closed
    // task and the satisfied rule task.
    expect(kpi(d, 'ASSIGNMENT_OVERDUE').done).toBe(4);
    expect(kpi(d, 'ASSIGNMENT_DONE').done).toBe(2);
    expect(d.overdueByOwner.map((o) => o.count)).toEqual([2, 1, 1]);
    expect(d.overdueByOwner[0]?.ownerId).toBe(fx.users.secA);
    // The funnel counts the period's alerts by state; it adds up to the registered figure.
    expect(d.alertFunnel.reduce((s, f) => s + f.count, 0)).toBe(kpi(d, 'ALERT_REGISTERED').done);
    expect(d.trail.map((o) => o.id)).toEqual([fx.streetId]);
  });

  it('open alerts: the unreported first, soonest due first, each with its clock', async () => {
    const d = await dashboard('leader', `period=2026-H1&org=${fx.streetId}`);
    // A finished period's panel: the alerts registered by its end and still open (issue 16.5).
    const open = await ctx.prisma.riskAlert.count({
      where: { state: { not: 'CLOSED' }, registeredAt: { lt: new Date(d.period.endsAt) } },
    });
    expect(d.openAlerts.total).toBe(open);
    expect(d.openAlerts.items.length).toBe(Math.min(open, 10));
    const unreported = d.openAlerts.items.filter((a) => a.remainingMinutes !== null);
    // All of these were due long ago.
    for (const a of unreported) expect(a.overdue).toBe(true);
    const dues = unreported.map((a) => a.reportDueAt);
    expect(dues).toEqual([...dues].sort());
  });
});

describe('dashboard scope', () => {
  it("a secretary's dashboard is their branch by default, with their sub-unit as the only child", async () => {
    const d = await dashboard('secA', 'period=2026-H1');
    expect(d.org.id).toBe(fx.branchAId);
    expect(d.trail.map((o) => o.id)).toEqual([fx.branchAId]);
    expect(d.branches.map((b) => b.orgId)).toEqual([fx.branchAUnitId]);
    const aIds = await subtreeIds(fx.branchAId);
    const names = await ctx.prisma.orgUnit.findMany({ where: { id: { in: aIds } }, select: { name: true } });
    for (const a of d.openAlerts.items) expect(names.map((x) => x.name)).toContain(a.orgName);
    for (const o of d.overdueByOwner) expect(o.ownerId).toBe(fx.users.secA);
  });

  it("no parameter reaches another branch's or the street's numbers", async () => {
    for (const org of [fx.streetId, fx.branchBId, crypto.randomUUID()]) {
      const res = await get('secA', `/api/dashboard?period=2026-H1&org=${org}`);
      expect(res.statusCode, org).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.body).not.toMatch(/"done"/);
    }
    for (const extra of ['orgId=', 'scope=all', 'path=%2F', 'branch=']) {
      const res = await get('secA', `/api/dashboard?period=2026-H1&${extra}${fx.streetId}`);
      expect(res.statusCode, extra).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const bad = await get('secA', `/api/dashboard?period=2026-H7`);
    expect(bad.statusCode).toBe(400);
    // The drills a secretary is given stay inside their branch, too.
    const d = await dashboard('secA', 'period=2026-H1');
    const own = await subtreeIds(fx.branchAId);
    for (const k of d.kpis) if (k.drill?.query.org) expect(own).toContain(k.drill.query.org);
  });

  it('the sub-unit trail runs from the branch down; signed-out callers get 401', async () => {
    const d = await dashboard('secA', `period=2026-H1&org=${fx.branchAUnitId}`);
    expect(d.trail.map((o) => o.id)).toEqual([fx.branchAId, fx.branchAUnitId]);
    expect(d.branches).toEqual([]);
    const leader = await dashboard('leader', `period=2026-H1&org=${fx.branchAUnitId}`);
    expect(leader.trail.map((o) => o.id)).toEqual([fx.streetId, fx.branchAId, fx.branchAUnitId]);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode).toBe(401);
  });
});

describe('dashboard export', () => {
  it('the xlsx holds every figure with its target and the query it was counted from; the csv the same table', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const d = await dashboard('auditor', `period=2026-H1&org=${fx.streetId}`);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/dashboard/export?period=2026-H1&org=${fx.streetId}&format=xlsx`,
      headers: { cookie: c.auditor ?? '' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '指标',
      '月度',
      '各支部',
      '舆情',
      '未办结舆情',
      '逾期责任事项',
      '说明',
    ]);
    const sheet = book.getWorksheet('指标');
    // Rows 1–2 are the title block (whose board, which period; who exported it and when), 3 the header.
    expect(sheet?.getCell('A1').value).toBe(`${d.org.name} 工作看板 · 指标（2026年上半年）`);
    expect(String(sheet?.getCell('A2').value)).toMatch(/^导出人：auditor　导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(sheet?.getCell('A3').value).toBe('板块');
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent(`${d.org.name}-工作看板-2026年上半年.xlsx`),
    );
    const rows = (sheet?.getSheetValues() ?? []).slice(4) as unknown[][];
    // Figure rows (not the "其中" parts) in KPI order: label, done, target, query.
    const figures = rows.filter((r) => !String(r[2]).startsWith('　其中'));
    expect(figures.map((r) => r[3])).toEqual(d.kpis.map((k) => k.done));
    expect(figures.map((r) => r[4] ?? null)).toEqual(d.kpis.map((k) => k.target));
    // The page's words: figure names from the registry, pace as the pace tag says it.
    expect(figures.map((r) => r[2])).toEqual(d.kpis.map((k) => FIGURES[k.metric].label.zh));
    expect(figures.map((r) => r[2])).toEqual(expect.arrayContaining(['未完成整改', '责任清单已完成', '责任清单逾期']));
    const paces = figures.map((r) => r[6]).filter((p) => p !== undefined && p !== null && p !== '未设目标');
    expect(paces.length).toBeGreaterThan(0);
    for (const p of paces) expect(['进度正常', '略有滞后', '明显滞后']).toContain(p);
    const seminar = figures.find((r) => r[2] === '专题研讨');
    expect(seminar?.[7]).toBe(`GET /api/study-sessions?${new URLSearchParams(kpi(d, 'SEMINAR').drill?.query)}`);
    const months = (book.getWorksheet('月度')?.getSheetValues() ?? []).slice(4) as unknown[][];
    expect(months.map((r) => r[1])).toEqual(d.trend.map((m) => m.month));

    const csv = await ctx.app.inject({
      method: 'GET',
      url: `/api/dashboard/export?period=2026-H1&org=${fx.streetId}&format=csv`,
      headers: { cookie: c.auditor ?? '' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('板块,指标,完成,目标,按进度应完成,进度,明细查询');
    expect(lines.length - 1).toBe(d.kpis.length + d.kpis.reduce((s, k) => s + k.breakdown.length, 0));
  });

  it("a secretary exports only their branch's dashboard", async () => {
    const own = await ctx.app.inject({
      method: 'GET',
      url: '/api/dashboard/export?period=2026-H1&format=csv',
      headers: { cookie: c.secA ?? '' },
    });
    expect(own.statusCode).toBe(200);
    const other = await ctx.app.inject({
      method: 'GET',
      url: `/api/dashboard/export?period=2026-H1&org=${fx.branchBId}&format=csv`,
      headers: { cookie: c.secA ?? '' },
    });
    expect(other.statusCode).toBe(404);
  });
});
