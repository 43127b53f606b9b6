// Issue 13 items 6–8 and the "also seen" list: text no document can hold, dates outside the one
// accepted range (periods.ts: YEAR_MIN…YEAR_MAX), forged list cursors, attachments served so a
// browser never runs them, and limits that answer in the error shape (431 headers, 414 paths).
// Each case here answered 500, 200 or a foreign body before; the fuzzer covers the rest.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { YEAR_MAX, YEAR_MIN } from '@dutyboard/contracts/periods';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { multipart } from './helpers/multipart.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const who of ['leader', 'secA', 'auditor']) cookies[who] = await login(ctx.app, who);
});
afterAll(() => ctx?.close());

function inject(who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return ctx.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] as string },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** The field errors of a 400 in the one error shape. */
function fieldErrors(res: { statusCode: number; json(): unknown }) {
  expect(res.statusCode).toBe(400);
  const body = res.json() as { error: { code: string; details?: { fields?: { field: string; code: string }[] } } };
  expect(body.error.code).toBe('VALIDATION_FAILED');
  return body.error.details?.fields ?? [];
}

/** Characters PostgreSQL text (NUL) or XML 1.0 (the rest) cannot hold. */
const ILLEGAL = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDC00'];

describe('text no document can hold is refused with a field error', () => {
  it('in any field of a created record, for every such character, and nothing is written', async () => {
    const before = await ctx.prisma.activity.count();
    for (const ch of ILLEGAL) {
      for (const field of ['title', 'location', 'description']) {
        const res = await inject(
          'secA',
          'POST',
          '/api/activities',
          activityInput(fx.branchAId, { [field]: `活动${ch}x` }),
        );
        const fields = fieldErrors(res);
        expect(fields).toContainEqual(expect.objectContaining({ field, code: 'illegal_character' }));
      }
    }
    expect(await ctx.prisma.activity.count()).toBe(before);
  });

  it('in an edit, a sign-in username or password, a query string and an object key', async () => {
    const created = await inject('secA', 'POST', '/api/activities', activityInput(fx.branchAId));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const patched = await inject('secA', 'PATCH', `/api/activities/${id}`, { title: 'a\u0000b' });
    expect(fieldErrors(patched)).toContainEqual(expect.objectContaining({ field: 'title' }));
    expect((await ctx.prisma.activity.findUniqueOrThrow({ where: { id } })).title).toBe(activityInput('').title);

    for (const payload of [
      { username: 'sec\u0000A', password: 'whatever-password' },
      { username: 'secA', password: 'pass\u0000word-long' },
    ]) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(fieldErrors(res).length).toBeGreaterThan(0);
    }
    const query = await inject('secA', 'GET', `/api/activities?q=${encodeURIComponent('a\u0001')}`);
    expect(query.statusCode).toBe(400);
    const key = await ctx.app.inject({
      method: 'POST',
      url: `/api/activities`,
      headers: { cookie: cookies.secA as string, 'content-type': 'application/json' },
      payload: `{"title\\u0000":"x"}`,
    });
    expect(key.statusCode).toBe(400);
  });

  it('a lone surrogate sent as a JSON escape is refused too; tabs, line breaks and emoji are fine', async () => {
    const raw = JSON.stringify(activityInput(fx.branchAId)).replace('红色歌曲大家唱', '红歌\\ud83d');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie: cookies.secA as string, 'content-type': 'application/json' },
      payload: raw,
    });
    expect(fieldErrors(res)).toContainEqual(expect.objectContaining({ field: 'title', code: 'illegal_character' }));
    const ok = await inject(
      'secA',
      'POST',
      '/api/activities',
      activityInput(fx.branchAId, { title: '红歌😀大家唱', description: '第一段\n第二段\t结束\r\n' }),
    );
    expect(ok.statusCode).toBe(201);
  });
});

describe('one date range for every date, instant, period code and cursor', () => {
  const outside = [
    '9999-12-31T23:59:59Z',
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '1899-12-31T00:00:00Z',
    '1999-12-31T23:59:59+08:00',
    `${YEAR_MAX + 1}-01-01T00:00:01+08:00`,
  ];

  it(`refuses record instants outside ${YEAR_MIN}–${YEAR_MAX} (Shanghai) with a field error, not 500`, async () => {
    for (const occurredAt of outside) {
      const res = await inject('secA', 'POST', '/api/activities', activityInput(fx.branchAId, { occurredAt }));
      expect(fieldErrors(res)).toContainEqual(expect.objectContaining({ field: 'occurredAt' }));
    }
    const first = await inject(
      'secA',
      'POST',
      '/api/activities',
      activityInput(fx.branchAId, { occurredAt: `${YEAR_MIN}-01-01T00:00:00+08:00` }),
    );
    expect(first.statusCode).toBe(201);
  });

  it('refuses list days and period codes outside the range wherever they are taken', async () => {
    for (const day of ['0001-01-01', '1899-12-31', '1999-12-31', `${YEAR_MAX + 1}-01-01`, '9999-12-31']) {
      const res = await inject('auditor', 'GET', `/api/activities?from=${day}`);
      expect(fieldErrors(res)).toContainEqual(expect.objectContaining({ field: 'from' }));
    }
    expect((await inject('auditor', 'GET', `/api/activities?from=${YEAR_MIN}-01-01`)).statusCode).toBe(200);
    for (const period of ['0000-H1', '0000', '1999-Q4', `${YEAR_MAX + 1}-H1`, '9999']) {
      const urls = [
        `/api/dashboard?period=${period}`,
        `/api/targets?period=${period}`,
        `/api/assignments?period=${period}`,
      ];
      for (const url of urls) {
        const res = await inject('leader', 'GET', url);
        expect(fieldErrors(res), url).toContainEqual(expect.objectContaining({ field: 'period' }));
      }
      const pack = await inject('leader', 'POST', '/api/evidence-packs', { org: fx.branchAId, period });
      expect(fieldErrors(pack)).toContainEqual(expect.objectContaining({ field: 'period' }));
    }
  });

  it('answers a forged cursor with 400 whatever it carries: far dates, huge integers, junk ids', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await inject('secA', 'POST', '/api/activities', activityInput(fx.branchAId))).statusCode).toBe(201);
    }
    const page = await inject('auditor', 'GET', '/api/activities?limit=1');
    const real = page.json().nextCursor as string;
    const [sort, , id] = JSON.parse(Buffer.from(real, 'base64url').toString()) as [string, string, string];
    const forge = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const forged = [
      forge([sort, '-200000-01-01T00:00:00.000Z', id]),
      forge([sort, '+275760-09-13T00:00:00.000Z', id]),
      forge([sort, '0000-01-01T00:00:00.000Z', id]),
      forge([sort, '1899-12-31T00:00:00.000Z', id]),
      forge([sort, 'not a date', id]),
      forge([sort, '2026-03-15T01:00:00.000Z', 'not-a-uuid-but-36-characters-long-xx']),
      forge([sort, '2026-03-15T01:00:00.000Z', '\u0000']),
      'not base64 at all!',
    ];
    for (const cursor of forged) {
      const res = await inject('auditor', 'GET', `/api/activities?limit=1&cursor=${encodeURIComponent(cursor)}`);
      expect(fieldErrors(res)).toContainEqual(expect.objectContaining({ field: 'cursor' }));
    }
    const ints = await inject('auditor', 'GET', '/api/activities?limit=1&sort=participants');
    const intCursor = ints.json().nextCursor as string;
    const [intSort, , intId] = JSON.parse(Buffer.from(intCursor, 'base64url').toString()) as [string, number, string];
    for (const value of [2 ** 31, 2 ** 53, -(2 ** 31) - 1, 1.5, '12']) {
      const cursor = forge([intSort, value, intId]);
      const res = await inject('auditor', 'GET', `/api/activities?limit=1&sort=participants&cursor=${cursor}`);
      expect(fieldErrors(res)).toContainEqual(expect.objectContaining({ field: 'cursor' }));
    }
    // The real cursor still works.
    expect((await inject('auditor', 'GET', `/api/activities?limit=1&cursor=${real}`)).statusCode).toBe(200);
  });
});

describe('attachments are served so that a browser never runs them on our origin', () => {
  async function upload(fileName: string, contentType: string, bytes: Buffer) {
    const created = await inject('secA', 'POST', '/api/activities', activityInput(fx.branchAId));
    const form = multipart(
      { entityType: 'Activity', entityId: created.json().id },
      { name: 'file', fileName, contentType, bytes },
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: cookies.secA as string, 'content-type': form.contentType },
      payload: form.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  it('downloads a PDF (attachment, sandboxed) and shows images inline but sandboxed', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const pdfId = await upload('会议纪要.pdf', 'application/pdf', pdf);
    const served = await inject('auditor', 'GET', `/api/attachments/${pdfId}/content`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-disposition']).toMatch(/^attachment;/);
    expect(served.headers['content-security-policy']).toMatch(/(^|; )sandbox($|;)/);
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");

    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } })
      .png()
      .toBuffer();
    const pngId = await upload('合影\u0001.png', 'image/png', png);
    for (const variant of ['content', 'thumbnail']) {
      const res = await inject('auditor', 'GET', `/api/attachments/${pngId}/${variant}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^inline;/);
      expect(res.headers['content-security-policy']).toMatch(/(^|; )sandbox($|;)/);
    }
    const row = await ctx.prisma.attachment.findUniqueOrThrow({ where: { id: pngId } });
    expect(row.fileName).toBe('合影.png');
  });
});

describe('limits answer in the error shape', () => {
  it('a path segment over 200 characters is 414 on every kind of route, known or not', async () => {
    const long = 'a'.repeat(201);
    for (const url of [
      `/api/activities/${long}`,
      `/api/attachments/${long}/content`,
      `/api/risk-alerts/${long}/transitions`,
      `/api/nothing-here/${long}`,
    ]) {
      const res = await inject(
        'auditor',
        url.endsWith('transitions') ? 'POST' : 'GET',
        url,
        url.endsWith('transitions') ? {} : undefined,
      );
      expect(res.statusCode, url).toBe(414);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('headers over Node’s 16 KB limit get 431 in the error shape from a real listening server', async () => {
    const app: FastifyInstance = await buildApp({ config: ctx.config, prisma: ctx.prisma });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/api/health', headers: { 'x-filler': 'x'.repeat(20 * 1024) } },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              body += chunk;
            });
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(answer.status).toBe(431);
      expect(answer.type).toContain('application/json');
      const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message).toMatch(/请求头过大/);
      // The server is still there.
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('the assignments list keeps its own cursor order but the same cursor checks', () => {
  it('answers a forged assignments cursor with 400', async () => {
    const forge = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const id = crypto.randomUUID();
    for (const cursor of [
      forge(['assignments', 'TASK', '+275760-09-13T00:00:00.000Z', id]),
      forge(['assignments', 'TASK', '0000-01-01T00:00:00.000Z', id]),
      forge(['assignments', 'TASK', '2026-01-01T00:00:00.000Z', 'x'.repeat(36)]),
      forge(['assignments', 'NOPE', '2026-01-01T00:00:00.000Z', id]),
    ]) {
      const res = await inject('leader', 'GET', `/api/assignments?cursor=${cursor}`);
      expect(fieldErrors(res)).toContainEqual(expect.objectContaining({ field: 'cursor' }));
    }
  });
});
