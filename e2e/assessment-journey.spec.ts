// The issue's 考核 journey in real Chromium on the demo seed (issue 18, ADR 041 with its part C
// amendment): the 区 reviewer opens a campaign in the web form for 城南街道 and 城北街道; 城南's
// leader finds every computable item pre-filled, follows one item's "N 条记录" to a list of exactly
// the drill's records, links one record through the picker, adjusts one score with a note and
// submits; the 区 reviewer agrees with all but one item, changes that one with a reason and
// finishes the 复核; the 区 leader confirms, and the return is locked (no step buttons, the API
// answers 409). Helper D's demo holds a 2026-H1 campaign, and the demo's records of the current
// half year are too few, so this one scores the whole current year. Then the ranking shows 城南's
// confirmed total and the 通报 DOCX drafted from the results names it (rendered to a PNG where
// LibreOffice Writer is installed). axe clean; pictures at 1440 and 390.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AssessmentReturn, CampaignListItem } from '@dutyboard/contracts/assessment-campaigns';
import type { CampaignResults } from '@dutyboard/contracts/assessment-results';
import type { Me } from '@dutyboard/contracts/auth';
import { expect, type Page, test } from '@playwright/test';
import {
  chooseOption,
  docxText,
  expectAccessible,
  renderDocx,
  SCREENSHOT_DIR,
  saveScreenshot,
  signInViaApi,
  uniqueTitle,
} from './fixtures.ts';

/** The current year in Shanghai ("2026"): the whole year holds the demo's records. */
function currentYear(): string {
  return String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
}

async function apiJson<T>(page: Page, method: 'GET' | 'POST' | 'PATCH', url: string, data?: object, headers = {}) {
  const res = await page.request.fetch(url, { method, headers, ...(data ? { data } : {}) });
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

const itemCard = (page: Page, key: string) => page.locator(`[data-testid="assessment-item"][data-key="${key}"]`);

async function pickDay(page: Page, label: string, day: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await expect(input).toHaveValue(day);
}

test('the 区 reviewer opens a 考核 in the web, 城南 submits with linked evidence, the 区 confirms', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const period = currentYear();
  const schemeName = uniqueTitle('旅程考核细则');
  const campaignName = uniqueTitle('旅程考核');

  // The 区 leader writes the 细则 (the scheme editor is helper B's page): the starter, renamed.
  await signInViaApi(page, 'district-leader');
  const district = await apiJson<Me>(page, 'GET', '/api/me');
  const starter = await apiJson<{ id: string; version: number }>(page, 'POST', '/api/assessment-schemes/starter', {
    org: district.org.id,
    period,
  });
  await apiJson(
    page,
    'PATCH',
    `/api/assessment-schemes/${starter.id}`,
    { name: schemeName },
    {
      'If-Match': `"${starter.version}"`,
    },
  );

  await test.step('the 区 reviewer opens the campaign in the form', async () => {
    await signInViaApi(page, 'district-reviewer');
    await page.goto('/assessments');
    await page.getByRole('button', { name: '发起考核' }).click();
    const dialog = page.getByRole('dialog', { name: '发起考核', exact: true });
    await expect(dialog).toBeVisible();
    await chooseOption(page, dialog.getByLabel('考核周期'), `${period}年全年`);
    await chooseOption(page, dialog.getByLabel('考核细则'), schemeName);
    await expect(dialog.getByText('草稿', { exact: true }).first()).toBeVisible();
    // Every 街道 of the 区 is ticked by default.
    for (const unit of ['城南街道党工委', '城北街道党工委']) {
      await expect(dialog.getByRole('checkbox', { name: unit })).toBeChecked();
    }
    await expect(dialog.getByLabel('考核名称')).toHaveValue(/示范区委.*意识形态工作责任制考核/);
    // Named apart from the other campaigns of the run (the demo's, the results spec's).
    await dialog.getByLabel('考核名称').fill(campaignName);
    // A 复核 due before the 自评 is refused on the field, in words.
    await pickDay(page, '自评截止日期', '2027-01-20');
    await pickDay(page, '复核截止日期', '2027-01-10');
    await dialog.getByRole('button', { name: /发起/ }).click();
    await expect(dialog.getByText('复核截止日期不能早于自评截止日期', { exact: true })).toBeVisible();
    await pickDay(page, '复核截止日期', '2027-01-31');
    await expectAccessible(page);
    await saveScreenshot(page, 'journey-open-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'journey-open-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await dialog.getByRole('button', { name: /发起/ }).click();
    const confirm = page.getByRole('dialog', { name: '确认发起考核？' });
    await expect(confirm).toContainText('考核 2 个单位');
    await expect(confirm).toContainText(`考核细则“${schemeName}”将随之启用并锁定`);
    await confirm.getByRole('button', { name: '确认发起' }).click();
    await expect(dialog).toBeHidden();
    const card = page.getByTestId('campaigns-issued').getByTestId('campaign').filter({ hasText: campaignName });
    await expect(card).toContainText(period.slice(0, 4));
    await expect(card.getByTestId('campaign-return')).toHaveCount(2);
    await expectAccessible(page);
    await saveScreenshot(page, 'journey-list-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'journey-list-390');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  const list = await apiJson<{ items: CampaignListItem[] }>(page, 'GET', '/api/assessment-campaigns?issuer=mine');
  const campaign = list.items.find((c) => c.schemeId === starter.id);
  if (!campaign) throw new Error('the campaign was not opened');
  const full = await apiJson<{ returns: { id: string; orgName: string }[] }>(
    page,
    'GET',
    `/api/assessment-campaigns/${campaign.id}`,
  );
  expect(full.returns.map((r) => r.orgName).sort()).toEqual(['城北街道党工委', '城南街道党工委'].sort());
  const own = full.returns.find((r) => r.orgName === '城南街道党工委');
  if (!own) throw new Error('no 城南 return');
  const url = `/assessments/returns/${own.id}`;

  // 城南's leader: the campaign is listed as one the unit takes part in.
  await signInViaApi(page, 'leader');
  const taking = await apiJson<{ items: CampaignListItem[] }>(page, 'GET', '/api/assessment-campaigns?issuer=above');
  expect(taking.items.find((c) => c.id === campaign.id)?.unitReturn?.id).toBe(own.id);
  const before = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${own.id}`);
  const computed = before.items.filter((i) => i.proposal.drill !== null);
  const manual = before.items.filter((i) => i.proposal.ruleType === 'MANUAL');
  // An item with records on one list page: its "N 条记录" lands on exactly those.
  const followed = computed.find((i) => (i.proposal.done ?? 0) > 0 && (i.proposal.done ?? 0) <= 20);
  if (!followed?.proposal.drill)
    throw new Error(`no item with 1..20 records: ${computed.map((i) => `${i.key}=${i.proposal.done}`).join(' ')}`);
  const adjusted = computed.find((i) => (i.proposal.proposed ?? 0) >= 1) ?? followed;

  await test.step('城南 sees every computable item pre-filled, and one link lands on its records', async () => {
    await page.goto(url);
    await expect(page.getByTestId('assessment-item')).toHaveCount(before.items.length);
    for (const item of computed) {
      const card = itemCard(page, item.key);
      await expect(card.getByTestId('item-records')).toHaveText(`${item.proposal.done} 条记录`);
      await expect(card.getByLabel('自评得分')).toHaveValue(String(item.proposal.proposed));
    }
    const drill = followed.proposal.drill;
    if (!drill) throw new Error('no drill');
    const listed = await apiJson<{ items: { id: string }[] }>(
      page,
      'GET',
      `${drill.list}?${new URLSearchParams({ ...drill.query, limit: '100' })}`,
    );
    expect(listed.items).toHaveLength(followed.proposal.done ?? -1);
    await itemCard(page, followed.key).getByTestId('item-records').click();
    // A list is a table of rows, or (党工委 meetings) of cards, each naming its record's id.
    const rows = page.locator('.ant-table-tbody tr[data-row-key], [data-testid=meeting-card][data-id]');
    await expect(rows).toHaveCount(followed.proposal.done ?? -1);
    const shown = await rows.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-row-key') ?? el.getAttribute('data-id')),
    );
    expect(shown.sort()).toEqual(listed.items.map((r) => r.id).sort());
    await page.goBack();
  });

  await test.step('城南 links a record through the picker, adjusts one score with a note, submits', async () => {
    await expect(page.getByText('佐证材料复用已有记录，不重复上传').first()).toBeVisible();
    const card = itemCard(page, followed.key);
    // Keyboard only: the picker opens from its button and a record is ticked with Space.
    await card.getByTestId('pick-evidence').focus();
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: /关联佐证/ });
    // The picker lists the item's drill for the unit (the API's answer); one is found by its title.
    const evidence = await apiJson<{ records: { id: string; title: string }[] }>(
      page,
      'GET',
      `/api/assessment-returns/${own.id}/items/${followed.key}/evidence`,
    );
    await expect(picker.getByTestId('evidence-record')).toHaveCount(evidence.records.length);
    const target = evidence.records[0];
    if (!target) throw new Error('no record to link');
    const linkedId = target.id;
    await picker.getByLabel('按标题、单位或日期筛选').fill(target.title);
    const row = picker.locator(`[data-testid="evidence-record"][data-id="${linkedId}"]`);
    await expect(row).toBeVisible();
    await row.getByRole('checkbox').first().focus();
    await page.keyboard.press('Space');
    await expect(row.getByRole('checkbox').first()).toBeChecked();
    await expectAccessible(page);
    await saveScreenshot(page, 'journey-picker-1440');
    await picker.getByRole('button', { name: '确定' }).click();
    await expect(card.getByTestId('linked-record')).toHaveCount(1);
    await expect(card.getByTestId('linked-record').getByRole('link')).toHaveAttribute('href', new RegExp(linkedId));

    const adjustedCard = itemCard(page, adjusted.key);
    await adjustedCard.getByLabel('自评得分').fill(String((adjusted.proposal.proposed ?? 1) - 1));
    await adjustedCard.getByLabel('自评说明').fill('第三季度一次学习未形成纪要，自减1分');
    for (const item of manual) {
      const m = itemCard(page, item.key);
      await m.getByLabel('自评得分').fill(String(item.points - 2));
      await m.getByLabel('自评说明').fill('已按要求完成，材料见会议记录');
    }
    await page.getByRole('button', { name: '保存自评' }).click();
    await expect(page.getByTestId('return-state')).toHaveText('自评中');
    const saved = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${own.id}`);
    expect(saved.items.find((i) => i.key === followed.key)?.records.map((r) => r.id)).toEqual([linkedId]);
    await expectAccessible(page);
    await saveScreenshot(page, 'journey-self-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'journey-self-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: '提交自评' }).click();
    await expect(page.getByTestId('return-state')).toHaveText('自评已提交');
  });

  const changed = manual[0] ?? adjusted;
  await test.step('the 区 reviewer agrees with all but one, changes it with a reason, finishes', async () => {
    await signInViaApi(page, 'district-reviewer');
    await page.goto(url);
    for (const item of before.items) {
      await chooseOption(
        page,
        itemCard(page, item.key).getByLabel('复核意见'),
        item.key === changed.key ? '调整得分' : '同意自评分',
      );
    }
    const card = itemCard(page, changed.key);
    await card.getByLabel('复核得分').fill(String(Math.max(0, changed.points - 5)));
    await card.getByLabel('调整理由').fill('第三季度阵地检查记录缺失');
    await page.getByRole('button', { name: '保存复核' }).click();
    await expect(page.getByTestId('return-state')).toHaveText('复核中');
    await page.getByRole('button', { name: '复核完成' }).click();
    await expect(page.getByTestId('return-state')).toHaveText('复核完成');
  });

  await test.step('the 区 leader confirms; the return is locked', async () => {
    await signInViaApi(page, 'district-leader');
    await page.goto(url);
    await page.getByRole('button', { name: '确认最终得分' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect(page.getByTestId('return-state')).toHaveText('已确认');
    await expect(page.getByText('考核结果已确认并锁定')).toBeVisible();
    for (const step of ['保存自评', '提交自评', '保存复核', '复核完成', '退回补充', '确认最终得分']) {
      await expect(page.getByRole('button', { name: step })).toHaveCount(0);
    }
    const after = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${own.id}`);
    expect(after.steps).toEqual([]);
    expect(after.items.find((i) => i.key === changed.key)?.finalScore).toBe(Math.max(0, changed.points - 5));
    const locked = await page.request.post(`/api/assessment-returns/${own.id}/steps`, {
      headers: { 'If-Match': `"${after.version}"` },
      data: { to: 'RETURNED', reason: '再看看' },
    });
    expect(locked.status()).toBe(409);
    expect((await locked.json()).error.key).toBe('campaign.locked');
    await expectAccessible(page);
    await saveScreenshot(page, 'journey-confirmed-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'journey-confirmed-390');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  await test.step('the ranking and the 通报 DOCX show the confirmed score', async () => {
    // Still the 区 leader. 城南 is the only unit confirmed: it ranks first on its final total, the
    // one the reviewer's change made, and the 通报 drafted from the results names that figure.
    const confirmed = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${own.id}`);
    const results = await apiJson<CampaignResults>(page, 'GET', `/api/assessment-campaigns/${campaign.id}/results`);
    const southRow = results.rows.find((r) => r.orgId === confirmed.orgId);
    expect(southRow?.score).toBe(confirmed.finalTotal);
    await page.goto('/assessments');
    await page.getByTestId('campaign').filter({ hasText: campaign.name }).getByTestId('campaign-results').click();
    await expect(page).toHaveURL(`/assessments/campaigns/${campaign.id}/results`);
    const row = page.getByTestId('results-table').locator('tbody tr.ant-table-row').filter({ hasText: '城南' });
    await expect(row).toContainText(String(confirmed.finalTotal));
    await expect(row.locator('td').first()).toHaveText(String(southRow?.rank));
    await saveScreenshot(page, 'journey-ranking-1440');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-docx').click()]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const docx = path.join(SCREENSHOT_DIR, 'journey-notice.docx');
    await download.saveAs(docx);
    expect(docxText(docx)).toContain(`城南街道党工委${confirmed.finalTotal}分`);
    renderDocx(docx, 'journey-notice');
  });

  await test.step('a record added after confirmation shows as drift; the confirmed score stands', async () => {
    const before = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${own.id}`);
    const topic = uniqueTitle('确认后补录中心组学习');
    await signInViaApi(page, 'leader');
    await apiJson(page, 'POST', '/api/study-sessions', {
      orgId: before.orgId,
      kind: 'CENTRAL_GROUP',
      topicCategory: 'THEORY',
      topic,
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
    });
    await signInViaApi(page, 'district-leader');
    await page.goto(`/assessments/returns/${own.id}/scorecard`);
    await expect(page.getByTestId('drift-records').filter({ hasText: topic }).first()).toBeVisible();
    const after = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${own.id}`);
    expect(after.finalTotal).toBe(before.finalTotal);
    expect(after.items.some((i) => i.drift?.added.some((r) => r.title === topic))).toBe(true);
    await saveScreenshot(page, 'journey-drift-1440');
  });

  await context.close();
});
