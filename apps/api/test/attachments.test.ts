// Evidence files: type from the bytes, size limit, thumbnails, content-addressed storage, access
// only through the owning record; plus the record history and the generic Idempotency-Key rules.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneIdempotencyKeys } from '../src/plugins/write.ts';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { multipart } from './helpers/multipart.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};
let activityA: string;
let activityB: string;
let jpeg: Buffer;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['admin', 'leader', 'auditor', 'secA', 'secB']) cookies[u] = await login(ctx.app, u);
  const create = async (who: string, orgId: string) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie: cookies[who] ?? '' },
      payload: activityInput(orgId),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  activityA = await create('secA', fx.branchAId);
  activityB = await create('secB', fx.branchBId);
  jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .toBuffer();
});
afterAll(() => ctx?.close());

function upload(
  who: string,
  fields: Record<string, string>,
  file?: { bytes: Buffer; fileName?: string; contentType?: string },
  headers: Record<string, string> = {},
) {
  const body = multipart(
    fields,
    file && {
      name: 'file',
      fileName: file.fileName ?? 'photo.jpg',
      contentType: file.contentType ?? 'image/jpeg',
      bytes: file.bytes,
    },
  );
  return ctx.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie: cookies[who] ?? '', 'content-type': body.contentType, ...headers },
    payload: body.payload,
  });
}
const get = (who: string, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });
const onA = { entityType: 'Activity', entityId: '' };

describe('uploading evidence', () => {
  it('stores a photo by its hash, makes a thumbnail and writes an ATTACH audit event on the record', async () => {
    const res = await upload('secA', { ...onA, entityId: activityA }, { bytes: jpeg, fileName: '../../现场照片.jpg' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      entityType: 'Activity',
      entityId: activityA,
      fileName: '现场照片.jpg',
      mimeType: 'image/jpeg',
      size: jpeg.length,
      sha256: sha(jpeg),
      width: 1200,
      height: 800,
    });
    const stored = path.join(ctx.config.DATA_DIR, 'files', sha(jpeg).slice(0, 2), sha(jpeg));
    expect(existsSync(stored)).toBe(true);

    const thumb = await get('auditor', body.thumbnailUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(320);

    const file = await get('leader', body.url);
    expect(file.statusCode).toBe(200);
    expect(sha(file.rawPayload)).toBe(sha(jpeg));
    expect(file.headers['x-content-type-options']).toBe('nosniff');

    const audit = await ctx.prisma.auditEvent.findMany({ where: { entityId: activityA, action: 'ATTACH' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ attachmentId: body.id, sha256: sha(jpeg) });
  });

  it("keeps a photo's EXIF capture time, read as Shanghai time, and null for a photo without one", async () => {
    const taken = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 40 } } })
      .withExif({ IFD0: { Make: 'Dutyboard test' }, IFD2: { DateTimeOriginal: '2026:05:20 14:30:05' } })
      .jpeg()
      .toBuffer();
    const withTime = await upload('secA', { ...onA, entityId: activityA }, { bytes: taken, fileName: '拍摄.jpg' });
    expect(withTime.statusCode, withTime.body).toBe(201);
    expect(withTime.json().capturedAt).toBe('2026-05-20T06:30:05.000Z');
    // The plain test photo has no EXIF at all.
    const plain = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 1, g: 2, b: 3 } } })
      .jpeg()
      .toBuffer();
    const without = await upload('secA', { ...onA, entityId: activityA }, { bytes: plain, fileName: '无时间.jpg' });
    expect(without.statusCode, without.body).toBe(201);
    expect(without.json().capturedAt).toBeNull();

    const list = await get('leader', `/api/attachments?entityType=Activity&entityId=${activityA}`);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { id: string; capturedAt: string | null }[];
    expect(items.find((a) => a.id === withTime.json().id)?.capturedAt).toBe('2026-05-20T06:30:05.000Z');
    expect(items.find((a) => a.id === without.json().id)?.capturedAt).toBeNull();
  });

  it('accepts a PDF (no thumbnail) and refuses bytes that are not an allowed type, whatever the name says', async () => {
    const pdf = await upload(
      'secA',
      { ...onA, entityId: activityA },
      { bytes: PDF, fileName: '会议纪要.pdf', contentType: 'application/pdf' },
    );
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ mimeType: 'application/pdf', thumbnailUrl: null });

    const before = await ctx.prisma.attachment.count();
    const fake = await upload(
      'secA',
      { ...onA, entityId: activityA },
      { bytes: Buffer.from('<script>alert(1)</script>'), fileName: 'x.jpg' },
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = Buffer.concat([jpeg.subarray(0, 200), Buffer.alloc(500)]);
    const corrupt = await upload('secA', { ...onA, entityId: activityA }, { bytes: broken });
    expect(corrupt.statusCode).toBe(415);
    expect(await ctx.prisma.attachment.count()).toBe(before);
  });

  it('refuses a file over 10 MB with 413 and writes nothing', async () => {
    const before = await ctx.prisma.attachment.count();
    const big = Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload('secA', { ...onA, entityId: activityA }, { bytes: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await ctx.prisma.attachment.count()).toBe(before);
  });

  it('names the missing or wrong fields', async () => {
    const noFile = await upload('secA', { ...onA, entityId: activityA });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.details.fields[0].field).toBe('file');
    const badType = await upload('secA', { entityType: 'Nope', entityId: activityA }, { bytes: jpeg });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['entityType']);
  });

  it('refuses uploads outside the caller’s reach (404) and by read-only roles (403)', async () => {
    const before = await ctx.prisma.attachment.count();
    expect((await upload('secB', { ...onA, entityId: activityA }, { bytes: jpeg })).statusCode).toBe(404);
    expect((await upload('auditor', { ...onA, entityId: activityA }, { bytes: jpeg })).statusCode).toBe(403);
    expect((await upload('secA', { ...onA, entityId: crypto.randomUUID() }, { bytes: jpeg })).statusCode).toBe(404);
    expect(await ctx.prisma.attachment.count()).toBe(before);
  });
});

describe('reading evidence', () => {
  it('lists and serves files only to users who may read the owning record', async () => {
    const list = await get('secA', `/api/attachments?entityType=Activity&entityId=${activityA}`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; url: string }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    const first = items[0] as { id: string; url: string };

    expect((await get('secB', `/api/attachments?entityType=Activity&entityId=${activityA}`)).statusCode).toBe(404);
    const denied = await get('secB', first.url);
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.code).toBe('NOT_FOUND');
    expect((await get('auditor', first.url)).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: first.url })).statusCode).toBe(401);
  });

  it('deletes with a DETACH audit event; read-only roles and other branches cannot', async () => {
    const created = await upload('secB', { entityType: 'Activity', entityId: activityB }, { bytes: jpeg });
    const id = created.json().id as string;
    const del = (who: string) =>
      ctx.app.inject({ method: 'DELETE', url: `/api/attachments/${id}`, headers: { cookie: cookies[who] ?? '' } });
    expect((await del('auditor')).statusCode).toBe(403);
    expect((await del('secA')).statusCode).toBe(404);
    expect((await del('secB')).statusCode).toBe(200);
    expect(await ctx.prisma.attachment.findUnique({ where: { id } })).toBeNull();
    const detach = await ctx.prisma.auditEvent.findFirst({ where: { entityId: activityB, action: 'DETACH' } });
    expect(detach?.before).toMatchObject({ attachmentId: id });
  });
});

describe('record history', () => {
  it('shows who changed which field from what to what, oldest first, to readers of the record only', async () => {
    const read = await get('secA', `/api/activities/${activityA}`);
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/activities/${activityA}`,
      headers: { cookie: cookies.secA ?? '', 'if-match': read.headers.etag as string },
      payload: { title: '重温入党誓词', participants: 31 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const history = await get('auditor', `/api/history?entityType=Activity&entityId=${activityA}`);
    expect(history.statusCode).toBe(200);
    const items = history.json().items as {
      action: string;
      actorName: string;
      changes: { field: string; before: unknown; after: unknown }[];
    }[];
    expect(items[0]?.action).toBe('CREATE');
    const update = items.find((e) => e.action === 'UPDATE');
    expect(update?.actorName).toBe('secA');
    expect(update?.changes).toEqual([
      { field: 'title', before: '红色歌曲大家唱', after: '重温入党誓词' },
      { field: 'participants', before: 30, after: 31 },
    ]);
    expect(items.some((e) => e.action === 'ATTACH')).toBe(true);
    expect((await get('secB', `/api/history?entityType=Activity&entityId=${activityA}`)).statusCode).toBe(404);
  });
});

describe('Idempotency-Key on POST', () => {
  const postActivity = (key: string, payload: object) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie: cookies.secA ?? '', 'idempotency-key': key },
      payload,
    });

  it('answers a repeated request with the first answer and creates one record', async () => {
    const key = crypto.randomUUID();
    const input = activityInput(fx.branchAId, { title: '双击保存' });
    const first = await postActivity(key, input);
    const again = await postActivity(key, input);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(await ctx.prisma.activity.count({ where: { title: '双击保存' } })).toBe(1);
    expect(await ctx.prisma.auditEvent.count({ where: { entityId: first.json().id, action: 'CREATE' } })).toBe(1);
  });

  it('refuses the same key with another body (422) and runs concurrent duplicates once', async () => {
    const key = crypto.randomUUID();
    await postActivity(key, activityInput(fx.branchAId, { title: '第一次' }));
    const other = await postActivity(key, activityInput(fx.branchAId, { title: '第二次' }));
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await ctx.prisma.activity.count({ where: { title: '第二次' } })).toBe(0);

    const racing = crypto.randomUUID();
    const input = activityInput(fx.branchAId, { title: '并发重试' });
    const results = await Promise.all([
      postActivity(racing, input),
      postActivity(racing, input),
      postActivity(racing, input),
    ]);
    for (const r of results) expect([201, 409]).toContain(r.statusCode);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await ctx.prisma.activity.count({ where: { title: '并发重试' } })).toBe(1);
  });

  it('does not keep the key of a refused request, and keys are per user', async () => {
    const key = crypto.randomUUID();
    const bad = await postActivity(key, activityInput(fx.branchBId));
    expect(bad.statusCode).toBe(403);
    const good = await postActivity(key, activityInput(fx.branchAId, { title: '改正后重试' }));
    expect(good.statusCode).toBe(201);
    const asB = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie: cookies.secB ?? '', 'idempotency-key': key },
      payload: activityInput(fx.branchBId, { title: '另一位用户' }),
    });
    expect(asB.statusCode).toBe(201);
    expect(asB.json().id).not.toBe(good.json().id);
  });

  it('forgets keys after 24 hours, so a much later retry runs as a new request', async () => {
    const key = crypto.randomUUID();
    const input = activityInput(fx.branchAId, { title: '隔天重试' });
    expect((await postActivity(key, input)).statusCode).toBe(201);
    const stored = await ctx.prisma.idempotencyKey.findFirstOrThrow({ where: { key } });
    expect(await pruneIdempotencyKeys(ctx.prisma, new Date(stored.createdAt.getTime() + 23 * 3_600_000))).toBe(0);
    expect(
      await pruneIdempotencyKeys(ctx.prisma, new Date(stored.createdAt.getTime() + 24 * 3_600_000 + 1)),
    ).toBeGreaterThan(0);
    expect(await ctx.prisma.idempotencyKey.count({ where: { key } })).toBe(0);
    const later = await postActivity(key, input);
    expect(later.headers['idempotency-replayed']).toBeUndefined();
    expect(await ctx.prisma.activity.count({ where: { title: '隔天重试' } })).toBe(2);
  });

  it('refuses a malformed key', async () => {
    const res = await postActivity('short', activityInput(fx.branchAId));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('OpenAPI', () => {
  it('describes the routes from the zod schemas at /api/docs/json', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/activities', '/api/attachments', '/api/history']),
    );
    const create = doc.paths['/api/activities'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['orgId', 'category', 'title', 'occurredAt', 'participants']),
    );
    const ui = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});

describe('evidence of a closed record', () => {
  it('may be added to but not removed once the rectification is done', async () => {
    const rect = await ctx.prisma.rectification.create({
      data: { orgId: fx.branchAId, problem: '宣传栏内容更新不及时', source: 'SELF_CHECK', status: 'IN_PROGRESS' },
    });
    const added = await upload('secA', { entityType: 'Rectification', entityId: rect.id }, { bytes: jpeg });
    expect(added.statusCode, added.body).toBe(201);
    await ctx.prisma.rectification.update({ where: { id: rect.id }, data: { status: 'DONE', closedAt: new Date() } });
    const del = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/attachments/${added.json().id}`,
      headers: { cookie: cookies.secA ?? '' },
    });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('INVALID_TRANSITION');
    expect(await ctx.prisma.attachment.count({ where: { entityId: rect.id } })).toBe(1);
    const more = await upload(
      'secA',
      { entityType: 'Rectification', entityId: rect.id },
      { bytes: PDF, contentType: 'application/pdf', fileName: 'a.pdf' },
    );
    expect(more.statusCode).toBe(201);
  });
});

describe('deleting a record with evidence', () => {
  const stored = (hash: string) => path.join(ctx.config.DATA_DIR, 'files', hash.slice(0, 2), hash);

  it('deleting an activity removes its attachment rows and the files no other record uses', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie: cookies.secA ?? '' },
      payload: activityInput(fx.branchAId, { title: '将被删除的活动' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const doomed = created.json().id as string;
    // A photo only this activity has, and the PDF that activity A carries too.
    const own = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 9, g: 99, b: 199 } } })
      .jpeg()
      .toBuffer();
    const photo = await upload('secA', { entityType: 'Activity', entityId: doomed }, { bytes: own });
    expect(photo.statusCode, photo.body).toBe(201);
    const thumbnail = (await ctx.prisma.attachment.findUniqueOrThrow({ where: { id: photo.json().id } })).thumbnailSha;
    const pdf = { bytes: PDF, contentType: 'application/pdf', fileName: 'plan.pdf' };
    expect((await upload('secA', { entityType: 'Activity', entityId: doomed }, pdf)).statusCode).toBe(201);
    expect((await upload('secA', { entityType: 'Activity', entityId: activityA }, pdf)).statusCode).toBe(201);
    expect(thumbnail).not.toBeNull();
    expect(existsSync(stored(sha(own)))).toBe(true);

    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/activities/${doomed}`,
      headers: { cookie: cookies.secA ?? '', 'if-match': '"1"' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await ctx.prisma.attachment.count({ where: { entityType: 'Activity', entityId: doomed } })).toBe(0);
    expect(existsSync(stored(sha(own)))).toBe(false);
    expect(existsSync(stored(thumbnail ?? ''))).toBe(false);
    // The PDF is still evidence on activity A: its file stays and is still served.
    expect(existsSync(stored(sha(PDF)))).toBe(true);
    const kept = await ctx.prisma.attachment.findFirstOrThrow({ where: { entityId: activityA, sha256: sha(PDF) } });
    expect((await get('secA', `/api/attachments/${kept.id}/content`)).statusCode).toBe(200);
  });

  it('deleting an assignment removes its attachment rows and the files no other record uses', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/assignments',
      headers: { cookie: cookies.leader ?? '' },
      payload: {
        period: '2026-H1',
        orgId: fx.streetId,
        ownerId: fx.users.leader,
        kind: 'TASK',
        task: '将被删除的任务',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const doomed = created.json().id as string;
    // A photo only this task has, and the PDF that activity A carries too.
    const own = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 19, g: 199, b: 9 } } })
      .jpeg()
      .toBuffer();
    const photo = await upload('leader', { entityType: 'Assignment', entityId: doomed }, { bytes: own });
    expect(photo.statusCode, photo.body).toBe(201);
    const thumbnail = (await ctx.prisma.attachment.findUniqueOrThrow({ where: { id: photo.json().id } })).thumbnailSha;
    const pdf = { bytes: PDF, contentType: 'application/pdf', fileName: 'task.pdf' };
    expect((await upload('leader', { entityType: 'Assignment', entityId: doomed }, pdf)).statusCode).toBe(201);
    expect((await upload('secA', { entityType: 'Activity', entityId: activityA }, pdf)).statusCode).toBe(201);
    expect(thumbnail).not.toBeNull();
    expect(existsSync(stored(sha(own)))).toBe(true);

    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/assignments/${doomed}`,
      headers: { cookie: cookies.leader ?? '', 'if-match': '"1"' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await ctx.prisma.attachment.count({ where: { entityType: 'Assignment', entityId: doomed } })).toBe(0);
    expect(existsSync(stored(sha(own)))).toBe(false);
    expect(existsSync(stored(thumbnail ?? ''))).toBe(false);
    // The PDF is still evidence on activity A: its file stays.
    expect(existsSync(stored(sha(PDF)))).toBe(true);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityId: doomed, action: 'DELETE' } });
    expect(audit.before).toMatchObject({ task: '将被删除的任务', period: '2026-H1' });
  });
});
