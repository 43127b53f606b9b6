// 一会一报 through the API (ADR 048): lead days by Shanghai day at both boundaries, the approval
// chain taken in order by its own approvers only, send back and resubmit, an event held without
// approval flagged and counted, the figures against their drill lists, and a secretary's reach.
import { localDateToInstant, shanghaiLocalDate } from '@dutyboard/contracts/periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFiguresBetween } from '../src/services/rollups/exact-counts.ts';
import { countFigures } from '../src/services/rollups/rollups.ts';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};
const DAY_MS = 86_400_000;

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['admin', 'leader', 'auditor', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

type Who = 'admin' | 'leader' | 'auditor' | 'secA' | 'secB';

function send(
  who: Who,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  headers = {},
) {
  return ctx.app.inject({ method, url, payload, headers: { cookie: cookies[who] ?? '', ...headers } });
}

/** 10:00 Shanghai time, `days` calendar days after today's Shanghai date. */
function daysAhead(days: number): string {
  const today = localDateToInstant(shanghaiLocalDate(new Date()));
  return new Date(today.getTime() + days * DAY_MS + 10 * 3_600_000).toISOString();
}

function input(orgId: string, startsAt: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    kind: 'FORUM',
    topic: '基层理论宣讲论坛',
    outline: '一、学习贯彻全会精神；二、基层宣讲经验交流',
    speaker: '王教授',
    speakerEmployer: '区委党校',
    venue: '党群服务中心二楼会议室',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
    audienceSize: 60,
    foreignParticipants: false,
    vettingOpinion: '主讲人政治立场坚定，内容经支部审核无误',
    ...overrides,
  };
}

async function createEvent(who: Who, body: object): Promise<{ id: string; version: number }> {
  const res = await send(who, 'POST', '/api/event-approvals', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function step(who: Who, id: string, name: string, body: object, version?: number) {
  const headers = version === undefined ? {} : { 'if-match': `"${version}"` };
  return send(who, 'POST', `/api/event-approvals/${id}/${name}`, body, headers);
}

async function submitted(who: Who, body: object) {
  const { id } = await createEvent(who, body);
  const res = await step(who, id, 'submit', {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function bell(who: Who): Promise<{ kind: string; entityId: string }[]> {
  const res = await send(who, 'GET', '/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('lead days (default 3, Shanghai days)', () => {
  it('a submission exactly 3 days ahead is on time; 2 days ahead is accepted and flagged late', async () => {
    const onTime = await submitted('secA', input(fx.branchAId, daysAhead(3)));
    expect(onTime).toMatchObject({ state: 'SUBMITTED', late: false, flagged: false, leadDays: 3, currentStep: 0 });
    const late = await submitted('secA', input(fx.branchAId, daysAhead(2)));
    expect(late).toMatchObject({ state: 'SUBMITTED', late: true, flagged: true, leadDays: 3 });
  });

  it('the nearest rule up the path sets the lead days: 5 at the street makes 4 days late', async () => {
    const put = await send('leader', 'PUT', '/api/event-approval-rules', {
      orgId: fx.streetId,
      leadDays: 5,
      steps: [{ label: '街道分管领导', role: 'LEADER', level: 'STREET' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const rule = await send('secA', 'GET', `/api/event-approval-rules?org=${fx.branchAId}`);
    expect(rule.json()).toMatchObject({ leadDays: 5, sourceOrgId: fx.streetId });
    expect((await submitted('secA', input(fx.branchAId, daysAhead(5)))).late).toBe(false);
    expect((await submitted('secA', input(fx.branchAId, daysAhead(4)))).late).toBe(true);
    await ctx.prisma.eventApprovalRule.deleteMany({ where: { orgId: fx.streetId } });
  });

  it('only leadership sets a rule, and a rule names an approver at each step', async () => {
    const body = {
      orgId: fx.streetId,
      leadDays: 3,
      steps: [{ label: '支部书记', role: 'SECRETARY', level: 'BRANCH' }],
    };
    expect((await send('secA', 'PUT', '/api/event-approval-rules', body)).statusCode).toBe(403);
    const noApprover = await send('leader', 'PUT', '/api/event-approval-rules', {
      ...body,
      steps: [{ label: '只写了名字' }],
    });
    expect(noApprover.statusCode).toBe(400);
    expect(JSON.stringify(noApprover.json())).toContain('steps');
  });

  it('the form says what to fix: ends before it starts, foreign participants without details', async () => {
    const res = await send(
      'secA',
      'POST',
      '/api/event-approvals',
      input(fx.branchAId, daysAhead(5), { endsAt: daysAhead(4), foreignParticipants: true }),
    );
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.details.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['endsAt', 'foreignDetails']);
  });
});

describe('the approval chain', () => {
  beforeAll(async () => {
    // 社区书记 (the branch's secretary) → 街道分管领导.
    const put = await send('leader', 'PUT', '/api/event-approval-rules', {
      orgId: fx.streetId,
      leadDays: 3,
      steps: [
        { label: '社区书记', role: 'SECRETARY', level: 'BRANCH' },
        { label: '街道分管领导', role: 'LEADER', level: 'STREET' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
  });
  afterAll(() => ctx.prisma.eventApprovalRule.deleteMany({ where: { orgId: fx.streetId } }));

  it('steps are taken in order, each by its own approver; a skip or a repeat is 409, another user 403', async () => {
    const event = await submitted('secA', input(fx.branchAId, daysAhead(10)));
    expect(event.chain.map((s: { label: string }) => s.label)).toEqual(['社区书记', '街道分管领导']);
    expect((await bell('secA')).some((n) => n.kind === 'EVENT_TO_APPROVE' && n.entityId === event.id)).toBe(true);
    expect((await bell('leader')).some((n) => n.entityId === event.id)).toBe(false);

    // The leader may not skip ahead to step 2, nor take step 1 that is not theirs.
    const skip = await step('leader', event.id, 'decisions', { step: 1, decision: 'APPROVE', opinion: '同意' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.key).toBe('event.wrongStep');
    const notTheirs = await step('leader', event.id, 'decisions', { step: 0, decision: 'APPROVE', opinion: '同意' });
    expect(notTheirs.statusCode).toBe(403);
    // Branch B's secretary does not even see branch A's event.
    const outsider = await step('secB', event.id, 'decisions', { step: 0, decision: 'APPROVE', opinion: '同意' });
    expect(outsider.statusCode).toBe(404);
    // A stale If-Match is refused before anything else.
    const stale = await step('secA', event.id, 'decisions', { step: 0, decision: 'APPROVE', opinion: '同意' }, 1);
    expect(stale.statusCode).toBe(412);

    const first = await step('secA', event.id, 'decisions', { step: 0, decision: 'APPROVE', opinion: '同意举办' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ state: 'IN_REVIEW', currentStep: 1, mayDecide: false });
    const repeat = await step('secA', event.id, 'decisions', { step: 0, decision: 'APPROVE', opinion: '再次同意' });
    expect(repeat.statusCode).toBe(409);
    expect(repeat.json().error.details.reason).toBe('STEP_REPEATED');
    expect((await bell('leader')).some((n) => n.kind === 'EVENT_TO_APPROVE' && n.entityId === event.id)).toBe(true);
    expect((await bell('secA')).some((n) => n.entityId === event.id)).toBe(false);

    const last = await step('leader', event.id, 'decisions', {
      step: 1,
      decision: 'APPROVE',
      opinion: '同意，注意把关',
    });
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json()).toMatchObject({ state: 'APPROVED', currentStep: null, flagged: false });
    expect(last.json().decisions).toHaveLength(2);
    const after = await step('leader', event.id, 'decisions', { step: 1, decision: 'APPROVE', opinion: '同意' });
    expect(after.statusCode).toBe(409);

    const audit = await ctx.prisma.auditEvent.count({
      where: { entityType: 'EventApproval', entityId: event.id, action: 'TRANSITION' },
    });
    expect(audit).toBe(3);
  });

  it('a rejected event goes back to the submitter, is amended and starts the chain again', async () => {
    const event = await submitted('secA', input(fx.branchAId, daysAhead(10), { topic: '待修改的讲座' }));
    expect(
      (await send('secA', 'PATCH', `/api/event-approvals/${event.id}`, { topic: '审批中改题目' })).statusCode,
    ).toBe(409);
    await step('secA', event.id, 'decisions', { step: 0, decision: 'APPROVE', opinion: '同意' });
    const rejected = await step('leader', event.id, 'decisions', {
      step: 1,
      decision: 'REJECT',
      opinion: '主讲人单位需补充说明',
    });
    expect(rejected.json()).toMatchObject({ state: 'REJECTED', currentStep: null });
    const amended = await send('secA', 'PATCH', `/api/event-approvals/${event.id}`, { speakerEmployer: '市委党校' });
    expect(amended.statusCode, amended.body).toBe(200);
    const again = await step('secA', event.id, 'submit', {});
    expect(again.json()).toMatchObject({ state: 'SUBMITTED', round: 2, currentStep: 0, speakerEmployer: '市委党校' });
    expect(again.json().decisions).toHaveLength(2);
  });
});

describe('held events, flags and figures', () => {
  it('held without approval (never submitted) is flagged UNAPPROVED and counted; figures equal drills', async () => {
    const past = '2026-03-10T02:00:00Z';
    const unsubmitted = await createEvent('secB', input(fx.branchBId, past, { kind: 'LECTURE', topic: '未报批讲座' }));
    const early = await step('secB', unsubmitted.id, 'held', { heldNote: '如期举办，60人参加' });
    expect(early.statusCode, early.body).toBe(200);
    expect(early.json()).toMatchObject({ state: 'HELD', unapproved: true, flagged: true });
    expect((await step('secB', unsubmitted.id, 'held', { heldNote: '再登记一次' })).statusCode).toBe(409);

    // A future event cannot be recorded as held yet; a submitted one cannot be deleted.
    const future = await submitted('secB', input(fx.branchBId, daysAhead(20)));
    expect((await step('secB', future.id, 'held', { heldNote: '提前登记' })).statusCode).toBe(409);
    expect((await send('secB', 'DELETE', `/api/event-approvals/${future.id}`)).statusCode).toBe(409);

    // An approved one held afterwards: approved, not flagged (inserted as it stood, to date it in March).
    const approved = await createEvent(
      'secB',
      input(fx.branchBId, '2026-03-20T02:00:00Z', { topic: '已批准的报告会' }),
    );
    await ctx.prisma.eventApproval.update({
      where: { id: approved.id },
      data: { state: 'APPROVED', submittedAt: new Date('2026-03-01T02:00:00Z'), leadDays: 3 },
    });
    const held = await step('secB', approved.id, 'held', { heldNote: '按审批内容举办' });
    expect(held.json()).toMatchObject({ state: 'HELD', unapproved: false, flagged: false });

    const from = localDateToInstant('2026-03-01');
    const to = localDateToInstant('2026-04-01');
    const drill = async (query: string) => {
      const res = await send(
        'leader',
        'GET',
        `/api/event-approvals?org=${fx.streetId}&from=2026-03-01&to=2026-03-31&${query}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: string }[]; total: number };
    };
    const flagged = await drill('flagged=true');
    const ok = await drill('approved=true');
    expect(flagged.items.map((e) => e.id)).toEqual([unsubmitted.id]);
    expect(ok.items.map((e) => e.id)).toEqual([approved.id]);
    const exact = await countFiguresBetween(ctx.prisma, [
      { figure: 'EVENTS_UNAPPROVED', orgId: fx.streetId, from, to },
      { figure: 'EVENTS_APPROVED', orgId: fx.streetId, from, to },
    ]);
    const rolled = await countFigures(ctx.prisma, [
      { figure: 'EVENTS_UNAPPROVED', orgId: fx.streetId, key: '2026-03' },
      { figure: 'EVENTS_APPROVED', orgId: fx.streetId, key: '2026-03' },
      { figure: 'EVENTS_UNAPPROVED', orgId: fx.branchAId, key: '2026-Q1' },
    ]);
    expect(exact).toEqual([flagged.total, ok.total]);
    expect(rolled).toEqual([flagged.total, ok.total, 0]);
  });
});

describe('reach', () => {
  it("a branch secretary lists and reads only their own branch's events", async () => {
    const b = await createEvent('secB', input(fx.branchBId, daysAhead(9), { topic: '乙支部讲座' }));
    const a = await createEvent('secA', input(fx.branchAId, daysAhead(9), { topic: '甲支部讲座' }));
    const list = await send('secA', 'GET', '/api/event-approvals?limit=100');
    const ids = (list.json().items as { id: string; orgId: string }[]).map((e) => e.orgId);
    expect(new Set(ids)).toEqual(new Set([fx.branchAId]));
    expect((await send('secA', 'GET', `/api/event-approvals/${b.id}`)).statusCode).toBe(404);
    expect((await send('secA', 'POST', '/api/event-approvals', input(fx.branchBId, daysAhead(9)))).statusCode).toBe(
      403,
    );
    expect((await send('auditor', 'GET', `/api/event-approvals/${a.id}`)).statusCode).toBe(200);
    expect((await send('auditor', 'POST', `/api/event-approvals/${a.id}/submit`, {})).statusCode).toBe(403);
    // A draft that was never submitted may go.
    expect((await send('secA', 'DELETE', `/api/event-approvals/${a.id}`)).statusCode).toBe(200);
  });
});
