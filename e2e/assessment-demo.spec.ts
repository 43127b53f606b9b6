// The demo's 2026-H1 考核 and its deadlines in the bell (issue 18 part D, ADR 044): the 区
// reviewer's bell names 城南's late 复核 and leads to the return, where the 复核 is in progress
// and the 减负 line shows the entries and uploads the half took; 城北's leader is reminded of the
// late 自评 and finds the draft. Pictures at 1440 and 390.
import { expect, test } from '@playwright/test';
import { saveScreenshot, signInViaApi } from './fixtures.ts';

test('the 区 reviewer follows the bell to 城南’s 复核 in progress, with the period’s workload', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInViaApi(page, 'district-reviewer');
  await page.goto('/');
  await page.getByTestId('notification-bell').click();
  const item = page
    .getByTestId('notification-item')
    .filter({ hasText: '城南街道党工委' })
    .and(page.locator('[data-kind="ASSESSMENT_REVIEW_OVERDUE"]'));
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('考核复核已超期');
  await expect(item).toHaveAttribute('data-severity', 'HIGH');
  await saveScreenshot(page, 'assessment-bell-1440');
  await item.click();

  await expect(page).toHaveURL(/\/assessments\/returns\//);
  await expect(page.getByTestId('return-state')).toHaveText('复核中');
  const workload = page.getByTestId('return-workload');
  await expect(workload).toContainText('减负');
  await expect(workload).toContainText('不计入得分');
  await expect(workload.getByTestId('workload-kind').first()).toBeVisible();
  await saveScreenshot(page, 'assessment-demo-review-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'assessment-demo-review-390');
});

test('城北’s leader is reminded of the late 自评 and finds its draft', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInViaApi(page, 'street2-leader');
  await page.goto('/');
  await page.getByTestId('notification-bell').click();
  const item = page.locator('[data-testid="notification-item"][data-kind="ASSESSMENT_SELF_OVERDUE"]');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('城北街道党工委');
  await saveScreenshot(page, 'assessment-bell-390');
  await item.click();
  await expect(page.getByTestId('return-state')).toHaveText('自评中');
});
