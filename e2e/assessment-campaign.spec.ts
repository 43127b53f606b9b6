// 考核任务 in real Chromium on the demo seed (issue 18 part 2, ADR 041): the 区 leader opens a
// campaign on the starter 细则 (through the API: the scheme editor comes later); the 城南 leader
// sees every computed item pre-filled with its "N 条记录" link, scores the manual items with notes
// and submits; the 区 reviewer agrees with all but one item, which it changes with a reason; the
// 区 leader confirms, and the page shows the final total and the lock. Pictures at 1440 and 390.
import AxeBuilder from '@axe-core/playwright';
import type { AssessmentReturn, Campaign } from '@dutyboard/contracts/assessment-campaigns';
import type { Me } from '@dutyboard/contracts/auth';
import { expect, type Page, test } from '@playwright/test';
import { chooseOption, saveScreenshot, signInViaApi } from './fixtures.ts';

/** The current half year in Shanghai ("2026-H2"). */
function currentHalf(): string {
  const today = new Date(Date.now() + 8 * 3600_000);
  return `${today.getUTCFullYear()}-H${today.getUTCMonth() < 6 ? 1 : 2}`;
}

/** axe-core on the page as it is: no serious or critical violation (as e2e/a11y.spec.ts). */
async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking).toEqual([]);
}

async function apiJson<T>(page: Page, method: 'GET' | 'POST', url: string, data?: object): Promise<T> {
  const res = method === 'GET' ? await page.request.get(url) : await page.request.post(url, { data });
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

test('the 区 opens a 考核, 城南 submits its 自评, the reviewer changes one item, the leader confirms', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();

  // The 区 leader opens the campaign on a fresh starter scheme.
  await signInViaApi(page, 'district-leader');
  const me = await apiJson<Me>(page, 'GET', '/api/me');
  const scheme = await apiJson<{ id: string }>(page, 'POST', '/api/assessment-schemes/starter', {
    org: me.org.id,
    period: currentHalf(),
  });
  const campaign = await apiJson<Campaign>(page, 'POST', '/api/assessment-campaigns', {
    scheme: scheme.id,
    selfDueOn: '2027-01-10',
    reviewDueOn: '2027-01-20',
  });
  const own = campaign.returns.find((r) => r.orgName.includes('城南'));
  if (!own) throw new Error('no 城南 return');
  const url = `/assessments/returns/${own.id}`;

  // 城南's leader: computed items pre-filled, each with its records link; manual ones scored.
  await signInViaApi(page, 'leader');
  const before = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${own.id}`);
  await page.goto(url);
  const items = page.getByTestId('assessment-item');
  await expect(items).toHaveCount(before.items.length);
  const computed = before.items.filter((i) => i.proposal.drill !== null);
  expect(computed.length).toBeGreaterThan(0);
  for (const item of computed) {
    const card = page.locator(`[data-testid="assessment-item"][data-key="${item.key}"]`);
    await expect(card.getByTestId('item-records')).toHaveText(`${item.proposal.done} 条记录`);
    await expect(card.getByLabel('自评得分')).toHaveValue(String(item.proposal.proposed));
  }
  const first = computed[0];
  const manual = before.items.filter((i) => i.proposal.ruleType === 'MANUAL');
  for (const item of manual) {
    const card = page.locator(`[data-testid="assessment-item"][data-key="${item.key}"]`);
    await card.getByLabel('自评得分').fill(String(item.points - 2));
    await card.getByLabel('自评说明').fill('已按要求完成，材料见会议记录');
  }
  await page.getByRole('button', { name: '保存自评' }).click();
  await expect(page.getByTestId('return-state')).toHaveText('自评中');
  await expectAccessible(page);
  await saveScreenshot(page, 'assessment-self-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'assessment-self-390');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: '提交自评' }).click();
  await expect(page.getByTestId('return-state')).toHaveText('自评已提交');

  // The 区 reviewer agrees with every item but one manual item, changed with a reason.
  await signInViaApi(page, 'district-reviewer');
  await page.goto(url);
  const changed = manual[0];
  if (!changed || !first) throw new Error('the starter has manual and computed items');
  for (const item of before.items) {
    const card = page.locator(`[data-testid="assessment-item"][data-key="${item.key}"]`);
    await chooseOption(page, card.getByLabel('复核意见'), item.key === changed.key ? '调整得分' : '同意自评分');
  }
  const card = page.locator(`[data-testid="assessment-item"][data-key="${changed.key}"]`);
  await card.getByLabel('复核得分').fill(String(changed.points - 5));
  await card.getByLabel('调整理由').fill('第三季度检查记录缺失');
  await page.getByRole('button', { name: '保存复核' }).click();
  await expect(page.getByTestId('return-state')).toHaveText('复核中');
  await page.getByRole('button', { name: '复核完成' }).click();
  await expect(page.getByTestId('return-state')).toHaveText('复核完成');
  await expectAccessible(page);
  await saveScreenshot(page, 'assessment-review-1440');

  // The 区 leader confirms: the final total is the self scores with the one change; locked.
  await signInViaApi(page, 'district-leader');
  await page.goto(url);
  await page.getByRole('button', { name: '确认最终得分' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByTestId('return-state')).toHaveText('已确认');
  await expect(page.getByText('考核结果已确认并锁定')).toBeVisible();
  const after = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${own.id}`);
  const expected =
    computed.reduce((s, i) => s + (i.proposal.proposed ?? 0), 0) +
    manual.reduce((s, i) => s + (i.key === changed.key ? i.points - 5 : i.points - 2), 0);
  expect(after.finalTotal).toBe(expected);
  await expect(page.getByTestId('final-total')).toContainText(String(expected));
  await saveScreenshot(page, 'assessment-confirmed-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'assessment-confirmed-390');

  // The campaign list shows 城南 confirmed.
  await page.goto('/assessments');
  await expect(page.getByTestId('campaign-return').filter({ hasText: '城南' }).first()).toContainText('已确认');
  await context.close();
});
