// Exports: every list to xlsx and csv with exactly the list's filter and scope, rows equal to what
// the list endpoint pages through, Chinese headers and labels, Shanghai times, CSV quoting, and
// nothing written.
import { AUDITED_EXPORTS, EXPORT_LISTS, type ExportList } from '@dutyboard/contracts/exports';
import fastifyCookie from '@fastify/cookie';
import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/parse-csv.ts';
import { registerAuth } from '../src/plugins/auth.ts';
import { registerErrorHandling } from '../src/plugins/errors.ts';
import { exportRoutes } from '../src/routes/exports.ts';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};
type Who = 'admin' | 'leader' | 'auditor' | 'secA' | 'secB';

/** The list endpoint each export mirrors. */
const LIST_PATH: Record<ExportList, string> = {
  activities: '/api/activities',
  'study-sessions': '/api/study-sessions',
  publicity: '/api/publicity',
  'risk-points': '/api/risk-points',
  'risk-point-checks': '/api/risk-points/checks',
  'risk-alerts': '/api/risk-alerts',
  rectifications: '/api/rectifications',
  assignments: '/api/assignments',
  oplog: '/api/oplog',
};

/**
 * The record lists: their exports write nothing. An audited export (the 操作日志) adds an event to
 * the log it exports, so its own test (oplog-export.test.ts) compares it with the list.
 */
const RECORD_LISTS = EXPORT_LISTS.filter((list) => !Object.hasOwn(AUDITED_EXPORTS, list));

const get = (who: Who | null, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: who ? { cookie: cookies[who] ?? '' } : {} });

async function post(who: Who, url: string, payload: object): Promise<{ id: string }> {
  const res = await ctx.app.inject({ method: 'POST', url, headers: { cookie: cookies[who] ?? '' }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const search = (query: Record<string, string>) => new URLSearchParams(query).toString();

/** Every item the list endpoint answers for the query, following nextCursor (100 a page). */
async function listAll(who: Who, list: ExportList, query: Record<string, string> = {}): Promise<{ id: string }[]> {
  const items: { id: string }[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(
      who,
      `${LIST_PATH[list]}?${search({ ...query, limit: '100', ...(cursor ? { cursor } : {}) })}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const page: { items: { id: string }[]; nextCursor: string | null } = res.json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const exportUrl = (list: ExportList, format: 'xlsx' | 'csv', query: Record<string, string> = {}) =>
  `/api/exports/${list}?${search({ format, ...query })}`;

interface Table {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

interface Workbook extends Table {
  /** The rows above the header: the title, then the filters, count, exporter and time. */
  title: string[];
  /** The header's row number (below the title block). */
  headerRow: number;
  frozen: boolean;
  boldHeader: boolean;
  sheet: ExcelJS.Worksheet;
}

/**
 * A date cell back as the text the page shows: the workbook stores the Shanghai wall clock as the
 * cell's value (a Date whose UTC reading is that clock), formatted yyyy-mm-dd[ hh:mm].
 */
function cellText(cell: ExcelJS.Cell): string | number | null {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return cell.numFmt === 'yyyy-mm-dd' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return value as string | number;
}

async function readXlsx(bytes: Buffer): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's own Buffer type is narrower than Node's; the bytes are a whole workbook.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  // The header is the first row starting with 序号; the title block is above it.
  let headerRow = 0;
  for (let n = 1; n <= sheet.rowCount && headerRow === 0; n += 1) {
    if (sheet.getRow(n).getCell(1).value === '序号') headerRow = n;
  }
  expect(headerRow, 'a 序号 header row').toBeGreaterThan(0);
  const width = sheet.getRow(headerRow).cellCount;
  const cells = (n: number) => Array.from({ length: width }, (_, i) => cellText(sheet.getRow(n).getCell(i + 1)));
  const rows: (string | number | null)[][] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n += 1) rows.push(cells(n));
  const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
  return {
    name: sheet.name,
    title: Array.from({ length: headerRow - 1 }, (_, i) => String(sheet.getRow(i + 1).getCell(1).value)),
    headerRow,
    header: cells(headerRow).map(String),
    rows,
    frozen: view?.state === 'frozen' && view.ySplit === headerRow,
    boldHeader: sheet.getRow(headerRow).getCell(1).font?.bold === true,
    sheet,
  };
}

function readCsv(body: string): Table {
  expect(body.startsWith('\uFEFF')).toBe(true);
  // RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF.
  const [header = [], ...rows] = parseCsv(body.slice(1), { crlf: true });
  return { name: '', header, rows: rows.map((row) => row.map((v) => (v === '' ? null : v))) };
}

/** A column's values by its Chinese header. */
function column(table: Table, header: string): (string | number | null)[] {
  const index = table.header.indexOf(header);
  expect(index, `column ${header} in ${table.header.join(',')}`).toBeGreaterThanOrEqual(0);
  return table.rows.map((row) => row[index] ?? null);
}

async function exportBoth(who: Who, list: ExportList, query: Record<string, string> = {}) {
  const xlsxRes = await get(who, exportUrl(list, 'xlsx', query));
  expect(xlsxRes.statusCode, xlsxRes.body).toBe(200);
  expect(xlsxRes.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const csvRes = await get(who, exportUrl(list, 'csv', query));
  expect(csvRes.statusCode, csvRes.body).toBe(200);
  expect(csvRes.headers['content-type']).toBe('text/csv; charset=utf-8');
  return { xlsx: await readXlsx(xlsxRes.rawPayload), csv: readCsv(csvRes.body), csvText: csvRes.body };
}

/** Both files hold exactly the list's items for the same user and filter, in the list's order. */
async function expectSameAsList(who: Who, list: ExportList, query: Record<string, string> = {}) {
  const items = await listAll(who, list, query);
  const files = await exportBoth(who, list, query);
  const ids = items.map((item) => item.id);
  expect(column(files.xlsx, '记录编号')).toEqual(ids);
  expect(column(files.csv, '记录编号')).toEqual(ids);
  expect(files.csv.header).toEqual(files.xlsx.header);
  expect(files.xlsx.header.at(-1)).toBe('记录编号');
  return { ...files, ids };
}

const dbCounts = async () => ({
  audits: await ctx.prisma.auditEvent.count(),
  activities: await ctx.prisma.activity.count(),
  sessions: await ctx.prisma.studySession.count(),
  alerts: await ctx.prisma.riskAlert.count(),
  assignments: await ctx.prisma.assignment.count(),
});

const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const who of ['admin', 'leader', 'auditor', 'secA', 'secB'] as const) cookies[who] = await login(ctx.app, who);

  // Activities in March 2026: a party lecture at 2026-03-01T16:30Z (00:30 on 2 March in Shanghai).
  ids.lecture = (
    await post(
      'secA',
      '/api/activities',
      activityInput(fx.branchAId, {
        category: 'PARTY_LECTURE',
        title: '书记讲党课：学习全会精神',
        occurredAt: '2026-03-01T16:30:00Z',
      }),
    )
  ).id;
  ids.lectureUnit = (
    await post(
      'secA',
      '/api/activities',
      activityInput(fx.branchAUnitId, { category: 'PARTY_LECTURE', occurredAt: '2026-03-10T02:00:00Z' }),
    )
  ).id;
  ids.lectureB = (
    await post(
      'secB',
      '/api/activities',
      activityInput(fx.branchBId, { category: 'PARTY_LECTURE', occurredAt: '2026-03-05T02:00:00Z' }),
    )
  ).id;
  ids.songs = (await post('secA', '/api/activities', activityInput(fx.branchAId))).id;
  ids.quoted = (
    await post(
      'secB',
      '/api/activities',
      activityInput(fx.branchBId, {
        title: '逗号,和"引号"\n以及换行',
        location: '一楼\r\n会议室',
        occurredAt: '2026-04-02T02:00:00Z',
        description: '=HYPERLINK("http://example.com")',
      }),
    )
  ).id;

  // Study sessions.
  ids.central = (
    await post('leader', '/api/study-sessions', {
      orgId: fx.streetId,
      kind: 'CENTRAL_GROUP',
      topicCategory: 'THEORY',
      topic: '中心组学习：党的创新理论',
      occurredAt: '2026-02-27T17:00:00Z',
      expectedAttendance: 9,
      actualAttendance: 7,
      absentees: [
        { name: '张三', reason: '因病请假' },
        { name: '李四', reason: '出差' },
      ],
    })
  ).id;
  await post('secA', '/api/study-sessions', {
    orgId: fx.branchAId,
    kind: 'BRANCH_STUDY',
    topic: '支部学习',
    occurredAt: '2026-03-03T02:00:00Z',
  });
  ids.central2 = (
    await post('leader', '/api/study-sessions', {
      orgId: fx.streetId,
      kind: 'CENTRAL_GROUP',
      topic: '中心组学习：意识形态工作',
      occurredAt: '2026-04-03T02:00:00Z',
    })
  ).id;

  // Alerts.
  const alert = (orgId: string, level: string, registeredAt: string) => ({
    orgId,
    level,
    source: '网络巡查',
    channel: '微博',
    summary: `涉本街道的网络帖文（${level}）`,
    reach: 500,
    registeredAt,
  });
  ids.alert1 = (await post('leader', '/api/risk-alerts', alert(fx.branchAId, 'LEVEL_1', '2026-03-01T16:30:00Z'))).id;
  await post('leader', '/api/risk-alerts', alert(fx.branchBId, 'LEVEL_2', '2026-03-02T02:00:00Z'));
  ids.alert1b = (await post('secB', '/api/risk-alerts', alert(fx.branchBId, 'LEVEL_1', '2026-03-04T02:00:00Z'))).id;

  // Responsibility list.
  const item = (overrides: Record<string, unknown>) => ({
    period: '2026-H1',
    orgId: fx.streetId,
    ownerId: fx.users.leader,
    kind: 'TASK',
    task: '3月制定意识形态工作方案',
    ...overrides,
  });
  await post('leader', '/api/assignments', item({ kind: 'FIRST_RESPONSIBLE', task: '履行第一责任人职责' }));
  ids.task1 = (await post('leader', '/api/assignments', item({ dueDate: '2026-03-31' }))).id;
  ids.task2 = (
    await post(
      'leader',
      '/api/assignments',
      item({
        task: '每个支部每季度讲党课',
        rule: { metric: 'PARTY_LECTURE', min: 1, per: 'QUARTER', eachChild: true },
      }),
    )
  ).id;
  await post('leader', '/api/assignments', item({ period: '2026-H2', task: '下半年任务' }));

  // One of each of the other lists.
  await post('secA', '/api/publicity', {
    orgId: fx.branchAId,
    outlet: '区融媒体中心',
    level: 'DISTRICT',
    title: '甲村：红色歌声唱响基层',
    publishedAt: '2026-03-08T02:00:00Z',
  });
  const point = await post('secA', '/api/risk-points', {
    orgId: fx.branchAId,
    name: '甲村微信公众号',
    type: 'WECHAT_ACCOUNT',
    level: 'MEDIUM',
  });
  await post('secA', `/api/risk-points/${point.id}/checks`, {
    checkedAt: new Date(Date.now() - 3_600_000).toISOString(),
    result: 'NORMAL',
  });
  await post('secA', '/api/rectifications', {
    orgId: fx.branchAId,
    problem: '宣传栏内容更新不及时',
    source: 'SELF_CHECK',
    deadline: '2026-06-30',
  });
});
afterAll(() => ctx?.close());

describe('an export equals its list', () => {
  it('activities: the filtered rows in list order, Chinese headers and labels, Shanghai times', async () => {
    const query = { category: 'PARTY_LECTURE', from: '2026-03-01', to: '2026-03-31' };
    const { xlsx, csv, ids: listed } = await expectSameAsList('leader', 'activities', query);
    expect(listed).toHaveLength(3);
    expect(new Set(listed)).toEqual(new Set([ids.lecture, ids.lectureUnit, ids.lectureB]));
    expect(xlsx.name).toBe('主题活动');
    expect(xlsx.frozen).toBe(true);
    expect(xlsx.boldHeader).toBe(true);
    expect(xlsx.header.slice(0, 6)).toEqual(['序号', '活动时间', '组织/支部', '活动类别', '活动名称', '参加人数']);
    for (const table of [xlsx, csv]) {
      const row = listed.indexOf(ids.lecture as string);
      expect(column(table, '活动时间')[row]).toBe('2026-03-02 00:30');
      expect(column(table, '活动类别')[row]).toBe('讲党课');
      expect(column(table, '组织/支部')[row]).toBe('甲村党支部');
      expect(column(table, '活动名称')[row]).toBe('书记讲党课：学习全会精神');
    }
    // A number stays a number in the workbook (CSV has only text).
    expect(column(xlsx, '参加人数')[0]).toBe(30);
    expect(column(csv, '参加人数')[0]).toBe('30');
  });

  it('activities with no filter: every activity, the default sort', async () => {
    const { ids: listed } = await expectSameAsList('leader', 'activities');
    expect(listed).toHaveLength(5);
  });

  it('study sessions: kind filter, kind and topic labels, absentees spelled out', async () => {
    const { xlsx, ids: listed } = await expectSameAsList('auditor', 'study-sessions', { kind: 'CENTRAL_GROUP' });
    expect(listed).toEqual([ids.central2, ids.central]);
    expect(xlsx.name).toBe('学习研讨');
    expect(column(xlsx, '学习类型')).toEqual(['中心组理论学习', '中心组理论学习']);
    expect(column(xlsx, '主题类别')).toEqual(['其他', '理论学习']);
    expect(column(xlsx, '学习时间')[1]).toBe('2026-02-28 01:00');
    expect(column(xlsx, '缺席人员')[1]).toBe('张三：因病请假；李四：出差');
    expect(column(xlsx, '实到人数')[1]).toBe(7);
  });

  it('risk alerts: level filter, level and state labels, the reporting deadline in Shanghai time', async () => {
    const { xlsx, csv, ids: listed } = await expectSameAsList('leader', 'risk-alerts', { level: 'LEVEL_1' });
    expect(listed).toEqual([ids.alert1b, ids.alert1]);
    expect(xlsx.name).toBe('舆情处置');
    for (const table of [xlsx, csv]) {
      expect(column(table, '舆情等级')).toEqual(['一级', '一级']);
      expect(column(table, '状态')).toEqual(['已登记', '已登记']);
      expect(column(table, '登记时间')[1]).toBe('2026-03-02 00:30');
      // 一级: one hour to report.
      expect(column(table, '报送时限')[1]).toBe('2026-03-02 01:30');
      // The alert page's clock words (ALERT_CLOCK_LABELS).
      expect(column(table, '报送情况')[1]).toBe('已超时');
      expect(column(table, '组织/支部')).toEqual(['乙社区党支部', '甲村党支部']);
    }
  });

  it('risk alerts: the platform column is headed as the alert form names it (发布平台)', async () => {
    const { xlsx, csv } = await exportBoth('leader', 'risk-alerts', { level: 'LEVEL_1' });
    for (const table of [xlsx, csv]) {
      expect(table.header).toContain('发布平台');
      expect(table.header).not.toContain('渠道');
    }
  });

  it('assignments: period and kind filter, kind label, rule and due day', async () => {
    const { xlsx, ids: listed } = await expectSameAsList('leader', 'assignments', { period: '2026-H1', kind: 'TASK' });
    expect(listed).toEqual([ids.task1, ids.task2]);
    expect(xlsx.name).toBe('责任清单');
    expect(column(xlsx, '周期')).toEqual(['2026年上半年', '2026年上半年']);
    expect(column(xlsx, '类别')).toEqual(['工作任务', '工作任务']);
    expect(column(xlsx, '完成期限')).toEqual(['2026-03-31', null]);
    expect(column(xlsx, '完成规则')[1]).toBe('讲党课：每个下级组织每季度至少 1 次');
    expect(column(xlsx, '责任人')).toEqual(['leader', 'leader']);
  });

  it.each(RECORD_LISTS)('%s: the export has the same rows as the list for a leader and a secretary', async (list) => {
    const { ids: leaderIds } = await expectSameAsList('leader', list);
    expect(leaderIds.length).toBeGreaterThan(0);
    await expectSameAsList('secA', list);
  });
});

describe('scope and access', () => {
  it("a secretary's export covers only their branch subtree", async () => {
    const { xlsx, ids: listed } = await expectSameAsList('secA', 'activities');
    expect(new Set(listed)).toEqual(new Set([ids.lecture, ids.lectureUnit, ids.songs]));
    expect(new Set(column(xlsx, '组织/支部'))).toEqual(new Set(['甲村党支部', '甲村第一党小组']));
  });

  it("a street's export is its subtree: every branch's rows, each naming its org, under a title and a file name naming the street", async () => {
    const query = { org: fx.streetId, category: 'PARTY_LECTURE', from: '2026-03-01', to: '2026-03-31' };
    const { xlsx, csv, ids: listed } = await expectSameAsList('leader', 'activities', query);
    expect(new Set(listed)).toEqual(new Set([ids.lecture, ids.lectureUnit, ids.lectureB]));
    const orgOf = new Map(column(xlsx, '记录编号').map((id, i) => [id, column(xlsx, '组织/支部')[i]]));
    expect(orgOf).toEqual(
      new Map([
        [ids.lecture, '甲村党支部'],
        [ids.lectureUnit, '甲村第一党小组'],
        [ids.lectureB, '乙社区党支部'],
      ]),
    );
    expect(column(csv, '组织/支部')).toEqual(column(xlsx, '组织/支部'));
    expect(xlsx.title[0]).toBe('测试街道党工委 主题活动（2026-03-01 至 2026-03-31）');
    const res = await get('leader', exportUrl('activities', 'xlsx', query));
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('测试街道党工委-主题活动-20260301-20260331.xlsx'),
    );
    // Bounded by reach: a branch secretary asking for the street is answered as the list answers her.
    const listRes = await get('secA', `${LIST_PATH.activities}?org=${fx.streetId}`);
    expect(listRes.statusCode).toBe(404);
    expect((await get('secA', exportUrl('activities', 'xlsx', { org: fx.streetId }))).statusCode).toBe(404);
  });

  it("asking for another branch's org answers exactly what the list answers", async () => {
    for (const list of EXPORT_LISTS) {
      const listRes = await get('secA', `${LIST_PATH[list]}?org=${fx.branchBId}`);
      expect(listRes.statusCode).toBeGreaterThanOrEqual(400);
      for (const format of ['xlsx', 'csv'] as const) {
        const res = await get('secA', exportUrl(list, format, { org: fx.branchBId }));
        expect(res.statusCode, list).toBe(listRes.statusCode);
        expect(res.json()).toEqual(listRes.json());
      }
    }
  });

  it('an auditor may export; signed out is 401 in the error shape', async () => {
    expect((await get('auditor', exportUrl('rectifications', 'xlsx'))).statusCode).toBe(200);
    const res = await get(null, exportUrl('activities', 'csv'));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('an unknown query parameter, a cursor or an unknown format is a 400 in the error shape', async () => {
    const queries: Record<string, string>[] = [{ colour: 'red' }, { cursor: 'abc' }, { limit: '5' }];
    for (const query of queries) {
      const res = await get('leader', exportUrl('activities', 'xlsx', query));
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const pdf = await get('leader', '/api/exports/activities?format=pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.details.fields[0].field).toBe('format');
    const badCategory = await get('leader', exportUrl('activities', 'csv', { category: 'DANCING' }));
    expect(badCategory.statusCode).toBe(400);
  });

  it('OpenAPI documents one export per list with its filter and format', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, { get?: { parameters?: { name: string }[] } }>;
    for (const list of EXPORT_LISTS) {
      const names = paths[`/api/exports/${list}`]?.get?.parameters?.map((p) => p.name) ?? [];
      expect(names, list).toContain('format');
      expect(names, list).not.toContain('cursor');
    }
    const activities = paths['/api/exports/activities']?.get?.parameters?.map((p) => p.name);
    expect(activities).toEqual(expect.arrayContaining(['org', 'category', 'from', 'to', 'sort']));
  });

  it('exporting a record list writes nothing', async () => {
    expect(RECORD_LISTS).toContain('activities');
    const before = await dbCounts();
    for (const list of RECORD_LISTS) expect((await get('leader', exportUrl(list, 'xlsx'))).statusCode).toBe(200);
    expect(await dbCounts()).toEqual(before);
  });
});

describe('file format', () => {
  it('csv: UTF-8 BOM, CRLF, commas, quotes and line breaks quoted; a formula stays text', async () => {
    const { csv, csvText, xlsx } = await exportBoth('leader', 'activities', { from: '2026-04-02', to: '2026-04-02' });
    expect(csvText).toContain('"逗号,和""引号""\n以及换行"');
    expect(csvText.replaceAll('\r\n', '').includes('\r')).toBe(false);
    expect(column(csv, '活动名称')).toEqual(['逗号,和"引号"\n以及换行']);
    expect(column(xlsx, '活动名称')).toEqual(['逗号,和"引号"\n以及换行']);
    // A line break alone (here CRLF, as a browser's textarea sends it) is quoted too.
    expect(csvText).toContain('"一楼\r\n会议室"');
    expect(column(csv, '地点')).toEqual(['一楼\r\n会议室']);
    // CSV gets an apostrophe before "=" so a spreadsheet does not run it; the workbook stores text.
    expect(column(csv, '活动内容')).toEqual(['\'=HYPERLINK("http://example.com")']);
    expect(column(xlsx, '活动内容')).toEqual(['=HYPERLINK("http://example.com")']);
  });

  it('more than one page: 130 rows, in the list order', async () => {
    const start = Date.parse('2025-05-01T00:00:00Z');
    await ctx.prisma.activity.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({
        orgId: fx.branchBId,
        category: 'VOLUNTEER' as const,
        title: `志愿服务第${i + 1}次`,
        occurredAt: new Date(start + (i % 40) * 3_600_000),
        participants: i + 1,
      })),
    });
    const query = { from: '2025-05-01', to: '2025-05-31', sort: 'participants' };
    const { ids: listed, xlsx } = await expectSameAsList('leader', 'activities', query);
    expect(listed).toHaveLength(130);
    expect(column(xlsx, '参加人数')).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
  });
});

describe('the row cap and the file name', () => {
  let small: FastifyInstance;
  beforeAll(async () => {
    small = Fastify().withTypeProvider<ZodTypeProvider>();
    small.setValidatorCompiler(validatorCompiler);
    small.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(small);
    await small.register(fastifyCookie);
    registerAuth(small, ctx.prisma, { idleMs: 3_600_000, absoluteMs: 12 * 3_600_000 });
    await small.register(exportRoutes, {
      prisma: ctx.prisma,
      maxRows: 3,
      now: () => new Date('2026-11-23T16:30:00Z'),
    });
  });
  afterAll(() => small?.close());

  it('more rows than the cap is a 422 telling the user to narrow the filters', async () => {
    const res = await small.inject({
      method: 'GET',
      url: exportUrl('activities', 'xlsx'),
      headers: { cookie: cookies.leader ?? '' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('超过 3 条');
    expect(res.json().error.message).toContain('缩小筛选范围');
  });

  it('exactly the cap (the three alerts) goes through', async () => {
    const res = await small.inject({
      method: 'GET',
      url: exportUrl('risk-alerts', 'csv'),
      headers: { cookie: cookies.leader ?? '' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(readCsv(res.body).rows).toHaveLength(3);
  });

  it('the download is named <org>-<list>-<date> in Chinese, with the ASCII fallback, dated by the Shanghai day', async () => {
    const res = await small.inject({
      method: 'GET',
      url: exportUrl('study-sessions', 'csv'),
      headers: { cookie: cookies.leader ?? '' },
    });
    expect(res.statusCode, res.body).toBe(200);
    // 2026-11-23T16:30Z is 24 November in Shanghai; no org filter: the leader's own org.
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="study-sessions-20261124.csv"; filename*=UTF-8''${encodeURIComponent('测试街道党工委-学习研讨-20261124.csv')}`,
    );
  });

  it('a filtered download is named by the org and the date range or the plan period it covers', async () => {
    const named = async (list: ExportList, query: Record<string, string>) => {
      const res = await small.inject({
        method: 'GET',
        url: exportUrl(list, 'xlsx', query),
        headers: { cookie: cookies.leader ?? '' },
      });
      expect(res.statusCode, res.body).toBe(200);
      return String(res.headers['content-disposition']);
    };
    const range = { org: fx.branchAId, from: '2026-03-01', to: '2026-03-31', category: 'PARTY_LECTURE' };
    expect(await named('activities', range)).toBe(
      `attachment; filename="activities-20260301-20260331.xlsx"; filename*=UTF-8''${encodeURIComponent('甲村党支部-主题活动-20260301-20260331.xlsx')}`,
    );
    expect(await named('assignments', { period: '2026-H1', kind: 'FIRST_RESPONSIBLE' })).toBe(
      `attachment; filename="assignments-2026-H1.xlsx"; filename*=UTF-8''${encodeURIComponent('测试街道党工委-责任清单-2026年上半年.xlsx')}`,
    );
  });
});

describe('a workbook an office keeps', () => {
  it('a title block (org, list, period; filters, count, exporter, time) above a frozen, filtered header; 序号; date cells; print setup', async () => {
    const query = { org: fx.branchAId, category: 'PARTY_LECTURE', from: '2026-03-01', to: '2026-03-31' };
    const { xlsx, csv } = await exportBoth('leader', 'activities', query);
    expect(xlsx.title).toHaveLength(2);
    expect(xlsx.title[0]).toBe('甲村党支部 主题活动（2026-03-01 至 2026-03-31）');
    expect(xlsx.title[1]).toMatch(
      /^筛选条件：活动类别：讲党课　共 2 条　导出人：leader　导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    expect(xlsx.headerRow).toBe(3);
    expect(xlsx.frozen).toBe(true);
    expect(xlsx.boldHeader).toBe(true);
    expect(xlsx.header[0]).toBe('序号');
    expect(column(xlsx, '序号')).toEqual([1, 2]);
    expect(xlsx.sheet.autoFilter).toBe(`A3:${xlsx.sheet.getColumn(xlsx.header.length).letter}5`);
    expect(xlsx.sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });

    // Dates are date cells holding the Shanghai wall clock (00:30 on 2 March for 16:30Z on 1 March).
    const at = xlsx.header.indexOf('活动时间') + 1;
    const row = column(xlsx, '记录编号').indexOf(ids.lecture as string) + xlsx.headerRow + 1;
    const cell = xlsx.sheet.getRow(row).getCell(at);
    expect(cell.value).toEqual(new Date(Date.UTC(2026, 2, 2, 0, 30)));
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm');
    for (const header of ['录入时间', '最后修改']) {
      const created = xlsx.sheet.getRow(row).getCell(xlsx.header.indexOf(header) + 1);
      expect(created.value, header).toBeInstanceOf(Date);
      expect(created.numFmt, header).toBe('yyyy-mm-dd hh:mm');
    }

    // CSV: the same header (序号 first), no title block, dates as text.
    expect(csv.header).toEqual(xlsx.header);
    expect(column(csv, '序号')).toEqual(['1', '2']);
    expect(column(csv, '活动时间')).toEqual(column(xlsx, '活动时间'));
    expect(column(csv, '活动时间')).toContain('2026-03-02 00:30');
  });

  it('a day column (整改时限, 完成期限) is a date cell formatted yyyy-mm-dd', async () => {
    const { xlsx } = await exportBoth('leader', 'assignments', { period: '2026-H1', kind: 'TASK' });
    expect(xlsx.title[0]).toBe('测试街道党工委 责任清单（2026年上半年）');
    expect(xlsx.title[1]).toContain('筛选条件：类别：工作任务');
    const due = xlsx.sheet.getRow(xlsx.headerRow + 1).getCell(xlsx.header.indexOf('完成期限') + 1);
    expect(due.value).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(due.numFmt).toBe('yyyy-mm-dd');
  });

  it('the alert export names its filters in the words of the alert page', async () => {
    const { xlsx } = await exportBoth('leader', 'risk-alerts', {
      level: 'LEVEL_1',
      flag: 'OVERDUE',
      dateField: 'registeredAt',
      from: '2026-03-01',
    });
    expect(xlsx.title[0]).toBe('测试街道党工委 舆情处置（2026-03-01 起）');
    expect(xlsx.title[1]).toContain('筛选条件：舆情等级：一级；提醒：报送超时');
  });
});
