// Periods, targets and frequency rules: leadership sets them, everyone with target:read reads
// them within reach; rules expand to required counts per period.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { COUNTED_METRIC_KEYS } from '@dutyboard/contracts/metrics';
import { periodFromCode } from '@dutyboard/contracts/periods';
import type { PrismaClient } from '@dutyboard/db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../src/services/auth/sessions.ts';
import { listRules, targetsOf } from '../src/services/plan/targets.ts';
import { addDistrict, type Fixture, type LevelsFixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['admin', 'leader', 'auditor', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const send = (who: string, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] ?? '', ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

interface Row {
  metric: string;
  orgId: string;
  value: number | null;
  ruleRequired: number | null;
  effective: number | null;
  effectiveFrom: string | null;
  ruleFrom: { ruleId: string; orgId: string; overrides: boolean } | null;
  targetId: string | null;
  version: number | null;
}
async function targets(who: string, period: string, org?: string) {
  const res = await send(who, 'GET', `/api/targets?period=${period}${org ? `&org=${org}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { orgs: { id: string; name: string }[]; items: Row[]; period: { code: string } };
}
const rowOf = (answer: { items: Row[] }, orgId: string, metric: string) => {
  const row = answer.items.find((r) => r.orgId === orgId && r.metric === metric);
  if (!row) throw new Error(`no row ${metric} @ ${orgId}`);
  return row;
};
const writes = async () => ({
  targets: await ctx.prisma.target.count(),
  rules: await ctx.prisma.frequencyRule.count(),
  audits: await ctx.prisma.auditEvent.count({ where: { entityType: { in: ['Target', 'FrequencyRule'] } } }),
});

describe('periods', () => {
  it('lists a year, its halves and its quarters with names and Shanghai bounds', async () => {
    const res = await send('secA', 'GET', '/api/periods?year=2026');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string; startsAt: string; endsAt: string }[];
    expect(items.map((p) => [p.code, p.name])).toEqual([
      ['2026', '2026年全年'],
      ['2026-H1', '2026年上半年'],
      ['2026-H2', '2026年下半年'],
      ['2026-Q1', '2026年第一季度'],
      ['2026-Q2', '2026年第二季度'],
      ['2026-Q3', '2026年第三季度'],
      ['2026-Q4', '2026年第四季度'],
    ]);
    expect(items[2]).toMatchObject({ startsAt: '2026-06-30T16:00:00.000Z', endsAt: '2026-12-31T16:00:00.000Z' });
    // Listing creates nothing.
    expect(await ctx.prisma.period.count()).toBe(0);
  });

  it('refuses a bad year and a signed-out caller', async () => {
    expect((await send('leader', 'GET', '/api/periods?year=abc')).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/periods' })).statusCode).toBe(401);
  });
});

describe('targets', () => {
  it('answers every counted metric for the org and its direct children, empty at first', async () => {
    const answer = await targets('leader', '2026-H1', fx.streetId);
    expect(answer.period.code).toBe('2026-H1');
    expect(answer.orgs.map((o) => o.name)).toEqual(['测试街道党工委', '甲村党支部', '乙社区党支部']);
    expect(answer.items).toHaveLength(3 * COUNTED_METRIC_KEYS.length);
    expect(answer.items.every((r) => r.value === null && r.ruleRequired === null && r.effective === null)).toBe(true);
  });

  it('a leader sets a target (the period row is created), then changes it with If-Match; all audited', async () => {
    const first = await send('leader', 'PUT', '/api/targets', {
      period: '2026-H1',
      orgId: fx.streetId,
      metric: 'ACTIVITY',
      value: 70,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    const created = first.json() as Row;
    expect(created).toMatchObject({ metric: 'ACTIVITY', orgId: fx.streetId, value: 70, effective: 70, version: 1 });
    const period = await ctx.prisma.period.findUniqueOrThrow({
      where: { kind_year_index: { kind: 'HALF', year: 2026, index: 1 } },
    });
    expect(period.name).toBe('2026年上半年');
    const stored = await ctx.prisma.target.findUniqueOrThrow({ where: { id: created.targetId ?? '' } });
    expect(stored).toMatchObject({ periodId: period.id, value: 70, version: 1 });
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: stored.id, action: 'CREATE' } });
    expect(audit).toMatchObject({ actorId: fx.users.leader, entityType: 'Target', orgId: fx.streetId });
    expect(audit.after).toMatchObject({ value: 70, metric: 'ACTIVITY', period: '2026-H1' });

    const second = await send(
      'leader',
      'PUT',
      '/api/targets',
      { period: '2026-H1', orgId: fx.streetId, metric: 'ACTIVITY', value: 75 },
      { 'if-match': '"1"' },
    );
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ value: 75, version: 2, targetId: stored.id });
    const update = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: stored.id, action: 'UPDATE' } });
    expect(update.before).toMatchObject({ value: 70 });
    expect(update.after).toMatchObject({ value: 75 });
    expect(rowOf(await targets('leader', '2026-H1', fx.streetId), fx.streetId, 'ACTIVITY')).toMatchObject({
      value: 75,
      effective: 75,
      version: 2,
    });
    // Another period is separate.
    expect(rowOf(await targets('leader', '2026-H2', fx.streetId), fx.streetId, 'ACTIVITY').value).toBeNull();
  });

  it('a stale If-Match is refused with 412 and changes nothing', async () => {
    const before = await writes();
    const res = await send(
      'leader',
      'PUT',
      '/api/targets',
      { period: '2026-H1', orgId: fx.streetId, metric: 'ACTIVITY', value: 1 },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(412);
    expect(res.json().error.code).toBe('PRECONDITION_FAILED');
    // If-Match on a target that does not exist yet is stale too.
    const missing = await send(
      'leader',
      'PUT',
      '/api/targets',
      { period: '2026-H1', orgId: fx.branchBId, metric: 'PUBLICITY', value: 1 },
      { 'if-match': '"3"' },
    );
    expect(missing.statusCode).toBe(412);
    expect(await writes()).toEqual(before);
    expect(rowOf(await targets('leader', '2026-H1', fx.streetId), fx.streetId, 'ACTIVITY').value).toBe(75);
  });

  it('validates the value, the metric and the period', async () => {
    const before = await writes();
    const res = await send('leader', 'PUT', '/api/targets', {
      period: '2026-H3',
      orgId: fx.streetId,
      metric: 'ASSIGNMENT_DONE',
      value: 100_001,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['period', 'metric', 'value']));
    expect(
      (
        await send('leader', 'PUT', '/api/targets', {
          period: '2026-H1',
          orgId: fx.streetId,
          metric: 'ACTIVITY',
          value: -1,
        })
      ).statusCode,
    ).toBe(400);
    expect(await writes()).toEqual(before);
  });

  it('deleting a target leaves the rule-derived figure as the effective one', async () => {
    const set = await send('leader', 'PUT', '/api/targets', {
      period: '2026-H1',
      orgId: fx.branchAId,
      metric: 'BRANCH_STUDY',
      value: 9,
    });
    const id = (set.json() as Row).targetId ?? '';
    const stale = await send('leader', 'DELETE', `/api/targets/${id}`, undefined, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    const del = await send('leader', 'DELETE', `/api/targets/${id}`, undefined, { 'if-match': '"1"' });
    expect(del.statusCode).toBe(200);
    expect(await ctx.prisma.target.findUnique({ where: { id } })).toBeNull();
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'DELETE' } });
    expect(audit.before).toMatchObject({ value: 9, metric: 'BRANCH_STUDY', period: '2026-H1' });
    expect((await send('leader', 'DELETE', `/api/targets/${id}`)).statusCode).toBe(404);
  });

  it.each(['secA', 'auditor', 'admin'])('%s may read targets but not set or delete them', async (who) => {
    const target = await ctx.prisma.target.findFirstOrThrow();
    const before = await writes();
    const put = await send(who, 'PUT', '/api/targets', {
      period: '2026-H1',
      orgId: fx.branchAId,
      metric: 'ACTIVITY',
      value: 5,
    });
    expect(put.statusCode).toBe(403);
    expect(put.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '没有执行此操作的权限', key: 'auth.forbidden', params: {} },
    });
    expect((await send(who, 'DELETE', `/api/targets/${target.id}`)).statusCode).toBe(403);
    expect(await writes()).toEqual(before);
    expect((await send(who, 'GET', `/api/targets?period=2026-H1&org=${fx.branchAId}`)).statusCode).toBe(200);
  });

  it('a secretary reads their own branch and its sub-units, never another branch or the street', async () => {
    const own = await targets('secA', '2026-H1');
    expect(own.orgs.map((o) => o.id)).toEqual([fx.branchAId, fx.branchAUnitId]);
    for (const org of [fx.branchBId, fx.streetId]) {
      const res = await send('secA', 'GET', `/api/targets?period=2026-H1&org=${org}`);
      expect(res.statusCode).toBe(404);
    }
  });
});

describe('frequency rules', () => {
  let monthlyId: string;
  let lectureId: string;

  it('a leader adds rules; they expand to required counts (monthly 1 → 6 in a half, 3 in a quarter)', async () => {
    const monthly = await send('leader', 'POST', '/api/target-rules', {
      metric: 'CENTRAL_GROUP_STUDY',
      orgId: fx.streetId,
      eachChild: false,
      frequency: 'MONTHLY',
      times: 1,
      note: '中心组每月学习一次',
    });
    expect(monthly.statusCode, monthly.body).toBe(201);
    monthlyId = monthly.json().id;
    expect(monthly.json()).toMatchObject({ orgName: '测试街道党工委', frequency: 'MONTHLY', times: 1, version: 1 });
    const lecture = await send('leader', 'POST', '/api/target-rules', {
      metric: 'PARTY_LECTURE',
      orgId: fx.streetId,
      eachChild: true,
      frequency: 'QUARTERLY',
      times: 1,
    });
    expect(lecture.statusCode).toBe(201);
    lectureId = lecture.json().id;
    expect(await ctx.prisma.auditEvent.count({ where: { entityType: 'FrequencyRule', action: 'CREATE' } })).toBe(2);

    const h1 = await targets('leader', '2026-H1', fx.streetId);
    expect(rowOf(h1, fx.streetId, 'CENTRAL_GROUP_STUDY')).toMatchObject({ value: null, ruleRequired: 6, effective: 6 });
    expect(rowOf(h1, fx.branchAId, 'CENTRAL_GROUP_STUDY').ruleRequired).toBeNull();
    // "Each branch" applies to the children, not to the street itself.
    expect(rowOf(h1, fx.streetId, 'PARTY_LECTURE').ruleRequired).toBeNull();
    expect(rowOf(h1, fx.branchAId, 'PARTY_LECTURE')).toMatchObject({ ruleRequired: 2, effective: 2 });
    expect(rowOf(h1, fx.branchBId, 'PARTY_LECTURE')).toMatchObject({ ruleRequired: 2, effective: 2 });
    const q1 = await targets('leader', '2026-Q1', fx.streetId);
    expect(rowOf(q1, fx.streetId, 'CENTRAL_GROUP_STUDY').ruleRequired).toBe(3);
    expect(rowOf(await targets('leader', '2026', fx.streetId), fx.streetId, 'CENTRAL_GROUP_STUDY').ruleRequired).toBe(
      12,
    );
  });

  it('an explicit target wins over the rules; the rule figure stays visible beside it', async () => {
    await send('leader', 'PUT', '/api/targets', {
      period: '2026-H1',
      orgId: fx.branchAId,
      metric: 'PARTY_LECTURE',
      value: 5,
    });
    const row = rowOf(await targets('leader', '2026-H1', fx.streetId), fx.branchAId, 'PARTY_LECTURE');
    expect(row).toMatchObject({ value: 5, ruleRequired: 2, effective: 5 });
    // A branch's own rule overrides its parent's "each branch" rule (ADR 038: the nearest decides, no sum).
    const own = await send('leader', 'POST', '/api/target-rules', {
      metric: 'PARTY_LECTURE',
      orgId: fx.branchBId,
      eachChild: false,
      frequency: 'HALF_YEARLY',
      times: 1,
    });
    expect(rowOf(await targets('secB', '2026-H1'), fx.branchBId, 'PARTY_LECTURE')).toMatchObject({
      ruleRequired: 1,
      effectiveFrom: 'RULE',
      ruleFrom: { ruleId: own.json().id, orgId: fx.branchBId, overrides: true },
    });
  });

  it('a second rule for the same metric, org and reach is a 409 naming the metric', async () => {
    const before = await writes();
    const res = await send('leader', 'POST', '/api/target-rules', {
      metric: 'CENTRAL_GROUP_STUDY',
      orgId: fx.streetId,
      eachChild: false,
      frequency: 'QUARTERLY',
      times: 2,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', details: { fields: [{ field: 'metric' }] } });
    expect(await writes()).toEqual(before);
  });

  it('lists the rules of an org: its own and below, plus the parent rules that apply to it', async () => {
    const street = await send('auditor', 'GET', `/api/target-rules?org=${fx.streetId}`);
    expect(street.statusCode).toBe(200);
    expect(street.json().items).toHaveLength(3);
    const branchA = await send('secA', 'GET', '/api/target-rules');
    expect(branchA.json().items.map((r: { id: string }) => r.id)).toEqual([lectureId]);
    expect((await send('secA', 'GET', `/api/target-rules?org=${fx.branchBId}`)).statusCode).toBe(404);
  });

  it('changes a rule with If-Match (stale → 412) and deletes it, audited', async () => {
    const ok = await send('leader', 'PATCH', `/api/target-rules/${monthlyId}`, { times: 2 }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ times: 2, version: 2 });
    expect(
      rowOf(await targets('leader', '2026-H1', fx.streetId), fx.streetId, 'CENTRAL_GROUP_STUDY').ruleRequired,
    ).toBe(12);
    const stale = await send('leader', 'PATCH', `/api/target-rules/${monthlyId}`, { times: 3 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await send('leader', 'PATCH', `/api/target-rules/${monthlyId}`, { metric: 'SEMINAR' })).statusCode).toBe(
      400,
    );
    const del = await send('leader', 'DELETE', `/api/target-rules/${monthlyId}`, undefined, { 'if-match': '"2"' });
    expect(del.statusCode).toBe(200);
    expect(await ctx.prisma.frequencyRule.findUnique({ where: { id: monthlyId } })).toBeNull();
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: monthlyId, action: 'DELETE' } });
    expect(audit.before).toMatchObject({ metric: 'CENTRAL_GROUP_STUDY', times: 2 });
    expect(
      rowOf(await targets('leader', '2026-H1', fx.streetId), fx.streetId, 'CENTRAL_GROUP_STUDY').ruleRequired,
    ).toBeNull();
  });

  it.each(['secA', 'auditor', 'admin'])('%s cannot add, change or delete rules', async (who) => {
    const before = await writes();
    const post = await send(who, 'POST', '/api/target-rules', {
      metric: 'SEMINAR',
      orgId: fx.branchAId,
      eachChild: false,
      frequency: 'YEARLY',
      times: 1,
    });
    expect(post.statusCode).toBe(403);
    expect((await send(who, 'PATCH', `/api/target-rules/${lectureId}`, { times: 5 })).statusCode).toBe(403);
    expect((await send(who, 'DELETE', `/api/target-rules/${lectureId}`)).statusCode).toBe(403);
    expect(await writes()).toEqual(before);
  });

  it('refuses a rule with too many times or an unknown field', async () => {
    const res = await send('leader', 'POST', '/api/target-rules', {
      metric: 'SEMINAR',
      orgId: fx.streetId,
      eachChild: false,
      frequency: 'YEARLY',
      times: 1001,
      extra: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('times');
  });
});

describe('rules down the tree (ADR 038): a 区 rule for every 街道, with local overrides', () => {
  // A fresh database: the 区 goes above the street before anything is written (addDistrict).
  let d: TestContext;
  let dfx: Fixture;
  let lv: LevelsFixture;
  const dc: Record<string, string> = {};
  const call = (who: string, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    d.app.inject({
      method,
      url,
      headers: { cookie: dc[who] ?? '', ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const rowsOf = async (who: string, org: string) => {
    const res = await call(who, 'GET', `/api/targets?period=2026-H1&org=${org}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Row[] };
  };
  const kpiTarget = async (who: string, org: string) => {
    const res = await call(who, 'GET', `/api/dashboard?period=2026-H1&org=${org}`);
    expect(res.statusCode, res.body).toBe(200);
    const kpi = (res.json() as Dashboard).kpis.find((k) => k.metric === 'CENTRAL_GROUP_STUDY');
    return { target: kpi?.target, targetFrom: kpi?.targetFrom };
  };
  const ruleAudits = () => d.prisma.auditEvent.count({ where: { entityType: 'FrequencyRule' } });
  const everyStreet = {
    metric: 'CENTRAL_GROUP_STUDY',
    eachChild: true,
    level: 'STREET',
    frequency: 'QUARTERLY',
    times: 1,
  };
  let districtRuleId: string;

  beforeAll(async () => {
    d = await createTestContext();
    dfx = await seedFixture(d.prisma);
    lv = await addDistrict(d.prisma, dfx);
    for (const u of ['leader', 'dLeader', 'dReviewer', 's2Leader']) dc[u] = await login(d.app, u);
  });
  afterAll(() => d?.close());

  it('a 区 leader sets "每个街道 中心组学习 每季度 1 次": both streets require 2 in a half year, from the 区', async () => {
    const audits = await ruleAudits();
    const res = await call('dLeader', 'POST', '/api/target-rules', { ...everyStreet, orgId: lv.districtId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ orgId: lv.districtId, eachChild: true, level: 'STREET' });
    districtRuleId = res.json().id;
    expect(await ruleAudits()).toBe(audits + 1);
    const audit = await d.prisma.auditEvent.findFirstOrThrow({ where: { entityId: districtRuleId } });
    expect(audit).toMatchObject({ action: 'CREATE', orgId: lv.districtId, after: { level: 'STREET' } });

    const district = await rowsOf('dLeader', lv.districtId);
    const ruleFrom = { ruleId: districtRuleId, orgId: lv.districtId, orgName: '测试区委', overrides: false };
    for (const street of [dfx.streetId, lv.street2Id]) {
      expect(rowOf(district, street, 'CENTRAL_GROUP_STUDY')).toMatchObject({
        value: null,
        ruleRequired: 2,
        effective: 2,
        effectiveFrom: 'RULE',
        ruleFrom,
      });
    }
    // The 区 itself has no rule or target: the sum of its streets', marked as such.
    expect(rowOf(district, lv.districtId, 'CENTRAL_GROUP_STUDY')).toMatchObject({
      ruleRequired: null,
      effective: 4,
      effectiveFrom: 'CHILDREN',
    });
    // The rule reaches streets, not their branches.
    expect(rowOf(await rowsOf('leader', dfx.streetId), dfx.branchAId, 'CENTRAL_GROUP_STUDY').effective).toBeNull();
    // Each street's own leader sees it, and its dashboard measures against it.
    expect(rowOf(await rowsOf('s2Leader', lv.street2Id), lv.street2Id, 'CENTRAL_GROUP_STUDY').ruleFrom).toMatchObject(
      ruleFrom,
    );
    expect(await kpiTarget('leader', dfx.streetId)).toEqual({ target: 2, targetFrom: 'RULE' });
    expect(await kpiTarget('s2Leader', lv.street2Id)).toEqual({ target: 2, targetFrom: 'RULE' });
    expect(await kpiTarget('dLeader', lv.districtId)).toEqual({ target: 4, targetFrom: 'CHILDREN' });
  });

  it("lists the 区's rule to a street under it, not a rule a street cannot be reached by", async () => {
    const res = await call('s2Leader', 'GET', '/api/target-rules');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([districtRuleId]);
  });

  it("a street's own rule overrides the 区's for that street only", async () => {
    const own = await call('leader', 'POST', '/api/target-rules', {
      metric: 'CENTRAL_GROUP_STUDY',
      orgId: dfx.streetId,
      eachChild: false,
      frequency: 'MONTHLY',
      times: 1,
    });
    expect(own.statusCode, own.body).toBe(201);
    const district = await rowsOf('dLeader', lv.districtId);
    expect(rowOf(district, dfx.streetId, 'CENTRAL_GROUP_STUDY')).toMatchObject({
      ruleRequired: 6,
      ruleFrom: { ruleId: own.json().id, orgId: dfx.streetId, overrides: true },
    });
    expect(rowOf(district, lv.street2Id, 'CENTRAL_GROUP_STUDY')).toMatchObject({
      ruleRequired: 2,
      ruleFrom: { ruleId: districtRuleId },
    });
    expect(rowOf(district, lv.districtId, 'CENTRAL_GROUP_STUDY').effective).toBe(8);
    expect(await kpiTarget('leader', dfx.streetId)).toEqual({ target: 6, targetFrom: 'RULE' });
    expect(await kpiTarget('s2Leader', lv.street2Id)).toEqual({ target: 2, targetFrom: 'RULE' });
  });

  it("a street leader cannot change the 区's rule nor set one on a sibling street", async () => {
    const audits = await ruleAudits();
    expect((await call('leader', 'PATCH', `/api/target-rules/${districtRuleId}`, { times: 5 })).statusCode).toBe(404);
    expect((await call('leader', 'DELETE', `/api/target-rules/${districtRuleId}`)).statusCode).toBe(404);
    // A write to an org chosen in a form and out of reach is a 403 saying so (loadWritableOrg).
    for (const orgId of [lv.street2Id, lv.districtId]) {
      const res = await call('leader', 'POST', '/api/target-rules', { ...everyStreet, orgId, level: null });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.key).toBe('auth.outOfReach');
    }
    expect(await ruleAudits()).toBe(audits);
    expect(await d.prisma.frequencyRule.findUniqueOrThrow({ where: { id: districtRuleId } })).toMatchObject({
      times: 1,
      version: 1,
    });
  });

  it('a 区 reviewer reads the rules but cannot write them', async () => {
    const audits = await ruleAudits();
    expect((await call('dReviewer', 'GET', '/api/target-rules')).statusCode).toBe(200);
    const post = await call('dReviewer', 'POST', '/api/target-rules', {
      ...everyStreet,
      orgId: lv.districtId,
      level: 'BRANCH',
    });
    expect(post.statusCode).toBe(403);
    expect((await call('dReviewer', 'PATCH', `/api/target-rules/${districtRuleId}`, { times: 5 })).statusCode).toBe(
      403,
    );
    expect((await call('dReviewer', 'DELETE', `/api/target-rules/${districtRuleId}`)).statusCode).toBe(403);
    expect(await ruleAudits()).toBe(audits);
  });

  it('refuses a level that is not below the org, naming the level field', async () => {
    const audits = await ruleAudits();
    for (const [who, orgId, level] of [
      ['dLeader', lv.districtId, 'DISTRICT'],
      ['dLeader', lv.districtId, 'CITY'],
      ['leader', dfx.streetId, 'STREET'],
    ] as const) {
      const res = await call(who, 'POST', '/api/target-rules', { ...everyStreet, orgId, level });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.fields).toEqual([expect.objectContaining({ field: 'level', code: 'not_below' })]);
      expect(res.json().error.details.fields[0].key).toBe('plan.ruleLevelNotBelow');
    }
    const self = await call('dLeader', 'POST', '/api/target-rules', {
      ...everyStreet,
      orgId: lv.districtId,
      eachChild: false,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details.fields[0]).toMatchObject({ field: 'level', key: 'plan.ruleLevelNeedsEachChild' });
    expect(await ruleAudits()).toBe(audits);
  });

  it('reads every rule that applies in one query however many children (25 streets)', async () => {
    const more = Array.from({ length: 23 }, (_, i) => {
      const id = crypto.randomUUID();
      return {
        id,
        code: `S-X${i}`,
        name: `街道${i}`,
        kind: 'STREET_COMMITTEE' as const,
        parentId: lv.districtId,
        path: `/${lv.districtId}/${id}/`,
      };
    });
    await d.prisma.orgUnit.createMany({ data: more });
    let queries = 0;
    const counting = d.prisma.$extends({
      query: {
        async $allOperations({ args, query }) {
          queries += 1;
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    const district = await d.prisma.orgUnit.findUniqueOrThrow({ where: { id: lv.districtId } });
    const children = await d.prisma.orgUnit.findMany({ where: { parentId: lv.districtId } });
    expect(children).toHaveLength(25);
    const answer = await targetsOf(counting, periodFromCode('2026-H1'), district, children);
    // The targets and the rules: two reads, not one per org.
    expect(queries).toBe(2);
    expect(
      answer.items.filter((r) => r.metric === 'CENTRAL_GROUP_STUDY' && r.ruleFrom?.orgId === lv.districtId),
    ).toHaveLength(24);
    queries = 0;
    const row = await d.prisma.user.findUniqueOrThrow({ where: { username: 's2Leader' }, include: { org: true } });
    const user: AuthUser = { ...row, orgPath: row.org.path, sessionId: 'test' };
    const rules = await listRules(counting, user);
    // The org, then its subtree's and its ancestors' rules in one read.
    expect(queries).toBe(2);
    expect(rules.map((r) => r.orgId)).toContain(lv.districtId);
  });

  it('one rule per reach: the same level again is a 409, each-child beside it is another reach', async () => {
    const again = await call('dLeader', 'POST', '/api/target-rules', { ...everyStreet, orgId: lv.districtId });
    expect(again.statusCode).toBe(409);
    const eachChild = await call('dLeader', 'POST', '/api/target-rules', {
      ...everyStreet,
      orgId: lv.districtId,
      level: null,
      times: 3,
    });
    expect(eachChild.statusCode, eachChild.body).toBe(201);
    const plain = await call('dLeader', 'POST', '/api/target-rules', {
      ...everyStreet,
      orgId: lv.districtId,
      level: null,
    });
    expect(plain.statusCode).toBe(409);
    // In one source each-child beats by-level: street2 now needs 3 a quarter → 6.
    const district = await rowsOf('dLeader', lv.districtId);
    expect(rowOf(district, lv.street2Id, 'CENTRAL_GROUP_STUDY')).toMatchObject({
      ruleRequired: 6,
      ruleFrom: { ruleId: eachChild.json().id, overrides: true },
    });
  });
});
