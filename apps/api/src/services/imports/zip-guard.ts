// What an uploaded xlsx may look like before anything inflates it: its zip central directory is
// read and checked against caps a real 台账 never comes near (entry count, each entry's and the
// whole archive's inflated size, compression ratio, shared strings), names are plain relative
// paths, and every part that exceljs could take for a worksheet is at the canonical path that
// the row counter reads too (`worksheetPartNo`: the one rule of which parts are sheets). Declared
// sizes can lie, so `InflateBudget` counts the bytes actually inflated, entry by entry, against
// the same caps and against what the directory declared.
import { open } from 'node:fs/promises';

/**
 * The sheet of instructions in the template; any other first sheet holds the data. Declared here,
 * not in reader.ts, so the template writer does not load exceljs's reader with the API (ADR 030).
 */
export const INSTRUCTIONS_SHEET = '填写说明';

/** A file that cannot be read as a workbook: the message is for the person who uploaded it. */
export class UnreadableFile extends Error {}

export const UNREADABLE_MESSAGE = '无法读取该文件：请上传用 Excel 或 WPS 保存的 .xlsx 文件（.xls 请先另存为 .xlsx）';

/** Prefix of every refusal of a file that looks built to exhaust the server. */
export const ABNORMAL_PREFIX = '文件过大或结构异常，无法读取：';

const MB = 1024 * 1024;

/**
 * The caps. A 100,000-row 台账 of 7 columns written by exceljs is a 4 MB file whose sheet
 * inflates to 24 MB and shared strings to 10 MB, at most 17:1 (scripts/bench-import.ts).
 */
export const ZIP_LIMITS = {
  /** Parts in the archive; a workbook with many sheets and pictures has a few hundred. */
  maxEntries: 2000,
  /** Inflated size of one part. */
  maxEntryBytes: 256 * MB,
  /** Inflated size of all parts together. */
  maxTotalBytes: 384 * MB,
  /** xl/sharedStrings.xml, which the reader keeps in memory whole. */
  maxSharedStringsBytes: 96 * MB,
  /** Inflated:compressed ratio refused for parts over ratioFloorBytes (deflate itself stops near 1032:1). */
  maxRatio: 500,
  ratioFloorBytes: 1 * MB,
} as const;

export type ZipLimits = { readonly [K in keyof typeof ZIP_LIMITS]: number };

/** Worksheet parts as they must be named: xl/worksheets/sheet<N>.xml, N without leading zeros. */
export const WORKSHEET_PART = /^xl\/worksheets\/sheet([1-9]\d{0,5})\.xml$/;
const WORKSHEET_RELS_PART = /^xl\/worksheets\/_rels\/sheet[1-9]\d{0,5}\.xml\.rels$/;
export const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';

/**
 * The one rule of which zip entries are worksheets, used by the row counter and by the reader:
 * the sheet number of a canonical worksheet part, null for any other entry.
 */
export function worksheetPartNo(name: string): number | null {
  const match = WORKSHEET_PART.exec(name);
  return match ? Number(match[1]) : null;
}

/**
 * exceljs 4.4.0 takes any entry whose path *contains* xl/worksheets/sheet<digits>.xml for a
 * worksheet (and unzips it to a temp file when it comes before the shared strings), so anything
 * under a worksheets folder that is not exactly a canonical part (or its rels) is refused.
 */
export function isStrayWorksheet(name: string): boolean {
  if (WORKSHEET_PART.test(name) || WORKSHEET_RELS_PART.test(name)) return false;
  // A folder entry (xl/worksheets/) holds nothing (checkEntries refuses one that does).
  if (name.endsWith('/') && !/sheet\d+[.]xml/i.test(name)) return false;
  return /worksheets/i.test(name);
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const U32 = 0xffffffff;

const abnormal = (reason: string) => new UnreadableFile(`${ABNORMAL_PREFIX}${reason}`);
const incomplete = () => new UnreadableFile('无法读取该文件：文件不完整或已损坏，请用 Excel 或 WPS 重新保存后上传');

/** The central directory's entries, in the order of their data in the file. */
export async function readCentralDirectory(file: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipEntry[]> {
  const handle = await open(file, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    const read = async (position: number, length: number): Promise<Buffer> => {
      if (position < 0 || length < 0 || position + length > fileSize) throw incomplete();
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead !== length) throw incomplete();
      return buffer;
    };
    // The end record: 22 bytes plus a comment of at most 65,535.
    const tailLength = Math.min(fileSize, 22 + 0xffff);
    const tail = await read(fileSize - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
        at = i;
        break;
      }
    }
    if (at === -1) throw incomplete();
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || cdSize === U32 || cdOffset === U32) {
      // Zip64: the real figures are in the zip64 end record the locator points at.
      const eocdAt = fileSize - tailLength + at;
      const locator = await read(eocdAt - 20, 20);
      if (locator.readUInt32LE(0) !== EOCD64_LOCATOR) throw incomplete();
      const record = await read(Number(locator.readBigUInt64LE(8)), 56);
      if (record.readUInt32LE(0) !== EOCD64) throw incomplete();
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    if (count === 0) throw new UnreadableFile(UNREADABLE_MESSAGE);
    if (count > limits.maxEntries) throw abnormal(`压缩包内有 ${count} 个部件，超过上限 ${limits.maxEntries}`);
    const cd = await read(cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i += 1) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw incomplete();
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      let size = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const end = p + 46 + nameLength + extraLength + commentLength;
      if (end > cd.length) throw incomplete();
      // As the streaming pass decodes it (fflate): UTF-8 when flagged, else one byte per character.
      const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
      // Zip64 extra field: the 64-bit values of the fields set to 0xFFFFFFFF, in this order.
      for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
        const id = cd.readUInt16LE(x);
        const length = cd.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let y = x + 4;
          const next = () => {
            if (y + 8 > x + 4 + length) throw incomplete();
            const value = Number(cd.readBigUInt64LE(y));
            y += 8;
            return value;
          };
          if (size === U32) size = next();
          if (compressedSize === U32) compressedSize = next();
          if (localOffset === U32) localOffset = next();
        }
        x += 4 + length;
      }
      entries.push({ name, method, flags, compressedSize, size, localOffset });
      p = end;
    }
    return entries.sort((a, b) => a.localOffset - b.localOffset);
  } finally {
    await handle.close();
  }
}

/** Refuses a directory no real workbook has; answers nothing when the file may be read. */
export function checkEntries(entries: readonly ZipEntry[], limits: ZipLimits = ZIP_LIMITS): void {
  const names = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const { name } = entry;
    if (
      name.length === 0 ||
      name.startsWith('/') ||
      name.includes('\\') ||
      /^[a-z]:/i.test(name) ||
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in a name are the point
      /[\u0000-\u001f]/.test(name) ||
      name.split('/').some((segment) => segment === '..' || segment === '.')
    ) {
      throw abnormal('压缩包内有不安全的路径');
    }
    if (names.has(name)) throw abnormal(`压缩包内有重复的部件“${name.slice(0, 80)}”`);
    names.add(name);
    if (isStrayWorksheet(name)) throw abnormal(`工作表不在标准位置（“${name.slice(0, 80)}”）`);
    if (name.endsWith('/') && entry.size > 0) throw abnormal(`压缩包内的文件夹“${name.slice(0, 80)}”带有内容`);
    if (entry.flags & 0x1) throw abnormal('文件已加密，请取消密码保护后另存再上传');
    if (entry.method !== 0 && entry.method !== 8) throw abnormal('压缩方式不受支持，请用 Excel 或 WPS 另存后上传');
    if (entry.method === 0 && entry.size !== entry.compressedSize) throw incomplete();
    checkEntrySize(name, entry.size, limits);
    if (entry.size > limits.ratioFloorBytes && entry.size > entry.compressedSize * limits.maxRatio) {
      throw abnormal(`部件“${name.slice(0, 80)}”的压缩比异常（超过 ${limits.maxRatio}:1），不像是一份台账`);
    }
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      throw abnormal(`文件解压后超过 ${limits.maxTotalBytes / MB} MB，不像是一份台账，请拆分后分批导入`);
    }
  }
}

function checkEntrySize(name: string, size: number, limits: ZipLimits): void {
  if (name === SHARED_STRINGS_PART && size > limits.maxSharedStringsBytes) {
    throw abnormal(`共享字符串解压后超过 ${limits.maxSharedStringsBytes / MB} MB，请删除多余内容或拆分后分批导入`);
  }
  if (size > limits.maxEntryBytes) {
    throw abnormal(`部件“${name.slice(0, 80)}”解压后超过 ${limits.maxEntryBytes / MB} MB，请拆分后分批导入`);
  }
}

/** Reads and checks the central directory of an upload: the entries its data must match. */
export async function guardZip(file: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipEntry[]> {
  const entries = await readCentralDirectory(file, limits);
  checkEntries(entries, limits);
  return entries;
}

/**
 * Counts the bytes actually inflated while the archive is streamed: each entry must be the next
 * one the central directory lists, inflate to no more than it declared, and stay within the caps.
 */
export class InflateBudget {
  private index = -1;
  private entryBytes = 0;
  private totalBytes = 0;
  private current: ZipEntry | undefined;

  constructor(
    private readonly entries: readonly ZipEntry[],
    private readonly limits: ZipLimits = ZIP_LIMITS,
  ) {}

  /** A new entry begins in the stream. */
  begin(name: string): void {
    this.index += 1;
    this.current = this.entries[this.index];
    if (!this.current || this.current.name !== name) {
      throw abnormal('压缩包的目录与内容不一致');
    }
    this.entryBytes = 0;
  }

  /** Inflated bytes of the current entry. */
  add(length: number): void {
    const entry = this.current;
    if (!entry) throw abnormal('压缩包的目录与内容不一致');
    this.entryBytes += length;
    this.totalBytes += length;
    if (this.entryBytes > entry.size)
      throw abnormal(`部件“${entry.name.slice(0, 80)}”解压后比声明的大，文件可能被篡改`);
    checkEntrySize(entry.name, this.entryBytes, this.limits);
    if (this.totalBytes > this.limits.maxTotalBytes) {
      throw abnormal(`文件解压后超过 ${this.limits.maxTotalBytes / MB} MB，不像是一份台账，请拆分后分批导入`);
    }
  }

  /** The stream ended: every listed entry must have come. */
  finish(): void {
    if (this.index !== this.entries.length - 1) throw incomplete();
  }
}
