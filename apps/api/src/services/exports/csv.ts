// A sheet → CSV text that Excel and WPS open correctly in Chinese: UTF-8 with a byte-order mark
// (without it Excel on Windows reads the bytes as the local ANSI code page), CRLF line ends and
// RFC 4180 quoting.
import { writableText } from '@dutyboard/contracts/common';
import type { Sheet } from './sheets.ts';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A cell a spreadsheet would run as a formula when the file is opened (=, +, -, @, or a tab or
 * CR before one) gets a leading apostrophe: a title typed as "=HYPERLINK(…)" must stay text
 * (OWASP "CSV injection"). Numbers are written as numbers and never touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // The same characters the xlsx leaves out: a reader that parses CSV into XML chokes on them too.
  const clean = writableText(value);
  const text = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function writeCsv(sheet: Sheet): string {
  const lines = [sheet.columns.map((column) => field(column.header))];
  for (const row of sheet.rows) lines.push(row.map(field));
  return BOM + lines.map((cells) => cells.join(',')).join(CRLF) + CRLF;
}
