// The dashboard rollups (ADR 018) against the records. After random creates, updates, deletes
// (one by one and in bulk, through Prisma straight into the tables), API writes and an Excel
// import, the rollups plus their unfolded deltas equal, for every org, month and figure of the
// registry (contracts/figures.ts, dated and undated),
// a direct Prisma count of the records — before and after compaction, with writers running during
// it — and equal what dutyboard_rollup_expected() (the rebuild's reference) computes.

import { COUNTED_FIGURE_KEYS, ROLLED_FIGURE_KEYS } from '@dutyboard/contracts/figures';
import { importPaths } from '@dutyboard/contracts/imports';
import { periodFromCode, shanghaiMidnight } from '@dutyboard/contracts/periods';
import type { Prisma } from '@dutyboard/db/client';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactRollups, PartCounts, rebuildRollups } from '../src/services/rollups/rollups.ts';
import { directCount } from './helpers/direct-counts.ts';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { multipart } from './helpers/multipart.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let orgs: string[];
const cookies: Record<string, string> = {};

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

// Months 2025-12 … 2026-03 (and the quarters, halves and years around them), with instants on
// their Shanghai edges.
const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03'];
const PERIOD_KEYS = ['2025-Q4', '2025-H2', '2025', '2026-Q1', '2026-H1', '2026'];
const INSTANTS = [
  '2025-12-01T00:00:00+08:00',
  '2025-12-31T23:59:59+08:00',
  '2026-01-01T00:00:00+08:00',
  '2026-01-31T16:30:00Z', // 2026-02-01 00:30 in Shanghai
  '2026-02-14T10:00:00+08:00',
  '2026-03-31T23:59:00+08:00',
].map((s) => new Date(s));

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  orgs = [fx.streetId, fx.branchAId, fx.branchAUnitId, fx.branchBId];
  for (const u of ['leader', 'secA']) cookies[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

/** Every org's subtree (itself and everything under it). */
async function subtrees(): Promise<Map<string, string[]>> {
  const all = await ctx.prisma.orgUnit.findMany({ select: { id: true, path: true } });
  return new Map(all.map((o) => [o.id, all.filter((x) => x.path.startsWith(o.path)).map((x) => x.id)]));
}

/** Rollups + deltas, as the dashboard reads them: org → month → counts. */
async function readRollups(): Promise<Map<string, PartCounts>> {
  const rows = await ctx.prisma.$queryRaw<{ orgId: string; month: string; source: string; part: string; n: number }[]>`
    SELECT "orgId"::text AS "orgId", month, source, part, sum(n)::int AS n FROM (
      SELECT "orgId", month, source, part, n FROM "CountRollup"
      UNION ALL SELECT "orgId", month, source, part, n FROM "CountDelta") r
    GROUP BY 1, 2, 3, 4`;
  const out = new Map<string, PartCounts>();
  for (const r of rows) {
    const key = `${r.orgId}|${r.month}`;
    const c = out.get(key) ?? new PartCounts();
    c.add(r.source, r.part, r.n);
    out.set(key, c);
  }
  return out;
}

/** Every (org, month, metric) where the rollups and a direct count of the records disagree. */
async function mismatches(): Promise<string[]> {
  const rollups = await readRollups();
  const trees = await subtrees();
  const out: string[] = [];
  for (const orgId of orgs) {
    const ids = trees.get(orgId) ?? [];
    for (const month of MONTHS) {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const from = shanghaiMidnight(y, m, 1);
      const to = shanghaiMidnight(y, m + 1, 1);
      for (const metric of COUNTED_FIGURE_KEYS) {
        const direct = await directCount(ctx.prisma, metric, ids, from, to);
        const rolled = rollups.get(`${orgId}|${month}`)?.figure(metric) ?? 0;
        if (direct !== rolled)
          out.push(`${orgId.slice(0, 8)} ${month} ${metric}: records ${direct}, rollups ${rolled}`);
      }
    }
    // The period keys hold the same counts as their months: quarters, halves and years.
    for (const code of PERIOD_KEYS) {
      const period = periodFromCode(code);
      for (const metric of COUNTED_FIGURE_KEYS) {
        const direct = await directCount(ctx.prisma, metric, ids, period.startsAt, period.endsAt);
        const rolled = rollups.get(`${orgId}|${code}`)?.figure(metric) ?? 0;
        if (direct !== rolled) out.push(`${orgId.slice(0, 8)} ${code} ${metric}: records ${direct}, rollups ${rolled}`);
      }
    }
    const open = await directCount(ctx.prisma, 'RECTIFICATION_OPEN', ids, new Date(0), new Date());
    const rolledOpen = rollups.get(`${orgId}|*`)?.figure('RECTIFICATION_OPEN') ?? 0;
    if (open !== rolledOpen)
      out.push(`${orgId.slice(0, 8)} RECTIFICATION_OPEN: records ${open}, rollups ${rolledOpen}`);
  }
  return out;
}

/** Rollups + deltas differ from dutyboard_rollup_expected() in these rows. */
async function differencesFromExpected(): Promise<unknown[]> {
  return ctx.prisma.$queryRaw<unknown[]>`
    WITH actual AS (
      SELECT "orgId", month::text, source::text, part::text, sum(n)::int AS n FROM (
        SELECT "orgId", month, source, part, n FROM "CountRollup"
        UNION ALL SELECT "orgId", month, source, part, n FROM "CountDelta") r
      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0),
    expected AS (SELECT "orgId", month, source, part, n FROM dutyboard_rollup_expected() WHERE n <> 0)
    (SELECT 'missing' AS what, * FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) a)
    UNION ALL
    (SELECT 'extra', * FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) b)`;
}

/** Random writes straight into the tables: single and bulk creates, updates that move a record
 * between orgs, months, categories and states, and deletes. */
async function randomWrites(seed: number, steps: number): Promise<void> {
  const rand = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const p = ctx.prisma;
  const user = fx.users.leader;
  const point = await p.riskPoint.create({
    data: { orgId: fx.branchAId, name: `风险点${seed}`, type: 'WEBSITE', level: 'LOW', createdById: user },
  });
  for (let i = 0; i < steps; i += 1) {
    const op = Math.floor(rand() * 18);
    const at = pick(INSTANTS);
    const orgId = pick(orgs);
    switch (op) {
      case 0:
        await p.activity.create({
          data: {
            orgId,
            category: pick(['RED_SONGS', 'PARTY_LECTURE', 'OATH_REVIEW'] as const),
            title: `活动${i}`,
            occurredAt: at,
            participants: 10,
          },
        });
        break;
      case 1: {
        const rows: Prisma.ActivityCreateManyInput[] = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, k) => ({
          orgId: pick(orgs),
          category: pick(['RED_SONGS', 'PARTY_LECTURE'] as const),
          title: `批量${i}-${k}`,
          occurredAt: pick(INSTANTS),
          participants: 5,
        }));
        await p.activity.createMany({ data: rows });
        break;
      }
      case 2: {
        const a = await p.activity.findFirst({ skip: Math.floor(rand() * 5), orderBy: { id: 'asc' } });
        if (a)
          await p.activity.update({
            where: { id: a.id },
            data: { orgId, occurredAt: at, category: pick(['RED_SONGS', 'PARTY_LECTURE'] as const) },
          });
        break;
      }
      case 3: {
        const a = await p.activity.findFirst({ skip: Math.floor(rand() * 5), orderBy: { id: 'asc' } });
        if (a) await p.activity.delete({ where: { id: a.id } });
        break;
      }
      case 4:
        await p.studySession.create({
          data: {
            orgId,
            kind: pick(['CENTRAL_GROUP', 'SEMINAR', 'BRANCH_STUDY', 'CADRE_TRAINING'] as const),
            topicCategory: pick(['IDEOLOGY_WORK', 'THEORY', 'ONLINE_IDEOLOGY', 'OTHER'] as const),
            topic: `学习${i}`,
            occurredAt: at,
          },
        });
        break;
      case 5: {
        const s = await p.studySession.findFirst({ skip: Math.floor(rand() * 3), orderBy: { id: 'asc' } });
        if (s)
          await p.studySession.update({
            where: { id: s.id },
            data: { topicCategory: pick(['IDEOLOGY_WORK', 'THEORY'] as const), occurredAt: at },
          });
        break;
      }
      case 6:
        await p.studySession.deleteMany({ where: { orgId, occurredAt: at } });
        break;
      case 7:
        await p.publicityItem.create({
          data: {
            orgId,
            level: pick(['STREET_MEDIA', 'DISTRICT', 'CITY'] as const),
            title: `宣传${i}`,
            outlet: '公众号',
            publishedAt: at,
          },
        });
        break;
      case 8:
        await p.riskPointCheck.create({
          data: {
            riskPointId: point.id,
            orgId,
            checkedAt: at,
            onTime: rand() < 0.7,
            result: 'NORMAL',
            checkedById: user,
          },
        });
        break;
      case 9: {
        const level = pick(['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4'] as const);
        await p.riskAlert.create({
          data: {
            orgId,
            level,
            source: '网络',
            summary: `舆情${i}`,
            registeredAt: at,
            reportDueAt: new Date(at.getTime() + 3_600_000),
            lastEventAt: at,
          },
        });
        break;
      }
      case 10: {
        // An alert moves on: reported (on time or late), then closed, possibly in a later month.
        const a = await p.riskAlert.findFirst({ where: { state: { not: 'CLOSED' } }, orderBy: { id: 'asc' } });
        if (!a) break;
        if (a.reportedAt === null) {
          const reportedAt = new Date(a.registeredAt.getTime() + (rand() < 0.5 ? 600_000 : 40 * 86_400_000));
          await p.riskAlert.update({
            where: { id: a.id },
            data: { state: 'REPORTED', reportedAt, lastEventAt: reportedAt },
          });
        } else {
          await p.riskAlert.update({ where: { id: a.id }, data: { state: 'CLOSED', closedAt: pick(INSTANTS) } });
        }
        break;
      }
      case 11: {
        const open = await p.rectification.findFirst({ where: { status: { not: 'DONE' } }, orderBy: { id: 'asc' } });
        if (open && rand() < 0.5) {
          await p.rectification.update({
            where: { id: open.id },
            data: { status: 'DONE', closedAt: at, closingNote: '已整改' },
          });
        } else {
          await p.rectification.create({
            data: { orgId, problem: `问题${i}`, source: 'SELF_CHECK', status: pick(['OPEN', 'IN_PROGRESS'] as const) },
          });
        }
        break;
      }
      case 12:
        // 党工委 meetings (ADR 046): the rollups count them by org and month like any record.
        await p.committeeMeeting.create({
          data: {
            orgId,
            kind: pick(['SPECIAL_STUDY', 'SITUATION_JUDGEMENT'] as const),
            title: `会议${i}`,
            heldAt: at,
            chair: '书记',
            attendees: [],
            agenda: ['议题'],
          },
        });
        break;
      case 13: {
        // A meeting moves to another org, month or kind, or goes.
        const m = await p.committeeMeeting.findFirst({ skip: Math.floor(rand() * 3), orderBy: { id: 'asc' } });
        if (m && rand() < 0.3) await p.committeeMeeting.delete({ where: { id: m.id } });
        else if (m)
          await p.committeeMeeting.update({
            where: { id: m.id },
            data: { orgId, heldAt: at, kind: pick(['SPECIAL_STUDY', 'SITUATION_JUDGEMENT'] as const) },
          });
        break;
      }
      case 14: {
        // 报送 (source report_sent, ADR 047): a new one, one moved to another org and day, or one deleted.
        const sent = await p.reportSubmission.findFirst({ skip: Math.floor(rand() * 3), orderBy: { id: 'asc' } });
        const move = rand();
        if (sent && move < 0.3) {
          await p.reportSubmission.update({ where: { id: sent.id }, data: { orgId, sentAt: at } });
        } else if (sent && move < 0.45) {
          await p.reportSubmission.delete({ where: { id: sent.id } });
        } else {
          const kind = pick(['SPECIAL_REPORT', 'BRIEFING', 'JUDGEMENT_REPORT', 'DEBRIEF', 'DEMOCRATIC_LIFE'] as const);
          const periodCode = `R${seed}-${i}`;
          const draft = await p.reportDraft.create({
            data: { kind, periodCode, orgId, title: '报告', content: {}, number: 1, state: 'FINAL' },
          });
          await p.reportSubmission.create({
            data: {
              reportDraftId: draft.id,
              kind,
              periodCode,
              orgId,
              toOrgId: fx.streetId,
              sentAt: at,
              docNumber: `文${i}`,
            },
          });
        }
        break;
      }
      case 15: {
        // The 督查/通报 ledger (ADR 049): created planned or done, then done, moved, recoloured or deleted.
        const a = await p.accountability.findFirst({ skip: Math.floor(rand() * 3), orderBy: { id: 'asc' } });
        const roll = rand();
        if (!a || roll < 0.4) {
          const notice = rand() < 0.5;
          await p.accountability.create({
            data: {
              orgId,
              type: notice ? 'NOTICE' : 'INSPECTION',
              title: `督查${i}`,
              occurredAt: rand() < 0.3 ? null : at,
              colour: notice ? pick(['RED', 'YELLOW', 'GREEN'] as const) : null,
            },
          });
        } else if (roll < 0.8) {
          await p.accountability.update({
            where: { id: a.id },
            data: {
              orgId,
              occurredAt: at,
              ...(a.type === 'NOTICE' ? { colour: pick(['RED', 'YELLOW', 'GREEN'] as const) } : {}),
            },
          });
        } else {
          await p.accountability.delete({ where: { id: a.id } });
        }
        break;
      }
      case 16:
        // 一会一报 (ADR 048): an event in any state, submitted late or not, held unapproved or not.
        await p.eventApproval.create({
          data: {
            orgId,
            kind: pick(['REPORT_MEETING', 'SEMINAR', 'LECTURE', 'FORUM'] as const),
            topic: `讲座${i}`,
            outline: '提纲',
            speaker: '主讲人',
            speakerEmployer: '党校',
            venue: '会议室',
            startsAt: at,
            endsAt: new Date(at.getTime() + 3_600_000),
            audienceSize: 30,
            foreignParticipants: false,
            vettingOpinion: '同意',
            state: pick(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'HELD'] as const),
            late: rand() < 0.3,
            unapproved: rand() < 0.3,
          },
        });
        break;
      case 17: {
        // An event moves: held (approved or not), its start to another month or branch, or deleted.
        const e = await p.eventApproval.findFirst({ skip: Math.floor(rand() * 3), orderBy: { id: 'asc' } });
        if (!e) break;
        if (rand() < 0.2) await p.eventApproval.delete({ where: { id: e.id } });
        else
          await p.eventApproval.update({
            where: { id: e.id },
            data: { state: 'HELD', unapproved: e.state !== 'APPROVED', startsAt: at, orgId: pick(orgs) },
          });
        break;
      }
    }
  }
}

describe('rollups equal the records', () => {
  it('after 400 random creates, updates and deletes, with and without compaction', async () => {
    await randomWrites(11, 200);
    expect(await ctx.prisma.countDelta.count()).toBeGreaterThan(0);
    expect(await mismatches()).toEqual([]);
    expect(await differencesFromExpected()).toEqual([]);

    const folded = await compactRollups(ctx.prisma);
    expect(folded).toBeGreaterThan(0);
    expect(await ctx.prisma.countDelta.count()).toBe(0);
    expect(await mismatches()).toEqual([]);

    await randomWrites(23, 200);
    expect(await mismatches()).toEqual([]);
    expect(await differencesFromExpected()).toEqual([]);
    // Each mismatches() pass counts every figure of every org and period directly (the meeting
    // figures made it 18): 59 s on the loaded 2-core machine, where the default 30 s ran out.
  }, 120_000);

  it('after API writes (create, edit that moves month and branch, delete) and an Excel import', async () => {
    const sec = { cookie: cookies.secA ?? '' };
    const leader = { cookie: cookies.leader ?? '' };
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: sec,
      payload: activityInput(fx.branchAId, { occurredAt: '2026-01-31T23:30:00+08:00' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    const edited = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/activities/${id}`,
      headers: { ...sec, 'if-match': `"${version}"` },
      payload: { orgId: fx.branchAUnitId, occurredAt: '2026-02-01T00:30:00+08:00', category: 'PARTY_LECTURE' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const another = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: sec,
      payload: activityInput(fx.branchAUnitId),
    });
    expect(another.statusCode, another.body).toBe(201);
    const del = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/activities/${(another.json() as { id: string }).id}`,
      headers: { ...sec, 'if-match': `"${(another.json() as { version: number }).version}"` },
    });
    expect(del.statusCode, del.body).toBe(200);
    // A leader's seminar, then moved from branch A to branch B and into another month.
    const seminar = await ctx.app.inject({
      method: 'POST',
      url: '/api/study-sessions',
      headers: leader,
      payload: {
        orgId: fx.branchAId,
        kind: 'SEMINAR',
        topicCategory: 'IDEOLOGY_WORK',
        topic: '意识形态专题研讨',
        occurredAt: '2026-03-31T23:59:00+08:00',
      },
    });
    expect(seminar.statusCode, seminar.body).toBe(201);
    const moved = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/study-sessions/${(seminar.json() as { id: string }).id}`,
      headers: { ...leader, 'if-match': `"${(seminar.json() as { version: number }).version}"` },
      payload: { orgId: fx.branchBId, occurredAt: '2026-02-14T10:00:00+08:00', topicCategory: 'THEORY' },
    });
    expect(moved.statusCode, moved.body).toBe(200);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(['活动时间*', '组织/支部*', '活动类别*', '活动名称*', '参加人数*', '地点', '活动内容']);
    for (let i = 0; i < 60; i += 1) {
      sheet.addRow([
        `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}`,
        i % 2 ? 'S-A' : 'S-A-1',
        i % 4 ? '红色歌曲大家唱' : '讲党课',
        `导入活动${i}`,
        20,
        null,
        null,
      ]);
    }
    const body = multipart(
      {},
      {
        name: 'file',
        fileName: 'activities.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
      },
    );
    const uploaded = await ctx.app.inject({
      method: 'POST',
      url: importPaths.upload('activities'),
      headers: { ...sec, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(202);
    const jobId = (uploaded.json() as { id: string }).id;
    const waitFor = async (states: string[]) => {
      for (let i = 0; i < 600; i += 1) {
        const job = (await ctx.app.inject({ method: 'GET', url: importPaths.job(jobId), headers: sec })).json() as {
          state: string;
        };
        if (states.includes(job.state)) return job.state;
        await new Promise((r) => setTimeout(r, 30));
      }
      throw new Error('import did not settle');
    };
    expect(await waitFor(['VALID', 'INVALID', 'FAILED'])).toBe('VALID');
    const before = await ctx.prisma.activity.count();
    const commit = await ctx.app.inject({ method: 'POST', url: importPaths.commit(jobId), headers: sec });
    expect(commit.statusCode, commit.body).toBe(202);
    expect(await waitFor(['COMMITTED', 'FAILED'])).toBe('COMMITTED');
    expect(await ctx.prisma.activity.count()).toBe(before + 60);

    expect(await mismatches()).toEqual([]);
    expect(await differencesFromExpected()).toEqual([]);
  });

  it('stays exact while 20 writers and compactions run at the same time', async () => {
    const writes = Array.from({ length: 20 }, (_, i) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/activities',
        headers: { cookie: cookies.secA ?? '' },
        payload: activityInput(i % 3 ? fx.branchAId : fx.branchAUnitId, {
          title: `并发${i}`,
          occurredAt: INSTANTS[i % INSTANTS.length]?.toISOString(),
        }),
      }),
    );
    const compactions = Array.from({ length: 5 }, () => compactRollups(ctx.prisma));
    const answers = await Promise.all(writes);
    await Promise.all(compactions);
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 201));
    expect(await mismatches()).toEqual([]);
    await compactRollups(ctx.prisma);
    expect(await mismatches()).toEqual([]);
  });

  it("moves a subtree's counts with an org that moves under another parent", async () => {
    // The API cannot move orgs; the trigger keeps rollups exact if the database does.
    const unit = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: fx.branchAUnitId } });
    await ctx.prisma.$transaction([
      ctx.prisma.orgUnit.update({
        where: { id: unit.id },
        data: { parentId: fx.branchBId, path: `/${fx.streetId}/${fx.branchBId}/${unit.id}/` },
      }),
    ]);
    expect(await mismatches()).toEqual([]);
    expect(await differencesFromExpected()).toEqual([]);
  });

  it('rebuilds to the same rollups from the records alone', async () => {
    const before = await readRollups();
    const written = await rebuildRollups(ctx.prisma);
    expect(written).toBeGreaterThan(0);
    expect(await ctx.prisma.countDelta.count()).toBe(0);
    const after = await readRollups();
    for (const orgId of orgs) {
      for (const month of [...MONTHS, '*']) {
        for (const metric of ROLLED_FIGURE_KEYS) {
          expect(after.get(`${orgId}|${month}`)?.figure(metric) ?? 0).toBe(
            before.get(`${orgId}|${month}`)?.figure(metric) ?? 0,
          );
        }
      }
    }
    expect(await mismatches()).toEqual([]);
  });
});
