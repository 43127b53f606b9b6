// 党工委 meetings (ADR 046): a leader records a 专题研究 on a phone with one 议定事项; the meeting
// page shows the decision's task and its state, and the task appears in 责任清单. Axe-clean, and
// screenshots at 390 and 1440 px.
import { expect, test } from '@playwright/test';
import { expectAccessible, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

test('a 专题研究 meeting with one 议定事项 becomes a task on the responsibility list', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInViaApi(page, 'leader');
  const decision = uniqueTitle('落实意识形态工作方案');

  await page.goto('/committee-meetings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('党工委专题研究与分析研判');
  // The demo's three meetings of the half year are listed.
  await expect(page.getByTestId('meeting-card').first()).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'meetings-list-390');
  // A figure's drill (COMMITTEE_JUDGEMENT) opens the list with its kind: the demo's two 研判.
  await page.goto('/committee-meetings?kind=SITUATION_JUDGEMENT');
  await expect(page.getByTestId('meeting-card')).toHaveCount(2);
  await page.goto('/committee-meetings');

  await page.getByTestId('meeting-new').click();
  await expect(page.getByTestId('meeting-form')).toBeVisible();
  await page.getByLabel('参会人员').fill('张卫国\n李明\n王芳\n列席：宣传干事');
  await page.getByLabel('会议议题').fill('传达上级部署\n研究意识形态工作方案');
  await page.getByTestId('meeting-add-decision').click();
  await page.getByLabel('议定事项', { exact: true }).fill(decision);
  await page.getByLabel('完成期限').click();
  await page
    .locator('.ant-picker-dropdown:visible .ant-picker-now-btn, .ant-picker-dropdown:visible .ant-picker-today-btn')
    .first()
    .click();
  await saveScreenshot(page, 'meeting-form-390');
  await page.getByTestId('meeting-save').click();

  await expect(page.getByTestId('meeting-title')).toHaveText('党工委专题研究意识形态工作');
  const row = page.getByTestId('meeting-decision').filter({ hasText: decision });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('decision-status')).toHaveText('进行中');
  await expectAccessible(page);
  await saveScreenshot(page, 'meeting-detail-390');

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  await expect(row).toBeVisible();
  await saveScreenshot(page, 'meeting-detail-1440');

  // The decision is a task of 责任清单, and leads there.
  await row.getByRole('link', { name: decision }).click();
  await expect(page).toHaveURL(/\/assignments\//);
  await expect(page.getByText(decision).first()).toBeVisible();
  await page.goto('/assignments');
  await expect(page.getByText(decision).first()).toBeVisible();
  await saveScreenshot(page, 'meeting-task-in-assignments-1440');
});
