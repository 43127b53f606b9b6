// `pnpm bench:web`: the web build's initial JS (gzip), the dashboard's LCP, and Lighthouse's
// mobile performance score (with its LCP and TBT) of the sign-in page, the leader's home and the
// branch secretary's home, against a server that is already running; builds nothing and starts
// nothing. `pnpm bench` imports the same functions (bench/lib/web.ts).
//   BENCH_WEB_URL       the running server (default http://localhost:3000)
//   BENCH_WEB_USER      who signs in (default leader)
//   BENCH_WEB_PASSWORD  their password (default DEMO_PASSWORD, else the demo default)
//   BENCH_WEB_PATH      the page (default /dashboard)
//   BENCH_WEB_RUNS      cold loads (default 5)
//   BENCH_WEB_NETWORK   "slow4g" throttles those loads as Lighthouse's mobile run assumes (default: none)
//   WEB_DIST            the built web app to weigh (default apps/web/dist)
//   BENCH_LH_RUNS       Lighthouse runs per page, the median reported (default 3; 0 skips them)
//   BENCH_LH_SECRETARY  the branch secretary who signs in (default secretary)
//   BENCH_LH_PAGES      comma-separated subset of: sign-in, leader, secretary (default all three)
//   CHROME_PATH         the Chromium Lighthouse drives (default /usr/bin/chromium)
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LighthousePage, measureLighthouse } from './lib/lighthouse.ts';
import { measureInitialJs, measureLcp, SLOW_4G } from './lib/web.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function networkOf(name: string | undefined) {
  if (!name) return undefined;
  if (name === 'slow4g') return SLOW_4G;
  throw new Error(`BENCH_WEB_NETWORK: "${name}" is not a known network (slow4g)`);
}

async function main() {
  const env = process.env;
  const distDir = path.resolve(root, env.WEB_DIST ?? 'apps/web/dist');
  const js = measureInitialJs(distDir);
  console.log(
    `initial JS of ${path.relative(root, distDir) || distDir}/index.html (gzip -${js.gzipLevel}, brotli q${js.brotliQuality}):`,
  );
  for (const f of [...js.files].sort((a, b) => b.gzip - a.gzip)) {
    console.log(
      `  ${f.file.padEnd(48)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}  br ${kb(f.brotli).padStart(9)}`,
    );
  }
  console.log(
    `  ${'total'.padEnd(48)} ${kb(js.totalBytes).padStart(10)}  gzip ${kb(js.totalGzip).padStart(9)}  br ${kb(js.totalBrotli).padStart(9)}   (target ≤ 250 KB gzip)`,
  );

  const baseUrl = env.BENCH_WEB_URL ?? 'http://localhost:3000';
  const lcp = await measureLcp({
    baseUrl,
    username: env.BENCH_WEB_USER ?? 'leader',
    password: env.BENCH_WEB_PASSWORD ?? env.DEMO_PASSWORD ?? 'Dutyboard@2026',
    path: env.BENCH_WEB_PATH ?? '/dashboard',
    runs: Number(env.BENCH_WEB_RUNS ?? 5),
    network: networkOf(env.BENCH_WEB_NETWORK),
  });
  console.log(
    `\nLCP of ${env.BENCH_WEB_PATH ?? '/dashboard'} at ${baseUrl} (${lcp.viewport.width}×${lcp.viewport.height}, cold = fresh context${env.BENCH_WEB_NETWORK ? `, network ${env.BENCH_WEB_NETWORK}` : ''}, load ${os.loadavg()[0]?.toFixed(2)}):`,
  );
  for (const [i, run] of lcp.detail.entries()) {
    console.log(`  cold ${i + 1}: LCP ${run.lcp} ms  FCP ${run.fcp} ms  KPI cards ${run.ready} ms  ${run.element}`);
  }
  console.log(
    `  warm:   LCP ${lcp.warm.lcp} ms  FCP ${lcp.warm.fcp} ms  KPI cards ${lcp.warm.ready} ms  ${lcp.warm.element}`,
  );
  console.log(`  cold p50 ${lcp.p50} ms, max ${lcp.max} ms   (target ≤ 1000 ms); KPI cards p50 ${lcp.readyP50} ms`);

  const lhRuns = Number(env.BENCH_LH_RUNS ?? 3);
  if (lhRuns === 0) return;
  const allPages: Record<string, LighthousePage> = {
    'sign-in': { name: 'sign-in', path: '/login' },
    leader: { name: 'leader home', path: '/', username: env.BENCH_WEB_USER ?? 'leader' },
    secretary: { name: 'secretary home', path: '/', username: env.BENCH_LH_SECRETARY ?? 'secretary' },
  };
  const wanted = (env.BENCH_LH_PAGES ?? Object.keys(allPages).join(',')).split(',').map((p) => p.trim());
  const pages = wanted.map((key) => {
    const page = allPages[key];
    if (!page) throw new Error(`BENCH_LH_PAGES: no page "${key}" (${Object.keys(allPages).join(', ')})`);
    return page;
  });
  const [load1, load5, load15] = os.loadavg().map((l) => l.toFixed(2));
  console.log(
    `\nLighthouse mobile performance (slow 4G, 4× CPU, simulated), median of ${lhRuns}, ${os.cpus().length} cores, load ${load1} ${load5} ${load15}:`,
  );
  const results = await measureLighthouse({
    baseUrl,
    password: env.BENCH_WEB_PASSWORD ?? env.DEMO_PASSWORD ?? 'Dutyboard@2026',
    pages,
    runs: lhRuns,
  });
  for (const { page, runs, median, load } of results) {
    const who = page.username ? ` as ${page.username}` : '';
    console.log(
      `  ${`${page.name} (${page.path}${who})`.padEnd(36)} score ${median.score.toFixed(2)}  LCP ${median.lcp} ms  TBT ${median.tbt} ms  FCP ${median.fcp} ms  SI ${median.si} ms  CLS ${median.cls}   (target ≥ 0.90)`,
    );
    console.log(
      `  ${''.padEnd(36)} runs: ${runs.map((r) => `${r.score.toFixed(2)}/${r.lcp}/${r.tbt}`).join('  ')} (score/LCP/TBT); load ${load[0].toFixed(2)} → ${load[1].toFixed(2)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
