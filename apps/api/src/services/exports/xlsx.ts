// Sheets → one xlsx workbook (exceljs): a bold, frozen header row, column widths, and every value
// as the text or number the list shows. Dates are text in Asia/Shanghai on purpose, never Excel
// serial dates: a serial date carries no zone and Excel would show it in the reader's own.
import { writableText } from '@dutyboard/contracts/common';
import ExcelJS from 'exceljs';
import type { Sheet } from './sheets.ts';

/** Excel refuses these in a sheet name, and names longer than 31 characters. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/** A name Excel accepts, unique in the workbook ("主题活动", "主题活动 (2)"). */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = writableText(wanted).replace(SHEET_NAME_FORBIDDEN, ' ').trim().slice(0, SHEET_NAME_MAX) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Wide enough for the header: a CJK character takes about two of Excel's character widths. */
function headerWidth(header: string): number {
  let width = 0;
  for (const ch of header) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return Math.max(10, width + 2);
}

export async function writeXlsx(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dutyboard';
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column) => ({
      header: writableText(column.header),
      width: column.width ?? headerWidth(column.header),
    }));
    worksheet.getRow(1).font = { bold: true };
    // Strings are stored as shared strings, never formulas, so a title starting with "=" stays text.
    // Text stored before control characters were refused is written without them: the sheet's
    // XML cannot hold them, and Excel would call the file damaged.
    for (const row of sheet.rows) {
      worksheet.addRow(row.map((value) => (typeof value === 'string' ? writableText(value) : (value ?? null))));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
