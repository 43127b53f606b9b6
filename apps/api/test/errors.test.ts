import { renderErrorMessage } from '@dutyboard/contracts/error-messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let cookie: string;
let adminCookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedFixture(ctx.prisma);
  // Routes added only for these tests, before the app is ready.
  ctx.app.get('/api/test/undeclared', async () => ({ leaked: true }));
  ctx.app.get('/api/test/boom', { config: { permission: 'SIGNED_IN' } }, async () => {
    throw new Error('SELECT secret FROM "User" -- internal detail');
  });
  cookie = await login(ctx.app, 'leader');
  adminCookie = await login(ctx.app, 'admin');
});
afterAll(() => ctx?.close());

describe('one error shape', () => {
  it('an /api route that declares no permission is refused, even for a signed-in user', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/test/undeclared', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '没有执行此操作的权限', key: 'auth.forbidden', params: {} },
    });
  });

  it('a 500 says nothing about internals', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/test/boom', headers: { cookie } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试', key: 'server.internal', params: {} },
    });
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

describe('messages by key', () => {
  const newUser = (overrides: Record<string, unknown>) => ({
    username: 'zhang.secretary',
    displayName: '张书记',
    role: 'LEADER',
    password: 'a-long-enough-password',
    ...overrides,
  });
  const createUser = async (overrides: Record<string, unknown>) => {
    const org = await ctx.prisma.orgUnit.findFirstOrThrow();
    return ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: adminCookie },
      payload: newUser({ orgId: org.id, ...overrides }),
    });
  };

  it('a missing record answers its key and kind beside the same Chinese sentence', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/activities/${crypto.randomUUID()}`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: '活动不存在或无权访问',
        key: 'record.notFound',
        params: { thing: 'Activity' },
      },
    });
    const { key, params } = res.json().error;
    expect(renderErrorMessage(key, params, 'en')).toBe('Activity not found, or you may not see it');
  });

  it('a taken username answers its key on the error and on the field', async () => {
    const res = await createUser({ username: 'leader' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: {
        code: 'CONFLICT',
        message: '用户名已存在，请换一个',
        key: 'user.nameTaken',
        params: {},
        details: {
          fields: [
            { field: 'username', code: 'taken', message: '用户名已存在，请换一个', key: 'user.nameTaken', params: {} },
          ],
        },
      },
    });
  });

  it('a field issue from the schema carries its key and bound; zod keeps its own words', async () => {
    const res = await createUser({ username: 'short.password', password: 'elevenchars' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '提交的内容有误，请按提示修改',
      key: 'request.invalidFields',
      params: {},
    });
    expect(error.details.fields).toEqual([
      {
        field: 'password',
        code: 'too_small',
        message: expect.stringMatching(/12/),
        key: 'field.tooShort',
        params: { min: 12 },
      },
    ]);
  });

  it('a refused control character keeps its sentence and gains its key and code point', async () => {
    const res = await createUser({ username: 'bad\u0001name' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      {
        field: 'username',
        code: 'illegal_character',
        message: '含有无法保存的控制字符（U+0001），请删除后重新提交（从其他软件复制的文字有时会带上它）',
        key: 'field.illegalCharacter',
        params: { character: 'U+0001' },
      },
    ]);
  });
});
