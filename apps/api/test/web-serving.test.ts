import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'dutyboard-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>spa</title>');
  writeFileSync(path.join(dist, 'assets/app-1.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'assets/big-1.js'), 'x'.repeat(5000));
  writeFileSync(path.join(dist, 'assets/big-1.js.br'), brotliCompressSync('x'.repeat(5000)));
  writeFileSync(path.join(dist, 'assets/big-1.js.gz'), gzipSync('x'.repeat(5000)));
  ctx = await createTestContext({ WEB_DIST: dist });
});
afterAll(() => ctx?.close());

describe('serving the built web app', () => {
  it('answers a client route with index.html so deep links work', async () => {
    for (const url of ['/', '/dashboard?period=2026-H1', '/activities/3f0c8a52-0000-4000-8000-000000000000']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<title>spa</title>');
    }
  });

  it('serves asset files, including ones written after start', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/assets/app-1.js' })).body).toBe('console.log(1)');
    writeFileSync(path.join(dist, 'assets/app-2.js'), 'console.log(2)');
    expect((await ctx.app.inject({ method: 'GET', url: '/assets/app-2.js' })).body).toBe('console.log(2)');
  });

  it('keeps hashed assets for a year, revalidates index.html, and sends the precompressed copy', async () => {
    const asset = await ctx.app.inject({
      method: 'GET',
      url: '/assets/big-1.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(asset.rawPayload).toString()).toBe('x'.repeat(5000));
    const gz = await ctx.app.inject({ method: 'GET', url: '/assets/big-1.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await ctx.app.inject({ method: 'GET', url: '/assets/big-1.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('x'.repeat(5000));
    for (const url of ['/', '/dashboard']) {
      expect((await ctx.app.inject({ method: 'GET', url })).headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers a missing asset or API path with a JSON 404, never HTML', async () => {
    for (const url of ['/assets/gone-123.js', '/api/nothing', '/api']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('still requires sign-in for API routes', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/activities' })).statusCode).toBe(401);
  });
});
