// Hostile xlsx files, made on the fly (nothing binary is committed): a small zip writer that can
// state any sizes in its headers, streams of repeated XML deflated without holding them, and the
// bombs the upload tests and `scripts/upload-bombs.ts` send. Each bomb is a real workbook (its
// sheet is a valid 主题活动 file) plus one hostile part, so only the hostile part can fail it.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';

export interface ZipPart {
  name: string;
  /** Deflated bytes. */
  deflated: Buffer;
  crc: number;
  /** Real inflated size. */
  size: number;
  /** What the headers claim (default: the real size). */
  declaredSize?: number;
}

export function part(name: string, data: Buffer | string): ZipPart {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return { name, deflated: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

/** A part whose inflated content is head + chunk(i) for i < times + tail, deflated as a stream. */
export async function streamedPart(
  name: string,
  head: string,
  chunk: (i: number) => Buffer | string,
  times: number,
  tail: string,
): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (data: Buffer) => out.push(data));
  const ended = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (data: Buffer | string) => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(head);
  for (let i = 0; i < times; i += 1) await write(chunk(i));
  await write(tail);
  deflate.end();
  await ended;
  return { name, deflated: Buffer.concat(out), crc, size };
}

/** A zip of the parts, in order, whose local and central headers state `declaredSize`. */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export const ACTIVITY_HEADER = ['活动时间*', '组织/支部*', '活动类别*', '活动名称*', '参加人数*', '地点', '活动内容'];

/** A valid 主题活动 workbook (written by exceljs, shared strings on) of `rows` rows for org `org`. */
export async function activityWorkbook(rows: number, org = 'S-A', prefix = '炸弹测试'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow(ACTIVITY_HEADER);
  for (let i = 0; i < rows; i += 1) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    sheet.addRow([
      `2024-${month}-${day} ${String(i % 24).padStart(2, '0')}:00`,
      org,
      '其他',
      `${prefix}${i}`,
      5,
      null,
      null,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The parts of a workbook, re-deflated, in the order given by `first` then the rest. */
function partsOf(workbook: Buffer): ZipPart[] {
  return Object.entries(unzipSync(new Uint8Array(workbook))).map(([name, data]) => part(name, Buffer.from(data)));
}

const MB = 1024 * 1024;
const SST_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/**
 * xl/sharedStrings.xml holding `count` strings of 1 MB (the reported attack: thousands of them).
 * `lie`: the headers claim a tenth of a megabyte, so only counting inflated bytes can stop it.
 */
export async function sharedStringsBomb(count = 300, lie = false): Promise<Buffer> {
  const base = partsOf(await activityWorkbook(1));
  const big = Buffer.concat([Buffer.from('<si><t>'), Buffer.alloc(MB, 'a'), Buffer.from('</t></si>')]);
  const sst = await streamedPart('xl/sharedStrings.xml', SST_HEAD, () => big, count, '</sst>');
  if (lie) sst.declaredSize = Math.floor(MB / 10);
  // Before the sheet, as Excel writes it: the reader caches every string before any row.
  return zipOf([
    ...base.filter((p) => p.name !== 'xl/sharedStrings.xml' && !p.name.startsWith('xl/worksheets/')),
    sst,
    ...base.filter((p) => p.name.startsWith('xl/worksheets/')),
  ]);
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  `<row r="1">${ACTIVITY_HEADER.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;

/** Rows of one 100 KB inline cell each, `megabytes` MB of sheet XML in all. */
function bigRows(megabytes: number) {
  const filler = 'x'.repeat(100 * 1024);
  return {
    times: megabytes * 10,
    chunk: (i: number) => `<row r="${i + 2}"><c r="D${i + 2}" t="inlineStr"><is><t>${filler}</t></is></c></row>`,
  };
}

/**
 * The data sheet itself inflates to `megabytes` MB, and comes first in the zip (so exceljs unzips
 * it to a temp file while it waits for the shared strings). `lie`: the headers claim 1 MB.
 */
export async function worksheetBomb(megabytes = 400, lie = false): Promise<Buffer> {
  const base = partsOf(await activityWorkbook(1));
  const rows = bigRows(megabytes);
  const sheet = await streamedPart(
    'xl/worksheets/sheet1.xml',
    SHEET_HEAD,
    rows.chunk,
    rows.times,
    '</sheetData></worksheet>',
  );
  if (lie) sheet.declaredSize = MB;
  return zipOf([sheet, ...base.filter((p) => p.name !== 'xl/worksheets/sheet1.xml')]);
}

/**
 * A valid workbook plus a big worksheet at a nested path (x/xl/worksheets/sheet9.xml), first in
 * the zip: a counter matching names exactly skips it, exceljs (substring match) unzips it.
 */
export async function nestedSheetBomb(megabytes = 200): Promise<Buffer> {
  const base = partsOf(await activityWorkbook(2));
  const rows = bigRows(megabytes);
  const nested = await streamedPart(
    'x/xl/worksheets/sheet9.xml',
    SHEET_HEAD,
    rows.chunk,
    rows.times,
    '</sheetData></worksheet>',
  );
  return zipOf([nested, ...base]);
}

/** A valid workbook plus a part whose headers claim 10,000 times its compressed size. */
export async function ratioBomb(ratio = 10_000): Promise<Buffer> {
  const base = partsOf(await activityWorkbook(2));
  const zeros = await streamedPart('xl/media/image1.png', '', () => Buffer.alloc(MB), 20, '');
  zeros.declaredSize = zeros.deflated.length * ratio;
  return zipOf([...base, zeros]);
}

/** A valid workbook cut in half: no central directory, the last parts missing. */
export async function truncatedZip(): Promise<Buffer> {
  const whole = await activityWorkbook(2000);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** Not a zip at all, sent as an .xlsx. */
export function notAZip(): Buffer {
  return Buffer.from('<html><body><table><tr><td>活动时间</td></tr></table></body></html>\n'.repeat(200));
}
