// `pnpm bench:web`: the web build's initial JS (gzip) and the dashboard's LCP against a server
// that is already running; builds nothing and starts nothing. `pnpm bench` imports the same
// functions (bench/lib/web.ts).
//   BENCH_WEB_URL       the running server (default http://localhost:3000)
//   BENCH_WEB_USER      who signs in (default leader)
//   BENCH_WEB_PASSWORD  their password (default DEMO_PASSWORD, else the demo default)
//   BENCH_WEB_PATH      the page (default /dashboard)
//   BENCH_WEB_RUNS      cold loads (default 5)
//   WEB_DIST            the built web app to weigh (default apps/web/dist)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureInitialJs, measureLcp } from './lib/web.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

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
  });
  console.log(
    `\nLCP of ${env.BENCH_WEB_PATH ?? '/dashboard'} at ${baseUrl} (${lcp.viewport.width}×${lcp.viewport.height}, cold = fresh context):`,
  );
  for (const [i, run] of lcp.detail.entries()) {
    console.log(`  cold ${i + 1}: LCP ${run.lcp} ms  FCP ${run.fcp} ms  KPI cards ${run.ready} ms  ${run.element}`);
  }
  console.log(
    `  warm:   LCP ${lcp.warm.lcp} ms  FCP ${lcp.warm.fcp} ms  KPI cards ${lcp.warm.ready} ms  ${lcp.warm.element}`,
  );
  console.log(`  cold p50 ${lcp.p50} ms, max ${lcp.max} ms   (target ≤ 1000 ms); KPI cards p50 ${lcp.readyP50} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
