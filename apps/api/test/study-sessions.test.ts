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

function studyInput(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    kind: 'CENTRAL_GROUP',
    topicCategory: 'THEORY',
    topic: '学习党的二十届四中全会精神',
    occurredAt: '2026-03-15T09:00:00+08:00',
    host: '王书记',
    expectedAttendance: 12,
    actualAttendance: 10,
    absentees: [{ name: '张三', reason: '因病请假' }],
    materials: '《习近平谈治国理政》第五卷',
    minutes: '集体学习并交流发言',
    ...overrides,
  };
}

const post = (who: string, payload: unknown, headers: Headers = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/study-sessions',
    headers: { cookie: cookies[who] ?? '', ...headers },
    payload: payload as object,
  });
const get = (who: string, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });
const patch = (who: string, id: string, payload: unknown, headers: Headers = {}) =>
  ctx.app.inject({
    method: 'PATCH',
    url: `/api/study-sessions/${id}`,
    headers: { cookie: cookies[who] ?? '', ...headers },
    payload: payload as object,
  });
const del = (who: string, id: string, headers: Headers = {}) =>
  ctx.app.inject({
    method: 'DELETE',
    url: `/api/study-sessions/${id}`,
    headers: { cookie: cookies[who] ?? '', ...headers },
  });

async function createAs(who: string, orgId: string, overrides: Record<string, unknown> = {}) {
  const res = await post(who, studyInput(orgId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orgId: string; topic: string; version: number };
}

const counts = async () => ({
  sessions: await ctx.prisma.studySession.count(),
  audits: await ctx.prisma.auditEvent.count({ where: { entityType: 'StudySession' } }),
});

const fieldsOf = (body: { error: { details?: { fields?: { field: string }[] } } }) =>
  (body.error.details?.fields ?? []).map((f) => f.field);

describe('creating study sessions', () => {
  it('a secretary records a session for their own branch, and an audit event records it', async () => {
    const res = await post('secA', studyInput(fx.branchAId));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(String),
      version: 1,
      orgId: fx.branchAId,
      orgName: '甲村党支部',
      kind: 'CENTRAL_GROUP',
      topicCategory: 'THEORY',
      topic: '学习党的二十届四中全会精神',
      occurredAt: '2026-03-15T01:00:00.000Z',
      timeKnown: true,
      host: '王书记',
      expectedAttendance: 12,
      actualAttendance: 10,
      absentees: [{ name: '张三', reason: '因病请假' }],
      materials: '《习近平谈治国理政》第五卷',
      minutes: '集体学习并交流发言',
      // No roster was sent: none is kept (ADR 051), the counts are as typed.
      roster: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await ctx.prisma.studySession.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ createdById: fx.users.secA, updatedById: fx.users.secA, version: 1 });
    expect(row.absentees).toEqual([{ name: '张三', reason: '因病请假' }]);
    const audits = await ctx.prisma.auditEvent.findMany({ where: { entityId: created.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'CREATE',
      actorId: fx.users.secA,
      entityType: 'StudySession',
      orgId: fx.branchAId,
      before: null,
    });
    expect(audits[0]?.after).toMatchObject({
      topic: '学习党的二十届四中全会精神',
      kind: 'CENTRAL_GROUP',
      absentees: [{ name: '张三', reason: '因病请假' }],
    });
  });

  it('stores a minimal session with topic category OTHER, no counts and an empty absentee list', async () => {
    const res = await post('secA', {
      orgId: fx.branchAId,
      kind: 'BRANCH_STUDY',
      topic: '  支部集中学习  ',
      occurredAt: '2026-04-01T19:30:00+08:00',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      topicCategory: 'OTHER',
      topic: '支部集中学习',
      host: null,
      expectedAttendance: null,
      actualAttendance: null,
      absentees: [],
      materials: null,
      minutes: null,
    });
  });

  it('a secretary may also record for an org below their branch', async () => {
    const created = await createAs('secA', fx.branchAUnitId);
    expect(created.orgId).toBe(fx.branchAUnitId);
  });

  it('a secretary cannot record a session for another branch or the street, and nothing is written', async () => {
    const before = await counts();
    for (const orgId of [fx.branchBId, fx.streetId]) {
      const res = await post('secA', studyInput(orgId));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  it('the leader records sessions for any org, the street included', async () => {
    for (const orgId of [fx.streetId, fx.branchBId]) {
      const created = await createAs('leader', orgId, { kind: 'SEMINAR', topicCategory: 'IDEOLOGY_WORK' });
      expect(created.orgId).toBe(orgId);
    }
  });

  it.each(['auditor', 'admin'])('%s cannot record study sessions', async (who) => {
    const before = await counts();
    const res = await post(who, studyInput(fx.branchAId));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '没有执行此操作的权限', key: 'auth.forbidden', params: {} },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a signed-out request with 401', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/study-sessions', payload: studyInput(fx.branchAId) });
    expect(res.statusCode).toBe(401);
  });

  it('refuses an org that does not exist with 404', async () => {
    const res = await post('leader', studyInput(crypto.randomUUID()));
    expect(res.statusCode).toBe(404);
  });
});

describe('validation', () => {
  it('refuses more present than expected, on actualAttendance, and writes nothing', async () => {
    const before = await counts();
    const res = await post('secA', studyInput(fx.branchAId, { expectedAttendance: 10, actualAttendance: 11 }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误，请按提示修改',
        key: 'request.invalidFields',
        params: {},
        details: {
          fields: [{ field: 'actualAttendance', code: 'custom', message: '实到人数（11）不能多于应到人数（10）' }],
        },
      },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses more absentees than expected minus actual, on absentees', async () => {
    const before = await counts();
    const absentees = [
      { name: '张三', reason: '因病请假' },
      { name: '李四', reason: '外出务工' },
      { name: '王五', reason: '因事请假' },
    ];
    const res = await post(
      'secA',
      studyInput(fx.branchAId, { expectedAttendance: 12, actualAttendance: 10, absentees }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { field: 'absentees', code: 'custom', message: expect.stringContaining('3 人') },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses an absentee list over the limit, and an absentee without a name, naming each field', async () => {
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ name: `党员${i}`, reason: '请假' }));
    const many = await post('secA', studyInput(fx.branchAId, { expectedAttendance: null, absentees: tooMany }));
    expect(many.statusCode).toBe(400);
    expect(many.json().error.details.fields).toEqual([
      { field: 'absentees', code: 'too_big', message: expect.any(String), key: 'field.tooMany', params: { max: 500 } },
    ]);
    const unnamed = await post('secA', studyInput(fx.branchAId, { absentees: [{ name: ' ', reason: '请假' }] }));
    expect(unnamed.statusCode).toBe(400);
    expect(fieldsOf(unnamed.json())).toEqual(['absentees.0.name']);
  });

  it('refuses an unknown field, a too long topic and a bad kind with per-field details', async () => {
    const before = await counts();
    const res = await post('secA', {
      ...studyInput(fx.branchAId),
      topic: 'x'.repeat(201),
      kind: 'LECTURE',
      host: 'h'.repeat(65),
      occurredAt: '2026-03-15',
      unexpected: true,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual(expect.arrayContaining(['topic', 'kind', 'host', 'occurredAt']));
    const topic = body.error.details.fields.find((f: { field: string }) => f.field === 'topic');
    expect(topic.code).toBe('too_big');
    expect(JSON.stringify(body)).toContain('unexpected');
    expect(await counts()).toEqual(before);
  });

  it('checks the attendance rules of a PATCH on the record it would make, and changes nothing', async () => {
    const own = await createAs('secA', fx.branchAId); // 应到 12, 实到 10, 1 absentee
    const cases: [Record<string, unknown>, string][] = [
      [{ actualAttendance: 13 }, 'actualAttendance'],
      [{ expectedAttendance: 9 }, 'actualAttendance'],
      [{ expectedAttendance: 10 }, 'absentees'],
      [
        {
          absentees: [
            { name: '甲', reason: '病假' },
            { name: '乙', reason: '事假' },
            { name: '丙', reason: '公差' },
          ],
        },
        'absentees',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await patch('secA', own.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.json())).toEqual([field]);
    }
    const row = await ctx.prisma.studySession.findUniqueOrThrow({ where: { id: own.id } });
    expect(row).toMatchObject({ version: 1, expectedAttendance: 12, actualAttendance: 10 });
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: own.id, action: 'UPDATE' } })).toBe(0);
    // Clearing the expected count lifts the comparison; clearing the list allows 应到 = 实到.
    expect((await patch('secA', own.id, { expectedAttendance: 10, absentees: [] })).statusCode).toBe(200);
    expect((await patch('secA', own.id, { expectedAttendance: null, actualAttendance: 40 })).statusCode).toBe(200);
  });

  it('refuses an empty PATCH', async () => {
    const own = await createAs('secA', fx.branchAId);
    const res = await patch('secA', own.id, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('reading, changing and deleting', () => {
  let ownA: { id: string };
  let ownB: { id: string };

  beforeAll(async () => {
    ownA = await createAs('secA', fx.branchAId, { topic: '甲村支部学习' });
    ownB = await createAs('secB', fx.branchBId, { topic: '乙社区支部学习' });
  });

  it("a secretary cannot read, change or delete another branch's session by id", async () => {
    const read = await get('secA', `/api/study-sessions/${ownB.id}`);
    const change = await patch('secA', ownB.id, { topic: '被篡改' });
    const remove = await del('secA', ownB.id);
    for (const res of [read, change, remove]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const row = await ctx.prisma.studySession.findUniqueOrThrow({ where: { id: ownB.id } });
    expect(row).toMatchObject({ topic: '乙社区支部学习', version: 1 });
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: ownB.id, action: { not: 'CREATE' } } })).toBe(0);
  });

  it('a secretary cannot move their session to another branch', async () => {
    const res = await patch('secA', ownA.id, { orgId: fx.branchBId });
    expect(res.statusCode).toBe(403);
    expect((await ctx.prisma.studySession.findUniqueOrThrow({ where: { id: ownA.id } })).orgId).toBe(fx.branchAId);
  });

  it.each(['auditor', 'admin'])('%s reads any session but cannot change or delete it', async (who) => {
    const read = await get(who, `/api/study-sessions/${ownB.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().topic).toBe('乙社区支部学习');
    const change = await patch(who, ownB.id, { topic: 'x' });
    const remove = await del(who, ownB.id);
    for (const res of [change, remove]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await ctx.prisma.studySession.findUniqueOrThrow({ where: { id: ownB.id } })).version).toBe(1);
  });

  it('a secretary updates their own session and the audit event keeps before and after', async () => {
    const res = await patch('secA', ownA.id, {
      topic: '甲村支部学习（修订）',
      actualAttendance: 11,
      absentees: [],
      host: '',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      topic: '甲村支部学习（修订）',
      actualAttendance: 11,
      absentees: [],
      host: null,
      version: 2,
    });
    expect(res.headers.etag).toBe('"2"');
    const audits = await ctx.prisma.auditEvent.findMany({ where: { entityId: ownA.id, action: 'UPDATE' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: fx.users.secA, entityType: 'StudySession', orgId: fx.branchAId });
    expect(audits[0]?.before).toMatchObject({
      topic: '甲村支部学习',
      actualAttendance: 10,
      host: '王书记',
      absentees: [{ name: '张三', reason: '因病请假' }],
      version: 1,
    });
    expect(audits[0]?.after).toMatchObject({
      topic: '甲村支部学习（修订）',
      actualAttendance: 11,
      host: null,
      absentees: [],
      version: 2,
      updatedById: fx.users.secA,
    });
  });

  it("the leader changes and deletes a branch's session", async () => {
    const target = await createAs('secB', fx.branchBId, { topic: '乙社区干部培训', kind: 'CADRE_TRAINING' });
    const change = await patch('leader', target.id, { topicCategory: 'POLICY' });
    expect(change.statusCode).toBe(200);
    expect(change.json()).toMatchObject({ topicCategory: 'POLICY', kind: 'CADRE_TRAINING' });
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: target.id, action: 'UPDATE' } });
    expect(audit.actorId).toBe(fx.users.leader);
    expect(audit.before).toMatchObject({ topicCategory: 'THEORY' });
    expect(audit.after).toMatchObject({ topicCategory: 'POLICY' });
    expect((await del('leader', target.id)).statusCode).toBe(200);
    expect(await ctx.prisma.studySession.findUnique({ where: { id: target.id } })).toBeNull();
  });

  it('answers the version as an ETag and refuses a change made against an old version with 412', async () => {
    const read = await get('secA', `/api/study-sessions/${ownA.id}`);
    expect(read.statusCode).toBe(200);
    const etag = read.headers.etag as string;
    expect(etag).toBe(`"${read.json().version}"`);
    const first = await patch('secA', ownA.id, { materials: '学习材料汇编' }, { 'if-match': etag });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe(`"${read.json().version + 1}"`);
    const stored = await ctx.prisma.studySession.findUniqueOrThrow({ where: { id: ownA.id } });
    const audits = await ctx.prisma.auditEvent.count({ where: { entityId: ownA.id } });

    const stale = await patch('secA', ownA.id, { materials: '被覆盖' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toEqual({
      error: {
        code: 'PRECONDITION_FAILED',
        message: '这条记录已被他人修改，请刷新后查看最新内容再操作',
        key: 'record.changedMeanwhile',
        params: {},
      },
    });
    const staleDelete = await del('secA', ownA.id, { 'if-match': etag });
    expect(staleDelete.statusCode).toBe(412);

    expect(await ctx.prisma.studySession.findUniqueOrThrow({ where: { id: ownA.id } })).toEqual(stored);
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: ownA.id } })).toBe(audits);
  });

  it('of two concurrent changes sent against the same version, exactly one wins', async () => {
    const etag = (await get('secA', `/api/study-sessions/${ownA.id}`)).headers.etag as string;
    const results = await Promise.all(
      ['一', '二', '三'].map((n) => patch('secA', ownA.id, { minutes: `纪要${n}` }, { 'if-match': etag })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412, 412]);
    const winner = results.find((r) => r.statusCode === 200)?.json().minutes;
    expect((await ctx.prisma.studySession.findUniqueOrThrow({ where: { id: ownA.id } })).minutes).toBe(winner);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await get('leader', `/api/study-sessions/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const malformed = await get('leader', '/api/study-sessions/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(fieldsOf(malformed.json())).toEqual(['id']);
  });

  it('a secretary deletes their own session with its evidence rows; the audit event keeps what was deleted', async () => {
    const doomed = await createAs('secA', fx.branchAId, { topic: '将被删除' });
    const other = await createAs('secA', fx.branchAId, { topic: '保留' });
    const evidence = (entityId: string) => ({
      entityType: 'StudySession',
      entityId,
      fileName: '签到表.jpg',
      mimeType: 'image/jpeg',
      size: 10,
      sha256: 'a'.repeat(64),
      orgId: fx.branchAId,
    });
    await ctx.prisma.attachment.createMany({ data: [evidence(doomed.id), evidence(other.id)] });
    const res = await del('secA', doomed.id, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await ctx.prisma.studySession.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect(await ctx.prisma.attachment.count({ where: { entityId: doomed.id } })).toBe(0);
    expect(await ctx.prisma.attachment.count({ where: { entityId: other.id } })).toBe(1);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: doomed.id, action: 'DELETE' } });
    expect(audit).toMatchObject({ actorId: fx.users.secA, entityType: 'StudySession', after: null });
    expect(audit.before).toMatchObject({ topic: '将被删除', version: 1 });
    expect((await del('secA', doomed.id)).statusCode).toBe(404);
  });
});

describe('idempotent create', () => {
  const withKey = (key: string) => ({ 'idempotency-key': key });

  it('a retry with the same key and body answers the first record again and stores exactly one', async () => {
    const key = `study-${crypto.randomUUID()}`;
    const body = studyInput(fx.branchAId, { topic: '幂等重试的学习' });
    const first = await post('secA', body, withKey(key));
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const again = await post('secA', body, withKey(key));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await ctx.prisma.studySession.count({ where: { topic: '幂等重试的学习' } })).toBe(1);
    expect(
      await ctx.prisma.auditEvent.count({ where: { entityId: first.json().id, entityType: 'StudySession' } }),
    ).toBe(1);
  });

  it('the same key with another body is refused with 422 and writes nothing', async () => {
    const key = `study-${crypto.randomUUID()}`;
    expect((await post('secA', studyInput(fx.branchAId, { topic: '第一次' }), withKey(key))).statusCode).toBe(201);
    const before = await counts();
    const other = await post('secA', studyInput(fx.branchAId, { topic: '第二次' }), withKey(key));
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await counts()).toEqual(before);
    expect(await ctx.prisma.studySession.count({ where: { topic: '第二次' } })).toBe(0);
  });

  it('keys are per user: another user with the same key gets their own record', async () => {
    const key = `study-${crypto.randomUUID()}`;
    const a = await post('secA', studyInput(fx.branchAId, { topic: '同键不同人' }), withKey(key));
    const b = await post('leader', studyInput(fx.branchAId, { topic: '同键不同人' }), withKey(key));
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.headers['idempotency-replayed']).toBeUndefined();
    expect(b.json().id).not.toBe(a.json().id);
  });

  it('a refused create stores no answer under its key, so the key is still free', async () => {
    const key = `study-${crypto.randomUUID()}`;
    expect((await post('secA', studyInput(fx.branchBId, { topic: '先被拒绝' }), withKey(key))).statusCode).toBe(403);
    const next = await post('secA', studyInput(fx.branchAId, { topic: '再成功' }), withKey(key));
    expect(next.statusCode).toBe(201);
    expect(next.headers['idempotency-replayed']).toBeUndefined();
    expect(await ctx.prisma.studySession.count({ where: { topic: { in: ['先被拒绝', '再成功'] } } })).toBe(1);
  });

  it('refuses a malformed key with 400 on the header', async () => {
    const res = await post('secA', studyInput(fx.branchAId), withKey('short'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('listing', () => {
  let listCtx: TestContext;
  let lf: Fixture;
  const c: Record<string, string> = {};
  const listGet = (who: string, url: string) =>
    listCtx.app.inject({ method: 'GET', url, headers: { cookie: c[who] ?? '' } });
  const KINDS = ['CENTRAL_GROUP', 'SEMINAR', 'BRANCH_STUDY', 'CADRE_TRAINING'] as const;

  beforeAll(async () => {
    listCtx = await createTestContext();
    lf = await seedFixture(listCtx.prisma);
    for (const u of ['leader', 'auditor', 'secA', 'secB']) c[u] = await login(listCtx.app, u);
    // 20 in branch A (4 of them in its sub-unit), 10 in branch B, 2 at the street, at known instants.
    const rows = [];
    for (let i = 0; i < 32; i += 1) {
      rows.push({
        orgId: i < 16 ? lf.branchAId : i < 20 ? lf.branchAUnitId : i < 30 ? lf.branchBId : lf.streetId,
        kind: KINDS[i % 4] ?? 'BRANCH_STUDY',
        topicCategory: i % 8 === 1 ? ('ONLINE_IDEOLOGY' as const) : ('THEORY' as const),
        topic: `学习${i}`,
        // Two per day from 2026-01-01 00:30 Shanghai (= 2025-12-31T16:30Z); equal times exercise the id tiebreak.
        occurredAt: new Date(Date.UTC(2025, 11, 31, 16, 30) + Math.floor(i / 2) * 86_400_000),
      });
    }
    await listCtx.prisma.studySession.createMany({ data: rows });
  });
  afterAll(() => listCtx?.close());

  it("a secretary's list holds only their branch subtree, whatever the org filter says", async () => {
    const own = await listGet('secA', '/api/study-sessions?limit=100');
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toHaveLength(20);
    expect(new Set(own.json().items.map((s: { orgId: string }) => s.orgId))).toEqual(
      new Set([lf.branchAId, lf.branchAUnitId]),
    );
    for (const org of [lf.branchBId, lf.streetId]) {
      const other = await listGet('secA', `/api/study-sessions?org=${org}`);
      expect(other.statusCode).toBe(404);
    }
    expect((await listGet('secB', '/api/study-sessions?limit=100')).json().items).toHaveLength(10);
  });

  it('the leader and the auditor list every org, and the org filter covers the subtree', async () => {
    expect((await listGet('leader', '/api/study-sessions?limit=100')).json().items).toHaveLength(32);
    expect((await listGet('auditor', '/api/study-sessions?limit=100')).json().items).toHaveLength(32);
    const a = await listGet('leader', `/api/study-sessions?limit=100&org=${lf.branchAId}`);
    expect(a.json().items).toHaveLength(20);
    const unit = await listGet('leader', `/api/study-sessions?limit=100&org=${lf.branchAUnitId}`);
    expect(unit.json().items).toHaveLength(4);
  });

  it('filters by kind and by topic category', async () => {
    for (const kind of KINDS) {
      const items = (await listGet('leader', `/api/study-sessions?limit=100&kind=${kind}`)).json().items;
      expect(items).toHaveLength(8);
      expect(items.every((s: { kind: string }) => s.kind === kind)).toBe(true);
    }
    const seminars = (
      await listGet('leader', '/api/study-sessions?limit=100&kind=SEMINAR&topicCategory=ONLINE_IDEOLOGY')
    ).json().items;
    expect(seminars.map((s: { topic: string }) => s.topic).sort()).toEqual(['学习1', '学习17', '学习25', '学习9']);
    const bad = await listGet('leader', '/api/study-sessions?kind=LECTURE');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['kind']);
  });

  it('filters by Asia/Shanghai calendar days, both ends inclusive', async () => {
    // 2026-01-01 holds sessions 0 and 1 (00:30 Shanghai, still 2025-12-31 in UTC).
    const firstDay = (await listGet('leader', '/api/study-sessions?from=2026-01-01&to=2026-01-01')).json().items;
    expect(firstDay.map((s: { topic: string }) => s.topic).sort()).toEqual(['学习0', '学习1']);
    const range = (await listGet('leader', '/api/study-sessions?limit=100&from=2026-01-02&to=2026-01-04')).json().items;
    expect(range.map((s: { topic: string }) => s.topic).sort()).toEqual(
      ['学习2', '学习3', '学习4', '学习5', '学习6', '学习7'].sort(),
    );
    const fromOnly = (await listGet('leader', '/api/study-sessions?limit=100&from=2026-01-16')).json().items;
    expect(fromOnly).toHaveLength(2);
    const combined = (
      await listGet('leader', '/api/study-sessions?limit=100&kind=CENTRAL_GROUP&from=2026-01-01&to=2026-01-08')
    ).json().items;
    expect(combined.map((s: { topic: string }) => s.topic).sort()).toEqual(['学习0', '学习12', '学习4', '学习8']);
    const bad = await listGet('leader', '/api/study-sessions?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['from']);
  });

  it('walks every page with the keyset cursor, in order, without gaps or repeats', async () => {
    for (const sort of ['-occurredAt', 'occurredAt', '-createdAt', 'createdAt']) {
      const seen: { id: string; occurredAt: string; createdAt: string }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url = `/api/study-sessions?limit=5&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await listGet('leader', url);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().items.length).toBeLessThanOrEqual(5);
        seen.push(...res.json().items);
        cursor = res.json().nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(pages).toBe(7);
      expect(seen).toHaveLength(32);
      expect(new Set(seen.map((s) => s.id)).size).toBe(32);
      const key = sort.replace('-', '') as 'occurredAt' | 'createdAt';
      const desc = sort.startsWith('-');
      // Ordered by (field, id): equal instants fall back on the id, in the same direction.
      const sorted = [...seen].sort((x, y) => {
        const byField = Date.parse(x[key]) - Date.parse(y[key]);
        const cmp = byField !== 0 ? byField : x.id < y.id ? -1 : 1;
        return desc ? -cmp : cmp;
      });
      expect(seen.map((s) => s.id)).toEqual(sorted.map((s) => s.id));
    }
  });

  it('refuses a forged or mismatched cursor with 400', async () => {
    const first = (await listGet('leader', '/api/study-sessions?limit=2')).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const mismatched = await listGet('leader', `/api/study-sessions?limit=2&sort=createdAt&cursor=${first.nextCursor}`);
    expect(mismatched.statusCode).toBe(400);
    expect(fieldsOf(mismatched.json())).toEqual(['cursor']);
    expect((await listGet('leader', '/api/study-sessions?cursor=%%%')).statusCode).toBe(400);
    expect((await listGet('leader', '/api/study-sessions?limit=1000')).statusCode).toBe(400);
    expect((await listGet('leader', '/api/study-sessions?sort=-topic')).statusCode).toBe(400);
  });
});

describe('listing by topic group (the two kinds of 专题研讨 the dashboard counts apart)', () => {
  // Dates in May 2019, which no other test here uses, so the list can be read by days.
  const DAYS = 'from=2019-05-01&to=2019-05-31';
  const made: Record<string, string> = {};
  const ids = (res: { json(): { items: { id: string }[] } }) =>
    res
      .json()
      .items.map((x) => x.id)
      .sort();
  const idsOf = (...keys: string[]) => keys.map((k) => made[k]).sort();

  beforeAll(async () => {
    const rows: [string, string, string, string, Record<string, unknown>][] = [
      ['ideologyA', 'secA', fx.branchAId, 'IDEOLOGY_WORK', {}],
      ['onlineAUnit', 'secA', fx.branchAUnitId, 'ONLINE_IDEOLOGY', {}],
      ['theoryA', 'secA', fx.branchAId, 'THEORY', {}],
      ['policyA', 'secA', fx.branchAId, 'POLICY', {}],
      ['otherB', 'secB', fx.branchBId, 'OTHER', {}],
      ['ideologyB', 'secB', fx.branchBId, 'IDEOLOGY_WORK', {}],
      // Another kind on an ideology topic: the group narrows topics, not kinds.
      ['centralIdeologyA', 'leader', fx.branchAId, 'IDEOLOGY_WORK', { kind: 'CENTRAL_GROUP' }],
    ];
    for (const [key, who, orgId, topicCategory, extra] of rows) {
      made[key] = (
        await createAs(who, orgId, {
          kind: 'SEMINAR',
          topicCategory,
          occurredAt: '2019-05-20T09:00:00+08:00',
          ...extra,
        })
      ).id;
    }
  });

  it('topicGroup=IDEOLOGY lists ideology-work and online-ideology topics; STUDY every other topic', async () => {
    const ideology = await get('leader', `/api/study-sessions?limit=100&${DAYS}&kind=SEMINAR&topicGroup=IDEOLOGY`);
    expect(ideology.statusCode, ideology.body).toBe(200);
    expect(ids(ideology)).toEqual(idsOf('ideologyA', 'onlineAUnit', 'ideologyB'));
    const study = await get('leader', `/api/study-sessions?limit=100&${DAYS}&kind=SEMINAR&topicGroup=STUDY`);
    expect(ids(study)).toEqual(idsOf('theoryA', 'policyA', 'otherB'));
    const anyKind = await get('leader', `/api/study-sessions?limit=100&${DAYS}&topicGroup=IDEOLOGY`);
    expect(ids(anyKind)).toEqual(idsOf('ideologyA', 'onlineAUnit', 'ideologyB', 'centralIdeologyA'));
  });

  it('a topic and a group both apply: a topic outside the group lists nothing', async () => {
    const inside = await get('leader', `/api/study-sessions?${DAYS}&topicGroup=IDEOLOGY&topicCategory=ONLINE_IDEOLOGY`);
    expect(ids(inside)).toEqual(idsOf('onlineAUnit'));
    const outside = await get('leader', `/api/study-sessions?${DAYS}&topicGroup=IDEOLOGY&topicCategory=THEORY`);
    expect(outside.statusCode).toBe(200);
    expect(outside.json().items).toEqual([]);
  });

  it("the scope still applies: a secretary of B sees only B's sessions of the group", async () => {
    expect(ids(await get('secB', `/api/study-sessions?limit=100&${DAYS}&topicGroup=IDEOLOGY`))).toEqual(
      idsOf('ideologyB'),
    );
    expect(ids(await get('secA', `/api/study-sessions?limit=100&${DAYS}&kind=SEMINAR&topicGroup=IDEOLOGY`))).toEqual(
      idsOf('ideologyA', 'onlineAUnit'),
    );
    expect((await get('secB', `/api/study-sessions?${DAYS}&topicGroup=IDEOLOGY&org=${fx.branchAId}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses an unknown group, naming the field', async () => {
    const res = await get('leader', '/api/study-sessions?topicGroup=THEORY');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['topicGroup']);
  });
});
