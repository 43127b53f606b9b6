import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, PASSWORD, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
});
afterAll(() => ctx?.close());

describe('sign-in', () => {
  it('signs in with the right password and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'secA', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'secA', role: 'SECRETARY', org: { id: fx.branchAId } });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const cookie = res.cookies.find((c) => c.name === 'dutyboard_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Only the token's hash is stored.
    const sessions = await ctx.prisma.session.findMany({ where: { userId: fx.users.secA } });
    expect(sessions.map((s) => s.id)).not.toContain(cookie?.value);
    expect(sessions.length).toBeGreaterThan(0);
  });

  it('refuses a wrong password and an unknown user with the same answer, and audits both', async () => {
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'secA', password: 'nope' },
    });
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'nope' },
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', key: 'auth.wrongCredentials', params: {} },
      });
      expect(res.cookies.find((c) => c.name === 'dutyboard_session')).toBeUndefined();
    }
    const failures = await ctx.prisma.auditEvent.findMany({ where: { action: 'LOGIN_FAILED' } });
    expect(failures.map((f) => (f.after as { username: string }).username).sort()).toEqual(['ghost', 'secA']);
  });

  it('rejects a login body without a password with field details', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'secA' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['password']);
  });
});

describe('sessions', () => {
  it('answers /api/me for a signed-in user and 401 without a cookie or with a forged one', async () => {
    const cookie = await login(ctx.app, 'leader');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'leader', role: 'LEADER' });
    expect(me.json().permissions).toContain('plan:manage');

    const none = await ctx.app.inject({ method: 'GET', url: '/api/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
    const forged = await ctx.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: 'dutyboard_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('answers the session probe with 200 either way: the user when signed in, null when not', async () => {
    const cookie = await login(ctx.app, 'leader');
    const signedIn = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ username: 'leader', role: 'LEADER' });
    expect(signedIn.json().user.permissions).toContain('plan:manage');

    const none = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ user: null });
    expect(none.headers['set-cookie']).toBeUndefined();

    // A cookie whose session is gone: null, and the browser is told to drop the cookie.
    const forged = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: 'dutyboard_session=forged' },
    });
    expect(forged.statusCode).toBe(200);
    expect(forged.json()).toEqual({ user: null });
    expect(String(forged.headers['set-cookie'])).toMatch(/^dutyboard_session=;/);
  });

  it('ends a session that has been idle longer than the idle timeout', async () => {
    const cookie = await login(ctx.app, 'auditor');
    await ctx.prisma.session.updateMany({
      where: { userId: fx.users.auditor },
      data: { lastSeenAt: new Date(Date.now() - (ctx.config.SESSION_IDLE_MINUTES + 1) * 60_000) },
    });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: 'UNAUTHENTICATED',
      message: '登录已过期，请重新登录',
      key: 'auth.sessionExpired',
      params: {},
    });
    expect(await ctx.prisma.session.count({ where: { userId: fx.users.auditor } })).toBe(0);
  });

  it('ends a session past its absolute lifetime even when active', async () => {
    const cookie = await login(ctx.app, 'admin');
    await ctx.prisma.session.updateMany({
      where: { userId: fx.users.admin },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('keeps an active session alive and refreshes its last-seen time', async () => {
    const cookie = await login(ctx.app, 'secB');
    const old = new Date(Date.now() - 10 * 60_000);
    await ctx.prisma.session.updateMany({ where: { userId: fx.users.secB }, data: { lastSeenAt: old } });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const session = await ctx.prisma.session.findFirstOrThrow({ where: { userId: fx.users.secB } });
    expect(session.lastSeenAt.getTime()).toBeGreaterThan(old.getTime());
  });

  it('signs out: the session row is gone and the cookie no longer works', async () => {
    const cookie = await login(ctx.app, 'secA');
    const before = await ctx.prisma.session.count({ where: { userId: fx.users.secA } });
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect(await ctx.prisma.session.count({ where: { userId: fx.users.secA } })).toBe(before - 1);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });
});
