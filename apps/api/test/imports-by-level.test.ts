// Bulk work by level (issue 17): a user above the branches (a 街道 user with the kind's write
// right) imports the records of several branches in one file, the 组织/支部 column naming each
// row's org by name or code, read within the importer's own subtree; rows naming an org outside
// that reach are refused one by one, saying which org and why, and nothing is written. A branch
// secretary's file needs no org column (her own branch). The job counts the rows per org, and each
// branch's dashboard follows exactly its rows.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { type ImportJob, type ImportKind, importPaths } from '@dutyboard/contracts/imports';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/services/auth/passwords.ts';
import { ORG_CHOICES_HEADER } from '../src/services/imports/template.ts';
import { type Fixture, login, PASSWORD, seedFixture } from './helpers/fixtures.ts';
import { uploadXlsx } from './helpers/multipart.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
/** A second street beside the fixture's, with one branch. */
let siblingStreetId: string;
let siblingBranchId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  siblingStreetId = crypto.randomUUID();
  siblingBranchId = crypto.randomUUID();
  await ctx.prisma.orgUnit.createMany({
    data: [
      {
        id: siblingStreetId,
        code: 'N',
        name: '城北街道党工委',
        kind: 'STREET_COMMITTEE',
        path: `/${siblingStreetId}/`,
      },
      {
        id: siblingBranchId,
        code: 'N-C',
        name: '丙村党支部',
        kind: 'VILLAGE_BRANCH',
        parentId: siblingStreetId,
        path: `/${siblingStreetId}/${siblingBranchId}/`,
      },
    ],
  });
  // A 街道 user with the right to write activities: the street's own secretary (宣传干事).
  const passwordHash = await hashPassword(PASSWORD);
  await ctx.prisma.user.create({
    data: { username: 'streetSec', displayName: '街道宣传干事', role: 'SECRETARY', orgId: fx.streetId, passwordHash },
  });
  for (const u of ['leader', 'secA', 'secB', 'streetSec']) cookies[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

/** Each case uploads and checks (and often commits) files: each pass starts a sandbox process. */
const IMPORT_CASE_MS = 120_000;

type Cell = string | number | null;

async function xlsx(rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const ACTIVITY_HEADER = ['活动时间*', '组织/支部', '活动类别*', '活动名称*', '参加人数*'];

const get = (who: string, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });

async function settled(who: string, id: string): Promise<ImportJob> {
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await get(who, importPaths.job(id));
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as ImportJob;
    if (job.state !== 'VALIDATING' && job.state !== 'COMMITTING') return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

async function check(who: string, kind: ImportKind, rows: Cell[][]): Promise<ImportJob> {
  const res = await uploadXlsx(ctx.app, importPaths.upload(kind), cookies[who] ?? '', await xlsx(rows), 'bulk.xlsx');
  expect(res.statusCode, res.body).toBe(202);
  return settled(who, (res.json() as ImportJob).id);
}

async function commitAndWait(who: string, job: ImportJob): Promise<ImportJob> {
  expect(job.state, JSON.stringify(job.problems)).toBe('VALID');
  const res = await ctx.app.inject({
    method: 'POST',
    url: importPaths.commit(job.id),
    headers: { cookie: cookies[who] ?? '' },
  });
  expect(res.statusCode, res.body).toBe(202);
  return settled(who, job.id);
}

/** The 主题活动 count of an org's dashboard for 2026-H1, as `who` sees it. */
async function activityFigure(who: string, orgId: string): Promise<number> {
  const res = await get(who, `/api/dashboard?period=2026-H1&org=${orgId}`);
  expect(res.statusCode, res.body).toBe(200);
  const kpi = (res.json() as Dashboard).kpis.find((k) => k.metric === 'ACTIVITY');
  if (!kpi) throw new Error('no ACTIVITY figure');
  return kpi.done;
}

const activitiesIn = (orgId: string) => ctx.prisma.activity.count({ where: { orgId } });

describe('a 街道 user imports for the branches below in one file', { timeout: IMPORT_CASE_MS }, () => {
  it("files each row under the branch its org cell names; each branch's dashboard grows by exactly its rows", async () => {
    const beforeA = await activityFigure('streetSec', fx.branchAId);
    const beforeB = await activityFigure('streetSec', fx.branchBId);
    const job = await check('streetSec', 'activities', [
      ACTIVITY_HEADER,
      ['2026-03-02 09:00', '甲村党支部', '讲党课', '甲村三月党课', 20],
      ['2026-03-03 09:00', 'S-B', '讲党课', '乙社区三月党课', 30],
      ['2026-03-04 09:00', '甲村党支部', '红色歌曲大家唱', '甲村红歌会', 40],
    ]);
    expect(job).toMatchObject({ state: 'VALID', created: 3, skipped: 0 });
    // The preview says whose rows they are, in the order the file names them.
    expect(job.orgs).toEqual([
      { orgId: fx.branchAId, orgName: '甲村党支部', created: 2, skipped: 0 },
      { orgId: fx.branchBId, orgName: '乙社区党支部', created: 1, skipped: 0 },
    ]);
    const done = await commitAndWait('streetSec', job);
    expect(done).toMatchObject({ state: 'COMMITTED', created: 3 });
    expect(done.orgs.map((o) => [o.orgName, o.created])).toEqual([
      ['甲村党支部', 2],
      ['乙社区党支部', 1],
    ]);
    expect(await activityFigure('streetSec', fx.branchAId)).toBe(beforeA + 2);
    expect(await activityFigure('streetSec', fx.branchBId)).toBe(beforeB + 1);
    // The branches' own secretaries see their rows in their own lists.
    const listA = (await get('secA', '/api/activities?from=2026-03-01&to=2026-03-31')).json() as {
      items: { title: string }[];
    };
    expect(listA.items.map((i) => i.title).sort()).toEqual(['甲村三月党课', '甲村红歌会']);
    // Audited as the street user's CREATEs, each with its branch.
    const streetSec = await ctx.prisma.user.findUniqueOrThrow({ where: { username: 'streetSec' } });
    const events = await ctx.prisma.auditEvent.findMany({
      where: { action: 'CREATE', entityType: 'Activity', actorId: streetSec.id },
      select: { orgId: true },
    });
    expect(events.map((e) => e.orgId).sort()).toEqual([fx.branchAId, fx.branchAId, fx.branchBId].sort());
  });

  it("refuses, row by row, a row naming a sibling street's branch (by name or code), saying which org and why; nothing is written", async () => {
    const before = await activitiesIn(siblingBranchId);
    const beforeA = await activitiesIn(fx.branchAId);
    const job = await check('streetSec', 'activities', [
      ACTIVITY_HEADER,
      ['2026-04-02 09:00', '甲村党支部', '讲党课', '甲村四月党课', 20],
      ['2026-04-03 09:00', '丙村党支部', '讲党课', '越界一', 10],
      ['2026-04-04 09:00', 'N-C', '讲党课', '越界二', 10],
      ['2026-04-05 09:00', '城北街道党工委', '讲党课', '越界三', 10],
    ]);
    expect(job.state).toBe('INVALID');
    const why = '不在你的管辖范围内：只能导入“测试街道党工委”及其下级组织的记录';
    expect(job.problems).toEqual([
      { row: 3, column: '组织/支部', org: '丙村党支部', reason: `“丙村党支部”（N-C）${why}` },
      { row: 4, column: '组织/支部', org: 'N-C', reason: `“丙村党支部”（N-C）${why}` },
      { row: 5, column: '组织/支部', org: '城北街道党工委', reason: `“城北街道党工委”（N）${why}` },
    ]);
    expect(job.orgs).toEqual([]);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: importPaths.commit(job.id),
      headers: { cookie: cookies.streetSec ?? '' },
    });
    expect(refused.statusCode).toBe(409);
    expect(await activitiesIn(siblingBranchId)).toBe(before);
    expect(await activitiesIn(fx.branchAId)).toBe(beforeA);
  });

  it('reads a name within the importer’s subtree: a name shared with another street is theirs; two of their own need a code', async () => {
    const ownId = crypto.randomUUID();
    const twinId = crypto.randomUUID();
    await ctx.prisma.orgUnit.createMany({
      data: [
        // The same name as the sibling street's branch, under this street.
        {
          id: ownId,
          code: 'S-C',
          name: '丙村党支部',
          kind: 'VILLAGE_BRANCH',
          parentId: fx.streetId,
          path: `/${fx.streetId}/${ownId}/`,
        },
        // A second 甲村党支部 under this street.
        {
          id: twinId,
          code: 'S-A2',
          name: '甲村党支部',
          kind: 'VILLAGE_BRANCH',
          parentId: fx.streetId,
          path: `/${fx.streetId}/${twinId}/`,
        },
      ],
    });
    try {
      const job = await check('streetSec', 'activities', [
        ACTIVITY_HEADER,
        ['2026-05-02 09:00', '丙村党支部', '讲党课', '本街道的丙村', 20],
        ['2026-05-03 09:00', '甲村党支部', '讲党课', '哪个甲村', 20],
      ]);
      expect(job.state).toBe('INVALID');
      expect(job.problems).toEqual([
        {
          row: 3,
          column: '组织/支部',
          org: '甲村党支部',
          reason: '有 2 个组织名为“甲村党支部”，请改填组织代码（S-A、S-A2）',
        },
      ]);
      const fixed = await check('streetSec', 'activities', [
        ACTIVITY_HEADER,
        ['2026-05-02 09:00', '丙村党支部', '讲党课', '本街道的丙村', 20],
        ['2026-05-03 09:00', 'S-A2', '讲党课', '第二个甲村', 20],
      ]);
      expect(fixed.orgs.map((o) => o.orgId)).toEqual([ownId, twinId]);
    } finally {
      await ctx.prisma.orgUnit.deleteMany({ where: { id: { in: [ownId, twinId] } } });
    }
  });

  it('a leader imports study sessions for the street and two branches in one file', async () => {
    const job = await check('leader', 'study-sessions', [
      ['学习时间*', '组织/支部', '学习类型*', '学习主题*'],
      ['2026-03-10 09:00', '测试街道党工委', '中心组理论学习', '街道中心组三月学习'],
      ['2026-03-11 09:00', 'S-A', '支部学习', '甲村三月学习'],
      ['2026-03-12 09:00', '乙社区党支部', '支部学习', '乙社区三月学习'],
    ]);
    expect(job.orgs.map((o) => [o.orgName, o.created])).toEqual([
      ['测试街道党工委', 1],
      ['甲村党支部', 1],
      ['乙社区党支部', 1],
    ]);
    await commitAndWait('leader', job);
    const stored = await ctx.prisma.studySession.findMany({
      where: { topic: { in: ['街道中心组三月学习', '甲村三月学习', '乙社区三月学习'] } },
      select: { orgId: true, topic: true },
    });
    expect(new Map(stored.map((s) => [s.topic, s.orgId]))).toEqual(
      new Map([
        ['街道中心组三月学习', fx.streetId],
        ['甲村三月学习', fx.branchAId],
        ['乙社区三月学习', fx.branchBId],
      ]),
    );
  });
});

describe("a branch secretary's import", { timeout: IMPORT_CASE_MS }, () => {
  it('needs no org column: every row is her own branch', async () => {
    const job = await check('secB', 'activities', [
      ['活动时间*', '活动类别*', '活动名称*', '参加人数*'],
      ['2026-03-20 09:00', '讲党课', '乙社区无组织列党课', 12],
    ]);
    expect(job.orgs).toEqual([{ orgId: fx.branchBId, orgName: '乙社区党支部', created: 1, skipped: 0 }]);
    await commitAndWait('secB', job);
    expect(await ctx.prisma.activity.count({ where: { orgId: fx.branchBId, title: '乙社区无组织列党课' } })).toBe(1);
  });

  it('refuses a row naming another branch, and says which', async () => {
    const job = await check('secA', 'activities', [
      ACTIVITY_HEADER,
      ['2026-03-21 09:00', '', '讲党课', '空白即本支部', 12],
      ['2026-03-22 09:00', '乙社区党支部', '讲党课', '别人的支部', 12],
    ]);
    expect(job.state).toBe('INVALID');
    expect(job.problems).toEqual([
      {
        row: 3,
        column: '组织/支部',
        org: '乙社区党支部',
        reason: '“乙社区党支部”（S-B）不在你的管辖范围内：只能导入“甲村党支部”及其下级组织的记录',
      },
    ]);
    // The problem list names the org of each row too.
    const sheet = await get('secA', importPaths.problems(job.id));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.rawPayload as unknown as ExcelJS.Buffer);
    const rows = (workbook.worksheets[0] as ExcelJS.Worksheet).getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['行号', '组织/支部', '列', '问题'],
      [3, '乙社区党支部', '组织/支部', expect.stringContaining('不在你的管辖范围内')],
    ]);
  });
});

describe('the template', { timeout: IMPORT_CASE_MS }, () => {
  async function template(who: string) {
    const res = await get(who, importPaths.template('activities'));
    expect(res.statusCode, res.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    return workbook;
  }
  /** The drop-down's list: a column of the 填写说明 sheet under its header, and its letter. */
  const choices = (workbook: ExcelJS.Workbook) => {
    const help = workbook.getWorksheet('填写说明') as ExcelJS.Worksheet;
    const at = (help.getRow(1).values as unknown[]).indexOf(ORG_CHOICES_HEADER);
    expect(at).toBeGreaterThan(0);
    const values = (help.getColumn(at).values as unknown[]).slice(2).filter((v) => v !== undefined && v !== null);
    return Object.assign(values, { letter: help.getColumn(at).letter });
  };

  it("offers the importer's own orgs in a drop-down of the optional 组织/支部 column, and no one else's", async () => {
    const street = await template('streetSec');
    const data = street.worksheets[0] as ExcelJS.Worksheet;
    expect((data.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['活动时间*', '组织/支部']);
    const list = choices(street);
    expect([...list].sort()).toEqual(['乙社区党支部', '测试街道党工委', '甲村党支部', '甲村第一党小组'].sort());
    // Still one data sheet and its 填写说明: the reader takes the first that is not 填写说明.
    expect(street.worksheets.map((w) => w.name)).toEqual(['主题活动', '填写说明']);
    const validation = (data as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model;
    expect(Object.values(validation).map((v) => v.formulae[0])).toContain(
      `'填写说明'!$${list.letter}$2:$${list.letter}$5`,
    );
    expect([...choices(await template('secA'))].sort()).toEqual(['甲村党支部', '甲村第一党小组'].sort());
  });

  it('reads back: an untouched template with its org list is a file without rows, not an unreadable one', async () => {
    const res = await get('streetSec', importPaths.template('activities'));
    const upload = await uploadXlsx(ctx.app, importPaths.upload('activities'), cookies.streetSec ?? '', res.rawPayload);
    expect(upload.statusCode, upload.body).toBe(202);
    const job = await settled('streetSec', (upload.json() as ImportJob).id);
    expect(job).toMatchObject({
      state: 'INVALID',
      problems: [{ row: 2, reason: expect.stringContaining('没有数据行') }],
    });
  });
});
