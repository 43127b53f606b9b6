// Issue 16.2 and 16.8 in the browser: an editor with unsaved changes asks before a link or Back
// leaves it, staying keeps the edit, leaving and coming back restores it; a summary is saved as
// versions of one document, 定稿 locks a version, a new version is made from it, a draft deleted.
import { expect, type Page, test } from '@playwright/test';
import { saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

/**
 * Opens 工作总结 from the phone's navigation drawer: an in-app link, as a person would. The drawer
 * keeps its group open from the last time and animates in, so each step is retried until the
 * page is there.
 */
async function openSummaryFromDrawer(page: Page) {
  const menuButton = page.getByRole('button', { name: '打开导航菜单' });
  // Only an open drawer is a dialog to role queries.
  const drawer = page.getByRole('dialog').filter({ has: page.getByText('责任落实', { exact: true }) });
  const group = drawer.getByText('责任落实', { exact: true });
  const link = drawer.getByRole('link', { name: '工作总结', exact: true });
  await expect(async () => {
    if (/\/reports\/summary/.test(page.url())) return;
    if ((await drawer.count()) === 0) await menuButton.click();
    await expect(group).toBeVisible({ timeout: 2_000 });
    if (!(await link.isVisible())) await group.click();
    await link.click({ timeout: 2_000 });
    await expect(page).toHaveURL(/\/reports\/summary/, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

async function editFirstParagraph(page: Page, text: string) {
  await page.getByTestId('edit-paragraph').first().click();
  await page.getByTestId('paragraph-editor').fill(text);
  await page.getByTestId('edit-ok').click();
  await expect(page.getByTestId('summary-document')).toContainText(text);
}

const leaveDialog = (page: Page) => page.locator('.ant-modal-confirm').filter({ hasText: '离开这个页面？' });

test('an edited summary asks before a link or Back leaves; staying keeps the edit, coming back restores it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInViaApi(page, 'leader');
  await page.goto('/dashboard');
  await openSummaryFromDrawer(page);

  await page.getByTestId('generate-summary').click();
  await expect(page.getByTestId('summary-document')).toBeVisible();
  const edit = `${uniqueTitle('改过的开头')}。`;
  await editFirstParagraph(page, edit);
  await expect(page.getByTestId('draft-dirty')).toBeVisible();

  // A link inside the page asks; staying keeps the page and the edit.
  await page.getByTestId('summary-figure').first().click();
  await expect(leaveDialog(page)).toBeVisible();
  await saveScreenshot(page, 'summary-leave-guard-390');
  await page.getByTestId('leave-stay').click();
  await expect(leaveDialog(page)).toBeHidden();
  await expect(page).toHaveURL(/\/reports\/summary/);
  await expect(page.getByTestId('summary-document')).toContainText(edit);

  // Back asks too; staying keeps the edit.
  await page.evaluate(() => history.back());
  await expect(leaveDialog(page)).toBeVisible();
  await page.getByTestId('leave-stay').click();
  await expect(leaveDialog(page)).toBeHidden();
  await expect(page).toHaveURL(/\/reports\/summary/);
  await expect(page.getByTestId('summary-document')).toContainText(edit);

  // Back and leave: the dashboard; coming back to the summary restores the edit.
  await page.evaluate(() => history.back());
  await expect(leaveDialog(page)).toBeVisible();
  await page.getByTestId('leave-ok').click();
  await expect(page).toHaveURL(/\/dashboard/);
  await openSummaryFromDrawer(page);
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('summary-document')).toContainText(edit);
  await expect(page.getByTestId('draft-dirty')).toBeVisible();

  // Discarding the restored edit lets the page go without asking.
  await page.getByTestId('discard-restored').click();
  await expect(page.getByTestId('summary-empty')).toBeVisible();
  await page.evaluate(() => history.back());
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(leaveDialog(page)).toHaveCount(0);
});

test('a record form with typed values asks before Back or a link leaves; leaving keeps its draft', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInViaApi(page, 'secretary');
  await page.goto('/activities');
  await page.getByRole('button', { name: '新增活动' }).first().click();
  await expect(page).toHaveURL(/\/activities\/new/);
  const title = uniqueTitle('未保存的活动');
  await page.getByPlaceholder('如：11月主题党日——学习全会精神').fill(title);

  await page.evaluate(() => history.back());
  await expect(leaveDialog(page)).toBeVisible();
  await page.getByTestId('leave-stay').click();
  await expect(leaveDialog(page)).toBeHidden();
  await expect(page).toHaveURL(/\/activities\/new/);
  await expect(page.getByPlaceholder('如：11月主题党日——学习全会精神')).toHaveValue(title);

  await page.getByRole('link', { name: '看板', exact: true }).click();
  await expect(leaveDialog(page)).toBeVisible();
  await page.getByTestId('leave-ok').click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.evaluate(() => history.back());
  await expect(page).toHaveURL(/\/activities\/new/);
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByPlaceholder('如：11月主题党日——学习全会精神')).toHaveValue(title);
});

test('a summary is saved as versions: 定稿 locks version 1, version 2 is made from it, a draft is deleted', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInViaApi(page, 'leader');
  await page.goto('/reports/summary?period=2025-H2');
  await page.getByTestId('generate-summary').click();
  await expect(page.getByTestId('summary-document')).toBeVisible();

  await page.getByTestId('save-summary').click();
  const versions = page.getByTestId('saved-summary');
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText('第 1 版');
  await expect(versions.first().getByTestId('version-state')).toHaveText('草稿');

  // The 成文日期 is picked on a calendar and shown in words; saving keeps version 1.
  await page.getByTestId('edit-sign-off').click();
  await page.getByTestId('sign-off-date').click();
  await page.locator('.ant-picker-dropdown .ant-picker-cell-in-view[title$="-15"]').click();
  await page.getByTestId('sign-off-ok').click();
  await expect(page.getByTestId('sign-off-date-text')).toContainText('15日');
  await page.getByTestId('save-summary').click();
  await expect(page.getByTestId('draft-dirty')).toBeHidden();
  await expect(versions).toHaveCount(1);

  // 定稿: locked, no edit, no delete.
  await page.getByTestId('finalize-summary').click();
  await page.getByTestId('finalize-ok').click();
  await expect(page.getByTestId('final-read-only')).toBeVisible();
  await expect(versions.first().getByTestId('version-state')).toHaveText('定稿');
  await expect(page.getByTestId('edit-paragraph')).toHaveCount(0);
  await expect(page.getByTestId('save-summary')).toHaveCount(0);
  await expect(page.getByTestId('delete-saved')).toHaveCount(0);
  await saveScreenshot(page, 'summary-final-1440');

  // A new version from the final one, edited and saved: version 2, a draft, under the one title.
  await page.getByTestId('new-version').click();
  const edit = `${uniqueTitle('第二版的开头')}。`;
  await editFirstParagraph(page, edit);
  await page.getByTestId('save-summary').click();
  await expect(page.getByTestId('draft-status')).toContainText('第 2 版');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('第 2 版');
  await expect(versions.nth(0).getByTestId('version-state')).toHaveText('草稿');
  await expect(versions.nth(1).getByTestId('version-state')).toHaveText('定稿');
  await expect(page.getByTestId('saved-document-title')).toHaveCount(1);
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'summary-versions-390');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Delete the draft, after confirming; the final version stays.
  await versions.nth(0).getByTestId('delete-saved').click();
  await page.getByTestId('delete-ok').click();
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText('第 1 版');
  await expect(page.getByTestId('summary-empty')).toBeVisible();
});
