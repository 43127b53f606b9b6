// The workbook an office keeps, read back twice: by exceljs (the writer's own library) and by
// opening the file's XML parts with a plain zip reader, as another spreadsheet would.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Sheet } from './sheets.ts';
import { DATE_FORMATS, textWidth, wallClockCell, writeXlsx } from './xlsx.ts';

const SHEET: Sheet = {
  name: '主题活动',
  title: {
    text: '甲村党支部 主题活动（2026-03-01 至 2026-03-31）',
    lines: ['筛选条件：活动类别：讲党课　共 2 条　导出人：张书记　导出时间：2026-11-24 09:30'],
  },
  columns: [
    { header: '序号', width: 8 },
    { header: '活动时间', type: 'datetime' },
    { header: '活动名称', width: 40 },
    { header: '整改时限', type: 'date' },
    { header: '参加人数' },
  ],
  rows: [
    [1, '2026-03-02 00:30', '书记讲党课：学习全会精神', '2026-03-31', 30],
    [2, '2026-03-10 10:00', '=HYPERLINK("http://example.com")', null, 12],
  ],
};

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs's own Buffer type is narrower than Node's; the bytes are a whole workbook.
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book;
}

/** The XML parts of the file, by name. */
function parts(bytes: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([k, v]) => [k, strFromU8(v)]));
}

/** Every <c> element of a sheet part: reference, type attribute, style index, value. */
function cellsOf(xml: string): Map<string, { t: string | null; s: number; v: string | null }> {
  const cells = new Map<string, { t: string | null; s: number; v: string | null }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
    const attrs = m[2] ?? '';
    const t = /\bt="(\w+)"/.exec(attrs)?.[1] ?? null;
    const s = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
    const v = /<v>(.*?)<\/v>/.exec(m[3] ?? '')?.[1] ?? null;
    cells.set(m[1] as string, { t, s, v });
  }
  return cells;
}

/** The number format code a cell style index points to (styles.xml cellXfs → numFmts). */
function formatOf(styles: string, styleIndex: number): string | null {
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '';
  const xf = [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>.*?<\/xf>)/gs)][styleIndex]?.[0] ?? '';
  const id = /numFmtId="(\d+)"/.exec(xf)?.[1];
  if (!id) return null;
  return new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`).exec(styles)?.[1] ?? null;
}

describe('writeXlsx', () => {
  it('exceljs reads back the title block, the header below it, date cells with their formats, frozen header, autofilter and print setup', async () => {
    const book = await load(await writeXlsx([SHEET]));
    const sheet = book.getWorksheet('主题活动');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe('甲村党支部 主题活动（2026-03-01 至 2026-03-31）');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toContain('导出人：张书记');
    // The title spans the table.
    expect(sheet.getCell('E1').isMerged).toBe(true);
    expect(sheet.getRow(3).values).toEqual([undefined, '序号', '活动时间', '活动名称', '整改时限', '参加人数']);
    expect(sheet.getCell('B3').font?.bold).toBe(true);

    // 2026-03-02 00:30 in Shanghai is stored as that wall-clock reading.
    const at = sheet.getCell('B4');
    expect(at.value).toEqual(new Date(Date.UTC(2026, 2, 2, 0, 30)));
    expect(at.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getCell('D4').value).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(sheet.getCell('D4').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('D5').value).toBeNull();
    expect(sheet.getCell('A4').value).toBe(1);
    expect(sheet.getCell('A4').alignment?.horizontal).toBe('center');
    expect(sheet.getCell('E4').value).toBe(30);
    // Text that looks like a formula stays text.
    expect(sheet.getCell('C5').value).toBe('=HYPERLINK("http://example.com")');

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBe('A3:E5');
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    // Widths fit the text: the title column is as wide as its longest Chinese title.
    expect(sheet.getColumn(3).width).toBe(textWidth('=HYPERLINK("http://example.com")') + 2);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('yyyy-mm-dd hh:mm'.length);
  });

  it('the XML parts hold numeric date cells styled with the Chinese date formats, the title as shared strings, the filter, the frozen pane and the print titles', async () => {
    const xml = parts(await writeXlsx([SHEET]));
    const sheet = xml['xl/worksheets/sheet1.xml'] ?? '';
    const styles = xml['xl/styles.xml'] ?? '';
    const shared = xml['xl/sharedStrings.xml'] ?? '';
    const cells = cellsOf(sheet);

    // A date cell is a number (no t="s"/"str"), its serial the Shanghai wall clock, its style the format.
    const b4 = cells.get('B4');
    expect(b4?.t).toBeNull();
    // 2026-03-02 is day 46083 since 1899-12-30; 00:30 is 1/48 of a day.
    expect(Number(b4?.v)).toBeCloseTo(46083 + 0.5 / 24, 8);
    expect(formatOf(styles, b4?.s ?? -1)).toBe(DATE_FORMATS.datetime);
    const d4 = cells.get('D4');
    expect(d4?.t).toBeNull();
    expect(Number(d4?.v)).toBe(46112);
    expect(formatOf(styles, d4?.s ?? -1)).toBe(DATE_FORMATS.date);

    // Title and header are shared strings; the title row is merged across the table.
    expect(cells.get('A1')?.t).toBe('s');
    expect(cells.get('A3')?.t).toBe('s');
    expect(shared).toContain('甲村党支部 主题活动（2026-03-01 至 2026-03-31）');
    expect(sheet).toContain('<mergeCell ref="A1:E1"/>');
    expect(sheet).toContain('<autoFilter ref="A3:E5"/>');
    expect(sheet).toMatch(/<pane[^>]*ySplit="3"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(sheet).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheet).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(sheet).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(sheet).toMatch(/<sheetPr[^>]*>.*<pageSetUpPr fitToPage="1"\/>/s);
    expect(xml['xl/workbook.xml']).toMatch(
      /<definedName name="_xlnm.Print_Titles"[^>]*>(?:&apos;)?主题活动(?:&apos;)?!\$3:\$3<\/definedName>/,
    );
  });

  it('a sheet without a title starts with its header row, still frozen and filtered (the import problems list)', async () => {
    const { title: _title, ...plain } = SHEET;
    const book = await load(await writeXlsx([plain]));
    const sheet = book.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('序号');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.autoFilter).toBe('A1:E3');
    expect(sheet?.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('text of another shape in a date column stays text rather than becoming a wrong date', () => {
    expect(wallClockCell('2026-03-02 00:30')).toEqual(new Date(Date.UTC(2026, 2, 2, 0, 30)));
    expect(wallClockCell('2026-03-02')).toEqual(new Date(Date.UTC(2026, 2, 2)));
    expect(wallClockCell('下周一')).toBeNull();
    expect(wallClockCell('2026-03-02T00:30:00Z')).toBeNull();
  });
});
