import { expect, type Page, test } from '@playwright/test';
import { chooseOption, DEMO_PASSWORD, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

async function activityCount(page: Page): Promise<number> {
  const done = page.getByTestId('kpi-ACTIVITY-done');
  await expect(done).toBeVisible();
  return Number(((await done.textContent()) ?? '').trim());
}

test.describe.configure({ mode: 'serial' });

test('a wrong password is refused on the sign-in page with a readable message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('secretary');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('the UI speaks Chinese by default and English after the toggle, and remembers it', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Username')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});

test("a secretary signs in on a phone, logs an activity and sees it; the leader's count goes up", async ({
  browser,
}) => {
  // The leader's figure before.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await signInViaApi(leader, 'leader');
  await leader.goto('/dashboard');
  const before = await activityCount(leader);

  // The secretary, on a 390-px phone, through the real sign-in page.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await saveScreenshot(page, 'sign-in-390');
  await page.getByLabel('用户名').fill('secretary');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).not.toHaveURL(/\/login/);

  await page.goto('/activities/new');
  const title = uniqueTitle('重温入党誓词');
  await chooseOption(page, page.getByLabel('活动类别'), '重温入党誓词');
  await page.getByLabel('活动名称').fill(title);
  await page.getByLabel('参加人数').fill('23');
  await page.getByLabel('地点').fill('东山村党群服务中心');
  await saveScreenshot(page, 'secretary-form-390');
  // The form fits the phone: nothing wider than the viewport.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: '保存' }).click();
  // Saved: the detail page shows it.
  await expect(page.getByTestId('activity-title')).toHaveText(title);
  await expect(page.getByText('已保存')).toBeVisible();

  // It is in the branch's list.
  await page.goto('/activities');
  await expect(page.locator('.ant-table-row', { hasText: title })).toBeVisible();
  await saveScreenshot(page, 'secretary-activities-390');

  // The leader's count for the current half year went up by exactly one.
  await leader.reload();
  await expect.poll(() => activityCount(leader)).toBe(before + 1);
  await leader.setViewportSize({ width: 1280, height: 900 });
  // The chart is a lazy chunk: wait for its bars before the picture.
  await expect(leader.getByTestId('trend-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await saveScreenshot(leader, 'leader-dashboard');
  await leader.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(() => leader.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
  await saveScreenshot(leader, 'leader-dashboard-390');

  await phone.close();
  await leaderContext.close();
});

test('an auditor sees activities per branch and no edit control anywhere', async ({ page }) => {
  await signInViaApi(page, 'auditor');
  await page.goto('/branches');
  await expect(page.getByText('东山村党支部')).toBeVisible();
  await saveScreenshot(page, 'auditor-branches');

  await page.goto('/activities');
  await expect(page.getByTestId('activity-new')).toHaveCount(0);
  await page.locator('.ant-table-row').first().click();
  await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}/);
  await expect(page.getByText('参加人数').first()).toBeVisible();
  await expect(page.getByTestId('activity-edit')).toHaveCount(0);
  await expect(page.getByTestId('activity-delete')).toHaveCount(0);
});

test('an edit made against an old version is refused with a clear message and the typing is kept', async ({ page }) => {
  await signInViaApi(page, 'secretary2');
  const me = await (await page.request.get('/api/me')).json();
  const created = await page.request.post('/api/activities', {
    data: {
      orgId: me.org.id,
      category: 'VOLUNTEER',
      title: uniqueTitle('志愿服务'),
      occurredAt: new Date().toISOString(),
      participants: 12,
    },
  });
  expect(created.status()).toBe(201);
  const activity = await created.json();

  await page.goto(`/activities/${activity.id}/edit`);
  await expect(page.getByLabel('活动名称')).toHaveValue(activity.title);
  // Meanwhile someone else changes the record.
  const other = await page.request.patch(`/api/activities/${activity.id}`, { data: { participants: 13 } });
  expect(other.status()).toBe(200);

  const mine = `${activity.title}（我的修改）`;
  await page.getByLabel('活动名称').fill(mine);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/他人修改/).first()).toBeVisible();
  await expect(page.getByLabel('活动名称')).toHaveValue(mine);
  const stored = await (await page.request.get(`/api/activities/${activity.id}`)).json();
  expect(stored).toMatchObject({ title: activity.title, participants: 13 });
});

test('an admin adds a branch secretary through the users page, who can then sign in', async ({ page }) => {
  await signInViaApi(page, 'admin');
  await page.goto('/');
  await expect(page).toHaveURL(/\/admin\/users/);
  await expect(page.getByTestId('users-table')).toBeVisible();

  const username = `sec.${Date.now().toString(36)}`;
  await page.getByTestId('user-new').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('新支部书记');
  await chooseOption(page, dialog.getByTestId('user-role'), '支部书记');
  await chooseOption(page, dialog.getByTestId('user-org'), '西河村党支部');
  await dialog.getByLabel('初始密码').fill('short');
  await page.getByTestId('user-form-submit').click();
  // Too short: refused in place, nothing lost.
  await expect(dialog.getByText(/12/).first()).toBeVisible();
  await expect(dialog.getByLabel('用户名')).toHaveValue(username);
  await dialog.getByLabel('初始密码').fill('a-long-enough-password');
  await saveScreenshot(page, 'admin-new-user');
  await page.getByTestId('user-form-submit').click();
  await expect(page.locator(`[data-testid=user-row][data-username="${username}"]`)).toBeVisible();

  const login = await page.request.post('/api/auth/login', { data: { username, password: 'a-long-enough-password' } });
  expect(login.status()).toBe(200);
  expect((await login.json()).org.name).toBe('西河村党支部');
});
