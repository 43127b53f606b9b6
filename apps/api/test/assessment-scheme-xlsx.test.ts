// 考核细则 as xlsx (issue 18 part B, ADR 043): the export reads back to an equal tree; a sheet a 区
// typed by hand imports as items scored by the reviewer, each with a warning; every bad cell is
// answered with its row, column and what to fix, and nothing is written; a scheme in use is never
// changed by an import; size and row limits; the export and the import are audited.
import { SCHEME_IMPORT_MAX_BYTES, SCHEME_IMPORT_MAX_ROWS } from '@dutyboard/contracts/assessment-scheme-xlsx';
import type { Scheme } from '@dutyboard/contracts/assessments';
import type { ImportProblem } from '@dutyboard/contracts/imports';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDistrict, type Fixture, type LevelsFixture, login, seedFixture } from './helpers/fixtures.ts';
import { uploadXlsx } from './helpers/multipart.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let lv: LevelsFixture;
const c: Record<string, string> = {};
const PERIOD = '2026-H1';
const BASE = '/api/assessment-schemes';

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  lv = await addDistrict(ctx.prisma, fx);
  for (const u of ['dLeader', 'dReviewer', 's2Leader']) c[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

/** A 区 scheme for its 街道 with one item of every rule type and every COUNT method (100 points). */
const districtTree = () => ({
  org: lv.districtId,
  level: 'STREET',
  period: PERIOD,
  name: '往返测试细则',
  total: 100,
  categories: [
    {
      title: '理论学习',
      items: [
        {
          title: '中心组学习每季度不少于2次，少一次扣3分',
          points: 10,
          rule: {
            type: 'COUNT',
            figure: 'CENTRAL_GROUP_STUDY',
            required: 2,
            per: 'QUARTER',
            method: 'PER_MISSING',
            deduct: 3,
          },
          evidence: '中心组学习记录',
          scorer: 'COMPUTED',
        },
        {
          title: '中心组学习半年不少于6次',
          points: 20.5,
          rule: { type: 'COUNT', figure: 'CENTRAL_GROUP_STUDY', required: 6, per: 'PERIOD', method: 'PROPORTIONAL' },
          evidence: '',
          scorer: 'COMPUTED',
        },
        {
          title: '每月开展专题研讨',
          points: 4.5,
          rule: { type: 'COUNT', figure: 'SEMINAR', required: 1, per: 'MONTH', method: 'FULL_OR_NOTHING' },
          evidence: '研讨记录',
          scorer: 'COMPUTED',
        },
        {
          title: '3月底前召开意识形态工作专题研讨',
          points: 5,
          rule: { type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2026-03' },
          evidence: '专题研讨记录',
          scorer: 'COMPUTED',
        },
        {
          // A DEADLINE by a day (ADR 044), as the starter's 专题汇报: the day comes back too.
          title: '6月20日前报送专题汇报',
          points: 5,
          rule: { type: 'DEADLINE', figure: 'SPECIAL_REPORT_SENT', dueMonth: '2026-06', dueOn: '2026-06-20' },
          evidence: '专题汇报报送记录',
          scorer: 'COMPUTED',
        },
      ],
    },
    {
      title: '舆情与整改',
      items: [
        {
          title: '舆情按时限报送，每迟报1条扣4分',
          points: 15,
          rule: { type: 'PER_INCIDENT', figure: 'ALERT_REPORTED_LATE', deduct: 4 },
          evidence: '舆情报送记录',
          scorer: 'COMPUTED',
        },
        {
          title: '存在未完成整改的，一票否决',
          points: 0,
          rule: { type: 'VETO', figure: 'RECTIFICATION_OPEN' },
          evidence: '整改台账',
          scorer: 'COMPUTED',
        },
        { title: '阵地管理', points: 40, rule: { type: 'MANUAL' }, evidence: '检查记录', scorer: 'REVIEWER' },
      ],
    },
  ],
});

async function createScheme(): Promise<Scheme> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: BASE,
    headers: { cookie: c.dLeader },
    payload: districtTree(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function exportOf(id: string, who = 'dLeader'): Promise<Buffer> {
  const res = await ctx.app.inject({ method: 'GET', url: `${BASE}/${id}/xlsx`, headers: { cookie: c[who] } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return res.rawPayload;
}

const importUrl = (extra: Record<string, string> = {}) =>
  `${BASE}/import?${new URLSearchParams({ org: lv.districtId, period: PERIOD, ...extra })}`;

const importFile = (bytes: Buffer, who = 'dLeader', extra: Record<string, string> = {}, name = '细则.xlsx') =>
  uploadXlsx(ctx.app, importUrl(extra), c[who] ?? '', bytes, name);

const treeOf = (s: Scheme) => s.categories.map((cat) => ({ title: cat.title, items: cat.items }));

/** The export opened in exceljs, to change a cell as a person would in Excel. */
async function openBook(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

async function bookBytes(sheet: ExcelJS.Worksheet): Promise<Buffer> {
  return Buffer.from(await sheet.workbook.xlsx.writeBuffer());
}

/** The header row's number and column numbers by header text. */
function headerOf(sheet: ExcelJS.Worksheet): { row: number; col: Map<string, number> } {
  for (let r = 1; r <= 10; r++) {
    const col = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, n) => col.set(String(cell.value), n));
    if (col.has('考核内容')) return { row: r, col };
  }
  throw new Error('no header');
}

/** A workbook a person typed: a title row, then these rows (the first is the header). */
async function handBook(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('细则');
  sheet.addRow(['某区街道意识形态工作责任制考核细则']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const schemesOfDistrict = () => ctx.prisma.assessmentScheme.count({ where: { orgId: lv.districtId } });

describe('export', () => {
  it('writes one row per item under its category, the rule in words and the 系统 columns at the right, audited', async () => {
    const made = await createScheme();
    const sheet = await openBook(await exportOf(made.id));
    const { row, col } = headerOf(sheet);
    const headers = [...col.keys()];
    expect(headers.slice(0, 6)).toEqual(['类别', '序号', '考核内容', '分值', '评分方法', '佐证材料']);
    expect(headers.slice(6).every((h) => h.startsWith('系统·'))).toBe(true);
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('往返测试细则');
    const first = sheet.getRow(row + 1);
    expect(first.getCell(col.get('类别') ?? 0).value).toBe('理论学习');
    expect(first.getCell(col.get('分值') ?? 0).value).toBe(10);
    expect(first.getCell(col.get('评分方法') ?? 0).value).toBe('中心组理论学习 每季度不少于2次，少一次扣3分，扣完为止');
    expect(sheet.getRow(row + 8).getCell(col.get('考核内容') ?? 0).value).toBe('阵地管理');
    // A DEADLINE by a day says its day in words and keeps it in its 系统 column.
    const byDay = [...Array(12).keys()]
      .map((i) => sheet.getRow(row + 1 + i))
      .find((r) => r.getCell(col.get('考核内容') ?? 0).value === '6月20日前报送专题汇报');
    expect(byDay?.getCell(col.get('评分方法') ?? 0).value).toBe(
      '2026年6月20日前完成专题汇报报送，按时完成得5分，未完成不得分',
    );
    expect(byDay?.getCell(col.get('系统·截止日期') ?? 0).value).toBe('2026-06-20');

    const events = await ctx.prisma.auditEvent.findMany({
      where: { entityType: 'AssessmentScheme', entityId: made.id, action: 'EXPORT' },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ format: 'xlsx', rows: 8 });
  });

  it('a reviewer of the 区 may export; a sibling street reads no scheme of the fixture street (404)', async () => {
    const made = await createScheme();
    await exportOf(made.id, 'dReviewer');
    const streets = await ctx.prisma.assessmentScheme.create({
      data: {
        orgId: fx.streetId,
        level: 'BRANCH',
        periodCode: PERIOD,
        name: '街道细则',
        number: 1,
        total: 100,
        categories: [{ title: '学习', items: [{ ...districtTree().categories[1]?.items[2], key: 'a1', points: 100 }] }],
      },
    });
    const res = await ctx.app.inject({
      method: 'GET',
      url: `${BASE}/${streets.id}/xlsx`,
      headers: { cookie: c.s2Leader },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('import', () => {
  it('reads the export back to an equal tree, as a new draft, audited', async () => {
    const made = await createScheme();
    const res = await importFile(await exportOf(made.id), 'dLeader', { total: '100', name: '导回的细则' });
    expect(res.statusCode, res.body).toBe(201);
    const back: Scheme & { importWarnings: ImportProblem[] } = res.json();
    expect(back.id).not.toBe(made.id);
    expect(back).toMatchObject({ state: 'DRAFT', level: 'STREET', total: 100, name: '导回的细则', periodCode: PERIOD });
    expect(treeOf(back)).toEqual(treeOf(made));
    expect(back.importWarnings).toEqual([]);
    const created = await ctx.prisma.auditEvent.findMany({
      where: { entityType: 'AssessmentScheme', entityId: back.id, action: 'CREATE' },
    });
    expect(created).toHaveLength(1);
  });

  it('a scheme in use is never changed by importing its export: a new draft is made', async () => {
    const made = await createScheme();
    const used = await ctx.app.inject({
      method: 'POST',
      url: `${BASE}/${made.id}/use`,
      headers: { cookie: c.dLeader, 'if-match': '"1"' },
    });
    expect(used.statusCode, used.body).toBe(200);
    const res = await importFile(await exportOf(made.id));
    expect(res.statusCode, res.body).toBe(201);
    const after = await ctx.prisma.assessmentScheme.findUniqueOrThrow({ where: { id: made.id } });
    expect(after).toMatchObject({ state: 'IN_USE', version: 2 });
    expect(res.json()).toMatchObject({ state: 'DRAFT' });
    // And a scheme in use still refuses a change of its tree.
    const patch = await ctx.app.inject({
      method: 'PATCH',
      url: `${BASE}/${made.id}`,
      headers: { cookie: c.dLeader },
      payload: { categories: treeOf(res.json()) },
    });
    expect(patch.statusCode).toBe(409);
  });

  it('a sheet typed by hand imports each row as an item the reviewer scores, with a warning per row', async () => {
    const bytes = await handBook([
      ['类别', '序号', '考核内容', '分值', '评分方法'],
      ['组织领导', 1, '党工委专题研究意识形态工作', 10, '每半年不少于1次，少一次扣5分'],
      [null, 2, '开展形势分析研判', '１０分', '每季度1次'],
      ['阵地管理', 3, '阵地检查，上传检查照片', 70, '每季度检查1次'],
      ['合计', null, null, 90, null],
    ]);
    const before = await schemesOfDistrict();
    const res = await importFile(bytes, 'dLeader', { total: '100' }, '某区考核细则.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(await schemesOfDistrict()).toBe(before + 1);
    const made: Scheme & { importWarnings: ImportProblem[] } = res.json();
    expect(made.name).toBe('某区考核细则');
    expect(made.categories.map((cat) => [cat.title, cat.items.length])).toEqual([
      ['组织领导', 2],
      ['阵地管理', 1],
    ]);
    const items = made.categories.flatMap((cat) => cat.items);
    expect(items.every((i) => i.rule.type === 'MANUAL' && i.scorer === 'REVIEWER')).toBe(true);
    expect(items[0]?.evidence).toBe('每半年不少于1次，少一次扣5分');
    expect(items[1]?.points).toBe(10);
    // One "not computed" warning per row, the 减负 warning on the upload row, and the total.
    const manual = made.importWarnings.filter((w) => w.column === '系统·规则类型');
    expect(manual.map((w) => w.row)).toEqual([3, 4, 5]);
    expect(made.importWarnings.find((w) => w.reason.includes('照片'))?.row).toBe(5);
    expect(made.warnings).toHaveLength(1);
    const total = made.importWarnings.find((w) => w.reason.includes('满分 100'));
    expect(total).toMatchObject({ row: 2, column: '分值' });
    expect(made.total).toBe(90);
  });

  /** A changed cell of the export → the problem it must be answered with. */
  const BAD_CELLS: {
    name: string;
    edit: (sheet: ExcelJS.Worksheet, at: (item: number, header: string) => ExcelJS.Cell) => void;
    expected: Partial<ImportProblem> & { item: number };
  }[] = [
    {
      name: 'missing 分值',
      edit: (_s, at) => {
        at(1, '分值').value = null;
      },
      expected: { item: 1, column: '分值', reason: '须填写分值（一票否决项填 0）' },
    },
    {
      name: 'text in a number cell',
      edit: (_s, at) => {
        at(2, '系统·要求次数').value = '六次';
      },
      expected: { item: 2, column: '系统·要求次数' },
    },
    {
      name: 'unknown figure',
      edit: (_s, at) => {
        at(3, '系统·统计口径').value = '打卡次数';
      },
      expected: { item: 3, column: '系统·统计口径' },
    },
    {
      name: 'unknown rule type',
      edit: (_s, at) => {
        at(5, '系统·规则类型').value = '按照片数计分';
      },
      expected: { item: 5, column: '系统·规则类型' },
    },
    {
      name: 'duplicate key',
      edit: (_s, at) => {
        at(4, '系统·指标编号').value = at(2, '系统·指标编号').value;
      },
      expected: { item: 4, column: '系统·指标编号', reason: '指标编号重复' },
    },
  ];

  it.each(BAD_CELLS)('answers $name with its row and column, and writes nothing', async ({ edit, expected }) => {
    const made = await createScheme();
    const sheet = await openBook(await exportOf(made.id));
    const { row, col } = headerOf(sheet);
    const at = (item: number, header: string) => {
      const n = col.get(header);
      if (!n) throw new Error(`no column ${header}`);
      return sheet.getRow(row + item).getCell(n);
    };
    edit(sheet, at);
    const before = await schemesOfDistrict();
    const audits = await ctx.prisma.auditEvent.count();
    const res = await importFile(await bookBytes(sheet));
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.error.key).toBe('schemeImport.hasProblems');
    const problems: ImportProblem[] = body.error.details.problems;
    const { item, ...want } = expected;
    expect(problems).toContainEqual(expect.objectContaining({ row: row + item, ...want }));
    for (const p of problems) expect(p.reason.length).toBeGreaterThan(2);
    expect(await schemesOfDistrict()).toBe(before);
    expect(await ctx.prisma.auditEvent.count()).toBe(audits);
  });

  it('refuses a sheet without the 考核内容 and 分值 columns, naming what is missing', async () => {
    const res = await importFile(
      await handBook([
        ['项目', '得分'],
        ['学习', 10],
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems[0]).toMatchObject({ row: 1, column: null });
  });

  it('refuses a file over the size limit (413) and one over the row limit (400), writing nothing', async () => {
    const big = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(SCHEME_IMPORT_MAX_BYTES + 1024)]);
    const before = await schemesOfDistrict();
    const tooBig = await importFile(big);
    expect(tooBig.statusCode, tooBig.body).toBe(413);

    const rows: (string | number)[][] = [['类别', '考核内容', '分值']];
    for (let i = 0; i < SCHEME_IMPORT_MAX_ROWS + 5; i++) rows.push(['类别', `第${i}项`, 1]);
    const tooLong = await importFile(await handBook(rows));
    expect(tooLong.statusCode, tooLong.body).toBe(400);
    expect(tooLong.json().error.key).toBe('schemeImport.tooManyRows');
    expect(await schemesOfDistrict()).toBe(before);
  });

  it('refuses a file that is not xlsx (415)', async () => {
    const res = await importFile(Buffer.from('类别,考核内容,分值\n学习,中心组,10\n'));
    expect(res.statusCode).toBe(415);
  });

  it('a reviewer may not import (403); a sibling street may not import into the 区 (403)', async () => {
    const bytes = await handBook([
      ['考核内容', '分值'],
      ['学习', 100],
    ]);
    expect((await importFile(bytes, 'dReviewer')).statusCode).toBe(403);
    expect((await importFile(bytes, 's2Leader')).statusCode).toBe(403);
  });
});
