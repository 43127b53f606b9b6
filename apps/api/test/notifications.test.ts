// The needs-attention list: every kind at its exact boundaries (the service with a fixed `now`),
// each user seeing only their reach, the cap, and the HTTP route around it.
import { ACTIVE_DUTY_KINDS } from '@dutyboard/contracts/duties';
import type { Notification } from '@dutyboard/contracts/notifications';
import type { Prisma } from '@dutyboard/db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../src/services/auth/sessions.ts';
import { listNotifications, NOTIFICATIONS_CAP } from '../src/services/notifications/notifications.ts';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

/** Every duty of the org switched off by a rule of its own (ADR 045), whatever kinds are active. */
async function dutiesOff(ctx: TestContext, orgId: string) {
  await ctx.prisma.dutyRule.createMany({ data: ACTIVE_DUTY_KINDS.map((kind) => ({ kind, orgId, off: true })) });
}

const NOW = new Date('2026-06-15T04:00:00.000Z');
const MS = 1;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(NOW.getTime() + offset);

type Expected = Pick<
  Notification,
  'kind' | 'severity' | 'entityType' | 'entityId' | 'orgId' | 'title' | 'dueAt' | 'alertLevel'
>;

/** 一级 and 二级 alerts are urgent: HIGH, and listed before everything else. */
const URGENT = ['LEVEL_1', 'LEVEL_2'];

describe('the needs-attention list at a fixed time', () => {
  let ctx: TestContext;
  let fx: Fixture;
  let periodId: string;
  const users: Record<string, AuthUser> = {};
  const expectA: Expected[] = [];
  const expectB: Expected[] = [];
  const expectUnit: Expected[] = [];

  const expectItem = (
    list: Expected[],
    kind: Notification['kind'],
    entityType: Notification['entityType'],
    row: { id: string; orgId: string; level?: string },
    title: string,
    dueAt: Date,
  ) => {
    // Only alerts carry their level (a risk point's level is another thing).
    const alertLevel = entityType === 'RiskAlert' ? (row.level as Notification['alertLevel']) : undefined;
    const urgent = alertLevel !== undefined && URGENT.includes(alertLevel);
    const severity = urgent || kind.endsWith('_OVERDUE') ? 'HIGH' : 'MEDIUM';
    const level = alertLevel ? { alertLevel } : {};
    list.push({
      kind,
      severity,
      entityType,
      entityId: row.id,
      orgId: row.orgId,
      title,
      dueAt: dueAt.toISOString(),
      ...level,
    });
  };

  // `deadline` is when the task falls due: the end of its due day. The row stores the due day's
  // start (dueAt), as the assignments API does, so dueAt = deadline − 1 day.
  async function task(orgId: string, title: string, data: Record<string, unknown>) {
    const { dueAt, ...rest } = data;
    const stored = dueAt instanceof Date ? { dueAt: new Date(dueAt.getTime() - DAY) } : {};
    return ctx.prisma.assignment.create({
      data: { periodId, orgId, ownerId: fx.users.leader, kind: 'TASK', task: title, ...stored, ...rest },
    });
  }

  async function alert(
    orgId: string,
    summary: string,
    data: Pick<Prisma.RiskAlertUncheckedCreateInput, 'registeredAt' | 'reportDueAt'> &
      Partial<Prisma.RiskAlertUncheckedCreateInput>,
  ) {
    return ctx.prisma.riskAlert.create({
      data: { orgId, level: 'LEVEL_2', source: '网络巡查', summary, lastEventAt: NOW, ...data },
    });
  }

  const pick = (list: Notification[]): Expected[] =>
    list.map(({ kind, severity, entityType, entityId, orgId, title, dueAt, alertLevel }) => ({
      kind,
      severity,
      entityType,
      entityId,
      orgId,
      title,
      dueAt,
      ...(alertLevel ? { alertLevel } : {}),
    }));
  /** Urgent alerts first, then by deadline (an alert's 逾期 before its 催办 at the same time), then by id. */
  const sorted = (list: Expected[]) =>
    [...list].sort(
      (a, b) =>
        Number(!URGENT.includes(a.alertLevel ?? '')) - Number(!URGENT.includes(b.alertLevel ?? '')) ||
        Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? '') ||
        a.kind.localeCompare(b.kind) ||
        a.entityId.localeCompare(b.entityId),
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    fx = await seedFixture(ctx.prisma);
    // The street's own duties (its calendar, ADR 045) are the bell's too; their boundaries are
    // tested in duties.test.ts. Switched off here, so these lists hold the branches' records only.
    await dutiesOff(ctx, fx.streetId);
    const street = `/${fx.streetId}/`;
    const paths: Record<string, [string, string]> = {
      leader: [fx.streetId, street],
      auditor: [fx.streetId, street],
      admin: [fx.streetId, street],
      secA: [fx.branchAId, `${street}${fx.branchAId}/`],
      secB: [fx.branchBId, `${street}${fx.branchBId}/`],
    };
    for (const [name, [orgId, orgPath]] of Object.entries(paths)) {
      const row = await ctx.prisma.user.findUniqueOrThrow({ where: { username: name } });
      users[name] = {
        id: row.id,
        username: name,
        displayName: name,
        role: row.role,
        orgId,
        orgPath,
        sessionId: 'test',
      };
    }
    periodId = (
      await ctx.prisma.period.create({
        data: {
          kind: 'HALF',
          year: 2026,
          index: 1,
          name: '2026年上半年',
          startsAt: new Date('2025-12-31T16:00:00Z'),
          endsAt: new Date('2026-06-30T16:00:00Z'),
        },
      })
    ).id;
    const A = fx.branchAId;
    const B = fx.branchBId;

    // Tasks: overdue 1 ms ago; due exactly now (overdue from its deadline on, as the task list says:
    // assignments/overdue.ts); due exactly at the end of the
    // soon window; 1 ms beyond it; done; not a task; without a due date; rule satisfied; rule not.
    expectItem(
      expectA,
      'TASK_OVERDUE',
      'Assignment',
      await task(A, '任务-逾期', { dueAt: at(-MS) }),
      '任务-逾期',
      at(-MS),
    );
    expectItem(
      expectA,
      'TASK_OVERDUE',
      'Assignment',
      await task(A, '任务-此刻到期', { dueAt: NOW }),
      '任务-此刻到期',
      NOW,
    );
    expectItem(
      expectA,
      'TASK_DUE_SOON',
      'Assignment',
      await task(A, '任务-三天后到期', { dueAt: at(3 * DAY) }),
      '任务-三天后到期',
      at(3 * DAY),
    );
    await task(A, '任务-三天后多1毫秒', { dueAt: at(3 * DAY + MS) });
    await task(A, '任务-已完成', { dueAt: at(-DAY), status: 'DONE' });
    await task(A, '分管领域', { dueAt: at(-DAY), kind: 'AREA', area: '网络意识形态' });
    await task(A, '任务-无期限', {});
    await ctx.prisma.activity.create({
      data: {
        orgId: A,
        category: 'RED_SONGS',
        title: '红歌会',
        occurredAt: new Date('2026-03-01T02:00:00Z'),
        participants: 20,
      },
    });
    await task(A, '任务-规则已达成', {
      dueAt: at(-2 * DAY),
      rule: { metric: 'ACTIVITY', min: 1, per: 'PERIOD', eachChild: false },
    });
    expectItem(
      expectA,
      'TASK_OVERDUE',
      'Assignment',
      await task(A, '任务-规则未达成', {
        dueAt: at(-2 * DAY),
        rule: { metric: 'PARTY_LECTURE', min: 1, per: 'PERIOD', eachChild: false },
      }),
      '任务-规则未达成',
      at(-2 * DAY),
    );
    expectItem(
      expectB,
      'TASK_OVERDUE',
      'Assignment',
      await task(B, '乙-任务逾期', { dueAt: at(-4 * DAY) }),
      '乙-任务逾期',
      at(-4 * DAY),
    );

    // Alerts: not reported and late; due exactly now (to report, not late); a new 一级 alert just
    // registered with its one-hour clock (in the bell at once, issue 16); a 三级 one with most of its
    // clock left (MEDIUM); reported; 退回 (counts as unreported).
    expectItem(
      expectA,
      'ALERT_OVERDUE',
      'RiskAlert',
      await alert(A, '舆情-研判后逾期', { state: 'ASSESSED', registeredAt: at(-6 * HOUR), reportDueAt: at(-MS) }),
      '舆情-研判后逾期',
      at(-MS),
    );
    expectItem(
      expectA,
      'ALERT_TO_REPORT',
      'RiskAlert',
      await alert(A, '舆情-此刻到期', { registeredAt: at(-3 * HOUR), reportDueAt: NOW }),
      '舆情-此刻到期',
      NOW,
    );
    expectItem(
      expectA,
      'ALERT_TO_REPORT',
      'RiskAlert',
      await alert(A, '舆情-一级刚登记', { level: 'LEVEL_1', registeredAt: NOW, reportDueAt: at(HOUR) }),
      '舆情-一级刚登记',
      at(HOUR),
    );
    expectItem(
      expectA,
      'ALERT_TO_REPORT',
      'RiskAlert',
      await alert(A, '舆情-三级刚登记', { level: 'LEVEL_3', registeredAt: at(-HOUR), reportDueAt: at(11 * HOUR) }),
      '舆情-三级刚登记',
      at(11 * HOUR),
    );
    await alert(A, '舆情-已报送', { state: 'REPORTED', registeredAt: at(-DAY), reportDueAt: at(-HOUR) });
    expectItem(
      expectUnit,
      'ALERT_OVERDUE',
      'RiskAlert',
      await alert(fx.branchAUnitId, '舆情-退回逾期', {
        state: 'RETURNED',
        registeredAt: at(-DAY),
        reportDueAt: at(-HOUR),
      }),
      '舆情-退回逾期',
      at(-HOUR),
    );
    // 催办: no event for more than 24 h (1 ms more; exactly 24 h is not yet); closed ones never.
    expectItem(
      expectA,
      'ALERT_URGE',
      'RiskAlert',
      await alert(A, '舆情-待催办', {
        state: 'HANDLING',
        registeredAt: at(-3 * DAY),
        reportDueAt: at(-2 * DAY),
        lastEventAt: at(-DAY - MS),
      }),
      '舆情-待催办',
      at(-MS),
    );
    await alert(A, '舆情-恰好24小时', {
      state: 'HANDLING',
      registeredAt: at(-3 * DAY),
      reportDueAt: at(-2 * DAY),
      lastEventAt: at(-DAY),
    });
    await alert(A, '舆情-已办结', {
      state: 'CLOSED',
      registeredAt: at(-9 * DAY),
      reportDueAt: at(-8 * DAY),
      lastEventAt: at(-7 * DAY),
    });
    const lateB = await alert(B, '乙-舆情逾期且久未处理', {
      registeredAt: at(-3 * DAY),
      reportDueAt: at(-2 * DAY),
      lastEventAt: at(-3 * DAY),
    });
    expectItem(expectB, 'ALERT_OVERDUE', 'RiskAlert', lateB, '乙-舆情逾期且久未处理', at(-2 * DAY));
    expectItem(expectB, 'ALERT_URGE', 'RiskAlert', lateB, '乙-舆情逾期且久未处理', at(-2 * DAY));

    // Risk points: check past due; due exactly at the end of the window; 1 ms beyond; never scheduled.
    const point = (orgId: string, name: string, nextCheckDueAt: Date | null) =>
      ctx.prisma.riskPoint.create({ data: { orgId, name, type: 'WEBSITE', level: 'MEDIUM', nextCheckDueAt } });
    expectItem(
      expectA,
      'RISK_CHECK_DUE',
      'RiskPoint',
      await point(A, '阵地-排查逾期', at(-5 * DAY)),
      '阵地-排查逾期',
      at(-5 * DAY),
    );
    expectItem(
      expectA,
      'RISK_CHECK_DUE',
      'RiskPoint',
      await point(A, '阵地-三天后', at(3 * DAY)),
      '阵地-三天后',
      at(3 * DAY),
    );
    await point(A, '阵地-三天后多1毫秒', at(3 * DAY + MS));
    await point(A, '阵地-未排期', null);
    expectItem(expectB, 'RISK_CHECK_DUE', 'RiskPoint', await point(B, '乙-阵地', at(DAY)), '乙-阵地', at(DAY));

    // 阵地 gone stale (ADR 049, 14 days for an online type): NOW is 12:00 on 06-15 in Shanghai.
    // Updated 15 days ago: red since 00:00 on 06-15 (16:00Z the day before), a check is due;
    // 14 days ago: not yet; 15 days ago but checked since it turned red: the check is done;
    // checked before it turned red: still due; a 宣传栏 publishes nothing and never goes stale.
    const position = (orgId: string, name: string, data: Partial<Prisma.RiskPointUncheckedCreateInput>) =>
      ctx.prisma.riskPoint.create({ data: { orgId, name, level: 'MEDIUM', type: 'WECHAT_ACCOUNT', ...data } });
    const turnedRed = new Date('2026-06-14T16:00:00.000Z');
    expectItem(
      expectA,
      'POSITION_STALE',
      'RiskPoint',
      await position(A, '公众号-15天未更新', { lastUpdatedAt: at(-15 * DAY) }),
      '公众号-15天未更新',
      turnedRed,
    );
    await position(A, '公众号-14天未更新', { lastUpdatedAt: at(-14 * DAY) });
    await position(A, '公众号-已检查', { lastUpdatedAt: at(-15 * DAY), lastCheckedAt: turnedRed });
    expectItem(
      expectB,
      'POSITION_STALE',
      'RiskPoint',
      await position(B, '乙-视频号-检查在变红前', {
        type: 'VIDEO_ACCOUNT',
        lastUpdatedAt: at(-15 * DAY),
        lastCheckedAt: new Date(turnedRed.getTime() - MS),
      }),
      '乙-视频号-检查在变红前',
      turnedRed,
    );
    await position(B, '乙-宣传栏', { type: 'BULLETIN_BOARD', lastUpdatedAt: at(-60 * DAY) });

    // Rectifications: past the deadline by 1 ms; deadline exactly now (not yet); done.
    const rect = (orgId: string, problem: string, deadlineAt: Date, status: 'OPEN' | 'IN_PROGRESS' | 'DONE') =>
      ctx.prisma.rectification.create({ data: { orgId, problem, source: 'SELF_CHECK', deadlineAt, status } });
    expectItem(
      expectA,
      'RECTIFICATION_OVERDUE',
      'Rectification',
      await rect(A, '整改-逾期', at(-MS), 'IN_PROGRESS'),
      '整改-逾期',
      at(-MS),
    );
    await rect(A, '整改-此刻到期', NOW, 'OPEN');
    await rect(A, '整改-已完成', at(-DAY), 'DONE');
    expectItem(
      expectB,
      'RECTIFICATION_OVERDUE',
      'Rectification',
      await rect(B, '乙-整改逾期', at(-3 * DAY), 'OPEN'),
      '乙-整改逾期',
      at(-3 * DAY),
    );
  });
  afterAll(() => ctx?.close());

  it('a secretary sees every kind due in their branch subtree, each at its boundary, soonest first', async () => {
    const list = await listNotifications(ctx.prisma, users.secA as AuthUser, NOW);
    const expected = sorted([...expectA, ...expectUnit]);
    expect(pick(list.items)).toEqual(expected);
    expect(list.count).toBe(expected.length);
    expect(list.items.every((i) => i.orgName === (i.orgId === fx.branchAId ? '甲村党支部' : '甲村第一党小组'))).toBe(
      true,
    );
  });

  it("another branch's secretary sees none of it, only their own", async () => {
    const list = await listNotifications(ctx.prisma, users.secB as AuthUser, NOW);
    expect(pick(list.items)).toEqual(sorted(expectB));
    expect(list.count).toBe(expectB.length);
  });

  it.each(['auditor', 'leader', 'admin'])('the %s sees every branch', async (who) => {
    const list = await listNotifications(ctx.prisma, users[who] as AuthUser, NOW);
    const expected = sorted([...expectA, ...expectUnit, ...expectB]);
    expect(pick(list.items)).toEqual(expected);
    expect(list.count).toBe(expected.length);
  });

  it('a rule task leaves the list once its records are in', async () => {
    const lecture = await ctx.prisma.activity.create({
      data: {
        orgId: fx.branchAId,
        category: 'PARTY_LECTURE',
        title: '书记讲党课',
        occurredAt: new Date('2026-04-01T02:00:00Z'),
        participants: 30,
      },
    });
    const list = await listNotifications(ctx.prisma, users.secA as AuthUser, NOW);
    expect(list.items.map((i) => i.title)).not.toContain('任务-规则未达成');
    expect(list.count).toBe(expectA.length + expectUnit.length - 1);
    await ctx.prisma.activity.delete({ where: { id: lecture.id } });
  });

  it('caps the list at the soonest 200 while the count stays the full number', async () => {
    const cId = crypto.randomUUID();
    await ctx.prisma.orgUnit.create({
      data: {
        id: cId,
        code: 'S-C',
        name: '丙社区党支部',
        kind: 'COMMUNITY_BRANCH',
        parentId: fx.streetId,
        path: `/${fx.streetId}/${cId}/`,
      },
    });
    await ctx.prisma.rectification.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        orgId: cId,
        problem: `丙-整改${i}`,
        source: 'SELF_CHECK' as const,
        deadlineAt: at(-(i + 1) * HOUR),
      })),
    });
    await ctx.prisma.riskPoint.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        orgId: cId,
        name: `丙-阵地${i}`,
        type: 'VENUE' as const,
        level: 'LOW' as const,
        nextCheckDueAt: at(-(200 + i) * HOUR),
      })),
    });
    const secC: AuthUser = { ...(users.secA as AuthUser), orgId: cId, orgPath: `/${fx.streetId}/${cId}/` };
    const list = await listNotifications(ctx.prisma, secC, NOW);
    expect(list.count).toBe(210);
    expect(list.items).toHaveLength(NOTIFICATIONS_CAP);
    const due = list.items.map((i) => Date.parse(i.dueAt ?? ''));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    // The 10 left out are the latest: the rectifications due 1–10 h ago (every risk point is earlier).
    expect(list.items.at(-1)?.dueAt).toBe(at(-11 * HOUR).toISOString());
    const leader = await listNotifications(ctx.prisma, users.leader as AuthUser, NOW);
    expect(leader.count).toBe(210 + expectA.length + expectUnit.length + expectB.length);
    expect(leader.items).toHaveLength(NOTIFICATIONS_CAP);

    // A new 一级 alert, due later than all of them, is first in the list, never cut off by the cap.
    const urgent = await ctx.prisma.riskAlert.create({
      data: {
        orgId: cId,
        level: 'LEVEL_1',
        source: '网络巡查',
        summary: '丙-一级舆情',
        registeredAt: NOW,
        reportDueAt: at(HOUR),
        lastEventAt: NOW,
      },
    });
    const withUrgent = await listNotifications(ctx.prisma, secC, NOW);
    expect(withUrgent.count).toBe(211);
    expect(withUrgent.items).toHaveLength(NOTIFICATIONS_CAP);
    expect(withUrgent.items[0]).toMatchObject({
      kind: 'ALERT_TO_REPORT',
      entityId: urgent.id,
      severity: 'HIGH',
      alertLevel: 'LEVEL_1',
    });
  });
});

describe('GET /api/notifications', () => {
  let ctx: TestContext;
  let fx: Fixture;
  const cookies: Record<string, string> = {};
  let taskA: string;
  let alertB: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    fx = await seedFixture(ctx.prisma);
    // The street's own duties (its calendar, ADR 045) are the bell's too; their boundaries are
    // tested in duties.test.ts. Switched off here, so these lists hold the branches' records only.
    await dutiesOff(ctx, fx.streetId);
    for (const u of ['admin', 'leader', 'auditor', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);
    // Far from any boundary, relative to the real clock the route uses.
    const now = Date.now();
    const period = await ctx.prisma.period.create({
      data: {
        kind: 'YEAR',
        year: 2000,
        index: 1,
        name: '2000年',
        startsAt: new Date(0),
        endsAt: new Date(now + 400 * DAY),
      },
    });
    taskA = (
      await ctx.prisma.assignment.create({
        data: {
          periodId: period.id,
          orgId: fx.branchAId,
          ownerId: fx.users.secA,
          kind: 'TASK',
          task: '甲村-制定意识形态工作方案',
          dueAt: new Date(now - 10 * DAY),
        },
      })
    ).id;
    alertB = (
      await ctx.prisma.riskAlert.create({
        data: {
          orgId: fx.branchBId,
          level: 'LEVEL_4',
          source: '网络巡查',
          summary: '乙社区-舆情未报送',
          registeredAt: new Date(now - 12 * DAY),
          reportDueAt: new Date(now - 10 * DAY),
          lastEventAt: new Date(now - 12 * DAY),
        },
      })
    ).id;
  });
  afterAll(() => ctx?.close());

  const get = (who: string) =>
    ctx.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: cookies[who] ?? '' } });
  const ids = (res: { json: () => { items: Notification[] } }) =>
    res.json().items.map((i) => `${i.kind}:${i.entityId}`);

  it('answers a secretary their own branch only', async () => {
    const a = await get('secA');
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual({
      items: [
        {
          kind: 'TASK_OVERDUE',
          severity: 'HIGH',
          entityType: 'Assignment',
          entityId: taskA,
          orgId: fx.branchAId,
          orgName: '甲村党支部',
          title: '甲村-制定意识形态工作方案',
          dueAt: expect.any(String),
        },
      ],
      count: 1,
    });
    const b = await get('secB');
    // 催办 was due 24 h after the last event (11 days ago), before the report (10 days ago).
    expect(ids(b)).toEqual([`ALERT_URGE:${alertB}`, `ALERT_OVERDUE:${alertB}`]);
    expect(b.json().count).toBe(2);
  });

  it.each(['auditor', 'leader', 'admin'])('answers the %s every branch', async (who) => {
    const res = await get(who);
    expect(res.statusCode).toBe(200);
    expect(new Set(ids(res))).toEqual(
      new Set([`TASK_OVERDUE:${taskA}`, `ALERT_OVERDUE:${alertB}`, `ALERT_URGE:${alertB}`]),
    );
    expect(res.json().count).toBe(3);
  });

  it('refuses a signed-out request with 401', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});
