// The web editors of issue 19's rules (ADR 045, 046, 048): a 区 leader sets a duty rule for the
// 街道 below and the 街道's calendar moves its due day (the 街道 leader sees the rule read-only);
// a 街道 leader configures a branch's 一会一报 chain and lead days, and an event submitted 4 days
// ahead is flagged 迟报 and waits for step 1; a leader edits a 党工委 meeting, adds a 议定事项 that
// becomes a task, sees a done one locked, and dropping one done meanwhile shows the 409 in Chinese.
import { expect, type Page, test } from '@playwright/test';
import { chooseOption, expectAccessible, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The Shanghai year, quarter and day of now. */
function shanghaiNow() {
  const sh = new Date(Date.now() + 8 * 3_600_000);
  return { year: sh.getUTCFullYear(), q: Math.ceil((sh.getUTCMonth() + 1) / 3), today: sh.toISOString().slice(0, 10) };
}

/** "YYYY-MM-DD 10:00", `days` Shanghai calendar days from today. */
function daysAhead(days: number): string {
  const shanghai = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return `${shanghai.toISOString().slice(0, 10)} 10:00`;
}

async function json<T>(res: Awaited<ReturnType<Page['request']['get']>>, status: number): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

test('a 区 leader sets a duty rule for the 街道 below, and the 街道’s calendar moves its due day', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { year, q } = shanghaiNow();
  const due = `${year}-${String(q * 3).padStart(2, '0')}-20`;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInViaApi(page, 'district-leader');
  await page.goto(`/duties?year=${year}`);
  await chooseOption(page, page.getByTestId('org-select'), '城北街道党工委');
  const line = page.locator(`[data-testid=duty-line][data-kind=JUDGEMENT][data-window="${year}-Q${q}"]`);
  await expect(line).toContainText('通行做法');

  // 规则 → a rule on the 区 for each 街道乡镇级 org: four due days, one per quarter.
  await line.getByTestId('duty-rules-open').click();
  // The drawer's parts (their test ids are unique on the page).
  const drawer = page;
  await expect(drawer.getByTestId('duty-rule-decides')).toContainText('按通行做法');
  await drawer.getByTestId('duty-rule-add').click();
  await chooseOption(page, drawer.getByTestId('duty-rule-org'), '示范区委');
  await chooseOption(page, drawer.getByTestId('duty-rule-reach'), '每个街道乡镇级组织');
  // A day outside its quarter is refused by the contract's schema before anything is sent.
  const days = drawer.getByTestId('duty-rule-due');
  await days.nth(0).fill('04-20');
  for (const [i, mmdd] of ['06-20', '09-20', '12-20'].entries()) await days.nth(i + 1).fill(mmdd);
  await drawer.getByTestId('duty-rule-save').click();
  await expect(drawer.getByTestId('duty-rule-problem')).toContainText('在该期之内');
  await days.nth(0).fill('03-20');
  await drawer.getByTestId('duty-rule-save').click();
  const rule = drawer.getByTestId('duty-rule');
  await expect(rule).toHaveCount(1);
  await expect(rule).toContainText('示范区委');
  await expect(rule).toContainText('每个街道乡镇级组织');
  await expect(rule).toContainText('截止 03-20、06-20、09-20、12-20');
  await expect(rule).toContainText('决定本组织');
  await expect(drawer.getByTestId('duty-rule-decides')).toContainText('由示范区委的规定决定');
  await saveScreenshot(page, 'duty-rules-drawer-1440');
  await expectAccessible(page);
  await page.locator('.ant-drawer-close').click();
  await expect(line).toContainText(`截止 ${due}`);
  await expect(line).toContainText('由示范区委规定');

  // The 街道's leader sees the changed day on her calendar, and the 区's rule read-only, on a phone.
  const street = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const streetPage = await street.newPage();
  await signInViaApi(streetPage, 'street2-leader');
  await streetPage.goto(`/duties?year=${year}`);
  const hers = streetPage.locator(`[data-testid=duty-line][data-kind=JUDGEMENT][data-window="${year}-Q${q}"]`);
  await expect(hers).toContainText(`截止 ${due}`);
  await hers.getByTestId('duty-rules-open').click();
  const herRule = streetPage.getByTestId('duty-rule');
  await expect(herRule).toContainText('上级规定，只读');
  await expect(herRule.getByTestId('duty-rule-edit')).toHaveCount(0);
  await saveScreenshot(streetPage, 'duty-rules-drawer-street-390');
  await street.close();

  // The 区 edits it (the quarter's number), then deletes it after a confirmation: back to the default.
  await line.getByTestId('duty-rules-open').click();
  await rule.getByTestId('duty-rule-edit').click();
  await drawer.getByTestId('duty-rule-required').fill('2');
  await drawer.getByTestId('duty-rule-save').click();
  await expect(rule).toContainText('每期 2 次');
  await rule.getByTestId('duty-rule-delete').click();
  await page.getByTestId('duty-rule-delete-ok').click();
  await expect(drawer.getByTestId('duty-rule')).toHaveCount(0);
  await page.locator('.ant-drawer-close').click();
  await expect(line).toContainText('通行做法');
  await context.close();
});

test('a 街道 leader sets a branch’s chain and 5 lead days; an event 4 days ahead is late and waits for step 1', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signInViaApi(page, 'leader');
  await page.goto('/event-approvals');
  await page.getByTestId('event-rules-link').click();
  await expect(page.getByTestId('event-rules-page')).toBeVisible();
  await chooseOption(page, page.getByTestId('org-select'), '和平社区党支部');
  await expect(page.getByTestId('event-rule-source')).toContainText('沿用城南街道党工委的规定');
  await expect(page.getByTestId('event-rule-snapshot-note')).toContainText('已报送的活动保留报送时的审批链');

  const form = page.getByTestId('event-rule-form');
  const steps = form.getByTestId('event-rule-step');
  await expect(steps).toHaveCount(2);
  await form.getByTestId('event-rule-lead-days').fill('5');
  // A third step naming no user is refused with the contract's message, then removed.
  await form.getByTestId('event-rule-add-step').click();
  await steps.nth(2).getByLabel('步骤名称').fill('宣传委员');
  await steps.nth(2).getByText('指定用户', { exact: true }).click();
  await page.getByTestId('event-rule-save').click();
  await expect(page.getByTestId('event-rule-problem')).toContainText('第 3 步：每一步须指定审批人');
  // Reordering moves the whole step: up, then down again.
  await steps.nth(2).getByTestId('event-rule-step-up').click();
  await expect(steps.nth(1).getByLabel('步骤名称')).toHaveValue('宣传委员');
  await steps.nth(1).getByTestId('event-rule-step-down').click();
  await expect(steps.nth(2).getByLabel('步骤名称')).toHaveValue('宣传委员');
  await steps.nth(2).getByTestId('event-rule-step-remove').click();
  await expect(steps).toHaveCount(2);
  // 社区书记 → 宣传委员 (the 街道's leader in charge of publicity).
  await steps.nth(1).getByLabel('步骤名称').fill('宣传委员');
  await saveScreenshot(page, 'event-rule-form-390');
  await page.getByTestId('event-rule-save').click();
  await expect(page.getByTestId('event-rule-source')).toHaveText('本组织的规定');
  const view = page.getByTestId('event-rule-view');
  await expect(view).toContainText('至少提前 5 天');
  await expect(view.getByTestId('event-rule-step-view').nth(0)).toContainText('社区（村）党支部书记');
  await expect(view.getByTestId('event-rule-step-view').nth(1)).toContainText('宣传委员');
  await expectAccessible(page);
  // 和平社区's events submitted before keep the chain they were given (snapshotted at submission).
  const orgId = new URL(page.url()).searchParams.get('org');
  const before = await json<{ items: { chain: { label: string }[] }[] }>(
    await page.request.get(`/api/event-approvals?org=${orgId}&state=HELD`),
    200,
  );
  expect(before.items.length).toBeGreaterThan(0);
  for (const item of before.items) expect(item.chain.map((s) => s.label)).toContain('街道党工委分管领导');
  await context.close();

  // The branch's secretary submits a lecture 4 days ahead: accepted, flagged late, waiting for step 1.
  const secretary = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const sec = await secretary.newPage();
  await signInViaApi(sec, 'secretary2');
  const topic = uniqueTitle('社区宣讲讲座');
  await sec.goto('/event-approvals/new');
  await sec.getByTestId('event-form').getByText('讲座', { exact: true }).click();
  await sec.getByLabel('主题').fill(topic);
  await sec.getByLabel('内容提纲').fill('一、学习贯彻全会精神；二、社区宣讲经验交流');
  await sec.getByLabel('主讲人', { exact: true }).fill('李老师');
  await sec.getByLabel('主讲人单位').fill('区委党校');
  await sec.getByLabel('地点').fill('和平社区活动中心');
  for (const [label, value] of [
    ['开始时间', daysAhead(4)],
    ['结束时间', daysAhead(4).replace('10:00', '12:00')],
  ] as const) {
    const input = sec.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    await expect(input).toHaveValue(value);
  }
  await sec.getByLabel('参加人数').fill('40');
  await sec.getByLabel('政治把关意见').fill('主讲人政治立场坚定，提纲经支部审核');
  await expect(sec.getByTestId('event-late-warning')).toContainText('不足 5 天');
  await sec.getByTestId('event-submit').click();
  await expect(sec.getByTestId('event-detail')).toBeVisible();
  await expect(sec.getByTestId('event-late')).toHaveText('迟报');
  await expect(sec.getByTestId('event-chain')).toContainText('社区（村）党支部书记 · 待审批');
  await expect(sec.getByTestId('event-chain')).toContainText('宣传委员');
  await secretary.close();
});

test('a leader edits a meeting: a new 议定事项 becomes a task, a done one is locked and cannot be dropped', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInViaApi(page, 'leader');
  const { today } = shanghaiNow();
  const me = await json<{ user: { id: string; org: { id: string } } }>(
    await page.request.get('/api/auth/session'),
    200,
  );
  const first = uniqueTitle('制定阵地巡查计划');
  const second = uniqueTitle('更新宣传栏内容');
  const added = uniqueTitle('开展网络舆情培训');
  const meeting = await json<{ id: string; decisions: { taskId: string; text: string }[] }>(
    await page.request.post('/api/committee-meetings', {
      data: {
        orgId: me.user.org.id,
        kind: 'SPECIAL_STUDY',
        title: uniqueTitle('党工委专题研究'),
        heldAt: new Date(Date.now() - 3_600_000).toISOString(),
        chair: '张卫国',
        attendees: [{ userId: me.user.id, name: '张卫国', observer: false }],
        agenda: ['研究意识形态工作'],
        decisions: [first, second].map((text) => ({ text, ownerId: me.user.id, dueDate: today })),
      },
    }),
    201,
  );
  const taskOf = (text: string) => meeting.decisions.find((d) => d.text === text)?.taskId as string;
  /** The task's owner closes it with evidence (the responsibility list's workflow). */
  const close = async (taskId: string) => {
    await json(
      await page.request.post('/api/attachments', {
        multipart: {
          entityType: 'Assignment',
          entityId: taskId,
          file: { name: '佐证.png', mimeType: 'image/png', buffer: PNG },
        },
      }),
      201,
    );
    const task = await page.request.get(`/api/assignments/${taskId}`);
    await json(
      await page.request.post(`/api/assignments/${taskId}/close`, {
        data: { closingNote: '已办结' },
        headers: { 'If-Match': task.headers().etag ?? '', 'Idempotency-Key': crypto.randomUUID() },
      }),
      200,
    );
  };

  // Edit: add a 议定事项; it is saved as a task of 责任清单.
  await page.goto(`/committee-meetings/${meeting.id}`);
  await page.getByTestId('meeting-edit').click();
  await expect(page.getByTestId('meeting-edit-page')).toBeVisible();
  const cards = page.getByTestId('meeting-decision-field');
  await expect(cards).toHaveCount(2);
  await page.getByTestId('meeting-add-decision').click();
  await cards.nth(2).getByLabel('议定事项', { exact: true }).fill(added);
  await cards.nth(2).getByLabel('完成期限').click();
  await page
    .locator('.ant-picker-dropdown:visible .ant-picker-now-btn, .ant-picker-dropdown:visible .ant-picker-today-btn')
    .first()
    .click();
  await saveScreenshot(page, 'meeting-edit-390');
  await page.getByTestId('meeting-save').click();
  const row = page.getByTestId('meeting-decision').filter({ hasText: added });
  await expect(row.getByTestId('decision-status')).toHaveText('进行中');
  await row.getByRole('link', { name: added }).click();
  await expect(page).toHaveURL(/\/assignments\//);
  await expect(page.getByText(added).first()).toBeVisible();

  // A done 议定事项 is shown locked: no field to change, no button to remove it.
  await close(taskOf(first));
  await page.goto(`/committee-meetings/${meeting.id}/edit`);
  const locked = cards.filter({ has: page.getByTestId('meeting-decision-locked') });
  await expect(locked).toHaveCount(1);
  await expect(locked.getByLabel('议定事项', { exact: true })).toHaveValue(first);
  await expect(locked.getByLabel('议定事项', { exact: true })).toBeDisabled();
  await expect(locked.getByTestId('meeting-remove-decision')).toHaveCount(0);
  await expectAccessible(page);

  // The second is done while the page is open; removing it (asked first) is refused by the server.
  await close(taskOf(second));
  const at = await cards.evaluateAll(
    (els, text) => els.findIndex((e) => e.querySelector<HTMLInputElement>('input[id$="_text"]')?.value === text),
    second,
  );
  await cards.nth(at).getByTestId('meeting-remove-decision').click();
  await page.getByTestId('meeting-remove-confirm').click();
  await expect(cards).toHaveCount(2);
  await page.getByTestId('meeting-save').click();
  await expect(page.getByTestId('meeting-problem')).toHaveText('已完成的议定事项不能删除或改动，请保留原内容');
  await saveScreenshot(page, 'meeting-edit-refused-390');
  await page.goto(`/committee-meetings/${meeting.id}`);
  await expect(page.getByTestId('meeting-decision')).toHaveCount(3);
});
