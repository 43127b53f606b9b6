// 考核结果 in real Chromium on the demo seed (issue 18 part A, ADR 042): a 2026 (whole year)
// campaign of the 区 over its two 街道 is taken to CONFIRMED through the API (both 自评 submitted, one item changed
// in 复核); the 区 leader sees the ranking, a unit's scorecard, and a "N 条记录" link that lands on
// a list of exactly N records; the 通报 DOCX is downloaded and rendered to PNG (soffice, pdftoppm)
// to be looked at. Pictures at 1440 and 390.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AssessmentReturn, Campaign } from '@dutyboard/contracts/assessment-campaigns';
import type { CampaignResults, Scorecard } from '@dutyboard/contracts/assessment-results';
import type { Me } from '@dutyboard/contracts/auth';
import { expect, type Page, test } from '@playwright/test';
import { docxText, expectAccessible, renderDocx, SCREENSHOT_DIR, saveScreenshot, signInViaApi } from './fixtures.ts';

/** The whole year: the demo's records are in it, and helper D's demo campaign is 2026-H1. */
const PERIOD = '2026';

async function apiJson<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  data?: object,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await page.request.fetch(url, { method, headers, ...(data ? { data } : {}) });
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** A write at the return's current version. */
async function write(page: Page, id: string, what: 'self' | 'review' | 'steps', body: object) {
  const now = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${id}`);
  return apiJson<AssessmentReturn>(
    page,
    what === 'steps' ? 'POST' : 'PUT',
    `/api/assessment-returns/${id}/${what}`,
    body,
    {
      'if-match': `"${now.version}"`,
    },
  );
}

/** The unit's leader scores every manual item (points − off) with a note and submits. */
async function selfAssess(page: Page, who: string, id: string, off: number) {
  await signInViaApi(page, who);
  const r = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${id}`);
  const manual = r.items.filter((i) => i.proposal.ruleType === 'MANUAL');
  await write(page, id, 'self', {
    items: manual.map((i) => ({ key: i.key, score: i.points - off, note: '材料见会议记录' })),
  });
  await write(page, id, 'steps', { to: 'SUBMITTED' });
  return r;
}

test('the 区 reads the ranking of a confirmed 考核, a unit’s scorecard and its records, and the 通报', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();

  await signInViaApi(page, 'district-leader');
  const me = await apiJson<Me>(page, 'GET', '/api/me');
  const scheme = await apiJson<{ id: string }>(page, 'POST', '/api/assessment-schemes/starter', {
    org: me.org.id,
    period: PERIOD,
  });
  const campaign = await apiJson<Campaign>(page, 'POST', '/api/assessment-campaigns', {
    scheme: scheme.id,
    name: '2026年度意识形态工作责任制考核',
    selfDueOn: '2027-01-10',
    reviewDueOn: '2027-01-20',
  });
  const south = campaign.returns.find((r) => r.orgName.includes('城南'));
  const north = campaign.returns.find((r) => r.orgName.includes('城北'));
  if (!south || !north) throw new Error('the demo 区 scores 城南 and 城北');

  const southBefore = await selfAssess(page, 'leader', south.id, 2);
  await selfAssess(page, 'street2-leader', north.id, 4);
  // Nothing confirmed yet: the page says so, ranks by the 自评 totals and offers no 通报.
  await signInViaApi(page, 'district-leader');
  await page.goto(`/assessments/campaigns/${campaign.id}/results`);
  await expect(page.getByTestId('results-empty')).toBeVisible();
  await expect(page.getByTestId('results-docx')).toBeDisabled();
  await expect(page.getByTestId('results-table')).toContainText('自评得分（未复核）');
  await saveScreenshot(page, 'assessment-results-empty-1440');

  await signInViaApi(page, 'district-reviewer');
  const changed = southBefore.items.find((i) => i.proposal.ruleType === 'MANUAL');
  if (!changed) throw new Error('the starter has manual items');
  for (const r of [south, north]) {
    const now = await apiJson<AssessmentReturn>(page, 'GET', `/api/assessment-returns/${r.id}`);
    await write(page, r.id, 'review', {
      items: now.items.map((i) =>
        r === south && i.key === changed.key
          ? { key: i.key, decision: 'CHANGE', score: i.points - 6, reason: '第三季度研判记录缺失' }
          : { key: i.key, decision: 'AGREE' },
      ),
    });
    await write(page, r.id, 'steps', { to: 'REVIEWED' });
  }
  await signInViaApi(page, 'district-leader');
  for (const r of [south, north]) await write(page, r.id, 'steps', { to: 'CONFIRMED' });

  // The ranking, as the API answers it.
  const results = await apiJson<CampaignResults>(page, 'GET', `/api/assessment-campaigns/${campaign.id}/results`);
  await page.goto('/assessments');
  await page.getByTestId('campaign').filter({ hasText: campaign.name }).getByTestId('campaign-results').click();
  await expect(page).toHaveURL(`/assessments/campaigns/${campaign.id}/results`);
  const rows = page.getByTestId('results-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(results.rows.length);
  for (const [i, row] of results.rows.entries()) {
    await expect(rows.nth(i)).toContainText(row.orgName);
    await expect(rows.nth(i).locator('td').first()).toHaveText(String(row.rank));
  }
  await expectAccessible(page);
  await saveScreenshot(page, 'assessment-results-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'assessment-results-390');
  await page.setViewportSize({ width: 1440, height: 900 });

  // The 通报: downloaded, then rendered to a picture to be looked at.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-docx').click()]);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const docx = path.join(SCREENSHOT_DIR, 'assessment-notice.docx');
  await download.saveAs(docx);
  const text = docxText(docx);
  expect(text).toContain('意识形态工作责任制考核情况的通报');
  expect(text).toContain(
    `经考核，各单位最终得分从高到低依次为：${results.rows.map((r) => `${r.orgName}${r.score}分`).join('，')}。`,
  );
  renderDocx(docx, 'assessment-notice');

  // 城南's scorecard: the changed item says why, and its records link lands on exactly its records.
  await page.getByTestId('results-unit').filter({ hasText: '城南' }).click();
  await expect(page).toHaveURL(`/assessments/returns/${south.id}/scorecard`);
  const card = await apiJson<Scorecard>(page, 'GET', `/api/assessment-returns/${south.id}/scorecard`);
  const changedItem = page.locator(`[data-testid="scorecard-item"][data-key="${changed.key}"]`);
  await expect(changedItem.getByTestId('scorecard-reasons')).toContainText('复核调整：第三季度研判记录缺失');
  await expectAccessible(page);
  await saveScreenshot(page, 'assessment-scorecard-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'assessment-scorecard-390');
  await page.setViewportSize({ width: 1440, height: 900 });
  // A computed item with records behind it (the year's 中心组学习 of the demo).
  const counted = card.categories.flatMap((c) => c.items).find((i) => i.drill !== null && (i.done ?? 0) > 0);
  if (!counted) throw new Error('no computed item with records');
  const link = page
    .locator(`[data-testid="scorecard-item"][data-key="${counted.key}"]`)
    .getByTestId('scorecard-records');
  await expect(link).toHaveText(`${counted.done} 条记录`);
  await link.click();
  await expect(page.getByTestId('list-total')).toContainText(`共 ${counted.done} 条`);
  await context.close();
});
