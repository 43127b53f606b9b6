import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { READ_ATTEMPTS, readDataRows, type SheetRow, UnreadableFile } from './reader.ts';
import { writeTemplate } from './template.ts';

const dir = mkdtempSync(join(tmpdir(), 'reader-test-'));
const file = join(dir, 'template.xlsx');

async function readAll(path: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readDataRows(path, () => {})) rows.push(row);
  return rows;
}

beforeAll(async () => {
  // exceljs writes xl/workbook.xml as the archive's last entry: the shape its reader trips on.
  writeFileSync(
    file,
    await writeTemplate('activities', { orgChoices: ['测试街道党工委', '甲村党支部', '乙村党支部'] }),
  );
});
// A read stopped at once still opens its file a moment later: let those opens land first.
afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  rmSync(dir, { recursive: true, force: true });
});

describe('reading a workbook whose reader fails now and then', () => {
  it('reads our own template the same way every time (exceljs ends its zip walk early about 1 read in 100)', async () => {
    const first = await readAll(file);
    expect(first.map((r) => r.number)).toEqual([1]);
    for (let i = 0; i < 120; i++) expect(await readAll(file), `read ${i + 1}`).toEqual(first);
  });

  it('retries a read that failed inside exceljs before its first row, and gives each row once', async () => {
    const parse = ExcelJS.stream.xlsx.WorkbookReader.prototype.parse;
    let calls = 0;
    const spy = vi.spyOn(ExcelJS.stream.xlsx.WorkbookReader.prototype, 'parse').mockImplementation(function (
      this: unknown,
      ...args: Parameters<typeof parse>
    ) {
      calls++;
      if (calls === 1) throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
      return parse.apply(this, args);
    });
    try {
      expect((await readAll(file)).map((r) => r.number)).toEqual([1]);
      expect(calls).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  it(`believes a failure that repeats ${READ_ATTEMPTS} times, with the message a user reads`, async () => {
    const spy = vi.spyOn(ExcelJS.stream.xlsx.WorkbookReader.prototype, 'parse').mockImplementation(() => {
      throw new TypeError('broken');
    });
    try {
      const failure = await readAll(file).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(UnreadableFile);
      expect(spy).toHaveBeenCalledTimes(READ_ATTEMPTS);
    } finally {
      spy.mockRestore();
    }
  });
});
