// Journeys over the records of the responsibility system: a secretary's study session with a
// photo from a phone, a leader taking an alert from 登记 to 办结, and a task's progress moving
// when a linked record is added. Each journey creates its own records, so it does not depend on
// what other journeys left behind.
import { expect, test } from '@playwright/test';
import { chooseOption, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

/** A real 64×48 JPEG (what a phone camera sends, only smaller). */
const PHOTO = Buffer.from(
  '/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAwAEADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFgEBAQEAAAAAAAAAAAAAAAAAAAQG/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AmgEDXAAAAAAAAAAAAAAAAAAAAAAP/9k=',
  'base64',
);

test.describe.configure({ mode: 'serial' });

test('a secretary logs a study session with a photo from a 390-px phone', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signInViaApi(page, 'secretary');
  await page.goto('/study-sessions/new');

  const topic = uniqueTitle('学习党的二十届四中全会精神');
  await chooseOption(page, page.getByLabel('学习类型'), '支部学习');
  await page.getByLabel('学习主题').fill(topic);
  await page.getByLabel('应到人数').fill('12');
  await page.getByLabel('实到人数').fill('11');
  await page.getByRole('button', { name: '添加缺席人员' }).click();
  await page.getByLabel('缺席人员 1 姓名').fill('王五');
  await page.getByLabel('缺席人员 1 原因').fill('外出务工');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'study-session-form-390');
  await page.getByRole('button', { name: '保存' }).click();

  // The detail page: add the photo right away.
  await expect(page.getByTestId('study-title')).toHaveText(topic);
  await page
    .getByTestId('attachment-input')
    .setInputFiles({ name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
  await expect(page.getByTestId('attachment-item')).toHaveCount(1);
  await expect(page.getByTestId('attachment-item').locator('img')).toBeVisible();
  await expect(page.getByTestId('record-history')).toContainText('现场照片.jpg');
  await saveScreenshot(page, 'study-session-detail-390');

  // The photo is served to the leader through the record, and the list shows the session.
  const id = page.url().split('/').pop() as string;
  const files = await page.request.get(`/api/attachments?entityType=StudySession&entityId=${id}`);
  const [photo] = (await files.json()).items as { url: string; size: number }[];
  expect(photo?.size).toBe(PHOTO.length);
  await page.goto('/study-sessions');
  await expect(page.getByTestId('study-table')).toContainText(topic);
  await phone.close();
});

test('a leader takes an alert from 登记 to 办结 and sees each step on its timeline', async ({ page }) => {
  await signInViaApi(page, 'leader');
  const me = await (await page.request.get('/api/me')).json();
  const summary = uniqueTitle('网传辖区拆迁补偿不实信息');
  const created = await page.request.post('/api/risk-alerts', {
    data: { orgId: me.org.id, level: 'LEVEL_2', source: '网络巡查', channel: '本地论坛', summary, reach: 300 },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  expect(created.status()).toBe(201);
  const alert = await created.json();
  await page.goto(`/risk-alerts/${alert.id}`);
  await expect(page.getByTestId('alert-event')).toHaveCount(1);

  const step = async (button: string, note: string, receipt?: string) => {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('办理意见').fill(note);
    if (receipt) await dialog.getByLabel('回执编号').fill(receipt);
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog).toBeHidden();
  };
  await step('研判', '属不实信息，需报送并协调辟谣');
  await step('报送市网信办', '已通过舆情报送系统报送', 'SW-2026-0815');
  await step('采纳', '市网信办已采纳');
  await step('处置', '社区发布权威信息，网格员入户解释');
  await step('办结', '帖文已删除，舆情平息');

  const events = page.getByTestId('alert-event');
  await expect(events).toHaveCount(6);
  await expect(events.last()).toHaveAttribute('data-state', 'CLOSED');
  await expect(page.getByTestId('alert-event-receipt')).toContainText('SW-2026-0815');
  await expect(page.getByTestId('alert-state').first()).toHaveAttribute('data-state', 'CLOSED');
  // No step is offered once the alert is closed.
  await expect(page.getByRole('button', { name: '办结', exact: true })).toHaveCount(0);
  await saveScreenshot(page, 'alert-closed-timeline');

  const stored = await (await page.request.get(`/api/risk-alerts/${alert.id}`)).json();
  expect(stored.state).toBe('CLOSED');
  expect(stored.receiptNumber).toBe('SW-2026-0815');
});

test("a task's progress is counted from its records: adding a linked 专题研讨 moves it", async ({ page }) => {
  await signInViaApi(page, 'leader');
  const me = await (await page.request.get('/api/me')).json();
  // The current half year in Asia/Shanghai.
  const shanghai = new Date(Date.now() + 8 * 3_600_000);
  const period = `${shanghai.getUTCFullYear()}-H${shanghai.getUTCMonth() < 6 ? 1 : 2}`;
  const task = uniqueTitle('本半年开展专题研讨');
  const created = await page.request.post('/api/assignments', {
    data: {
      period,
      orgId: me.org.id,
      ownerId: me.id,
      kind: 'TASK',
      task,
      rule: { metric: 'SEMINAR', min: 50, per: 'PERIOD', eachChild: false },
    },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  expect(created.status(), await created.text()).toBe(201);
  const assignment = await created.json();
  const before = assignment.progress.done as number;

  await page.goto(`/assignments/${assignment.id}`);
  const progress = page.getByTestId('assignment-progress');
  await expect(progress).toContainText(`已完成 ${before}/50`);

  // A 专题研讨 held today at the street, logged through the form.
  await page.goto('/study-sessions/new');
  await chooseOption(page, page.getByLabel('学习类型'), '专题研讨');
  await page.getByLabel('学习主题').fill(uniqueTitle('意识形态工作专题研讨'));
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('study-title')).toBeVisible();

  await page.goto(`/assignments/${assignment.id}`);
  await expect(progress).toContainText(`已完成 ${before + 1}/50`);
  await saveScreenshot(page, 'assignment-progress');
  // The figure opens the records it counts.
  const stored = await (await page.request.get(`/api/assignments/${assignment.id}`)).json();
  expect(stored.progress.done).toBe(before + 1);
  expect(stored.status).toBe('OPEN');
});

test('a form whose save failed comes back after signing in again, and discarding it empties the form', async ({
  page,
  context,
}) => {
  await signInViaApi(page, 'secretary');
  await page.goto('/publicity/new');
  const title = uniqueTitle('重温入党誓词活动报道');
  await page.getByLabel('媒体名称').fill('区融媒体中心');
  await chooseOption(page, page.getByLabel('媒体级别'), '区级媒体');
  await page.getByLabel('报道标题').fill(title);
  // The session ends before saving (an expired session): the save fails, the typing is kept.
  await context.clearCookies();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInViaApi(page, 'secretary');
  await page.goto('/publicity/new');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('报道标题')).toHaveValue(title);

  await page.getByRole('button', { name: '放弃这些内容' }).click();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await expect(page.getByLabel('报道标题')).toHaveValue('');
  await expect(page.getByLabel('媒体名称')).toHaveValue('');
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await expect(page.getByLabel('报道标题')).toHaveValue('');
});

test('a new 一级 alert is in the bell at once, first, with its clock', async ({ page }) => {
  await signInViaApi(page, 'leader');
  const me = await (await page.request.get('/api/me')).json();
  const summary = uniqueTitle('网传辖区学校食品安全事件');
  const created = await page.request.post('/api/risk-alerts', {
    data: { orgId: me.org.id, level: 'LEVEL_1', source: '网络巡查', channel: '微博', summary, reach: 5000 },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  expect(created.status()).toBe(201);

  await page.goto('/');
  await page.getByTestId('notification-bell').click();
  const mine = page.getByTestId('notification-item').filter({ hasText: summary });
  await expect(mine).toHaveAttribute('data-severity', 'HIGH');
  await expect(mine.getByTestId('notification-alert-level')).toHaveText('一级');
  // The one-hour clock, from the moment it was registered.
  await expect(mine.getByTestId('notification-deadline')).toContainText('还剩');
  // Only other 一级/二级 alerts stand before it.
  const before = await page.getByTestId('notification-item').evaluateAll((items, text) => {
    const at = items.findIndex((item) => item.textContent?.includes(text));
    return items
      .slice(0, at)
      .map((item) => item.querySelector('[data-testid="notification-alert-level"]')?.textContent);
  }, summary);
  for (const level of before) expect(['一级', '二级']).toContain(level);
  await saveScreenshot(page, 'bell-level-1-alert');
});
