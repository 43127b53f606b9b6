// The calendar of duties (issue 19 part A, ADR 045): the 街道 leader's /duties for the year as a
// list and as a month, a 阵地检查 line that turns 已完成 once a check of the 街道's own 阵地 is
// recorded, its "N 条记录" opening exactly those checks, and the phone's list-only page. The
// journey is 城北's: 城南's demo 阵地 are all inspected this quarter (seed-positions.ts).
import { expect, test } from '@playwright/test';
import { expectAccessible, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

const quarterOf = (d: Date) => {
  const sh = new Date(d.getTime() + 8 * 3_600_000);
  return { year: sh.getUTCFullYear(), q: Math.ceil((sh.getUTCMonth() + 1) / 3) };
};

test('the 街道 leader sees the duties of the year, and a check of its own 阵地 fulfils this quarter’s', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInViaApi(page, 'street2-leader');
  const { year, q } = quarterOf(new Date());
  await page.goto(`/duties?year=${year}`);
  const lines = page.getByTestId('duty-line');
  await expect(lines.first()).toBeVisible();
  await expect(page.locator('[data-testid=duty-line][data-kind=POSITION_INSPECTION]')).toHaveCount(4);
  const line = page.locator(`[data-testid=duty-line][data-kind=POSITION_INSPECTION][data-window="${year}-Q${q}"]`);
  await expect(line.getByTestId('duty-state')).not.toHaveAttribute('data-state', 'DONE');
  const before = Number(((await line.getByTestId('duty-records').textContent()) ?? '').match(/\d+/)?.[0]);
  await expect(line).toContainText('通行做法');
  await saveScreenshot(page, 'duty-calendar-list-1440');
  await expectAccessible(page);

  // A 阵地 of the 街道 itself and its first check (on time): the quarter's duty is met.
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { org: { id: string } } };
  const point = await page.request.post('/api/risk-points', {
    data: { orgId: session.user.org.id, name: uniqueTitle('街道宣传栏'), type: 'BULLETIN_BOARD', level: 'LOW' },
  });
  expect(point.status(), await point.text()).toBe(201);
  const checked = await page.request.post(`/api/risk-points/${(await point.json()).id}/checks`, {
    data: { checkedAt: new Date(Date.now() - 60_000).toISOString(), result: 'NORMAL' },
  });
  expect(checked.status(), await checked.text()).toBe(201);
  await page.reload();
  await expect(line.getByTestId('duty-state')).toHaveAttribute('data-state', 'DONE');
  await expect(line.getByTestId('duty-records')).toHaveText(`${before + 1} 条记录`);
  await expect(page.getByTestId('duty-summary')).toContainText('阵地检查');

  // The month view shows the same duties on their due days.
  await page.getByTestId('duty-view').getByText('月历').click();
  await expect(page.getByTestId('duty-month')).toBeVisible();
  await saveScreenshot(page, 'duty-calendar-month-1440');
  await expectAccessible(page);
  for (let i = 0; i < 3 && (await page.getByTestId('duty-cell').count()) === 0; i++) {
    await page.getByRole('button', { name: '下个月' }).click();
  }
  await expect(page.getByTestId('duty-cell').first()).toBeVisible();

  // "N 条记录" opens exactly the checks counted: the 街道's own, in the quarter.
  await page.getByTestId('duty-view').getByText('列表').click();
  await line.getByTestId('duty-records').click();
  await expect(page).toHaveURL(/\/risk-points\/checks\?.*own=true/);
  await expect(page.getByTestId('list-total')).toContainText(`共 ${before + 1} 条`);
  await context.close();
});

test('on a phone the calendar is a list only', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInViaApi(page, 'leader');
  await page.goto('/duties?view=month');
  await expect(page.getByTestId('duty-list')).toBeVisible();
  await expect(page.getByTestId('duty-view')).toHaveCount(0);
  await saveScreenshot(page, 'duty-calendar-list-390');
  await expectAccessible(page);
  await context.close();
});

test('the 区 leader’s calendar with its 街道s: each kind of line opens a list of exactly its records', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInViaApi(page, 'district-leader');
  const year = quarterOf(new Date()).year;
  // One line of each kind with records (the demo's 区 and 城南: ADRs 046–049), each followed to its
  // list: a meeting list, the 报送 list and the ledger must all narrow to the line's own org.
  for (const kind of ['JUDGEMENT', 'SPECIAL_REPORT', 'BRANCH_INSPECTION', 'POSITION_INSPECTION']) {
    await page.goto(`/duties?year=${year}&below=1`);
    const withRecords = page
      .locator(`[data-testid=duty-line][data-kind=${kind}]`)
      .filter({ has: page.getByTestId('duty-records').filter({ hasNotText: /^0 条记录$/ }) })
      .first();
    await expect(withRecords, kind).toBeVisible();
    const count = Number(((await withRecords.getByTestId('duty-records').textContent()) ?? '').match(/\d+/)?.[0]);
    expect(count, kind).toBeGreaterThan(0);
    await withRecords.getByTestId('duty-records').click();
    await expect(page).toHaveURL(/own=true/);
    await expect(page.getByTestId('list-total'), kind).toContainText(`共 ${count} 条`);
  }
  await context.close();
});
