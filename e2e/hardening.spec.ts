// Issue 7 item 5 in a real browser: the CSP lets the SPA (antd's run-time styles, lazy chunks,
// the dashboard's chart) work without a single violation, and 我的登录会话 ends other devices.
import { expect, type Page, test } from '@playwright/test';
import { signInViaApi } from './fixtures.ts';

/** Collects every CSP violation the page reports (console and securitypolicyviolation events). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test('the SPA runs under its Content-Security-Policy with no violation', async ({ page }) => {
  const violations = watchCsp(page);
  const res = await page.goto('/login');
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
  await signInViaApi(page, 'leader');
  await page.goto('/dashboard');
  await expect(page.getByTestId('current-user')).toBeVisible();
  // The dashboard's chart is a lazy chunk with its own styles.
  await page.waitForLoadState('networkidle');
  await page.goto('/activities');
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('我的登录会话 lists both devices and 退出其他设备 signs the other one out', async ({ browser }) => {
  const phone = await browser.newContext({ userAgent: 'Mozilla/5.0 (iPhone) Version/17.0 Safari/605.1' });
  const phonePage = await phone.newPage();
  await signInViaApi(phonePage, 'auditor');

  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await desk.newPage();
  const violations = watchCsp(page);
  await signInViaApi(page, 'auditor');
  await page.goto('/');
  await page.getByTestId('nav-sessions').click();
  await expect(page.getByRole('heading', { name: '我的登录会话' })).toBeVisible();
  await expect(page.getByTestId('session-current')).toHaveCount(1);
  await expect(page.getByTestId('session-other').filter({ hasText: 'Safari 17 · iOS' }).first()).toBeVisible();

  await page.getByTestId('sessions-sign-out-others').click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(/已退出 \d+ 个其他会话/)).toBeVisible();
  await expect(page.getByTestId('session-other')).toHaveCount(0);
  expect((await phonePage.request.get('/api/me')).status()).toBe(401);
  expect((await page.request.get('/api/me')).status()).toBe(200);
  expect(violations).toEqual([]);
  await phone.close();
  await desk.close();
});
