// Reads an uploaded xlsx without loading it whole: a quick pass counts each sheet's rows (for the
// progress bar and the row limit, and to refuse a zip that inflates to far more than a real
// workbook), then exceljs's streaming reader hands over the data sheet's rows one by one.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { type Raw, rawOf } from './cells.ts';

/** The sheet of instructions in the template; any other first sheet holds the data. */
export const INSTRUCTIONS_SHEET = '填写说明';

/** Uncompressed XML of all sheets together; a 100,000-row 台账 is far below it. */
const MAX_SHEET_XML_BYTES = 1024 * 1024 * 1024;

/** A file that cannot be read as a workbook: the message is for the person who uploaded it. */
export class UnreadableFile extends Error {}

export const UNREADABLE_MESSAGE = '无法读取该文件：请上传用 Excel 或 WPS 保存的 .xlsx 文件（.xls 请先另存为 .xlsx）';

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const ROW_TAG = Buffer.from('<row');

/** How many `<row` elements each worksheet part holds, by its number (sheet3.xml → 3). */
export async function countSheetRows(file: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  let inflated = 0;
  let failure: Error | undefined;
  const unzip = new Unzip((entry) => {
    const match = SHEET_PART.exec(entry.name);
    if (!match) return;
    const sheetNo = Number(match[1]);
    counts.set(sheetNo, 0);
    // The last bytes of a chunk, so a tag split across two chunks is still seen once.
    let carry = Buffer.alloc(0);
    entry.ondata = (error, chunk) => {
      if (error) {
        failure ??= error;
        return;
      }
      inflated += chunk.length;
      if (inflated > MAX_SHEET_XML_BYTES) {
        failure ??= new UnreadableFile('文件解压后超过 1 GB，不像是一份台账，请检查文件');
        return;
      }
      const data = Buffer.concat([carry, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)]);
      let found = 0;
      for (let at = data.indexOf(ROW_TAG); at !== -1; at = data.indexOf(ROW_TAG, at + ROW_TAG.length)) {
        // <row r="2"> or <row>, but not <rowBreaks>; a tag at the very end waits for the next chunk.
        const next = data[at + ROW_TAG.length];
        if (next === undefined) break;
        if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) {
          found += 1;
        }
      }
      counts.set(sheetNo, (counts.get(sheetNo) ?? 0) + found);
      const lastOpen = data.lastIndexOf(0x3c);
      carry = lastOpen !== -1 && data.length - lastOpen <= ROW_TAG.length ? data.subarray(lastOpen) : Buffer.alloc(0);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of createReadStream(file)) {
      unzip.push(chunk as Buffer);
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw failure instanceof UnreadableFile ? failure : new UnreadableFile(UNREADABLE_MESSAGE);
  if (counts.size === 0) throw new UnreadableFile(UNREADABLE_MESSAGE);
  return counts;
}

/**
 * Chunks of bytes → text, decoded by one streaming decoder, so a character whose bytes arrive in
 * two chunks is decoded whole.
 */
export async function* decodeUtf8(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

type WorkbookReaderInput = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[0];
type WorkbookReaderOptions = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1];

/** The parts of exceljs's streaming reader this module hooks into (not in its declarations). */
interface ReaderInternals {
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs 4.4.0's streaming reader decodes every chunk of a zip entry on its own
 * (lib/utils/parse-sax.js), so a Chinese character cut by a chunk boundary becomes "���"
 * (exceljs issues #2063, #2084; about one cell in 500 of a Chinese 台账). Its parser passes text
 * chunks through untouched, so the workbook, shared strings and each sheet are handed to it as
 * text decoded across chunk boundaries. Hooks the reader's own (undeclared) part parsers: the
 * version is pinned, and the 5,000-row import test fails if this stops working.
 */
function utf8SafeReader(input: WorkbookReaderInput, options: WorkbookReaderOptions) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options);
  const inner = reader as unknown as ReaderInternals;
  const parseWorkbook = inner._parseWorkbook.bind(reader);
  const parseSharedStrings = inner._parseSharedStrings.bind(reader);
  const parseWorksheet = inner._parseWorksheet.bind(reader);
  inner._parseWorkbook = (entry) => parseWorkbook(Readable.from(decodeUtf8(entry as AsyncIterable<Uint8Array>)));
  inner._parseSharedStrings = (entry) =>
    parseSharedStrings(Readable.from(decodeUtf8(entry as AsyncIterable<Uint8Array>)));
  inner._parseWorksheet = (iterator, sheetNo) => parseWorksheet(decodeUtf8(iterator), sheetNo);
  return reader;
}

export interface SheetRow {
  /** As Excel numbers it: 1 is the first row. */
  number: number;
  /** Cell values from column A on. */
  values: Raw[];
}

export interface DataSheet {
  name: string;
  /** Its part number (sheetN.xml), to find its row count; null when unknown. */
  sheetNo: number | null;
}

/**
 * The rows of the data sheet: the first worksheet that is not the template's 填写说明. Calls
 * onSheet once that sheet is known, before its first row. Stops reading (and closes the file)
 * when the caller stops iterating.
 */
export async function* readDataRows(file: string, onSheet: (sheet: DataSheet) => void): AsyncGenerator<SheetRow> {
  const input = createReadStream(file);
  const reader = utf8SafeReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell an Excel date from a plain number.
    styles: 'cache',
    hyperlinks: 'ignore',
    // The worksheet entry event carries the part number the reader itself then forgets.
    entries: 'emit',
  });
  let partNo: number | null = null;
  // The reader is an EventEmitter, which exceljs's declarations do not say.
  (reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type?: string; id?: string | number }) => {
    if (entry.type === 'worksheet') partNo = Number(entry.id);
  });
  let found = false;
  try {
    for await (const worksheet of reader) {
      const sheetNo = partNo;
      // Untyped in exceljs's declarations: the name from workbook.xml, when it came first.
      const name = String((worksheet as unknown as { name?: string }).name ?? '');
      if (name === INSTRUCTIONS_SHEET) {
        // A sheet's rows must be read through for the zip to move on; nothing is kept.
        for await (const _row of worksheet) {
          // drained
        }
        continue;
      }
      found = true;
      onSheet({ name, sheetNo });
      for await (const row of worksheet) {
        // row.values is 1-based (index 0 unused) and sparse.
        const values = (row.values as unknown[]).slice(1).map((value) => rawOf(value));
        yield { number: row.number, values };
      }
      // Only the first data sheet is read; the rest of the file is left unread.
      return;
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile(UNREADABLE_MESSAGE);
  } finally {
    input.destroy();
  }
  if (!found) throw new UnreadableFile('文件中没有可导入的工作表');
}
