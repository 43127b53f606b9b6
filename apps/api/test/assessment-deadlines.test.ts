// 考核 deadlines and readings (issue 18 part D, ADR 044): the bell's 考核 kinds at their Shanghai
// day boundaries and by role and reach; DEADLINE rules due on a day (the day's 23:59 counts, the
// next day's 00:00 does not); the entries and uploads a period took, on the return.
import type { AssessmentReturn, Campaign } from '@dutyboard/contracts/assessment-campaigns';
import type { Scheme, SchemeProposals } from '@dutyboard/contracts/assessments';
import type { NotificationList } from '@dutyboard/contracts/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../src/services/auth/sessions.ts';
import { listNotifications } from '../src/services/notifications/notifications.ts';
import { addDistrict, type Fixture, type LevelsFixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let lv: LevelsFixture;
const c: Record<string, string> = {};
const PERIOD = '2026-H2';

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  lv = await addDistrict(ctx.prisma, fx);
  for (const u of ['leader', 'secA', 'dLeader', 'dReviewer', 's2Leader']) c[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = {}) =>
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

const tree = (name: string, rule: object, period = PERIOD) => ({
  org: lv.districtId,
  level: 'STREET',
  period,
  name,
  total: 100,
  categories: [
    {
      title: '组织领导',
      items: [
        { title: '按时报送', points: 40, rule, evidence: '记录', scorer: 'COMPUTED' },
        { title: '阵地管理', points: 60, rule: { type: 'MANUAL' }, evidence: '检查记录', scorer: 'REVIEWER' },
      ],
    },
  ],
});

async function scheme(name: string, rule: object, period = PERIOD): Promise<Scheme> {
  const res = await call('dLeader', 'POST', '/api/assessment-schemes', tree(name, rule, period));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function act(who: string, id: string, what: 'self' | 'review' | 'steps', body: object) {
  const now = await ctx.prisma.assessmentReturn.findUniqueOrThrow({ where: { id } });
  const res = await call(who, what === 'steps' ? 'POST' : 'PUT', `/api/assessment-returns/${id}/${what}`, body, {
    'if-match': `"${now.version}"`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Promise<AssessmentReturn>;
}

const kindsOf = (list: NotificationList, entityId: string) =>
  list.items.filter((i) => i.entityId === entityId).map((i) => i.kind);

describe('deadlines in the bell', () => {
  let cmp: Campaign;
  let own: string;
  let sibling: string;
  let keys: { computed: string; manual: string };

  beforeAll(async () => {
    const s = await scheme('提醒', { type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2026-12' });
    const res = await call('dLeader', 'POST', '/api/assessment-campaigns', {
      scheme: s.id,
      selfDueOn: '2026-12-10',
      reviewDueOn: '2026-12-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    cmp = res.json();
    own = cmp.returns.find((r) => r.orgId === fx.streetId)?.id ?? '';
    sibling = cmp.returns.find((r) => r.orgId === lv.street2Id)?.id ?? '';
    const items = (await ctx.prisma.assessmentReturn.findUniqueOrThrow({ where: { id: own } })).items as {
      key: string;
    }[];
    const [computed, manual] = items.map((i) => i.key);
    keys = { computed: computed ?? '', manual: manual ?? '' };
  });

  it('the unit leader sees its 自评 from NOTIFY_SOON_DAYS before the day, overdue from the next 00:00 Shanghai', async () => {
    const leader = await authUser('leader');
    const at = async (local: string) => kindsOf(await listNotifications(ctx.prisma, leader, sh(local)), own);
    expect(await at('2026-12-07T23:59:59.999')).toEqual([]);
    expect(await at('2026-12-08T00:00:00')).toEqual(['ASSESSMENT_SELF_DUE']);
    expect(await at('2026-12-10T23:59:59.999')).toEqual(['ASSESSMENT_SELF_DUE']);
    expect(await at('2026-12-11T00:00:00')).toEqual(['ASSESSMENT_SELF_OVERDUE']);
    const list = await listNotifications(ctx.prisma, leader, sh('2026-12-11T00:00:00'));
    const item = list.items.find((i) => i.entityId === own);
    expect(item).toMatchObject({
      entityType: 'AssessmentReturn',
      severity: 'HIGH',
      orgId: fx.streetId,
      title: cmp.name,
      // Shown as the due day's last moment ("截止 12-10 23:59"), overdue from the next 00:00.
      dueAt: sh('2026-12-10T23:59:59.999').toISOString(),
    });
  });

  it('a branch secretary is reminded of her 支部’s 自评 when the 街道 scores its branches', async () => {
    const branchScheme = await call('leader', 'POST', '/api/assessment-schemes', {
      ...tree('支部提醒', {
        type: 'COUNT',
        figure: 'CENTRAL_GROUP_STUDY',
        required: 1,
        per: 'PERIOD',
        method: 'PROPORTIONAL',
      }),
      org: fx.streetId,
      level: 'BRANCH',
    });
    expect(branchScheme.statusCode, branchScheme.body).toBe(201);
    const opened = await call('leader', 'POST', '/api/assessment-campaigns', {
      scheme: branchScheme.json().id,
      selfDueOn: '2026-12-10',
      reviewDueOn: '2026-12-20',
      units: [fx.branchAId],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const branchReturn = (opened.json() as Campaign).returns[0]?.id ?? '';
    const at = sh('2026-12-09T12:00:00');
    expect(kindsOf(await listNotifications(ctx.prisma, await authUser('secA'), at), branchReturn)).toEqual([
      'ASSESSMENT_SELF_DUE',
    ]);
    expect(kindsOf(await listNotifications(ctx.prisma, await authUser('secB'), at), branchReturn)).toEqual([]);
  });

  it('only the unit itself is reminded of its 自评: not a sibling street, a secretary or the 区', async () => {
    const late = sh('2026-12-12T00:00:00');
    const s2 = await listNotifications(ctx.prisma, await authUser('s2Leader'), late);
    expect(kindsOf(s2, own)).toEqual([]);
    expect(kindsOf(s2, sibling)).toEqual(['ASSESSMENT_SELF_OVERDUE']);
    expect(kindsOf(await listNotifications(ctx.prisma, await authUser('leader'), late), sibling)).toEqual([]);
    for (const who of ['secA', 'dLeader', 'dReviewer']) {
      const list = await listNotifications(ctx.prisma, await authUser(who), late);
      expect([who, kindsOf(list, own)]).toEqual([who, []]);
    }
  });

  it('a submitted return reminds the 区 reviewer and leader near reviewDueOn, and leaves the unit', async () => {
    await act('leader', own, 'self', { items: [{ key: keys.manual, score: 50, note: '自评说明' }] });
    await act('leader', own, 'steps', { to: 'SUBMITTED' });
    const leader = await authUser('leader');
    expect(kindsOf(await listNotifications(ctx.prisma, leader, sh('2026-12-12T00:00:00')), own)).toEqual([]);
    for (const who of ['dReviewer', 'dLeader']) {
      const u = await authUser(who);
      const at = async (local: string) => kindsOf(await listNotifications(ctx.prisma, u, sh(local)), own);
      expect([who, await at('2026-12-17T23:59:59.999')]).toEqual([who, []]);
      expect([who, await at('2026-12-18T00:00:00')]).toEqual([who, ['ASSESSMENT_REVIEW_DUE']]);
      expect([who, await at('2026-12-20T23:59:59.999')]).toEqual([who, ['ASSESSMENT_REVIEW_DUE']]);
      expect([who, await at('2026-12-21T00:00:00')]).toEqual([who, ['ASSESSMENT_REVIEW_OVERDUE']]);
    }
    // The sibling street's leader and a branch secretary do not reach the issuing 区.
    for (const who of ['s2Leader', 'secA']) {
      const list = await listNotifications(ctx.prisma, await authUser(who), sh('2026-12-21T00:00:00'));
      expect([who, kindsOf(list, own)]).toEqual([who, []]);
    }
  });

  it('a reviewed return waits for the 区 leader, not the reviewer; a confirmed one leaves the bell', async () => {
    await act('dReviewer', own, 'review', {
      items: [
        { key: keys.computed, decision: 'AGREE' },
        { key: keys.manual, decision: 'CHANGE', score: 45, reason: '材料不全' },
      ],
    });
    const early = sh('2026-12-01T00:00:00');
    expect(kindsOf(await listNotifications(ctx.prisma, await authUser('dLeader'), early), own)).toEqual([]);
    await act('dReviewer', own, 'steps', { to: 'REVIEWED' });
    expect(kindsOf(await listNotifications(ctx.prisma, await authUser('dLeader'), early), own)).toEqual([
      'ASSESSMENT_TO_CONFIRM',
    ]);
    expect(kindsOf(await listNotifications(ctx.prisma, await authUser('dReviewer'), early), own)).toEqual([]);

    // The same through the API, as the bell reads it.
    const res = await call('dLeader', 'GET', '/api/notifications');
    expect(res.statusCode).toBe(200);
    const item = (res.json() as NotificationList).items.find((i) => i.entityId === own);
    expect(item).toMatchObject({ kind: 'ASSESSMENT_TO_CONFIRM', entityType: 'AssessmentReturn', severity: 'MEDIUM' });

    await act('dLeader', own, 'steps', { to: 'CONFIRMED' });
    const late = sh('2027-01-10T00:00:00');
    for (const who of ['dLeader', 'dReviewer', 'leader']) {
      expect([who, kindsOf(await listNotifications(ctx.prisma, await authUser(who), late), own)]).toEqual([who, []]);
    }
  });
});

describe('DEADLINE by day', () => {
  const seminar = (orgId: string, local: string) =>
    ctx.prisma.studySession.create({
      data: { orgId, kind: 'SEMINAR', topic: `研讨${local}`, occurredAt: sh(local), topicCategory: 'THEORY' },
    });
  const proposal = async (s: Scheme, org: string) => {
    const res = await call('dLeader', 'GET', `/api/assessment-schemes/${s.id}/proposals?org=${org}`);
    expect(res.statusCode, res.body).toBe(200);
    const item = (res.json() as SchemeProposals).items.find((i) => i.ruleType === 'DEADLINE');
    return { done: item?.done, proposed: item?.proposed, drill: item?.drill?.query };
  };

  it('counts a record at 23:59 of the due day and not one at 00:00 the next day', async () => {
    const s = await scheme(
      '按日截止',
      { type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2027-06', dueOn: '2027-06-20' },
      '2027-H1',
    );
    // In a branch of the sibling street (its subtree counts): the next day's 00:00 first.
    await seminar(lv.branchCId, '2027-06-21T00:00:00');
    expect(await proposal(s, lv.street2Id)).toEqual({
      done: 0,
      proposed: 0,
      drill: expect.objectContaining({ from: '2027-01-01', to: '2027-06-20' }),
    });
    await seminar(lv.branchCId, '2027-06-20T23:59:59.999');
    expect(await proposal(s, lv.street2Id)).toMatchObject({ done: 1, proposed: 40 });
    // Earlier months come from the rollups and add up with the due month's days.
    await seminar(lv.street2Id, '2027-02-03T10:00:00');
    expect(await proposal(s, lv.street2Id)).toMatchObject({ done: 2, proposed: 40 });
    // A record of another street never counts for this one.
    expect(await proposal(s, fx.streetId)).toMatchObject({ done: 0, proposed: 0 });
  });

  it('the month form still means the whole month', async () => {
    const s = await scheme('按月截止', { type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2027-06' }, '2027-H1');
    // Both June records above count (the 21st too): 3 in all for the sibling street.
    expect(await proposal(s, lv.street2Id)).toMatchObject({ done: 3, proposed: 40 });
  });

  it('refuses a due day outside its due month', async () => {
    const res = await call(
      'dLeader',
      'POST',
      '/api/assessment-schemes',
      tree('错日', { type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2027-06', dueOn: '2027-07-01' }, '2027-H1'),
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('rule.dueOn');
  });
});

describe('entries and uploads the period took', () => {
  it('counts the records of the unit subtree dated in the period and the files attached to them, by kind', async () => {
    const s = await scheme('减负读数', { type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2028-06' }, '2028-H1');
    const res = await call('dLeader', 'POST', '/api/assessment-campaigns', {
      scheme: s.id,
      selfDueOn: '2028-07-10',
      reviewDueOn: '2028-07-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    const cmp: Campaign = res.json();
    const id = cmp.returns.find((r) => r.orgId === fx.streetId)?.id ?? '';
    const read = async () => {
      const r = await call('leader', 'GET', `/api/assessment-returns/${id}`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json() as AssessmentReturn).workload;
    };
    const before = await read();
    expect(before).toMatchObject({ from: '2028-01-01', to: '2028-06-30', entries: 0, uploads: 0 });

    const study = (orgId: string, local: string) =>
      ctx.prisma.studySession.create({
        data: { orgId, kind: 'CENTRAL_GROUP', topic: '学习', occurredAt: sh(local), topicCategory: 'THEORY' },
      });
    const file = (entityType: string, entityId: string, orgId: string) =>
      ctx.prisma.attachment.create({
        data: {
          entityType,
          entityId,
          fileName: 'a.jpg',
          mimeType: 'image/jpeg',
          size: 1,
          sha256: '0'.repeat(64),
          orgId,
        },
      });
    const inside = await study(fx.branchAUnitId, '2028-06-30T23:59:59.999');
    await file('StudySession', inside.id, fx.branchAUnitId);
    await file('StudySession', inside.id, fx.branchAUnitId);
    await study(fx.streetId, '2028-01-01T00:00:00');
    // Outside: the next period's first instant, the sibling street, a file on a record outside.
    const after = await study(fx.streetId, '2028-07-01T00:00:00');
    await file('StudySession', after.id, fx.streetId);
    await study(lv.street2Id, '2028-03-01T00:00:00');
    const act = await ctx.prisma.activity.create({
      data: {
        orgId: fx.branchBId,
        category: 'RED_SONGS',
        title: '活动',
        occurredAt: sh('2028-03-15T09:00:00'),
        participants: 3,
        location: '中心',
        description: '',
      },
    });
    await file('Activity', act.id, fx.branchBId);

    const w = await read();
    expect(w).toMatchObject({ entries: 3, uploads: 3 });
    expect(w.kinds.filter((k) => k.entries > 0 || k.uploads > 0)).toEqual([
      { type: 'Activity', entries: 1, uploads: 1 },
      { type: 'StudySession', entries: 2, uploads: 2 },
    ]);
  });
});
