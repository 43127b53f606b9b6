// Sheets → one xlsx workbook (exceljs) an office can file and print as it is: a title block (what,
// whose, which period, the filters, who exported it and when) above a bold header row that stays
// frozen and carries an autofilter, real date cells, columns as wide as their text, and a print
// setup of A4 landscape, fit to the page width, the header row repeated on every page.
//
// Dates: an Excel date cell has no time zone — it is a count of days since 1900 that every reader
// shows as it is. So a Shanghai time is written as its Shanghai wall-clock reading: the column's
// text "2026-05-20 14:30" (columns.ts, Asia/Shanghai) becomes the serial of 2026-05-20 14:30 with
// the format yyyy-mm-dd hh:mm, and shows that same text in Excel, WPS or LibreOffice wherever the
// reader sits. Never convert an instant to a serial directly: that would show UTC (ADR 013).
import { writableText } from '@dutyboard/contracts/common';
import { bodyCharacterWidth } from '@dutyboard/contracts/summary-text';
import type ExcelJS from 'exceljs';
import { type DateKind, SERIAL_HEADER } from './columns.ts';
import type { Sheet } from './sheets.ts';

/** Excel refuses these in a sheet name, and names longer than 31 characters. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/** The number formats of the two date kinds: what the page shows, in the order Chinese offices write dates. */
export const DATE_FORMATS: Readonly<Record<DateKind, string>> = {
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
};

/** Widths in Excel's character units: at least this, and no column wider than the cap unless it asks. */
const WIDTH_MIN = 6;
const WIDTH_CAP = 60;
/** The date cells' width: the formatted text plus a margin for the filter button. */
const DATE_WIDTH: Readonly<Record<DateKind, number>> = { datetime: 20, date: 13 };

/** Points per line of wrapped text at the default 11-point font, and Excel's tallest row. */
const LINE_HEIGHT = 15;
const ROW_HEIGHT_MAX = 409;

/** Paper size 9 is A4 in SpreadsheetML (ECMA-376 §18.18.43 ST_PaperSize). */
const A4 = 9;

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

/** How wide a text's widest line shows in Excel's character widths: a CJK character takes two. */
export function textWidth(text: string): number {
  return text.split(/\r?\n/).reduce((widest, line) => Math.max(widest, 2 * bodyCharacterWidth(line)), 0);
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/;

/**
 * The Shanghai wall-clock text as the Date exceljs turns into that same serial: exceljs counts
 * days from the Date's UTC reading, so the wall-clock fields go in as UTC. Text of another shape
 * (never written by columns.ts) stays text rather than becoming a wrong date.
 */
export function wallClockCell(text: string): Date | null {
  return wallClock(text)?.date ?? null;
}

/** The date cell's value and which format shows it: a day alone (no time given) is a day, whatever the column. */
function wallClock(text: string): { date: Date; kind: DateKind } | null {
  const m = WALL_CLOCK.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)));
  return { date, kind: h === undefined ? 'date' : 'datetime' };
}

/** A column letter for a 1-based index (1 → A, 27 → AA). */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export async function writeXlsx(sheets: Sheet[]): Promise<Buffer> {
  // Loaded with the first workbook, not at start-up: exceljs is megabytes the idle API need not
  // hold (ADR 030).
  const { Workbook } = (await import('exceljs')).default;
  const workbook: ExcelJS.Workbook = new Workbook();
  workbook.creator = 'Dutyboard';
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const count = Math.max(1, sheet.columns.length);
    const last = columnLetter(count);
    const titleRows = sheet.title ? 1 + sheet.title.lines.length : 0;
    const headerRow = titleRows + 1;
    const lastRow = headerRow + sheet.rows.length;

    const worksheet = workbook.addWorksheet(sheetName(sheet.name, taken), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
      pageSetup: {
        paperSize: A4,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        // 0: as many pages down as the rows need.
        fitToHeight: 0,
        horizontalCentered: true,
        printTitlesRow: `${headerRow}:${headerRow}`,
      },
    });

    // The title block: the title in large bold across the table's width, then its lines.
    if (sheet.title) {
      const rows = [sheet.title.text, ...sheet.title.lines];
      rows.forEach((text, i) => {
        const row = worksheet.getRow(i + 1);
        row.getCell(1).value = writableText(text);
        row.font = i === 0 ? { bold: true, size: 14 } : { size: 10 };
        row.alignment = { vertical: 'middle', wrapText: false };
        if (i === 0) row.height = 24;
        if (count > 1) worksheet.mergeCells(`A${i + 1}:${last}${i + 1}`);
      });
    }

    const header = worksheet.getRow(headerRow);
    sheet.columns.forEach((column, i) => {
      header.getCell(i + 1).value = writableText(column.header);
    });
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      cell.border = { bottom: { style: 'thin' } };
    });

    // Strings are stored as shared strings, never formulas, so a title starting with "=" stays text.
    // Text stored before control characters were refused is written without them: the sheet's
    // XML cannot hold them, and Excel would call the file damaged.
    const widths = sheet.columns.map((column) => textWidth(column.header));
    const wraps = sheet.columns.map(() => false);
    sheet.rows.forEach((values, r) => {
      const row = worksheet.getRow(headerRow + 1 + r);
      values.forEach((value, c) => {
        const kind = sheet.columns[c]?.type;
        const cell = row.getCell(c + 1);
        if (value === null || value === undefined) return;
        if (typeof value === 'number') {
          cell.value = value;
          // 序号 centred, as a 公文 table numbers its rows; a right-aligned number touches the next column.
          if (sheet.columns[c]?.header === SERIAL_HEADER) cell.alignment = { horizontal: 'center' };
          widths[c] = Math.max(widths[c] ?? 0, String(value).length);
          return;
        }
        const text = writableText(value);
        const clock = kind ? wallClock(text) : null;
        if (clock) {
          cell.value = clock.date;
          // A date-only record in a datetime column (columns.ts shanghaiWhen) shows its day, not 00:00.
          cell.numFmt = DATE_FORMATS[clock.kind];
          // Centred: right-aligned (Excel's default for a date) it runs into the next column's text.
          cell.alignment = { horizontal: 'center' };
          return;
        }
        cell.value = text;
        widths[c] = Math.max(widths[c] ?? 0, textWidth(text));
        if (text.includes('\n')) wraps[c] = true;
      });
    });

    // Text wider than its column, or holding line breaks, wraps inside the cell instead of being
    // cut, and its row is made tall enough for the lines: readers do not all re-measure rows on
    // opening (LibreOffice keeps the default height), so the height is written.
    const lines = sheet.rows.map(() => 1);
    sheet.columns.forEach((column, i) => {
      const col = worksheet.getColumn(i + 1);
      const cap = column.width ?? WIDTH_CAP;
      const fit = (widths[i] ?? 0) + 2;
      const width = column.type
        ? Math.max(DATE_WIDTH[column.type], textWidth(column.header) + 2)
        : Math.min(Math.max(WIDTH_MIN, fit), Math.max(cap, textWidth(column.header) + 2));
      col.width = width;
      if (!wraps[i] && fit <= width) return;
      sheet.rows.forEach((_, r) => {
        const cell = worksheet.getRow(headerRow + 1 + r).getCell(i + 1);
        if (typeof cell.value !== 'string') return;
        cell.alignment = { vertical: 'top', wrapText: true };
        const needed = cell.value
          .split(/\r?\n/)
          .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / (width - 1))), 0);
        lines[r] = Math.max(lines[r] ?? 1, needed);
      });
    });
    lines.forEach((count, r) => {
      if (count === 1) return;
      const row = worksheet.getRow(headerRow + 1 + r);
      row.height = Math.min(ROW_HEIGHT_MAX, count * LINE_HEIGHT);
      // The row's short cells sit at the top beside the wrapped text, not at the bottom.
      row.eachCell((cell) => {
        cell.alignment = { ...cell.alignment, vertical: 'top' };
      });
    });

    worksheet.autoFilter = `A${headerRow}:${last}${lastRow}`;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
