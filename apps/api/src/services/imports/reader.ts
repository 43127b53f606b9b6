// Reads an uploaded xlsx without loading it whole: a quick pass counts each sheet's rows (for the
// progress bar and the row limit, and to refuse a zip that inflates to far more than a real
// workbook), then exceljs's streaming reader hands over the data sheet's rows one by one.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { type Raw, rawOf } from './cells.ts';
import {
  ABNORMAL_PREFIX,
  INSTRUCTIONS_SHEET,
  type InflateBudget,
  UNREADABLE_MESSAGE,
  UnreadableFile,
  worksheetPartNo,
} from './zip-guard.ts';

export { INSTRUCTIONS_SHEET, UNREADABLE_MESSAGE, UnreadableFile } from './zip-guard.ts';

const ROW_TAG = Buffer.from('<row');

/**
 * Streams the whole archive once: every entry is inflated (and counted against `budget`, which
 * also checks it is the entry the central directory lists next), and the `<row` elements of each
 * worksheet part are counted, by its number (sheet3.xml → 3). Nothing inflated is kept.
 */
export async function countSheetRows(file: string, budget: InflateBudget): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  let failure: Error | undefined;
  const unzip = new Unzip((entry) => {
    if (failure) return;
    try {
      budget.begin(entry.name);
    } catch (error) {
      failure = error as Error;
      return;
    }
    const sheetNo = worksheetPartNo(entry.name);
    if (sheetNo !== null) counts.set(sheetNo, 0);
    // The last bytes of a chunk, so a tag split across two chunks is still seen once.
    let carry = Buffer.alloc(0);
    entry.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = error;
        return;
      }
      try {
        budget.add(chunk.length);
      } catch (refused) {
        failure = refused as Error;
        entry.terminate();
        return;
      }
      if (sheetNo === null) return;
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
    // Small chunks: fflate inflates a pushed chunk in one go, so a chunk is the most one step
    // can inflate before the budget sees it (deflate stops near 1032:1).
    for await (const chunk of createReadStream(file, { highWaterMark: 16 * 1024 })) {
      unzip.push(chunk as Buffer);
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
    if (!failure) budget.finish();
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

/** Excel's own limits: 16,384 columns, 32,767 characters in a cell. */
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_CHARS = 32_767;

/** A cell longer than Excel allows is cut just past the limit, so the length rules still refuse it. */
function boundedCell(value: Raw): Raw {
  return typeof value === 'string' && value.length > MAX_CELL_CHARS + 1 ? value.slice(0, MAX_CELL_CHARS + 1) : value;
}

/**
 * How many times a file is read before its failure is believed. exceljs 4.4.0's streaming reader
 * (its zip walk, lib/utils/iterate-stream.js over unzipper) now and then ends before the archive's
 * last entry: about one read in a hundred of our own template, whose xl/workbook.xml exceljs
 * writes last, then fails on the workbook it never saw ("reading 'sheets'"). The same bytes read
 * again are read whole. A read is retried only when it failed inside exceljs before its first row
 * (nothing has been handed over), so no row is ever given twice.
 */
export const READ_ATTEMPTS = 3;

/**
 * The rows of the data sheet: the first worksheet that is not the template's 填写说明. Calls
 * onSheet once that sheet is known, before its first row. Stops reading (and closes the file)
 * when the caller stops iterating.
 */
export async function* readDataRows(
  file: string,
  onSheet: (sheet: DataSheet) => void,
  /** The worksheet parts the row counter found (`worksheetPartNo`): exceljs must read no other. */
  sheets?: ReadonlySet<number>,
): AsyncGenerator<SheetRow> {
  for (let attempt = 1; ; attempt++) {
    const read = { started: false };
    try {
      yield* readDataRowsOnce(file, onSheet, sheets, read);
      return;
    } catch (error) {
      if (error instanceof UnreadableFile || read.started || attempt >= READ_ATTEMPTS) {
        throw error instanceof UnreadableFile ? error : new UnreadableFile(UNREADABLE_MESSAGE);
      }
    }
  }
}

/** One read of the file; `read.started` turns true once the data sheet is found. */
async function* readDataRowsOnce(
  file: string,
  onSheet: (sheet: DataSheet) => void,
  sheets: ReadonlySet<number> | undefined,
  read: { started: boolean },
): AsyncGenerator<SheetRow> {
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
  try {
    for await (const worksheet of reader) {
      const sheetNo = partNo;
      if (sheets && (sheetNo === null || !sheets.has(sheetNo))) {
        throw new UnreadableFile(`${ABNORMAL_PREFIX}工作表不在标准位置`);
      }
      // Untyped in exceljs's declarations: the name from workbook.xml, when it came first.
      const name = String((worksheet as unknown as { name?: string }).name ?? '');
      if (name === INSTRUCTIONS_SHEET) {
        // A sheet's rows must be read through for the zip to move on; nothing is kept.
        for await (const _row of worksheet) {
          // drained
        }
        continue;
      }
      read.started = true;
      onSheet({ name, sheetNo });
      for await (const row of worksheet) {
        // row.values is 1-based (index 0 unused) and sparse.
        const values = (row.values as unknown[]).slice(1, MAX_COLUMNS + 1).map((value) => boundedCell(rawOf(value)));
        yield { number: row.number, values };
      }
      // Only the first data sheet is read; the rest of the file is left unread.
      return;
    }
  } finally {
    input.destroy();
  }
  throw new UnreadableFile('文件中没有可导入的工作表');
}
