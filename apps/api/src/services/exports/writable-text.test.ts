// Text stored before control characters were refused (or imported around the API) must still
// come out as documents Word, Excel and WPS open: every writer leaves the characters XML cannot
// hold out of the file, and the rest of the text stays as it was.
import { illegalCharacterIn } from '@dutyboard/contracts/common';
import type { SummaryContent } from '@dutyboard/contracts/reports';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { summaryDocx } from '../reports/summary-docx.ts';
import { writeCsv } from './csv.ts';
import type { Sheet } from './sheets.ts';
import { writeXlsx } from './xlsx.ts';

/** Every character XML 1.0 refuses, in one string, between ordinary text. */
const DIRTY = `学习\u0000贯彻\u0001会议\u0008精神\u000B\u000C\u001F\uFFFE\uFFFF\uD800完\uDC00毕`;
const CLEAN = '学习贯彻会议精神完毕';

/** Every XML part of a zip (xlsx, docx) as text. */
function xmlParts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) out[name] = strFromU8(data);
  }
  return out;
}

/** XML 1.0 forbids these even escaped as character references. */
const ILLEGAL_REFERENCE = /&#x?0*(?:[0-8bcBC]|1[0-9a-fA-F]|[12][0-9]|3[01]|fff[eE]|FFF[eE]|d[89a-f][0-9a-f]{2});/;

function expectWellFormedText(parts: Record<string, string>) {
  for (const [name, xml] of Object.entries(parts)) {
    expect(illegalCharacterIn(xml), name).toBeNull();
    expect(ILLEGAL_REFERENCE.test(xml), name).toBe(false);
  }
}

describe('document writers and text with characters XML cannot hold', () => {
  it('the xlsx writer leaves them out of cells, headers and sheet names, and the file opens', async () => {
    const sheet: Sheet = {
      name: `活动${DIRTY}`,
      columns: [{ header: `标题${DIRTY}`, value: () => null }],
      rows: [[DIRTY], [`=SUM(1)${DIRTY}`]],
    } as unknown as Sheet;
    const bytes = await writeXlsx([sheet]);
    expectWellFormedText(xmlParts(new Uint8Array(bytes)));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = book.worksheets[0];
    expect(ws?.getCell('A1').value).toBe(`标题${CLEAN}`);
    expect(ws?.getCell('A2').value).toBe(CLEAN);
  });

  it('the csv writer leaves them out and still guards formulas', () => {
    const sheet = { name: 'x', columns: [{ header: `标题${DIRTY}` }], rows: [[DIRTY], [`\u0001=HYPERLINK("x")`]] };
    const text = writeCsv(sheet as unknown as Sheet);
    expect(illegalCharacterIn(text)).toBeNull();
    expect(text).toContain(CLEAN);
    expect(text).toContain(`'=HYPERLINK`);
  });

  it('the 公文 DOCX leaves them out of the title, headings, paragraphs and properties', async () => {
    const content: SummaryContent = {
      title: `测试街道${DIRTY}\n工作总结`,
      intro: [{ text: DIRTY, figures: [] }],
      sections: [{ heading: `一、${DIRTY}`, level: 1, paragraphs: [{ text: `主题：${DIRTY}`, figures: [] }] }],
      signOff: { org: `测试街道${DIRTY}`, date: '2026年7月5日' },
    };
    const parts = xmlParts(new Uint8Array(await summaryDocx(content)));
    expectWellFormedText(parts);
    expect(parts['word/document.xml']).toContain(CLEAN);
    expect(parts['word/document.xml']).toContain(`主题：${CLEAN}`);
  });
});
