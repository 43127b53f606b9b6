// Hostile uploads against the import route, the API running in this process (app.inject): for
// each bomb the upload is refused with a 4xx and a reason or its job ends FAILED with one, the
// API answers /api/health all along, the temp folder (TMPDIR of this process, which holds
// DATA_DIR) is as it was, and this process's RSS stays under 400 MB (the peak is printed). Then:
// a sandbox killed mid-parse, one out of memory, one out of time, and the per-user limit of
// running imports and evidence packs.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ImportJob, importPaths } from '@dutyboard/contracts/imports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../src/services/auth/sessions.ts';
import { passOverFile } from '../src/services/imports/check.ts';
import { activitiesSpec } from '../src/services/imports/kind-activities.ts';
import { sandboxEvents } from '../src/services/imports/sandbox.ts';
import { loadLookups } from '../src/services/imports/spec.ts';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { uploadXlsx } from './helpers/multipart.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';
import {
  activityWorkbook,
  nestedSheetBomb,
  notAZip,
  ratioBomb,
  sharedStringsBomb,
  streamedPart,
  truncatedZip,
  worksheetBomb,
  zipOf,
} from './helpers/zip-bombs.ts';

const RSS_LIMIT = 400 * 1024 * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

let ctx: TestContext;
let fx: Fixture;
let tempRoot: string;
const cookies: Record<string, string> = {};
let peakRss = 0;
let sampler: NodeJS.Timeout | undefined;

beforeAll(async () => {
  // Everything this process writes to "the temp folder" lands in a folder of this file's own,
  // the test's DATA_DIR included, so its contents can be compared before and after each bomb.
  tempRoot = await mkdtemp(path.join(tmpdir(), 'upload-bombs-'));
  process.env.TMPDIR = tempRoot;
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  // The folders the API makes on its first upload, made now so the snapshots compare files.
  await mkdir(path.join(ctx.config.DATA_DIR, 'imports'), { recursive: true });
  await mkdir(path.join(ctx.config.DATA_DIR, 'tmp'), { recursive: true });
  for (const u of ['secA', 'secB', 'leader']) cookies[u] = await login(ctx.app, u);
  sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
}, 120_000);

afterAll(async () => {
  if (sampler) clearInterval(sampler);
  console.log(`upload bombs: peak RSS of the API process ${mb(peakRss)}`);
  await ctx?.close();
  await rm(tempRoot, { recursive: true, force: true });
});

function upload(who: string, bytes: Buffer, fileName = 'import.xlsx') {
  return uploadXlsx(ctx.app, importPaths.upload('activities'), cookies[who] ?? '', bytes, fileName);
}

const get = (who: string, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });

async function settled(who: string, id: string, timeoutMs = 90_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = (await get(who, importPaths.job(id))).json() as ImportJob;
    if (job.state !== 'VALIDATING' && job.state !== 'COMMITTING') return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every file under the temp folder with its size. */
async function snapshot(dir = tempRoot, prefix = ''): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const rel = `${prefix}${entry.name}`;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out[`${rel}/`] = 0;
      Object.assign(out, await snapshot(full, `${rel}/`));
    } else
      out[rel] = await stat(full).then(
        (s) => s.size,
        () => -1,
      );
  }
  return out;
}

/** /api/health polled every 100 ms while `work` runs: every answer must be a 200. */
async function withHealth<T>(work: () => Promise<T>): Promise<{ value: T; checks: number; peak: number }> {
  let stop = false;
  let checks = 0;
  let peak = 0;
  const failures: string[] = [];
  const poller = (async () => {
    while (!stop) {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
      checks += 1;
      if (res.statusCode !== 200) failures.push(`${res.statusCode} ${res.body}`);
      peak = Math.max(peak, process.memoryUsage().rss);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  // The count is read once the poller has stopped: its first request starts with `work` and is
  // always counted, also when `work` answers before it (a refusal at upload takes ~100 ms).
  let value: T;
  try {
    value = await work();
  } finally {
    stop = true;
    await poller;
  }
  expect(failures).toEqual([]);
  return { value, checks, peak };
}

/** Sends a bomb and answers the reason it was refused for (at upload or as its job's error). */
async function refusal(bytes: Buffer, fileName = 'import.xlsx'): Promise<string> {
  const before = await snapshot();
  const startRss = peakRss;
  const { value: reason, checks } = await withHealth(async () => {
    const res = await upload('secA', bytes, fileName);
    if (res.statusCode >= 400 && res.statusCode < 500) {
      expect(res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      return `${res.statusCode} ${res.json().error.message}`;
    }
    expect(res.statusCode, res.body).toBe(202);
    const job = await settled('secA', (res.json() as ImportJob).id);
    expect(job.state, JSON.stringify(job)).toBe('FAILED');
    expect(job.error).toBeTruthy();
    return `FAILED ${job.error}`;
  });
  expect(checks).toBeGreaterThan(0);
  expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  expect(await snapshot()).toEqual(before);
  expect(peakRss, `peak RSS ${mb(peakRss)}`).toBeLessThan(RSS_LIMIT);
  console.log(`${kb(bytes.length)} upload → ${reason} (peak RSS so far ${mb(Math.max(peakRss, startRss))})`);
  return reason;
}

describe('upload bombs', () => {
  it('a shared-strings bomb (300 strings of 1 MB) is refused', async () => {
    expect(await refusal(await sharedStringsBomb(300))).toMatch(/共享字符串|解压后/);
  });

  it('a shared-strings bomb whose headers understate its size is stopped by the inflated byte count', async () => {
    expect(await refusal(await sharedStringsBomb(300, true))).toMatch(/比声明的大|共享字符串|解压后/);
  });

  it('a worksheet bomb (400 MB of sheet XML, first in the zip) is refused', async () => {
    expect(await refusal(await worksheetBomb(400))).toMatch(/解压后超过/);
  });

  it('a worksheet bomb whose headers understate its size is stopped by the inflated byte count', async () => {
    expect(await refusal(await worksheetBomb(400, true))).toMatch(/比声明的大|解压后超过/);
  });

  it('a worksheet at a nested path next to a normal sheet1.xml is refused', async () => {
    expect(await refusal(await nestedSheetBomb(200))).toContain('工作表不在标准位置');
  });

  it('a part with a 10,000:1 compression ratio is refused', async () => {
    expect(await refusal(await ratioBomb(10_000))).toContain('压缩比异常');
  });

  it('a truncated zip is refused', async () => {
    expect(await refusal(await truncatedZip())).toMatch(/不完整|无法读取/);
  });

  it('a file that is not a zip, named .xlsx, is refused at upload', async () => {
    expect(await refusal(notAZip(), 'bomb.xlsx')).toMatch(/^415 .*xlsx/);
  });

  it('a normal file still imports after the bombs, and leaves no temp file', async () => {
    const before = await snapshot();
    const res = await upload('secA', await activityWorkbook(300, 'S-A', '炸弹之后'));
    expect(res.statusCode, res.body).toBe(202);
    const job = await settled('secA', (res.json() as ImportJob).id);
    expect(job).toMatchObject({ state: 'VALID', rowsTotal: 300, created: 300 });
    const commit = await ctx.app.inject({
      method: 'POST',
      url: importPaths.commit(job.id),
      headers: { cookie: cookies.secA ?? '' },
    });
    expect(commit.statusCode).toBe(202);
    expect(await settled('secA', job.id)).toMatchObject({ state: 'COMMITTED', created: 300 });
    // The upload is gone with its job; no sandbox folder is left.
    expect(await snapshot()).toEqual(before);
  });
});

describe('the sandbox', () => {
  it('killed mid-parse: the job ends FAILED with a reason and the API stays up', async () => {
    const bytes = await activityWorkbook(5000, 'S-A', '中途被杀');
    const before = await snapshot();
    let killed = 0;
    const onBatch = ({ pid }: { pid: number }) => {
      if (killed === 0) {
        killed = pid;
        process.kill(pid, 'SIGKILL');
      }
    };
    sandboxEvents.on('batch', onBatch);
    try {
      const { value: job } = await withHealth(async () => {
        const res = await upload('secA', bytes);
        expect(res.statusCode, res.body).toBe(202);
        return settled('secA', (res.json() as ImportJob).id);
      });
      expect(killed).toBeGreaterThan(0);
      expect(job.state).toBe('FAILED');
      expect(job.error).toContain('文件过大或结构异常，无法读取');
      expect(job.error).toContain('中止');
    } finally {
      sandboxEvents.off('batch', onBatch);
    }
    expect(await snapshot()).toEqual(before);
    expect(await ctx.prisma.activity.count({ where: { title: { startsWith: '中途被杀' } } })).toBe(0);
  });

  async function passOf(bytes: Buffer, sandbox: Parameters<typeof passOverFile>[2]['sandbox']) {
    const dir = await mkdtemp(path.join(tempRoot, 'pass-'));
    const file = path.join(dir, 'file.xlsx');
    await writeFile(file, bytes);
    const row = await ctx.prisma.user.findUniqueOrThrow({ where: { username: 'secA' }, include: { org: true } });
    const user: AuthUser = { ...row, orgPath: row.org.path, sessionId: 'test' };
    return passOverFile(file, activitiesSpec, {
      db: ctx.prisma,
      ctx: { user, lookups: await loadLookups(ctx.prisma) },
      onProgress: async () => undefined,
      onNew: async () => undefined,
      checkStopping: () => undefined,
      sandbox: { tmpRoot: dir, ...sandbox },
    });
  }

  it('out of memory: the pass fails with a sentence about memory, the API process is untouched', async () => {
    // 60 MB of shared strings: under every cap, over a 48 MB heap.
    const sst = await streamedPart(
      'xl/sharedStrings.xml',
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      // A random 4 KB block repeated: compresses about 100:1, like text, without a big buffer here.
      () => `<si><t>${randomBytes(2048).toString('hex').repeat(256)}</t></si>`,
      60,
      '</sst>',
    );
    const { unzipSync } = await import('fflate');
    const { part } = await import('./helpers/zip-bombs.ts');
    const base = Object.entries(unzipSync(new Uint8Array(await activityWorkbook(1))))
      .filter(([name]) => name !== 'xl/sharedStrings.xml')
      .map(([name, data]) => part(name, Buffer.from(data)));
    const bytes = zipOf([sst, ...base]);
    await expect(passOf(bytes, { heapMb: 48 })).rejects.toThrow(/文件过大或结构异常，无法读取：.*内存/);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('out of time: a pass slower than its limit fails with a sentence about time', async () => {
    await expect(passOf(await activityWorkbook(3000), { busyTimeoutMs: 300 })).rejects.toThrow(
      /文件过大或结构异常，无法读取：读取超过/,
    );
  });
});

describe('per-user limit of running jobs', () => {
  it('a third import while two are running answers 429 in the error shape; others are not held up', async () => {
    const bytes = (i: number) => activityWorkbook(20, 'S-A', `并发上限${i}-`);
    const files = await Promise.all([0, 1, 2].map(bytes));
    // Three at once: the count and the new job are taken under one lock per user.
    const answers = await Promise.all(files.map((file) => upload('secA', file)));
    const codes = answers.map((res) => res.statusCode).sort();
    expect(codes).toEqual([202, 202, 429]);
    const refused = answers.find((res) => res.statusCode === 429);
    expect(refused?.json()).toMatchObject({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringContaining('请等其中一个完成后再试'),
        details: { limit: 2 },
      },
    });
    // Another user is not counted against secA.
    const other = await upload('secB', await activityWorkbook(1, 'S-B', '别人的'));
    expect(other.statusCode, other.body).toBe(202);
    for (const res of [...answers, other]) {
      if (res.statusCode === 202) await settled(res === other ? 'secB' : 'secA', (res.json() as ImportJob).id);
    }
    // Once they ended, the refused one goes through.
    const again = await upload('secA', files[codes.indexOf(429)] ?? (files[2] as Buffer));
    expect(again.statusCode).toBe(202);
    await settled('secA', (again.json() as ImportJob).id);
  });

  it('a third evidence pack while two are queued answers 429', async () => {
    const user = await ctx.prisma.user.findUniqueOrThrow({ where: { username: 'leader' } });
    const queued = await Promise.all(
      ['2025-H1', '2025-H2'].map((periodCode) =>
        ctx.prisma.evidencePack.create({
          data: { requestedById: user.id, orgId: fx.streetId, periodCode, fileName: 'x.zip' },
        }),
      ),
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/evidence-packs',
      headers: { cookie: cookies.leader ?? '' },
      payload: { org: fx.streetId, period: '2026-H1' },
    });
    expect(res.statusCode, res.body).toBe(429);
    expect(res.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', message: expect.stringContaining('证据包'), details: { running: 2, limit: 2 } },
    });
    await ctx.prisma.evidencePack.updateMany({
      where: { id: { in: queued.map((p) => p.id) } },
      data: { state: 'FAILED', finishedAt: new Date() },
    });
  });
});
