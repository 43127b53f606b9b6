// countFigures (the rollup reader task rules use) against direct Prisma counts of the same
// records: every counted figure of the registry, over a street, a branch and a sub-unit, with
// records just inside and just outside the range and of the wrong kind or topic.
import { COUNTED_FIGURE_KEYS, type CountedFigure } from '@dutyboard/contracts/figures';
import { SENT_REPORT_KINDS } from '@dutyboard/contracts/report-kinds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFigures } from '../src/services/rollups/rollups.ts';
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
        // Seminars on an ideology topic and on a study topic (the latter are 中心组学习 too).
        const topicCategory = kind === 'SEMINAR' && n % 3 === 0 ? 'IDEOLOGY_WORK' : 'OTHER';
        await p.studySession.create({ data: { orgId, kind, topicCategory, topic: `学习${n}`, occurredAt: at } });
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
      // 一会一报 (ADR 048): approved or held, some submitted late, some held without approval.
      await p.eventApproval.create({
        data: {
          orgId,
          kind: 'LECTURE',
          topic: `讲座${n}`,
          outline: '提纲',
          speaker: '主讲人',
          speakerEmployer: '党校',
          venue: '会议室',
          startsAt: at,
          endsAt: new Date(at.getTime() + 3_600_000),
          audienceSize: 10,
          foreignParticipants: false,
          vettingOpinion: '同意',
          state: n % 2 === 0 ? 'HELD' : 'APPROVED',
          late: n % 3 === 0,
          unapproved: n % 4 === 0,
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
      // 党工委 meetings (ADR 046): uneven numbers of 专题研究 and 研判.
      for (const [i, kind] of (['SPECIAL_STUDY', 'SITUATION_JUDGEMENT'] as const).entries()) {
        if (n % (i + 2) === 0) continue;
        await p.committeeMeeting.create({
          data: { orgId, kind, title: `会议${n}`, heldAt: at, chair: '书记', attendees: [], agenda: ['议题'] },
        });
      }
      // The 督查/通报 ledger (ADR 049): 督查 done or still planned (not counted), 通报 of each colour.
      await p.accountability.create({
        data: { orgId, type: 'INSPECTION', title: `督查${n}`, occurredAt: n % 3 === 0 ? null : at },
      });
      await p.accountability.create({
        data: {
          orgId,
          type: 'NOTICE',
          title: `通报${n}`,
          occurredAt: at,
          colour: (['RED', 'YELLOW', 'GREEN'] as const)[n % 3],
        },
      });
      // 报送 of reports (source report_sent, part = kind, ADR 047): uneven numbers per kind.
      for (const [i, kind] of SENT_REPORT_KINDS.entries()) {
        if (n % (i + 2) === 0) continue;
        const periodCode = `M${n}-${i}`;
        const draft = await p.reportDraft.create({
          data: { kind, periodCode, orgId, title: `报告${n}`, content: {}, number: 1, state: 'FINAL' },
        });
        await p.reportSubmission.create({
          data: {
            reportDraftId: draft.id,
            kind,
            periodCode,
            orgId,
            toOrgId: fx.streetId,
            sentAt: at,
            docNumber: `文${n}`,
          },
        });
      }
    }
  }
});
afterAll(() => ctx?.close());

/** The same records counted with plain Prisma filters. */
async function direct(metric: CountedFigure, orgIds: string[]): Promise<number> {
  const count = await directCount(ctx.prisma, metric, orgIds, FROM, TO);
  if (count === null) throw new Error(`no direct count for ${metric}`);
  return count;
}

async function subtree(orgId: string) {
  const org = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: orgId } });
  const ids = (await ctx.prisma.orgUnit.findMany({ where: { path: { startsWith: org.path } } })).map((o) => o.id);
  return { path: org.path, ids };
}

const ORGS = () => [fx.streetId, fx.branchAId, fx.branchAUnitId, fx.branchBId];

describe('countFigures', () => {
  it.each(COUNTED_FIGURE_KEYS)('%s counts exactly the records a direct count finds, per subtree', async (figure) => {
    // The quarter's key, and its three months added up.
    const quarter = await countFigures(
      ctx.prisma,
      ORGS().map((orgId) => ({ figure, orgId, key: '2026-Q1' })),
    );
    const months = await countFigures(
      ctx.prisma,
      ORGS().flatMap((orgId) => ['2026-01', '2026-02', '2026-03'].map((key) => ({ figure, orgId, key }))),
    );
    for (const [i, orgId] of ORGS().entries()) {
      const expected = await direct(figure, (await subtree(orgId)).ids);
      expect(quarter[i], `${figure} @ ${orgId}`).toBe(expected);
      expect(
        months.slice(i * 3, i * 3 + 3).reduce((a, b) => a + b, 0),
        `${figure} @ ${orgId} by month`,
      ).toBe(expected);
    }
    expect(quarter[0]).toBeGreaterThan(0);
  });

  it('counts several figures in one call, each as alone, and nothing for an unknown org or key', async () => {
    const units = COUNTED_FIGURE_KEYS.map((figure) => ({ figure, orgId: fx.streetId, key: '2026-Q1' }));
    const together = await countFigures(ctx.prisma, units);
    for (const [i, u] of units.entries()) expect(together[i]).toBe((await countFigures(ctx.prisma, [u]))[0]);
    expect(
      await countFigures(ctx.prisma, [
        { figure: 'ACTIVITY', orgId: crypto.randomUUID(), key: '2026-Q1' },
        { figure: 'ACTIVITY', orgId: fx.streetId, key: '2027-Q2' },
      ]),
    ).toEqual([0, 0]);
    expect(await countFigures(ctx.prisma, [])).toEqual([]);
  });
});
