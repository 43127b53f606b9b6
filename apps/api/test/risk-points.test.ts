import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

const DAY = 86_400_000;

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['admin', 'leader', 'auditor', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

function pointInput(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    name: '村民微信群',
    type: 'WECHAT_GROUP',
    level: 'MEDIUM',
    controlMeasure: '群主实名，网格员巡查',
    responsiblePerson: '张书记',
    ...overrides,
  };
}

type Req = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: unknown };
const send = (who: string, req: Req, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: req.method,
    url: req.url,
    headers: { cookie: cookies[who] ?? '', ...headers },
    ...(req.payload === undefined ? {} : { payload: req.payload as object }),
  });
const post = (who: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(who, { method: 'POST', url: '/api/risk-points', payload }, headers);
const get = (who: string, url: string) => send(who, { method: 'GET', url });
const patch = (who: string, id: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(who, { method: 'PATCH', url: `/api/risk-points/${id}`, payload }, headers);
const del = (who: string, id: string, headers: Record<string, string> = {}) =>
  send(who, { method: 'DELETE', url: `/api/risk-points/${id}` }, headers);
const check = (who: string, id: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(who, { method: 'POST', url: `/api/risk-points/${id}/checks`, payload }, headers);

interface PointBody {
  id: string;
  version: number;
  orgId: string;
  checkIntervalDays: number;
  lastCheckedAt: string | null;
  nextCheckDueAt: string;
  checkStatus: string;
  createdAt: string;
}

async function createAs(who: string, orgId: string, overrides: Record<string, unknown> = {}) {
  const res = await post(who, pointInput(orgId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PointBody;
}

async function checkAs(who: string, id: string, payload: Record<string, unknown>) {
  const res = await check(who, id, { result: 'NORMAL', ...payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { check: { id: string }; riskPoint: PointBody };
}

const counts = async () => ({
  points: await ctx.prisma.riskPoint.count(),
  checks: await ctx.prisma.riskPointCheck.count(),
  audits: await ctx.prisma.auditEvent.count({ where: { entityType: 'RiskPoint' } }),
});

const fieldsOf = (body: { error: { details: { fields: { field: string }[] } } }) =>
  body.error.details.fields.map((f) => f.field);

describe('registering risk points', () => {
  it('a secretary registers a point for their branch; the first check is due 30 days after registration', async () => {
    const created = await createAs('secA', fx.branchAId);
    expect(created).toEqual({
      id: expect.any(String),
      version: 1,
      orgId: fx.branchAId,
      orgName: '甲村党支部',
      name: '村民微信群',
      type: 'WECHAT_GROUP',
      level: 'MEDIUM',
      controlMeasure: '群主实名，网格员巡查',
      responsiblePerson: '张书记',
      checkIntervalDays: 30,
      lastCheckedAt: null,
      nextCheckDueAt: new Date(Date.parse(created.createdAt) + 30 * DAY).toISOString(),
      checkStatus: 'OK',
      sponsor: null,
      administrators: [],
      reviewFirst: null,
      reviewSecond: null,
      reviewFinal: null,
      audienceSize: null,
      lastUpdatedAt: null,
      // A 微信群 never goes stale; registered just now, it is not inspected this quarter yet.
      state: expect.objectContaining({ red: true, reasons: [{ code: 'UNCHECKED_THIS_QUARTER', days: null }] }),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await ctx.prisma.riskPoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.nextCheckDueAt?.toISOString()).toBe(created.nextCheckDueAt);
    expect(row).toMatchObject({ createdById: fx.users.secA, version: 1 });
    const audits = await ctx.prisma.auditEvent.findMany({ where: { entityId: created.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: fx.users.secA, action: 'CREATE', entityType: 'RiskPoint' });
    expect(audits[0]?.after).toMatchObject({ name: '村民微信群', checkIntervalDays: 30, lastCheckedAt: null });
  });

  it('a point registered with a 7-day interval is due a week after registration, in the sub-unit too', async () => {
    const created = await createAs('secA', fx.branchAUnitId, { checkIntervalDays: 7, controlMeasure: null });
    expect(created.checkIntervalDays).toBe(7);
    expect(Date.parse(created.nextCheckDueAt) - Date.parse(created.createdAt)).toBe(7 * DAY);
  });

  it('the leader registers for any branch', async () => {
    expect((await createAs('leader', fx.branchBId)).orgId).toBe(fx.branchBId);
  });

  it('a secretary cannot register for another branch, and nothing is written', async () => {
    const before = await counts();
    const res = await post('secA', pointInput(fx.branchBId));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it.each(['auditor', 'admin'])('%s cannot register risk points', async (who) => {
    const before = await counts();
    const res = await post(who, pointInput(fx.branchAId));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '没有执行此操作的权限', key: 'auth.forbidden', params: {} },
    });
    expect(await counts()).toEqual(before);
  });

  it.each([
    [0, 'too_small'],
    [367, 'too_big'],
    [1.5, 'invalid_type'],
  ])('refuses a check interval of %s days, naming the field', async (days, code) => {
    const before = await counts();
    const res = await post('secA', pointInput(fx.branchAId, { checkIntervalDays: days }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([expect.objectContaining({ field: 'checkIntervalDays', code })]);
    expect(await counts()).toEqual(before);
  });

  it('accepts the interval bounds 1 and 366', async () => {
    expect((await createAs('secA', fx.branchAId, { checkIntervalDays: 1 })).checkIntervalDays).toBe(1);
    expect((await createAs('secA', fx.branchAId, { checkIntervalDays: 366 })).checkIntervalDays).toBe(366);
  });

  it('refuses a due date or last check typed in, and other malformed input, with per-field details', async () => {
    const before = await counts();
    const res = await post('secA', {
      ...pointInput(fx.branchAId),
      name: '',
      type: 'FORUM',
      level: 'CRITICAL',
      responsiblePerson: 'x'.repeat(65),
      nextCheckDueAt: '2026-12-01T00:00:00Z',
      lastCheckedAt: '2026-11-01T00:00:00Z',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(fieldsOf(body)).toEqual(expect.arrayContaining(['name', 'type', 'level', 'responsiblePerson']));
    expect(JSON.stringify(body)).toContain('nextCheckDueAt');
    expect(JSON.stringify(body)).toContain('lastCheckedAt');
    expect(await counts()).toEqual(before);
  });

  it('a retried registration with the same Idempotency-Key stores one point', async () => {
    const before = await counts();
    const headers = { 'idempotency-key': `rp-${crypto.randomUUID()}` };
    const input = pointInput(fx.branchAId, { name: '重试登记的阵地' });
    const first = await post('secA', input, headers);
    const second = await post('secA', input, headers);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect(await ctx.prisma.riskPoint.count({ where: { name: '重试登记的阵地' } })).toBe(1);
    expect(await counts()).toEqual({ ...before, points: before.points + 1, audits: before.audits + 1 });
  });
});

describe('reading, changing and deleting', () => {
  let ownA: PointBody;
  let ownB: PointBody;

  beforeAll(async () => {
    ownA = await createAs('secA', fx.branchAId, { name: '甲村宣传栏', type: 'BULLETIN_BOARD' });
    ownB = await createAs('secB', fx.branchBId, { name: '乙社区公众号', type: 'WECHAT_ACCOUNT' });
  });

  it("a secretary cannot read, change, delete, check or list the checks of another branch's point", async () => {
    const before = await counts();
    const responses = [
      await get('secA', `/api/risk-points/${ownB.id}`),
      await patch('secA', ownB.id, { name: '被篡改' }),
      await del('secA', ownB.id),
      await check('secA', ownB.id, { checkedAt: '2026-01-05T10:00:00+08:00', result: 'NORMAL' }),
      await get('secA', `/api/risk-points/${ownB.id}/checks`),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await ctx.prisma.riskPoint.findUniqueOrThrow({ where: { id: ownB.id } })).name).toBe('乙社区公众号');
    expect(await counts()).toEqual(before);
  });

  it('a secretary cannot move their point to another branch', async () => {
    const res = await patch('secA', ownA.id, { orgId: fx.branchBId });
    expect(res.statusCode).toBe(403);
    expect((await ctx.prisma.riskPoint.findUniqueOrThrow({ where: { id: ownA.id } })).orgId).toBe(fx.branchAId);
  });

  it.each(['auditor', 'admin'])(
    '%s reads any point and its checks but cannot change, delete or check it',
    async (who) => {
      const before = await counts();
      expect((await get(who, `/api/risk-points/${ownB.id}`)).statusCode).toBe(200);
      expect((await get(who, `/api/risk-points/${ownB.id}/checks`)).statusCode).toBe(200);
      for (const res of [
        await patch(who, ownB.id, { name: 'x' }),
        await del(who, ownB.id),
        await check(who, ownB.id, { checkedAt: '2026-01-05T10:00:00+08:00', result: 'NORMAL' }),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      expect(await counts()).toEqual(before);
    },
  );

  it('changing the interval moves the due date; the audit event keeps before and after', async () => {
    const res = await patch('secA', ownA.id, { checkIntervalDays: 14, level: 'HIGH' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as PointBody & { level: string };
    expect(body).toMatchObject({ checkIntervalDays: 14, level: 'HIGH', version: 2, lastCheckedAt: null });
    expect(body.nextCheckDueAt).toBe(new Date(Date.parse(ownA.createdAt) + 14 * DAY).toISOString());
    expect(res.headers.etag).toBe('"2"');
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: ownA.id, action: 'UPDATE' } });
    expect(audit.actorId).toBe(fx.users.secA);
    expect(audit.before).toMatchObject({ checkIntervalDays: 30, level: 'MEDIUM', nextCheckDueAt: ownA.nextCheckDueAt });
    expect(audit.after).toMatchObject({ checkIntervalDays: 14, level: 'HIGH', nextCheckDueAt: body.nextCheckDueAt });
  });

  it('refuses an interval of 0 or a typed due date on update and changes nothing', async () => {
    const zero = await patch('secA', ownA.id, { checkIntervalDays: 0 });
    expect(zero.statusCode).toBe(400);
    expect(fieldsOf(zero.json())).toEqual(['checkIntervalDays']);
    const typed = await patch('secA', ownA.id, { nextCheckDueAt: '2030-01-01T00:00:00Z' });
    expect(typed.statusCode).toBe(400);
    expect((await patch('secA', ownA.id, {})).statusCode).toBe(400);
    expect((await ctx.prisma.riskPoint.findUniqueOrThrow({ where: { id: ownA.id } })).checkIntervalDays).toBe(14);
  });

  it('refuses a change or a deletion made against an old version with 412', async () => {
    const read = await get('secA', `/api/risk-points/${ownA.id}`);
    const etag = read.headers.etag as string;
    expect(etag).toBe(`"${read.json().version}"`);
    expect((await patch('secA', ownA.id, { responsiblePerson: '李委员' }, { 'if-match': etag })).statusCode).toBe(200);
    const audits = await ctx.prisma.auditEvent.count({ where: { entityId: ownA.id } });
    const stale = await patch('secA', ownA.id, { responsiblePerson: '被覆盖' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('PRECONDITION_FAILED');
    expect((await del('secA', ownA.id, { 'if-match': etag })).statusCode).toBe(412);
    const row = await ctx.prisma.riskPoint.findUniqueOrThrow({ where: { id: ownA.id } });
    expect(row.responsiblePerson).toBe('李委员');
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: ownA.id } })).toBe(audits);
  });

  it('deleting a point deletes its checks and evidence files; the audit event keeps what was deleted', async () => {
    const doomed = await createAs('secA', fx.branchAId, { name: '将被删除的阵地' });
    await checkAs('secA', doomed.id, { checkedAt: '2026-02-01T10:00:00+08:00' });
    await checkAs('secA', doomed.id, { checkedAt: '2026-03-01T10:00:00+08:00' });
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'RiskPoint',
        entityId: doomed.id,
        fileName: 'photo.jpg',
        mimeType: 'image/jpeg',
        size: 10,
        sha256: 'b'.repeat(64),
        orgId: fx.branchAId,
      },
    });
    const res = await del('secA', doomed.id, { 'if-match': '"3"' });
    expect(res.statusCode).toBe(200);
    expect(await ctx.prisma.riskPoint.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect(await ctx.prisma.riskPointCheck.count({ where: { riskPointId: doomed.id } })).toBe(0);
    expect(await ctx.prisma.attachment.count({ where: { entityId: doomed.id } })).toBe(0);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: doomed.id, action: 'DELETE' } });
    expect(audit.before).toMatchObject({ name: '将被删除的阵地', checkCount: 2, version: 3 });
    expect((await del('secA', doomed.id)).statusCode).toBe(404);
  });
});

describe('recording checks (排查)', () => {
  it('a check sets the last check, moves the due date across the month end and bumps the version', async () => {
    const point = await createAs('secA', fx.branchAId, { name: '月末排查的阵地' });
    const res = await check('secA', point.id, {
      checkedAt: '2025-01-31T10:00:00+08:00',
      result: 'ISSUE_FOUND',
      note: '群内有转发不实信息，已提醒删除',
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"2"');
    const body = res.json();
    expect(body.check).toEqual({
      id: expect.any(String),
      riskPointId: point.id,
      riskPointName: '月末排查的阵地',
      orgId: fx.branchAId,
      orgName: '甲村党支部',
      checkedAt: '2025-01-31T02:00:00.000Z',
      result: 'ISSUE_FOUND',
      onTime: true,
      note: '群内有转发不实信息，已提醒删除',
      checkedByName: 'secA',
      rectificationIds: [],
      createdAt: expect.any(String),
    });
    // 31 Jan + 30 days = 2 Mar, same Shanghai clock time.
    expect(body.riskPoint).toMatchObject({
      version: 2,
      lastCheckedAt: '2025-01-31T02:00:00.000Z',
      nextCheckDueAt: '2025-03-02T02:00:00.000Z',
      checkStatus: 'OVERDUE',
    });
    const row = await ctx.prisma.riskPointCheck.findUniqueOrThrow({ where: { id: body.check.id } });
    expect(row).toMatchObject({ riskPointId: point.id, orgId: fx.branchAId, checkedById: fx.users.secA });
    const stored = await ctx.prisma.riskPoint.findUniqueOrThrow({ where: { id: point.id } });
    expect(stored.nextCheckDueAt?.toISOString()).toBe('2025-03-02T02:00:00.000Z');
    expect(stored.updatedById).toBe(fx.users.secA);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: point.id, action: 'CHECK' } });
    expect(audit).toMatchObject({ actorId: fx.users.secA, entityType: 'RiskPoint', orgId: fx.branchAId });
    expect(audit.before).toMatchObject({ lastCheckedAt: null, nextCheckDueAt: point.nextCheckDueAt, version: 1 });
    expect(audit.after).toMatchObject({
      lastCheckedAt: '2025-01-31T02:00:00.000Z',
      nextCheckDueAt: '2025-03-02T02:00:00.000Z',
      version: 2,
      checkedAt: '2025-01-31T02:00:00.000Z',
      checkResult: 'ISSUE_FOUND',
      checkNote: '群内有转发不实信息，已提醒删除',
    });
  });

  it.each([
    [29, '2024-01-31T09:00:00+08:00', '2024-02-29T01:00:00.000Z'],
    [1, '2024-12-31T23:30:00+08:00', '2025-01-01T15:30:00.000Z'],
    [1, '2025-02-28T12:00:00+08:00', '2025-03-01T04:00:00.000Z'],
    [366, '2023-03-01T08:00:00+08:00', '2024-03-01T00:00:00.000Z'],
  ])('with a %s-day interval a check at %s is next due at %s', async (days, checkedAt, due) => {
    const point = await createAs('secA', fx.branchAId, { checkIntervalDays: days });
    const { riskPoint } = await checkAs('secA', point.id, { checkedAt });
    expect(riskPoint.nextCheckDueAt).toBe(due);
  });

  it('a check entered late never moves the last check back, but is recorded', async () => {
    const point = await createAs('secA', fx.branchAId);
    await checkAs('secA', point.id, { checkedAt: '2026-03-10T10:00:00+08:00' });
    const late = await checkAs('secA', point.id, { checkedAt: '2026-02-10T10:00:00+08:00', result: 'ISSUE_FOUND' });
    expect(late.riskPoint).toMatchObject({
      version: 3,
      lastCheckedAt: '2026-03-10T02:00:00.000Z',
      nextCheckDueAt: '2026-04-09T02:00:00.000Z',
    });
    expect(await ctx.prisma.riskPointCheck.count({ where: { riskPointId: point.id } })).toBe(2);
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: point.id, action: 'CHECK' } })).toBe(2);
  });

  it('a later interval change counts from the last check, not from registration', async () => {
    const point = await createAs('secA', fx.branchAId);
    await checkAs('secA', point.id, { checkedAt: '2026-01-31T10:00:00+08:00' });
    const res = await patch('secA', point.id, { checkIntervalDays: 60 });
    expect(res.json()).toMatchObject({
      lastCheckedAt: '2026-01-31T02:00:00.000Z',
      nextCheckDueAt: '2026-04-01T02:00:00.000Z',
    });
  });

  it('refuses a check dated in the future, naming the field, and writes nothing', async () => {
    const point = await createAs('secA', fx.branchAId);
    const before = await counts();
    const future = new Date(Date.now() + 2 * DAY).toISOString();
    const res = await check('secA', point.id, { checkedAt: future, result: 'NORMAL' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { field: 'checkedAt', code: 'custom', message: '排查时间不能晚于当前时间' },
    ]);
    expect(await counts()).toEqual(before);
    expect((await ctx.prisma.riskPoint.findUniqueOrThrow({ where: { id: point.id } })).version).toBe(1);
  });

  it('refuses a malformed check with per-field details', async () => {
    const point = await createAs('secA', fx.branchAId);
    const res = await check('secA', point.id, { checkedAt: 'today', result: 'FINE', note: 'x'.repeat(2001), by: 'me' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(fieldsOf(body)).toEqual(expect.arrayContaining(['checkedAt', 'result', 'note']));
    expect(fieldsOf(body).filter((f: string) => f === 'checkedAt')).toHaveLength(1);
    expect(body.error.details.fields).toContainEqual(
      expect.objectContaining({ code: 'unrecognized_keys', message: expect.stringContaining('"by"') }),
    );
  });

  it('a retried check with the same Idempotency-Key is stored once and answered the same', async () => {
    const point = await createAs('secA', fx.branchAId);
    const headers = { 'idempotency-key': `chk-${crypto.randomUUID()}` };
    const payload = { checkedAt: '2026-05-20T09:00:00+08:00', result: 'NORMAL', note: '正常' };
    const first = await check('secA', point.id, payload, headers);
    const second = await check('secA', point.id, payload, headers);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(second.headers.etag).toBe('"2"');
    expect(await ctx.prisma.riskPointCheck.count({ where: { riskPointId: point.id } })).toBe(1);
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: point.id, action: 'CHECK' } })).toBe(1);
    expect((await ctx.prisma.riskPoint.findUniqueOrThrow({ where: { id: point.id } })).version).toBe(2);
  });

  it('a check against an old version (If-Match) is refused with 412 and writes nothing', async () => {
    const point = await createAs('secA', fx.branchAId);
    expect(
      (
        await check(
          'secA',
          point.id,
          { checkedAt: '2026-05-01T09:00:00+08:00', result: 'NORMAL' },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(201);
    const before = await counts();
    const stale = await check(
      'secA',
      point.id,
      { checkedAt: '2026-05-02T09:00:00+08:00', result: 'NORMAL' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('PRECONDITION_FAILED');
    expect(await counts()).toEqual(before);
    const row = await ctx.prisma.riskPoint.findUniqueOrThrow({ where: { id: point.id } });
    expect(row.lastCheckedAt?.toISOString()).toBe('2026-05-01T01:00:00.000Z');
  });

  it('the leader checks any branch point', async () => {
    const point = await createAs('secB', fx.branchBId);
    const { check: made } = await checkAs('leader', point.id, { checkedAt: '2026-06-01T09:00:00+08:00' });
    expect(made).toMatchObject({ orgId: fx.branchBId, checkedByName: 'leader' });
  });
});

describe('check status', () => {
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

  it('is OK far from the due date, DUE_SOON within 3 days of it and OVERDUE past it', async () => {
    const fresh = await createAs('secA', fx.branchAId);
    expect(fresh.checkStatus).toBe('OK');
    const soon = await createAs('secA', fx.branchAId);
    expect((await checkAs('secA', soon.id, { checkedAt: ago(28) })).riskPoint.checkStatus).toBe('DUE_SOON');
    const late = await createAs('secA', fx.branchAId);
    expect((await checkAs('secA', late.id, { checkedAt: ago(31) })).riskPoint.checkStatus).toBe('OVERDUE');
    const stillOk = await createAs('secA', fx.branchAId);
    expect((await checkAs('secA', stillOk.id, { checkedAt: ago(20) })).riskPoint.checkStatus).toBe('OK');
    // Answered at read time too.
    expect((await get('secA', `/api/risk-points/${late.id}`)).json().checkStatus).toBe('OVERDUE');
    expect((await get('secA', `/api/risk-points/${soon.id}`)).json().checkStatus).toBe('DUE_SOON');
  });
});

describe('listing points and checks', () => {
  let listCtx: TestContext;
  let lf: Fixture;
  const c: Record<string, string> = {};
  const listGet = (who: string, url: string) =>
    listCtx.app.inject({ method: 'GET', url, headers: { cookie: c[who] ?? '' } });
  const TYPES = ['WEBSITE', 'WECHAT_ACCOUNT', 'WECHAT_GROUP', 'BULLETIN_BOARD', 'VENUE', 'OTHER'] as const;
  const LEVELS = ['HIGH', 'MEDIUM', 'LOW'] as const;
  const pointIds: string[] = [];

  beforeAll(async () => {
    listCtx = await createTestContext();
    lf = await seedFixture(listCtx.prisma);
    for (const u of ['leader', 'auditor', 'secA', 'secB']) c[u] = await login(listCtx.app, u);
    const now = Date.now();
    // 24 points: 16 in branch A (4 of them in its sub-unit), 8 in branch B. Due dates relative to
    // now, days apart: i % 3 === 0 overdue (10+ days ago), 1 due soon (in 1 day), 2 fine (20+ days).
    for (let i = 0; i < 24; i += 1) {
      const orgId = i < 12 ? lf.branchAId : i < 16 ? lf.branchAUnitId : lf.branchBId;
      const offsetDays = i % 3 === 0 ? -(10 + i) : i % 3 === 1 ? 1 : 20 + i;
      const due = new Date(now + offsetDays * DAY);
      const point = await listCtx.prisma.riskPoint.create({
        data: {
          orgId,
          name: `阵地${i}`,
          type: TYPES[i % 6] as (typeof TYPES)[number],
          level: LEVELS[i % 3] as (typeof LEVELS)[number],
          checkIntervalDays: 30,
          lastCheckedAt: new Date(due.getTime() - 30 * DAY),
          // Points 1 and 4 share a due instant: the id breaks the tie.
          nextCheckDueAt: i === 4 ? new Date(now + 1 * DAY) : due,
          createdAt: new Date(Date.UTC(2026, 0, 1) + (i % 5) * 60_000),
        },
      });
      pointIds.push(point.id);
    }
    // Two checks per point, at known instants: point i on 2026-01-(i+1) 00:30 and 12:00 Shanghai.
    const checks = [];
    for (let i = 0; i < 24; i += 1) {
      const orgId = i < 12 ? lf.branchAId : i < 16 ? lf.branchAUnitId : lf.branchBId;
      for (const [h, m] of [
        [0, 30],
        [12, 0],
      ] as const) {
        checks.push({
          riskPointId: pointIds[i] as string,
          orgId,
          checkedAt: new Date(Date.UTC(2026, 0, i + 1, h, m) - 8 * 3_600_000),
          result: i % 4 === 0 ? ('ISSUE_FOUND' as const) : ('NORMAL' as const),
        });
      }
    }
    await listCtx.prisma.riskPointCheck.createMany({ data: checks });
  });
  afterAll(() => listCtx?.close());

  it("a secretary's list holds only their branch subtree, whatever the org filter says", async () => {
    const own = await listGet('secA', '/api/risk-points?limit=100');
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toHaveLength(16);
    expect(new Set(own.json().items.map((p: { orgId: string }) => p.orgId))).toEqual(
      new Set([lf.branchAId, lf.branchAUnitId]),
    );
    expect((await listGet('secA', `/api/risk-points?org=${lf.branchBId}`)).statusCode).toBe(404);
    expect((await listGet('secA', `/api/risk-points/checks?org=${lf.branchBId}`)).statusCode).toBe(404);
    expect((await listGet('leader', '/api/risk-points?limit=100')).json().items).toHaveLength(24);
    expect((await listGet('auditor', `/api/risk-points?limit=100&org=${lf.branchAUnitId}`)).json().items).toHaveLength(
      4,
    );
  });

  it('filters by type, level and check status', async () => {
    const names = async (query: string) =>
      (await listGet('leader', `/api/risk-points?limit=100&${query}`))
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort();
    expect(await names('type=VENUE')).toEqual(['阵地10', '阵地16', '阵地22', '阵地4'].sort());
    expect(await names('level=HIGH&type=WEBSITE')).toEqual(['阵地0', '阵地12', '阵地18', '阵地6'].sort());
    const overdue = await listGet('leader', '/api/risk-points?limit=100&checkStatus=OVERDUE');
    expect(overdue.json().items).toHaveLength(8);
    expect(new Set(overdue.json().items.map((p: { checkStatus: string }) => p.checkStatus))).toEqual(
      new Set(['OVERDUE']),
    );
    const soon = await listGet('leader', '/api/risk-points?limit=100&checkStatus=DUE_SOON');
    expect(soon.json().items).toHaveLength(8);
    expect(new Set(soon.json().items.map((p: { checkStatus: string }) => p.checkStatus))).toEqual(
      new Set(['DUE_SOON']),
    );
    const ok = await listGet('secA', '/api/risk-points?limit=100&checkStatus=OK');
    expect(
      ok
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['阵地2', '阵地5', '阵地8', '阵地11', '阵地14'].sort());
    expect((await listGet('leader', '/api/risk-points?checkStatus=LATE')).statusCode).toBe(400);
  });

  it('the default order is the check due soonest first', async () => {
    const items = (await listGet('leader', '/api/risk-points?limit=100')).json().items as PointBody[];
    const due = items.map((p) => Date.parse(p.nextCheckDueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(items[0]?.checkStatus).toBe('OVERDUE');
  });

  it('walks every page of points with the keyset cursor, in order, without gaps or repeats', async () => {
    for (const sort of ['nextCheckDueAt', '-createdAt', 'createdAt']) {
      const seen: PointBody[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await listGet(
          'leader',
          `/api/risk-points?limit=5&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items);
        cursor = res.json().nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(pages).toBe(5);
      expect(new Set(seen.map((p) => p.id)).size).toBe(24);
      const key = sort.replace('-', '') as 'nextCheckDueAt' | 'createdAt';
      const values = seen.map((p) => Date.parse(p[key]));
      expect(values).toEqual([...values].sort((a, b) => (sort.startsWith('-') ? b - a : a - b)));
    }
    const first = (await listGet('leader', '/api/risk-points?limit=2')).json();
    const mismatched = await listGet('leader', `/api/risk-points?limit=2&sort=createdAt&cursor=${first.nextCursor}`);
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json().error.details.fields[0].field).toBe('cursor');
  });

  it("one point's checks, newest first, page by page", async () => {
    const id = pointIds[3] as string;
    const page1 = await listGet('secA', `/api/risk-points/${id}/checks?limit=1`);
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items).toEqual([
      expect.objectContaining({
        riskPointId: id,
        riskPointName: '阵地3',
        orgName: '甲村党支部',
        checkedAt: '2026-01-04T04:00:00.000Z',
        result: 'NORMAL',
        checkedByName: null,
      }),
    ]);
    const page2 = await listGet('secA', `/api/risk-points/${id}/checks?limit=1&cursor=${page1.json().nextCursor}`);
    expect(page2.json().items.map((x: { checkedAt: string }) => x.checkedAt)).toEqual(['2026-01-03T16:30:00.000Z']);
    expect(page2.json().nextCursor).toBeNull();
  });

  it('lists checks across the scope by Shanghai days on checkedAt: the RISK_POINT_CHECK drill-down', async () => {
    // 2026-01-01 00:30 Shanghai is still 2025-12-31 in UTC: it belongs to 1 January.
    const day1 = (await listGet('leader', '/api/risk-points/checks?from=2026-01-01&to=2026-01-01')).json().items;
    expect(day1.map((x: { checkedAt: string }) => x.checkedAt)).toEqual([
      '2026-01-01T04:00:00.000Z',
      '2025-12-31T16:30:00.000Z',
    ]);
    const range = await listGet(
      'leader',
      `/api/risk-points/checks?limit=100&org=${lf.branchAId}&from=2026-01-02&to=2026-01-13`,
    );
    // Points 1..11 in branch A and 12 in its sub-unit: 12 points, 2 checks each.
    expect(range.json().items).toHaveLength(24);
    const own = await listGet('secB', '/api/risk-points/checks?limit=100');
    expect(own.json().items).toHaveLength(16);
    expect(new Set(own.json().items.map((x: { orgId: string }) => x.orgId))).toEqual(new Set([lf.branchBId]));
    const issues = await listGet('leader', '/api/risk-points/checks?limit=100&result=ISSUE_FOUND');
    expect(issues.json().items).toHaveLength(12);
  });

  it('walks every page of checks with the keyset cursor, in order, without gaps or repeats', async () => {
    for (const sort of ['-checkedAt', 'checkedAt']) {
      const seen: { id: string; checkedAt: string }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await listGet(
          'auditor',
          `/api/risk-points/checks?limit=7&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items);
        cursor = res.json().nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(pages).toBe(7);
      expect(new Set(seen.map((x) => x.id)).size).toBe(48);
      const values = seen.map((x) => Date.parse(x.checkedAt));
      expect(values).toEqual([...values].sort((a, b) => (sort === '-checkedAt' ? b - a : a - b)));
    }
    expect((await listGet('leader', '/api/risk-points/checks?cursor=%%%')).statusCode).toBe(400);
    expect((await listGet('leader', '/api/risk-points/checks?from=2026-1-1')).statusCode).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the risk-point and publicity routes from their zod schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/publicity',
        '/api/publicity/{id}',
        '/api/risk-points',
        '/api/risk-points/checks',
        '/api/risk-points/{id}',
        '/api/risk-points/{id}/checks',
      ]),
    );
    expect(paths['/api/risk-points/{id}/checks'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['checkedAt', 'result']),
    );
  });
});

describe('checks on time (the RISK_POINT_CHECK figure counts these)', () => {
  // Dates in 2019, which no other test in this file uses, so the list can be read by days.
  const DAYS = 'from=2019-01-01&to=2019-12-31';
  type CheckBody = { id: string; onTime: boolean; riskPointId: string };
  const checkOf = async (who: string, id: string, checkedAt: string) => {
    const { check: made } = await checkAs(who, id, { checkedAt });
    return made as CheckBody;
  };
  const ids = (res: { json(): { items: { id: string }[] } }) =>
    res
      .json()
      .items.map((x) => x.id)
      .sort();
  const made: Record<string, CheckBody> = {};

  beforeAll(async () => {
    // Each point: a first check on 10 January 10:00, so the next is due 9 February 10:00 Shanghai.
    const onDueDay = await createAs('secA', fx.branchAId, { name: '按时排查的阵地' });
    const dayAfter = await createAs('secA', fx.branchAUnitId, { name: '逾期排查的阵地' });
    const early = await createAs('secA', fx.branchAId, { name: '提前排查的阵地' });
    const inB = await createAs('secB', fx.branchBId, { name: '乙社区逾期排查的阵地' });
    for (const [key, point] of Object.entries({ onDueDay, dayAfter, early, inB })) {
      made[`${key}First`] = await checkOf(key === 'inB' ? 'secB' : 'secA', point.id, '2019-01-10T10:00:00+08:00');
    }
    // Later than the due instant but still on the due day: on time.
    made.onDueDay = await checkOf('secA', onDueDay.id, '2019-02-09T23:59:59.999+08:00');
    // The first instant of the next day: late.
    made.dayAfter = await checkOf('secA', dayAfter.id, '2019-02-10T00:00:00+08:00');
    made.early = await checkOf('secA', early.id, '2019-01-20T09:00:00+08:00');
    made.inB = await checkOf('secB', inB.id, '2019-03-01T09:00:00+08:00');
    // Registered in 2018 and first checked a year after its first check fell due: still on time.
    const createdAt = new Date('2018-01-01T02:00:00Z');
    const old = await ctx.prisma.riskPoint.create({
      data: {
        orgId: fx.branchAId,
        name: '久未排查的阵地',
        type: 'VENUE',
        level: 'LOW',
        checkIntervalDays: 30,
        createdAt,
        nextCheckDueAt: new Date(createdAt.getTime() + 30 * DAY),
      },
    });
    made.oldFirst = await checkOf('secA', old.id, '2019-01-15T10:00:00+08:00');
  });

  it("a point's first check is on time, whenever it is made", () => {
    for (const key of ['onDueDayFirst', 'dayAfterFirst', 'earlyFirst', 'inBFirst', 'oldFirst']) {
      expect(made[key]?.onTime, key).toBe(true);
    }
  });

  it('a check on the due day is on time, even after the due hour; one made the day after is late', async () => {
    expect(made.onDueDay?.onTime).toBe(true);
    expect(made.early?.onTime).toBe(true);
    expect(made.dayAfter?.onTime).toBe(false);
    expect(made.inB?.onTime).toBe(false);
    const stored = await ctx.prisma.riskPointCheck.findUniqueOrThrow({ where: { id: made.dayAfter?.id as string } });
    expect(stored.onTime).toBe(false);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: made.dayAfter?.riskPointId as string, action: 'CHECK' },
      orderBy: { at: 'desc' },
    });
    expect(audit.after).toMatchObject({ checkOnTime: false });
  });

  it('a check is judged against the due day the point had before it, not the one it moves to', async () => {
    // The late check moved the due day to 12 March; it stays late, and the point's history says so.
    const points = (await get('secA', `/api/risk-points/${made.dayAfter?.riskPointId}/checks`)).json().items;
    expect(points.map((x: CheckBody) => [x.id, x.onTime])).toEqual([
      [made.dayAfter?.id, false],
      [made.dayAfterFirst?.id, true],
    ]);
  });

  it('the checks list filters by onTime=true / false, within the scope', async () => {
    const onTime = await get('leader', `/api/risk-points/checks?limit=100&${DAYS}&onTime=true`);
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect(ids(onTime)).toEqual(
      ['onDueDayFirst', 'dayAfterFirst', 'earlyFirst', 'inBFirst', 'oldFirst', 'onDueDay', 'early']
        .map((k) => made[k]?.id)
        .sort(),
    );
    const late = await get('leader', `/api/risk-points/checks?limit=100&${DAYS}&onTime=false`);
    expect(ids(late)).toEqual([made.dayAfter?.id, made.inB?.id].sort());
    expect(late.json().items.every((x: CheckBody) => x.onTime === false)).toBe(true);
    // Combined with the org filter: branch A's subtree only.
    const lateA = await get('leader', `/api/risk-points/checks?limit=100&${DAYS}&onTime=false&org=${fx.branchAId}`);
    expect(ids(lateA)).toEqual([made.dayAfter?.id]);
    // A secretary of B sees B's late check and none of A's, whatever the org filter says.
    expect(ids(await get('secB', `/api/risk-points/checks?limit=100&${DAYS}&onTime=false`))).toEqual([made.inB?.id]);
    const asked = await get('secB', `/api/risk-points/checks?limit=100&${DAYS}&onTime=false&org=${fx.branchAId}`);
    expect(asked.statusCode).toBe(404);
    expect((await get('leader', '/api/risk-points/checks?onTime=yes')).statusCode).toBe(400);
  });
});
