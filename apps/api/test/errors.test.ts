import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let cookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedFixture(ctx.prisma);
  // Routes added only for these tests, before the app is ready.
  ctx.app.get('/api/test/undeclared', async () => ({ leaked: true }));
  ctx.app.get('/api/test/boom', { config: { permission: 'SIGNED_IN' } }, async () => {
    throw new Error('SELECT secret FROM "User" -- internal detail');
  });
  cookie = await login(ctx.app, 'leader');
});
afterAll(() => ctx?.close());

describe('one error shape', () => {
  it('an /api route that declares no permission is refused, even for a signed-in user', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/test/undeclared', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: { code: 'FORBIDDEN', message: '没有执行此操作的权限' } });
  });

  it('a 500 says nothing about internals', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/test/boom', headers: { cookie } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } });
    expect(res.body).not.toMatch(/secret|SELECT|stack|at /);
  });

  it('an unknown API path is a 404 in the error shape', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('a JSON body with the wrong content type is refused in the error shape', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login><username>admin</username></login>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('health reports the database as up', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: 'up' });
  });
});
