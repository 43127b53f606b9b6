// Issue 15 "The phone page": what a first visit does in a real browser. A signed-out visit to the
// sign-in page logs nothing (it used to log GET /api/me's 401), and each role's home opens
// straight from "/" with no error in the console.
import { expect, type Page, test } from '@playwright/test';
import { chooseOption, saveScreenshot, signInViaApi } from './fixtures.ts';

/** Every console error and uncaught exception of the page, and every answer ≥ 400 it received. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`);
  });
  return errors;
}

test('the sign-in page loads signed out without an error status or a console error', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

test('a signed-out visit to a page goes to sign-in without an error status', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The dashboard's figures are asked for beside the session probe, so their 401 may be seen;
  // the probe itself never answers with an error.
  expect(errors.filter((e) => !e.includes('/api/dashboard') && !e.includes('401 (Unauthorized)'))).toEqual([]);
});

for (const username of ['leader', 'secretary']) {
  test(`${username}'s home opens from "/" with no console error`, async ({ page }) => {
    const errors = watchErrors(page);
    await signInViaApi(page, username);
    await page.goto('/');
    await expect(page.getByTestId('current-user')).toBeVisible();
    await expect(page).not.toHaveURL(/\/login/);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
}

// Issue 15: the city leader's org list is ~1 MB; the dashboard names its org from its own answer
// and reads the list only when the scope selector opens.
test("the leader's dashboard reads the org list only when the scope selector opens", async ({ page }) => {
  const orgReads: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === '/api/orgs') orgReads.push(req.url());
  });
  await signInViaApi(page, 'leader');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/dashboard?period=2026-H1');
  // The count the API answers now (specs before this one add H1 records), painted on the card.
  const answer = await (await page.request.get('/api/dashboard?period=2026-H1')).json();
  const activities = answer.kpis.find((k: { metric: string }) => k.metric === 'ACTIVITY');
  expect(activities.done).toBeGreaterThan(0);
  await expect(page.getByTestId('kpi-ACTIVITY-done')).toHaveText(String(activities.done));
  await page.waitForLoadState('networkidle');
  const select = page.getByTestId('org-select');
  await expect(select).toContainText('城南街道党工委');
  expect(orgReads).toEqual([]);
  await saveScreenshot(page, 'dashboard-first-view-1440');

  await chooseOption(page, select, '和平社区党支部');
  expect(orgReads).toHaveLength(1);
  await expect(page).toHaveURL(/org=/);
  await expect(page.getByTestId('dashboard-org')).toHaveText('和平社区党支部');

  // A shared link to a branch names it from the answer too, without the list.
  const branchUrl = page.url();
  const fresh = await page.context().newPage();
  const freshReads: string[] = [];
  fresh.on('request', (req) => {
    if (new URL(req.url()).pathname === '/api/orgs') freshReads.push(req.url());
  });
  await fresh.setViewportSize({ width: 390, height: 844 });
  await fresh.goto(branchUrl);
  await expect(fresh.getByTestId('org-select')).toContainText('和平社区党支部');
  await fresh.waitForLoadState('networkidle');
  expect(freshReads).toEqual([]);
  await saveScreenshot(fresh, 'dashboard-branch-link-390');
});
