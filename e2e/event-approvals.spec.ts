// 一会一报 (issue 19 part D, ADR 048): a forum submitted 2 days ahead is accepted and flagged late;
// a lecture submitted in time goes through 城南's chain (东山村's 书记, then the 街道 leader) in the
// browser, each approver seeing it in the bell; pages looked at on a phone and a desktop, axe clean.
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

/** "YYYY-MM-DD 10:00", `days` Shanghai calendar days from today. */
function daysAhead(days: number): string {
  const shanghai = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return `${shanghai.toISOString().slice(0, 10)} 10:00`;
}

async function pick(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

async function fillEvent(page: Page, kind: string, topic: string, startDays: number) {
  await page.goto('/event-approvals/new');
  await page.getByTestId('event-form').getByText(kind, { exact: true }).click();
  await page.getByLabel('主题').fill(topic);
  await page.getByLabel('内容提纲').fill('一、学习贯彻全会精神；二、基层宣讲经验交流');
  await page.getByLabel('主讲人', { exact: true }).fill('王教授');
  await page.getByLabel('主讲人单位').fill('区委党校');
  await page.getByLabel('地点').fill('东山村文化礼堂');
  await pick(page, '开始时间', daysAhead(startDays));
  await pick(page, '结束时间', daysAhead(startDays).replace('10:00', '12:00'));
  await page.getByLabel('参加人数').fill('60');
  await page.getByLabel('政治把关意见').fill('主讲人政治立场坚定，提纲经支部审核');
}

test('a forum submitted 2 days ahead is accepted and flagged late', async ({ page }) => {
  await signInViaApi(page, 'secretary');
  const topic = uniqueTitle('乡村振兴论坛');
  await fillEvent(page, '论坛', topic, 2);
  await expect(page.getByTestId('event-late-warning')).toContainText('不足 3 天');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'event-form-390');
  await page.getByTestId('event-submit').click();
  await expect(page.getByTestId('event-detail')).toBeVisible();
  await expect(page.getByTestId('event-late')).toHaveText('迟报');
  await expect(page.getByTestId('event-chain')).toContainText('社区（村）党支部书记 · 待审批');
  await saveScreenshot(page, 'event-detail-late-390');
  // The list's flag filter (the EVENTS_UNAPPROVED drill) shows it.
  await page.goto('/event-approvals?flagged=true');
  await expect(page.getByTestId('event-list')).toContainText(topic);
  await saveScreenshot(page, 'event-list-flagged-390');
  await expectAccessible(page);
});

test('a lecture submitted in time goes through the chain, each approver in turn', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInViaApi(page, 'secretary');
  const topic = uniqueTitle('理论宣讲讲座');
  await fillEvent(page, '讲座', topic, 6);
  await expect(page.getByTestId('event-late-warning')).toHaveCount(0);
  await saveScreenshot(page, 'event-form-1440');
  await expectAccessible(page);
  await page.getByTestId('event-submit').click();
  await expect(page.getByTestId('event-detail')).toBeVisible();
  await expect(page.getByTestId('event-late')).toHaveCount(0);
  const url = page.url();

  // Step 1: 东山村's 书记 (the secretary) approves, with an opinion, after confirming.
  await page.getByTestId('event-approve').click();
  await page.getByTestId('event-opinion').fill('内容经审核，同意');
  await page.getByTestId('event-decide-ok').click();
  await expect(page.getByTestId('event-chain')).toContainText('街道党工委分管领导 · 待审批');
  await expect(page.getByTestId('event-approve')).toHaveCount(0);

  // Step 2: the 街道 leader finds it waiting in the bell's list and approves.
  await page.context().clearCookies();
  await signInViaApi(page, 'leader');
  const bell = await page.request.get('/api/notifications');
  const items = (await bell.json()).items as { kind: string; title: string }[];
  expect(items.some((n) => n.kind === 'EVENT_TO_APPROVE' && n.title === topic)).toBe(true);
  await page.goto('/event-approvals?mine=true');
  await page.getByTestId('event-list').getByText(topic).click();
  await expect(page).toHaveURL(url);
  await page.getByTestId('event-approve').click();
  await page.getByTestId('event-opinion').fill('同意举办，注意现场把关');
  await page.getByTestId('event-decide-ok').click();
  await expect(page.getByTestId('event-tags')).toContainText('已批准');
  await saveScreenshot(page, 'event-detail-approved-1440');
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'event-detail-approved-390');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/event-approvals');
  await expect(page.getByTestId('event-list')).toContainText('社区治理与邻里文化论坛');
  await saveScreenshot(page, 'event-list-1440');
  await expectAccessible(page);
});
