// Issue 16.1 on a 390-px phone: a branch secretary's home and her one-thumb 主题党日 with a photo
// (the taps on the page counted), and a leader's dashboard that shows what needs attention first.
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { chooseOption, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

/** A real 64×48 JPEG (what a phone camera sends, only smaller). */
const PHOTO = Buffer.from(
  '/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAwAEADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFgEBAQEAAAAAAAAAAAAAAAAAAAQG/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AmgEDXAAAAAAAAAAAAAAAAAAAAAAP/9k=',
  'base64',
);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const DESKTOP = { viewport: { width: 1440, height: 900 } } as const;

type TapWindow = Window & { __taps: number };

/** Counts every tap or click a person makes on the page (trusted pointer presses). */
async function countTaps(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as TapWindow;
    w.__taps = 0;
    window.addEventListener(
      'pointerdown',
      (event) => {
        if (event.isTrusted) w.__taps += 1;
      },
      true,
    );
  });
}

const taps = (page: Page) => page.evaluate(() => (window as unknown as TapWindow).__taps);

async function noHorizontalOverflow(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
}

test('a secretary logs a 主题党日 with a photo from her home in six taps or fewer', async ({ browser }) => {
  const phone = await browser.newContext(PHONE);
  await countTaps(phone);
  const page = await phone.newPage();
  await signInViaApi(page, 'secretary');
  await page.goto('/');
  // Her home, not the street's dashboard: what to add, what is behind, what she entered.
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByTestId('home-gaps')).toBeVisible();
  await expect(page.getByTestId('home-recent')).toBeVisible();
  await expect(page.getByTestId('home-new-study')).toBeVisible();
  await noHorizontalOverflow(page);
  await saveScreenshot(page, 'secretary-home-390');

  const title = uniqueTitle('主题党日');
  await page.evaluate(() => {
    (window as unknown as TapWindow).__taps = 0;
  });
  await page.getByTestId('home-new-activity').tap(); // 1
  await chooseOption(page, page.getByLabel('活动类别'), '主题党日'); // 2 (one chip)
  await page.getByLabel('活动名称').tap(); // 3
  await page.keyboard.type(title);
  await page.getByLabel('参加人数').tap(); // 4
  await page.keyboard.type('23');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('activity-photos-add').tap(); // 5
  await (await chooser).setFiles({ name: '主题党日现场.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
  await expect(page.getByTestId('activity-photo')).toHaveCount(1);
  await noHorizontalOverflow(page);
  await saveScreenshot(page, 'secretary-activity-form-390');
  await page.getByTestId('activity-save').tap(); // 6

  // Saved, and the photo uploaded with it: the record's page shows it.
  await expect(page.getByTestId('activity-title')).toHaveText(title);
  await expect(page.getByTestId('attachment-item')).toHaveCount(1);
  await expect(page.getByTestId('attachment-item').locator('img')).toBeVisible();
  const used = await taps(page);
  test.info().annotations.push({ type: 'taps', description: String(used) });
  expect(used).toBeLessThanOrEqual(6);
  await saveScreenshot(page, 'secretary-activity-detail-390');

  const id = page.url().split('/').pop() as string;
  const files = await page.request.get(`/api/attachments?entityType=Activity&entityId=${id}`);
  const [photo] = (await files.json()).items as { fileName: string; size: number }[];
  expect(photo).toMatchObject({ fileName: '主题党日现场.jpg', size: PHOTO.length });

  // Her home lists it among her recent entries.
  await page.goto('/home');
  await expect(page.getByTestId('home-recent')).toContainText(title);
  await phone.close();
});

test('a photo whose upload fails is offered again on the saved record, and the retry stores it', async ({
  browser,
}) => {
  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  await signInViaApi(page, 'secretary');
  // The first upload is cut off, as on a poor connection; the retry goes through.
  let refused = 0;
  await page.route('**/api/attachments', async (route) => {
    if (route.request().method() === 'POST' && refused === 0) {
      refused += 1;
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });
  await page.goto('/activities/new');
  const title = uniqueTitle('重温入党誓词');
  await chooseOption(page, page.getByLabel('活动类别'), '重温入党誓词');
  await page.getByLabel('活动名称').fill(title);
  await page.getByLabel('参加人数').fill('12');
  await page
    .getByTestId('activity-photos-input')
    .setInputFiles({ name: '誓词.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
  await page.getByTestId('activity-save').tap();

  await expect(page.getByTestId('activity-title')).toHaveText(title);
  const failed = page.getByTestId('attachment-error');
  await expect(failed).toContainText('誓词.jpg');
  await failed.getByRole('button', { name: '重试' }).tap();
  await expect(page.getByTestId('attachment-item')).toHaveCount(1);
  await expect(page.getByTestId('attachment-error')).toHaveCount(0);
  expect(refused).toBe(1);
  await phone.close();
});

test("a leader's phone dashboard shows what needs attention first, every figure behind 全部指标", async ({
  browser,
}) => {
  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  await signInViaApi(page, 'leader');
  // An open 一级 alert with its clock running.
  const me = await (await page.request.get('/api/me')).json();
  const summary = uniqueTitle('网传辖区学校食品安全不实信息');
  const created = await page.request.post('/api/risk-alerts', {
    data: { orgId: me.org.id, level: 'LEVEL_1', source: '网络巡查', channel: '本地论坛', summary, reach: 800 },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  expect(created.status()).toBe(201);

  await page.goto('/dashboard');
  const attention = page.getByTestId('dashboard-attention');
  await expect(attention).toBeVisible();
  await expect(attention.getByTestId('open-alerts')).toContainText(summary);
  await expect(attention.getByTestId('open-alerts')).toContainText('剩余');
  // Only figures behind pace or open problems are up here, each number a thumb-sized link; the
  // sections wait for the expander.
  const rows = await attention
    .locator('li[data-testid^="attention-"]')
    .evaluateAll((items) => items.map((li) => [li.getAttribute('data-testid'), li.getAttribute('data-status')]));
  expect(rows.length).toBeGreaterThan(0);
  for (const [testId, status] of rows) {
    const problem = /RECTIFICATION_OPEN|ASSIGNMENT_OVERDUE/.test(String(testId));
    expect(problem || status === 'RED' || status === 'AMBER', `${testId} is behind pace or a problem`).toBe(true);
  }
  for (const link of await attention.locator('a[data-testid^="kpi-"][data-testid$="-done"]').all()) {
    const box = await link.boundingBox();
    expect(Math.min(box?.height ?? 0, box?.width ?? 0)).toBeGreaterThanOrEqual(44);
  }
  await expect(page.getByTestId('kpi-section-study')).toHaveCount(0);
  const toggle = page.getByTestId('dashboard-all-toggle');
  const attentionTop = (await attention.boundingBox())?.y ?? 0;
  expect(attentionTop).toBeLessThan((await toggle.boundingBox())?.y ?? 0);
  await noHorizontalOverflow(page);
  await saveScreenshot(page, 'leader-dashboard-attention-390');

  // Dropdown options are big enough for a thumb.
  await page.getByTestId('period-select').tap();
  const option = page
    .locator('.ant-select-dropdown')
    .filter({ visible: true })
    .locator('.ant-select-item-option')
    .first();
  await expect(option).toBeVisible();
  // Measured once the dropdown's opening animation (a scale) is over.
  await expect.poll(async () => (await option.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await page.keyboard.press('Escape');

  await toggle.tap();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('kpi-section-study')).toBeVisible();
  await phone.close();

  // On a desktop nothing changes: every section at once, no expander.
  const desk = await browser.newContext(DESKTOP);
  const deskPage = await desk.newPage();
  await signInViaApi(deskPage, 'leader');
  await deskPage.goto('/dashboard');
  await expect(deskPage.getByTestId('kpi-section-study')).toBeVisible();
  await expect(deskPage.getByTestId('dashboard-attention')).toHaveCount(0);
  await expect(deskPage.getByTestId('dashboard-all-toggle')).toHaveCount(0);
  await expect(deskPage.getByTestId('trend-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await saveScreenshot(deskPage, 'leader-dashboard-1440');
  await desk.close();
});

test('the secretary home and the create form on a 1440-px desktop', async ({ browser }) => {
  const desk = await browser.newContext(DESKTOP);
  const page = await desk.newPage();
  await signInViaApi(page, 'secretary');
  await page.goto('/');
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByTestId('home-gaps')).toBeVisible();
  await expect(page.getByTestId('home-recent')).toBeVisible();
  await saveScreenshot(page, 'secretary-home-1440');
  await page.getByTestId('home-new-activity').click();
  await expect(page.getByTestId('activity-photos-add')).toBeVisible();
  await saveScreenshot(page, 'secretary-activity-form-1440');
  await desk.close();
});
