// Lighthouse's mobile performance score for the pages a person opens first (`pnpm bench:web`):
// its default mobile run — a Moto G Power sized screen, slow 4G and a 4× slower CPU, simulated
// from one unthrottled load — against a server that is already running. A signed-in page gets the
// session cookie of a sign-in through the API on every request, so the page loads as it would
// for that person. Chromium is Debian's (/usr/bin/chromium, or CHROME_PATH).
import os from 'node:os';
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_ARGS } from './web.ts';

export interface LighthousePage {
  /** What the report calls the page, e.g. "leader home". */
  name: string;
  /** The URL path opened, e.g. "/dashboard". */
  path: string;
  /** Who is signed in; absent for a page opened signed out (the sign-in page). */
  username?: string;
}

export interface LighthouseRun {
  /** Performance score, 0–1. */
  score: number;
  /** Largest contentful paint, ms (simulated). */
  lcp: number;
  /** Total blocking time, ms (simulated). */
  tbt: number;
  /** First contentful paint, ms (simulated). */
  fcp: number;
  /** Speed index, ms (simulated). */
  si: number;
  /** Cumulative layout shift. */
  cls: number;
}

export interface LighthousePageResult {
  page: LighthousePage;
  runs: LighthouseRun[];
  /** The run with the median score (runs sorted by score): its figures belong together. */
  median: LighthouseRun;
  /** The 1-minute load average when the page's runs started and ended. */
  load: [number, number];
}

export interface LighthouseOptions {
  baseUrl: string;
  password: string;
  pages: LighthousePage[];
  /** Runs per page (Lighthouse's own advice: the median of several). */
  runs: number;
  chromePath?: string;
}

/** The `name=value` of the session cookie a sign-in through the API sets. */
async function signInCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(new URL('/api/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] as string);
  if (cookies.length === 0) throw new Error(`sign-in of ${username} set no cookie`);
  return cookies.join('; ');
}

function medianRun(runs: LighthouseRun[]): LighthouseRun {
  const sorted = [...runs].sort((a, b) => a.score - b.score);
  return sorted[Math.floor((sorted.length - 1) / 2)] as LighthouseRun;
}

/** One Lighthouse run; a run whose trace failed (NO_NAVSTART and the like, seen on a loaded
 * machine) is tried again, twice at most. */
async function runOnce(url: string, port: number, cookie: string | undefined, attempt = 1): Promise<Result> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    // The session cookie on every request the page makes (documents, scripts, fetches).
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  const lhr = result?.lhr;
  if (lhr && !lhr.runtimeError) return lhr;
  const why = lhr?.runtimeError?.message ?? 'no result';
  if (attempt >= 3) throw new Error(`Lighthouse failed on ${url} ${attempt} times: ${why}`);
  console.error(`  (Lighthouse run on ${url} failed: ${why}; again)`);
  return runOnce(url, port, cookie, attempt + 1);
}

export async function measureLighthouse(options: LighthouseOptions): Promise<LighthousePageResult[]> {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error(`runs must be ≥ 1, not ${options.runs}`);
  const cookies = new Map<string, string>();
  for (const page of options.pages)
    if (page.username && !cookies.has(page.username))
      cookies.set(page.username, await signInCookie(options.baseUrl, page.username, options.password));

  const chrome = await launch({
    chromePath: options.chromePath ?? process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
  try {
    const results: LighthousePageResult[] = [];
    for (const page of options.pages) {
      const url = new URL(page.path, options.baseUrl).toString();
      const cookie = page.username ? cookies.get(page.username) : undefined;
      const runs: LighthouseRun[] = [];
      const loadBefore = os.loadavg()[0] as number;
      for (let i = 0; i < options.runs; i += 1) {
        const lhr = await runOnce(url, chrome.port, cookie);
        // A signed-in page sent to sign-in (a stale cookie) would score the wrong page.
        if (page.username && new URL(lhr.finalDisplayedUrl).pathname === '/login')
          throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: ${page.username} is not signed in`);
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        runs.push({
          score: lhr.categories.performance?.score ?? Number.NaN,
          lcp: Math.round(audit('largest-contentful-paint')),
          tbt: Math.round(audit('total-blocking-time')),
          fcp: Math.round(audit('first-contentful-paint')),
          si: Math.round(audit('speed-index')),
          cls: Number(audit('cumulative-layout-shift').toFixed(3)),
        });
      }
      results.push({ page, runs, median: medianRun(runs), load: [loadBefore, os.loadavg()[0] as number] });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
