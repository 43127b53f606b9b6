// The 操作日志's export: exactly the rows the log lists for the same filter (user, kind, action,
// days), in the office format of every export (title block, 序号, frozen and filtered header, real
// date cells, A4 landscape with the header repeated), named <org>-操作日志-<range>.xlsx; and every
// export of it is itself an EXPORT event in the trail. oplog:read is enforced by the server.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};
type Who = 'admin' | 'leader' | 'auditor' | 'secA' | 'secB';

const get = (who: Who | null, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: who ? { cookie: cookies[who] ?? '' } : {} });

async function post(who: Who, url: string, payload: object): Promise<{ id: string }> {
  const res = await ctx.app.inject({ method: 'POST', url, headers: { cookie: cookies[who] ?? '' }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Every entry id the log lists for the query, newest first. */
async function listed(who: Who, query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(
      who,
      `/api/oplog?${new URLSearchParams({ ...query, limit: '2', ...(cursor ? { cursor } : {}) })}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const page: { items: { id: string }[]; nextCursor: string | null } = res.json();
    ids.push(...page.items.map((e) => e.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const exportCount = () => ctx.prisma.auditEvent.count({ where: { action: 'EXPORT', entityType: 'AuditLog' } });

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const who of ['admin', 'leader', 'auditor', 'secA', 'secB'] as const) cookies[who] = await login(ctx.app, who);
  await post('secA', '/api/activities', activityInput(fx.branchAId, { title: '甲村活动' }));
  await post('secA', '/api/activities', activityInput(fx.branchAId, { title: '甲村活动二' }));
  await post('secA', '/api/activities', activityInput(fx.branchAId, { title: '甲村活动三' }));
  await post('secB', '/api/activities', activityInput(fx.branchBId, { title: '乙社区活动' }));
});
afterAll(() => ctx?.close());

describe('操作日志 export', () => {
  it('an auditor exports exactly the filtered rows, in the office format, and the export is audited', async () => {
    const query = { user: fx.users.secA, kind: 'Activity', from: today, to: today };
    const ids = await listed('auditor', query);
    expect(ids).toHaveLength(3);
    const before = await exportCount();

    const res = await get('auditor', `/api/exports/oplog?${new URLSearchParams({ ...query, format: 'xlsx' })}`);
    expect(res.statusCode, res.body).toBe(200);
    const compact = today.replaceAll('-', '');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`测试街道党工委-操作日志-${compact}-${compact}.xlsx`)}`,
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('操作日志');
    // The title block: org, list and range; then filters in the page's words, count, exporter, time.
    expect(sheet.getCell('A1').value).toBe(`测试街道党工委 操作日志（${today} 至 ${today}）`);
    const line = String(sheet.getCell('A2').value);
    expect(line).toContain('筛选条件：操作人：secA；对象类别：活动');
    expect(line).toContain('共 3 条');
    expect(line).toContain('导出人：auditor');
    expect(line).toMatch(/导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // The header in the page's labels, frozen, filtered, repeated on every printed page.
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '时间', '操作人', '操作', '对象', '对象编号', '组织/支部', '改动', '记录编号']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBe('A3:I6');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' });
    // Exactly the listed entries, in the list's order, numbered, with real date cells.
    const rows = [4, 5, 6].map((n) => sheet.getRow(n));
    expect(rows.map((r) => r.getCell(9).value)).toEqual(ids);
    expect(rows.map((r) => r.getCell(1).value)).toEqual([1, 2, 3]);
    expect(rows.map((r) => [r.getCell(3).value, r.getCell(4).value, r.getCell(5).value, r.getCell(7).value])).toEqual(
      Array(3).fill(['secA', '新建', '活动', '甲村党支部']),
    );
    const at = rows[0]?.getCell(2);
    expect(at?.type).toBe(ExcelJS.ValueType.Date);
    expect(at?.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.rowCount).toBe(6);

    // The export is in the trail: who, what, the filter and the row count.
    expect(await exportCount()).toBe(before + 1);
    const event = await ctx.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'EXPORT', entityType: 'AuditLog' },
      orderBy: { id: 'desc' },
    });
    expect(event.actorId).toBe(fx.users.auditor);
    expect(event.after).toMatchObject({ format: 'xlsx', rows: 3, filter: query });
    // … and the log itself lists it.
    const exports = await get('auditor', '/api/oplog?kind=AuditLog&action=EXPORT');
    expect(exports.json().items[0]).toMatchObject({ id: event.id.toString(), actorId: fx.users.auditor });
  });

  it('the CSV export is the same rows and is audited too', async () => {
    const query = { user: fx.users.secA, kind: 'Activity' };
    const ids = await listed('leader', query);
    const before = await exportCount();
    const res = await get('leader', `/api/exports/oplog?${new URLSearchParams({ ...query, format: 'csv' })}`);
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('序号,时间,操作人,操作,对象,对象编号,组织/支部,改动,记录编号');
    expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(ids);
    expect(await exportCount()).toBe(before + 1);
  });

  it('a secretary may not export the log, and nothing is exported or recorded as an export', async () => {
    const before = await exportCount();
    const res = await get('secA', '/api/exports/oplog?format=xlsx');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await get(null, '/api/exports/oplog?format=xlsx')).statusCode).toBe(401);
    expect(await exportCount()).toBe(before);
  });

  it('a malformed filter is a 400 naming the field, and is not recorded', async () => {
    const before = await exportCount();
    const res = await get('auditor', '/api/exports/oplog?kind=Session');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('kind');
    expect(await exportCount()).toBe(before);
  });
});
