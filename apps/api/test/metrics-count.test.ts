// countMetric / countMetricByOrg against direct Prisma counts of the same records: every counted
// metric, over a street, a branch and a sub-unit, with records just inside and just outside the
// range and of the wrong kind.
import { COUNTED_METRIC_KEYS, type CountedMetric } from '@dutyboard/contracts/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMetric, countMetricByOrg } from '../src/services/metrics/count.ts';
import { directCount } from './helpers/direct-counts.ts';
import { type Fixture, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;

// 2026-Q1 in Shanghai: [2025-12-31T16:00Z, 2026-03-31T16:00Z).
const FROM = new Date('2025-12-31T16:00:00Z');
const TO = new Date('2026-03-31T16:00:00Z');
const inside = [new Date('2025-12-31T16:00:00Z'), new Date('2026-02-10T02:00:00Z'), new Date('2026-03-31T15:59:59Z')];
const outside = [new Date('2025-12-31T15:59:59Z'), new Date('2026-03-31T16:00:00Z')];
const dates = [...inside, ...outside];

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  const p = ctx.prisma;
  const orgs = [fx.streetId, fx.branchAId, fx.branchAUnitId, fx.branchBId];
  let n = 0;
  for (const orgId of orgs) {
    for (const at of dates) {
      n += 1;
      for (const [i, kind] of (['CENTRAL_GROUP', 'SEMINAR', 'BRANCH_STUDY', 'CADRE_TRAINING'] as const).entries()) {
        // Uneven numbers per kind, so a count of the wrong kind cannot match by chance.
        if (n % (i + 2) === 0) continue;
        await p.studySession.create({ data: { orgId, kind, topic: `学习${n}`, occurredAt: at } });
      }
      for (const category of ['PARTY_LECTURE', 'RED_SONGS'] as const) {
        if (category === 'PARTY_LECTURE' && n % 2 === 0) continue;
        await p.activity.create({ data: { orgId, category, title: `活动${n}`, occurredAt: at, participants: 10 } });
      }
      await p.publicityItem.create({
        data: { orgId, outlet: '区融媒体', level: 'DISTRICT', title: `报道${n}`, publishedAt: at },
      });
      const point = await p.riskPoint.create({ data: { orgId, name: `阵地${n}`, type: 'WEBSITE', level: 'LOW' } });
      // Every third check late: only on-time checks count.
      await p.riskPointCheck.create({
        data: { riskPointId: point.id, orgId, checkedAt: at, result: 'NORMAL', onTime: n % 3 !== 0 },
      });
      // Registered at one date, reported and closed at others (or never), so each date column counts alone.
      await p.riskAlert.create({
        data: {
          orgId,
          level: 'LEVEL_3',
          source: '网络巡查',
          summary: `舆情${n}`,
          registeredAt: at,
          reportDueAt: at,
          lastEventAt: at,
          reportedAt: n % 3 === 0 ? null : dates[(n + 1) % dates.length],
          closedAt: n % 2 === 0 ? null : dates[(n + 2) % dates.length],
        },
      });
      await p.rectification.create({
        data: {
          orgId,
          problem: `问题${n}`,
          source: 'SELF_CHECK',
          status: n % 2 === 0 ? 'OPEN' : 'DONE',
          closedAt: n % 2 === 0 ? null : dates[(n + 3) % dates.length],
        },
      });
    }
  }
});
afterAll(() => ctx?.close());

/** The same records counted with plain Prisma filters. */
async function direct(metric: CountedMetric, orgIds: string[]): Promise<number> {
  const count = await directCount(ctx.prisma, metric, orgIds, FROM, TO);
  if (count === null) throw new Error(`no direct count for ${metric}`);
  return count;
}

async function subtree(orgId: string) {
  const org = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: orgId } });
  const ids = (await ctx.prisma.orgUnit.findMany({ where: { path: { startsWith: org.path } } })).map((o) => o.id);
  return { path: org.path, ids };
}

describe('countMetric', () => {
  it.each(COUNTED_METRIC_KEYS)('%s counts exactly the records a direct count finds, per subtree', async (metric) => {
    for (const orgId of [fx.streetId, fx.branchAId, fx.branchAUnitId, fx.branchBId]) {
      const { path, ids } = await subtree(orgId);
      const expected = await direct(metric, ids);
      expect(await countMetric(ctx.prisma, metric, path, FROM, TO), `${metric} @ ${orgId}`).toBe(expected);
    }
    // The street sees every branch's records; something is counted at all.
    const street = await subtree(fx.streetId);
    expect(await countMetric(ctx.prisma, metric, street.path, FROM, TO)).toBeGreaterThan(0);
  });

  it('counts nothing in an empty range and for an unknown subtree', async () => {
    const street = await subtree(fx.streetId);
    expect(await countMetric(ctx.prisma, 'ACTIVITY', street.path, TO, TO)).toBe(0);
    expect(await countMetric(ctx.prisma, 'ACTIVITY', `/${crypto.randomUUID()}/`, FROM, TO)).toBe(0);
  });
});

describe('countMetricByOrg', () => {
  it.each(COUNTED_METRIC_KEYS)('%s per branch equals the single count of each branch subtree', async (metric) => {
    const ids = [fx.branchAId, fx.branchBId, fx.branchAUnitId];
    const byOrg = await countMetricByOrg(ctx.prisma, metric, ids, FROM, TO);
    for (const id of ids) {
      const { ids: sub } = await subtree(id);
      expect(byOrg.get(id), `${metric} @ ${id}`).toBe(await direct(metric, sub));
    }
  });

  it('answers 0 for an org without records and an empty map for no orgs', async () => {
    const emptyId = crypto.randomUUID();
    await ctx.prisma.orgUnit.create({
      data: {
        id: emptyId,
        code: 'S-EMPTY',
        name: '空支部',
        kind: 'AGENCY_BRANCH',
        parentId: fx.streetId,
        path: `/${fx.streetId}/${emptyId}/`,
      },
    });
    const byOrg = await countMetricByOrg(ctx.prisma, 'PUBLICITY', [emptyId], FROM, TO);
    expect([...byOrg]).toEqual([[emptyId, 0]]);
    expect((await countMetricByOrg(ctx.prisma, 'PUBLICITY', [], FROM, TO)).size).toBe(0);
  });
});
