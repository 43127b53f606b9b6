// Imported rows whose date cell gave no time keep the day but say the time is not known
// (timeKnown false), so pages show the date alone rather than "00:00" (ADR 017).
import { type ImportJob, type ImportKind, importPaths } from '@dutyboard/contracts/imports';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { uploadXlsx } from './helpers/multipart.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['leader', 'secA']) cookies[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const get = (who: string, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });

async function settled(who: string, id: string): Promise<ImportJob> {
  const until = Date.now() + 60_000;
  for (;;) {
    const job = (await get(who, importPaths.job(id))).json() as ImportJob;
    if (job.state !== 'VALIDATING' && job.state !== 'COMMITTING') return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

async function importFile(who: string, kind: ImportKind, bytes: Buffer): Promise<ImportJob> {
  const res = await uploadXlsx(ctx.app, importPaths.upload(kind), cookies[who] ?? '', bytes, `${kind}.xlsx`);
  expect(res.statusCode, res.body).toBe(202);
  const checked = await settled(who, (res.json() as ImportJob).id);
  expect(checked.state, JSON.stringify(checked.problems)).toBe('VALID');
  const commit = await ctx.app.inject({
    method: 'POST',
    url: importPaths.commit(checked.id),
    headers: { cookie: cookies[who] ?? '' },
  });
  expect(commit.statusCode, commit.body).toBe(202);
  return settled(who, checked.id);
}

describe('imported date-only rows', () => {
  it('an activity row with a day but no time reads back with timeKnown false; a row with a time keeps it', async () => {
    const done = await importFile(
      'secA',
      'activities',
      await xlsx([
        ['活动时间*', '组织/支部*', '活动类别*', '活动名称*', '参加人数*'],
        ['2026-06-01', 'S-A', '讲党课', '只有日期的党课', 30],
        [new Date(Date.UTC(2026, 5, 2)), 'S-A', '讲党课', 'Excel 日期单元格', 30],
        ['2026-06-03 14:30', 'S-A', '讲党课', '有时刻的党课', 30],
      ]),
    );
    expect(done).toMatchObject({ state: 'COMMITTED', created: 3 });

    const list = await get('secA', '/api/activities?from=2026-06-01&to=2026-06-03&sort=occurredAt');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { title: string; occurredAt: string; timeKnown: boolean; id: string }[];
    expect(items.map((a) => [a.title, a.occurredAt, a.timeKnown])).toEqual([
      // Still the Shanghai day's 0:00, so the figures count it on the right day.
      ['只有日期的党课', '2026-05-31T16:00:00.000Z', false],
      ['Excel 日期单元格', '2026-06-01T16:00:00.000Z', false],
      ['有时刻的党课', '2026-06-03T06:30:00.000Z', true],
    ]);

    // Editing another field keeps "date only"; giving a new time makes it known.
    const dateOnly = items[0];
    if (!dateOnly) throw new Error('no row');
    const patch = (body: object, version: number) =>
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/activities/${dateOnly.id}`,
        headers: { cookie: cookies.secA ?? '', 'if-match': `"${version}"` },
        payload: body,
      });
    const renamed = await patch({ title: '只有日期的党课（改）' }, 1);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ timeKnown: false });
    const timed = await patch({ occurredAt: '2026-06-01T19:00:00+08:00' }, 2);
    expect(timed.statusCode, timed.body).toBe(200);
    expect(timed.json()).toMatchObject({ timeKnown: true });
  });

  it('a study-session row with a day but no time is stored with timeKnown false', async () => {
    const done = await importFile(
      'leader',
      'study-sessions',
      await xlsx([
        ['学习时间*', '组织/支部*', '学习类型*', '学习主题*'],
        ['2026年6月5日', 'S', '中心组理论学习', '只有日期的学习'],
        ['2026年6月5日 9时30分', 'S', '中心组理论学习', '有时刻的学习'],
      ]),
    );
    expect(done).toMatchObject({ state: 'COMMITTED', created: 2 });
    const rows = await ctx.prisma.studySession.findMany({
      where: { orgId: fx.streetId, topic: { in: ['只有日期的学习', '有时刻的学习'] } },
      orderBy: { occurredAt: 'asc' },
    });
    expect(rows.map((r) => [r.topic, r.timeKnown])).toEqual([
      ['只有日期的学习', false],
      ['有时刻的学习', true],
    ]);
    const read = await get('leader', `/api/study-sessions/${rows[0]?.id}`);
    expect(read.json()).toMatchObject({ timeKnown: false });
  });
});
