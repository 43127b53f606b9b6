// Typed 阵地 with rules (ADR 049): the old types keep their rows, the new fields round-trip, an
// online 阵地 goes stale after 14 whole Shanghai days without an update (14 days: fine; 15: red),
// a 阵地 not checked this quarter is red with its check due on the quarter's last day, a content
// update is recorded and audited, and a check's findings become linked rectifications.

import { shanghaiMidnight } from '@dutyboard/contracts/periods';
import { positionState, quarterStart, staleBefore } from '@dutyboard/contracts/risk-points';
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
  for (const u of ['leader', 'auditor', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

const inject = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = {}) =>
  ctx.app.inject({ method, url, headers: { cookie: cookies[who] ?? '', ...headers }, ...(payload ? { payload } : {}) });

interface Point {
  id: string;
  version: number;
  type: string;
  lastUpdatedAt: string | null;
  administrators: string[];
  state: { red: boolean; reasons: { code: string; days: number | null }[]; checkDueOn: string | null };
}

async function createPoint(body: Record<string, unknown>): Promise<Point> {
  const res = await inject('secA', 'POST', '/api/risk-points', {
    orgId: fx.branchAId,
    name: '甲村公众号',
    type: 'WECHAT_ACCOUNT',
    level: 'MEDIUM',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Point;
}

/** Sets the stored instants directly (a test cannot wait 15 days). */
async function backdate(
  id: string,
  data: { lastUpdatedAt?: Date | null; lastCheckedAt?: Date | null; createdAt?: Date },
) {
  await ctx.prisma.riskPoint.update({ where: { id }, data });
}

async function read(id: string): Promise<Point> {
  const res = await inject('leader', 'GET', `/api/risk-points/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Point;
}

/** The start of the Shanghai day `days` before today, plus a few hours. */
function daysAgo(days: number, now = new Date()): Date {
  return new Date(staleBefore(now, days).getTime() + 3 * 3600_000);
}

describe('typed 阵地', () => {
  it('keeps the old types and takes the new ones with sponsor, admins, 三审 and size', async () => {
    const p = await createPoint({
      type: 'PRACTICE_STATION',
      name: '甲村新时代文明实践站',
      sponsor: '甲村党支部',
      administrators: ['张三', '李四'],
      reviewFirst: '张三',
      reviewSecond: '李四',
      reviewFinal: '王书记',
      audienceSize: 320,
    });
    expect(p).toMatchObject({
      type: 'PRACTICE_STATION',
      administrators: ['张三', '李四'],
      reviewFinal: '王书记',
      audienceSize: 320,
    });
    const old = await createPoint({ type: 'VENUE', name: '老活动场所' });
    expect(old.type).toBe('VENUE');
    const res = await inject(
      'secA',
      'PATCH',
      `/api/risk-points/${p.id}`,
      { administrators: ['张三'] },
      {
        'if-match': `"${p.version}"`,
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Point).administrators).toEqual(['张三']);
  });

  it('an online 阵地 updated 14 Shanghai days ago is not stale; 15 days ago it is red', async () => {
    const now = new Date();
    const p = await createPoint({ name: '边界公众号' });
    // Checked this quarter, so staleness is the only rule in play.
    await backdate(p.id, { lastCheckedAt: new Date(Math.max(quarterStart(now).getTime(), now.getTime() - 3600_000)) });

    await backdate(p.id, { lastUpdatedAt: daysAgo(14, now) });
    expect((await read(p.id)).state).toMatchObject({ red: false, reasons: [] });

    await backdate(p.id, { lastUpdatedAt: daysAgo(15, now) });
    const red = (await read(p.id)).state;
    expect(red.red).toBe(true);
    expect(red.reasons).toEqual([{ code: 'STALE', days: 15 }]);

    // Just before the 14-day boundary's midnight is already the 15th day.
    await backdate(p.id, { lastUpdatedAt: new Date(staleBefore(now, 14).getTime() - 1) });
    expect((await read(p.id)).state.reasons.map((r) => r.code)).toEqual(['STALE']);

    // The list's red filter draws the same line.
    const list = await inject('leader', 'GET', `/api/risk-points?org=${fx.branchAId}&red=true`);
    expect((list.json() as { items: Point[] }).items.map((i) => i.id)).toContain(p.id);
    await backdate(p.id, { lastUpdatedAt: daysAgo(14, now) });
    const again = await inject('leader', 'GET', `/api/risk-points?org=${fx.branchAId}&red=true`);
    expect((again.json() as { items: Point[] }).items.map((i) => i.id)).not.toContain(p.id);
  });

  it('a type that publishes nothing never goes stale', () => {
    const now = new Date('2026-05-20T04:00:00Z');
    const state = positionState(
      {
        type: 'BULLETIN_BOARD',
        lastUpdatedAt: null,
        lastCheckedAt: now,
        createdAt: new Date(now.getTime() - 400 * DAY),
      },
      now,
    );
    expect(state).toEqual({ red: false, reasons: [], daysSinceUpdate: null, checkDueOn: null });
  });

  it('a 阵地 not checked this quarter is red with its check due on the quarter’s last day', () => {
    const now = new Date('2026-05-20T04:00:00Z');
    const lastQuarter = new Date(shanghaiMidnight(2026, 4, 1).getTime() - 1);
    const state = positionState(
      { type: 'WECHAT_GROUP', lastUpdatedAt: null, lastCheckedAt: lastQuarter, createdAt: lastQuarter },
      now,
    );
    expect(state).toEqual({
      red: true,
      reasons: [{ code: 'UNCHECKED_THIS_QUARTER', days: null }],
      daysSinceUpdate: null,
      checkDueOn: '2026-06-30',
    });
    // Checked at the quarter's first instant: done for the quarter.
    const checked = positionState(
      {
        type: 'WECHAT_GROUP',
        lastUpdatedAt: null,
        lastCheckedAt: shanghaiMidnight(2026, 4, 1),
        createdAt: lastQuarter,
      },
      now,
    );
    expect(checked.red).toBe(false);
  });

  it('a check this quarter clears the red; recording an update clears the stale, audited', async () => {
    const p = await createPoint({ name: '待查公众号' });
    await backdate(p.id, { lastUpdatedAt: daysAgo(20), createdAt: daysAgo(30) });
    const before = await read(p.id);
    expect(before.state.reasons.map((r) => r.code).sort()).toEqual(['STALE', 'UNCHECKED_THIS_QUARTER']);
    expect(before.state.checkDueOn).not.toBeNull();

    const checked = await inject('secA', 'POST', `/api/risk-points/${p.id}/checks`, {
      checkedAt: new Date(Date.now() - 60_000).toISOString(),
      result: 'NORMAL',
    });
    expect(checked.statusCode, checked.body).toBe(201);
    const after = await read(p.id);
    expect(after.state.reasons.map((r) => r.code)).toEqual(['STALE']);

    const at = new Date(Date.now() - 120_000).toISOString();
    const updated = await inject(
      'secA',
      'POST',
      `/api/risk-points/${p.id}/updates`,
      { updatedAt: at },
      {
        'if-match': `"${after.version}"`,
      },
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect((updated.json() as Point).lastUpdatedAt).toBe(at);
    expect((updated.json() as Point).state.red).toBe(false);
    const audit = await ctx.prisma.auditEvent.findFirst({
      where: { entityType: 'RiskPoint', entityId: p.id },
      orderBy: { id: 'desc' },
    });
    expect(audit?.after).toMatchObject({ contentUpdatedAt: at });
    // An older update never moves the last update back.
    const older = await inject('secA', 'POST', `/api/risk-points/${p.id}/updates`, {
      updatedAt: new Date(Date.now() - 5 * DAY).toISOString(),
    });
    expect((older.json() as Point).lastUpdatedAt).toBe(at);
  });

  it("a check's findings become rectifications of the 阵地's org, linked to the check", async () => {
    const p = await createPoint({ name: '有问题的公众号' });
    const res = await inject('secA', 'POST', `/api/risk-points/${p.id}/checks`, {
      checkedAt: new Date(Date.now() - 60_000).toISOString(),
      result: 'ISSUE_FOUND',
      findings: ['三审记录不全', '管理员未实名'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { check } = res.json() as { check: { id: string; rectificationIds: string[] } };
    expect(check.rectificationIds).toHaveLength(2);
    const made = await ctx.prisma.rectification.findMany({
      where: { riskPointCheckId: check.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(made.map((r) => [r.problem, r.source, r.orgId])).toEqual([
      ['三审记录不全', 'POSITION_CHECK', fx.branchAId],
      ['管理员未实名', 'POSITION_CHECK', fx.branchAId],
    ]);
    // The branch secretary reads them in the rectification list, with the link.
    const list = await inject('secA', 'GET', `/api/rectifications?source=POSITION_CHECK`);
    const items = (list.json() as { items: { id: string; riskPointCheckId: string | null }[] }).items;
    expect(items.filter((i) => i.riskPointCheckId === check.id)).toHaveLength(2);
    // A NORMAL result takes no findings.
    const normal = await inject('secA', 'POST', `/api/risk-points/${p.id}/checks`, {
      checkedAt: new Date(Date.now() - 30_000).toISOString(),
      result: 'NORMAL',
      findings: ['不应有'],
    });
    expect(normal.statusCode).toBe(400);
  });

  it('nobody outside the branch reaches its 阵地 update', async () => {
    const p = await createPoint({ name: '乙不可见' });
    const res = await inject('secB', 'POST', `/api/risk-points/${p.id}/updates`, {
      updatedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(res.statusCode).toBe(404);
  });
});
