// The calendar of duties through the year (issue 19): 城北街道's leader finds this half's 专题研究 and
// 专题汇报 owed on /duties; a 专题研究 meeting with one 议定事项 fulfils the first (its drill lists
// the meeting, the decision is a task on 责任清单); the 专题汇报 drafted from records turns its line
// 起草中, and once 定稿, exported and 报送 with a 文号 it is done — and the 区 sees it arrive, in its
// received list and on its own calendar of the streets below. 城北 is used because no other spec
// writes its meetings or reports. Each part's own steps (the forum flagged, the red 公众号, the
// 总结 opening with last half's problems) are in their specs: event-approvals, positions-accountability
// and duty-reports.
import { writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { docxText, expectAccessible, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

/** The Shanghai half containing now: its code, its year, and the 专题汇报's default due day. */
function halfOfNow() {
  const sh = new Date(Date.now() + 8 * 3_600_000);
  const year = sh.getUTCFullYear();
  const h = sh.getUTCMonth() < 6 ? 1 : 2;
  const today = sh.toISOString().slice(0, 10);
  return { year, code: `${year}-H${h}`, today, reportDue: `${year}-${h === 1 ? '06' : '12'}-20` };
}

async function json<T>(res: Awaited<ReturnType<Page['request']['get']>>, status: number): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

test('a 专题研究 and a 专题汇报 fulfil the half’s duties, and the 区 sees the report arrive', async ({ browser }) => {
  const half = halfOfNow();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInViaApi(page, 'street2-leader');
  const me = await json<{ user: { id: string; org: { id: string; name: string } } }>(
    await page.request.get('/api/auth/session'),
    200,
  );
  const org = me.user.org;
  const line = (kind: string) =>
    page.locator(`[data-testid=duty-line][data-kind=${kind}][data-window="${half.code}"]`).first();

  // 1. The half's duties are owed and not yet done.
  await page.goto(`/duties?year=${half.year}`);
  await expect(line('SPECIAL_STUDY').getByTestId('duty-state')).toHaveAttribute('data-state', 'NOT_STARTED');
  await expect(line('SPECIAL_REPORT').getByTestId('duty-state')).toHaveAttribute('data-state', 'NOT_STARTED');
  await expect(line('SPECIAL_REPORT')).toContainText(`截止 ${half.reportDue}`);

  // 2. A 专题研究 meeting with one 议定事项: the duty is done, and the decision is a task.
  const decision = uniqueTitle('修订阵地管理办法');
  const meeting = await json<{ id: string; title: string }>(
    await page.request.post('/api/committee-meetings', {
      data: {
        orgId: org.id,
        kind: 'SPECIAL_STUDY',
        title: '党工委专题研究意识形态工作',
        heldAt: new Date(Date.now() - 3_600_000).toISOString(),
        chair: '城北书记',
        attendees: [{ userId: me.user.id, name: '城北书记', observer: false }],
        agenda: ['研究本半年意识形态工作'],
        decisions: [{ text: decision, ownerId: me.user.id, dueDate: half.today }],
      },
    }),
    201,
  );
  await page.reload();
  await expect(line('SPECIAL_STUDY').getByTestId('duty-state')).toHaveAttribute('data-state', 'DONE');
  await expect(line('SPECIAL_STUDY').getByTestId('duty-records')).toHaveText('1 条记录');
  await line('SPECIAL_STUDY').getByTestId('duty-records').click();
  await expect(page).toHaveURL(/\/committee-meetings\?/);
  await expect(page.getByTestId('meeting-card')).toHaveCount(1);
  await expect(page.getByTestId('meeting-card')).toContainText(meeting.title);
  await page.goto('/assignments');
  await expect(page.getByText(decision).first()).toBeVisible();

  // 3. The 专题汇报 drafted from the records: its line is 起草中 while drafted and 定稿 but not sent.
  const draft = await json<{ content: unknown }>(
    await page.request.post('/api/reports/summary', {
      data: { kind: 'SPECIAL_REPORT', period: half.code, org: org.id },
    }),
    200,
  );
  const saved = await json<{ id: string; version: number }>(
    await page.request.post('/api/reports/summaries', {
      data: { kind: 'SPECIAL_REPORT', period: half.code, org: org.id, content: draft.content },
    }),
    201,
  );
  await page.goto(`/duties?year=${half.year}`);
  await expect(line('SPECIAL_REPORT').getByTestId('duty-state')).toHaveAttribute('data-state', 'DRAFT');
  await json(
    await page.request.post(`/api/reports/summaries/${saved.id}/finalize`, {
      headers: { 'if-match': `"${saved.version}"` },
    }),
    200,
  );
  const docx = await page.request.get(`/api/reports/summaries/${saved.id}/docx`);
  expect(docx.status()).toBe(200);
  const file = test.info().outputPath('special-report.docx');
  writeFileSync(file, await docx.body());
  const words = docxText(file);
  expect(words).toContain('城北街道党工委');
  expect(words).toContain('示范区委');
  await page.reload();
  await expect(line('SPECIAL_REPORT').getByTestId('duty-state')).toHaveAttribute('data-state', 'DRAFT');

  // 4. 报送 today with a 文号: done by its day (late after it), counted as one record.
  const docNumber = `城北工委〔${half.year}〕${Date.now() % 1000}号`;
  await json(
    await page.request.post(`/api/reports/summaries/${saved.id}/submit`, {
      data: { sentOn: half.today, docNumber },
    }),
    201,
  );
  await page.reload();
  const expected = half.today <= half.reportDue ? 'DONE' : 'LATE';
  await expect(line('SPECIAL_REPORT').getByTestId('duty-state')).toHaveAttribute('data-state', expected);
  await expect(line('SPECIAL_REPORT').getByTestId('duty-records')).toHaveText('1 条记录');
  await saveScreenshot(page, 'duty-year-street-1440');
  await context.close();

  // 5. The 区 sees it arrive: in its received list, and on its calendar of the streets below.
  const districtContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const district = await districtContext.newPage();
  await signInViaApi(district, 'district-leader');
  await district.goto('/reports/submissions?received=1');
  await expect(district.getByTestId('submissions')).toContainText(docNumber);
  await district.goto(`/duties?year=${half.year}&below=1`);
  const below = district
    .locator(`[data-testid=duty-line][data-kind=SPECIAL_REPORT][data-window="${half.code}"]`)
    .filter({ hasText: org.name });
  await expect(below.getByTestId('duty-state')).toHaveAttribute('data-state', expected);
  await expectAccessible(district);
  await saveScreenshot(district, 'duty-year-district-1440');
  await districtContext.close();
});
