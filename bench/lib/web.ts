// The web build's two figures for `pnpm bench` and `pnpm bench:web`: how much JavaScript the
// browser must fetch before the app can render (gzip level 9, brotli quality 11 beside it, as a
// static server or CDN would send it), and the dashboard's largest contentful paint in headless
// Chromium against a running server, cold (a fresh browser context, so an empty cache, per run)
// and warm (the same context again).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
// playwright-core itself is not resolvable from the repository root (only @playwright/test is a
// root dependency); @playwright/test re-exports the same `chromium` from playwright-core.
import { type Browser, type BrowserContext, chromium } from '@playwright/test';

export const GZIP_LEVEL = 9;
export const BROTLI_QUALITY = 11;

export interface InitialJsFile {
  /** Path under the dist folder, e.g. "assets/index-abc.js". */
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

export interface InitialJs {
  files: InitialJsFile[];
  totalBytes: number;
  totalGzip: number;
  totalBrotli: number;
  gzipLevel: number;
  brotliQuality: number;
}

/** Local script `src`s and `modulepreload` `href`s of index.html, in document order. */
function startUrls(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
    if (/^<script/i.test(tag)) {
      const src = attr('src');
      if (src) urls.push(src);
    } else if (attr('rel')?.toLowerCase() === 'modulepreload') {
      const href = attr('href');
      if (href) urls.push(href);
    }
  }
  return urls.filter((url) => !/^(https?:)?\/\//i.test(url));
}

/** Relative modules a built chunk imports statically (`import … from "./x.js"`, `import "./x.js"`),
 * never the `import("./x.js")` of a lazy chunk. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
    found.push(match[1] as string);
  return found;
}

/**
 * What the browser fetches before the app can render: every script and modulepreload of the built
 * index.html, plus (in case a preload is missing) every chunk those import statically — never a
 * lazy chunk. Each file is compressed on its own, as a static server would send it.
 */
export function measureInitialJs(distDir: string): InitialJs {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const pending = startUrls(html).map((url) => path.posix.normalize(url.replace(/^\//, '').replace(/[?#].*$/, '')));
  const seen = new Set<string>();
  const files: InitialJsFile[] = [];
  while (pending.length > 0) {
    const file = pending.shift() as string;
    if (seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    const content = readFileSync(path.join(distDir, file));
    files.push({
      file,
      bytes: content.length,
      gzip: gzipSync(content, { level: GZIP_LEVEL }).length,
      brotli: brotliCompressSync(content, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }).length,
    });
    const dir = path.posix.dirname(file);
    for (const spec of staticImports(content.toString('utf8'))) pending.push(path.posix.join(dir, spec));
  }
  const sum = (key: 'bytes' | 'gzip' | 'brotli') => files.reduce((total, f) => total + f[key], 0);
  return {
    files,
    totalBytes: sum('bytes'),
    totalGzip: sum('gzip'),
    totalBrotli: sum('brotli'),
    gzipLevel: GZIP_LEVEL,
    brotliQuality: BROTLI_QUALITY,
  };
}

export interface LcpOptions {
  baseUrl: string;
  username: string;
  password: string;
  /** The page to open, e.g. "/dashboard". */
  path: string;
  /** Cold runs (each in a fresh browser context). */
  runs: number;
  /** Selector that says the page has its content; the dashboard's KPI cards by default. */
  readySelector?: string;
  viewport?: { width: number; height: number };
  executablePath?: string;
  /** A throttled network for every load (Chromium's own emulation), e.g. SLOW_4G; none by default. */
  network?: NetworkConditions;
}

/** Round-trip latency added to every request, and the link's throughput, in Chromium's terms. */
export interface NetworkConditions {
  latencyMs: number;
  downloadKbps: number;
  uploadKbps: number;
}

/** Lighthouse's mobile "slow 4G" (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up), applied for real. */
export const SLOW_4G: NetworkConditions = { latencyMs: 150, downloadKbps: 1638.4, uploadKbps: 750 };

export interface LcpRun {
  /** Largest contentful paint, ms from navigation start. */
  lcp: number;
  /** First contentful paint, ms from navigation start. */
  fcp: number;
  /** The LCP element: tag and the start of its text (or the image URL). */
  element: string;
  /** First animation frame with the ready selector (the dashboard's KPI cards) on the page, ms. */
  ready: number;
}

export interface LcpResult {
  /** Cold LCP of each run, ms. */
  runs: number[];
  p50: number;
  max: number;
  /** The LCP element of the last cold run. */
  element: string;
  /** Median of the cold runs' `ready` (the KPI cards on the page), ms. */
  readyP50: number;
  /** A second load in the last cold run's context (HTTP cache and session warm). */
  warm: LcpRun;
  detail: LcpRun[];
  viewport: { width: number; height: number };
}

/** The flags the browser tests use (playwright.config.ts): no sandbox, no GPU, and nothing that
 * reaches out to the closed network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const DEFAULT_READY = '[data-testid="dashboard"] [data-testid^="kpi-"][data-testid$="-done"]';

// Runs in the page before any of its scripts: keeps the latest LCP candidate and the FCP, from a
// buffered observer, so nothing painted before the app's code ran is missed; and notes the first
// animation frame in which the ready selector matches (the figures, whatever LCP picked).
const observePaints = (readySelector: string) => `(() => {
  const store = (window.__benchPaint = { lcp: 0, fcp: 0, element: '', ready: 0 });
  const watch = () => {
    if (document.querySelector(${JSON.stringify(readySelector)})) store.ready = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      store.lcp = entry.startTime;
      const el = entry.element;
      const text = el ? (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40) : '';
      const id = el && el.getAttribute('data-testid') ? '[data-testid=' + el.getAttribute('data-testid') + ']' : '';
      store.element = el ? el.tagName.toLowerCase() + id + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '') + ' "' + text + '"' : entry.url || '?';
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') store.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
})();`;

async function loadOnce(
  context: BrowserContext,
  url: string,
  readySelector: string,
  network?: NetworkConditions,
): Promise<LcpRun> {
  const page = await context.newPage();
  try {
    if (network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: network.latencyMs,
        downloadThroughput: (network.downloadKbps * 1024) / 8,
        uploadThroughput: (network.uploadKbps * 1024) / 8,
      });
    }
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
    await page.locator(readySelector).first().waitFor({ state: 'visible', timeout: 60_000 });
    // One more idle network and two frames, so the last candidate is reported before reading it.
    await page.waitForLoadState('networkidle');
    // (A string: this file is type-checked for Node, which has no requestAnimationFrame.)
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    const paint = (await page.evaluate('window.__benchPaint')) as Omit<LcpRun, 'lcp'> & { lcp: number };
    if (!paint || paint.lcp === 0) throw new Error(`no largest-contentful-paint entry for ${url}`);
    return {
      lcp: Math.round(paint.lcp),
      fcp: Math.round(paint.fcp),
      element: paint.element,
      ready: Math.round(paint.ready),
    };
  } finally {
    await page.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * The page's LCP over `runs` cold loads (fresh context each, signed in through the API once and
 * its session cookie given to every context), then one warm load in the last context.
 */
export async function measureLcp(options: LcpOptions): Promise<LcpResult> {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error(`runs must be ≥ 1, not ${options.runs}`);
  const viewport = options.viewport ?? { width: 1280, height: 720 };
  const readySelector = options.readySelector ?? DEFAULT_READY;
  const url = new URL(options.path, options.baseUrl).toString();
  const browser: Browser = await chromium.launch({
    executablePath: options.executablePath ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const login = await browser.newContext({ baseURL: options.baseUrl });
    const res = await login.request.post('/api/auth/login', {
      data: { username: options.username, password: options.password },
    });
    if (!res.ok()) throw new Error(`sign-in of ${options.username} failed: ${res.status()} ${await res.text()}`);
    const storageState = await login.storageState();
    await login.close();

    const newContext = async () => {
      const context = await browser.newContext({
        storageState,
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      await context.addInitScript(observePaints(readySelector));
      return context;
    };

    const detail: LcpRun[] = [];
    let warm: LcpRun | undefined;
    for (let i = 0; i < options.runs; i += 1) {
      const context = await newContext();
      try {
        detail.push(await loadOnce(context, url, readySelector, options.network));
        if (i === options.runs - 1) warm = await loadOnce(context, url, readySelector, options.network);
      } finally {
        await context.close();
      }
    }
    const runs = detail.map((d) => d.lcp);
    const sorted = [...runs].sort((a, b) => a - b);
    return {
      runs,
      p50: percentile(sorted, 50),
      max: sorted[sorted.length - 1] ?? Number.NaN,
      element: detail[detail.length - 1]?.element ?? '',
      readyP50: percentile(
        detail.map((d) => d.ready).sort((a, b) => a - b),
        50,
      ),
      warm: warm as LcpRun,
      detail,
      viewport,
    };
  } finally {
    await browser.close();
  }
}
