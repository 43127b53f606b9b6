// 责任清单: leadership assigns; a rule task's progress and status follow the records; a task
// without a rule is closed (办结) with evidence by its owner or leadership.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const send = (who: string, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] ?? '', ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

interface Unit {
  label: string;
  slice: string;
  orgId: string;
  from: string;
  to: string;
  required: number;
  done: number;
  satisfied: boolean;
  drill: { list: string; query: Record<string, string> };
}
interface Answer {
  id: string;
  version: number;
  kind: string;
  status: string;
  overdue: boolean;
  task: string;
  dueAt: string | null;
  doneAt: string | null;
  closingNote: string | null;
  progress: { required: number; done: number; satisfied: boolean; units: Unit[] } | null;
}

const task = (overrides: Record<string, unknown> = {}) => ({
  period: '2026-H1',
  orgId: fx.streetId,
  ownerId: fx.users.leader,
  kind: 'TASK',
  task: '3月制定意识形态工作方案',
  ...overrides,
});

async function create(payload: Record<string, unknown>, who = 'leader'): Promise<Answer> {
  const res = await send(who, 'POST', '/api/assignments', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function read(id: string, who = 'leader'): Promise<Answer> {
  const res = await send(who, 'GET', `/api/assignments/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const counts = async () => ({
  assignments: await ctx.prisma.assignment.count(),
  audits: await ctx.prisma.auditEvent.count({ where: { entityType: 'Assignment' } }),
});

describe('creating', () => {
  it('a leader names the first responsible person; the period row is created; audited', async () => {
    const created = await create(task({ kind: 'FIRST_RESPONSIBLE', task: '履行意识形态工作第一责任人职责' }));
    expect(created).toMatchObject({
      kind: 'FIRST_RESPONSIBLE',
      periodCode: '2026-H1',
      periodName: '2026年上半年',
      ownerId: fx.users.leader,
      ownerName: 'leader',
      orgName: '测试街道党工委',
      status: 'OPEN',
      overdue: false,
      rule: null,
      progress: null,
      dueAt: null,
      version: 1,
    });
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: 'CREATE' } });
    expect(audit).toMatchObject({ actorId: fx.users.leader, entityType: 'Assignment', orgId: fx.streetId });
    expect(audit.after).toMatchObject({ kind: 'FIRST_RESPONSIBLE', period: '2026-H1' });
  });

  it('a second first responsible person for the same period and org is a 409 naming the field', async () => {
    const before = await counts();
    const res = await send('leader', 'POST', '/api/assignments', task({ kind: 'FIRST_RESPONSIBLE', task: '重复' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'CONFLICT',
      details: { fields: [{ field: 'kind', code: 'taken' }] },
    });
    expect(await counts()).toEqual(before);
    // Another period or another org is fine.
    await create(task({ kind: 'FIRST_RESPONSIBLE', period: '2026-H2', task: '下半年第一责任人' }));
    await create(
      task({ kind: 'FIRST_RESPONSIBLE', orgId: fx.branchAId, ownerId: fx.users.secA, task: '支部第一责任人' }),
    );
  });

  it('checks the shape: an area names its area, only a task has a rule or due date, owner must fit', async () => {
    const before = await counts();
    const noArea = await send('leader', 'POST', '/api/assignments', task({ kind: 'AREA' }));
    expect(noArea.statusCode).toBe(400);
    expect(noArea.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['area']);
    const ruleOnArea = await send(
      'leader',
      'POST',
      '/api/assignments',
      task({ kind: 'AREA', area: '宣传', dueDate: '2026-03-31' }),
    );
    expect(ruleOnArea.statusCode).toBe(400);
    expect(ruleOnArea.json().error.details.fields[0].field).toBe('dueDate');
    // secB cannot own a task of branch A (they would not even see it).
    const outside = await send(
      'leader',
      'POST',
      '/api/assignments',
      task({ orgId: fx.branchAId, ownerId: fx.users.secB }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.fields[0].field).toBe('ownerId');
    await ctx.prisma.user.update({ where: { id: fx.users.auditor }, data: { active: false } });
    const inactive = await send('leader', 'POST', '/api/assignments', task({ ownerId: fx.users.auditor }));
    await ctx.prisma.user.update({ where: { id: fx.users.auditor }, data: { active: true } });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().error.details.fields[0].field).toBe('ownerId');
    const status = await send('leader', 'POST', '/api/assignments', { ...task(), status: 'DONE' });
    expect(status.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it.each(['secA', 'auditor', 'admin'])('%s cannot create, change or delete assignments', async (who) => {
    const existing = await ctx.prisma.assignment.findFirstOrThrow({ where: { orgId: fx.branchAId } });
    const before = await counts();
    const post = await send(who, 'POST', '/api/assignments', task({ orgId: fx.branchAId, ownerId: fx.users.secA }));
    expect(post.statusCode).toBe(403);
    expect(post.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '没有执行此操作的权限', key: 'auth.forbidden', params: {} },
    });
    expect((await send(who, 'PATCH', `/api/assignments/${existing.id}`, { task: 'x' })).statusCode).toBe(403);
    expect((await send(who, 'DELETE', `/api/assignments/${existing.id}`)).statusCode).toBe(403);
    expect((await send(who, 'GET', '/api/assignments/owners')).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('the same Idempotency-Key gives the first answer again and one record', async () => {
    const before = await counts();
    const body = task({ task: '重复提交的任务' });
    const headers = { 'idempotency-key': 'assign-key-0001' };
    const first = await send('leader', 'POST', '/api/assignments', body, headers);
    const second = await send('leader', 'POST', '/api/assignments', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const other = await send('leader', 'POST', '/api/assignments', { ...body, task: '另一个' }, headers);
    expect(other.statusCode).toBe(422);
    expect(await counts()).toEqual({ assignments: before.assignments + 1, audits: before.audits + 1 });
  });

  it('lists active owners for leadership', async () => {
    const res = await send('leader', 'GET', '/api/assignments/owners');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; role: string }[];
    expect(items).toHaveLength(5);
    expect(items[0]?.role).toBe('LEADER');
  });
});

describe('rule tasks: progress follows the records', () => {
  it('SEMINAR ≥ 2 per period: done rises as seminars are recorded, then the task is DONE', async () => {
    const created = await create(
      task({
        task: '召开意识形态工作专题研讨会',
        rule: { metric: 'SEMINAR', min: 2, per: 'PERIOD', eachChild: false },
      }),
    );
    expect(created.status).toBe('OPEN');
    expect(created.progress).toEqual({
      required: 2,
      done: 0,
      satisfied: false,
      units: [
        {
          label: '2026年上半年',
          slice: '2026-H1',
          orgId: fx.streetId,
          orgName: '测试街道党工委',
          from: '2026-01-01',
          to: '2026-06-30',
          required: 2,
          done: 0,
          satisfied: false,
          drill: {
            list: '/api/study-sessions',
            query: { kind: 'SEMINAR', org: fx.streetId, from: '2026-01-01', to: '2026-06-30' },
          },
        },
      ],
    });
    const seminar = (occurredAt: string, kind = 'SEMINAR', orgId = fx.streetId) =>
      send('leader', 'POST', '/api/study-sessions', { orgId, kind, topic: '网络意识形态专题研讨', occurredAt });
    // Outside the half, or another kind: not counted.
    expect((await seminar('2026-07-01T09:00:00+08:00')).statusCode).toBe(201);
    expect((await seminar('2026-03-01T09:00:00+08:00', 'CENTRAL_GROUP')).statusCode).toBe(201);
    expect((await read(created.id)).progress?.done).toBe(0);
    // A branch's seminar counts for the street (its subtree).
    expect((await seminar('2026-06-30T23:30:00+08:00', 'SEMINAR', fx.branchAId)).statusCode).toBe(201);
    const one = await read(created.id);
    expect(one).toMatchObject({ status: 'OPEN', progress: { done: 1, satisfied: false } });
    expect((await seminar('2026-01-01T00:00:00+08:00')).statusCode).toBe(201);
    const two = await read(created.id);
    expect(two).toMatchObject({ status: 'DONE', overdue: false, doneAt: null, progress: { done: 2, satisfied: true } });
    // The drill list shows exactly the records counted.
    const drill = two.progress?.units[0]?.drill;
    const list = await send('leader', 'GET', `${drill?.list}?${new URLSearchParams(drill?.query)}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
  });

  it('PARTY_LECTURE ≥ 1 per quarter in each branch: one unit per quarter and branch', async () => {
    const created = await create(
      task({ task: '支部书记讲党课', rule: { metric: 'PARTY_LECTURE', min: 1, per: 'QUARTER', eachChild: true } }),
    );
    const units = created.progress?.units ?? [];
    expect(units.map((u) => [u.slice, u.orgId, u.label])).toEqual([
      ['2026-Q1', fx.branchAId, '2026年第一季度 · 甲村党支部'],
      ['2026-Q1', fx.branchBId, '2026年第一季度 · 乙社区党支部'],
      ['2026-Q2', fx.branchAId, '2026年第二季度 · 甲村党支部'],
      ['2026-Q2', fx.branchBId, '2026年第二季度 · 乙社区党支部'],
    ]);
    expect(created.progress).toMatchObject({ required: 4, done: 0, satisfied: false });

    const lecture = (who: string, orgId: string, occurredAt: string) =>
      send(
        'leader' === who ? 'leader' : who,
        'POST',
        '/api/activities',
        activityInput(orgId, { category: 'PARTY_LECTURE', occurredAt }),
      );
    expect((await lecture('secA', fx.branchAId, '2026-02-01T10:00:00+08:00')).statusCode).toBe(201);
    // Two in one unit still count once towards the total.
    expect((await lecture('secA', fx.branchAId, '2026-03-01T10:00:00+08:00')).statusCode).toBe(201);
    // A sub-unit's lecture counts for its branch.
    expect((await lecture('secA', fx.branchAUnitId, '2026-05-01T10:00:00+08:00')).statusCode).toBe(201);
    // Another category does not count.
    expect(
      (
        await send(
          'secB',
          'POST',
          '/api/activities',
          activityInput(fx.branchBId, { occurredAt: '2026-02-01T10:00:00+08:00' }),
        )
      ).statusCode,
    ).toBe(201);
    const partial = await read(created.id);
    expect(partial.progress?.units.map((u) => u.done)).toEqual([2, 0, 1, 0]);
    expect(partial).toMatchObject({ status: 'OPEN', progress: { required: 4, done: 2, satisfied: false } });
    const q1A = partial.progress?.units[0];
    expect(q1A?.drill).toEqual({
      list: '/api/activities',
      query: { category: 'PARTY_LECTURE', org: fx.branchAId, from: '2026-01-01', to: '2026-03-31' },
    });
    const drilled = await send('leader', 'GET', `/api/activities?${new URLSearchParams(q1A?.drill.query)}`);
    expect(drilled.json().items).toHaveLength(2);

    expect((await lecture('secB', fx.branchBId, '2026-01-15T10:00:00+08:00')).statusCode).toBe(201);
    expect((await lecture('secB', fx.branchBId, '2026-06-15T10:00:00+08:00')).statusCode).toBe(201);
    const done = await read(created.id);
    expect(done).toMatchObject({ status: 'DONE', progress: { required: 4, done: 4, satisfied: true } });
  });

  it('per month in a half year requires six units', async () => {
    const created = await create(
      task({ task: '中心组每月学习', rule: { metric: 'CENTRAL_GROUP_STUDY', min: 1, per: 'MONTH', eachChild: false } }),
    );
    expect(created.progress?.required).toBe(6);
    expect(created.progress?.units.map((u) => u.slice)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    // The CENTRAL_GROUP session of March recorded above, and the street's seminars on a study
    // topic, which are 中心组专题学习研讨 (figures.ts): one unit per month met at most.
    const direct = await ctx.prisma.studySession.count({
      where: {
        org: {
          path: { startsWith: (await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: fx.streetId } })).path },
        },
        occurredAt: { gte: new Date('2026-02-28T16:00:00Z'), lt: new Date('2026-03-31T16:00:00Z') },
        OR: [
          { kind: 'CENTRAL_GROUP' },
          { kind: 'SEMINAR', topicCategory: { notIn: ['IDEOLOGY_WORK', 'ONLINE_IDEOLOGY'] } },
        ],
      },
    });
    expect(direct).toBeGreaterThan(0);
    expect(created.progress?.units[2]).toMatchObject({
      label: '2026年3月',
      from: '2026-03-01',
      to: '2026-03-31',
      done: direct,
    });
  });

  it('a rule task is overdue once its due day has passed unsatisfied', async () => {
    const late = await create(
      task({
        task: '早已到期',
        dueDate: '2001-01-31',
        period: '2001-Q1',
        rule: { metric: 'PUBLICITY', min: 1, per: 'PERIOD', eachChild: false },
      }),
    );
    expect(late).toMatchObject({ status: 'OPEN', overdue: true, dueAt: '2001-01-31' });
    const future = await create(task({ task: '远期任务', dueDate: '2099-12-31' }));
    expect(future).toMatchObject({ overdue: false, dueAt: '2099-12-31' });
    const stored = await ctx.prisma.assignment.findUniqueOrThrow({ where: { id: future.id } });
    expect(stored.dueAt?.toISOString()).toBe('2099-12-30T16:00:00.000Z');
  });

  it('status cannot be typed in, and a rule task cannot be closed by hand', async () => {
    const ruleTask = await ctx.prisma.assignment.findFirstOrThrow({ where: { task: '召开意识形态工作专题研讨会' } });
    const patch = await send('leader', 'PATCH', `/api/assignments/${ruleTask.id}`, { status: 'DONE' });
    expect(patch.statusCode).toBe(400);
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'Assignment',
        entityId: ruleTask.id,
        fileName: 'x.jpg',
        mimeType: 'image/jpeg',
        size: 1,
        sha256: 'a'.repeat(64),
      },
    });
    const close = await send('leader', 'POST', `/api/assignments/${ruleTask.id}/close`, { closingNote: '完成' });
    expect(close.statusCode).toBe(409);
    expect(close.json().error.code).toBe('INVALID_TRANSITION');
    expect((await ctx.prisma.assignment.findUniqueOrThrow({ where: { id: ruleTask.id } })).status).toBe('OPEN');
  });
});

describe('closing a task without a rule (办结)', () => {
  let ownTask: Answer;

  beforeAll(async () => {
    ownTask = await create(
      task({ orgId: fx.branchAId, ownerId: fx.users.secA, task: '建立支部意识形态工作台账', dueDate: '2026-03-31' }),
    );
  });

  it('refuses to close without evidence, asking for it, and changes nothing', async () => {
    const before = await counts();
    const res = await send('secA', 'POST', `/api/assignments/${ownTask.id}/close`, { closingNote: '已建立' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: 'INVALID_TRANSITION',
      message: '请先上传佐证材料（照片、文件等），再办结这项任务',
      key: 'assignment.evidenceFirst',
      params: {},
    });
    expect(await counts()).toEqual(before);
    expect((await ctx.prisma.assignment.findUniqueOrThrow({ where: { id: ownTask.id } })).status).toBe('OPEN');
  });

  it('only leadership or the owner may close: others are refused', async () => {
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'Assignment',
        entityId: ownTask.id,
        fileName: '台账.pdf',
        mimeType: 'application/pdf',
        size: 100,
        sha256: 'b'.repeat(64),
        orgId: fx.branchAId,
      },
    });
    expect(
      (await send('auditor', 'POST', `/api/assignments/${ownTask.id}/close`, { closingNote: 'x' })).statusCode,
    ).toBe(403);
    expect((await send('secB', 'POST', `/api/assignments/${ownTask.id}/close`, { closingNote: 'x' })).statusCode).toBe(
      404,
    );
    expect((await send('secA', 'POST', `/api/assignments/${ownTask.id}/close`, { closingNote: '' })).statusCode).toBe(
      400,
    );
    expect(
      (
        await send(
          'secA',
          'POST',
          `/api/assignments/${ownTask.id}/close`,
          { closingNote: '已建立' },
          { 'if-match': '"9"' },
        )
      ).statusCode,
    ).toBe(412);
  });

  it('with evidence the owner closes it: DONE, doneAt, note, audit CLOSE; closing again is refused', async () => {
    const res = await send(
      'secA',
      'POST',
      `/api/assignments/${ownTask.id}/close`,
      { closingNote: '台账已建立并归档' },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ status: 'DONE', closingNote: '台账已建立并归档', overdue: false, version: 2 });
    const row = await ctx.prisma.assignment.findUniqueOrThrow({ where: { id: ownTask.id } });
    expect(row.status).toBe('DONE');
    expect(row.doneAt).not.toBeNull();
    expect(res.json().doneAt).toBe(row.doneAt?.toISOString());
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: ownTask.id, action: 'CLOSE' } });
    expect(audit).toMatchObject({ actorId: fx.users.secA, entityType: 'Assignment', orgId: fx.branchAId });
    expect(audit.before).toMatchObject({ status: 'OPEN' });
    expect(audit.after).toMatchObject({ status: 'DONE', closingNote: '台账已建立并归档' });
    const again = await send('leader', 'POST', `/api/assignments/${ownTask.id}/close`, { closingNote: '再次' });
    expect(again.statusCode).toBe(409);
    // A closed task takes no rule.
    const rule = await send('leader', 'PATCH', `/api/assignments/${ownTask.id}`, {
      rule: { metric: 'ACTIVITY', min: 1, per: 'PERIOD', eachChild: false },
    });
    expect(rule.statusCode).toBe(409);
  });

  it('leadership may close a task owned by someone else', async () => {
    const other = await create(task({ orgId: fx.branchBId, ownerId: fx.users.secB, task: '乙社区阵地排查' }));
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'Assignment',
        entityId: other.id,
        fileName: 'p.png',
        mimeType: 'image/png',
        size: 1,
        sha256: 'c'.repeat(64),
      },
    });
    const res = await send('leader', 'POST', `/api/assignments/${other.id}/close`, { closingNote: '已排查' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('DONE');
  });

  it.each([
    [{ dueDate: '2099-12-31' }],
    [{ dueDate: null }],
    [{ ownerId: 'leader' }],
    [{ orgId: 'branch A unit' }],
    [{ period: '2027-Q1', kind: 'AREA', area: '宣传' }],
  ] as const)('a closed task keeps what the figures read: PATCH %j is refused naming each field', async (change) => {
    const closed = await create(
      task({
        // A period of its own, so the other tests' lists of 2026 stay as they are.
        period: '2027-H1',
        orgId: fx.branchAId,
        ownerId: fx.users.secA,
        task: `已办结${crypto.randomUUID()}`,
        dueDate: '2027-01-31',
      }),
    );
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'Assignment',
        entityId: closed.id,
        fileName: 'p.png',
        mimeType: 'image/png',
        size: 1,
        sha256: 'f'.repeat(64),
      },
    });
    expect(
      (await send('secA', 'POST', `/api/assignments/${closed.id}/close`, { closingNote: '已完成' })).statusCode,
    ).toBe(200);
    const figures = async () => {
      const res = await send('leader', 'GET', `/api/dashboard?period=2027-H1&org=${fx.streetId}`);
      expect(res.statusCode, res.body).toBe(200);
      const kpis = res.json().kpis as { metric: string; done: number }[];
      return {
        done: kpis.find((k) => k.metric === 'ASSIGNMENT_DONE')?.done,
        overdue: kpis.find((k) => k.metric === 'ASSIGNMENT_OVERDUE')?.done,
        owners: res.json().overdueByOwner,
      };
    };
    const before = await figures();
    const row = await ctx.prisma.assignment.findUniqueOrThrow({ where: { id: closed.id } });
    // Ids exist only once the fixture is seeded.
    const payload: Record<string, unknown> = { ...change };
    if ('ownerId' in change) payload.ownerId = fx.users.leader;
    if ('orgId' in change) payload.orgId = fx.branchAUnitId;
    const res = await send('leader', 'PATCH', `/api/assignments/${closed.id}`, payload, { 'if-match': '"2"' });
    expect(res.statusCode, res.body).toBe(409);
    const fields = (res.json().error.details.fields as { field: string; message: string }[]).map((f) => f.field);
    expect(fields).toEqual(Object.keys(payload).filter((k) => k !== 'area'));
    expect(res.json().error.message).toContain('已办结');
    expect(await ctx.prisma.assignment.findUniqueOrThrow({ where: { id: closed.id } })).toEqual(row);
    expect(await figures()).toEqual(before);
    // Its wording stays editable; a closed task is not deleted (it counts as done).
    const wording = await send('leader', 'PATCH', `/api/assignments/${closed.id}`, {
      task: '措辞修订',
      dueDate: '2027-01-31',
    });
    expect(wording.statusCode, wording.body).toBe(200);
    expect(wording.json()).toMatchObject({ task: '措辞修订', status: 'DONE', dueAt: '2027-01-31' });
    const remove = await send('leader', 'DELETE', `/api/assignments/${closed.id}`);
    expect(remove.statusCode).toBe(409);
    expect(await figures()).toEqual(before);
  });

  it('first-responsible and area entries are standing duties, not closed', async () => {
    const area = await create(task({ kind: 'AREA', area: '网络意识形态', task: '分管网络意识形态工作' }));
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'Assignment',
        entityId: area.id,
        fileName: 'p.png',
        mimeType: 'image/png',
        size: 1,
        sha256: 'd'.repeat(64),
      },
    });
    const res = await send('leader', 'POST', `/api/assignments/${area.id}/close`, { closingNote: '—' });
    expect(res.statusCode).toBe(409);
  });
});

describe('changing and deleting', () => {
  it('updates with If-Match; a stale version is 412 and changes nothing', async () => {
    const created = await create(task({ task: '原任务' }));
    const ok = await send(
      'leader',
      'PATCH',
      `/api/assignments/${created.id}`,
      { task: '修订后的任务', dueDate: '2026-05-31' },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ task: '修订后的任务', dueAt: '2026-05-31', version: 2 });
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: 'UPDATE' } });
    expect(audit.before).toMatchObject({ task: '原任务' });
    expect(audit.after).toMatchObject({ task: '修订后的任务' });
    const stale = await send(
      'leader',
      'PATCH',
      `/api/assignments/${created.id}`,
      { task: '被覆盖' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('PRECONDITION_FAILED');
    expect((await ctx.prisma.assignment.findUniqueOrThrow({ where: { id: created.id } })).task).toBe('修订后的任务');
  });

  it('re-checks the shape on the merged record', async () => {
    const ruleTask = await create(
      task({ task: '有规则', rule: { metric: 'ACTIVITY', min: 1, per: 'PERIOD', eachChild: false } }),
    );
    const res = await send('leader', 'PATCH', `/api/assignments/${ruleTask.id}`, { kind: 'AREA', area: '宣传' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['rule']);
    // Making a task the first responsible person where one exists is the same 409.
    const plain = await create(task({ task: '普通任务' }));
    const fr = await send('leader', 'PATCH', `/api/assignments/${plain.id}`, { kind: 'FIRST_RESPONSIBLE' });
    expect(fr.statusCode).toBe(409);
    expect(fr.json().error.details.fields[0].field).toBe('kind');
    // Removing the rule makes it a task closed by hand again.
    const cleared = await send('leader', 'PATCH', `/api/assignments/${ruleTask.id}`, { rule: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ rule: null, progress: null, status: 'OPEN' });
  });

  it('deletes with its evidence rows, audited; stale If-Match is 412', async () => {
    const doomed = await create(task({ task: '将被删除' }));
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'Assignment',
        entityId: doomed.id,
        fileName: 'p.png',
        mimeType: 'image/png',
        size: 1,
        sha256: 'e'.repeat(64),
      },
    });
    expect(
      (await send('leader', 'DELETE', `/api/assignments/${doomed.id}`, undefined, { 'if-match': '"4"' })).statusCode,
    ).toBe(412);
    const res = await send('leader', 'DELETE', `/api/assignments/${doomed.id}`, undefined, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(200);
    expect(await ctx.prisma.assignment.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect(await ctx.prisma.attachment.count({ where: { entityId: doomed.id } })).toBe(0);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: doomed.id, action: 'DELETE' } });
    expect(audit.before).toMatchObject({ task: '将被删除' });
    expect((await send('leader', 'GET', `/api/assignments/${doomed.id}`)).statusCode).toBe(404);
  });
});

describe('listing', () => {
  const list = async (who: string, query: string) => {
    const res = await send(who, 'GET', `/api/assignments?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: (Answer & { orgId: string; ownerId: string; periodCode: string })[];
      nextCursor: string | null;
    };
  };

  it('orders by kind (first responsible, area, task), then creation', async () => {
    const { items } = await list('leader', 'period=2026-H1&limit=100');
    const kinds = items.map((i) => i.kind);
    expect(kinds).toEqual(
      [...kinds].sort(
        (a, b) => ['FIRST_RESPONSIBLE', 'AREA', 'TASK'].indexOf(a) - ['FIRST_RESPONSIBLE', 'AREA', 'TASK'].indexOf(b),
      ),
    );
    expect(kinds[0]).toBe('FIRST_RESPONSIBLE');
    expect(items.every((i) => i.periodCode === '2026-H1')).toBe(true);
    expect(items.length).toBe(
      await ctx.prisma.assignment.count({ where: { period: { kind: 'HALF', year: 2026, index: 1 } } }),
    );
  });

  it('pages with a cursor through exactly the whole list', async () => {
    const all = (await list('leader', 'period=2026-H1&limit=100')).items.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list('leader', `period=2026-H1&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await send('leader', 'GET', '/api/assignments?cursor=bogus')).statusCode).toBe(400);
  });

  it('filters by the status as answered, computed for rule tasks', async () => {
    const done = await list('leader', 'period=2026-H1&status=DONE&limit=100');
    expect(done.items.map((i) => i.task).sort()).toEqual(
      ['召开意识形态工作专题研讨会', '支部书记讲党课', '建立支部意识形态工作台账', '乙社区阵地排查'].sort(),
    );
    const donePaged = await list('leader', 'period=2026-H1&status=DONE&limit=1');
    expect(donePaged.items).toHaveLength(1);
    expect(donePaged.nextCursor).not.toBeNull();
    const open = await list('leader', 'period=2026-H1&status=OPEN&kind=TASK&limit=100');
    expect(open.items.every((i) => i.status === 'OPEN' && i.kind === 'TASK')).toBe(true);
    expect(open.items.some((i) => i.task === '中心组每月学习')).toBe(true);
  });

  it('a secretary sees their subtree plus what they own; never another branch', async () => {
    // A street-level task owned by secA (e.g. before a transfer): they still see it.
    const period = await ctx.prisma.period.findFirstOrThrow({ where: { kind: 'HALF', year: 2026, index: 1 } });
    const owned = await ctx.prisma.assignment.create({
      data: { periodId: period.id, orgId: fx.streetId, ownerId: fx.users.secA, kind: 'TASK', task: '协助街道宣传' },
    });
    const { items } = await list('secA', 'period=2026-H1&limit=100');
    expect(
      items.every((i) => i.orgId === fx.branchAId || i.orgId === fx.branchAUnitId || i.ownerId === fx.users.secA),
    ).toBe(true);
    expect(items.map((i) => i.task)).toEqual(
      expect.arrayContaining(['支部第一责任人', '建立支部意识形态工作台账', '协助街道宣传']),
    );
    expect(items.some((i) => i.task === '乙社区阵地排查')).toBe(false);
    expect((await send('secA', 'GET', `/api/assignments/${owned.id}`)).statusCode).toBe(200);
    const other = await ctx.prisma.assignment.findFirstOrThrow({ where: { task: '乙社区阵地排查' } });
    expect((await send('secA', 'GET', `/api/assignments/${other.id}`)).statusCode).toBe(404);
    expect((await send('secA', 'GET', `/api/assignments?org=${fx.branchBId}`)).statusCode).toBe(404);
    // With an explicit org only that subtree is listed.
    const branchOnly = await list('secA', `period=2026-H1&org=${fx.branchAId}&limit=100`);
    expect(branchOnly.items.some((i) => i.task === '协助街道宣传')).toBe(false);
  });

  it('an unknown period lists nothing; filters by owner and kind', async () => {
    expect((await list('leader', 'period=2031-H1')).items).toEqual([]);
    const mine = await list('leader', `period=2026-H1&owner=${fx.users.secB}&limit=100`);
    expect(mine.items.map((i) => i.task)).toEqual(['乙社区阵地排查']);
    const areas = await list('auditor', 'period=2026-H1&kind=AREA');
    expect(areas.items.map((i) => i.kind)).toEqual(['AREA']);
  });
});

describe('listing by overdue (the ASSIGNMENT_OVERDUE figure drills to overdue=true)', () => {
  // A period of its own, with every due day long past, so the list can be read by period.
  const P = '2019-H1';
  const made: Record<string, string> = {};
  const tasks = async (who: string, query: string) => {
    const res = await send(who, 'GET', `/api/assignments?period=${P}&limit=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Answer[]).map((i) => i.task).sort();
  };

  beforeAll(async () => {
    const specs: [string, Record<string, unknown>][] = [
      ['streetLate', { dueDate: '2019-03-31' }],
      ['branchALate', { orgId: fx.branchAId, ownerId: fx.users.secA, dueDate: '2019-03-31' }],
      ['branchANoDue', { orgId: fx.branchAId, ownerId: fx.users.secA }],
      ['branchAClosed', { orgId: fx.branchAId, ownerId: fx.users.secA, dueDate: '2019-03-31' }],
      ['branchBLate', { orgId: fx.branchBId, ownerId: fx.users.secB, dueDate: '2019-06-30' }],
      // A rule task's status is computed: met → DONE, never overdue; unmet → OPEN and overdue.
      [
        'ruleMetA',
        {
          orgId: fx.branchAId,
          dueDate: '2019-06-30',
          rule: { metric: 'ACTIVITY', min: 1, per: 'PERIOD', eachChild: false },
        },
      ],
      [
        'ruleUnmetB',
        {
          orgId: fx.branchBId,
          dueDate: '2019-06-30',
          rule: { metric: 'ACTIVITY', min: 1, per: 'PERIOD', eachChild: false },
        },
      ],
    ];
    for (const [name, overrides] of specs)
      made[name] = (await create(task({ period: P, task: name, ...overrides }))).id;
    // Done by hand (closing needs evidence, which other tests cover).
    await ctx.prisma.assignment.update({
      where: { id: made.branchAClosed as string },
      data: { status: 'DONE', doneAt: new Date('2019-03-20T02:00:00Z') },
    });
    const res = await send(
      'secA',
      'POST',
      '/api/activities',
      activityInput(fx.branchAId, { occurredAt: '2019-04-02T10:00:00+08:00' }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });

  it('overdue=true lists the OPEN items whose due day is over, rule tasks judged by their computed status', async () => {
    expect(await tasks('leader', '&overdue=true')).toEqual(['branchALate', 'branchBLate', 'ruleUnmetB', 'streetLate']);
    expect(await tasks('leader', '&overdue=false')).toEqual(['branchAClosed', 'branchANoDue', 'ruleMetA']);
    const answered = (await send('leader', 'GET', `/api/assignments?period=${P}&overdue=true&limit=100`)).json();
    expect(answered.items.every((i: Answer) => i.overdue && i.status === 'OPEN')).toBe(true);
  });

  it('combines with org, owner and status, and pages through exactly the filtered items', async () => {
    expect(await tasks('leader', `&overdue=true&org=${fx.branchAId}`)).toEqual(['branchALate']);
    expect(await tasks('leader', `&overdue=true&owner=${fx.users.leader}`)).toEqual(['ruleUnmetB', 'streetLate']);
    expect(await tasks('leader', '&overdue=true&status=DONE')).toEqual([]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Answer[]; nextCursor: string | null } = (
        await send(
          'leader',
          'GET',
          `/api/assignments?period=${P}&overdue=true&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((i) => i.task));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen.sort()).toEqual(['branchALate', 'branchBLate', 'ruleUnmetB', 'streetLate']);
  });

  it("the scope still applies: a secretary of B sees none of A's overdue items", async () => {
    expect(await tasks('secB', '&overdue=true')).toEqual(['branchBLate', 'ruleUnmetB']);
    expect(await tasks('secA', '&overdue=true')).toEqual(['branchALate']);
    expect((await send('secB', 'GET', `/api/assignments?overdue=true&org=${fx.branchAId}`)).statusCode).toBe(404);
  });

  it('refuses a value other than true / false, naming the field', async () => {
    const res = await send('leader', 'GET', '/api/assignments?overdue=1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('overdue');
  });
});
