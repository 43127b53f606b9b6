// Issue 19 part E (ADR 049): a 公众号 not updated for 15 days shows red and raises a check in the
// bell; a 督查 with a finding creates a rectification; a secretary has no ledger (no nav entry, 403
// from the server); both pages looked at at 1440 and 390 px and checked with axe.
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

// The header shows every group at 1440 px (narrower, antd folds some into "⋯", hidden from axe).
test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
});

async function apiJson<T>(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(url, { method, ...(data === undefined ? {} : { data }) });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

test('a stale 公众号 is red in the list and on its page, and an update clears it', async ({ page }) => {
  await signInViaApi(page, 'leader');
  const me = await apiJson<{ org: { id: string } }>(page, 'GET', '/api/me');
  const name = uniqueTitle('十五天未更新公众号');
  const point = await apiJson<{ id: string }>(page, 'POST', '/api/risk-points', {
    orgId: me.org.id,
    name,
    type: 'WECHAT_ACCOUNT',
    level: 'MEDIUM',
    sponsor: '城南街道党工委',
    reviewFirst: '刘洋',
    reviewSecond: '王芳',
    reviewFinal: '宣传委员',
  });
  // Its last update 15 days ago (a recorded update may be dated in the past).
  await apiJson(page, 'POST', `/api/risk-points/${point.id}/updates`, {
    updatedAt: new Date(Date.now() - 15 * 86_400_000).toISOString(),
  });

  // It raises a check: the bell names it from the instant it turned red, and leads to it.
  const bell = await apiJson<{ items: { kind: string; entityId: string }[] }>(page, 'GET', '/api/notifications');
  expect(bell.items.filter((n) => n.kind === 'POSITION_STALE' && n.entityId === point.id)).toHaveLength(1);
  await page.goto('/');
  await page.getByTestId('notification-bell').click();
  const item = page.locator('[data-testid="notification-item"][data-kind="POSITION_STALE"]').filter({ hasText: name });
  await expect(item).toContainText('阵地未按时更新，待检查');
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/risk-points/${point.id}`));

  await page.goto('/risk-points');
  const row = page.getByTestId('risk-point-table').getByRole('row').filter({ hasText: name });
  await expect(row.getByTestId('position-red')).toContainText('15 天未更新');
  await expect(row.getByTestId('position-red')).toContainText('本季度未检查');
  await expectAccessible(page);
  await saveScreenshot(page, 'positions-list-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'positions-list-390');
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.goto(`/risk-points/${point.id}`);
  await expect(page.getByTestId('position-red')).toContainText('15 天未更新');
  await expect(page.getByText('刘洋 → 王芳 → 宣传委员')).toBeVisible();
  await saveScreenshot(page, 'position-detail-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'position-detail-390');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('position-record-update').click();
  await expect(page.getByTestId('position-red')).not.toContainText('天未更新');
  await expect(page.getByTestId('position-red')).toContainText('本季度未检查');
  const after = await apiJson<{ items: { kind: string; entityId: string }[] }>(page, 'GET', '/api/notifications');
  expect(after.items.filter((n) => n.entityId === point.id && n.kind === 'POSITION_STALE')).toHaveLength(0);
});

test('a 督查 with a finding creates a rectification of the branch', async ({ page }) => {
  await signInViaApi(page, 'leader');
  const title = uniqueTitle('督查');
  await page.goto('/accountability');
  await expect(page.getByTestId('accountability-table')).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('accountability-new').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('被督查/通报单位').click();
  await page.keyboard.type('东');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await dialog.getByLabel('事项名称').fill(title);
  await dialog.getByLabel('计划日期').fill('2026-10-10');
  await dialog.getByLabel('计划日期').press('Enter');
  await dialog.getByLabel('完成/发出日期').fill('2026-10-12');
  await dialog.getByLabel('完成/发出日期').press('Enter');
  await dialog.getByLabel(/发现的问题/).fill('意识形态台账未及时更新');
  await saveScreenshot(page, 'accountability-form-1440');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('accountability-table').getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('已转整改 1 项');
  await saveScreenshot(page, 'accountability-list-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'accountability-list-390');

  const rects = await apiJson<{ items: { problem: string; source: string }[] }>(
    page,
    'GET',
    '/api/rectifications?source=INSPECTION&limit=100',
  );
  expect(rects.items.map((r) => r.problem)).toContain('意识形态台账未及时更新');
});

test('a secretary has no ledger: no navigation entry and 403 from the server', async ({ page }) => {
  await signInViaApi(page, 'secretary');
  await page.goto('/');
  await expect(page.getByRole('link', { name: '督查问责' })).toHaveCount(0);
  const res = await page.request.get('/api/accountability');
  expect(res.status()).toBe(403);
});
