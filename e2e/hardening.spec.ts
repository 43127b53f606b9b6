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

test('a user changes their own password on 我的登录会话; the old one no longer signs in', async ({ browser }) => {
  // A fresh account (the demo accounts keep their password for the other tests).
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInViaApi(admin, 'admin');
  const me = await (await admin.request.get('/api/me')).json();
  const username = `pw-${Date.now().toString(36)}`;
  const created = await admin.request.post('/api/users', {
    data: { username, displayName: '改密测试', role: 'AUDITOR', orgId: me.org.id, password: 'first password 2026' },
  });
  expect(created.status()).toBe(201);
  await adminContext.close();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const login = (password: string) => page.request.post('/api/auth/login', { data: { username, password } });
  expect((await login('first password 2026')).status()).toBe(200);
  await page.goto('/account/sessions');
  const card = page.getByTestId('change-password');
  await card.getByLabel('当前密码').fill('not the password');
  await card.getByLabel('新密码', { exact: true }).fill('second password 2026');
  await card.getByLabel('再次输入新密码').fill('second password 2026');
  await page.getByTestId('change-password-submit').click();
  // The server names the wrong field; nothing changed.
  await expect(card.getByText('当前密码不正确')).toBeVisible();
  await card.getByLabel('当前密码').fill('first password 2026');
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByText(/密码已修改/)).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(200);
  expect((await login('first password 2026')).status()).toBe(401);
  expect((await login('second password 2026')).status()).toBe(200);
  await context.close();
});

test('a malformed record id in the URL shows "not found", not a form error', async ({ page }) => {
  await signInViaApi(page, 'leader');
  for (const [path, title] of [
    ['/activities/not-a-uuid', '找不到这条活动记录'],
    [`/activities/${crypto.randomUUID()}`, '找不到这条活动记录'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByText(title)).toBeVisible();
    await expect(page.getByText('提交的内容有误')).toHaveCount(0);
  }
});

test('a date typed by hand as 2026.12.5 or 2026年12月5日 is read, not reverted', async ({ page }) => {
  await signInViaApi(page, 'secretary');
  await page.goto('/study-sessions/new');
  const date = page.getByLabel('学习日期');
  const typedAs: [string, string][] = [
    ['2026.12.5', '2026-12-05'],
    ['2026/12/06', '2026-12-06'],
    ['2026年12月7日', '2026-12-07'],
    ['20261208', '2026-12-08'],
  ];
  for (const [typed, read] of typedAs) {
    await date.click();
    await date.fill(typed);
    await date.press('Enter');
    await expect(date).toHaveValue(read);
  }
});
