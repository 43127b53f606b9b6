// The 中心组 roster (ADR 051) from a 390-px phone: the leader logs a 中心组 session with a roster in
// which one member is on leave; that member shows on 待补学; the leader records the 补学 on the
// session and the member leaves the list.
import { expect, test } from '@playwright/test';
import { chooseOption, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

test('the leader logs a 中心组 session with a roster, and a 请假 member is made up and leaves 待补学', async ({
  browser,
}) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signInViaApi(page, 'leader');
  await page.goto('/study-sessions/new');

  const topic = uniqueTitle('中心组学习：基层治理');
  const away = uniqueTitle('赵委员');
  await chooseOption(page, page.getByLabel('学习类型'), '中心组理论学习');
  await page.getByLabel('学习主题').fill(topic);
  // The typed counts give way to the roster.
  await page.getByRole('button', { name: '添加人员' }).click();
  await page.getByLabel('名单 1 姓名').fill('王书记');
  await page.getByLabel('名单 1 发言提纲').fill('谈基层治理的体会');
  await page.getByRole('button', { name: '添加人员' }).click();
  await page.getByLabel('名单 2 姓名').fill(away);
  await chooseOption(page, page.getByLabel('名单 2 出席情况'), '请假');
  await page.getByLabel('名单 2 请假原因').fill('参加区里会议');
  await page.getByRole('button', { name: '添加人员' }).click();
  await page.getByLabel('名单 3 姓名').fill('周书记');
  await chooseOption(page, page.getByLabel('名单 3 身份'), '列席旁听');
  await expect(page.getByTestId('study-roster-counts')).toContainText('应到 2 人，实到 1 人');
  await expect(page.getByLabel('应到人数')).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'central-group-roster-form-390');
  await page.getByRole('button', { name: '保存' }).click();

  // The detail page: the roster with its statuses; the counts follow from it.
  await expect(page.getByTestId('study-title')).toHaveText(topic);
  await expect(page.getByTestId('study-roster-member')).toHaveCount(3);
  await expect(page.getByTestId('study-roster-list')).toContainText('列席旁听');
  await expect(page.getByText('2 人', { exact: true })).toBeVisible();
  const sessionUrl = page.url();

  // 待补学 on the study list names the member on leave.
  await page.goto('/study-sessions');
  const owed = page.getByTestId('study-make-up-owed-item').filter({ hasText: away });
  await expect(owed).toHaveCount(1);
  await saveScreenshot(page, 'central-group-make-ups-owed-390');

  // Records the 补学 from the session.
  await owed.click();
  await expect(page).toHaveURL(sessionUrl);
  const member = page.getByTestId('study-roster-member').filter({ hasText: away });
  await member.getByTestId('study-make-up-open').click();
  await chooseOption(page, page.getByRole('dialog').getByLabel('补学方式'), '集中补学');
  await page.getByRole('dialog').getByLabel('补学说明').fill('参加集中补学');
  await page.getByTestId('study-make-up-save').click();
  await expect(member.getByTestId('study-roster-made-up')).toContainText('集中补学');
  await saveScreenshot(page, 'central-group-made-up-390');

  // And the member has left 待补学.
  await page.goto('/study-sessions');
  await expect(page.getByTestId('study-make-ups-owed')).toBeVisible();
  await expect(page.getByTestId('study-make-up-owed-item').filter({ hasText: away })).toHaveCount(0);
  await phone.close();
});
