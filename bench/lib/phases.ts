// The measured requests of `pnpm bench` beyond plain autocannon runs: the raw-SQL floor of the
// dashboard (bench/lib/floor.ts, run in this process), walking a list's keyset cursor deep, the
// summary DOCX, and the bodies of the activity-create load.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ACTIVITY_CATEGORIES } from '@dutyboard/contracts/activities';
import { shanghaiParts } from '@dutyboard/contracts/periods';
import { BenchError } from './load.ts';
import type { Client as PgClient } from './pg.ts';
import { type LatencySummary, Samples } from './stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** "YYYY-MM-DD" of an instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  const { year, month, day } = shanghaiParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A period's first and last Shanghai day (both inclusive, as the list filters take them). */
export function periodDays(period: { startsAt: Date; endsAt: Date }): { from: string; to: string } {
  return { from: shanghaiDate(period.startsAt), to: shanghaiDate(new Date(period.endsAt.getTime() - 1)) };
}

export type FloorFn = (client: PgClient, args: { orgId: string; period: string }) => Promise<unknown>;

/**
 * bench/lib/floor.ts when it exists: `dashboardFloor` (the figures by the fastest SQL: what the API
 * is judged against) and, if exported, `rawCountFloor` (the same counts from the record tables,
 * no rollups: what counting raw rows costs). Loaded at run time so the benchmark runs without it.
 */
export async function loadFloor(): Promise<{ dashboard: FloorFn; rawCount: FloorFn | null } | null> {
  const file = path.join(here, 'floor.ts');
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { dashboardFloor?: FloorFn; rawCountFloor?: FloorFn };
  if (typeof mod.dashboardFloor !== 'function') throw new BenchError('bench/lib/floor.ts exports no dashboardFloor');
  return {
    dashboard: mod.dashboardFloor,
    rawCount: typeof mod.rawCountFloor === 'function' ? mod.rawCountFloor : null,
  };
}

/** The floor, sequentially: `warmup` calls thrown away, then `runs` timed ones. */
export async function measureFloor(
  floor: FloorFn,
  client: PgClient,
  args: { orgId: string; period: string },
  runs: number,
  warmup: number,
): Promise<{ latencyMs: LatencySummary; sample: unknown }> {
  let sample: unknown;
  for (let i = 0; i < warmup; i++) sample = await floor(client, args);
  const samples = new Samples();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sample = await floor(client, args);
    samples.add(performance.now() - t0);
  }
  if (sample === undefined || sample === null) throw new BenchError('dashboardFloor answered nothing');
  return { latencyMs: samples.summary(), sample };
}

export interface DeepPage {
  /** The URL (path and query) of the deepest page reached. */
  path: string;
  /** Pages before it (0: the list has one page). */
  depth: number;
  /** The list ended before the wanted depth. */
  reachedEnd: boolean;
  /** Every page of the walk, fetched one after the other (a latency at every depth). */
  walkMs: LatencySummary;
  rowsSeen: number;
}

/**
 * Follows `nextCursor` from the first page of a list up to `maxDepth` pages deep (or to its last
 * page) and returns the URL of the page reached, to benchmark it.
 */
export async function walkToDeepPage(
  baseUrl: string,
  cookie: string,
  listPath: string,
  query: Record<string, string>,
  maxDepth: number,
): Promise<DeepPage> {
  const url = (cursor?: string) => {
    const q = new URLSearchParams(query);
    if (cursor) q.set('cursor', cursor);
    return `${listPath}?${q}`;
  };
  let current = url();
  let depth = 0;
  let rowsSeen = 0;
  const samples = new Samples();
  for (;;) {
    const t0 = performance.now();
    // Asks for compressed answers as a browser does (the API compresses, ADR 031);
    // BENCH_ACCEPT_ENCODING=identity measures the uncompressed answers instead.
    const encoding = process.env.BENCH_ACCEPT_ENCODING ?? 'gzip, deflate, br';
    const res = await fetch(`${baseUrl}${current}`, { headers: { cookie, 'accept-encoding': encoding } });
    const text = await res.text();
    samples.add(performance.now() - t0);
    if (res.status !== 200) throw new BenchError(`GET ${current} answered ${res.status}: ${text.slice(0, 300)}`);
    const page = JSON.parse(text) as { items: unknown[]; nextCursor: string | null };
    rowsSeen += page.items.length;
    if (page.items.length === 0) throw new BenchError(`GET ${current} answered an empty page`);
    if (!page.nextCursor || depth >= maxDepth) {
      return { path: current, depth, reachedEnd: !page.nextCursor, walkMs: samples.summary(), rowsSeen };
    }
    current = url(page.nextCursor);
    depth++;
  }
}

export interface DocxTiming {
  latencyMs: LatencySummary;
  bytes: number;
  contentType: string;
}

/** `runs` sequential downloads of a DOCX after one warm-up, each checked to be a real zip. */
export async function measureDocx(baseUrl: string, cookie: string, urlPath: string, runs: number): Promise<DocxTiming> {
  let bytes = 0;
  let contentType = '';
  const samples = new Samples();
  for (let i = -1; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}${urlPath}`, { headers: { cookie } });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - t0;
    if (res.status !== 200)
      throw new BenchError(`GET ${urlPath} answered ${res.status}: ${body.toString('utf8', 0, 300)}`);
    contentType = res.headers.get('content-type') ?? '';
    // A .docx is a zip: local file header "PK\x03\x04", and it names word/document.xml.
    if (body.readUInt32LE(0) !== 0x04034b50 || !body.includes('word/document.xml')) {
      throw new BenchError(`GET ${urlPath} did not answer a DOCX (${body.length} bytes, ${contentType})`);
    }
    bytes = body.length;
    if (i >= 0) samples.add(ms);
  }
  return { latencyMs: samples.summary(), bytes, contentType };
}

/**
 * Where the benchmark's creates are dated: the 30 days before this instant, ten years before the
 * measured period. Each run adds thousands of activities to a few branches; dated in the measured
 * period they would make those branches the busiest and move every figure of the next run.
 */
export function createsWindowEnd(period: { startsAt: Date }): number {
  const end = new Date(period.startsAt);
  end.setUTCFullYear(end.getUTCFullYear() - 10);
  return end.getTime();
}

/**
 * The body of the n-th created activity: a valid CreateActivityInput for the writer's own branch,
 * with a title, category, time and size that differ per request (as a real 台账 would), dated in
 * the 30 days before `windowEnd` (minute precision).
 */
export function activityBody(n: number, orgId: string, runId: string, windowEnd: number): string {
  const category = ACTIVITY_CATEGORIES[n % ACTIVITY_CATEGORIES.length];
  const occurredAt = new Date(windowEnd - ((n * 7919) % (30 * 24 * 60)) * 60_000 - 60_000).toISOString();
  return JSON.stringify({
    orgId,
    category,
    title: `基准测试活动 ${runId}-${n}`,
    occurredAt,
    location: '党群服务中心',
    participants: 5 + (n % 60),
    description: null,
  });
}
