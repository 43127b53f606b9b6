import { ALERT_STEP_NAME_LABELS } from '@dutyboard/contracts/labels';
import type { Action } from '@dutyboard/contracts/permissions';
import { ROLE_POLICY } from '@dutyboard/contracts/permissions';
import {
  ALERT_LEVELS,
  ALERT_REPORT_HOURS_DEFAULT,
  ALERT_STATES,
  ALERT_STEP_ACTION,
  ALERT_STEPS,
  ALERT_TRANSITIONS,
  type AlertLevel,
  type AlertState,
  type AlertStep,
  canTransition,
} from '@dutyboard/contracts/risk-alerts';
import type { PrismaClient } from '@dutyboard/db/client';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { registerAuth } from '../src/plugins/auth.ts';
import { registerErrorHandling } from '../src/plugins/errors.ts';
import { riskAlertRoutes } from '../src/routes/risk-alerts.ts';
import { createSession } from '../src/services/auth/sessions.ts';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

type Who = 'admin' | 'leader' | 'auditor' | 'secA' | 'secB';
const WHO: Who[] = ['admin', 'leader', 'auditor', 'secA', 'secB'];
const ROLE_OF = { admin: 'ADMIN', leader: 'LEADER', auditor: 'AUDITOR', secA: 'SECRETARY', secB: 'SECRETARY' } as const;
const roleCan = (who: Who, action: Action) => ROLE_POLICY[ROLE_OF[who]].actions.includes(action);

/** "2026-03-13 23:30" in Asia/Shanghai → ISO instant. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

/** The steps from REGISTERED to each state, taken by the leader. */
const PATH_TO: Record<AlertState, AlertStep[]> = {
  REGISTERED: [],
  ASSESSED: ['ASSESSED'],
  REPORTED: ['ASSESSED', 'REPORTED'],
  ACCEPTED: ['ASSESSED', 'REPORTED', 'ACCEPTED'],
  RETURNED: ['ASSESSED', 'REPORTED', 'RETURNED'],
  HANDLING: ['ASSESSED', 'REPORTED', 'ACCEPTED', 'HANDLING'],
  CLOSED: ['ASSESSED', 'REPORTED', 'ACCEPTED', 'HANDLING', 'CLOSED'],
};

function alertInput(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    level: 'LEVEL_2',
    source: '网络巡查',
    channel: '微博',
    url: 'https://weibo.com/123456',
    summary: '某账号发布涉本街道拆迁补偿的不实帖文',
    reach: 1200,
    registeredAt: sh('2026-03-13 23:30'),
    ...overrides,
  };
}

interface Alert {
  id: string;
  version: number;
  orgId: string;
  state: AlertState;
  level: string;
  registeredAt: string;
  reportDueAt: string;
  reportedAt: string | null;
  receiptNumber: string | null;
  closedAt: string | null;
  lastEventAt: string;
  clock: { dueAt: string; overdue: boolean; reportedLate: boolean | null; remainingMinutes: number | null };
  needsUrging: boolean;
  events: {
    fromState: AlertState | null;
    toState: AlertState;
    actorId: string | null;
    actorName: string | null;
    at: string;
    note: string | null;
    receiptNumber: string | null;
  }[];
}

/** HTTP helpers bound to one app and its signed-in users. */
function client(app: () => FastifyInstance, cookies: Record<string, string>) {
  const send = (
    who: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app().inject({
      method,
      url,
      headers: { cookie: cookies[who] ?? '', ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  let receipts = 0;
  const api = {
    send,
    get: (who: string, url: string) => send(who, 'GET', url),
    create: (who: string, payload: unknown, headers?: Record<string, string>) =>
      send(who, 'POST', '/api/risk-alerts', payload, headers),
    patch: (who: string, id: string, payload: unknown, headers?: Record<string, string>) =>
      send(who, 'PATCH', `/api/risk-alerts/${id}`, payload, headers),
    del: (who: string, id: string, headers?: Record<string, string>) =>
      send(who, 'DELETE', `/api/risk-alerts/${id}`, undefined, headers),
    step: (who: string, id: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
      send(who, 'POST', `/api/risk-alerts/${id}/transitions`, body, headers),
    correct: (who: string, id: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
      send(who, 'POST', `/api/risk-alerts/${id}/corrections`, body, headers),
    /** The body a step needs: 报送 carries a fresh receipt number. */
    body: (to: AlertStep, extra: Record<string, unknown> = {}): Record<string, unknown> =>
      to === 'REPORTED' ? { to, receiptNumber: `WX-2026-${++receipts}`, ...extra } : { to, ...extra },
    async createAs(who: string, orgId: string, overrides: Record<string, unknown> = {}): Promise<Alert> {
      const res = await api.create(who, alertInput(orgId, overrides));
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    },
    async drive(id: string, path: AlertStep[], who = 'leader'): Promise<Alert> {
      let last: Alert | undefined;
      for (const to of path) {
        const res = await api.step(who, id, api.body(to));
        expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
        last = res.json();
      }
      return last ?? (await api.get(who, `/api/risk-alerts/${id}`)).json();
    },
  };
  return api;
}

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};
const api = client(() => ctx.app, cookies);

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of WHO) cookies[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

/** Everything a refused request must leave untouched. */
async function snapshot(prisma: PrismaClient, id?: string) {
  const alert = id ? await prisma.riskAlert.findUnique({ where: { id } }) : null;
  return {
    alerts: await prisma.riskAlert.count(),
    events: await prisma.riskAlertEvent.count(),
    audits: await prisma.auditEvent.count({ where: { entityType: 'RiskAlert' } }),
    alert: alert && { state: alert.state, version: alert.version, updatedAt: alert.updatedAt.toISOString() },
  };
}

describe('registering alerts (登记)', () => {
  it('a secretary registers an alert for their branch: clock set, 登记 event and audit written', async () => {
    const res = await api.create('secA', alertInput(fx.branchAId), { 'idempotency-key': 'register-0001' });
    expect(res.statusCode, res.body).toBe(201);
    const alert = res.json() as Alert;
    expect(res.headers.etag).toBe('"1"');
    expect(alert).toMatchObject({
      version: 1,
      orgId: fx.branchAId,
      orgName: '甲村党支部',
      level: 'LEVEL_2',
      state: 'REGISTERED',
      source: '网络巡查',
      channel: '微博',
      url: 'https://weibo.com/123456',
      reach: 1200,
      registeredAt: sh('2026-03-13 23:30'),
      // 二级: 5 natural hours, across midnight into Saturday.
      reportDueAt: sh('2026-03-14 04:30'),
      reportedAt: null,
      receiptNumber: null,
      closedAt: null,
      lastEventAt: sh('2026-03-13 23:30'),
    });
    expect(alert.clock).toMatchObject({ dueAt: sh('2026-03-14 04:30'), overdue: true, reportedLate: null });
    expect(alert.events).toEqual([
      {
        id: expect.any(String),
        fromState: null,
        toState: 'REGISTERED',
        actorId: fx.users.secA,
        actorName: 'secA',
        at: sh('2026-03-13 23:30'),
        note: null,
        receiptNumber: null,
      },
    ]);
    const row = await ctx.prisma.riskAlert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row).toMatchObject({ createdById: fx.users.secA, updatedById: fx.users.secA, version: 1 });
    expect(row.reportDueAt.toISOString()).toBe(sh('2026-03-14 04:30'));
    const events = await ctx.prisma.riskAlertEvent.findMany({ where: { alertId: alert.id } });
    expect(events).toHaveLength(1);
    const audit = await ctx.prisma.auditEvent.findMany({ where: { entityId: alert.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', actorId: fx.users.secA, entityType: 'RiskAlert' });
    expect(audit[0]?.orgId).toBe(fx.branchAId);
    expect(audit[0]?.after).toMatchObject({ state: 'REGISTERED', level: 'LEVEL_2', summary: row.summary });

    // A retry with the same Idempotency-Key answers the first result and registers nothing more.
    const before = await snapshot(ctx.prisma);
    const again = await api.create('secA', alertInput(fx.branchAId), { 'idempotency-key': 'register-0001' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json().id).toBe(alert.id);
    expect(await snapshot(ctx.prisma)).toEqual(before);
  });

  it('四级 registered Friday 18:00 is due Sunday 18:00 (clocks run through weekends)', async () => {
    const alert = await api.createAs('secA', fx.branchAId, { level: 'LEVEL_4', registeredAt: sh('2026-03-13 18:00') });
    expect(alert.reportDueAt).toBe(sh('2026-03-15 18:00'));
  });

  it('registeredAt defaults to now; a secretary may register for an org below their branch', async () => {
    const t0 = Date.now();
    const { registeredAt: _omit, ...input } = alertInput(fx.branchAUnitId, { level: 'LEVEL_1' });
    const res = await api.create('secA', input);
    const t1 = Date.now();
    expect(res.statusCode, res.body).toBe(201);
    const alert = res.json() as Alert;
    const at = Date.parse(alert.registeredAt);
    expect(at).toBeGreaterThanOrEqual(t0 - 1);
    expect(at).toBeLessThanOrEqual(t1);
    expect(Date.parse(alert.reportDueAt) - at).toBe(3_600_000);
    expect(alert.lastEventAt).toBe(alert.registeredAt);
  });

  it('the leader registers for any branch', async () => {
    const alert = await api.createAs('leader', fx.branchBId);
    expect(alert.orgId).toBe(fx.branchBId);
  });

  it('a secretary cannot register for another branch, and nothing is written', async () => {
    const before = await snapshot(ctx.prisma);
    const res = await api.create('secA', alertInput(fx.branchBId));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await snapshot(ctx.prisma)).toEqual(before);
  });

  it.each(['auditor', 'admin'])('%s cannot register alerts', async (who) => {
    const before = await snapshot(ctx.prisma);
    const res = await api.create(who, alertInput(fx.branchAId));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '没有执行此操作的权限', key: 'auth.forbidden', params: {} },
    });
    expect(await snapshot(ctx.prisma)).toEqual(before);
  });

  it('refuses a registration time in the future', async () => {
    const before = await snapshot(ctx.prisma);
    const res = await api.create('secA', alertInput(fx.branchAId, { registeredAt: '2099-01-01T00:00:00+08:00' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      {
        field: 'registeredAt',
        code: 'custom',
        message: '登记时间不能晚于当前时间',
        key: 'alert.timeInFuture',
        params: { field: 'registeredAt' },
      },
    ]);
    expect(await snapshot(ctx.prisma)).toEqual(before);
  });

  it('refuses malformed input with per-field details, a state field included, and writes nothing', async () => {
    const before = await snapshot(ctx.prisma);
    const res = await api.create('secA', {
      ...alertInput(fx.branchAId),
      level: 'LEVEL_5',
      summary: '   ',
      url: 'ftp://example.com/x',
      reach: -1,
      source: 'x'.repeat(101),
      state: 'CLOSED',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const fields = body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['level', 'summary', 'url', 'reach', 'source']));
    expect(JSON.stringify(body)).toContain('state');
    expect(await snapshot(ctx.prisma)).toEqual(before);
  });

  it('refuses a signed-out request with 401', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/risk-alerts', payload: alertInput(fx.branchAId) });
    expect(res.statusCode).toBe(401);
  });
});

describe('reading, editing and deleting', () => {
  let ownA: Alert;
  let ownB: Alert;

  beforeAll(async () => {
    ownA = await api.createAs('secA', fx.branchAId, { summary: '甲村舆情' });
    ownB = await api.createAs('secB', fx.branchBId, { summary: '乙社区舆情' });
  });

  it("a secretary cannot see, change, delete or move another branch's alert (404), and nothing is written", async () => {
    const before = await snapshot(ctx.prisma, ownB.id);
    const responses = [
      await api.get('secA', `/api/risk-alerts/${ownB.id}`),
      await api.patch('secA', ownB.id, { summary: '被篡改' }),
      await api.step('secA', ownB.id, { to: 'ASSESSED' }),
      await api.step('secA', ownB.id, { to: 'HANDLING' }),
    ];
    for (const res of responses) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toEqual({
        error: {
          code: 'NOT_FOUND',
          message: '舆情不存在或无权访问',
          key: 'record.notFound',
          params: { thing: 'RiskAlert' },
        },
      });
    }
    const list = (await api.get('secA', '/api/risk-alerts?limit=100')).json().items as Alert[];
    expect(list.map((a) => a.id)).not.toContain(ownB.id);
    expect((await api.get('secA', `/api/risk-alerts?org=${fx.branchBId}`)).statusCode).toBe(404);
    expect(await snapshot(ctx.prisma, ownB.id)).toEqual(before);
  });

  it.each(['leader', 'auditor', 'admin'])('%s reads any alert with its timeline and an ETag', async (who) => {
    const res = await api.get(who, `/api/risk-alerts/${ownB.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${res.json().version}"`);
    expect(res.json().events.map((e: { actorName: string }) => e.actorName)).toEqual(['secB']);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await api.get('leader', `/api/risk-alerts/${crypto.randomUUID()}`)).statusCode).toBe(404);
    const malformed = await api.get('leader', '/api/risk-alerts/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details.fields[0].field).toBe('id');
  });

  it.each(['auditor', 'admin'])('%s cannot edit facts', async (who) => {
    const before = await snapshot(ctx.prisma, ownA.id);
    expect((await api.patch(who, ownA.id, { summary: 'x' })).statusCode).toBe(403);
    expect(await snapshot(ctx.prisma, ownA.id)).toEqual(before);
  });

  it('a secretary edits the facts; a new level recomputes the due time; the audit keeps before and after', async () => {
    const res = await api.patch('secA', ownA.id, { level: 'LEVEL_3', reach: 5000, channel: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({
      version: 2,
      level: 'LEVEL_3',
      reach: 5000,
      channel: null,
      registeredAt: sh('2026-03-13 23:30'),
      reportDueAt: sh('2026-03-14 23:30'),
      state: 'REGISTERED',
    });
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: ownA.id, action: 'UPDATE' } });
    expect(audit.actorId).toBe(fx.users.secA);
    expect(audit.before).toMatchObject({ level: 'LEVEL_2', reach: 1200, reportDueAt: sh('2026-03-14 04:30') });
    expect(audit.after).toMatchObject({ level: 'LEVEL_3', reach: 5000, reportDueAt: sh('2026-03-14 23:30') });
  });

  it('a new registration time recomputes the due time and moves the 登记 event with it', async () => {
    const res = await api.patch('secA', ownA.id, { registeredAt: sh('2026-03-13 20:00') });
    expect(res.statusCode, res.body).toBe(200);
    const alert = res.json() as Alert;
    expect(alert).toMatchObject({
      registeredAt: sh('2026-03-13 20:00'),
      reportDueAt: sh('2026-03-14 20:00'),
      lastEventAt: sh('2026-03-13 20:00'),
    });
    expect(alert.events.map((e) => e.at)).toEqual([sh('2026-03-13 20:00')]);
  });

  it("refuses to move the registration after the step that followed it (a leader's correction)", async () => {
    const alert = await api.createAs('secA', fx.branchAId);
    await api.step('leader', alert.id, { to: 'ASSESSED', at: sh('2026-03-14 00:00') });
    const before = await snapshot(ctx.prisma, alert.id);
    const res = await api.correct('leader', alert.id, {
      registeredAt: sh('2026-03-14 01:00'),
      reason: '登记时间录入有误',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      {
        field: 'registeredAt',
        code: 'custom',
        message: '登记时间不能晚于后续“研判”环节的时间',
        key: 'alert.registeredAfterStep',
        params: { step: 'ASSESSED' },
      },
    ]);
    expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
  });

  it('a secretary cannot move their alert to another branch', async () => {
    const res = await api.patch('secA', ownA.id, { orgId: fx.branchBId });
    expect(res.statusCode).toBe(403);
    expect((await ctx.prisma.riskAlert.findUniqueOrThrow({ where: { id: ownA.id } })).orgId).toBe(fx.branchAId);
  });

  it('refuses an empty change and a state change through PATCH', async () => {
    expect((await api.patch('secA', ownA.id, {})).statusCode).toBe(400);
    const res = await api.patch('secA', ownA.id, { state: 'CLOSED' });
    expect(res.statusCode).toBe(400);
    expect((await ctx.prisma.riskAlert.findUniqueOrThrow({ where: { id: ownA.id } })).state).toBe('REGISTERED');
  });

  it('refuses an edit against an old version with 412 and writes nothing', async () => {
    const etag = (await api.get('secA', `/api/risk-alerts/${ownA.id}`)).headers.etag as string;
    const first = await api.patch('secA', ownA.id, { source: '群众反映' }, { 'if-match': etag });
    expect(first.statusCode).toBe(200);
    const before = await snapshot(ctx.prisma, ownA.id);
    const stale = await api.patch('secA', ownA.id, { source: '被覆盖' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('PRECONDITION_FAILED');
    expect(await snapshot(ctx.prisma, ownA.id)).toEqual(before);
  });

  it('refuses to edit a closed alert with 409 CONFLICT', async () => {
    const alert = await api.createAs('secA', fx.branchAId);
    await api.drive(alert.id, PATH_TO.CLOSED);
    const before = await snapshot(ctx.prisma, alert.id);
    const res = await api.patch('leader', alert.id, { summary: '办结后修改' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: { code: 'CONFLICT', message: '这条舆情已办结，不能再修改', key: 'alert.closed', params: {} },
    });
    expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
  });

  it('the leader deletes a registered alert with its events and attachments; the audit keeps it', async () => {
    const doomed = await api.createAs('secA', fx.branchAId, { summary: '误登记' });
    await ctx.prisma.attachment.create({
      data: {
        entityType: 'RiskAlert',
        entityId: doomed.id,
        fileName: '截图.png',
        mimeType: 'image/png',
        size: 10,
        sha256: 'a'.repeat(64),
      },
    });
    expect((await api.del('secA', doomed.id)).statusCode).toBe(403);
    expect((await api.del('auditor', doomed.id)).statusCode).toBe(403);
    expect((await api.del('leader', doomed.id, { 'if-match': '"7"' })).statusCode).toBe(412);
    const res = await api.del('leader', doomed.id, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await ctx.prisma.riskAlert.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect(await ctx.prisma.riskAlertEvent.count({ where: { alertId: doomed.id } })).toBe(0);
    expect(await ctx.prisma.attachment.count({ where: { entityId: doomed.id } })).toBe(0);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: doomed.id, action: 'DELETE' } });
    expect(audit).toMatchObject({ actorId: fx.users.leader });
    expect(audit.before).toMatchObject({ summary: '误登记', state: 'REGISTERED' });
    expect((await api.del('leader', doomed.id)).statusCode).toBe(404);
  });

  it('refuses to delete an alert once assessed (409) and keeps it', async () => {
    const alert = await api.createAs('secA', fx.branchAId);
    await api.drive(alert.id, PATH_TO.ASSESSED);
    const before = await snapshot(ctx.prisma, alert.id);
    const res = await api.del('leader', alert.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: 'CONFLICT',
      message: '这条舆情已进入“研判”环节，只有尚未研判的舆情可以删除',
      key: 'alert.deleteOnlyRegistered',
      params: { step: 'ASSESSED' },
    });
    expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
  });
});

describe('facts frozen past 登记: org, level, registration time (ADR 019)', () => {
  // 一级 registered 08:00 (due 09:00), assessed 08:30, reported 10:00: reported late.
  const REGISTERED_AT = sh('2026-03-10 08:00');
  const DUE_AT = sh('2026-03-10 09:00');

  async function reportedLate(summary: string): Promise<Alert> {
    const alert = await api.createAs('secA', fx.branchAId, { level: 'LEVEL_1', registeredAt: REGISTERED_AT, summary });
    expect((await api.step('leader', alert.id, { to: 'ASSESSED', at: sh('2026-03-10 08:30') })).statusCode).toBe(200);
    const reported = await api.step('leader', alert.id, {
      to: 'REPORTED',
      receiptNumber: `WX-${summary}`,
      at: sh('2026-03-10 10:00'),
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json().clock).toMatchObject({ dueAt: DUE_AT, reportedLate: true });
    return reported.json();
  }

  /** What the dashboard and the drill list say about branch A's reports in 2026-H1. */
  async function figures() {
    const res = await api.get('leader', `/api/dashboard?period=2026-H1&org=${fx.branchAId}`);
    expect(res.statusCode, res.body).toBe(200);
    const done = (metric: string) =>
      (res.json().kpis as { metric: string; done: number }[]).find((k) => k.metric === metric)?.done;
    const late = (await api.get('leader', `/api/risk-alerts?org=${fx.branchAId}&flag=REPORTED_LATE&limit=100`)).json()
      .items as Alert[];
    return {
      reported: done('ALERT_REPORTED'),
      onTime: done('ALERT_REPORTED_ON_TIME'),
      late: late.map((a) => a.id).sort(),
    };
  }

  it.each([
    ['secA', { level: 'LEVEL_4' }, ['level']],
    ['secA', { registeredAt: sh('2026-03-10 07:00') }, ['registeredAt']],
    ['secA', { orgId: 'branch A unit' }, ['orgId']],
    [
      'secA',
      { level: 'LEVEL_4', registeredAt: sh('2026-03-10 07:00'), summary: '顺带修改' },
      ['level', 'registeredAt'],
    ],
    ['leader', { level: 'LEVEL_4' }, ['level']],
    ['leader', { registeredAt: sh('2026-03-10 06:00') }, ['registeredAt']],
  ] as const)(
    '%s PATCHing %j after 报送 is refused with 409 naming %j; the figure stays',
    async (who, patch, fields) => {
      const alert = await reportedLate(`frozen-${who}-${fields.join('-')}-${crypto.randomUUID().slice(0, 8)}`);
      // The unit's id exists only once the fixture is seeded.
      const body = { ...patch, ...('orgId' in patch ? { orgId: fx.branchAUnitId } : {}) };
      const figuresBefore = await figures();
      const before = await snapshot(ctx.prisma, alert.id);
      const res = await api.patch(who, alert.id, body, { 'if-match': `"${alert.version}"` });
      expect(res.statusCode, res.body).toBe(409);
      const error = res.json().error;
      expect(error.code).toBe('CONFLICT');
      expect(error.details.fields.map((f: { field: string }) => f.field)).toEqual(fields);
      for (const f of error.details.fields)
        expect(f.message).toMatch(/已进入“报送”环节.*不能再直接修改.*领导班子成员.*更正/);
      expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
      const row = await ctx.prisma.riskAlert.findUniqueOrThrow({ where: { id: alert.id } });
      expect(row).toMatchObject({ level: 'LEVEL_1', orgId: fx.branchAId });
      expect(row.reportDueAt.toISOString()).toBe(DUE_AT);
      expect(row.registeredAt.toISOString()).toBe(REGISTERED_AT);
      expect(await figures()).toEqual(figuresBefore);
      expect(figuresBefore.late).toContain(alert.id);
    },
  );

  it('other facts stay editable past 登记, and the same values for frozen fields are no change', async () => {
    const alert = await reportedLate(`editable-${crypto.randomUUID().slice(0, 8)}`);
    const res = await api.patch('secA', alert.id, {
      reach: 9000,
      level: 'LEVEL_1',
      registeredAt: REGISTERED_AT,
      orgId: fx.branchAId,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      reach: 9000,
      level: 'LEVEL_1',
      reportDueAt: DUE_AT,
      clock: { reportedLate: true },
    });
  });

  it('while 登记 the PATCH still changes level and time and recomputes the clock', async () => {
    const alert = await api.createAs('secA', fx.branchAId, { level: 'LEVEL_1', registeredAt: REGISTERED_AT });
    const res = await api.patch('secA', alert.id, { level: 'LEVEL_4' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reportDueAt).toBe(sh('2026-03-12 08:00'));
  });

  it("the leader's correction is audited with its reason, keeps the clock, and the figure does not flip", async () => {
    const alert = await reportedLate(`corrected-${crypto.randomUUID().slice(0, 8)}`);
    const figuresBefore = await figures();
    const res = await api.correct(
      'leader',
      alert.id,
      { level: 'LEVEL_4', registeredAt: sh('2026-03-10 07:30'), reason: '研判后确认为四级，登记时间按首次发现更正' },
      { 'if-match': `"${alert.version}"`, 'idempotency-key': `correct-${alert.id}` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe(`"${alert.version + 1}"`);
    expect(res.json()).toMatchObject({
      level: 'LEVEL_4',
      registeredAt: sh('2026-03-10 07:30'),
      reportDueAt: DUE_AT,
      reportedAt: sh('2026-03-10 10:00'),
      state: 'REPORTED',
      clock: { dueAt: DUE_AT, reportedLate: true, overdue: true },
    });
    // The 登记 event moves with the registration time; no step is added.
    expect((res.json() as Alert).events.map((e) => [e.toState, e.at])).toEqual([
      ['REGISTERED', sh('2026-03-10 07:30')],
      ['ASSESSED', sh('2026-03-10 08:30')],
      ['REPORTED', sh('2026-03-10 10:00')],
    ]);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: alert.id, action: 'CORRECT' } });
    expect(audit.actorId).toBe(fx.users.leader);
    expect(audit.before).toMatchObject({ level: 'LEVEL_1', registeredAt: REGISTERED_AT, reportDueAt: DUE_AT });
    expect(audit.after).toMatchObject({
      level: 'LEVEL_4',
      registeredAt: sh('2026-03-10 07:30'),
      reportDueAt: DUE_AT,
      correctionReason: '研判后确认为四级，登记时间按首次发现更正',
    });
    expect(await figures()).toEqual(figuresBefore);
    // A retry with the same key answers the first result and corrects nothing twice.
    const retry = await api.correct(
      'leader',
      alert.id,
      { level: 'LEVEL_4', registeredAt: sh('2026-03-10 07:30'), reason: '研判后确认为四级，登记时间按首次发现更正' },
      { 'if-match': `"${alert.version}"`, 'idempotency-key': `correct-${alert.id}` },
    );
    expect(retry.statusCode).toBe(200);
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: alert.id, action: 'CORRECT' } })).toBe(1);
  });

  it('a correction may move the alert to another org, keeping the clock', async () => {
    const alert = await reportedLate(`moved-${crypto.randomUUID().slice(0, 8)}`);
    const res = await api.correct('leader', alert.id, { orgId: fx.branchAUnitId, reason: '归属组织登记错误' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ orgId: fx.branchAUnitId, reportDueAt: DUE_AT, clock: { reportedLate: true } });
  });

  it.each(['secA', 'auditor', 'admin'])('%s cannot correct (403) and nothing is written', async (who) => {
    const alert = await reportedLate(`nocorrect-${who}-${crypto.randomUUID().slice(0, 8)}`);
    const before = await snapshot(ctx.prisma, alert.id);
    const res = await api.correct(who, alert.id, { level: 'LEVEL_4', reason: '想改成四级' });
    expect(res.statusCode).toBe(403);
    expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
  });

  it('refuses a correction without a reason, with nothing to correct, stale, or while 登记', async () => {
    const alert = await reportedLate(`refused-${crypto.randomUUID().slice(0, 8)}`);
    const before = await snapshot(ctx.prisma, alert.id);
    const noReason = await api.correct('leader', alert.id, { level: 'LEVEL_4' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    expect((await api.correct('leader', alert.id, { level: 'LEVEL_4', reason: '短' })).statusCode).toBe(400);
    expect((await api.correct('leader', alert.id, { reason: '没有更正任何内容' })).statusCode).toBe(400);
    expect((await api.correct('leader', alert.id, { level: 'LEVEL_1', reason: '与原等级相同的更正' })).statusCode).toBe(
      400,
    );
    const stale = await api.correct(
      'leader',
      alert.id,
      { level: 'LEVEL_4', reason: '版本已过期的更正' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
    const registered = await api.createAs('secA', fx.branchAId);
    const early = await api.correct('leader', registered.id, { level: 'LEVEL_4', reason: '登记环节无需更正' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('请直接修改');
  });

  it('no step recomputes a stopped clock: 退回 and a second 报送 keep reportedAt and the due time', async () => {
    const alert = await reportedLate(`restep-${crypto.randomUUID().slice(0, 8)}`);
    await api.step('leader', alert.id, { to: 'RETURNED', at: sh('2026-03-10 11:00') });
    await api.step('leader', alert.id, { to: 'ASSESSED', at: sh('2026-03-10 11:30') });
    const again = await api.step('leader', alert.id, {
      to: 'REPORTED',
      receiptNumber: 'WX-AGAIN',
      at: sh('2026-03-10 12:00'),
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ reportedAt: sh('2026-03-10 10:00'), reportDueAt: DUE_AT });
  });
});

describe('workflow steps', () => {
  /** One alert of branch A in each state, reached by the leader. */
  const inState = {} as Record<AlertState, Alert>;

  beforeAll(async () => {
    for (const state of ALERT_STATES) {
      const alert = await api.createAs('secA', fx.branchAId, { summary: `处于${state}的舆情` });
      inState[state] = await api.drive(alert.id, PATH_TO[state]);
      expect(inState[state].state).toBe(state);
    }
  });

  describe.each(ALERT_STATES)('from %s', (from) => {
    const illegal = ALERT_STEPS.filter((to) => !canTransition(from, to));
    it.each(illegal)(`refuses → %s with 409 INVALID_TRANSITION naming the state and what is allowed`, async (to) => {
      const alert = inState[from];
      const before = await snapshot(ctx.prisma, alert.id);
      const res = await api.step('leader', alert.id, api.body(to));
      expect(res.statusCode, res.body).toBe(409);
      const error = res.json().error;
      expect(error.code).toBe('INVALID_TRANSITION');
      expect(error.details).toEqual({ current: from, allowed: [...ALERT_TRANSITIONS[from]] });
      expect(error.message).toContain(`“${ALERT_STEP_NAME_LABELS[to].zh}”`);
      expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
    });

    const wrongRole = ALERT_TRANSITIONS[from].flatMap((to) =>
      (['secA', 'auditor', 'admin'] as const)
        .filter((who) => !roleCan(who, ALERT_STEP_ACTION[to]))
        .map((who) => [who, to] as const),
    );
    if (wrongRole.length > 0) {
      it.each(wrongRole)('%s may not take → %s: 403 with nothing written', async (who, to) => {
        const alert = inState[from];
        const before = await snapshot(ctx.prisma, alert.id);
        const res = await api.step(who, alert.id, api.body(to));
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
        expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
      });
    }
  });

  it('names the current state and the allowed next steps in the message', async () => {
    const res = await api.step('leader', inState.REPORTED.id, { to: 'CLOSED' });
    expect(res.json().error.message).toBe('这条舆情当前处于“报送”环节，不能“办结”；下一步只能是：采纳、退回');
    const closed = await api.step('leader', inState.CLOSED.id, { to: 'HANDLING' });
    expect(closed.json().error.message).toBe('这条舆情已办结，不能再“处置”');
  });

  it('refuses REGISTERED as a step target (only registering sets it)', async () => {
    const res = await api.step('leader', inState.ASSESSED.id, { to: 'REGISTERED' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('to');
  });

  it('报送 needs a receipt number and other steps take none; nothing is written', async () => {
    const alert = inState.ASSESSED;
    const before = await snapshot(ctx.prisma, alert.id);
    for (const body of [
      { to: 'REPORTED' },
      { to: 'REPORTED', receiptNumber: '  ' },
      { to: 'REPORTED', receiptNumber: null },
    ]) {
      const res = await api.step('leader', alert.id, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields).toEqual([
        { field: 'receiptNumber', code: 'custom', message: '报送市网信办须填写回执编号' },
      ]);
    }
    const extra = await api.step('leader', inState.REGISTERED.id, { to: 'ASSESSED', receiptNumber: 'WX-1' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.fields[0]).toMatchObject({ field: 'receiptNumber' });
    expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
  });

  it('a secretary of another branch cannot handle the alert (404)', async () => {
    const res = await api.step('secB', inState.ACCEPTED.id, { to: 'HANDLING' });
    expect(res.statusCode).toBe(404);
  });

  it('refuses a step time in the future or before the last event', async () => {
    const alert = await api.createAs('secA', fx.branchAId);
    const before = await snapshot(ctx.prisma, alert.id);
    const future = await api.step('leader', alert.id, { to: 'ASSESSED', at: '2099-01-01T00:00:00Z' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields).toEqual([
      {
        field: 'at',
        code: 'custom',
        message: '办理时间不能晚于当前时间',
        key: 'alert.timeInFuture',
        params: { field: 'at' },
      },
    ]);
    const early = await api.step('leader', alert.id, { to: 'ASSESSED', at: sh('2026-03-13 23:29') });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields[0]).toMatchObject({
      field: 'at',
      message: '办理时间不能早于上一环节的时间',
    });
    expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
  });

  it('a stale If-Match is refused with 412 and nothing is written; the current one works', async () => {
    const alert = await api.createAs('secA', fx.branchAId);
    await api.patch('secA', alert.id, { reach: 1 });
    const before = await snapshot(ctx.prisma, alert.id);
    const stale = await api.step('leader', alert.id, { to: 'ASSESSED' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('PRECONDITION_FAILED');
    expect(await snapshot(ctx.prisma, alert.id)).toEqual(before);
    const fresh = await api.step('leader', alert.id, { to: 'ASSESSED' }, { 'if-match': '"2"' });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).toBe('"3"');
  });

  it('a retried step (same Idempotency-Key) answers the first result and records one event', async () => {
    const alert = await api.createAs('secA', fx.branchAId);
    const headers = { 'idempotency-key': `step-${alert.id}`, 'if-match': '"1"' };
    const first = await api.step('leader', alert.id, { to: 'ASSESSED', note: '已研判' }, headers);
    expect(first.statusCode).toBe(200);
    const retry = await api.step('leader', alert.id, { to: 'ASSESSED', note: '已研判' }, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await ctx.prisma.riskAlertEvent.count({ where: { alertId: alert.id, toState: 'ASSESSED' } })).toBe(1);
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: alert.id, action: 'TRANSITION' } })).toBe(1);
    const other = await api.step('leader', alert.id, { to: 'REPORTED', receiptNumber: 'X-1' }, headers);
    expect(other.statusCode).toBe(422);
    expect((await ctx.prisma.riskAlert.findUniqueOrThrow({ where: { id: alert.id } })).version).toBe(2);
  });

  it('of two concurrent identical steps exactly one is recorded', async () => {
    const alert = await api.createAs('secA', fx.branchAId);
    const results = await Promise.all([1, 2, 3].map(() => api.step('leader', alert.id, { to: 'ASSESSED' })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.every((c) => c === 200 || c === 409 || c === 412)).toBe(true);
    expect(await ctx.prisma.riskAlertEvent.count({ where: { alertId: alert.id, toState: 'ASSESSED' } })).toBe(1);
  });

  const PATHS: { name: string; steps: [AlertStep, string][] }[] = [
    {
      name: 'via 采纳',
      steps: [
        ['ASSESSED', 'leader'],
        ['REPORTED', 'leader'],
        ['ACCEPTED', 'leader'],
        ['HANDLING', 'secA'],
        ['CLOSED', 'leader'],
      ],
    },
    {
      name: 'via 退回 → 重新研判 → 再报送 → 采纳',
      steps: [
        ['ASSESSED', 'leader'],
        ['REPORTED', 'leader'],
        ['RETURNED', 'leader'],
        ['ASSESSED', 'leader'],
        ['REPORTED', 'leader'],
        ['ACCEPTED', 'leader'],
        ['HANDLING', 'leader'],
        ['CLOSED', 'leader'],
      ],
    },
    {
      name: 'via 退回 → 处置',
      steps: [
        ['ASSESSED', 'leader'],
        ['REPORTED', 'leader'],
        ['RETURNED', 'leader'],
        ['HANDLING', 'secA'],
        ['CLOSED', 'leader'],
      ],
    },
    {
      name: 'via 退回 → 重新研判 → 再报送 → 再退回 → 处置',
      steps: [
        ['ASSESSED', 'leader'],
        ['REPORTED', 'leader'],
        ['RETURNED', 'leader'],
        ['ASSESSED', 'leader'],
        ['REPORTED', 'leader'],
        ['RETURNED', 'leader'],
        ['HANDLING', 'secA'],
        ['CLOSED', 'leader'],
      ],
    },
  ];

  it.each(PATHS)('reaches 办结 $name, with one event and one audit row per step', async ({ steps }) => {
    const created = await api.createAs('secA', fx.branchAId);
    let previous: AlertState = 'REGISTERED';
    let etag = '"1"';
    const receipts: string[] = [];
    // Steps a minute apart from Saturday 00:00 Shanghai, so each has a known time.
    for (const [index, [to, who]] of steps.entries()) {
      const at = new Date(Date.parse(sh('2026-03-14 00:00')) + index * 60_000).toISOString();
      const body = api.body(to, { note: `第${index + 1}步`, at });
      if (to === 'REPORTED') receipts.push(body.receiptNumber as string);
      const res = await api.step(who, created.id, body, { 'if-match': etag });
      expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
      const alert = res.json() as Alert;
      expect(alert).toMatchObject({ state: to, version: index + 2, lastEventAt: at });
      expect(res.headers.etag).toBe(`"${index + 2}"`);
      expect(alert.events.at(-1)).toEqual({
        id: expect.any(String),
        fromState: previous,
        toState: to,
        actorId: fx.users[who as Who],
        actorName: who,
        at,
        note: `第${index + 1}步`,
        receiptNumber: to === 'REPORTED' ? body.receiptNumber : null,
      });
      const audit = await ctx.prisma.auditEvent.findMany({
        where: { entityId: created.id, action: 'TRANSITION' },
        orderBy: { at: 'asc' },
      });
      expect(audit).toHaveLength(index + 1);
      expect(audit.at(-1)).toMatchObject({ actorId: fx.users[who as Who], orgId: fx.branchAId });
      expect(audit.at(-1)?.before).toMatchObject({ state: previous, version: index + 1 });
      expect(audit.at(-1)?.after).toMatchObject({ state: to, version: index + 2 });
      previous = to;
      etag = res.headers.etag as string;
    }
    const final = (await api.get('auditor', `/api/risk-alerts/${created.id}`)).json() as Alert;
    const firstReport = steps.findIndex(([to]) => to === 'REPORTED');
    expect(final).toMatchObject({
      state: 'CLOSED',
      // The clock stops at the first 报送; the receipt is the latest one.
      reportedAt: new Date(Date.parse(sh('2026-03-14 00:00')) + firstReport * 60_000).toISOString(),
      receiptNumber: receipts.at(-1),
      closedAt: new Date(Date.parse(sh('2026-03-14 00:00')) + (steps.length - 1) * 60_000).toISOString(),
      needsUrging: false,
    });
    // 二级 registered Friday 23:30, first reported Saturday 00:01: on time.
    expect(final.clock).toEqual({
      dueAt: sh('2026-03-14 04:30'),
      overdue: false,
      reportedLate: false,
      remainingMinutes: null,
    });
    expect(final.events.map((e) => e.toState)).toEqual(['REGISTERED', ...steps.map(([to]) => to)]);
    const rows = await ctx.prisma.riskAlertEvent.findMany({ where: { alertId: created.id } });
    expect(rows).toHaveLength(steps.length + 1);
  });
});

describe('listing', () => {
  let listCtx: TestContext;
  let lf: Fixture;
  const c: Record<string, string> = {};
  const list = client(() => listCtx.app, c);

  beforeAll(async () => {
    listCtx = await createTestContext();
    lf = await seedFixture(listCtx.prisma);
    for (const u of ['leader', 'secA', 'secB']) c[u] = await login(listCtx.app, u);
    // 15 in branch A (3 of them in its sub-unit), 6 in branch B; two per Shanghai day from 2026-03-01 00:30.
    const rows = [];
    for (let i = 0; i < 21; i += 1) {
      const registeredAt = new Date(Date.parse(sh('2026-03-01 00:30')) + Math.floor(i / 2) * 86_400_000);
      rows.push({
        orgId: i < 12 ? lf.branchAId : i < 15 ? lf.branchAUnitId : lf.branchBId,
        level: ALERT_LEVELS[i % 4] as AlertLevel,
        state: i % 3 === 0 ? ('CLOSED' as const) : ('HANDLING' as const),
        source: '网络巡查',
        summary: `舆情${i}`,
        registeredAt,
        reportDueAt: new Date(registeredAt.getTime() + 3_600_000),
        reportedAt: new Date(registeredAt.getTime() + 1_800_000),
        closedAt: i % 3 === 0 ? new Date(registeredAt.getTime() + 5 * 86_400_000) : null,
        lastEventAt: registeredAt,
      });
    }
    await listCtx.prisma.riskAlert.createMany({ data: rows });
  });
  afterAll(() => listCtx?.close());

  const items = async (who: string, query: string) => {
    const res = await list.get(who, `/api/risk-alerts?limit=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as (Alert & { summary: string })[];
  };

  it("a secretary's list holds only their branch subtree", async () => {
    const own = await items('secA', '');
    expect(own).toHaveLength(15);
    expect(new Set(own.map((a) => a.orgId))).toEqual(new Set([lf.branchAId, lf.branchAUnitId]));
    expect((await items('secB', '')).every((a) => a.orgId === lf.branchBId)).toBe(true);
    expect((await list.get('secA', `/api/risk-alerts?org=${lf.streetId}`)).statusCode).toBe(404);
  });

  it('the leader lists everything; org, state and level filter', async () => {
    expect(await items('leader', '')).toHaveLength(21);
    expect(await items('leader', `&org=${lf.branchAUnitId}`)).toHaveLength(3);
    expect(await items('leader', '&state=CLOSED')).toHaveLength(7);
    expect((await items('leader', '&level=LEVEL_1')).map((a) => a.summary).sort()).toEqual(
      ['舆情0', '舆情4', '舆情8', '舆情12', '舆情16', '舆情20'].sort(),
    );
    expect((await list.get('leader', '/api/risk-alerts?state=OPEN')).statusCode).toBe(400);
  });

  it('from/to are Shanghai days on registeredAt by default, or on reportedAt / closedAt', async () => {
    // 2026-03-01 00:30 Shanghai is still 28 February in UTC.
    const firstDay = await items('leader', '&from=2026-03-01&to=2026-03-01');
    expect(firstDay.map((a) => a.summary).sort()).toEqual(['舆情0', '舆情1']);
    const reported = await items('leader', '&dateField=reportedAt&from=2026-03-02&to=2026-03-03');
    expect(reported.map((a) => a.summary).sort()).toEqual(['舆情2', '舆情3', '舆情4', '舆情5'].sort());
    // Closed five days after registration: 舆情0 (registered 1 March) closed on 6 March.
    const closed = await items('leader', '&dateField=closedAt&from=2026-03-06&to=2026-03-06');
    expect(closed.map((a) => a.summary)).toEqual(['舆情0']);
    expect((await list.get('leader', '/api/risk-alerts?dateField=createdAt')).statusCode).toBe(400);
  });

  it('walks every page with the keyset cursor in both orders, without gaps or repeats', async () => {
    for (const sort of ['-registeredAt', 'registeredAt']) {
      const seen: Alert[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await list.get(
          'leader',
          `/api/risk-alerts?limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items);
        cursor = res.json().nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(seen).toHaveLength(21);
      expect(new Set(seen.map((a) => a.id)).size).toBe(21);
      const values = seen.map((a) => Date.parse(a.registeredAt));
      expect(values).toEqual([...values].sort((a, b) => (sort === '-registeredAt' ? b - a : a - b)));
    }
    expect((await list.get('leader', '/api/risk-alerts?sort=-reach')).statusCode).toBe(400);
  });
});

describe('the reporting clock and 催办, judged at an injected time', () => {
  let clockCtx: TestContext;
  let cf: Fixture;
  let app: FastifyInstance;
  let now = new Date(sh('2026-03-14 02:00'));
  const c: Record<string, string> = {};
  const clk = client(() => app, c);

  beforeAll(async () => {
    clockCtx = await createTestContext();
    cf = await seedFixture(clockCtx.prisma);
    // The app as built by app.ts, but with a clock the test sets.
    app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(app);
    await app.register(fastifyCookie);
    const policy = { idleMs: 3_600_000, absoluteMs: 12 * 3_600_000 };
    registerAuth(app, clockCtx.prisma, policy);
    await app.register(riskAlertRoutes, {
      prisma: clockCtx.prisma,
      reportHours: ALERT_REPORT_HOURS_DEFAULT,
      now: () => now,
    });
    for (const who of ['leader', 'secA'] as const) {
      const { token } = await createSession(clockCtx.prisma, cf.users[who], policy, {});
      c[who] = `dutyboard_session=${token}`;
    }
  });
  afterAll(async () => {
    await app?.close();
    await clockCtx?.close();
  });

  const flagged = async (flag: string) =>
    ((await clk.get('leader', `/api/risk-alerts?flag=${flag}`)).json().items as Alert[]).map((a) => a.id);

  it('counts down, runs out, and records a late report as late', async () => {
    now = new Date(sh('2026-03-14 02:00'));
    // 二级 registered Friday 23:30 → due Saturday 04:30.
    const alert = await clk.createAs('secA', cf.branchAId);
    await clk.drive(alert.id, ['ASSESSED']);
    let read = (await clk.get('secA', `/api/risk-alerts/${alert.id}`)).json() as Alert;
    expect(read.clock).toEqual({
      dueAt: sh('2026-03-14 04:30'),
      overdue: false,
      reportedLate: null,
      remainingMinutes: 150,
    });
    expect(await flagged('OVERDUE')).not.toContain(alert.id);

    now = new Date(sh('2026-03-14 04:30'));
    read = (await clk.get('secA', `/api/risk-alerts/${alert.id}`)).json();
    expect(read.clock).toMatchObject({ overdue: false, remainingMinutes: 0 });

    now = new Date(Date.parse(sh('2026-03-14 04:30')) + 1000);
    read = (await clk.get('secA', `/api/risk-alerts/${alert.id}`)).json();
    expect(read.clock).toMatchObject({ overdue: true, reportedLate: null, remainingMinutes: -1 });
    expect(await flagged('OVERDUE')).toContain(alert.id);

    now = new Date(sh('2026-03-14 05:10'));
    const reported = await clk.step('leader', alert.id, { to: 'REPORTED', receiptNumber: 'WX-LATE' });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({
      reportedAt: sh('2026-03-14 05:10'),
      clock: { dueAt: sh('2026-03-14 04:30'), overdue: true, reportedLate: true, remainingMinutes: null },
    });
    // Reported late stays overdue, later too.
    now = new Date(sh('2026-03-20 00:00'));
    expect(await flagged('OVERDUE')).toContain(alert.id);
  });

  it('a report within the clock is on time and never overdue', async () => {
    now = new Date(sh('2026-03-14 09:00'));
    const alert = await clk.createAs('secA', cf.branchAId, { level: 'LEVEL_4', registeredAt: sh('2026-03-13 18:00') });
    expect(alert.clock).toMatchObject({ dueAt: sh('2026-03-15 18:00'), remainingMinutes: 33 * 60 });
    await clk.drive(alert.id, ['ASSESSED', 'REPORTED']);
    now = new Date(sh('2026-03-16 09:00'));
    const read = (await clk.get('leader', `/api/risk-alerts/${alert.id}`)).json() as Alert;
    expect(read.clock).toEqual({
      dueAt: sh('2026-03-15 18:00'),
      overdue: false,
      reportedLate: false,
      remainingMinutes: null,
    });
    expect(await flagged('OVERDUE')).not.toContain(alert.id);
  });

  it('needs urging after 24 hours without an event, until the next step; never once closed', async () => {
    now = new Date(sh('2026-04-01 08:00'));
    const alert = await clk.createAs('secA', cf.branchAId, { registeredAt: sh('2026-04-01 08:00') });
    expect(alert.needsUrging).toBe(false);

    now = new Date(sh('2026-04-02 08:00'));
    expect((await clk.get('leader', `/api/risk-alerts/${alert.id}`)).json().needsUrging).toBe(false);
    expect(await flagged('URGE')).not.toContain(alert.id);

    now = new Date(sh('2026-04-02 08:01'));
    expect((await clk.get('leader', `/api/risk-alerts/${alert.id}`)).json().needsUrging).toBe(true);
    expect(await flagged('URGE')).toContain(alert.id);

    // A step (at the injected now) restarts the 24 hours.
    const assessed = await clk.step('leader', alert.id, { to: 'ASSESSED' });
    expect(assessed.json()).toMatchObject({ lastEventAt: sh('2026-04-02 08:01'), needsUrging: false });
    expect(await flagged('URGE')).not.toContain(alert.id);

    await clk.drive(alert.id, ['REPORTED', 'ACCEPTED', 'HANDLING', 'CLOSED']);
    now = new Date(sh('2026-06-01 00:00'));
    expect((await clk.get('leader', `/api/risk-alerts/${alert.id}`)).json().needsUrging).toBe(false);
    expect(await flagged('URGE')).not.toContain(alert.id);
  });

  it('refuses a registration later than the injected now', async () => {
    now = new Date(sh('2026-03-14 02:00'));
    const res = await clk.create('secA', alertInput(cf.branchAId, { registeredAt: sh('2026-03-14 02:01') }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('registeredAt');
  });
});

describe('ALERT_REPORT_HOURS', () => {
  it('sets the clock per level for the routes', async () => {
    const custom = await createTestContext({ ALERT_REPORT_HOURS: '2, 6, 12, 24' });
    try {
      const f = await seedFixture(custom.prisma);
      const cookie = await login(custom.app, 'secA');
      const res = await custom.app.inject({
        method: 'POST',
        url: '/api/risk-alerts',
        headers: { cookie },
        payload: alertInput(f.branchAId),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().reportDueAt).toBe(sh('2026-03-14 05:30'));
      const patched = await custom.app.inject({
        method: 'PATCH',
        url: `/api/risk-alerts/${res.json().id}`,
        headers: { cookie },
        payload: { level: 'LEVEL_4' },
      });
      expect(patched.json().reportDueAt).toBe(sh('2026-03-14 23:30'));
    } finally {
      await custom.close();
    }
  });

  it('defaults to 1, 5, 24 and 48 hours', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/d' }).ALERT_REPORT_HOURS).toEqual({
      LEVEL_1: 1,
      LEVEL_2: 5,
      LEVEL_3: 24,
      LEVEL_4: 48,
    });
  });

  it.each(['1,5,24', '1,5,24,48,96', '0,5,24,48', '1,5,24,721', '48,24,5,1', 'a,b,c,d', '1.5,5,24,48', ''])(
    'refuses %j in one sentence',
    (value) => {
      const load = () => loadConfig({ DATABASE_URL: 'postgresql://u@h/d', ALERT_REPORT_HOURS: value });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(
        `Configuration error: ALERT_REPORT_HOURS must be four comma-separated whole numbers of hours from 1 to 720, for levels 1 to 4 and not decreasing (e.g. "1,5,24,48") (got ${JSON.stringify(value)}).`,
      );
    },
  );
});

describe('listing by flag: OPEN, REPORTED_ON_TIME, REPORTED_LATE (the figures the dashboard drills to)', () => {
  let flagCtx: TestContext;
  let ff: Fixture;
  const c: Record<string, string> = {};
  const list = client(() => flagCtx.app, c);
  const summariesOf = async (who: string, query: string) => {
    const res = await list.get(who, `/api/risk-alerts?limit=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { summary: string }[]).map((a) => a.summary).sort();
  };

  beforeAll(async () => {
    flagCtx = await createTestContext();
    ff = await seedFixture(flagCtx.prisma);
    for (const u of ['leader', 'secA', 'secB']) c[u] = await login(flagCtx.app, u);
    const registeredAt = new Date(sh('2026-05-10 09:00'));
    const dueAt = new Date(registeredAt.getTime() + 5 * 3_600_000);
    const rows: [string, string, AlertState, Date | null][] = [
      ['openA', ff.branchAId, 'REGISTERED', null],
      ['onTimeAUnit', ff.branchAUnitId, 'REPORTED', new Date(dueAt.getTime() - 60_000)],
      // Reported at the due instant itself: on time (reportedAt ≤ reportDueAt).
      ['atDueA', ff.branchAId, 'ACCEPTED', dueAt],
      ['lateA', ff.branchAId, 'HANDLING', new Date(dueAt.getTime() + 1000)],
      ['closedOnTimeA', ff.branchAId, 'CLOSED', new Date(dueAt.getTime() - 3_600_000)],
      ['closedLateB', ff.branchBId, 'CLOSED', new Date(dueAt.getTime() + 3_600_000)],
      ['openB', ff.branchBId, 'ASSESSED', null],
    ];
    for (const [summary, orgId, state, reportedAt] of rows) {
      await flagCtx.prisma.riskAlert.create({
        data: {
          orgId,
          level: 'LEVEL_2',
          state,
          source: '网络巡查',
          summary,
          registeredAt,
          reportDueAt: dueAt,
          reportedAt,
          closedAt: state === 'CLOSED' ? new Date(dueAt.getTime() + 86_400_000) : null,
          lastEventAt: registeredAt,
        },
      });
    }
  });
  afterAll(() => flagCtx?.close());

  it('OPEN lists every alert not yet closed, reported or not', async () => {
    expect(await summariesOf('leader', '&flag=OPEN')).toEqual(['atDueA', 'lateA', 'onTimeAUnit', 'openA', 'openB']);
  });

  it('REPORTED_ON_TIME lists alerts reported no later than their clock; REPORTED_LATE those reported after', async () => {
    expect(await summariesOf('leader', '&flag=REPORTED_ON_TIME')).toEqual(['atDueA', 'closedOnTimeA', 'onTimeAUnit']);
    expect(await summariesOf('leader', '&flag=REPORTED_LATE')).toEqual(['closedLateB', 'lateA']);
    // The same judgement the answer's clock makes.
    const late = await list.get('leader', '/api/risk-alerts?flag=REPORTED_LATE');
    expect(late.json().items.every((a: Alert) => a.clock.reportedLate === true)).toBe(true);
    const onTime = await list.get('leader', '/api/risk-alerts?flag=REPORTED_ON_TIME');
    expect(onTime.json().items.every((a: Alert) => a.clock.reportedLate === false)).toBe(true);
  });

  it('combines with the drill of ALERT_REPORTED_ON_TIME: reportedAt days and an org', async () => {
    const drill = '&dateField=reportedAt&from=2026-05-10&to=2026-05-10&flag=REPORTED_ON_TIME';
    expect(await summariesOf('leader', `${drill}&org=${ff.branchAId}`)).toEqual([
      'atDueA',
      'closedOnTimeA',
      'onTimeAUnit',
    ]);
    expect(await summariesOf('leader', `${drill}&org=${ff.branchBId}`)).toEqual([]);
    expect(await summariesOf('leader', '&dateField=reportedAt&from=2026-05-11&flag=REPORTED_ON_TIME')).toEqual([]);
  });

  it("the scope still applies: a secretary of B sees none of A's flagged alerts", async () => {
    expect(await summariesOf('secB', '&flag=OPEN')).toEqual(['openB']);
    expect(await summariesOf('secB', '&flag=REPORTED_LATE')).toEqual(['closedLateB']);
    expect(await summariesOf('secB', '&flag=REPORTED_ON_TIME')).toEqual([]);
    expect(await summariesOf('secA', '&flag=REPORTED_LATE')).toEqual(['lateA']);
    expect((await list.get('secB', `/api/risk-alerts?flag=OPEN&org=${ff.branchAId}`)).statusCode).toBe(404);
  });

  it('refuses an unknown flag, naming the field', async () => {
    const res = await list.get('leader', '/api/risk-alerts?flag=CLOSED');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('flag');
  });
});
