// A record that knows only its day (timeKnown false: an imported cell without a time) exports as a
// real date cell formatted as a day, never as a date-time at 00:00; a timed record in the same
// column keeps its date-time format. Read back with exceljs, as an office's spreadsheet would.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let cookie = '';

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  cookie = await login(ctx.app, 'secA');
});
afterAll(() => ctx?.close());

async function post(url: string, payload: object): Promise<void> {
  const res = await ctx.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  expect(res.statusCode, res.body).toBe(201);
}

/** The cell of `header` in the row whose `keyHeader` cell is `key`. */
async function cellOf(url: string, keyHeader: string, key: string, header: string): Promise<ExcelJS.Cell> {
  const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  let headerRow = 0;
  for (let n = 1; n <= sheet.rowCount && headerRow === 0; n += 1) {
    if (sheet.getRow(n).getCell(1).value === '序号') headerRow = n;
  }
  const headers = (sheet.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ''));
  const keyColumn = headers.indexOf(keyHeader);
  const column = headers.indexOf(header);
  expect(keyColumn).toBeGreaterThan(0);
  expect(column).toBeGreaterThan(0);
  for (let n = headerRow + 1; n <= sheet.rowCount; n += 1) {
    const row = sheet.getRow(n);
    if (row.getCell(keyColumn).value === key) return row.getCell(column);
  }
  throw new Error(`no row ${key}`);
}

describe('date-only records in xlsx exports', () => {
  it('an activity known only by its day is a date cell without a time; a timed one keeps hh:mm', async () => {
    await post(
      '/api/activities',
      activityInput(fx.branchAId, {
        title: '只有日期的活动',
        occurredAt: '2026-05-20T00:00:00+08:00',
        timeKnown: false,
      }),
    );
    await post(
      '/api/activities',
      activityInput(fx.branchAId, { title: '有时刻的活动', occurredAt: '2026-05-21T14:30:00+08:00' }),
    );
    const url = '/api/exports/activities?format=xlsx';

    const dateOnly = await cellOf(url, '活动名称', '只有日期的活动', '活动时间');
    expect(dateOnly.type).toBe(ExcelJS.ValueType.Date);
    expect(dateOnly.value).toEqual(new Date(Date.UTC(2026, 4, 20)));
    expect(dateOnly.numFmt).not.toMatch(/h/i);
    expect(dateOnly.numFmt).toMatch(/y+.*m+.*d+/);

    const timed = await cellOf(url, '活动名称', '有时刻的活动', '活动时间');
    expect(timed.type).toBe(ExcelJS.ValueType.Date);
    expect(timed.value).toEqual(new Date(Date.UTC(2026, 4, 21, 14, 30)));
    expect(timed.numFmt).toMatch(/hh:mm/);
  });

  it('a study session known only by its day exports as its day; CSV says the day alone', async () => {
    await post('/api/study-sessions', {
      orgId: fx.branchAId,
      kind: 'CENTRAL_GROUP',
      topicCategory: 'THEORY',
      topic: '只有日期的学习',
      occurredAt: '2026-06-03T00:00:00+08:00',
      timeKnown: false,
      host: '王书记',
      expectedAttendance: 12,
      actualAttendance: 12,
      absentees: [],
    });
    const cell = await cellOf('/api/exports/study-sessions?format=xlsx', '学习主题', '只有日期的学习', '学习时间');
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.value).toEqual(new Date(Date.UTC(2026, 5, 3)));
    expect(cell.numFmt).not.toMatch(/h/i);

    const csv = await ctx.app.inject({
      method: 'GET',
      url: '/api/exports/study-sessions?format=csv',
      headers: { cookie },
    });
    const line = csv.body.split('\r\n').find((l) => l.includes('只有日期的学习'));
    expect(line).toContain(',2026-06-03,');
    expect(line).not.toContain('2026-06-03 00:00');
  });
});
