// 操作日志 and list totals in a real browser: an auditor finds a secretary's new activity in the
// street-wide log by person, kind and action, with "共 N 条" equal to the API's total; a secretary
// has no log; a KPI's drill names its figure and period over a total equal to the figure.
import { expect, type Page, test } from '@playwright/test';
import { chooseOption, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

const SECRETARY = '陈东（东山村党支部书记）';

async function noHorizontalOverflow(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
}

test('an auditor finds a secretary’s new activity in the 操作日志 by person, kind and action', async ({ browser }) => {
  // The secretary logs an activity (API), so the trail has a fresh CREATE of hers.
  const secContext = await browser.newContext();
  const sec = await secContext.newPage();
  await signInViaApi(sec, 'secretary');
  const me = (await (await sec.request.get('/api/me')).json()) as { org: { id: string } };
  const title = uniqueTitle('操作日志测试活动');
  const created = await sec.request.post('/api/activities', {
    data: {
      orgId: me.org.id,
      category: 'RED_SONGS',
      title,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      participants: 12,
      location: '党群服务中心',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const activity = (await created.json()) as { id: string };

  // A secretary has no log: no menu entry, and the page refuses.
  await sec.goto('/oplog');
  await expect(sec.getByText('没有访问权限')).toBeVisible();
  expect((await sec.request.get('/api/oplog')).status()).toBe(403);
  await secContext.close();

  for (const width of [1440, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signInViaApi(page, 'auditor');
    await page.goto('/oplog');
    await expect(page.getByRole('heading', { name: '操作日志', level: 1 })).toBeVisible();
    const all = (await (await page.request.get('/api/oplog?limit=1')).json()) as { total: number };
    await expect(page.getByTestId('list-total')).toHaveText(`共 ${all.total} 条`);

    await chooseOption(page, page.getByTestId('filter-user'), SECRETARY);
    await chooseOption(page, page.getByTestId('filter-kind'), '活动');
    await chooseOption(page, page.getByTestId('filter-action'), '新建');
    await expect(page).toHaveURL(/user=.*kind=Activity.*action=CREATE|action=CREATE/);
    const url = new URL(page.url());
    const filtered = (await (await page.request.get(`/api/oplog?${url.searchParams.toString()}&limit=1`)).json()) as {
      total: number;
      items: { entityId: string }[];
    };
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.items[0]?.entityId).toBe(activity.id);
    await expect(page.getByTestId('list-total')).toHaveText(`共 ${filtered.total} 条`);
    const rows = page.getByTestId('oplog-row');
    await expect(rows.first()).toHaveAttribute('data-action', 'CREATE');
    if (width === 390) await noHorizontalOverflow(page);
    await saveScreenshot(page, `oplog-auditor-${width}`);

    // The newest row opens the activity itself.
    await page.getByTestId('oplog-table').getByRole('link', { name: '活动' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/activities/${activity.id}$`));
    await expect(page.getByText(title).first()).toBeVisible();
    await context.close();
  }
});

test('a KPI’s drill names its figure and period over a total equal to the figure', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInViaApi(page, 'leader');
  await page.goto('/dashboard?period=2026-H1');
  const figure = page.locator('a[data-testid^="kpi-"][data-testid$="-done"]').first();
  await expect(figure).toBeVisible();
  const done = ((await figure.textContent()) ?? '').trim();
  const metric = (await figure.getAttribute('data-testid'))?.replace(/^kpi-/, '').replace(/-done$/, '');
  const label = ((await page.getByTestId(`kpi-${metric}`).locator('.ant-card-head-title').textContent()) ?? '').trim();
  await figure.click();
  await expect(page).toHaveURL(/via=/);
  await expect(page.getByTestId('list-total')).toHaveText(`${label} · 2026年上半年 · 共 ${done} 条`);
  await saveScreenshot(page, 'drill-total-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalOverflow(page);
  await saveScreenshot(page, 'drill-total-390');
  await context.close();
});

test('an auditor exports the filtered 操作日志 as a workbook named by org and day, and the export is logged', async ({
  browser,
}) => {
  for (const width of [1440, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInViaApi(page, 'auditor');
    const me = (await (await page.request.get('/api/me')).json()) as { id: string; org: { name: string } };
    await page.goto('/oplog?kind=Activity&action=CREATE');
    await expect(page.getByRole('heading', { name: '操作日志', level: 1 })).toBeVisible();
    await expect(page.getByTestId('list-total')).toBeVisible();
    const button = page.getByTestId('export-button');
    await expect(button).toBeVisible();
    if (width === 390) await noHorizontalOverflow(page);
    await saveScreenshot(page, `oplog-export-${width}`);

    await button.click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(download.suggestedFilename()).toBe(`${me.org.name}-操作日志-${today.replaceAll('-', '')}.xlsx`);
    // The download itself is in the log: the auditor's newest EXPORT of the 操作日志, with the page's filter.
    const logged = (await (
      await page.request.get(`/api/oplog?kind=AuditLog&action=EXPORT&user=${me.id}&limit=1`)
    ).json()) as { items: { actorId: string; entityType: string }[] };
    expect(logged.items[0]).toMatchObject({ actorId: me.id, entityType: 'AuditLog' });
    await context.close();
  }
});
