// 数据导入 by level (issue 17): the street's leader uploads ONE file of study sessions for two of
// its branches (one named by its full name, one by its code), sees each branch's share before
// confirming, imports, and finds both rows in the list under their branches; a row naming an org
// that does not exist is shown with its org beside the problem.
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

/** The little of exceljs used here (the API's dependency, not the browser tests': loaded from there). */
interface Workbook {
  addWorksheet(name: string): { addRow(values: (string | null)[]): unknown };
  xlsx: { writeBuffer(): Promise<ArrayBuffer> };
}
const ExcelJS = createRequire(path.resolve('apps/api/package.json'))('exceljs') as { Workbook: new () => Workbook };

const HEADER = ['学习时间*', '组织/支部', '学习类型*', '学习主题*'];

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('学习研讨');
  for (const row of [HEADER, ...rows]) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Today in Shanghai, so the imported rows are the newest in the list. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

async function upload(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
}

test('the street leader imports one file for two branches, sees each branch’s share, and finds both rows in the list', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInViaApi(page, 'leader');
  const east = uniqueTitle('东山村批量导入学习');
  const peace = uniqueTitle('和平社区批量导入学习');
  const day = shanghaiToday();

  await page.goto('/imports?kind=study-sessions');
  // The page says one file may cover the branches below, and what a blank org cell means.
  await expect(page.getByTestId('import-org-note')).toContainText('组织/支部');

  // First a file with a row naming an org that does not exist: the problem says whose row it is.
  await upload(
    page,
    '学习台账-有误.xlsx',
    await workbook([
      [`${day} 09:00`, '东山村党支部', '支部学习', east],
      [`${day} 10:00`, '不存在的党支部', '支部学习', peace],
    ]),
  );
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'INVALID', { timeout: 60_000 });
  const problem = page.getByTestId('import-problem');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('不存在的党支部');
  await expect(page.getByTestId('import-problems')).toContainText('组织/支部');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'import-by-level-problems-390');
  await page.setViewportSize({ width: 1440, height: 900 });

  // The corrected file: one branch by name, the other by code.
  await upload(
    page,
    '学习台账.xlsx',
    await workbook([
      [`${day} 09:00`, '东山村党支部', '支部学习', east],
      [`${day} 10:00`, 'CN-C01', '支部学习', peace],
    ]),
  );
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'VALID', { timeout: 60_000 });
  const orgs = page.getByTestId('import-org');
  await expect(orgs).toHaveCount(2);
  await expect(orgs.nth(0)).toContainText('东山村党支部');
  await expect(orgs.nth(1)).toContainText('和平社区党支部');
  await saveScreenshot(page, 'import-by-level-valid-1440');

  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-confirm-ok').click();
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'COMMITTED', { timeout: 60_000 });
  await expect(page.getByTestId('import-result')).toContainText('新增 2 条');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('import-orgs')).toBeVisible();
  await saveScreenshot(page, 'import-by-level-committed-390');

  // Both rows are in the street's list, each under its branch.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/study-sessions');
  const table = page.getByTestId('study-table');
  await expect(table.getByRole('row').filter({ hasText: east })).toContainText('东山村党支部');
  await expect(table.getByRole('row').filter({ hasText: peace })).toContainText('和平社区党支部');
});
