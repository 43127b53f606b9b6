import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkEntries,
  guardZip,
  InflateBudget,
  isStrayWorksheet,
  readCentralDirectory,
  worksheetPartNo,
  ZIP_LIMITS,
  type ZipEntry,
} from './zip-guard.ts';

const MB = 1024 * 1024;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zip-guard-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const entry = (name: string, size = 100, compressedSize = 50): ZipEntry => ({
  name,
  size,
  compressedSize,
  method: 8,
  flags: 0,
  localOffset: 0,
});

async function fileOf(bytes: Uint8Array, name = 'f.xlsx'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe('worksheetPartNo: the one rule of which parts are sheets', () => {
  it('takes only canonical worksheet parts', () => {
    expect(worksheetPartNo('xl/worksheets/sheet1.xml')).toBe(1);
    expect(worksheetPartNo('xl/worksheets/sheet12.xml')).toBe(12);
    for (const name of [
      'x/xl/worksheets/sheet9.xml',
      'xl/worksheets/sheet01.xml',
      'xl/worksheets/sheet1.xml.bak',
      'XL/worksheets/sheet1.xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/chartsheets/sheet1.xml',
    ]) {
      expect(worksheetPartNo(name), name).toBeNull();
    }
  });

  it('calls stray every other part exceljs could take for a worksheet, and nothing a real workbook has', () => {
    for (const name of [
      'x/xl/worksheets/sheet9.xml',
      'xl/worksheets/sheet01.xml',
      'xl/worksheets/sheet1.xml.bak',
      'xl/worksheets/sheet1.xml/',
      'a/xl/worksheets/sheet2.xml/b',
      'XL/Worksheets/Sheet1.xml',
    ]) {
      expect(isStrayWorksheet(name), name).toBe(true);
    }
    for (const name of [
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/worksheets/',
      'xl/chartsheets/sheet1.xml',
      'xl/sharedStrings.xml',
      'docProps/app.xml',
    ]) {
      expect(isStrayWorksheet(name), name).toBe(false);
    }
  });
});

describe('checkEntries', () => {
  const ok = [entry('[Content_Types].xml'), entry('xl/workbook.xml'), entry('xl/worksheets/sheet1.xml')];

  it('lets a real workbook through, the 100,000-row one included', () => {
    expect(() => checkEntries(ok)).not.toThrow();
    // scripts/bench-import.ts: sheet 24 MB at 6.6:1, shared strings 10 MB at 16.7:1.
    expect(() =>
      checkEntries([
        entry('xl/worksheets/sheet1.xml', 23_854_866, 3_605_226),
        entry('xl/sharedStrings.xml', 10_389_797, 623_099),
      ]),
    ).not.toThrow();
  });

  it.each([
    ['../evil.xml', '不安全的路径'],
    ['/etc/passwd', '不安全的路径'],
    ['xl\\worksheets\\sheet1.xml', '不安全的路径'],
    ['C:/x.xml', '不安全的路径'],
    ['xl/./workbook.xml', '不安全的路径'],
    ['x/xl/worksheets/sheet9.xml', '工作表不在标准位置'],
  ])('refuses the name %s', (name, reason) => {
    expect(() => checkEntries([...ok, entry(name)])).toThrow(reason);
  });

  it('refuses duplicates, encryption, unknown methods and folders with content', () => {
    expect(() => checkEntries([...ok, entry('xl/workbook.xml')])).toThrow('重复');
    expect(() => checkEntries([...ok, { ...entry('a.xml'), flags: 1 }])).toThrow('加密');
    expect(() => checkEntries([...ok, { ...entry('a.xml'), method: 12 }])).toThrow('压缩方式');
    expect(() => checkEntries([...ok, entry('xl/media/', 10)])).toThrow('文件夹');
  });

  it('refuses sizes over the caps, and a 10,000:1 ratio', () => {
    expect(() => checkEntries([entry('xl/worksheets/sheet1.xml', ZIP_LIMITS.maxEntryBytes + 1, 30 * MB)])).toThrow(
      '解压后超过 256 MB',
    );
    expect(() => checkEntries([entry('xl/sharedStrings.xml', ZIP_LIMITS.maxSharedStringsBytes + 1, 30 * MB)])).toThrow(
      '共享字符串',
    );
    const parts = [1, 2].map((i) => entry(`xl/media/image${i}.png`, 200 * MB, 100 * MB));
    expect(() => checkEntries(parts)).toThrow('解压后超过 384 MB');
    expect(() => checkEntries([entry('xl/media/image1.png', 200 * MB, 20_000)])).toThrow('压缩比异常');
    expect(() => checkEntries([entry('xl/media/image1.png', 2 * MB, 0)])).toThrow('压缩比异常');
    // Small parts may compress as they like.
    expect(() => checkEntries([entry('xl/styles.xml', 500_000, 100)])).not.toThrow();
    expect(() => checkEntries(Array.from({ length: ZIP_LIMITS.maxEntries }, (_, i) => entry(`p${i}`)))).not.toThrow();
  });
});

describe('readCentralDirectory', () => {
  it('reads a zip written by fflate, in file order', async () => {
    const file = await fileOf(
      zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8('x'.repeat(5000)) }),
    );
    const entries = await guardZip(file);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['xl/workbook.xml', 11],
      ['xl/worksheets/sheet1.xml', 5000],
    ]);
  });

  it('refuses a truncated zip, a non-zip, and too many entries', async () => {
    const whole = zipSync({ 'a.xml': strToU8('a'.repeat(10_000)), 'b.xml': strToU8('b') });
    await expect(readCentralDirectory(await fileOf(whole.subarray(0, whole.length - 30), 't.xlsx'))).rejects.toThrow(
      '不完整',
    );
    await expect(readCentralDirectory(await fileOf(strToU8('<html></html>'), 'h.xlsx'))).rejects.toThrow('不完整');
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`p${i}.xml`, strToU8('x')]));
    await expect(
      readCentralDirectory(await fileOf(zipSync(many), 'm.xlsx'), { ...ZIP_LIMITS, maxEntries: 20 }),
    ).rejects.toThrow('超过上限 20');
  });
});

describe('InflateBudget', () => {
  it('counts what really inflates: more than declared, over a cap, or entries out of order are refused', () => {
    const entries = [entry('a.xml', 1000), entry('xl/sharedStrings.xml', 50 * MB, 10 * MB)];
    const budget = new InflateBudget(entries, { ...ZIP_LIMITS, maxSharedStringsBytes: 40 * MB });
    budget.begin('a.xml');
    budget.add(1000);
    expect(() => budget.add(1)).toThrow('比声明的大');
    budget.begin('xl/sharedStrings.xml');
    budget.add(40 * MB);
    expect(() => budget.add(1)).toThrow('共享字符串');

    const order = new InflateBudget(entries);
    expect(() => order.begin('xl/sharedStrings.xml')).toThrow('目录与内容不一致');
    const extra = new InflateBudget([entry('a.xml')]);
    extra.begin('a.xml');
    expect(() => extra.begin('hidden.xml')).toThrow('目录与内容不一致');
    const short = new InflateBudget(entries);
    short.begin('a.xml');
    expect(() => short.finish()).toThrow('不完整');
  });
});
