// Shared helpers for browser tests: sign in through the API (cookie lands in the browser
// context), unique names, and screenshots into the run's output folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';

/** fflate's unzip (the API's dependency, not the browser tests': loaded from there). */
const { unzipSync, strFromU8 } = createRequire(path.resolve('apps/api/package.json'))('fflate') as {
  unzipSync: (data: Uint8Array) => Record<string, Uint8Array>;
  strFromU8: (data: Uint8Array) => string;
};

export const DEMO_PASSWORD = 'e2e-demo-password';
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export async function signInViaApi(page: Page, username: string): Promise<void> {
  const res = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`);
}

export function uniqueTitle(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Full-page pictures of a scrolled page draw the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Let animations (chart bars, progress bars) settle.
  await page.waitForTimeout(600);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Picks `option` in the antd Select opened by `trigger` (or in the chip group `trigger`) (its label, test id or input) and waits until
 * the Select shows it. A click that lands while the dropdown is still opening or closing is
 * retried, so a form is never saved with the field left empty (the 媒体级别 flake, issue 16).
 */
export async function chooseOption(page: Page, trigger: Locator, option: string): Promise<void> {
  // A few choices shown at once as chips (a radio group, e.g. 活动类别): tap the one, wait till it is checked.
  if ((await trigger.getAttribute('role')) === 'radiogroup') {
    const radio = trigger.getByRole('radio', { name: option, exact: true });
    await expect(async () => {
      await trigger.getByText(option, { exact: true }).click({ timeout: 2_000 });
      await expect(radio).toBeChecked({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    return;
  }
  const select = trigger.locator(
    'xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const input = select.locator('input[role="combobox"]').first();
  await expect(async () => {
    // Open it unless the last attempt left it open (Escape would also close a surrounding dialog).
    if ((await input.getAttribute('aria-expanded')) !== 'true') await trigger.click();
    await expect(input).toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 });
    // This Select's own dropdown, not one still closing after the previous choice.
    const listId = await input.getAttribute('aria-controls');
    const dropdown = page.locator('.ant-select-dropdown').filter({ visible: true });
    const own = listId ? dropdown.filter({ has: page.locator(`[id="${listId}"]`) }) : dropdown;
    const wanted = own.getByTitle(option, { exact: true });
    await walkTo(input, wanted);
    await wanted.click({ timeout: 2_000 });
    await expect(select).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * A long antd option list is virtual: only the options in view exist in the page (on a phone,
 * 44-px options leave fewer in view). Walks the open list with the arrow key on its own input,
 * which scrolls the active option into view, until `wanted` exists or the walk gives up.
 */
async function walkTo(input: Locator, wanted: Locator): Promise<void> {
  const present = () =>
    wanted.waitFor({ state: 'attached', timeout: 400 }).then(
      () => true,
      () => false,
    );
  for (let step = 0; step < 60 && !(await present()); step++) await input.press('ArrowDown');
}

/** axe-core on the page as it is: no serious or critical violation (as e2e/a11y.spec.ts). */
export async function expectAccessible(page: Page): Promise<void> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking).toEqual([]);
}

/** The text of a DOCX's body, run by run (what Word shows, without its layout). */
export function docxText(docx: string): string {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml'] ?? new Uint8Array());
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/**
 * The DOCX → PDF (LibreOffice) → PNG of page 1 (pdftoppm), with the 公文 font names mapped to the
 * CJK fonts installed here (ADR 016), into the docx's folder as `<name>-1.png`. Without LibreOffice
 * Writer the test says so in an annotation (the text is still checked by `docxText`).
 */
export function renderDocx(docx: string, name: string): void {
  const dir = path.dirname(docx);
  const conf = path.join(dir, 'fonts.conf');
  const alias = (family: string, to: string) =>
    `<alias binding="same"><family>${family}</family><prefer><family>${to}</family></prefer></alias>`;
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${[
      alias('方正小标宋简体', 'Noto Serif CJK SC'),
      alias('仿宋_GB2312', 'Noto Serif CJK SC'),
      alias('楷体_GB2312', 'Noto Serif CJK SC'),
      alias('黑体', 'Noto Sans CJK SC'),
      alias('宋体', 'Noto Serif CJK SC'),
    ].join('')}</fontconfig>`,
  );
  const env = { ...process.env, FONTCONFIG_FILE: conf, HOME: dir };
  const pdf = path.join(dir, `${name}.pdf`);
  try {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { env, timeout: 120_000 });
  } catch {
    // No soffice at all: said below like a missing Writer.
  }
  if (!existsSync(pdf)) {
    // A LibreOffice without Writer (Debian's libreoffice-calc-nogui alone) cannot load a .docx.
    test.info().annotations.push({ type: 'docx-render', description: 'LibreOffice Writer is not installed here' });
    return;
  }
  execFileSync('pdftoppm', ['-png', '-r', '80', path.join(dir, `${name}.pdf`), path.join(dir, name)], {
    timeout: 60_000,
  });
}
