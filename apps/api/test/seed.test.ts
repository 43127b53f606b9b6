import type { AssessmentReturn } from '@dutyboard/contracts/assessment-campaigns';
import { shanghaiParts } from '@dutyboard/contracts/periods';
import { Prisma } from '@dutyboard/db/generated/prisma/client';
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
import { DEMO_SUMMARY_PROBLEMS, demoReportDocNumber } from '../../../prisma/seed-duty-reports.ts';
import { DEMO_ASSESSMENT_STEPS } from '../src/services/assessments/demo-steps.ts';
import { hashPassword } from '../src/services/auth/passwords.ts';
import { DEMO_MEETING_STEPS } from '../src/services/committee-meetings/demo-steps.ts';
import { getDutyCalendar } from '../src/services/duties/calendar.ts';
import { DEMO_REPORT_STEPS } from '../src/services/reports/demo-steps.ts';
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
    meetings: DEMO_MEETING_STEPS,
    reports: DEMO_REPORT_STEPS,
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

  it("keeps the 中心组's rosters: one 请假 made up, one owed, one 社区 列席 (ADR 051)", async () => {
    const leader = await login(ctx.app, 'leader', 'demo-password-for-tests');
    const cn = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'CN' } });
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/study-sessions/make-ups-owed?org=${cn.id}`,
      headers: { cookie: leader },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { name: string }) => i.name)).toEqual(['王芳（宣传委员）']);
    const sessions = await ctx.prisma.studySession.findMany({
      where: { orgId: cn.id, roster: { not: Prisma.DbNull } },
      orderBy: { occurredAt: 'asc' },
    });
    expect(sessions).toHaveLength(5);
    const members = sessions.flatMap((s) => s.roster as { status: string; role: string; makeUp: unknown }[]);
    expect(members.filter((m) => m.status === 'LEAVE' && m.makeUp)).toHaveLength(1);
    expect(members.filter((m) => m.role === 'OBSERVER')).toHaveLength(1);
    for (const s of sessions) expect(s.expectedAttendance).toBe(9);
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

  it("shows 城南街道's 2026 duties with their states from the demo records (ADR 045)", async () => {
    const leader = await ctx.prisma.user.findUniqueOrThrow({ where: { username: 'leader' }, include: { org: true } });
    const user = { ...leader, orgPath: leader.org.path, sessionId: 'test' };
    const cal = await getDutyCalendar(ctx.prisma, user, { year: 2026 }, now);
    const states = cal.items
      .filter((l) => l.kind === 'POSITION_INSPECTION')
      .map((l) => [l.window, l.state, l.overdue, l.done]);
    // The 街道's own 阵地 (公众号, 文明实践站) were checked in May and June, none in Q1 or Q3, and
    // once this quarter (every 阵地 inspected this quarter: seed-positions.ts, ADR 049).
    expect(states).toEqual([
      ['2026-Q1', 'LATE', true, 0],
      ['2026-Q2', 'DONE', false, 2],
      ['2026-Q3', 'LATE', true, 0],
      ['2026-Q4', 'DONE', false, 1],
    ]);
    // Every part's demo records fulfil their duties (ADRs 046–049): the March 专题研究 and the two 研判
    // of the half, the 专题汇报 sent on 06-18 (due 06-20), 10 of the 12 branches' 督查 done; no 通报 was
    // sent in the half, so that line is overdue.
    const line = (kind: string, window: string) => {
      const l = cal.items.find((i) => i.kind === kind && i.window === window);
      return l && [l.state, l.overdue, l.done];
    };
    expect(line('SPECIAL_STUDY', '2026-H1')).toEqual(['DONE', false, 1]);
    expect(line('JUDGEMENT', '2026-Q1')).toEqual(['DONE', false, 1]);
    expect(line('JUDGEMENT', '2026-Q2')).toEqual(['DONE', false, 1]);
    expect(line('SPECIAL_REPORT', '2026-H1')).toEqual(['DONE', false, 1]);
    // The 区委's demo rule sets the 专题汇报's days for every 街道 (the 规则 panel of /duties shows it).
    const report = cal.items.find((i) => i.kind === 'SPECIAL_REPORT' && i.window === '2026-H1');
    expect([report?.dueOn, report?.ruleFrom?.orgName, report?.ruleFrom?.level]).toEqual([
      '2026-06-20',
      '示范区委',
      'STREET',
    ]);
    expect(line('BRIEFING', '2026-H1')).toEqual(['LATE', true, 0]);
    const inspections = cal.items.filter((i) => i.kind === 'BRANCH_INSPECTION');
    expect(inspections).toHaveLength(12);
    expect(inspections.filter((i) => i.state === 'DONE')).toHaveLength(10);
  });

  it("every line of the 区's calendar and its 街道s' drills to exactly the records it counts", async () => {
    const cookie = await login(ctx.app, 'district-leader', 'demo-password-for-tests');
    const leader = await ctx.prisma.user.findUniqueOrThrow({
      where: { username: 'district-leader' },
      include: { org: true },
    });
    const user = { ...leader, orgPath: leader.org.path, sessionId: 'test' };
    const cal = await getDutyCalendar(ctx.prisma, user, { year: 2026, below: '1' }, now);
    const kinds = new Set(cal.items.map((l) => l.kind));
    // Every kind of duty active, each with records somewhere, so the check below is not empty.
    expect(cal.items.filter((l) => l.done > 0).length).toBeGreaterThan(10);
    expect(kinds.size).toBeGreaterThanOrEqual(8);
    for (const l of cal.items) {
      const query = new URLSearchParams(l.drill.query);
      const res = await ctx.app.inject({ method: 'GET', url: `${l.drill.list}?${query}`, headers: { cookie } });
      expect(res.statusCode, `${l.kind} ${l.window} ${l.forOrgName}: ${res.body}`).toBe(200);
      expect(res.json().items, `${l.kind} ${l.window} ${l.forOrgName}`).toHaveLength(l.done);
    }
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

  it('has the 党工委 meetings of 城南街道 of the half: a March 专题研究 whose 议定事项 are the done plan tasks, a 研判 each quarter', async () => {
    const cn = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'CN' } });
    const meetings = await ctx.prisma.committeeMeeting.findMany({
      where: { orgId: cn.id, heldAt: inH1 },
      include: { tasks: { orderBy: { task: 'asc' } } },
      orderBy: { heldAt: 'asc' },
    });
    expect(meetings.map((m) => [m.kind, shanghaiParts(m.heldAt).month])).toEqual([
      ['SPECIAL_STUDY', 3],
      ['SITUATION_JUDGEMENT', 3],
      ['SITUATION_JUDGEMENT', 4],
    ]);
    expect(meetings[0]?.tasks.map((t) => [t.task, t.status])).toEqual([
      ['制定年度意识形态工作方案', 'DONE'],
      ['成立意识形态工作领导小组', 'DONE'],
    ]);
    // The Q2 研判 judges the item reported to 市网信办; every meeting was audited as created.
    const reported = await ctx.prisma.riskAlert.findFirstOrThrow({
      where: { orgId: cn.id, receiptNumber: { not: null } },
    });
    expect(meetings[2]?.judgement).toMatchObject({ alertIds: [reported.id] });
    const audited = await ctx.prisma.auditEvent.count({
      where: { entityType: 'CommitteeMeeting', action: 'CREATE', entityId: { in: meetings.map((m) => m.id) } },
    });
    expect(audited).toBe(3);
    // The seed's 1 专题研讨会 is still a StudySession seminar.
    expect(
      await ctx.prisma.studySession.count({
        where: { ...inCN, kind: 'SEMINAR', topicCategory: 'IDEOLOGY_WORK', occurredAt: inH1 },
      }),
    ).toBe(1);
  });
});

describe('demo reports (issue 19 part C, ADR 047)', () => {
  it('城南 sent its H1 专题汇报 to 示范区委 on 18 June with a 文号, and its H1 总结 names the four problems as 整改 items, two done', async () => {
    const cn = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'CN' }, include: { parent: true } });
    const sent = await ctx.prisma.reportSubmission.findMany({ where: { orgId: cn.id } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'SPECIAL_REPORT',
      periodCode: h1.code,
      toOrgId: cn.parentId,
      docNumber: demoReportDocNumber(h1.year),
    });
    expect(sent[0]?.sentAt.toISOString()).toBe(new Date(`${h1.year}-06-18T00:00:00+08:00`).toISOString());
    const summary = await ctx.prisma.reportDraft.findFirstOrThrow({
      where: { kind: 'HALF_YEAR_SUMMARY', orgId: cn.id, periodCode: h1.code, state: 'FINAL' },
    });
    const items = await ctx.prisma.rectification.findMany({
      where: { reportDraftId: summary.id, source: 'SUMMARY' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(items.map((i) => i.problem)).toEqual([...DEMO_SUMMARY_PROBLEMS]);
    expect(items.filter((i) => i.status === 'DONE')).toHaveLength(2);
    // The 区's leader is told in the bell only while it is new: the demo's was marked today.
    const dLeader = await login(ctx.app, 'district-leader', 'demo-password-for-tests');
    const received = await ctx.app.inject({
      method: 'GET',
      url: `/api/report-submissions?received=1&org=${cn.parentId}`,
      headers: { cookie: dLeader },
    });
    expect(received.json().items.map((i: { docNumber: string }) => i.docNumber)).toEqual([
      demoReportDocNumber(h1.year),
    ]);
  });
});

describe('typed 阵地 and the 督查 ledger (issue 19 part E)', () => {
  it('has one red 公众号 (20 days without update), 督查 of every 城南 branch, a 黄色通报 and a 提醒谈话', async () => {
    const { positionState } = await import('@dutyboard/contracts/risk-points');
    const cn = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'CN' } });
    const points = await ctx.prisma.riskPoint.findMany({ where: { org: { path: { startsWith: cn.path } } } });
    expect(new Set(points.map((p) => p.type))).toEqual(
      new Set([
        'WECHAT_ACCOUNT',
        'VIDEO_ACCOUNT',
        'WECHAT_GROUP',
        'BULLETIN_BOARD',
        'PRACTICE_STATION',
        'LECTURE_HALL',
      ]),
    );
    const red = points.filter((p) => positionState(p, now).red);
    expect(red.map((p) => [p.type, positionState(p, now).reasons])).toEqual([
      ['WECHAT_ACCOUNT', [{ code: 'STALE', days: 20 }]],
    ]);
    const branches = await ctx.prisma.orgUnit.count({ where: { parentId: cn.id } });
    const inspections = await ctx.prisma.accountability.findMany({
      where: { type: 'INSPECTION', org: { parentId: cn.id } },
    });
    expect(new Set(inspections.map((i) => i.orgId)).size).toBe(branches);
    expect(inspections.filter((i) => i.occurredAt).length).toBe(branches - 2);
    expect(await ctx.prisma.rectification.count({ where: { source: 'INSPECTION', ...inCN } })).toBe(2);
    const others = await ctx.prisma.accountability.findMany({ where: { type: { in: ['NOTICE', 'TALK'] }, ...inCN } });
    expect(others.map((o) => [o.type, o.colour]).sort()).toEqual([
      ['NOTICE', 'YELLOW'],
      ['TALK', null],
    ]);
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
