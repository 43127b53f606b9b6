// Issue 19 part C in the browser (ADR 047): 城南's leader drafts the second-half 专题汇报 from the
// records — it opens with 上期问题整改情况 from the demo's FINAL first-half 总结 — saves it, makes it
// final, downloads the Word file, marks it 报送 with a day and a 文号 after a confirmation; the 区's
// leader finds it among the reports received. Screenshots at 390 and 1440 px; axe on both pages.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { docxText, expectAccessible, renderDocx, SCREENSHOT_DIR, saveScreenshot, signInViaApi } from './fixtures.ts';

test('a 专题汇报 is drafted, finalised, exported, sent, and arrives at the 区', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInViaApi(page, 'leader');
  await page.goto('/reports/summary?kind=SPECIAL_REPORT&period=2026-H2');
  await expect(page.getByTestId('report-kind')).toContainText('专题汇报');
  await page.getByTestId('generate-summary').click();
  const doc = page.getByTestId('summary-document');
  await expect(doc).toContainText('关于2026年下半年意识形态工作情况的专题汇报');
  await expect(doc).toContainText('一、上期问题整改情况');
  await expect(doc).toContainText('任务交办不明确，责任目标不清晰');
  await expect(doc).toContainText('示范区委：');

  await page.getByTestId('save-summary').click();
  await expect(page.getByTestId('version-state').first()).toContainText('草稿');
  await page.getByTestId('finalize-summary').click();
  await page.getByTestId('finalize-ok').click();
  await expect(page.getByTestId('final-read-only')).toBeVisible();

  // The Word file of the final version: the 主送 and the first section.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
  const file = path.join(SCREENSHOT_DIR, 'duty-report-special.docx');
  await download.saveAs(file);
  const text = docxText(file);
  expect(text).toContain('示范区委：');
  expect(text).toContain('一、上期问题整改情况');
  renderDocx(file, 'duty-report-special');

  // 报送: day and 文号, then a confirmation.
  await page.getByTestId('submit-report').click();
  await page.getByTestId('submit-doc-number').fill('城南工委〔2026〕31号');
  await page.getByTestId('submit-next').click();
  await page.getByTestId('submit-ok').click();
  await expect(page.getByTestId('report-sent')).toContainText('城南工委〔2026〕31号');
  await expect(page.getByTestId('submit-report')).toHaveCount(0);
  await saveScreenshot(page, 'duty-report-sent-1440');
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, 'duty-report-sent-390');

  // The 区's leader sees it arrive.
  const context = await browser.newContext();
  const district = await context.newPage();
  await district.setViewportSize({ width: 1440, height: 900 });
  await signInViaApi(district, 'district-leader');
  await district.goto('/reports/submissions?received=1');
  const rows = district.getByTestId('submissions');
  await expect(rows).toContainText('城南工委〔2026〕31号');
  await expect(rows).toContainText('城南工委〔2026〕12号');
  await expect(rows).toContainText('城南街道党工委');
  await saveScreenshot(district, 'duty-report-received-1440');
  await expectAccessible(district);
  await district.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(district, 'duty-report-received-390');
  await context.close();
});
