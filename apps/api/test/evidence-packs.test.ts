// Evidence packs: the zip holds exactly the org subtree's records of the period (records.xlsx),
// every evidence file of those records with hashes that match the manifest and the stored files,
// and the manifest; made in the background with progress; readable only within reach.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { type EvidencePack, EvidencePackManifestSchema } from '@dutyboard/contracts/evidence-packs';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../src/services/attachments/store.ts';
import { failAbandonedJobs } from '../src/services/jobs/jobs.ts';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { multipart } from './helpers/multipart.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** What was put in, to compare the pack with. */
const known = {
  a1: '',
  a2: '',
  a3OtherPeriod: '',
  b1: '',
  publicityA: '',
  pointA: '',
  checkA: '',
  /** attachment id → the bytes uploaded */
  files: new Map<string, Buffer>(),
  outsideFiles: new Set<string>(),
};

const photo = (r: number) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r, g: 90, b: 40 } } })
    .jpeg()
    .toBuffer();

async function send(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return ctx.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, ...(payload ? { payload } : {}) });
}

async function create(who: string, url: string, payload: unknown): Promise<string> {
  const res = await send(who, 'POST', url, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json().id as string;
}

async function upload(who: string, entityType: string, entityId: string, bytes: Buffer, fileName: string) {
  const body = multipart(
    { entityType, entityId },
    { name: 'file', fileName, contentType: fileName.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg', bytes },
  );
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie: cookies[who] ?? '', 'content-type': body.contentType },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Polls the pack as the page does until it is finished. */
async function settled(who: string, id: string): Promise<EvidencePack> {
  const until = Date.now() + 20_000;
  for (;;) {
    const res = await send(who, 'GET', `/api/evidence-packs/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const pack = res.json() as EvidencePack;
    if (pack.state === 'DONE' || pack.state === 'FAILED') return pack;
    if (Date.now() > until) throw new Error(`pack ${id} still ${pack.state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function requestPack(who: string, org: string, period: string): Promise<EvidencePack> {
  const res = await send(who, 'POST', '/api/evidence-packs', { org, period });
  expect(res.statusCode, res.body).toBe(202);
  return res.json() as EvidencePack;
}

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['leader', 'auditor', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);

  // Branch A, 2026-H1: two activities (one in A's sub-unit), a report, a 阵地 checked in the half.
  known.a1 = await create(
    'secA',
    '/api/activities',
    activityInput(fx.branchAId, { title: '红色歌曲/大家唱', occurredAt: '2026-03-15T09:00:00+08:00' }),
  );
  known.a2 = await create(
    'secA',
    '/api/activities',
    activityInput(fx.branchAUnitId, { title: '重温入党誓词', occurredAt: '2026-06-30T23:30:00+08:00' }),
  );
  known.publicityA = await create('secA', '/api/publicity', {
    orgId: fx.branchAId,
    outlet: '区融媒体中心',
    level: 'DISTRICT',
    title: '甲村开展主题党日',
    publishedAt: '2026-04-01T10:00:00+08:00',
  });
  known.pointA = await create('secA', '/api/risk-points', {
    orgId: fx.branchAId,
    name: '甲村宣传栏',
    type: 'WEBSITE',
    level: 'LOW',
  });
  const check = await send('secA', 'POST', `/api/risk-points/${known.pointA}/checks`, {
    checkedAt: '2026-02-10T10:00:00+08:00',
    result: 'NORMAL',
  });
  expect(check.statusCode, check.body).toBe(201);
  known.checkA = check.json().check.id;
  // Outside the pack: A's activity of the next half, B's activity of the same half.
  known.a3OtherPeriod = await create(
    'secA',
    '/api/activities',
    activityInput(fx.branchAId, { title: '下半年的活动', occurredAt: '2026-07-01T00:00:00+08:00' }),
  );
  known.b1 = await create(
    'secB',
    '/api/activities',
    activityInput(fx.branchBId, { title: '乙社区的活动', occurredAt: '2026-03-20T09:00:00+08:00' }),
  );

  const put = async (who: string, type: string, id: string, bytes: Buffer, name: string, inPack = true) => {
    const attachmentId = await upload(who, type, id, bytes, name);
    if (inPack) known.files.set(attachmentId, bytes);
    else known.outsideFiles.add(sha(bytes));
  };
  // Two files of the same name on one record.
  await put('secA', 'Activity', known.a1, await photo(10), '现场照片.jpg');
  await put('secA', 'Activity', known.a1, await photo(20), '现场照片.jpg');
  await put('secA', 'Activity', known.a2, PDF, '会议纪要.pdf');
  await put('secA', 'PublicityItem', known.publicityA, await photo(30), '../../报道截图.jpg');
  await put('secA', 'RiskPoint', known.pointA, await photo(40), '宣传栏.jpg');
  await put('secA', 'Activity', known.a3OtherPeriod, await photo(50), '下半年.jpg', false);
  await put('secB', 'Activity', known.b1, await photo(60), '乙社区.jpg', false);
});
afterAll(() => ctx?.close());

describe('an evidence pack of branch A for 2026-H1', () => {
  let pack: EvidencePack;
  let zip: Buffer;
  let entries: Record<string, Uint8Array>;

  beforeAll(async () => {
    const queued = await requestPack('auditor', fx.branchAId, '2026-H1');
    expect(queued).toMatchObject({ state: 'QUEUED', orgName: '甲村党支部', periodCode: '2026-H1', downloadUrl: null });
    pack = await settled('auditor', queued.id);
    const file = await send('auditor', 'GET', pack.downloadUrl ?? '');
    expect(file.statusCode, file.body).toBe(200);
    zip = file.rawPayload;
    entries = unzipSync(new Uint8Array(zip));
  });

  it('finishes DONE with done == total, and its SHA-256 and size are those of the downloaded zip', () => {
    expect(pack.state, pack.error ?? '').toBe('DONE');
    // 7 record lists + 5 files + the manifests.
    expect(pack.total).toBe(13);
    expect(pack.done).toBe(pack.total);
    expect(pack.sha256).toBe(sha(zip));
    expect(pack.size).toBe(zip.length);
    expect(pack.fileName).toBe('证据包-甲村党支部-2026-H1.zip');
  });

  it('is downloaded as a zip named in Chinese', async () => {
    const res = await send('auditor', 'GET', pack.downloadUrl ?? '');
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('证据包-甲村党支部-2026-H1.zip')}`,
    );
    expect(res.headers['content-disposition']).toContain('filename="evidence-pack-2026-H1.zip"');
  });

  it("holds exactly A's records of the period in records.xlsx, one sheet per record kind", async () => {
    const entry = entries['records.xlsx'];
    expect(entry).toBeDefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(entry ?? new Uint8Array()) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '主题活动',
      '学习研讨',
      '宣传报道',
      '阵地排查',
      '舆情',
      '整改',
      '责任清单',
    ]);
    const ids = (name: string) => {
      const sheet = book.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      // The rows under the header (序号 …); the title block above it names the org and period.
      const out: string[] = [];
      let header = 0;
      sheet.eachRow((row, n) => {
        if (header > 0) out.push(String(row.getCell(sheet.columnCount).value));
        else if (row.getCell(1).value === '序号') header = n;
      });
      return out;
    };
    // Newest first, as the list shows them; the sub-unit's activity included; B's and H2's not.
    expect(ids('主题活动')).toEqual([known.a2, known.a1]);
    expect(ids('宣传报道')).toEqual([known.publicityA]);
    expect(ids('阵地排查')).toEqual([known.checkA]);
    expect(ids('学习研讨')).toEqual([]);
    expect(ids('舆情')).toEqual([]);
    // Rectifications are dated by their creation (now, in 2026-H2 or later): none in H1.
    expect(ids('整改')).toEqual([]);
  });

  it('holds every evidence file of those records under files/<kind>/<date> <title>/<name>, and no other file', () => {
    const files = Object.keys(entries).filter((p) => p.startsWith('files/'));
    expect(files.sort()).toEqual(
      [
        'files/主题活动/2026-03-15 红色歌曲_大家唱/现场照片.jpg',
        'files/主题活动/2026-03-15 红色歌曲_大家唱/现场照片 (2).jpg',
        'files/主题活动/2026-06-30 重温入党誓词/会议纪要.pdf',
        'files/宣传报道/2026-04-01 甲村开展主题党日/报道截图.jpg',
        'files/阵地排查/2026-02-10 甲村宣传栏/宣传栏.jpg',
      ].sort(),
    );
    const inZip = new Set(files.map((p) => sha(entries[p] ?? new Uint8Array())));
    for (const bytes of known.files.values()) expect(inZip.has(sha(bytes))).toBe(true);
    for (const outside of known.outsideFiles) expect(inZip.has(outside)).toBe(false);
  });

  it('lists every other entry in manifest.json with its size and a SHA-256 equal to its bytes and to the stored file', async () => {
    const manifest = EvidencePackManifestSchema.parse(
      JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array())),
    );
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      Object.keys(entries)
        .filter((p) => p !== 'manifest.json')
        .sort(),
    );
    const store = new FileStore(path.join(ctx.config.DATA_DIR, 'files'));
    for (const file of manifest.files) {
      const bytes = entries[file.path] ?? new Uint8Array();
      expect(file.size, file.path).toBe(bytes.length);
      expect(file.sha256, file.path).toBe(sha(bytes));
      if (file.attachmentId) {
        const uploaded = known.files.get(file.attachmentId);
        expect(uploaded && sha(uploaded), file.path).toBe(file.sha256);
        expect(sha(await readFile(store.pathOf(file.sha256))), file.path).toBe(file.sha256);
      }
    }
    expect(manifest.files.find((f) => f.path.endsWith('宣传栏.jpg'))).toMatchObject({
      recordKind: '阵地排查',
      entityType: 'RiskPoint',
      entityId: known.pointA,
    });
    expect(manifest.files.find((f) => f.path.endsWith('会议纪要.pdf'))).toMatchObject({
      recordKind: '主题活动',
      entityType: 'Activity',
      entityId: known.a2,
    });
    expect(manifest.pack).toMatchObject({
      id: pack.id,
      orgName: '甲村党支部',
      periodCode: '2026-H1',
      from: '2026-01-01',
      to: '2026-06-30',
      requestedBy: 'auditor',
      counts: { files: 5, records: { 主题活动: 2, 宣传报道: 1, 阵地排查: 1, 学习研讨: 0 } },
    });
    expect(manifest.pack.generatedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Asia\/Shanghai\)$/);
  });

  it('has a manifest.csv with a BOM, a Chinese header and one line per file before it', () => {
    const raw = entries['manifest.csv'] ?? new Uint8Array();
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder (strFromU8) drops the BOM.
    const csv = strFromU8(raw);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toContain('路径');
    expect(lines[0]).toContain('SHA-256');
    // records.xlsx and the five files.
    expect(lines).toHaveLength(1 + 6);
    expect(csv).toContain(sha(entries['records.xlsx'] ?? new Uint8Array()));
  });

  it('is written to the trail: asked for, then finished with its SHA-256', async () => {
    const events = await ctx.prisma.auditEvent.findMany({
      where: { entityType: 'EvidencePack', entityId: pack.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.action, (e.after as { state: string }).state])).toEqual([
      ['EXPORT', 'QUEUED'],
      ['EXPORT', 'DONE'],
    ]);
    expect(events[1]?.after).toMatchObject({ sha256: pack.sha256, size: pack.size });
    expect(events[0]?.actorId).toBe(fx.users.auditor);
  });

  it("is listed among the requester's packs, newest first, and not among anyone else's", async () => {
    const mine = await send('auditor', 'GET', '/api/evidence-packs');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items[0]).toMatchObject({ id: pack.id, state: 'DONE' });
    const theirs = await send('leader', 'GET', '/api/evidence-packs');
    expect(theirs.json().items.map((p: EvidencePack) => p.id)).not.toContain(pack.id);
  });

  it("can be read by A's secretary and leadership, not by B's secretary (404, as if it did not exist)", async () => {
    expect((await send('secA', 'GET', `/api/evidence-packs/${pack.id}`)).statusCode).toBe(200);
    expect((await send('leader', 'GET', `/api/evidence-packs/${pack.id}/file`)).statusCode).toBe(200);
    const read = await send('secB', 'GET', `/api/evidence-packs/${pack.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().error.code).toBe('NOT_FOUND');
    expect((await send('secB', 'GET', `/api/evidence-packs/${pack.id}/file`)).statusCode).toBe(404);
  });
});

describe('an evidence pack of the street for 2026-H1 (a subtree)', () => {
  it("holds every branch's records and files, each row naming its org, under a title block and a file name naming the street", async () => {
    const pack = await settled('leader', (await requestPack('leader', fx.streetId, '2026-H1')).id);
    expect(pack).toMatchObject({
      state: 'DONE',
      orgName: '测试街道党工委',
      fileName: '证据包-测试街道党工委-2026-H1.zip',
    });
    const entries = unzipSync(new Uint8Array((await send('leader', 'GET', pack.downloadUrl ?? '')).rawPayload));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(entries['records.xlsx'] ?? new Uint8Array()) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('主题活动');
    if (!sheet) throw new Error('no 主题活动 sheet');
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(String(rows[0]?.[0])).toBe('测试街道党工委 主题活动（2026-01-01 至 2026-06-30）');
    const header = rows.findIndex((r) => r[0] === '序号');
    const orgColumn = (rows[header] ?? []).indexOf('组织/支部');
    const idColumn = (rows[header] ?? []).length - 1;
    const byId = new Map(rows.slice(header + 1).map((r) => [String(r[idColumn]), r[orgColumn]]));
    expect(byId).toEqual(
      new Map([
        [known.a2, '甲村第一党小组'],
        [known.b1, '乙社区党支部'],
        [known.a1, '甲村党支部'],
      ]),
    );
    // Every branch's evidence of the half, the next half's not.
    const files = Object.keys(entries).filter((p) => p.startsWith('files/主题活动/'));
    expect(files).toContain('files/主题活动/2026-03-20 乙社区的活动/乙社区.jpg');
    expect(files.some((p) => p.includes('下半年'))).toBe(false);
  });
});

describe('who may ask for a pack, and what', () => {
  it("refuses B's secretary a pack of branch A or of the street (404), and lets them have their own branch's", async () => {
    for (const org of [fx.branchAId, fx.streetId]) {
      const res = await send('secB', 'POST', '/api/evidence-packs', { org, period: '2026-H1' });
      expect(res.statusCode, org).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const own = await settled('secB', (await requestPack('secB', fx.branchBId, '2026-H1')).id);
    expect(own.state, own.error ?? '').toBe('DONE');
    const entries = unzipSync(new Uint8Array((await send('secB', 'GET', own.downloadUrl ?? '')).rawPayload));
    expect(Object.keys(entries).filter((p) => p.startsWith('files/'))).toEqual([
      'files/主题活动/2026-03-20 乙社区的活动/乙社区.jpg',
    ]);
  });

  it('answers 401 when signed out', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/evidence-packs',
      payload: { org: fx.branchAId, period: '2026-H1' },
    });
    expect(res.statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/evidence-packs' })).statusCode).toBe(401);
  });

  it('refuses a bad period, a bad org id and unknown fields with 400 naming the field', async () => {
    for (const [payload, field] of [
      [{ org: fx.branchAId, period: '2026-H3' }, 'period'],
      [{ org: fx.branchAId, period: '26' }, 'period'],
      [{ org: 'nope', period: '2026' }, 'org'],
      [{ org: fx.branchAId, period: '2026', extra: 1 }, 'body'],
    ] as const) {
      const res = await send('auditor', 'POST', '/api/evidence-packs', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });

  it('gives back the pack still being made when the same person asks again for the same org and period', async () => {
    const running = await ctx.prisma.evidencePack.create({
      data: { requestedById: fx.users.leader, orgId: fx.branchBId, periodCode: '2025', state: 'RUNNING', total: 8 },
    });
    const again = await requestPack('leader', fx.branchBId, '2025');
    expect(again.id).toBe(running.id);
    // Not finished: no file yet.
    const file = await send('leader', 'GET', `/api/evidence-packs/${running.id}/file`);
    expect(file.statusCode).toBe(409);
    expect(file.json().error.code).toBe('CONFLICT');
    await ctx.prisma.evidencePack.delete({ where: { id: running.id } });
  });
});

describe('when a pack cannot be made', () => {
  it('fails with a message naming the missing evidence file', async () => {
    const id = await create(
      'secB',
      '/api/activities',
      activityInput(fx.branchBId, { title: '文件丢失的活动', occurredAt: '2025-05-05T09:00:00+08:00' }),
    );
    const bytes = await photo(99);
    await upload('secB', 'Activity', id, bytes, '丢失.jpg');
    await rm(new FileStore(path.join(ctx.config.DATA_DIR, 'files')).pathOf(sha(bytes)));
    const pack = await settled('secB', (await requestPack('secB', fx.branchBId, '2025-Q2')).id);
    expect(pack.state).toBe('FAILED');
    expect(pack.error).toContain('佐证材料文件缺失');
    expect(pack.error).toContain('丢失.jpg');
    expect(pack.downloadUrl).toBeNull();
    expect((await send('secB', 'GET', `/api/evidence-packs/${pack.id}/file`)).statusCode).toBe(409);
  });

  it('marks packs a stopped server left queued or running as failed, asking to make them again; a live owner’s pack is kept', async () => {
    const left = await ctx.prisma.evidencePack.create({
      data: {
        requestedById: fx.users.leader,
        orgId: fx.streetId,
        periodCode: '2026-Q1',
        state: 'RUNNING',
        done: 3,
        total: 9,
      },
    });
    const finished = await ctx.prisma.evidencePack.create({
      data: { requestedById: fx.users.leader, orgId: fx.streetId, periodCode: '2026-Q2', state: 'DONE' },
    });
    // Another process's pack, its heartbeat fresh (ADR 021).
    const live = await ctx.prisma.evidencePack.create({
      data: {
        requestedById: fx.users.leader,
        orgId: fx.streetId,
        periodCode: '2025-Q4',
        state: 'RUNNING',
        ownerId: 'other-host:1:live',
        heartbeatAt: new Date(),
      },
    });
    expect(await failAbandonedJobs(ctx.prisma, 'evidence-pack', ctx.config.JOB_STALE_MS)).toContain(left.id);
    const after = await send('leader', 'GET', `/api/evidence-packs/${left.id}`);
    expect(after.json()).toMatchObject({ state: 'FAILED', error: '服务重启，请重新生成' });
    expect((await ctx.prisma.evidencePack.findUniqueOrThrow({ where: { id: finished.id } })).state).toBe('DONE');
    expect((await ctx.prisma.evidencePack.findUniqueOrThrow({ where: { id: live.id } })).state).toBe('RUNNING');
    await ctx.prisma.evidencePack.update({ where: { id: live.id }, data: { state: 'FAILED' } });
  });
});
