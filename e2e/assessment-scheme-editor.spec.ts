// The 考核细则 editor in real Chromium on the demo seed (issue 18 part B, ADR 043): the 区 leader
// goes from /assessments to the schemes, creates a draft from the starter rules, changes an item's
// required number, sees the 减负 warning when the item's evidence asks for uploaded photos, saves,
// exports the scheme as xlsx and imports that file back as a new draft with an equal tree. axe on
// the editor; pictures at 1440 and 390.
import AxeBuilder from '@axe-core/playwright';
import type { Scheme } from '@dutyboard/contracts/assessments';
import { expect, type Page, test } from '@playwright/test';
import { saveScreenshot, signInViaApi } from './fixtures.ts';

async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking).toEqual([]);
}

async function schemeOf(page: Page, id: string): Promise<Scheme> {
  const res = await page.request.get(`/api/assessment-schemes/${id}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as Scheme;
}

const idOf = (url: string) => /\/assessments\/schemes\/([0-9a-f-]{36})/.exec(url)?.[1] ?? '';
const treeOf = (s: Scheme) => s.categories.map((c) => ({ title: c.title, items: c.items }));

test('the 区 leader makes a 细则 from the starter, edits it, exports it and imports it back', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signInViaApi(page, 'district-leader');

  await page.goto('/assessments');
  await page.getByTestId('to-schemes').click();
  await expect(page).toHaveURL(/\/assessments\/schemes$/);
  await page.getByTestId('scheme-starter').click();
  await expect(page).toHaveURL(/\/assessments\/schemes\/[0-9a-f-]{36}$/);
  const id = idOf(page.url());
  await expect(page.getByTestId('scheme-sum')).toContainText('100');

  // The first counted item (理论学习's 中心组学习): its required number, then words that count uploads.
  const item = page
    .getByTestId('scheme-item')
    .filter({ has: page.getByLabel('要求次数') })
    .first();
  await item.getByLabel('要求次数').fill('5');
  await expect(item.getByTestId('scheme-warning')).toHaveCount(0);
  await item.getByLabel('佐证材料').fill('每次学习上传现场照片');
  await expect(item.getByTestId('scheme-warning')).toBeVisible();
  await expect(item.getByTestId('scheme-warning')).toContainText('照片');
  await expectAccessible(page);
  await saveScreenshot(page, 'scheme-editor-1440');

  await page.getByTestId('scheme-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  const saved = await schemeOf(page, id);
  const counted = saved.categories.flatMap((c) => c.items).find((i) => i.rule.type === 'COUNT');
  expect(counted?.rule).toMatchObject({ required: 5 });
  expect(saved.warnings).toHaveLength(1);

  // Export, then import the same file as a new draft: an equal tree.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('scheme-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  await page.getByTestId('scheme-import').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('scheme-import-file').setInputFiles(file);
  await dialog.getByRole('button', { name: '导入 Excel' }).click();
  await expect(page).not.toHaveURL(new RegExp(id));
  await expect(page).toHaveURL(/\/assessments\/schemes\/[0-9a-f-]{36}$/);
  const imported = await schemeOf(page, idOf(page.url()));
  expect(imported.state).toBe('DRAFT');
  expect(treeOf(imported)).toEqual(treeOf(saved));
  // The 减负 warning comes along, as a row warning of the import and beside the item.
  await expect(page.getByTestId('scheme-import-warnings')).toContainText('照片');
  await expect(page.getByTestId('scheme-warning')).toHaveCount(1);
  await expectAccessible(page);

  // Someone else saves first: the save answers 412, the page says so and keeps the edit.
  const importedId = idOf(page.url());
  const required = page.getByLabel('要求次数').first();
  await required.fill('7');
  const other = await page.request.patch(`/api/assessment-schemes/${importedId}`, {
    data: { name: `${imported.name}（他人修改）` },
    headers: { 'If-Match': `"${imported.version}"` },
  });
  expect(other.ok()).toBe(true);
  await page.getByTestId('scheme-save').click();
  await expect(page.getByTestId('scheme-stale')).toBeVisible();
  await expect(required).toHaveValue('7');
  await saveScreenshot(page, 'scheme-editor-stale-1440');
  await page.getByRole('button', { name: '载入最新版本（放弃我的修改）' }).click();
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue(/他人修改/);

  // The phone width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/assessments/schemes/${id}`);
  await expect(page.getByTestId('scheme-item').first()).toBeVisible();
  await saveScreenshot(page, 'scheme-editor-390');
  await page.goto('/assessments/schemes');
  await expect(page.getByTestId('schemes')).toBeVisible();
  await saveScreenshot(page, 'schemes-390');
  await page.setViewportSize({ width: 1440, height: 900 });
  await saveScreenshot(page, 'schemes-1440');
  await context.close();
});

test('a reviewer of the 区 reads a 细则 without editing it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInViaApi(page, 'district-reviewer');
  await page.goto('/assessments/schemes');
  await expect(page.getByTestId('scheme-starter')).toHaveCount(0);
  const first = page.getByTestId('schemes').getByRole('link').first();
  await first.click();
  await expect(page.getByTestId('scheme-read-only')).toBeVisible();
  await expect(page.getByTestId('scheme-save')).toHaveCount(0);
  await expect(page.getByLabel('考核内容').first()).toBeDisabled();
  await expectAccessible(page);
  await context.close();
});
