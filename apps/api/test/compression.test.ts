// Answers are compressed for clients that ask (app.ts, ADR 031), and nothing else about them
// changes: the same JSON, the same ETag, the one error shape; files that are compressed already
// (xlsx) and tiny answers pass as they are.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ACTIVITY_DESCRIPTION_MAX } from '@dutyboard/contracts/activities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let leader: string;
let secA: string;
let activityId: string;
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))})`;

beforeAll(async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'dutyboard-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>spa</title>');
  // A built file without the .br/.gz copies the build writes.
  writeFileSync(path.join(dist, 'assets/plain-1.js'), SCRIPT);
  ctx = await createTestContext({ WEB_DIST: dist });
  fx = await seedFixture(ctx.prisma);
  leader = await login(ctx.app, 'leader');
  secA = await login(ctx.app, 'secA');
  // A record whose answer is well over the 1 KB threshold.
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/activities',
    headers: { cookie: secA },
    payload: activityInput(fx.branchAId, {
      description: '组织党员群众传唱红色歌曲。'.repeat(ACTIVITY_DESCRIPTION_MAX / 20),
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  activityId = created.json().id;
});
afterAll(() => ctx?.close());

const get = (url: string, cookie: string, acceptEncoding?: string) =>
  ctx.app.inject({
    method: 'GET',
    url,
    headers: { cookie, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
  });

describe('compressed answers', () => {
  it('sends a JSON answer with brotli or gzip when asked, and the same JSON as plain', async () => {
    const url = '/api/dashboard?period=2026-H1';
    const plain = await get(url, leader);
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await get(url, leader, 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const fromBr = JSON.parse(brotliDecompressSync(br.rawPayload).toString());

    const gz = await get(url, leader, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const fromGz = JSON.parse(gunzipSync(gz.rawPayload).toString());
    // generatedAt is the cached answer's, so all three are the same document.
    expect(fromBr).toEqual(plain.json());
    expect(fromGz).toEqual(plain.json());
  });

  it('keeps a record answer’s ETag when compressing it', async () => {
    const plain = await get(`/api/activities/${activityId}`, secA);
    const br = await get(`/api/activities/${activityId}`, secA, 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe(plain.headers.etag);
    expect(br.headers.etag).toBe(`"${plain.json().version}"`);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
  });

  it('leaves tiny answers and errors plain, in the one error shape', async () => {
    const session = await get('/api/auth/session', '', 'br, gzip');
    expect(session.headers['content-encoding']).toBeUndefined();
    expect(session.json()).toEqual({ user: null });
    const missing = await get('/api/nothing', leader, 'br, gzip');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('sends an xlsx export as it is, since it is a zip already', async () => {
    const res = await get('/api/exports/activities?format=xlsx', leader, 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('compresses a built web file that has no precompressed copy', async () => {
    const res = await get('/assets/plain-1.js', '', 'gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.rawPayload).toString()).toBe(SCRIPT);
  });
});
