// Messages that must stay where a person can read them (issue 16 point 9): the sign-in page says
// why it is shown after a session ended, and whether the form being saved was kept; a refused
// import file is named beside the upload button, not in a toast that is gone before it is read.
import { expect, test } from '@playwright/test';
import { chooseOption, DEMO_PASSWORD, signInViaApi, uniqueTitle } from './fixtures.ts';

test('a session that ends while saving a form says on the sign-in page that the draft was kept', async ({
  page,
  context,
}) => {
  await signInViaApi(page, 'secretary');
  await page.goto('/publicity/new');
  await page.getByLabel('媒体名称').fill('区融媒体中心');
  await chooseOption(page, page.getByLabel('媒体级别'), '区级媒体');
  await page.getByLabel('报道标题').fill(uniqueTitle('重温入党誓词活动报道'));
  await context.clearCookies();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByTestId('session-ended')).toContainText('登录已过期，草稿已保存');
  // Still said after a reload, and in English.
  await page.reload();
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('session-ended')).toContainText('Your session has expired; your draft is saved');
  await page.getByTestId('lang-toggle').click();
  // Signing in again goes back to the form with the draft, and forgets the notice.
  await page.getByLabel('用户名').fill('secretary');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/publicity\/new/);
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await context.clearCookies();
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
});

test('a session that ends while reading asks to sign in again, and a first visit says nothing', async ({
  page,
  context,
}) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('session-ended')).toHaveCount(0);

  await signInViaApi(page, 'leader');
  await page.goto('/activities');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await context.clearCookies();
  await page.getByTestId('nav-sessions').click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByTestId('session-ended')).toContainText('登录已过期，请重新登录');
});

test('a refused import file is named next to the upload button with the reason, and stays', async ({ page }) => {
  await signInViaApi(page, 'admin');
  await page.goto('/imports');
  // Refused here: not an .xlsx.
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b') });
  const refusal = page.getByTestId('import-upload-error');
  await expect(refusal).toContainText('“台账.csv”未能上传');
  await expect(refusal).toContainText('请选择 .xlsx 格式的文件');
  // Refused by the server, in the catalogue's words: an empty workbook.
  await page.getByTestId('import-file').setInputFiles({
    name: '空白台账.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.alloc(0),
  });
  await expect(refusal).toContainText('“空白台账.xlsx”未能上传');
  await expect(refusal).toContainText('上传的文件是空的');
  // A toast would be gone by now.
  await page.waitForTimeout(4_000);
  await expect(refusal).toBeVisible();
});
