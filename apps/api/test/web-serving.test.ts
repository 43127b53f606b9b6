import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'dutyboard-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>spa</title>');
  writeFileSync(path.join(dist, 'assets/app-1.js'), 'console.log(1)');
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
