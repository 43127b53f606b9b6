// The 督查 / 通报 / 谈话 / 问责 ledger (ADR 049): who may see it (a secretary never, not even her
// own branch's; an auditor and a reviewer read; only a leader writes), reach (a sibling street's
// leader sees nothing), the level above writes it (never about its own home org), each type's
// fields, a done 督查's findings become rectifications once, and the BRANCH_INSPECTION and
// NOTICE_RED figures equal their drills, the rollups, the exact counts and a direct count.
import { figureDrill } from '@dutyboard/contracts/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFiguresBetween } from '../src/services/rollups/exact-counts.ts';
import { countFigures } from '../src/services/rollups/rollups.ts';
import { directCount } from './helpers/direct-counts.ts';
import { addDistrict, type Fixture, type LevelsFixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let lv: LevelsFixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  lv = await addDistrict(ctx.prisma, fx);
  for (const u of ['leader', 'auditor', 'admin', 'secA', 'dLeader', 'dReviewer', 's2Leader']) {
    cookies[u] = await login(ctx.app, u);
  }
});
afterAll(() => ctx?.close());

const inject = (
  who: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  headers = {},
) =>
  ctx.app.inject({ method, url, headers: { cookie: cookies[who] ?? '', ...headers }, ...(payload ? { payload } : {}) });

interface Record_ {
  id: string;
  version: number;
  orgId: string;
  type: string;
  findings: string[];
  rectificationIds: string[];
}

async function create(who: string, body: Record<string, unknown>, status = 201): Promise<Record_> {
  const res = await inject(who, 'POST', '/api/accountability', body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Record_;
}

const inspection = (orgId: string, extra: Record<string, unknown> = {}) => ({
  orgId,
  type: 'INSPECTION',
  title: '2026年意识形态工作督查',
  plannedAt: '2026-05-10T00:00:00+08:00',
  ...extra,
});

describe('who may see the ledger', () => {
  let notice: Record_;
  beforeAll(async () => {
    notice = await create('leader', {
      orgId: fx.branchAId,
      type: 'NOTICE',
      title: '关于甲村阵地建设的通报',
      occurredAt: '2026-06-02T10:00:00+08:00',
      colour: 'YELLOW',
      grounds: '公众号两周未更新',
    });
  });

  it("a secretary gets 403 on the list and on her own branch's record", async () => {
    expect((await inject('secA', 'GET', '/api/accountability')).statusCode).toBe(403);
    expect((await inject('secA', 'GET', `/api/accountability/${notice.id}`)).statusCode).toBe(403);
    expect((await inject('secA', 'POST', '/api/accountability', inspection(fx.branchAId))).statusCode).toBe(403);
  });

  it('an auditor and a reviewer read; only a leader writes', async () => {
    for (const who of ['auditor', 'dReviewer']) {
      const list = await inject(who, 'GET', '/api/accountability');
      expect(list.statusCode, list.body).toBe(200);
      expect((list.json() as { items: Record_[] }).items.map((i) => i.id)).toContain(notice.id);
      expect((await inject(who, 'GET', `/api/accountability/${notice.id}`)).statusCode).toBe(200);
      expect((await inject(who, 'POST', '/api/accountability', inspection(fx.branchAId))).statusCode).toBe(403);
      expect(
        (
          await inject(
            who,
            'PATCH',
            `/api/accountability/${notice.id}`,
            { followUp: 'x' },
            {
              'if-match': `"${notice.version}"`,
            },
          )
        ).statusCode,
      ).toBe(403);
    }
    // The administrator manages accounts, not the ledger.
    expect((await inject('admin', 'GET', '/api/accountability')).statusCode).toBe(403);
  });

  it("a sibling street's leader neither lists nor reads it", async () => {
    const list = await inject('s2Leader', 'GET', '/api/accountability');
    expect((list.json() as { items: Record_[] }).items).toEqual([]);
    expect((await inject('s2Leader', 'GET', `/api/accountability/${notice.id}`)).statusCode).toBe(404);
    expect((await inject('s2Leader', 'POST', '/api/accountability', inspection(fx.branchAId))).statusCode).toBe(403);
  });
});

describe('the level above writes it', () => {
  it('a leader may not write about her own home org; the 区 may about the street', async () => {
    const res = await inject('leader', 'POST', '/api/accountability', inspection(fx.streetId));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { details: { fields: [{ field: 'orgId', key: 'accountability.ownOrg' }] } },
    });
    await create('dLeader', inspection(fx.streetId));
  });

  it("each type's fields: a 通报 needs its colour, a 问责 its measure, a 督查 takes no colour", async () => {
    const bad = await inject('leader', 'POST', '/api/accountability', {
      orgId: fx.branchAId,
      type: 'NOTICE',
      title: '通报',
      occurredAt: '2026-06-02T10:00:00+08:00',
      grounds: '原因',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('colour');
    const noMeasure = await inject('leader', 'POST', '/api/accountability', {
      orgId: fx.branchAId,
      type: 'ACCOUNTABILITY',
      title: '问责',
      occurredAt: '2026-06-02T10:00:00+08:00',
      person: '王某',
      grounds: '落实不力',
    });
    expect(noMeasure.statusCode).toBe(400);
    const colouredInspection = await inject(
      'leader',
      'POST',
      '/api/accountability',
      inspection(fx.branchAId, { colour: 'RED' }),
    );
    expect(colouredInspection.statusCode).toBe(400);
    // A PATCH is judged on the record as it will stand.
    const planned = await create('leader', inspection(fx.branchAId));
    const cleared = await inject(
      'leader',
      'PATCH',
      `/api/accountability/${planned.id}`,
      { plannedAt: null },
      {
        'if-match': `"${planned.version}"`,
      },
    );
    expect(cleared.statusCode).toBe(400);
  });
});

describe('findings of a 督查', () => {
  it('become rectifications of the inspected branch once, when the 督查 is done', async () => {
    const planned = await create('leader', inspection(fx.branchBId));
    expect(planned.rectificationIds).toEqual([]);
    // Findings need the day it was done.
    const early = await inject(
      'leader',
      'PATCH',
      `/api/accountability/${planned.id}`,
      { findings: ['台账不全'] },
      {
        'if-match': `"${planned.version}"`,
      },
    );
    expect(early.statusCode).toBe(400);

    const done = await inject(
      'leader',
      'PATCH',
      `/api/accountability/${planned.id}`,
      { occurredAt: '2026-05-12T15:00:00+08:00', findings: ['意识形态台账不全', '宣传栏内容未及时更新'] },
      { 'if-match': `"${planned.version}"` },
    );
    expect(done.statusCode, done.body).toBe(200);
    const body = done.json() as Record_;
    expect(body.rectificationIds).toHaveLength(2);
    const made = await ctx.prisma.rectification.findMany({ where: { accountabilityId: planned.id } });
    expect(made.every((r) => r.orgId === fx.branchBId && r.source === 'INSPECTION')).toBe(true);

    // Saving again with one more finding adds only that one.
    const again = await inject(
      'leader',
      'PATCH',
      `/api/accountability/${planned.id}`,
      { findings: ['意识形态台账不全', '宣传栏内容未及时更新', '三审制度未落实'] },
      { 'if-match': `"${body.version}"` },
    );
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as Record_).rectificationIds).toHaveLength(3);

    // The branch's secretary sees the rectification, not the ledger record behind it.
    const secB = await login(ctx.app, 'secB');
    const rect = await ctx.app.inject({
      method: 'GET',
      url: `/api/rectifications/${made[0]?.id}`,
      headers: { cookie: secB },
    });
    expect(rect.statusCode).toBe(200);
    expect(rect.json()).toMatchObject({ source: 'INSPECTION', accountabilityId: null });
    const leaderRect = await inject('leader', 'GET', `/api/rectifications/${made[0]?.id}`);
    expect(leaderRect.json()).toMatchObject({ accountabilityId: planned.id });

    // The audit trail holds the create and each change.
    const events = await ctx.prisma.auditEvent.count({ where: { entityType: 'Accountability', entityId: planned.id } });
    expect(events).toBe(3);
  });
});

describe('figures', () => {
  it('BRANCH_INSPECTION and NOTICE_RED equal their drills, the rollups, the exact counts and a direct count', async () => {
    const inJuly = (day: number) => `2026-07-${String(day).padStart(2, '0')}T09:00:00+08:00`;
    await create('leader', inspection(fx.branchAId, { occurredAt: inJuly(3) }));
    await create('leader', inspection(fx.branchAUnitId, { occurredAt: inJuly(31).replace('09:00', '23:30') }));
    await create('leader', inspection(fx.branchBId, { occurredAt: '2026-08-01T00:10:00+08:00' }));
    await create('leader', inspection(fx.branchBId)); // planned only: counted nowhere
    await create('leader', {
      orgId: fx.branchBId,
      type: 'NOTICE',
      title: '红色通报',
      occurredAt: inJuly(20),
      colour: 'RED',
      grounds: '发生舆情迟报',
    });
    await create('leader', {
      orgId: fx.branchAId,
      type: 'TALK',
      title: '提醒谈话',
      occurredAt: inJuly(21),
      person: '甲村书记',
      grounds: '阵地建设有待加强',
    });
    const from = new Date('2026-07-01T00:00:00+08:00');
    const to = new Date('2026-08-01T00:00:00+08:00');
    const subtree = [fx.streetId, fx.branchAId, fx.branchAUnitId, fx.branchBId];
    for (const [figure, expected] of [
      ['BRANCH_INSPECTION', 2],
      ['NOTICE_RED', 1],
    ] as const) {
      const drill = figureDrill(figure, fx.streetId, { from: '2026-07-01', to: '2026-07-31', period: '2026-Q3' });
      const res = await inject(
        'leader',
        'GET',
        `${drill.list}?${new URLSearchParams({ ...drill.query, limit: '100' })}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const listed = (res.json() as { items: Record_[] }).items;
      expect(listed, figure).toHaveLength(expected);
      const [rolled] = await countFigures(ctx.prisma, [{ figure, orgId: fx.streetId, key: '2026-07' }]);
      const [exact] = await countFiguresBetween(ctx.prisma, [{ figure, orgId: fx.streetId, from, to }]);
      expect([rolled, exact, await directCount(ctx.prisma, figure, subtree, from, to)]).toEqual([
        expected,
        expected,
        expected,
      ]);
    }
    // Counted for the inspected unit: branch A's own subtree holds two 督查 in July.
    const [ownA] = await countFigures(ctx.prisma, [
      { figure: 'BRANCH_INSPECTION', orgId: fx.branchAId, key: '2026-07' },
    ]);
    expect(ownA).toBe(2);
    expect(lv.districtId).toBeTruthy();
  });
});
