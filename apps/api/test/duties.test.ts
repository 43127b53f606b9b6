// The calendar of duties (issue 19 part A, ADR 045): due days from the defaults and from duty
// rules at each reach (the nearest decides), the states at the Shanghai day boundaries, the org's
// own records only, each-below duty lines, the drill list equal to what was counted, the bell's
// DUTY_DUE / DUTY_OVERDUE boundaries, and who may read and write.
import { DUTIES, type DutyCalendar, type DutyLine } from '@dutyboard/contracts/duties';
import type { NotificationList } from '@dutyboard/contracts/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../src/services/auth/sessions.ts';
import { dutyLines, getDutyCalendar } from '../src/services/duties/calendar.ts';
import { listNotifications } from '../src/services/notifications/notifications.ts';
import { addDistrict, type Fixture, type LevelsFixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let lv: LevelsFixture;
const c: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  lv = await addDistrict(ctx.prisma, fx);
  for (const u of ['leader', 'secA', 'auditor', 'dLeader', 'dReviewer', 's2Leader']) c[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = {}) =>
  ctx.app.inject({ method, url, headers: { cookie: c[who] ?? '', ...headers }, ...(payload ? { payload } : {}) });

async function authUser(username: string): Promise<AuthUser> {
  const u = await ctx.prisma.user.findUniqueOrThrow({ where: { username }, include: { org: true } });
  return {
    id: u.id,
    username,
    displayName: u.displayName,
    role: u.role,
    orgId: u.orgId,
    orgPath: u.org.path,
    sessionId: 'test',
  };
}

/** Instants written as Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);

/** A 阵地 of the org with a check (排查) made at `at`, on time: one RISK_POINT_CHECK record. */
async function check(orgId: string, at: Date): Promise<string> {
  const point = await ctx.prisma.riskPoint.create({
    data: { orgId, name: `阵地${at.toISOString()}`, type: 'WECHAT_ACCOUNT', level: 'MEDIUM' },
  });
  const row = await ctx.prisma.riskPointCheck.create({
    data: { riskPointId: point.id, orgId, checkedAt: at, result: 'NORMAL', onTime: true },
  });
  return row.id;
}

async function calendar(who: string, orgId: string, now: Date, below = false): Promise<DutyCalendar> {
  return getDutyCalendar(ctx.prisma, await authUser(who), { org: orgId, year: 2026, below: below ? '1' : '0' }, now);
}

const inspections = (cal: DutyCalendar, orgId: string) =>
  cal.items.filter((l) => l.kind === 'POSITION_INSPECTION' && l.forOrgId === orgId);
const line = (cal: DutyCalendar, orgId: string, window: string): DutyLine => {
  const found = inspections(cal, orgId).find((l) => l.window === window);
  if (!found) throw new Error(`no line ${window} for ${orgId}`);
  return found;
};

describe('due days and rules down the tree', () => {
  it('a 街道 and a 区 owe the quarterly 阵地 inspection by default, due on each quarter’s last day; a branch owes none', async () => {
    const cal = await calendar('dLeader', lv.districtId, sh('2026-01-10T12:00:00'), true);
    expect(inspections(cal, fx.streetId).map((l) => [l.window, l.dueOn, l.required, l.ruleFrom])).toEqual([
      ['2026-Q1', '2026-03-31', 1, null],
      ['2026-Q2', '2026-06-30', 1, null],
      ['2026-Q3', '2026-09-30', 1, null],
      ['2026-Q4', '2026-12-31', 1, null],
    ]);
    expect(inspections(cal, lv.districtId)).toHaveLength(4);
    const branch = await calendar('leader', fx.branchAId, sh('2026-01-10T12:00:00'));
    expect(branch.items).toEqual([]);
  });

  it('a rule for every 街道, then one for each child, then the 街道’s own: the nearest decides, fields it leaves empty keep the default', async () => {
    const byLevel = await call('dLeader', 'POST', '/api/duty-rules', {
      kind: 'POSITION_INSPECTION',
      orgId: lv.districtId,
      eachChild: true,
      level: 'STREET',
      dueOn: ['03-15', '06-15', '09-15', '12-15'],
    });
    expect(byLevel.statusCode, byLevel.body).toBe(201);
    let cal = await calendar('leader', fx.streetId, sh('2026-01-10T12:00:00'));
    expect(inspections(cal, fx.streetId).map((l) => l.dueOn)).toEqual([
      '2026-03-15',
      '2026-06-15',
      '2026-09-15',
      '2026-12-15',
    ]);
    expect(inspections(cal, fx.streetId)[0]?.ruleFrom).toMatchObject({ ruleId: byLevel.json().id, level: 'STREET' });
    // The 区's own line is not reached by a rule for the level below it.
    const district = await calendar('dLeader', lv.districtId, sh('2026-01-10T12:00:00'));
    expect(inspections(district, lv.districtId)[0]?.dueOn).toBe('2026-03-31');

    const eachChild = await call('dLeader', 'POST', '/api/duty-rules', {
      kind: 'POSITION_INSPECTION',
      orgId: lv.districtId,
      eachChild: true,
      required: 2,
    });
    expect(eachChild.statusCode, eachChild.body).toBe(201);
    cal = await calendar('leader', fx.streetId, sh('2026-01-10T12:00:00'));
    expect(inspections(cal, fx.streetId).map((l) => [l.dueOn, l.required])).toEqual([
      ['2026-03-31', 2],
      ['2026-06-30', 2],
      ['2026-09-30', 2],
      ['2026-12-31', 2],
    ]);
    expect(inspections(cal, fx.streetId)[0]?.ruleFrom).toMatchObject({ ruleId: eachChild.json().id, overrides: true });

    const own = await call('leader', 'POST', '/api/duty-rules', {
      kind: 'POSITION_INSPECTION',
      orgId: fx.streetId,
      eachChild: false,
      off: true,
    });
    expect(own.statusCode, own.body).toBe(201);
    cal = await calendar('leader', fx.streetId, sh('2026-01-10T12:00:00'));
    expect(inspections(cal, fx.streetId)).toEqual([]);

    // Back to the defaults for the tests below; every change was audited.
    for (const r of [own, eachChild, byLevel]) {
      const del = await call(r === own ? 'leader' : 'dLeader', 'DELETE', `/api/duty-rules/${r.json().id}`, undefined, {
        'if-match': '"1"',
      });
      expect(del.statusCode, del.body).toBe(200);
    }
    const audited = await ctx.prisma.auditEvent.findMany({ where: { entityType: 'DutyRule' } });
    expect(audited.map((a) => a.action).sort()).toEqual(['CREATE', 'CREATE', 'CREATE', 'DELETE', 'DELETE', 'DELETE']);
  });

  it('refuses due days outside their windows, a second rule on one reach, a stale version and a secretary', async () => {
    const bad = await call('dLeader', 'POST', '/api/duty-rules', {
      kind: 'POSITION_INSPECTION',
      orgId: lv.districtId,
      eachChild: true,
      dueOn: ['04-15', '06-15', '09-15', '12-15'],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('dueOn');
    const first = await call('dLeader', 'POST', '/api/duty-rules', {
      kind: 'POSITION_INSPECTION',
      orgId: lv.districtId,
      eachChild: true,
      required: 3,
    });
    expect(first.statusCode).toBe(201);
    const again = await call('dLeader', 'POST', '/api/duty-rules', {
      kind: 'POSITION_INSPECTION',
      orgId: lv.districtId,
      eachChild: true,
      required: 4,
    });
    expect(again.statusCode).toBe(409);
    const id = first.json().id as string;
    const patched = await call('dLeader', 'PATCH', `/api/duty-rules/${id}`, { required: 1 }, { 'if-match': '"1"' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().version).toBe(2);
    const stale = await call('dLeader', 'PATCH', `/api/duty-rules/${id}`, { required: 2 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const secretary = await call('secA', 'POST', '/api/duty-rules', {
      kind: 'POSITION_INSPECTION',
      orgId: fx.branchAId,
      eachChild: false,
      required: 2,
    });
    expect(secretary.statusCode).toBe(403);
    expect(
      (await call('dLeader', 'DELETE', `/api/duty-rules/${id}`, undefined, { 'if-match': '"2"' })).statusCode,
    ).toBe(200);
  });
});

describe('states at the Shanghai day boundaries, own records only', () => {
  let q1: string;
  let late: string;
  beforeAll(async () => {
    q1 = await check(fx.streetId, sh('2026-03-31T23:59:00'));
    // Q2's first day after its due day is Q3's first: it fulfils Q3, not Q2.
    late = await check(fx.streetId, sh('2026-07-01T00:00:00'));
    // A branch's check is the branch's, never its 街道's.
    await check(fx.branchAId, sh('2026-11-02T10:00:00'));
  });

  it('a check at 23:59 on the due day is DONE; none by the due day is NOT_STARTED until the next 00:00, then LATE and overdue', async () => {
    const before = await calendar('leader', fx.streetId, sh('2026-06-30T23:59:59'));
    expect(line(before, fx.streetId, '2026-Q1')).toMatchObject({
      state: 'DONE',
      overdue: false,
      done: 1,
      doneByDue: 1,
    });
    expect(line(before, fx.streetId, '2026-Q2')).toMatchObject({ state: 'NOT_STARTED', overdue: false, done: 0 });
    const after = await calendar('leader', fx.streetId, sh('2026-07-01T00:00:00'));
    expect(line(after, fx.streetId, '2026-Q2')).toMatchObject({ state: 'LATE', overdue: true, done: 0 });
    expect(line(after, fx.streetId, '2026-Q3')).toMatchObject({ state: 'DONE', done: 1 });
  });

  it('a record dated ahead fulfils nothing until its time: one minute before it, the line is NOT_STARTED', async () => {
    const ahead = await calendar('leader', fx.streetId, sh('2026-03-31T23:58:59'));
    expect(line(ahead, fx.streetId, '2026-Q1')).toMatchObject({ state: 'NOT_STARTED', done: 0, doneByDue: 0 });
    const at = await calendar('leader', fx.streetId, sh('2026-03-31T23:59:00'));
    expect(line(at, fx.streetId, '2026-Q1')).toMatchObject({ state: 'DONE', done: 1, doneByDue: 1 });
  });

  it('a check the day after an earlier due day is LATE, not overdue (done late)', async () => {
    const rule = await call('leader', 'POST', '/api/duty-rules', {
      kind: 'POSITION_INSPECTION',
      orgId: fx.streetId,
      eachChild: false,
      dueOn: ['03-30', '06-15', '09-15', '12-15'],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const cal = await calendar('leader', fx.streetId, sh('2026-04-02T09:00:00'));
    expect(line(cal, fx.streetId, '2026-Q1')).toMatchObject({
      dueOn: '2026-03-30',
      state: 'LATE',
      overdue: false,
      done: 1,
      doneByDue: 0,
    });
    await call('leader', 'DELETE', `/api/duty-rules/${rule.json().id}`, undefined, { 'if-match': '"1"' });
  });

  it("a branch's check does not fulfil its 街道's own duty", async () => {
    const cal = await calendar('leader', fx.streetId, sh('2026-12-07T12:00:00'));
    expect(line(cal, fx.streetId, '2026-Q4')).toMatchObject({ done: 0, state: 'NOT_STARTED' });
  });

  it('the drill lists exactly the records counted: the org’s own, in the window', async () => {
    const cal = await calendar('leader', fx.streetId, sh('2026-12-07T12:00:00'));
    for (const [window, ids] of [
      ['2026-Q1', [q1]],
      ['2026-Q3', [late]],
      ['2026-Q4', []],
    ] as const) {
      const l = line(cal, fx.streetId, window);
      const res = await call('leader', 'GET', `${l.drill.list}?${new URLSearchParams(l.drill.query)}`);
      expect(res.statusCode, res.body).toBe(200);
      const listed = (res.json().items as { id: string }[]).map((i) => i.id);
      expect(listed.sort()).toEqual([...ids].sort());
      expect(listed).toHaveLength(l.done);
    }
  });

  it('a duty owed for each org below: one line per branch, each fulfilled by that branch’s own records', async () => {
    const table = {
      ...DUTIES,
      POSITION_INSPECTION: { ...DUTIES.POSITION_INSPECTION, rhythm: 'YEAR', levels: ['STREET'], eachBelow: 'BRANCH' },
    } as const;
    const street = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: fx.streetId } });
    const lines = await dutyLines(ctx.prisma, [street], 2026, sh('2026-12-07T12:00:00'), {
      kinds: ['POSITION_INSPECTION'],
      table,
    });
    expect(lines.map((l) => [l.forOrgName, l.orgId, l.done]).sort()).toEqual(
      [
        ['甲村党支部', fx.streetId, 1],
        ['甲村第一党小组', fx.streetId, 0],
        ['乙社区党支部', fx.streetId, 0],
      ].sort(),
    );
    const a = lines.find((l) => l.forOrgId === fx.branchAId);
    // The year's records up to today (12-07), as counted; the line still names the whole window.
    expect(a?.drill.query).toMatchObject({ org: fx.branchAId, own: 'true', from: '2026-01-01', to: '2026-12-07' });
    expect(a).toMatchObject({ windowFrom: '2026-01-01', windowTo: '2026-12-31' });
  });

  it('answers a summary per kind for the window containing now', async () => {
    const cal = await calendar('leader', fx.streetId, sh('2026-08-01T12:00:00'));
    expect(cal.summary).toContainEqual({
      kind: 'POSITION_INSPECTION',
      orgId: fx.streetId,
      window: '2026-Q3',
      required: 1,
      done: 1,
      lines: 1,
      linesDone: 1,
    });
  });
});

describe('the bell', () => {
  const dutyItems = async (who: string, now: Date) => {
    const list: NotificationList = await listNotifications(ctx.prisma, await authUser(who), now);
    return list.items.filter((i) => i.ref?.startsWith('POSITION_INSPECTION:2026-Q1'));
  };

  it('DUTY_DUE from 7 days before the due day’s end, DUTY_OVERDUE from the next 00:00, to the org’s leaders only', async () => {
    expect(await dutyItems('dLeader', sh('2026-03-24T23:59:59.999'))).toEqual([]);
    const due = await dutyItems('dLeader', sh('2026-03-25T00:00:00'));
    expect(due.map((i) => [i.kind, i.entityType, i.entityId, i.dueAt])).toEqual([
      ['DUTY_DUE', 'DutyCalendar', lv.districtId, sh('2026-03-31T23:59:59.999').toISOString()],
    ]);
    expect((await dutyItems('dLeader', sh('2026-03-31T23:59:59.999')))[0]?.kind).toBe('DUTY_DUE');
    expect((await dutyItems('dLeader', sh('2026-04-01T00:00:00')))[0]?.kind).toBe('DUTY_OVERDUE');
    expect(await dutyItems('dReviewer', sh('2026-04-01T00:00:00'))).toEqual([]);
    // A duty done is never in the bell: the 街道's Q1 check came on its due day.
    expect(await dutyItems('leader', sh('2026-04-01T00:00:00'))).toEqual([]);
  });

  it('keeps last year’s overdue duties in the bell through January, not after', async () => {
    const q4 = async (now: Date) =>
      (await listNotifications(ctx.prisma, await authUser('dLeader'), now)).items.filter((i) =>
        i.ref?.startsWith('POSITION_INSPECTION:2026-Q4'),
      );
    expect((await q4(sh('2027-01-31T12:00:00'))).map((i) => i.kind)).toEqual(['DUTY_OVERDUE']);
    expect(await q4(sh('2027-02-02T12:00:00'))).toEqual([]);
  });
});

describe('who may read', () => {
  it('every role reads the calendar of an org it reaches; another 街道 or a branch’s secretary above her branch gets 404', async () => {
    for (const who of ['leader', 'auditor', 'dReviewer', 'dLeader']) {
      expect((await call(who, 'GET', `/api/duties/calendar?org=${fx.streetId}&year=2026`)).statusCode).toBe(200);
    }
    expect((await call('secA', 'GET', `/api/duties/calendar?org=${fx.branchAId}&year=2026`)).statusCode).toBe(200);
    expect((await call('secA', 'GET', `/api/duties/calendar?org=${fx.streetId}`)).statusCode).toBe(404);
    expect((await call('s2Leader', 'GET', `/api/duties/calendar?org=${fx.streetId}`)).statusCode).toBe(404);
    expect((await call('anon', 'GET', `/api/duties/calendar?org=${fx.streetId}`)).statusCode).toBe(401);
  });

  it('a 区 reads its 街道s’ calendars beside its own with below=1', async () => {
    const res = await call('dLeader', 'GET', `/api/duties/calendar?org=${lv.districtId}&year=2026&below=1`);
    expect(res.statusCode).toBe(200);
    const cal = res.json() as DutyCalendar;
    expect(cal.orgs.map((o) => o.id)).toEqual(expect.arrayContaining([lv.districtId, fx.streetId, lv.street2Id]));
    expect(new Set(cal.items.map((l) => l.orgId))).toEqual(new Set([lv.districtId, fx.streetId, lv.street2Id]));
  });
});
