// Excel import through the API: a file with any bad row imports nothing and names every bad row
// (row, column, reason in Chinese); a clean file imports every row with its audit events, in one
// transaction; the same file twice is refused and overlapping rows are skipped by natural key;
// scope and permissions as for the create forms; the org tree with parents anywhere in the file;
// users without passwords; a 5,000-row file in the normal suite.

import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IMPORT_TITLES, type ImportJob, type ImportKind, importPaths } from '@dutyboard/contracts/imports';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/services/audit/verify.ts';
import type { AuthUser } from '../src/services/auth/sessions.ts';
import { passOverFile } from '../src/services/imports/check.ts';
import { expireUnconfirmedImports } from '../src/services/imports/jobs.ts';
import { activitiesSpec } from '../src/services/imports/kind-activities.ts';
import { INTERRUPTED_MESSAGE } from '../src/services/imports/run.ts';
import { loadLookups } from '../src/services/imports/spec.ts';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { uploadXlsx } from './helpers/multipart.ts';
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

type Cell = string | number | Date | null;

async function xlsx(rows: Cell[][], sheetName = '数据'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// 组织/支部 is optional: a blank cell is the importer's own org (a branch secretary's file needs none).
const ACTIVITY_HEADER = ['活动时间*', '组织/支部', '活动类别*', '活动名称*', '参加人数*', '地点', '活动内容'];

function upload(who: string, kind: ImportKind, bytes: Buffer, fileName = 'import.xlsx') {
  return uploadXlsx(ctx.app, importPaths.upload(kind), cookies[who] ?? '', bytes, fileName);
}

const get = (who: string, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });
const commit = (who: string, id: string) =>
  ctx.app.inject({ method: 'POST', url: importPaths.commit(id), headers: { cookie: cookies[who] ?? '' } });

/** Polls the job as the page does until it is no longer being checked or committed. */
async function settled(who: string, id: string, timeoutMs = 60_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await get(who, importPaths.job(id));
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as ImportJob;
    if (job.state !== 'VALIDATING' && job.state !== 'COMMITTING') return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** Uploads and waits for the dry run. */
async function check(who: string, kind: ImportKind, bytes: Buffer): Promise<ImportJob> {
  const res = await upload(who, kind, bytes);
  expect(res.statusCode, res.body).toBe(202);
  return settled(who, (res.json() as ImportJob).id);
}

/** Commits a VALID job and waits for it. */
async function commitAndWait(who: string, job: ImportJob): Promise<ImportJob> {
  expect(job.state, JSON.stringify(job.problems)).toBe('VALID');
  const res = await commit(who, job.id);
  expect(res.statusCode, res.body).toBe(202);
  return settled(who, job.id);
}

/** The signed-in user as the services see them. */
async function findSessionUserOf(username: string): Promise<AuthUser> {
  const row = await ctx.prisma.user.findUniqueOrThrow({ where: { username }, include: { org: true } });
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    orgId: row.orgId,
    orgPath: row.org.path,
    sessionId: 'test',
  };
}

const activityCount = (orgIds: string[]) => ctx.prisma.activity.count({ where: { orgId: { in: orgIds } } });

describe('templates', () => {
  it('has the Chinese header with required columns marked and the rules on a 填写说明 sheet', async () => {
    const res = await get('secA', importPaths.template('activities'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('主题活动导入模板.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([IMPORT_TITLES.activities, '填写说明']);
    const data = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(ACTIVITY_HEADER);
    // Nothing but the header: an example there would be imported.
    expect(data.actualRowCount).toBe(1);
    const help = workbook.getWorksheet('填写说明') as ExcelJS.Worksheet;
    const text = JSON.stringify(help.getSheetValues());
    expect(text).toContain('红色歌曲大家唱');
    expect(text).toContain('必填');
  });

  it('an untouched template uploads as INVALID: there are no rows', async () => {
    const template = await get('secA', importPaths.template('activities'));
    const job = await check('secA', 'activities', template.rawPayload);
    expect(job.state).toBe('INVALID');
    expect(job.problems).toEqual([{ row: 2, column: null, reason: expect.stringContaining('没有数据行') }]);
  });

  it('is refused for a kind the role may not import', async () => {
    for (const kind of ['orgs', 'users', 'activities', 'study-sessions'] as const) {
      expect((await get('auditor', importPaths.template(kind))).statusCode).toBe(403);
    }
    expect((await get('secA', importPaths.template('orgs'))).statusCode).toBe(403);
    expect((await get('admin', importPaths.template('activities'))).statusCode).toBe(403);
    expect((await get('admin', importPaths.template('users'))).statusCode).toBe(200);
  });
});

describe('permissions', () => {
  it('refuses an auditor for every kind, before reading the file', async () => {
    const bytes = await xlsx([ACTIVITY_HEADER, ['2026-03-15 09:00', 'S-A', '讲党课', '党课', 30, null, null]]);
    for (const kind of ['orgs', 'users', 'activities', 'study-sessions'] as const) {
      const res = await upload('auditor', kind, bytes);
      expect(res.statusCode, kind).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await ctx.prisma.importJob.count({ where: { requestedById: fx.users.auditor } })).toBe(0);
  });

  it('follows the create permissions: a secretary imports records, not orgs or users; a leader both record kinds, not users', async () => {
    const bytes = await xlsx([['x']]);
    expect((await upload('secA', 'orgs', bytes)).statusCode).toBe(403);
    expect((await upload('secA', 'users', bytes)).statusCode).toBe(403);
    expect((await upload('leader', 'users', bytes)).statusCode).toBe(403);
    expect((await upload('leader', 'activities', bytes)).statusCode).toBe(202);
    expect((await upload('leader', 'study-sessions', bytes)).statusCode).toBe(202);
  });

  it("another user's import answers 404, to read and to commit", async () => {
    const job = await check(
      'secA',
      'activities',
      await xlsx([ACTIVITY_HEADER, ['2026-01-05 09:00', 'S-A', '讲党课', '只给甲看的党课', 12, null, null]]),
    );
    expect((await get('secB', importPaths.job(job.id))).statusCode).toBe(404);
    expect((await commit('secB', job.id)).statusCode).toBe(404);
    expect((await get('secB', importPaths.problems(job.id))).statusCode).toBe(404);
  });
});

describe('activities', () => {
  it('a file with good and bad rows imports nothing and reports every bad row with its row, column and reason', async () => {
    const before = await activityCount([fx.branchAId, fx.branchAUnitId, fx.branchBId]);
    const bytes = await xlsx([
      ACTIVITY_HEADER,
      ['2026-03-15 09:00', 'S-A', '红色歌曲大家唱', '好的一行', 30, '党群服务中心', null], // 2 good
      ['2026-13-01 09:00', 'S-A', '讲党课', '月份不对', 20, null, null], // 3 date
      ['2026-03-16 09:00', 'S-A', '唱歌', '类别不对', 20, null, null], // 4 category
      ['2026-03-17 09:00', 'S-A', '讲党课', null, 20, null, null], // 5 title missing
      ['2026-03-18 09:00', '甲村党支部', '讲党课', '人数不是数', '三十', null, null], // 6 participants text
      ['2026-03-19 09:00', 'S-A', '讲党课', '人数为零', 0, null, null], // 7 participants 0
      ['2026-03-20 09:00', 'S-B', '讲党课', '别的支部', 10, null, null], // 8 scope
      ['2026-03-21 09:00', 'NOPE', '讲党课', '没有这个组织', 10, null, null], // 9 org
      ['2026-03-15 09:00', 'S-A', '红色歌曲大家唱', '好的一行', 45, null, null], // 10 same as row 2
      ['2026-03-22 09:00', 'S-A-1', '主题党日', '好的第二行', 8, null, 'x'.repeat(5001)], // 11 too long
      [null, null, null, null, null, null, null], // blank: skipped
      ['2026-03-23', 'S-A-1', 'PARTY_LECTURE', '好的第三行', 8, null, null], // 13 good (code as category)
    ]);
    const job = await check('secA', 'activities', bytes);
    expect(job.state).toBe('INVALID');
    expect(job.rowsTotal).toBe(11);
    expect(job.problems).toEqual([
      { row: 3, org: 'S-A', column: '活动时间', reason: '“2026-13-01 09:00”不是存在的日期或时间' },
      {
        row: 4,
        org: 'S-A',
        column: '活动类别',
        reason: expect.stringMatching(/^“唱歌”不是可选值，可选：主题党日、红色歌曲大家唱/),
      },
      { row: 5, org: 'S-A', column: '活动名称', reason: '必填，不能为空' },
      { row: 6, org: '甲村党支部', column: '参加人数', reason: '须为整数（填写的是“三十”）' },
      { row: 7, org: 'S-A', column: '参加人数', reason: '不能小于 1' },
      {
        row: 8,
        org: 'S-B',
        column: '组织/支部',
        reason: '“乙社区党支部”（S-B）不在你的管辖范围内：只能导入“甲村党支部”及其下级组织的记录',
      },
      { row: 9, org: 'NOPE', column: '组织/支部', reason: '找不到组织“NOPE”，请填写组织代码或组织全称' },
      { row: 10, org: 'S-A', column: null, reason: '与第2行重复（组织、活动时间、活动名称相同）' },
      { row: 11, org: 'S-A-1', column: '活动内容', reason: '不能超过 5000 个字' },
    ]);
    expect(job.problemCount).toBe(9);

    const res = await commit('secA', job.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('文件有 9 处问题，请修改后重新上传');
    expect(await activityCount([fx.branchAId, fx.branchAUnitId, fx.branchBId])).toBe(before);
    expect(await ctx.prisma.auditEvent.count({ where: { entityType: 'Activity' } })).toBe(0);

    // The same problems as a sheet to fix the file by.
    const sheet = await get('secA', importPaths.problems(job.id));
    expect(sheet.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.rawPayload as unknown as ExcelJS.Buffer);
    const rows = (workbook.worksheets[0] as ExcelJS.Worksheet).getSheetValues().slice(1);
    expect(rows).toHaveLength(10);
    expect((rows[0] as unknown[]).slice(1)).toEqual(['行号', '组织/支部', '列', '问题']);
    expect((rows[1] as unknown[]).slice(1)).toEqual([3, 'S-A', '活动时间', '“2026-13-01 09:00”不是存在的日期或时间']);
  });

  let cleanFile: Buffer;

  it('a clean file imports every row with the right fields, a CREATE audit event each, and the chain intact', async () => {
    cleanFile = await xlsx([
      ACTIVITY_HEADER,
      ['2026-04-01 09:30', 'S-A', '讲党课', '书记讲党课：学党史', 35, '村委会', '讲述党的历史'],
      [new Date(Date.UTC(2026, 3, 2, 14, 0)), '甲村第一党小组', '红色歌曲大家唱', '红歌会', '28', null, null],
      ['2026/4/3', 'S-A', '重温入党誓词', '重温誓词', 12, '', null],
    ]);
    const checked = await check('secA', 'activities', cleanFile);
    expect(checked).toMatchObject({ state: 'VALID', rowsTotal: 3, problemCount: 0, created: 3, skipped: 0 });

    const done = await commitAndWait('secA', checked);
    expect(done).toMatchObject({ state: 'COMMITTED', created: 3, skipped: 0, rowsDone: 3, error: null });

    const rows = await ctx.prisma.activity.findMany({
      where: { title: { in: ['书记讲党课：学党史', '红歌会', '重温誓词'] } },
      orderBy: { occurredAt: 'asc' },
    });
    expect(rows.map((r) => [r.title, r.orgId, r.category, r.occurredAt.toISOString(), r.participants])).toEqual([
      ['书记讲党课：学党史', fx.branchAId, 'PARTY_LECTURE', '2026-04-01T01:30:00.000Z', 35],
      // An Excel date cell reads as the Shanghai wall clock it shows.
      ['红歌会', fx.branchAUnitId, 'RED_SONGS', '2026-04-02T06:00:00.000Z', 28],
      ['重温誓词', fx.branchAId, 'OATH_REVIEW', '2026-04-02T16:00:00.000Z', 12],
    ]);
    expect(rows[0]).toMatchObject({ location: '村委会', description: '讲述党的历史', createdById: fx.users.secA });
    expect(rows[1]).toMatchObject({ location: null, description: null, version: 1 });

    const events = await ctx.prisma.auditEvent.findMany({
      where: { entityType: 'Activity', entityId: { in: rows.map((r) => r.id) } },
    });
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event).toMatchObject({ action: 'CREATE', actorId: fx.users.secA });
      const row = rows.find((r) => r.id === event.entityId);
      expect(event.after).toMatchObject({
        title: row?.title,
        orgId: row?.orgId,
        occurredAt: row?.occurredAt.toISOString(),
      });
    }
    const summary = await ctx.prisma.auditEvent.findFirst({ where: { entityType: 'ImportJob', entityId: checked.id } });
    expect(summary).toMatchObject({ action: 'TRANSITION', after: { state: 'COMMITTED', created: 3, skipped: 0 } });
    expect(await verifyAuditChain(ctx.prisma)).toMatchObject({ ok: true });
    // The records read like any other: the list shows them.
    const list = await get('secA', '/api/activities?from=2026-04-01&to=2026-04-03');
    expect(list.json().items).toHaveLength(3);
  });

  it('the same file again is refused and says when it was imported; nothing is duplicated', async () => {
    const before = await activityCount([fx.branchAId, fx.branchAUnitId]);
    const res = await upload('secA', 'activities', cleanFile);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(res.json().error.message).toMatch(
      /^该文件已于 \d{4}-\d\d-\d\d \d\d:\d\d 导入过（secA导入，新增 3 条），不会重复导入/,
    );
    // Whoever uploads it.
    expect((await upload('leader', 'study-sessions', cleanFile)).statusCode).toBe(202);
    expect(await activityCount([fx.branchAId, fx.branchAUnitId])).toBe(before);
  });

  it('an overlapping file skips the rows that exist (org + time + title) and imports the rest', async () => {
    const before = await activityCount([fx.branchAId, fx.branchAUnitId]);
    const job = await check(
      'secA',
      'activities',
      await xlsx([
        ACTIVITY_HEADER,
        ['2026-04-01 09:30', 'S-A', '讲党课', '书记讲党课：学党史', 99, null, null], // exists (other participants)
        ['2026-04-01 09:30', 'S-A', '讲党课', '书记讲党课：学新思想', 20, null, null], // new: other title
        ['2026-04-01 10:30', 'S-A', '讲党课', '书记讲党课：学党史', 20, null, null], // new: other time
      ]),
    );
    expect(job).toMatchObject({ state: 'VALID', created: 2, skipped: 1 });
    expect(await commitAndWait('secA', job)).toMatchObject({ state: 'COMMITTED', created: 2, skipped: 1 });
    expect(await activityCount([fx.branchAId, fx.branchAUnitId])).toBe(before + 2);
  });

  it('an export of the list reads back as the same records: every row skipped', async () => {
    const exported = await get('secA', '/api/exports/activities?format=xlsx&from=2026-04-01&to=2026-04-03');
    expect(exported.statusCode).toBe(200);
    const job = await check('secA', 'activities', exported.rawPayload);
    expect(job).toMatchObject({ state: 'VALID', created: 0, skipped: 5, problemCount: 0 });
  });

  it('a secretary cannot import into another branch', async () => {
    const job = await check(
      'secB',
      'activities',
      await xlsx([ACTIVITY_HEADER, ['2026-05-01 09:00', '甲村党支部', '讲党课', '越权', 10, null, null]]),
    );
    expect(job.state).toBe('INVALID');
    expect(job.problems).toEqual([
      {
        row: 2,
        org: '甲村党支部',
        column: '组织/支部',
        reason: '“甲村党支部”（S-A）不在你的管辖范围内：只能导入“乙社区党支部”及其下级组织的记录',
      },
    ]);
  });

  it('reports an unknown column, a missing required column, and a file of another kind', async () => {
    const unknown = await check(
      'secA',
      'activities',
      await xlsx([
        [...ACTIVITY_HEADER.filter((h) => h !== '参加人数*'), '备注'],
        ['2026-05-01', 'S-A', '讲党课', 'x', null, null, 'y'],
      ]),
    );
    expect(unknown.state).toBe('INVALID');
    expect(unknown.problems).toEqual([
      { row: 1, column: '备注', reason: '无法识别的列名：请使用模板中的列名' },
      { row: 1, column: '参加人数', reason: '缺少必填列' },
    ]);
    const other = await check('secA', 'activities', await xlsx([['用户名*', '姓名*', '角色*', '所属组织*']]));
    expect(other.problems).toEqual([
      { row: 1, column: null, reason: expect.stringContaining('不是“主题活动”模板的列名') },
    ]);
  });

  it('refuses a file that is not an xlsx, and one over 20 MB', async () => {
    const csv = await upload('secA', 'activities', Buffer.from('活动时间,组织\n2026-01-01,S-A\n'), 'a.csv');
    expect(csv.statusCode).toBe(415);
    expect(csv.json().error.message).toContain('.xlsx');
    const big = await upload(
      'secA',
      'activities',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(21 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('20 MB');
  });

  it('a zip that is no workbook ends FAILED with a reason, and its file is gone', async () => {
    const res = await upload('secA', 'activities', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 7)]));
    expect(res.statusCode).toBe(202);
    const job = await settled('secA', (res.json() as ImportJob).id);
    expect(job).toMatchObject({ state: 'FAILED', error: expect.stringContaining('无法读取该文件') });
    expect(await readdir(path.join(ctx.config.DATA_DIR, 'imports'))).not.toContain(`${job.id}.xlsx`);
  });

  it('commits once when "确认导入" is sent twice at the same time', async () => {
    const job = await check(
      'secA',
      'activities',
      await xlsx([ACTIVITY_HEADER, ['2026-06-01 09:00', 'S-A', '志愿服务', '双击也只导一次', 9, null, null]]),
    );
    const [a, b] = await Promise.all([commit('secA', job.id), commit('secA', job.id)]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect((await settled('secA', job.id)).state).toBe('COMMITTED');
    expect(await ctx.prisma.activity.count({ where: { title: '双击也只导一次' } })).toBe(1);
    // And once more afterwards: the job as it is, nothing new.
    expect((await commit('secA', job.id)).json()).toMatchObject({ state: 'COMMITTED', created: 1 });
    expect(await ctx.prisma.activity.count({ where: { title: '双击也只导一次' } })).toBe(1);
  });

  it('rolls back every row when a row fails at commit time, after earlier chunks were written', async () => {
    // An org made for this test, so it can be removed between the check and the commit.
    const org = await ctx.prisma.orgUnit.create({
      data: { code: 'S-A-TMP', name: '临时小组', kind: 'VILLAGE_BRANCH', parentId: fx.branchAId, path: '' },
    });
    await ctx.prisma.orgUnit.update({
      where: { id: org.id },
      data: { path: `/${fx.streetId}/${fx.branchAId}/${org.id}/` },
    });
    const rows: Cell[][] = [ACTIVITY_HEADER];
    for (let i = 0; i < 2400; i += 1) {
      const minute = String(i % 60).padStart(2, '0');
      const hour = String(8 + (Math.floor(i / 60) % 12)).padStart(2, '0');
      rows.push([
        `2026-07-${String(1 + Math.floor(i / 720)).padStart(2, '0')} ${hour}:${minute}`,
        i < 2300 ? 'S-A' : 'S-A-TMP',
        '其他',
        `回滚测试${i}`,
        5,
        null,
        null,
      ]);
    }
    const job = await check('secA', 'activities', await xlsx(rows));
    expect(job).toMatchObject({ state: 'VALID', created: 2400 });
    await ctx.prisma.orgUnit.delete({ where: { id: org.id } });
    const res = await commit('secA', job.id);
    expect(res.statusCode).toBe(202);
    const failed = await settled('secA', job.id);
    expect(failed.state).toBe('FAILED');
    expect(failed.error).toBe(
      '数据在校验后有了变化（第2302行“组织/支部”：找不到组织“S-A-TMP”，请填写组织代码或组织全称），未写入任何数据，请修改后重新上传',
    );
    expect(await ctx.prisma.activity.count({ where: { title: { startsWith: '回滚测试' } } })).toBe(0);
    expect(await ctx.prisma.auditEvent.count({ where: { entityType: 'ImportJob', entityId: job.id } })).toBe(0);
    expect(await verifyAuditChain(ctx.prisma)).toMatchObject({ ok: true });
  });

  it('imports 5,000 rows with progress, one audit event each', async () => {
    const rows: Cell[][] = [ACTIVITY_HEADER];
    for (let i = 0; i < 5000; i += 1) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
      rows.push([
        `2025-${month}-${day} ${String(i % 24).padStart(2, '0')}:00`,
        i % 2 ? 'S-A' : 'S-A-1',
        '主题党日',
        `五千行之${i}`,
        10 + (i % 50),
        null,
        null,
      ]);
    }
    const started = Date.now();
    const uploaded = await upload('secA', 'activities', await xlsx(rows));
    expect(uploaded.statusCode).toBe(202);
    const first = uploaded.json() as ImportJob;
    expect(first.state).toBe('VALIDATING');
    const checked = await settled('secA', first.id);
    expect(checked).toMatchObject({ state: 'VALID', rowsTotal: 5000, created: 5000 });
    const validatedMs = Date.now() - started;
    const done = await commitAndWait('secA', checked);
    expect(done).toMatchObject({ state: 'COMMITTED', created: 5000, rowsDone: 5000 });
    console.info(`5,000 rows: checked in ${validatedMs} ms, committed in ${Date.now() - started - validatedMs} ms`);
    expect(await ctx.prisma.activity.count({ where: { title: { startsWith: '五千行之' } } })).toBe(5000);
    const ids = (
      await ctx.prisma.activity.findMany({ where: { title: { startsWith: '五千行之' } }, select: { id: true } })
    ).map((r) => r.id);
    expect(
      await ctx.prisma.auditEvent.count({ where: { entityType: 'Activity', action: 'CREATE', entityId: { in: ids } } }),
    ).toBe(5000);
    expect(await verifyAuditChain(ctx.prisma)).toMatchObject({ ok: true });
  });
});

describe('large files', () => {
  it('reports progress every 1,000 rows against the row count read from the file', async () => {
    const rows: Cell[][] = [ACTIVITY_HEADER];
    for (let i = 0; i < 3500; i += 1) rows.push(['2024-01-01 09:00', 'S-A', '其他', `进度${i}`, 1, null, null]);
    const dir = await mkdtemp(path.join(tmpdir(), 'import-progress-'));
    const file = path.join(dir, 'rows.xlsx');
    await writeFile(file, await xlsx(rows));
    const user = await findSessionUserOf('secA');
    const calls: [number, number][] = [];
    const result = await passOverFile(file, activitiesSpec, {
      db: ctx.prisma,
      ctx: { user, lookups: await loadLookups(ctx.prisma) },
      onProgress: async (done, total) => {
        calls.push([done, total]);
      },
      onNew: async () => undefined,
      checkStopping: () => undefined,
    });
    await rm(dir, { recursive: true, force: true });
    expect(result).toMatchObject({ rows: 3500, problemCount: 0, fresh: 3500, skipped: 0 });
    expect(calls).toEqual([
      [0, 3500],
      [1000, 3500],
      [2000, 3500],
      [3000, 3500],
      [3500, 3500],
    ]);
  });

  it("keeps Chinese text whole across the reader's chunk boundaries, in shared and in inline strings", async () => {
    const titles = Array.from(
      { length: 1500 },
      (_, i) => `第${i}次学习贯彻习近平新时代中国特色社会主义思想主题教育读书班`,
    );
    for (const useSharedStrings of [true, false]) {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('数据');
      sheet.addRow(ACTIVITY_HEADER);
      const prefix = useSharedStrings ? '共享' : '内联';
      titles.forEach((title, i) => {
        sheet.addRow([
          `2023-0${1 + (i % 9)}-10 10:00`,
          '甲村党支部',
          '宣讲',
          `${prefix}${title}`,
          3,
          '村史馆二楼会议室',
          '集中学习原著原文',
        ]);
      });
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings }));
      const done = await commitAndWait('secA', await check('secA', 'activities', bytes));
      expect(done).toMatchObject({ state: 'COMMITTED', created: 1500 });
      const stored = await ctx.prisma.activity.findMany({
        where: { title: { startsWith: prefix } },
        select: { title: true, location: true },
      });
      expect(new Set(stored.map((r) => r.title))).toEqual(new Set(titles.map((t) => `${prefix}${t}`)));
      expect(stored.every((r) => r.location === '村史馆二楼会议室')).toBe(true);
    }
  });
});

describe('study sessions', () => {
  const HEADER = [
    '学习时间*',
    '组织/支部*',
    '学习类型*',
    '主题类别',
    '学习主题*',
    '主持人',
    '应到人数',
    '实到人数',
    '缺席人员',
  ];

  it('checks the attendance rules of the create schema and reads absentees as the export writes them', async () => {
    const bad = await check(
      'secA',
      'study-sessions',
      await xlsx([
        HEADER,
        [
          '2026-04-10 09:00',
          'S-A',
          '支部学习',
          '理论学习',
          '学习新思想',
          '王书记',
          20,
          18,
          '张三：因病请假；李四：外出务工',
        ],
        ['2026-04-11 09:00', 'S-A', '支部学习', null, '实到多于应到', null, 10, 12, null],
        ['2026-04-12 09:00', 'S-A', '支部学习', null, '缺席名单格式', null, 10, 8, '张三因病'],
        ['2026-04-13 09:00', 'S-A', '中心组学习', null, '类型不对', null, null, null, null],
      ]),
    );
    expect(bad.state).toBe('INVALID');
    expect(bad.problems).toEqual([
      { row: 3, org: 'S-A', column: '实到人数', reason: '实到人数（12）不能多于应到人数（10）' },
      { row: 4, org: 'S-A', column: '缺席人员', reason: '“张三因病”须写成“姓名：缺席原因”，多人之间用“；”隔开' },
      { row: 5, org: 'S-A', column: '学习类型', reason: expect.stringContaining('“中心组学习”不是可选值') },
    ]);

    const good = await check(
      'leader',
      'study-sessions',
      await xlsx([
        HEADER,
        ['2026-04-10 09:00', 'S', '中心组理论学习', '意识形态工作', '意识形态工作专题学习', '书记', 9, 8, '赵六：出差'],
      ]),
    );
    const done = await commitAndWait('leader', good);
    expect(done).toMatchObject({ state: 'COMMITTED', created: 1 });
    const row = await ctx.prisma.studySession.findFirstOrThrow({ where: { topic: '意识形态工作专题学习' } });
    expect(row).toMatchObject({
      orgId: fx.streetId,
      kind: 'CENTRAL_GROUP',
      topicCategory: 'IDEOLOGY_WORK',
      host: '书记',
      expectedAttendance: 9,
      actualAttendance: 8,
      absentees: [{ name: '赵六', reason: '出差' }],
      occurredAt: new Date('2026-04-10T01:00:00Z'),
    });
    expect(await ctx.prisma.auditEvent.count({ where: { entityType: 'StudySession', entityId: row.id } })).toBe(1);
  });
});

describe('org tree', () => {
  const HEADER = ['组织代码*', '组织名称*', '组织类型*', '上级组织代码', '排序号'];

  it('imports children before or after their parents, under existing or new orgs', async () => {
    const job = await check(
      'admin',
      'orgs',
      await xlsx([
        HEADER,
        ['N-B-1', '新总支第二支部第一小组', '社区党支部', 'N-B', 1], // parent two rows below
        ['N', '新党总支', '党总支', 'S', null], // no new root: under an org the admin manages (ADR 035)
        ['N-B', '新总支第二支部', '社区党支部', 'N', 2],
        ['S-C', '丙村党支部', '村党支部', 'S', 3], // under an existing street
        ['S-A', '甲村党支部', '村党支部', 'S', 1], // exists: skipped
      ]),
    );
    expect(job).toMatchObject({ state: 'VALID', created: 4, skipped: 1 });
    expect(await commitAndWait('admin', job)).toMatchObject({ state: 'COMMITTED', created: 4, skipped: 1 });
    const orgs = new Map(
      (await ctx.prisma.orgUnit.findMany({ where: { code: { in: ['N', 'N-B', 'N-B-1', 'S-C'] } } })).map((o) => [
        o.code,
        o,
      ]),
    );
    const n = orgs.get('N');
    const nb = orgs.get('N-B');
    const nb1 = orgs.get('N-B-1');
    const sc = orgs.get('S-C');
    const s = `/${fx.streetId}/`;
    expect(n).toMatchObject({ parentId: fx.streetId, kind: 'GENERAL_BRANCH', path: `${s}${n?.id}/` });
    expect(nb).toMatchObject({ parentId: n?.id, path: `${s}${n?.id}/${nb?.id}/`, sortOrder: 2 });
    expect(nb1).toMatchObject({ parentId: nb?.id, path: `${s}${n?.id}/${nb?.id}/${nb1?.id}/` });
    expect(sc).toMatchObject({ parentId: fx.streetId, path: `/${fx.streetId}/${sc?.id}/`, kind: 'VILLAGE_BRANCH' });
    const events = await ctx.prisma.auditEvent.findMany({ where: { entityType: 'OrgUnit', action: 'CREATE' } });
    expect(events.map((e) => e.entityId).sort()).toEqual([n?.id, nb?.id, nb1?.id, sc?.id].sort());
    // The new branch is a place to import records into straight away.
    const tree = await get('admin', '/api/orgs');
    expect(tree.json().items.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(['N-B-1', 'S-C']));
  });

  it('names a missing parent, a cycle, a parent row with its own fault, and the street/branch rule', async () => {
    const job = await check(
      'admin',
      'orgs',
      await xlsx([
        HEADER,
        ['X-1', '找不到上级', '村党支部', 'X-NONE', null],
        ['Y-1', '循环甲', '村党支部', 'Y-2', null],
        ['Y-2', '循环乙', '村党支部', 'Y-1', null],
        ['Z', '坏的上级', '街道工委', 'S', null], // a street committee under a parent
        ['Z-1', '坏上级的下级', '村党支部', 'Z', null],
        ['B-1', '没有上级的支部', '村党支部', null, null],
        ['bad code!', '代码不对', '村党支部', 'S', null],
      ]),
    );
    expect(job.state).toBe('INVALID');
    expect(job.problems).toEqual([
      { row: 2, column: '上级组织代码', reason: '上级组织代码“X-NONE”不存在：既不在系统中，也不在本文件中' },
      { row: 3, column: '上级组织代码', reason: '上级组织“Y-2”（第4行）有误，请先改正该行' },
      { row: 4, column: '上级组织代码', reason: '上级组织形成循环（第3行、第4行）' },
      // The kind table (ORG_KIND_RULES): a 街道工委 goes under a 区委, not a 街道工委.
      { row: 5, column: '上级组织代码', reason: '街道工委不能设在街道工委之下' },
      { row: 6, column: '上级组织代码', reason: '上级组织“Z”（第5行）有误，请先改正该行' },
      { row: 7, column: '上级组织代码', reason: '该类组织必须选择上级组织' },
      { row: 8, column: '组织代码', reason: '格式不正确' },
    ]);
  });
});

describe('users', () => {
  const HEADER = ['用户名*', '姓名*', '角色*', '所属组织*'];

  it('imports accounts nobody can sign in to until an admin sets a password; the trail keeps no hash', async () => {
    const job = await check(
      'admin',
      'users',
      await xlsx([
        HEADER,
        ['wang.wu', '王五', '支部书记', 'S-B'],
        ['zhao.liu', '赵六', 'LEADER', '测试街道党工委'],
        ['secA', '已存在', '支部书记', 'S-A'], // exists: skipped
      ]),
    );
    expect(job).toMatchObject({ state: 'VALID', created: 2, skipped: 1 });
    expect(await commitAndWait('admin', job)).toMatchObject({ state: 'COMMITTED', created: 2, skipped: 1 });
    const wang = await ctx.prisma.user.findUniqueOrThrow({ where: { username: 'wang.wu' } });
    expect(wang).toMatchObject({ displayName: '王五', role: 'SECRETARY', orgId: fx.branchBId, active: true });
    expect(wang.passwordHash).toMatch(/^\$argon2id\$/);
    const event = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'User', entityId: wang.id } });
    expect(event.action).toBe('CREATE');
    expect(JSON.stringify(event.after)).not.toContain('argon2');
    expect(event.after).not.toHaveProperty('passwordHash');

    for (const password of ['', 'wang.wu', 'correct horse battery staple']) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'wang.wu', password },
      });
      expect(res.statusCode).not.toBe(200);
    }
    const set = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${wang.id}`,
      headers: { cookie: cookies.admin ?? '' },
      payload: { password: 'a new password for wang' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(await login(ctx.app, 'wang.wu', 'a new password for wang')).toContain('dutyboard_session=');
  });

  it('reports a bad username, an unknown role and a name shared by two orgs', async () => {
    await ctx.prisma.orgUnit.create({
      data: {
        code: 'DUP-1',
        name: '重名支部',
        kind: 'VILLAGE_BRANCH',
        parentId: fx.streetId,
        path: `/${fx.streetId}/dup1/`,
      },
    });
    await ctx.prisma.orgUnit.create({
      data: {
        code: 'DUP-2',
        name: '重名支部',
        kind: 'VILLAGE_BRANCH',
        parentId: fx.streetId,
        path: `/${fx.streetId}/dup2/`,
      },
    });
    const job = await check(
      'admin',
      'users',
      await xlsx([
        HEADER,
        ['a b', '空格', '支部书记', 'S-A'],
        ['ok.name', '角色错', '书记', 'S-A'],
        ['ok.two', '重名', '支部书记', '重名支部'],
        ['ok.two', '重复', '支部书记', 'S-A'],
      ]),
    );
    expect(job.problems).toEqual([
      { row: 2, column: '用户名', reason: '格式不正确' },
      { row: 3, column: '角色', reason: '“书记”不是可选值，可选：领导班子、支部书记、审计督查、系统管理员、督查考核' },
      { row: 4, column: '所属组织', reason: '有 2 个组织名为“重名支部”，请改填组织代码（DUP-1、DUP-2）' },
    ]);
  });
});

describe('server restart', () => {
  it('fails imports a stopped server was checking or committing, and expires week-old unconfirmed ones with their files', async () => {
    const dir = path.join(ctx.config.DATA_DIR, 'imports');
    await mkdir(dir, { recursive: true });
    const make = async (state: 'VALIDATING' | 'COMMITTING' | 'VALID', daysAgo: number) => {
      const row = await ctx.prisma.importJob.create({
        data: {
          kind: 'activities',
          fileName: `${state}.xlsx`,
          fileSha256: 'f'.repeat(64),
          state,
          requestedById: fx.users.secA,
          createdAt: new Date(Date.now() - daysAgo * 86_400_000),
        },
      });
      await writeFile(path.join(dir, `${row.id}.xlsx`), 'x');
      return row.id;
    };
    const checking = await make('VALIDATING', 0);
    const committing = await make('COMMITTING', 0);
    const oldValid = await make('VALID', 8);
    const freshValid = await make('VALID', 1);
    // The recovery the app runs at start-up and every few seconds (services/jobs), then the expiry.
    await ctx.app.jobs.recover();
    expect(await expireUnconfirmedImports(ctx.prisma, ctx.config.DATA_DIR)).toBe(1);
    const rows = new Map(
      (
        await ctx.prisma.importJob.findMany({ where: { id: { in: [checking, committing, oldValid, freshValid] } } })
      ).map((r) => [r.id, r]),
    );
    expect(rows.get(checking)).toMatchObject({ state: 'FAILED', error: INTERRUPTED_MESSAGE });
    expect(rows.get(committing)).toMatchObject({ state: 'FAILED', error: INTERRUPTED_MESSAGE });
    expect(rows.get(oldValid)?.state).toBe('FAILED');
    expect(rows.get(oldValid)?.error).toContain('7 天未确认导入');
    expect(rows.get(freshValid)?.state).toBe('VALID');
    const left = await readdir(dir);
    expect(left).toContain(`${freshValid}.xlsx`);
    for (const id of [checking, committing, oldValid]) expect(left).not.toContain(`${id}.xlsx`);
  });
});

describe('my imports', () => {
  it('lists the caller’s own imports, newest first', async () => {
    const res = await get('secB', '/api/imports');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as ImportJob[];
    expect(items.length).toBeGreaterThan(0);
    const owners = await ctx.prisma.importJob.findMany({ where: { id: { in: items.map((i) => i.id) } } });
    expect(new Set(owners.map((o) => o.requestedById))).toEqual(new Set([fx.users.secB]));
  });
});
