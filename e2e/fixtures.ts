// Shared helpers for browser tests: sign in through the API (cookie lands in the browser
// context), unique names, and screenshots into the run's output folder.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

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
