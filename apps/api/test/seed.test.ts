import type { AssessmentReturn } from '@dutyboard/contracts/assessment-campaigns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNTS,
  DEMO_CAMPAIGN,
  isSeeded,
  STREET2_SUMMARY_ACTIVITY_COUNT,
  SUMMARY_ACTIVITY_COUNT,
  seedDemo,
  summaryHalf,
} from '../../../prisma/seed.ts';
import { DEMO_ASSESSMENT_STEPS } from '../src/services/assessments/demo-steps.ts';
import { hashPassword } from '../src/services/auth/passwords.ts';
import { countFiguresBetween } from '../src/services/rollups/exact-counts.ts';
import { login } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
const now = new Date('2026-11-24T10:00:00+08:00');
const h1 = summaryHalf(now);

beforeAll(async () => {
  ctx = await createTestContext();
  expect(await isSeeded(ctx.prisma)).toBe(false);
  await seedDemo(ctx.prisma, {
    password: 'demo-password-for-tests',
    hashPassword,
    now,
    assessments: DEMO_ASSESSMENT_STEPS,
  });
});
afterAll(() => ctx?.close());

const inH1 = { gte: h1.startsAt, lt: h1.endsAt };
/** The summary's figures are 城南街道's: records of its subtree (the 区 above holds a second street). */
let inCN: { org: { path: { startsWith: string } } };
beforeAll(async () => {
  const cn = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'CN' } });
  inCN = { org: { path: { startsWith: cn.path } } };
});

describe('demo seed reproduces the source summary', () => {
  it('is the first half of 2026 when run in November 2026', () => {
    expect(h1.code).toBe('2026-H1');
  });

  it('has a street committee with 12 branches, under a 区委 with a second street of 4 branches', async () => {
    expect(await isSeeded(ctx.prisma)).toBe(true);
    const cn = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'CN' }, include: { parent: true } });
    expect(cn.kind).toBe('STREET_COMMITTEE');
    expect(await ctx.prisma.orgUnit.count({ where: { parentId: cn.id } })).toBe(12);
    expect(cn.parent).toMatchObject({ code: 'SF', kind: 'DISTRICT_COMMITTEE', parentId: null });
    const streets = await ctx.prisma.orgUnit.findMany({
      where: { parentId: cn.parentId },
      orderBy: { sortOrder: 'asc' },
    });
    expect(streets.map((o) => o.code)).toEqual(['CN', 'CB']);
    expect(await ctx.prisma.orgUnit.count({ where: { parent: { code: 'CB' } } })).toBe(4);
    expect(await ctx.prisma.orgUnit.count({ where: { parentId: null } })).toBe(1);
  });

  it("the 区's accounts sign in, and the 区 leader's dashboard ranks its two streets", async () => {
    const cookie = await login(ctx.app, 'district-leader', 'demo-password-for-tests');
    const res = await ctx.app.inject({ method: 'GET', url: '/api/dashboard?period=2026-H1', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const branches = res.json().branches as { name: string; cells: { metric: string; done: number }[] }[];
    const activities = (name: string) =>
      branches.find((b) => b.name === name)?.cells.find((c) => c.metric === 'ACTIVITY')?.done;
    expect(branches.map((b) => b.name).sort()).toEqual(['城北街道党工委', '城南街道党工委'].sort());
    expect(activities('城南街道党工委')).toBe(SUMMARY_ACTIVITY_COUNT);
    expect(activities('城北街道党工委')).toBe(STREET2_SUMMARY_ACTIVITY_COUNT);
    // Both streets have targets, so the 区's own card is measured against their sum (ADR 038).
    const streetTargets = await ctx.prisma.target.findMany({
      where: { metric: 'ACTIVITY', period: { kind: 'HALF', year: 2026, index: 1 }, org: { kind: 'STREET_COMMITTEE' } },
    });
    expect(streetTargets).toHaveLength(2);
    const kpi = (res.json().kpis as { metric: string; target: number | null; targetFrom: string | null }[]).find(
      (k) => k.metric === 'ACTIVITY',
    );
    expect(kpi).toMatchObject({ target: streetTargets.reduce((sum, t) => sum + t.value, 0), targetFrom: 'CHILDREN' });
    // The second street's leader sees its own street only.
    const street2 = await login(ctx.app, 'street2-leader', 'demo-password-for-tests');
    const cn = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'CN' } });
    const away = await ctx.app.inject({
      method: 'GET',
      url: `/api/activities?org=${cn.id}`,
      headers: { cookie: street2 },
    });
    expect(away.statusCode).toBe(404);
  });

  it('holds 70-odd themed activities in the half, with the categories the summary names', async () => {
    const count = await ctx.prisma.activity.count({ where: { occurredAt: inH1, ...inCN } });
    expect(count).toBe(SUMMARY_ACTIVITY_COUNT);
    expect(count).toBeGreaterThan(70);
    expect(count).toBeLessThan(80);
    const categories = await ctx.prisma.activity.groupBy({
      by: ['category'],
      where: { occurredAt: inH1, ...inCN },
      _count: true,
    });
    expect(categories.map((c) => c.category)).toEqual(
      expect.arrayContaining(['RED_SONGS', 'OATH_REVIEW', 'PARTY_LECTURE']),
    );
    // Spread over the branches, not piled on one.
    const perOrg = await ctx.prisma.activity.groupBy({
      by: ['orgId'],
      where: { occurredAt: inH1, ...inCN },
      _count: true,
    });
    expect(perOrg.length).toBeGreaterThanOrEqual(10);
  });

  it('holds 1 ideology-work seminar and 5 central-group themed study seminars in the half', async () => {
    const seminars = await ctx.prisma.studySession.findMany({ where: { kind: 'SEMINAR', occurredAt: inH1 } });
    expect(seminars.filter((s) => s.topicCategory === 'IDEOLOGY_WORK')).toHaveLength(1);
    expect(seminars.filter((s) => s.topicCategory !== 'IDEOLOGY_WORK')).toHaveLength(5);
  });

  it('holds 1 sensitive online item, analysed and reported to the city cyberspace office', async () => {
    const alerts = await ctx.prisma.riskAlert.findMany({ where: { registeredAt: inH1 }, include: { events: true } });
    expect(alerts).toHaveLength(1);
    const states = alerts[0]?.events.map((e) => e.toState);
    expect(states).toEqual(expect.arrayContaining(['REGISTERED', 'ASSESSED', 'REPORTED']));
    expect(alerts[0]?.receiptNumber).toBeTruthy();
  });

  it('names the 工委书记 as first responsible person and gives members 分管 areas, with targets for the half', async () => {
    const period = await ctx.prisma.period.findUniqueOrThrow({
      where: { kind_year_index: { kind: 'HALF', year: 2026, index: 1 } },
    });
    const first = await ctx.prisma.assignment.findMany({
      where: { periodId: period.id, kind: 'FIRST_RESPONSIBLE' },
      include: { owner: true },
    });
    expect(first).toHaveLength(1);
    expect(first[0]?.owner.username).toBe('leader');
    expect(await ctx.prisma.assignment.count({ where: { periodId: period.id, kind: 'AREA' } })).toBeGreaterThanOrEqual(
      3,
    );
    // 城南 and each of its 12 branches; 城北 has a plan of its own.
    const cn = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'CN' } });
    const inCnTree = { org: { path: { startsWith: cn.path } } };
    expect(await ctx.prisma.target.count({ where: { periodId: period.id, metric: 'ACTIVITY', ...inCnTree } })).toBe(13);
  });

  it('keeps recording after the summary half, up to but not after today', async () => {
    const after = await ctx.prisma.activity.count({ where: { occurredAt: { gte: h1.endsAt } } });
    expect(after).toBeGreaterThan(20);
    expect(await ctx.prisma.activity.count({ where: { occurredAt: { gte: now } } })).toBe(0);
  });

  it('names seasonal activities only in their season (no 清明祭英烈 in January)', async () => {
    const rows = await ctx.prisma.$queryRaw<{ title: string; month: number }[]>`
      SELECT title, extract(month FROM "occurredAt" AT TIME ZONE 'Asia/Shanghai')::int AS month
      FROM "Activity" WHERE title LIKE '%清明%' OR title LIKE '%七一%'`;
    expect(rows.length).toBeGreaterThan(0);
    for (const { title, month } of rows) {
      expect({ title, month, fits: title.includes('清明') ? [3, 4].includes(month) : [6, 7].includes(month) }).toEqual({
        title,
        month,
        fits: true,
      });
    }
  });

  it('gives the current half its own responsibility list and one open alert through the records API', async () => {
    const cookie = await login(ctx.app, 'leader', 'demo-password-for-tests');
    const list = await ctx.app.inject({ method: 'GET', url: '/api/assignments?period=2026-H2', headers: { cookie } });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { kind: string; rule: unknown; progress: { required: number } | null }[];
    expect(items.filter((a) => a.kind === 'FIRST_RESPONSIBLE')).toHaveLength(1);
    expect(items.filter((a) => a.kind === 'AREA')).toHaveLength(3);
    // 专题研讨 ≥ 2 for the street; 党课 ≥ 1 per quarter in each of 12 branches over 2 quarters.
    expect(
      items
        .filter((a) => a.rule)
        .map((a) => a.progress?.required)
        .sort((x, y) => (x ?? 0) - (y ?? 0)),
    ).toEqual([2, 24]);
    expect(await ctx.prisma.frequencyRule.count()).toBe(3);

    // The open alert belongs to 和平社区, so the secretary who registered it sees it.
    const sec2 = await login(ctx.app, 'secretary2', 'demo-password-for-tests');
    const alerts = await ctx.app.inject({
      method: 'GET',
      url: '/api/risk-alerts?state=ASSESSED',
      headers: { cookie: sec2 },
    });
    expect(alerts.statusCode, alerts.body).toBe(200);
    const [open] = alerts.json().items as { registeredAt: string; clock: { dueAt: string } }[];
    expect(Date.parse(open?.clock.dueAt ?? '') - Date.parse(open?.registeredAt ?? '')).toBe(48 * 3_600_000);
  });

  it('every demo account signs in with the demo password', async () => {
    for (const a of DEMO_ACCOUNTS) {
      await expect(login(ctx.app, a.username, 'demo-password-for-tests')).resolves.toContain('dutyboard_session=');
    }
  });

  it('has a 2026-H1 考核 in every state a new user should see, written through the API steps', async () => {
    const campaign = await ctx.prisma.assessmentCampaign.findFirstOrThrow({ include: { returns: true } });
    expect(campaign).toMatchObject({
      name: DEMO_CAMPAIGN.name(2026),
      periodCode: '2026-H1',
      state: 'OPEN',
      selfDueOn: '2026-07-10',
      reviewDueOn: '2026-07-31',
    });
    const scheme = await ctx.prisma.assessmentScheme.findUniqueOrThrow({ where: { id: campaign.schemeId } });
    const district = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'SF' } });
    expect(scheme).toMatchObject({ state: 'IN_USE', orgId: district.id, level: 'STREET', periodCode: '2026-H1' });
    const byCode = async (code: string) => {
      const org = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code } });
      const r = campaign.returns.find((x) => x.orgId === org.id);
      if (!r) throw new Error(`no return for ${code}`);
      return r;
    };
    const cn = await byCode('CN');
    const cb = await byCode('CB');
    expect([cn.state, cb.state]).toEqual(['IN_REVIEW', 'SELF_DRAFT']);

    // Read as the 区 reviewer through the API: the 自评 total is the scores' sum, the computed
    // items hold their proposals from the records, one item agreed and one changed with a reason.
    const cookie = await login(ctx.app, 'district-reviewer', 'demo-password-for-tests');
    const res = await ctx.app.inject({ method: 'GET', url: `/api/assessment-returns/${cn.id}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as AssessmentReturn;
    expect(r.selfTotal).toBe(r.items.reduce((s, i) => s + (i.selfScore ?? 0), 0));
    for (const i of r.items.filter((x) => x.proposal.ruleType !== 'MANUAL')) {
      expect([i.key, i.selfScore]).toEqual([i.key, i.proposal.proposed]);
    }
    expect(r.items.filter((i) => i.decision === 'AGREE')).toHaveLength(1);
    const changed = r.items.filter((i) => i.decision === 'CHANGE');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.reviewReason).not.toBe('');
    expect(r.items.some((i) => i.records.length > 0)).toBe(true);
    expect(r.steps).toEqual(expect.arrayContaining(['IN_REVIEW', 'RETURNED']));

    // Every step audited, with its actor.
    const events = await ctx.prisma.auditEvent.findMany({
      where: { entityType: 'AssessmentReturn', entityId: cn.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['CREATE', 'TRANSITION', 'UPDATE', 'TRANSITION', 'TRANSITION']);
  });
});

describe('demo 一会一报 (ADR 048)', () => {
  it("城南's branches held their H1 events approved through the chain, one forum flagged late, one waiting", async () => {
    const events = await ctx.prisma.eventApproval.findMany({ where: inCN, orderBy: { startsAt: 'asc' } });
    expect(events.map((e) => [e.kind, e.state, e.late, e.unapproved])).toEqual([
      ['LECTURE', 'HELD', false, false],
      ['REPORT_MEETING', 'HELD', false, false],
      ['FORUM', 'HELD', true, false],
      ['LECTURE', 'SUBMITTED', false, false],
    ]);
    const secretary = await ctx.prisma.user.findUniqueOrThrow({ where: { username: 'secretary' } });
    expect(events[3]).toMatchObject({ currentStep: 0, pendingRole: 'SECRETARY', pendingOrgId: secretary.orgId });
    const [flagged] = await countFiguresBetween(ctx.prisma, [
      {
        figure: 'EVENTS_UNAPPROVED',
        orgId: (await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'CN' } })).id,
        from: h1.startsAt,
        to: h1.endsAt,
      },
    ]);
    expect(flagged).toBe(1);
  });
});
