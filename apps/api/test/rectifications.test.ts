// 问题整改 through the API: who may create, read, change, close and delete which rectification;
// the source's cross-field rules; the alert link's reach; closing only with evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};
let alertA: string;
let alertB: string;

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['admin', 'leader', 'auditor', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);
  alertA = await insertAlert(fx.branchAId, '甲村微信群出现不实信息');
  alertB = await insertAlert(fx.branchBId, '乙社区公众号评论区负面言论');
});
afterAll(() => ctx?.close());

type Headers = Record<string, string>;

async function insertAlert(orgId: string, summary: string): Promise<string> {
  const registeredAt = new Date('2026-04-01T02:00:00Z');
  const row = await ctx.prisma.riskAlert.create({
    data: {
      orgId,
      level: 'LEVEL_3',
      source: '网络巡查',
      summary,
      registeredAt,
      reportDueAt: new Date(registeredAt.getTime() + 24 * 3_600_000),
      lastEventAt: registeredAt,
    },
  });
  return row.id;
}

function input(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    problem: '理论学习不够深入，学用结合不紧',
    source: 'SELF_CHECK',
    measure: '推行“学习+研讨+实践”模式',
    ownerName: '李明',
    deadline: '2099-06-30',
    ...overrides,
  };
}

const url = (id?: string, tail = '') => `/api/rectifications${id ? `/${id}` : ''}${tail}`;
const post = (who: string, payload: unknown, headers: Headers = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: url(),
    headers: { cookie: cookies[who] ?? '', ...headers },
    payload: payload as object,
  });
const get = (who: string, path: string) =>
  ctx.app.inject({ method: 'GET', url: path, headers: { cookie: cookies[who] ?? '' } });
const patch = (who: string, id: string, payload: unknown, headers: Headers = {}) =>
  ctx.app.inject({
    method: 'PATCH',
    url: url(id),
    headers: { cookie: cookies[who] ?? '', ...headers },
    payload: payload as object,
  });
const close = (who: string, id: string, payload: unknown, headers: Headers = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: url(id, '/close'),
    headers: { cookie: cookies[who] ?? '', ...headers },
    payload: payload as object,
  });
const del = (who: string, id: string, headers: Headers = {}) =>
  ctx.app.inject({ method: 'DELETE', url: url(id), headers: { cookie: cookies[who] ?? '', ...headers } });

interface Rect {
  id: string;
  version: number;
  orgId: string;
  status: string;
  alert: { id: string; summary: string } | null;
}

async function createAs(who: string, orgId: string, overrides: Record<string, unknown> = {}): Promise<Rect> {
  const res = await post(who, input(orgId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Rect;
}

async function attachEvidence(id: string, orgId: string) {
  await ctx.prisma.attachment.create({
    data: {
      entityType: 'Rectification',
      entityId: id,
      fileName: '整改照片.jpg',
      mimeType: 'image/jpeg',
      size: 1234,
      sha256: 'a'.repeat(64),
      orgId,
    },
  });
}

const counts = async () => ({
  rows: await ctx.prisma.rectification.count(),
  audits: await ctx.prisma.auditEvent.count({ where: { entityType: 'Rectification' } }),
});

const fieldsOf = (body: { error: { details?: { fields?: { field: string; message: string }[] } } }) =>
  (body.error.details?.fields ?? []).map((f) => f.field);

describe('creating rectifications', () => {
  it('a secretary records one for their own branch; the deadline day ends at Shanghai midnight; audited', async () => {
    const res = await post('secA', input(fx.branchAId));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(String),
      version: 1,
      orgId: fx.branchAId,
      orgName: '甲村党支部',
      problem: '理论学习不够深入，学用结合不紧',
      source: 'SELF_CHECK',
      measure: '推行“学习+研讨+实践”模式',
      ownerName: '李明',
      deadline: '2099-06-30',
      deadlineAt: '2099-06-30T15:59:59.999Z',
      status: 'OPEN',
      overdue: false,
      closedAt: null,
      closingNote: null,
      alertId: null,
      alert: null,
      findingRef: null,
      reportDraftId: null,
      riskPointCheckId: null,
      accountabilityId: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(res.headers.etag).toBe('"1"');
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: 'CREATE' } });
    expect(audit).toMatchObject({ actorId: fx.users.secA, entityType: 'Rectification', orgId: fx.branchAId });
    expect(audit.after).toMatchObject({ problem: '理论学习不够深入，学用结合不紧', status: 'OPEN', version: 1 });
    const row = await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ createdById: fx.users.secA, updatedById: fx.users.secA });
  });

  it('a past deadline that is not done reads as overdue; blank optional text is stored as null', async () => {
    const created = await createAs('secA', fx.branchAId, { deadline: '2020-01-01', measure: '  ', ownerName: null });
    expect(created).toMatchObject({ overdue: true, measure: null, ownerName: null, deadline: '2020-01-01' });
  });

  it('a secretary may record for an org below their branch, the leader for any org', async () => {
    await createAs('secA', fx.branchAUnitId);
    await createAs('leader', fx.branchBId);
  });

  it('a secretary cannot record for another branch (403), an unknown org is 404; nothing is written', async () => {
    const before = await counts();
    const other = await post('secA', input(fx.branchBId));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
    const unknown = await post('leader', input(crypto.randomUUID()));
    expect(unknown.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it.each(['auditor', 'admin'])('%s cannot create rectifications', async (who) => {
    const before = await counts();
    const res = await post(who, input(fx.branchAId));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '没有执行此操作的权限', key: 'auth.forbidden', params: {} },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed input with per-field details and writes nothing', async () => {
    const before = await counts();
    const res = await post('secA', {
      ...input(fx.branchAId),
      problem: '   ',
      measure: 'x'.repeat(2001),
      ownerName: 'x'.repeat(65),
      deadline: '2026-02-30',
      source: 'RUMOUR',
      unexpected: 1,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual(expect.arrayContaining(['problem', 'measure', 'ownerName', 'deadline', 'source']));
    expect(JSON.stringify(body)).toContain('unexpected');
    expect(await counts()).toEqual(before);
  });

  it('an audit finding needs its reference and an alert rectification its alert, on the named field', async () => {
    const before = await counts();
    const audit = await post('secA', input(fx.branchAId, { source: 'AUDIT' }));
    expect(audit.statusCode).toBe(400);
    expect(audit.json().error.details.fields).toEqual([
      { field: 'findingRef', code: 'custom', message: '问题来源为督查时，须填写督查发现的问题编号或出处' },
    ]);
    const blankRef = await post('secA', input(fx.branchAId, { source: 'AUDIT', findingRef: '  ' }));
    expect(blankRef.statusCode).toBe(400);
    expect(fieldsOf(blankRef.json())).toEqual(['findingRef']);
    const alert = await post('secA', input(fx.branchAId, { source: 'ALERT' }));
    expect(alert.statusCode).toBe(400);
    expect(alert.json().error.details.fields).toEqual([
      { field: 'alertId', code: 'custom', message: '问题来源为舆情时，须选择关联的舆情' },
    ]);
    expect(await counts()).toEqual(before);
    const ok = await createAs('secA', fx.branchAId, { source: 'AUDIT', findingRef: '2026年上半年督查第3条' });
    expect(ok).toMatchObject({ source: 'AUDIT', findingRef: '2026年上半年督查第3条' });
  });

  it('links an alert the caller reaches and answers its summary', async () => {
    const own = await createAs('secA', fx.branchAId, { source: 'ALERT', alertId: alertA });
    expect(own.alert).toEqual({
      id: alertA,
      summary: '甲村微信群出现不实信息',
      state: 'REGISTERED',
      registeredAt: '2026-04-01T02:00:00.000Z',
    });
    const leader = await createAs('leader', fx.branchAId, { source: 'ALERT', alertId: alertB });
    expect(leader).toMatchObject({ alertId: alertB, alert: { id: alertB } });
  });

  it("a secretary cannot link another branch's alert or an unknown one: 404 on alertId, nothing written", async () => {
    const before = await counts();
    for (const alertId of [alertB, crypto.randomUUID()]) {
      const res = await post('secA', input(fx.branchAId, { source: 'ALERT', alertId }));
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({
        error: {
          code: 'NOT_FOUND',
          message: '关联的舆情不存在或无权访问',
          key: 'rectification.alertMissing',
          params: {},
          details: {
            fields: [
              {
                field: 'alertId',
                code: 'not_found',
                message: '关联的舆情不存在或无权访问',
                key: 'rectification.alertMissing',
                params: {},
              },
            ],
          },
        },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('a retried create with the same Idempotency-Key stores one rectification and answers the first result', async () => {
    const headers = { 'idempotency-key': `rect-${crypto.randomUUID()}` };
    const before = await counts();
    const first = await post('secA', input(fx.branchAId, { problem: '阵地管理不到位' }), headers);
    const second = await post('secA', input(fx.branchAId, { problem: '阵地管理不到位' }), headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await counts()).toEqual({ rows: before.rows + 1, audits: before.audits + 1 });
    const other = await post('secA', input(fx.branchAId, { problem: '另一个问题' }), headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await counts()).toEqual({ rows: before.rows + 1, audits: before.audits + 1 });
  });
});

describe('reading and changing', () => {
  let ownA: Rect;
  let ownB: Rect;

  beforeAll(async () => {
    ownA = await createAs('secA', fx.branchAId, { problem: '甲村宣传阵地覆盖不足' });
    ownB = await createAs('secB', fx.branchBId, { problem: '乙社区干部培训不规范' });
  });

  it("a secretary cannot read, change, close or delete another branch's rectification (404)", async () => {
    await attachEvidence(ownB.id, fx.branchBId);
    const results = [
      await get('secA', url(ownB.id)),
      await patch('secA', ownB.id, { problem: '被篡改' }),
      await close('secA', ownB.id, { closingNote: '已整改' }),
      await del('secA', ownB.id),
    ];
    for (const res of results) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({
        code: 'NOT_FOUND',
        message: '整改记录不存在或无权访问',
        key: 'record.notFound',
        params: { thing: 'Rectification' },
      });
    }
    const row = await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: ownB.id } });
    expect(row).toMatchObject({ problem: '乙社区干部培训不规范', status: 'OPEN', version: 1 });
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: ownB.id, action: { not: 'CREATE' } } })).toBe(0);
  });

  it.each(['auditor', 'admin'])('%s reads any rectification but cannot change, close or delete it', async (who) => {
    const read = await get(who, url(ownB.id));
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect((await patch(who, ownB.id, { problem: 'x' })).statusCode).toBe(403);
    expect((await close(who, ownB.id, { closingNote: 'x' })).statusCode).toBe(403);
    expect((await del(who, ownB.id)).statusCode).toBe(403);
    expect((await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: ownB.id } })).version).toBe(1);
  });

  it('a secretary updates their own and sets it in progress; the audit event keeps before and after', async () => {
    const res = await patch('secA', ownA.id, { status: 'IN_PROGRESS', ownerName: '王芳' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'IN_PROGRESS', ownerName: '王芳', version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: ownA.id, action: 'UPDATE' } });
    expect(audit.before).toMatchObject({ status: 'OPEN', ownerName: '李明', version: 1 });
    expect(audit.after).toMatchObject({ status: 'IN_PROGRESS', ownerName: '王芳', version: 2 });
    expect(audit.actorId).toBe(fx.users.secA);
  });

  it('a PATCH may not set DONE, nor be empty, nor clear the problem', async () => {
    const done = await patch('secA', ownA.id, { status: 'DONE' });
    expect(done.statusCode).toBe(400);
    expect(fieldsOf(done.json())).toEqual(['status']);
    expect((await patch('secA', ownA.id, {})).statusCode).toBe(400);
    const blank = await patch('secA', ownA.id, { problem: '' });
    expect(fieldsOf(blank.json())).toEqual(['problem']);
    expect((await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: ownA.id } })).status).toBe('IN_PROGRESS');
  });

  it('the source rules are checked on the record merged with the change', async () => {
    const toAudit = await patch('secA', ownA.id, { source: 'AUDIT' });
    expect(toAudit.statusCode).toBe(400);
    expect(fieldsOf(toAudit.json())).toEqual(['findingRef']);
    const withRef = await patch('secA', ownA.id, { source: 'AUDIT', findingRef: '督查第5条' });
    expect(withRef.statusCode).toBe(200);
    const clearRef = await patch('secA', ownA.id, { findingRef: null });
    expect(clearRef.statusCode).toBe(400);
    expect(fieldsOf(clearRef.json())).toEqual(['findingRef']);
    const toAlert = await patch('secA', ownA.id, { source: 'ALERT' });
    expect(fieldsOf(toAlert.json())).toEqual(['alertId']);
    const outOfReach = await patch('secA', ownA.id, { source: 'ALERT', alertId: alertB });
    expect(outOfReach.statusCode).toBe(404);
    expect(fieldsOf(outOfReach.json())).toEqual(['alertId']);
    const row = await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: ownA.id } });
    expect(row).toMatchObject({ source: 'AUDIT', findingRef: '督查第5条', alertId: null });
  });

  it("a secretary sees that a leader linked another branch's alert, but not the alert itself", async () => {
    const linked = await createAs('leader', fx.branchAId, { source: 'ALERT', alertId: alertB });
    const asSecretary = (await get('secA', url(linked.id))).json();
    expect(asSecretary).toMatchObject({ alertId: alertB, alert: null });
    // Editing other fields keeps the leader's link.
    const edited = await patch('secA', linked.id, { measure: '加强网络巡查' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ alertId: alertB, measure: '加强网络巡查' });
    expect((await get('leader', url(linked.id))).json().alert).toMatchObject({ id: alertB });
  });

  it('a secretary cannot move their rectification to another branch', async () => {
    const res = await patch('secA', ownA.id, { orgId: fx.branchBId });
    expect(res.statusCode).toBe(403);
    expect((await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: ownA.id } })).orgId).toBe(fx.branchAId);
  });

  it('refuses changes, closes and deletes against an old version with 412 and writes nothing', async () => {
    const read = await get('secA', url(ownA.id));
    const etag = read.headers.etag as string;
    const first = await patch('secA', ownA.id, { measure: '逐项整改' }, { 'if-match': etag });
    expect(first.statusCode).toBe(200);
    await attachEvidence(ownA.id, fx.branchAId);
    const audits = await ctx.prisma.auditEvent.count({ where: { entityId: ownA.id } });
    const stale = [
      await patch('secA', ownA.id, { measure: '被覆盖' }, { 'if-match': etag }),
      await close('secA', ownA.id, { closingNote: '已整改' }, { 'if-match': etag }),
      await del('secA', ownA.id, { 'if-match': etag }),
    ];
    for (const res of stale) {
      expect(res.statusCode).toBe(412);
      expect(res.json().error.code).toBe('PRECONDITION_FAILED');
    }
    const row = await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: ownA.id } });
    expect(row).toMatchObject({ measure: '逐项整改', status: 'IN_PROGRESS' });
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: ownA.id } })).toBe(audits);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await get('leader', url(crypto.randomUUID()))).statusCode).toBe(404);
    const malformed = await get('leader', url('not-a-uuid'));
    expect(malformed.statusCode).toBe(400);
    expect(fieldsOf(malformed.json())).toEqual(['id']);
  });
});

describe('closing with evidence', () => {
  it('refuses to close without an evidence file (409) and changes nothing', async () => {
    const rect = await createAs('secA', fx.branchAId, { problem: '无佐证的整改' });
    const res = await close('secA', rect.id, { closingNote: '已完成整改' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: {
        code: 'CONFLICT',
        message: '请先上传整改完成的佐证材料（照片或文件），再标记整改完成',
        key: 'rectification.evidenceFirst',
        params: {},
        details: { reason: 'EVIDENCE_REQUIRED' },
      },
    });
    const row = await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: rect.id } });
    expect(row).toMatchObject({ status: 'OPEN', closedAt: null, closingNote: null, version: 1 });
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: rect.id, action: 'CLOSE' } })).toBe(0);
  });

  it('evidence on another record does not count', async () => {
    const rect = await createAs('secA', fx.branchAId);
    const other = await createAs('secA', fx.branchAId);
    await attachEvidence(other.id, fx.branchAId);
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'Activity',
        entityId: rect.id,
        fileName: 'x.pdf',
        mimeType: 'application/pdf',
        size: 1,
        sha256: 'b'.repeat(64),
      },
    });
    expect((await close('secA', rect.id, { closingNote: '已整改' })).statusCode).toBe(409);
  });

  it('requires a closing note', async () => {
    const rect = await createAs('secA', fx.branchAId);
    await attachEvidence(rect.id, fx.branchAId);
    for (const payload of [{}, { closingNote: '  ' }, { closingNote: 'x'.repeat(2001) }]) {
      const res = await close('secA', rect.id, payload);
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res.json())).toEqual(['closingNote']);
    }
    expect((await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: rect.id } })).status).toBe('OPEN');
  });

  it('closes with evidence: DONE, closedAt, the note, a CLOSE audit event; then final', async () => {
    const rect = await createAs('secA', fx.branchAId, { deadline: '2020-01-01' });
    expect(rect).toMatchObject({ overdue: true });
    await attachEvidence(rect.id, fx.branchAId);
    const res = await close('secA', rect.id, { closingNote: '已建立网络阵地巡查台账' }, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'DONE',
      closingNote: '已建立网络阵地巡查台账',
      overdue: false,
      version: 2,
    });
    expect(res.headers.etag).toBe('"2"');
    const row = await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: rect.id } });
    expect(row.closedAt?.toISOString()).toBe(body.closedAt);
    expect(row).toMatchObject({ status: 'DONE', updatedById: fx.users.secA });
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: rect.id, action: 'CLOSE' } });
    expect(audit).toMatchObject({ actorId: fx.users.secA, entityType: 'Rectification', orgId: fx.branchAId });
    expect(audit.before).toMatchObject({ status: 'OPEN', closedAt: null });
    expect(audit.after).toMatchObject({
      status: 'DONE',
      closingNote: '已建立网络阵地巡查台账',
      closedAt: body.closedAt,
    });

    const again = await close('secA', rect.id, { closingNote: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({
      code: 'INVALID_TRANSITION',
      message: '这项整改已经标记为完成',
      key: 'rectification.alreadyDone',
      params: {},
    });
    const edit = await patch('secA', rect.id, { status: 'OPEN' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toEqual({
      code: 'INVALID_TRANSITION',
      message: '这项整改已完成，不能再修改',
      key: 'rectification.doneNoChange',
      params: {},
      details: {
        fields: [
          {
            field: 'status',
            code: 'frozen',
            message: '这项整改已完成，不能再修改',
            key: 'rectification.doneNoChange',
            params: {},
          },
        ],
      },
    });
    const remove = await del('leader', rect.id);
    expect(remove.statusCode).toBe(409);
    expect(remove.json().error).toEqual({
      code: 'INVALID_TRANSITION',
      message: '这项整改已完成，不能再删除',
      key: 'rectification.doneNoDelete',
      params: {},
    });
    expect(await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: rect.id } })).toMatchObject({
      status: 'DONE',
      version: 2,
    });
  });

  it.each([
    ['secA', { deadline: '2099-12-31' }],
    ['secA', { orgId: 'branch A unit' }],
    ['secA', { ownerName: '别人', problem: '改写的问题' }],
    ['leader', { deadline: null, status: 'IN_PROGRESS' }],
  ] as const)(
    'a completed rectification is frozen: %s PATCHing %j is refused naming each field; the figures stay',
    async (who, body) => {
      const rect = await createAs('secA', fx.branchAId, { deadline: '2020-01-01', ownerName: '张三' });
      await attachEvidence(rect.id, fx.branchAId);
      const closed = await close('secA', rect.id, { closingNote: '已整改到位' });
      expect(closed.statusCode, closed.body).toBe(200);
      const figures = async () => {
        const res = await get('leader', `/api/dashboard?period=2026-H1&org=${fx.branchAId}`);
        const kpis = res.json().kpis as { metric: string; done: number }[];
        const overdue = (await get('leader', `/api/rectifications?org=${fx.branchAId}&overdue=true&limit=100`)).json()
          .items as { id: string }[];
        return {
          closed: kpis.find((k) => k.metric === 'RECTIFICATION_CLOSED')?.done,
          open: kpis.find((k) => k.metric === 'RECTIFICATION_OPEN')?.done,
          overdue: overdue.map((r) => r.id).sort(),
        };
      };
      const before = await figures();
      const row = await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: rect.id } });
      // The unit's id exists only once the fixture is seeded.
      const payload = 'orgId' in body ? { orgId: fx.branchAUnitId } : body;
      const res = await patch(who, rect.id, payload, { 'if-match': '"2"' });
      expect(res.statusCode, res.body).toBe(409);
      expect(fieldsOf(res.json()).sort()).toEqual(Object.keys(payload).sort());
      expect(await ctx.prisma.rectification.findUniqueOrThrow({ where: { id: rect.id } })).toEqual(row);
      expect(await figures()).toEqual(before);
    },
  );

  it('a retried close with the same Idempotency-Key answers the first result again', async () => {
    const rect = await createAs('leader', fx.branchBId);
    await attachEvidence(rect.id, fx.branchBId);
    const headers = { 'idempotency-key': `close-${crypto.randomUUID()}` };
    const first = await close('leader', rect.id, { closingNote: '已整改' }, headers);
    const second = await close('leader', rect.id, { closingNote: '已整改' }, headers);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: rect.id, action: 'CLOSE' } })).toBe(1);
  });
});

describe('deleting', () => {
  it('a secretary deletes their open rectification with its evidence rows; the audit keeps what was deleted', async () => {
    const doomed = await createAs('secA', fx.branchAId, { problem: '将被删除的整改' });
    await attachEvidence(doomed.id, fx.branchAId);
    const res = await del('secA', doomed.id, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await ctx.prisma.rectification.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect(await ctx.prisma.attachment.count({ where: { entityType: 'Rectification', entityId: doomed.id } })).toBe(0);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: doomed.id, action: 'DELETE' } });
    expect(audit.before).toMatchObject({ problem: '将被删除的整改' });
    expect((await del('secA', doomed.id)).statusCode).toBe(404);
  });
});

describe('listing', () => {
  let listCtx: TestContext;
  let lf: Fixture;
  const c: Record<string, string> = {};
  const listGet = (who: string, path: string) =>
    listCtx.app.inject({ method: 'GET', url: path, headers: { cookie: c[who] ?? '' } });
  const titles = (res: { json: () => { items: { problem: string }[] } }) => res.json().items.map((r) => r.problem);

  beforeAll(async () => {
    listCtx = await createTestContext();
    lf = await seedFixture(listCtx.prisma);
    for (const u of ['leader', 'auditor', 'secA', 'secB']) c[u] = await login(listCtx.app, u);
    // 12 rectifications created one per day from 2026-03-01 09:00 Shanghai: 0–5 in branch A,
    // 6–7 in its sub-unit, 8–11 in branch B. Deadlines: none for every third; past for 1, 4, 7;
    // far away otherwise. 2 and 5 are DONE, both closed on 2026-05-10 Shanghai time.
    const rows = [];
    for (let i = 0; i < 12; i += 1) {
      const status = i === 2 || i === 5 ? ('DONE' as const) : i % 2 ? ('IN_PROGRESS' as const) : ('OPEN' as const);
      rows.push({
        orgId: i < 6 ? lf.branchAId : i < 8 ? lf.branchAUnitId : lf.branchBId,
        problem: `问题${i}`,
        source: i === 9 ? ('AUDIT' as const) : ('SELF_CHECK' as const),
        findingRef: i === 9 ? '督查第1条' : null,
        createdAt: new Date(Date.UTC(2026, 2, 1, 1) + i * 86_400_000),
        deadlineAt:
          i % 3 === 0
            ? null
            : [1, 4, 7].includes(i)
              ? new Date(Date.UTC(2020, 0, 1) + i * 86_400_000)
              : new Date(Date.UTC(2099, 0, 1) + i * 86_400_000),
        status,
        closedAt: i === 2 ? new Date('2026-05-10T15:30:00Z') : i === 5 ? new Date('2026-05-09T16:30:00Z') : null,
      });
    }
    await listCtx.prisma.rectification.createMany({ data: rows });
  });
  afterAll(() => listCtx?.close());

  it("a secretary's list holds only their branch subtree; another branch's org filter is 404", async () => {
    const own = await listGet('secA', '/api/rectifications?limit=100');
    expect(own.statusCode).toBe(200);
    expect(titles(own).sort()).toEqual(['问题0', '问题1', '问题2', '问题3', '问题4', '问题5', '问题6', '问题7']);
    expect((await listGet('secA', `/api/rectifications?org=${lf.branchBId}`)).statusCode).toBe(404);
    expect(titles(await listGet('secB', '/api/rectifications?limit=100'))).toEqual([
      '问题11',
      '问题10',
      '问题9',
      '问题8',
    ]);
  });

  it('the leader and the auditor list every branch, newest first; the org filter covers the subtree', async () => {
    const all = await listGet('auditor', '/api/rectifications?limit=100');
    expect(titles(all)).toEqual(Array.from({ length: 12 }, (_, i) => `问题${11 - i}`));
    expect(titles(await listGet('leader', `/api/rectifications?org=${lf.branchAUnitId}`))).toEqual(['问题7', '问题6']);
  });

  it('filters by status, source and overdue', async () => {
    expect(titles(await listGet('leader', '/api/rectifications?status=DONE'))).toEqual(['问题5', '问题2']);
    expect(titles(await listGet('leader', '/api/rectifications?source=AUDIT'))).toEqual(['问题9']);
    expect(titles(await listGet('leader', '/api/rectifications?overdue=true'))).toEqual(['问题7', '问题4', '问题1']);
    const notOverdue = titles(await listGet('leader', '/api/rectifications?overdue=false&limit=100'));
    expect(notOverdue).toHaveLength(9);
    expect(notOverdue).not.toEqual(expect.arrayContaining(['问题1']));
    const overdueItems = (await listGet('leader', '/api/rectifications?overdue=true')).json().items;
    expect(overdueItems.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    expect((await listGet('leader', '/api/rectifications?overdue=yes')).statusCode).toBe(400);
  });

  it('from/to are Shanghai days on createdAt by default, on closedAt with dateField=closedAt', async () => {
    // 2026-03-03 Shanghai holds 问题2 (created 09:00 that day).
    expect(titles(await listGet('leader', '/api/rectifications?from=2026-03-03&to=2026-03-04'))).toEqual([
      '问题3',
      '问题2',
    ]);
    // 问题2 closed 2026-05-10T15:30Z = 05-10 23:30 Shanghai; 问题5 closed 05-09T16:30Z = 05-10 00:30 Shanghai.
    const closed = await listGet('leader', '/api/rectifications?dateField=closedAt&from=2026-05-10&to=2026-05-10');
    expect(titles(closed).sort()).toEqual(['问题2', '问题5']);
    const nextDay = await listGet('leader', '/api/rectifications?dateField=closedAt&from=2026-05-11');
    expect(titles(nextDay)).toEqual([]);
    expect((await listGet('leader', '/api/rectifications?dateField=updatedAt')).statusCode).toBe(400);
  });

  it('walks every page in each sort without gaps or repeats; without a deadline sorts last', async () => {
    for (const sort of ['-createdAt', 'createdAt', 'deadlineAt']) {
      const seen: { id: string; problem: string; createdAt: string; deadlineAt: string | null }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await listGet(
          'leader',
          `/api/rectifications?limit=5&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items);
        cursor = res.json().nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toHaveLength(12);
      expect(new Set(seen.map((r) => r.id)).size).toBe(12);
      if (sort === 'deadlineAt') {
        const dated = seen.slice(0, 8).map((r) => Date.parse(r.deadlineAt ?? ''));
        expect(dated).toEqual([...dated].sort((a, b) => a - b));
        expect(seen.slice(8).map((r) => r.deadlineAt)).toEqual([null, null, null, null]);
        expect(seen.slice(0, 3).map((r) => r.problem)).toEqual(['问题1', '问题4', '问题7']);
      } else {
        const values = seen.map((r) => Date.parse(r.createdAt));
        expect(values).toEqual([...values].sort((a, b) => (sort.startsWith('-') ? b - a : a - b)));
      }
    }
  });

  it('refuses a forged or mismatched cursor with 400', async () => {
    const first = (await listGet('leader', '/api/rectifications?limit=2')).json();
    const mismatched = await listGet(
      'leader',
      `/api/rectifications?limit=2&sort=deadlineAt&cursor=${first.nextCursor}`,
    );
    expect(mismatched.statusCode).toBe(400);
    expect(fieldsOf(mismatched.json())).toEqual(['cursor']);
    const forgedNull = Buffer.from(JSON.stringify(['deadlineAt', null, 'x'])).toString('base64url');
    expect((await listGet('leader', `/api/rectifications?sort=deadlineAt&cursor=${forgedNull}`)).statusCode).toBe(400);
  });
});

describe('listing open / done (the RECTIFICATION_OPEN figure drills to open=true)', () => {
  let openCtx: TestContext;
  let of: Fixture;
  const c: Record<string, string> = {};
  const problems = async (who: string, query: string) => {
    const res = await openCtx.app.inject({
      method: 'GET',
      url: `/api/rectifications?limit=100${query}`,
      headers: { cookie: c[who] ?? '' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { problem: string }[]).map((r) => r.problem).sort();
  };

  beforeAll(async () => {
    openCtx = await createTestContext();
    of = await seedFixture(openCtx.prisma);
    for (const u of ['leader', 'secA', 'secB']) c[u] = await login(openCtx.app, u);
    const rows: [string, string, 'OPEN' | 'IN_PROGRESS' | 'DONE', Date][] = [
      // Raised long ago and still open: counted open whatever the period.
      ['openOldA', of.branchAId, 'OPEN', new Date('2019-03-01T01:00:00Z')],
      ['inProgressAUnit', of.branchAUnitId, 'IN_PROGRESS', new Date('2026-03-02T01:00:00Z')],
      ['doneA', of.branchAId, 'DONE', new Date('2026-03-03T01:00:00Z')],
      ['openB', of.branchBId, 'OPEN', new Date('2026-03-04T01:00:00Z')],
      ['doneB', of.branchBId, 'DONE', new Date('2026-03-05T01:00:00Z')],
    ];
    await openCtx.prisma.rectification.createMany({
      data: rows.map(([problem, orgId, status, createdAt]) => ({
        orgId,
        problem,
        source: 'SELF_CHECK' as const,
        status,
        createdAt,
        closedAt: status === 'DONE' ? new Date(createdAt.getTime() + 86_400_000) : null,
      })),
    });
  });
  afterAll(() => openCtx?.close());

  it('open=true lists every rectification not DONE, however old; open=false the DONE ones', async () => {
    expect(await problems('leader', '&open=true')).toEqual(['inProgressAUnit', 'openB', 'openOldA']);
    expect(await problems('leader', '&open=false')).toEqual(['doneA', 'doneB']);
    expect(await problems('leader', `&open=true&org=${of.branchAId}`)).toEqual(['inProgressAUnit', 'openOldA']);
    // Combines with the other filters as AND.
    expect(await problems('leader', '&open=true&status=DONE')).toEqual([]);
    expect(await problems('leader', '&open=true&status=IN_PROGRESS')).toEqual(['inProgressAUnit']);
  });

  it("the scope still applies: a secretary of B sees none of A's open rectifications", async () => {
    expect(await problems('secB', '&open=true')).toEqual(['openB']);
    expect(await problems('secA', '&open=false')).toEqual(['doneA']);
    const asked = await openCtx.app.inject({
      method: 'GET',
      url: `/api/rectifications?open=true&org=${of.branchAId}`,
      headers: { cookie: c.secB ?? '' },
    });
    expect(asked.statusCode).toBe(404);
  });

  it('refuses a value other than true / false, naming the field', async () => {
    const res = await openCtx.app.inject({
      method: 'GET',
      url: '/api/rectifications?open=yes',
      headers: { cookie: c.leader ?? '' },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['open']);
  });
});
