// The dashboard at every level (issue 17, ADR 039), the journey in real Chromium on the
// demo seed: the 区 leader sees its 街道 ranked side by side, drills into one and lands on that
// street's own dashboard; sets "中心组专题学习研讨 每季度 1 次" for every 街道 below the 区 (a
// figure neither street has a target or rule of its own for; ADR 038's reach by level), which
// shows as a required count on both street dashboards (the 区 leader's view and the street
// leader's own); then the 城南 leader imports one activities file for two of its branches and
// each branch's count on the dashboard rises by exactly its rows. Every expected figure is read
// from the API or the page first, never from what the seed is known to hold.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { chooseOption, saveScreenshot, signInViaApi, uniqueTitle } from './fixtures.ts';

/** The little of exceljs used here (the API's dependency, not the browser tests': loaded from there). */
interface Workbook {
  addWorksheet(name: string): { addRow(values: (string | null)[]): unknown };
  xlsx: { writeBuffer(): Promise<ArrayBuffer> };
}
const ExcelJS = createRequire(path.resolve('apps/api/package.json'))('exceljs') as { Workbook: new () => Workbook };

const METRIC = 'CENTRAL_GROUP_SEMINAR';
const METRIC_LABEL = '中心组专题学习研讨';
/** The reach "every org of the street level below" (ADR 038), as the rule form offers it. */
const EVERY_STREET = '每个街道乡镇级组织';
/** "每季度 1 次" over a half year. */
const RULE_REQUIRED_IN_HALF = 2;

async function dashboardOf(page: Page, org?: string): Promise<Dashboard> {
  const res = await page.request.get(org ? `/api/dashboard?org=${org}` : '/api/dashboard');
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as Dashboard;
}

const cellDone = (d: Dashboard, orgId: string, metric: string) =>
  d.branches.find((b) => b.orgId === orgId)?.cells.find((c) => c.metric === metric)?.done;

/** The count a children-table cell paints ("12/18" or "12"). */
async function paintedDone(cell: Locator): Promise<number> {
  return Number(((await cell.textContent()) ?? '').split('/')[0]);
}

/** Today in Shanghai: the imported rows fall in the current period. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

test('the 区 leader ranks its streets, drills into one, sets a rule for each; a street leader imports for two branches', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInViaApi(page, 'district-leader');
  const home = await dashboardOf(page);
  expect(home.org.level).toBe('DISTRICT');
  expect(home.childLevel).toBe('STREET');
  const period = home.period.code;
  const streets = home.branches;
  expect(streets.map((s) => s.name)).toEqual(expect.arrayContaining(['城南街道党工委', '城北街道党工委']));

  // 1. The streets ranked side by side, first on the page, under a heading that names them.
  await page.goto('/dashboard');
  const children = page.getByTestId('dashboard-children');
  await expect(children).toHaveAttribute('data-level', 'STREET');
  await expect(children.getByRole('heading', { level: 2 })).toHaveText('各街道（乡镇）完成情况');
  await expect(children.getByRole('columnheader', { name: '街道（乡镇）', exact: true })).toBeVisible();
  const rows = children.getByTestId('branch-row');
  await expect(rows).toHaveCount(streets.length);
  for (const [i, s] of streets.entries()) {
    const row = rows.nth(i);
    await expect(row).toHaveAttribute('data-org', s.orgId);
    await expect(row).toHaveAttribute('data-level', 'STREET');
    await expect(row.getByTestId('branch-rank')).toHaveText(String(s.rank));
    await expect(row.getByTestId('branch-link')).toHaveText(s.name);
    const activity = row.locator('[data-testid=branch-cell][data-metric=ACTIVITY]');
    expect(await paintedDone(activity)).toBe(cellDone(home, s.orgId, 'ACTIVITY'));
  }
  // The ranking comes before the KPI cards on a 区's page.
  const [tableTop, kpiTop] = await Promise.all([
    children.evaluate((e) => e.getBoundingClientRect().top),
    page.getByTestId(`kpi-${METRIC}`).evaluate((e) => e.getBoundingClientRect().top),
  ]);
  expect(tableTop).toBeLessThan(kpiTop);
  await saveScreenshot(page, 'district-dashboard-1440');

  // 2. Drill into one street: its own dashboard, the trail leading back up to the 区.
  const street = streets.find((s) => s.name === '城北街道党工委') ?? streets[0];
  if (!street) throw new Error('no street');
  await children.locator(`[data-testid=branch-row][data-org="${street.orgId}"]`).getByTestId('branch-link').click();
  await expect(page).toHaveURL(new RegExp(`org=${street.orgId}`));
  // Same period as the 区's page.
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-period', period);
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-org', street.orgId);
  await expect(page.getByTestId('dashboard-org')).toHaveText(street.name);
  const trail = page.getByTestId('dashboard-trail');
  await expect(trail).toContainText(home.org.name);
  // A street's own page ranks its branches, and is not an overseer's.
  await expect(page.getByTestId('dashboard-children')).toHaveAttribute('data-level', 'BRANCH');
  await expect(page.getByTestId('dashboard-children').getByRole('heading', { level: 2 })).toHaveText('各支部完成情况');
  await trail.getByRole('link', { name: home.org.name }).click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-org', home.org.id);

  // 3. A rule for every 街道 below the 区: 中心组专题学习研讨 每季度 1 次.
  const before = new Map<string, number | null>();
  for (const s of streets) {
    before.set(s.orgId, (await dashboardOf(page, s.orgId)).kpis.find((k) => k.metric === METRIC)?.target ?? null);
  }
  await page.goto(`/targets?period=${period}&org=${home.org.id}`);
  await page.getByTestId('rule-add').click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, dialog.getByTestId('rule-metric'), METRIC_LABEL);
  await expect(dialog.getByTestId('rule-org')).toContainText(home.org.name);
  await chooseOption(page, dialog.getByTestId('rule-scope'), EVERY_STREET);
  await chooseOption(page, dialog.getByTestId('rule-frequency'), '每季度');
  await dialog.getByTestId('rule-times').fill('1');
  await dialog.getByTestId('rule-form-submit').click();
  await expect(dialog).toHaveCount(0);
  const ruleRow = page
    .getByTestId('rule-table')
    .getByRole('row')
    .filter({ hasText: METRIC_LABEL })
    .filter({ hasText: home.org.name })
    .filter({ hasText: EVERY_STREET })
    .filter({ hasText: '每季度 1 次' });
  await expect(ruleRow).toHaveCount(1);
  await expect(ruleRow).toContainText(String(RULE_REQUIRED_IN_HALF));

  // 4. Both streets' dashboards show the required count, as the targets answer has it.
  const targets = (await (await page.request.get(`/api/targets?period=${period}&org=${home.org.id}`)).json()) as {
    items: {
      orgId: string;
      metric: string;
      effective: number | null;
      ruleRequired: number | null;
      ruleFrom: { orgId: string } | null;
    }[];
  };
  const required = new Map<string, number>();
  for (const s of streets) {
    const row = targets.items.find((x) => x.orgId === s.orgId && x.metric === METRIC);
    // Neither street had a requirement for it; each now has exactly the 区's, and says so.
    expect(before.get(s.orgId), s.name).toBeNull();
    expect(row?.ruleRequired, s.name).toBe(RULE_REQUIRED_IN_HALF);
    expect(row?.ruleFrom?.orgId, s.name).toBe(home.org.id);
    const expected = row?.effective ?? null;
    expect(expected, s.name).toBe(RULE_REQUIRED_IN_HALF);
    if (expected === null) throw new Error(`no ${METRIC} target for ${s.name}`);
    required.set(s.orgId, expected);
    const api = await dashboardOf(page, s.orgId);
    expect(api.kpis.find((k) => k.metric === METRIC)?.target, s.name).toBe(expected);
    await page.goto(`/dashboard?org=${s.orgId}`);
    await expect(page.getByTestId('dashboard')).toHaveAttribute('data-org', s.orgId);
    await expect(page.getByTestId(`kpi-${METRIC}-target`)).toHaveText(String(expected));
  }
  await context.close();

  // The 城南 leader sees the same count on its own dashboard.
  const own = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const leader = await own.newPage();
  await signInViaApi(leader, 'leader');
  const cn = await dashboardOf(leader);
  expect(streets.map((s) => s.orgId)).toContain(cn.org.id);
  await leader.goto('/dashboard');
  await expect(leader.getByTestId('dashboard')).toHaveAttribute('data-org', cn.org.id);
  await expect(leader.getByTestId(`kpi-${METRIC}-target`)).toHaveText(String(required.get(cn.org.id)));

  // 5. One activities file for two of its branches: two rows for one, one for the other.
  const branchByName = (name: string) => {
    const row = cn.branches.find((b) => b.name === name);
    if (!row) throw new Error(`no branch ${name}`);
    return row;
  };
  const east = branchByName('东山村党支部');
  const peace = branchByName('和平社区党支部');
  const added = new Map([
    [east.orgId, 2],
    [peace.orgId, 1],
  ]);
  const day = shanghaiToday();
  const title = uniqueTitle('区级旅程导入活动');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('主题活动');
  for (const row of [
    ['活动时间*', '组织/支部', '活动类别*', '活动名称*', '参加人数*'],
    [`${day} 09:00`, east.name, '红色歌曲大家唱', `${title}-1`, '20'],
    [`${day} 10:00`, east.name, '红色歌曲大家唱', `${title}-2`, '18'],
    [`${day} 11:00`, 'CN-C01', '红色歌曲大家唱', `${title}-3`, '25'],
  ]) {
    sheet.addRow(row);
  }
  await leader.goto('/imports?kind=activities');
  await leader.getByTestId('import-file').setInputFiles({
    name: '活动台账.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  });
  await expect(leader.getByTestId('import-job')).toHaveAttribute('data-state', 'VALID', { timeout: 60_000 });
  const orgs = leader.getByTestId('import-org');
  await expect(orgs).toHaveCount(2);
  await expect(orgs.filter({ hasText: east.name })).toHaveCount(1);
  await expect(orgs.filter({ hasText: peace.name })).toHaveCount(1);
  // The counts just before the import, from the API and as painted.
  const beforeImport = await dashboardOf(leader);
  await leader.getByTestId('import-commit').click();
  await leader.getByTestId('import-confirm-ok').click();
  await expect(leader.getByTestId('import-job')).toHaveAttribute('data-state', 'COMMITTED', { timeout: 60_000 });
  await expect(leader.getByTestId('import-result')).toContainText('新增 3 条');

  const after = await dashboardOf(leader);
  await leader.goto('/dashboard');
  for (const [orgId, n] of added) {
    const was = cellDone(beforeImport, orgId, 'ACTIVITY');
    if (was === undefined) throw new Error(`no row for ${orgId}`);
    expect(cellDone(after, orgId, 'ACTIVITY')).toBe(was + n);
    const cell = leader
      .getByTestId('dashboard-children')
      .locator(`[data-testid=branch-row][data-org="${orgId}"] [data-testid=branch-cell][data-metric=ACTIVITY]`);
    await expect(cell).toHaveText(new RegExp(`^${was + n}(/|$)`));
  }
  // Nothing else moved: the other branches' counts are as before.
  for (const b of beforeImport.branches) {
    if (!added.has(b.orgId))
      expect(cellDone(after, b.orgId, 'ACTIVITY')).toBe(cellDone(beforeImport, b.orgId, 'ACTIVITY'));
  }
  await own.close();
});

test('the 区 dashboard on a phone: what needs attention, then the streets ranked, no sideways scroll', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInViaApi(page, 'district-leader');
  const home = await dashboardOf(page);
  await page.goto('/dashboard');
  const children = page.getByTestId('dashboard-children');
  // Shown without opening "全部指标".
  await expect(children).toBeVisible();
  await expect(children.getByTestId('branch-row')).toHaveCount(home.branches.length);
  await expect(page.getByTestId('dashboard-all-toggle')).toHaveAttribute('aria-expanded', 'false');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'district-dashboard-390');
  await context.close();
});
