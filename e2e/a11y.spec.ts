// Accessibility: axe-core on every main page of every role, failing on any serious or critical
// violation (issue 16 point 4). One helper runs axe on what the page shows once it has settled;
// each test names the pages a role works on.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { saveScreenshot, signInViaApi } from './fixtures.ts';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, listing each
 * rule with the elements it found (their CSS targets), so a failure says where to look.
 */
async function expectAccessible(page: Page, name: string): Promise<void> {
  // Skeletons and lazy chunks first, then antd's fade-ins: a half-faded text would be measured
  // at its passing opacity.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-skeleton')).toHaveCount(0, { timeout: 30_000 });
  await page.waitForTimeout(400);
  // axe rates these two "moderate"; every page still needs them (one main, one h1).
  await expect.soft(page.getByRole('main'), `${name}: one main landmark`).toHaveCount(1);
  await expect.soft(page.getByRole('heading', { level: 1 }), `${name}: one h1`).toHaveCount(1);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  const elements = blocking.reduce((sum, v) => sum + v.nodes.length, 0);
  const report = blocking.map(
    (v) =>
      `${v.impact} ${v.id} (${v.nodes.length}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`,
  );
  // One line per page in the run's output, so the count over all pages can be read off a run.
  console.log(
    `a11y ${name}: ${elements} serious/critical elements${blocking.map((v) => ` ${v.id}×${v.nodes.length}`).join('')}`,
  );
  expect.soft(report, `${name}: serious or critical axe violations`).toEqual([]);
}

/** The id of the first record a list answers (the demo seeds every kind). */
async function firstId(page: Page, listPath: string): Promise<string> {
  const res = await page.request.get(listPath);
  expect(res.ok(), `${listPath} answered ${res.status()}`).toBe(true);
  const body = (await res.json()) as { items: { id: string }[] };
  const id = body.items[0]?.id;
  if (!id) throw new Error(`${listPath} listed no record`);
  return id;
}

/** A page to check: who signs in (none: signed out), where it is, and how to reach it. */
interface Stop {
  user?: string;
  name: string;
  /** The path, or how to find it once signed in (a record's id comes from its list). */
  path: string | ((page: Page) => Promise<string>);
  /** What to do on the page before axe runs (open a dialog, switch the language). */
  before?: (page: Page) => Promise<void>;
  phone?: boolean;
  /** Keep a picture of the page under this name (test-results/screenshots). */
  shot?: string;
}

const detail = (list: string, page: string) => async (p: Page) => `${page}/${await firstId(p, list)}`;

const STOPS: Stop[] = [
  { name: 'sign-in', path: '/login', shot: 'a11y-sign-in-1440' },
  {
    name: 'sign-in (en)',
    path: '/login',
    before: async (page) => {
      await page.getByTestId('lang-toggle').click();
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    },
  },
  { name: 'sign-in (390 px)', path: '/login', phone: true, shot: 'a11y-sign-in-390' },
  ...[
    '/dashboard',
    '/activities',
    '/study-sessions',
    '/publicity',
    '/risk-points',
    '/risk-points/checks',
    '/risk-alerts',
    '/rectifications',
    '/assignments',
    '/targets',
    '/evidence-packs',
    '/branches',
    '/reports/summary',
    '/account/sessions',
  ].map(
    (path): Stop => ({
      user: 'leader',
      name: path,
      path,
      shot: path === '/dashboard' ? 'a11y-dashboard-1440' : undefined,
    }),
  ),
  { user: 'leader', name: 'activity detail', path: detail('/api/activities', '/activities') },
  { user: 'leader', name: 'alert detail', path: detail('/api/risk-alerts', '/risk-alerts') },
  { user: 'leader', name: 'assignment detail', path: detail('/api/assignments', '/assignments') },
  { user: 'secretary', name: 'dashboard', path: '/dashboard' },
  { user: 'secretary', name: 'dashboard (390 px)', path: '/dashboard', phone: true, shot: 'a11y-dashboard-390' },
  { user: 'secretary', name: 'activities (390 px)', path: '/activities', phone: true },
  { user: 'secretary', name: 'new activity form', path: '/activities/new' },
  { user: 'secretary', name: 'new study session form', path: '/study-sessions/new' },
  { user: 'secretary', name: 'study session detail', path: detail('/api/study-sessions', '/study-sessions') },
  { user: 'auditor', name: 'branches', path: '/branches' },
  { user: 'auditor', name: 'audit log', path: '/audit' },
  { user: 'admin', name: 'users', path: '/admin/users' },
  { user: 'admin', name: 'orgs', path: '/admin/orgs' },
  { user: 'admin', name: 'imports', path: '/imports' },
  // The 区's page: its streets ranked first, those behind named above them (ADR 039).
  { user: 'district-leader', name: 'district dashboard', path: '/dashboard' },
  { user: 'district-leader', name: 'district dashboard (390 px)', path: '/dashboard', phone: true },
];

/** The stops of one browser context: one user (signed in once) at one width. */
function groups(stops: readonly Stop[]): { user?: string; phone: boolean; stops: Stop[] }[] {
  const byKey = new Map<string, { user?: string; phone: boolean; stops: Stop[] }>();
  for (const stop of stops) {
    const key = `${stop.user ?? ''}|${stop.phone === true}`;
    const group = byKey.get(key) ?? { user: stop.user, phone: stop.phone === true, stops: [] };
    group.stops.push(stop);
    byKey.set(key, group);
  }
  return [...byKey.values()];
}

// One context and one sign-in per user and width, the pages visited in it one after another:
// a new context and an argon2 sign-in per page cost most of this file's time, and a user moving
// between pages is what the pages see in use. Each page is a step, so a failure names it.
for (const group of groups(STOPS)) {
  const who = group.user ?? 'signed out';
  const width = group.phone ? 390 : 1440;
  const pages = group.stops.length === 1 ? '1 page has' : `${group.stops.length} pages have`;
  test(`${who} at ${width} px: ${pages} no serious accessibility violations`, async ({ browser }) => {
    // axe over a long table (目标) takes a while on a busy two-core machine.
    test.setTimeout(60_000 * group.stops.length);
    const context = await browser.newContext(
      group.phone
        ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
        : { viewport: { width: 1440, height: 900 } },
    );
    const page = await context.newPage();
    if (group.user) await signInViaApi(page, group.user);
    for (const stop of group.stops) {
      await test.step(stop.name, async () => {
        await page.goto(typeof stop.path === 'string' ? stop.path : await stop.path(page));
        await stop.before?.(page);
        await expectAccessible(page, `${who} ${stop.name}`);
        if (stop.shot) await saveScreenshot(page, stop.shot);
      });
    }
    await context.close();
  });
}
