// The 中心组 roster (ADR 051): members, 列席旁听, 请假 and 补学 on a study session; the counts follow
// from it, and a session without one is exactly as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
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

type Headers = Record<string, string>;
type Body = Record<string, unknown>;

const ON = '2026-03-15T09:00:00+08:00';

const roster = () => [
  { name: '王书记', status: 'PRESENT', outline: '围绕四中全会精神谈体会' },
  { name: '李主任', status: 'PRESENT' },
  { name: '赵委员', status: 'LEAVE', reason: '参加区里会议' },
  { name: '钱委员', status: 'ABSENT' },
  { name: '孙书记', role: 'OBSERVER', status: 'PRESENT' },
];

function sessionInput(orgId: string, overrides: Body = {}): Body {
  return {
    orgId,
    kind: 'CENTRAL_GROUP',
    topicCategory: 'THEORY',
    topic: '中心组学习',
    occurredAt: ON,
    roster: roster(),
    ...overrides,
  };
}

const send = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Headers = {}) =>
  ctx.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] ?? '', ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function create(who: string, body: Body) {
  const res = await send(who, 'POST', '/api/study-sessions', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Body & { id: string; version: number };
}

const fieldsOf = (body: { error: { details?: { fields?: { field: string; message: string }[] } } }) =>
  body.error.details?.fields ?? [];

const makeUp = (who: string, id: string, version: number, body: Body) =>
  send(who, 'POST', `/api/study-sessions/${id}/make-ups`, body, { 'if-match': `"${version}"` });

const owed = async (who: string, query: Record<string, string>) => {
  const res = await send(who, 'GET', `/api/study-sessions/make-ups-owed?${new URLSearchParams(query).toString()}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { sessionId: string; name: string; status: string }[] }).items;
};

describe('a roster on create', () => {
  it('stores the roster and derives 应到, 实到 and the absentees from it (observers not counted)', async () => {
    const created = await create('leader', sessionInput(fx.streetId));
    expect(created).toMatchObject({
      expectedAttendance: 4,
      actualAttendance: 2,
      absentees: [
        { name: '赵委员', reason: '参加区里会议' },
        { name: '钱委员', reason: '缺席' },
      ],
    });
    const members = created.roster as Body[];
    expect(members).toHaveLength(5);
    expect(members[0]).toEqual({
      userId: null,
      name: '王书记',
      role: 'MEMBER',
      status: 'PRESENT',
      reason: null,
      outline: '围绕四中全会精神谈体会',
      makeUp: null,
    });
    expect(members[4]).toMatchObject({ name: '孙书记', role: 'OBSERVER' });
  });

  it('a member on leave needs a reason, named on the member', async () => {
    const body = sessionInput(fx.streetId, { roster: [{ name: '赵委员', status: 'LEAVE' }] });
    const res = await send('leader', 'POST', '/api/study-sessions', body);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).map((f) => f.field)).toContain('roster.0.reason');
  });

  it('counts sent with a roster must agree with it, and the error says what to fix', async () => {
    const res = await send(
      'leader',
      'POST',
      '/api/study-sessions',
      sessionInput(fx.streetId, { expectedAttendance: 6 }),
    );
    expect(res.statusCode).toBe(400);
    const issue = fieldsOf(res.json()).find((f) => f.field === 'expectedAttendance');
    expect(issue?.message).toContain('名单中成员 4 人');
    // Counts that agree are accepted.
    await create('leader', sessionInput(fx.streetId, { expectedAttendance: 4, actualAttendance: 2 }));
  });

  it('only a session counted as 中心组学习 may carry a roster (a 中心组专题学习研讨 entered as a seminar may)', async () => {
    const res = await send(
      'leader',
      'POST',
      '/api/study-sessions',
      sessionInput(fx.streetId, { kind: 'BRANCH_STUDY' }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).map((f) => f.field)).toContain('roster');
    const ideology = sessionInput(fx.streetId, { kind: 'SEMINAR', topicCategory: 'IDEOLOGY_WORK' });
    expect((await send('leader', 'POST', '/api/study-sessions', ideology)).statusCode).toBe(400);
    await create('leader', sessionInput(fx.streetId, { kind: 'SEMINAR', topicCategory: 'THEORY' }));
  });

  it('a 补学 may not be dated before the session', async () => {
    const members = [
      { name: '甲', status: 'PRESENT' },
      { name: '乙', status: 'LEAVE', reason: '病假', makeUp: { madeUpOn: '2026-03-14', how: 'SELF' } },
    ];
    const res = await send('leader', 'POST', '/api/study-sessions', sessionInput(fx.streetId, { roster: members }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).map((f) => f.field)).toContain('roster.1.makeUp.madeUpOn');
  });

  it('a member picked from the users must be a user of the org or below it', async () => {
    const other = await ctx.prisma.user.findUniqueOrThrow({ where: { id: fx.users.secB } });
    // secB belongs to branch B: not below branch A.
    const bad = sessionInput(fx.branchAId, {
      roster: [{ userId: other.id, name: other.displayName, status: 'PRESENT' }],
    });
    const res = await send('leader', 'POST', '/api/study-sessions', bad);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).map((f) => f.field)).toContain('roster.0.userId');
    // From the street, branch B's secretary is below it: accepted (a 列席 from a branch).
    const ok = await create(
      'leader',
      sessionInput(fx.streetId, {
        roster: [
          { name: '王书记', status: 'PRESENT' },
          { userId: other.id, name: other.displayName, role: 'OBSERVER', status: 'PRESENT' },
        ],
      }),
    );
    expect((ok.roster as Body[])[1]).toMatchObject({ userId: other.id, role: 'OBSERVER' });
  });

  it('the old shape (counts and absentees typed in, no roster) is still accepted as before', async () => {
    const created = await create('leader', {
      orgId: fx.streetId,
      kind: 'CENTRAL_GROUP',
      topic: '旧式记录',
      occurredAt: ON,
      expectedAttendance: 12,
      actualAttendance: 10,
      absentees: [{ name: '张三', reason: '因病请假' }],
    });
    expect(created).toMatchObject({ expectedAttendance: 12, actualAttendance: 10, roster: null });
    // And the old count rule still holds without a roster.
    const res = await send('leader', 'POST', '/api/study-sessions', {
      orgId: fx.streetId,
      kind: 'CENTRAL_GROUP',
      topic: '旧式记录',
      occurredAt: ON,
      expectedAttendance: 5,
      actualAttendance: 6,
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('a roster on update', () => {
  it('a PATCH of the roster re-derives the counts; a count against the roster is refused', async () => {
    const created = await create('leader', sessionInput(fx.streetId));
    const res = await send(
      'leader',
      'PATCH',
      `/api/study-sessions/${created.id}`,
      { roster: [...roster().slice(0, 3), { name: '钱委员', status: 'PRESENT' }] },
      { 'if-match': `"${created.version}"` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ expectedAttendance: 4, actualAttendance: 3, absentees: [{ name: '赵委员' }] });

    const wrong = await send(
      'leader',
      'PATCH',
      `/api/study-sessions/${created.id}`,
      { actualAttendance: 4 },
      { 'if-match': `"${created.version + 1}"` },
    );
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong.json()).map((f) => f.field)).toContain('actualAttendance');
  });

  it('a roster may be added to an old session, and emptied again (the counts stay)', async () => {
    const created = await create('leader', {
      orgId: fx.streetId,
      kind: 'CENTRAL_GROUP',
      topic: '后补名单',
      occurredAt: ON,
      expectedAttendance: 9,
    });
    const added = await send(
      'leader',
      'PATCH',
      `/api/study-sessions/${created.id}`,
      { roster: roster() },
      { 'if-match': `"${created.version}"` },
    );
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ expectedAttendance: 4, actualAttendance: 2 });
    const emptied = await send(
      'leader',
      'PATCH',
      `/api/study-sessions/${created.id}`,
      { roster: null },
      { 'if-match': `"${created.version + 1}"` },
    );
    expect(emptied.statusCode, emptied.body).toBe(200);
    expect(emptied.json()).toMatchObject({ roster: null, expectedAttendance: 4, actualAttendance: 2 });
  });

  it('a kind changed away from 中心组 while the roster stays is refused', async () => {
    const created = await create('leader', sessionInput(fx.streetId));
    const res = await send(
      'leader',
      'PATCH',
      `/api/study-sessions/${created.id}`,
      { kind: 'BRANCH_STUDY' },
      { 'if-match': `"${created.version}"` },
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).map((f) => f.field)).toContain('roster');
  });
});

describe('补学', () => {
  it('records a member’s 补学 on the version seen, audited, and the member leaves the owed list', async () => {
    const created = await create('leader', sessionInput(fx.streetId, { topic: '补学测试', occurredAt: ON }));
    const before = await owed('leader', { org: fx.streetId, from: '2026-03-15', to: '2026-03-15' });
    const mine = before.filter((i) => i.sessionId === created.id).map((i) => i.name);
    expect(mine).toEqual(['赵委员', '钱委员']);

    const early = await makeUp('leader', created.id, created.version, {
      name: '赵委员',
      madeUpOn: '2026-03-14',
      how: 'SELF',
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.json()).map((f) => f.field)).toContain('madeUpOn');

    const present = await makeUp('leader', created.id, created.version, {
      name: '王书记',
      madeUpOn: '2026-03-20',
      how: 'SELF',
    });
    expect(present.statusCode).toBe(400);

    const stale = await makeUp('leader', created.id, created.version + 5, {
      name: '赵委员',
      madeUpOn: '2026-03-20',
      how: 'SELF',
    });
    expect(stale.statusCode).toBe(412);

    const done = await makeUp('leader', created.id, created.version, {
      name: '赵委员',
      madeUpOn: '2026-03-20',
      how: 'GROUP',
      notes: '参加集中补学',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.headers.etag).toBe(`"${created.version + 1}"`);
    const member = (done.json().roster as Body[]).find((m) => m.name === '赵委员');
    expect(member?.makeUp).toEqual({ madeUpOn: '2026-03-20', how: 'GROUP', notes: '参加集中补学' });

    const audit = await ctx.prisma.auditEvent.findFirst({
      where: { entityType: 'StudySession', entityId: created.id, action: 'UPDATE' },
      orderBy: { at: 'desc' },
    });
    expect(audit?.after).toMatchObject({ makeUp: { name: '赵委员', madeUpOn: '2026-03-20' } });

    const after = await owed('leader', { org: fx.streetId, from: '2026-03-15', to: '2026-03-15' });
    expect(after.filter((i) => i.sessionId === created.id).map((i) => i.name)).toEqual(['钱委员']);
  });

  it('the owed list is reach-checked: a secretary sees only their branch, never another', async () => {
    const day = '2026-04-02';
    const inA = await create('leader', sessionInput(fx.branchAId, { occurredAt: `${day}T09:00:00+08:00` }));
    const inB = await create('leader', sessionInput(fx.branchBId, { occurredAt: `${day}T10:00:00+08:00` }));
    const seenByA = await owed('secA', { from: day, to: day });
    expect(new Set(seenByA.map((i) => i.sessionId))).toEqual(new Set([inA.id]));
    const seenByLeader = await owed('leader', { org: fx.streetId, from: day, to: day });
    expect(new Set(seenByLeader.map((i) => i.sessionId))).toEqual(new Set([inA.id, inB.id]));
    const asked = await send('secA', 'GET', `/api/study-sessions/make-ups-owed?org=${fx.branchBId}`);
    expect(asked.statusCode).toBe(404);
  });

  it('a secretary cannot record a 补学 on another branch’s session', async () => {
    const inB = await create('leader', sessionInput(fx.branchBId));
    const res = await makeUp('secA', inB.id, inB.version, { name: '赵委员', madeUpOn: '2026-03-20', how: 'SELF' });
    expect(res.statusCode).toBe(404);
    const patch = await send(
      'secA',
      'PATCH',
      `/api/study-sessions/${inB.id}`,
      { roster: roster() },
      {
        'if-match': `"${inB.version}"`,
      },
    );
    expect(patch.statusCode).toBe(404);
    const mine = await create('secB', sessionInput(fx.branchBId));
    const ok = await makeUp('secB', mine.id, mine.version, { name: '钱委员', madeUpOn: '2026-03-16', how: 'SELF' });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
