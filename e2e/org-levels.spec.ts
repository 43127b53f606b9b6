// Org levels (issue 17, ADR 035): the 区's admin adds a branch under a street, choosing the
// parent first and then a type that may sit under it, and moves it to the other street after a
// confirmation; a 区 reviewer's navigation offers reads only.
import { expect, test } from '@playwright/test';
import { chooseOption, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

test('the 区 admin adds a branch under 城北街道 and moves it to 城南街道 after confirming', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInViaApi(page, 'district-admin');
  await page.goto('/admin/orgs');
  await expect(page.locator('[data-testid=org-row][data-code=SF]')).toBeVisible();
  await expect(page.locator('[data-testid=org-row][data-code=CB]')).toBeVisible();
  await saveScreenshot(page, 'org-levels-admin-1440');

  const name = uniqueTitle('层级测试社区党支部');
  const code = `LV-${Date.now().toString(36).toUpperCase()}`;
  await page.getByTestId('org-new').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByLabel('代码').fill(code);
  await chooseOption(page, dialog.getByTestId('org-parent'), '城北街道党工委');
  // Under a 街道 the types are those a 街道 takes: no 区委, no 街道.
  await dialog.getByTestId('org-kind').click();
  await expect(page.locator('.ant-select-dropdown').getByTitle('党总支', { exact: true })).toBeVisible();
  await expect(page.locator('.ant-select-dropdown').getByTitle('区委/县委', { exact: true })).toHaveCount(0);
  await chooseOption(page, dialog.getByTestId('org-kind'), '社区党支部');
  await saveScreenshot(page, 'org-levels-create-1440');
  await page.getByTestId('org-form-submit').click();
  const row = page.locator(`[data-testid=org-row][data-code="${code}"]`);
  await expect(row).toBeVisible();

  await row.getByTestId('org-edit').click();
  const edit = page.getByRole('dialog');
  await chooseOption(page, edit.getByTestId('org-move-parent'), '城南街道党工委');
  await page.getByTestId('org-edit-form-submit').click();
  // The confirmation says what moves where; nothing moves before it is accepted.
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText(name);
  await expect(confirm).toContainText('城南街道党工委');
  await confirm.getByRole('button', { name: '确认调整' }).click();
  await expect(confirm).toHaveCount(0);

  const orgs = (await (await page.request.get('/api/orgs')).json()) as {
    items: { id: string; code: string; parentId: string | null }[];
  };
  const moved = orgs.items.find((o) => o.code === code);
  const cn = orgs.items.find((o) => o.code === 'CN');
  expect(moved?.parentId).toBe(cn?.id);
  await context.close();
});

test('the org admin page fits a phone, and a 区 reviewer is offered reads only', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInViaApi(page, 'district-admin');
  await page.goto('/admin/orgs');
  await expect(page.locator('[data-testid=org-row][data-code=CB]')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'org-levels-admin-390');
  await context.close();

  const reviewer = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const rp = await reviewer.newPage();
  await signInViaApi(rp, 'district-reviewer');
  const me = (await (await rp.request.get('/api/me')).json()) as { role: string; permissions: string[] };
  expect(me.role).toBe('REVIEWER');
  expect(me.permissions.filter((p) => p.endsWith(':write') || p.endsWith(':manage'))).toEqual([]);
  await rp.goto('/');
  await expect(rp).toHaveURL(/\/dashboard/);
  await expect(rp.getByText('督查考核').first()).toBeVisible();
  // No entry that adds a record.
  await expect(rp.locator('a[href="/activities/new"]')).toHaveCount(0);
  await expect(rp.locator('a[href="/study-sessions/new"]')).toHaveCount(0);
  await saveScreenshot(rp, 'org-levels-reviewer-1440');
  await reviewer.close();
});
