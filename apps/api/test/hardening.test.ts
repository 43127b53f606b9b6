// Issue 7 item 5: security headers, the Origin check on unsafe methods, sign-in throttling at the
// documented counts, the password rule, my-sessions routes, ACCESS_DENIED audit events and size
// limits. See docs/security.md.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PASSWORD_MIN } from '@dutyboard/contracts/users';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { CONTENT_SECURITY_POLICY } from '../src/plugins/security.ts';
import { type Fixture, login, PASSWORD, seedFixture } from './helpers/fixtures.ts';
import { createSecretary, ipSequence, signInAttempt } from './helpers/sign-in.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
});
afterAll(() => ctx?.close());

/** Each test uses its own addresses, so the per-IP counts do not mix. */
const freshIp = ipSequence('10.7');
const attempt = (username: string, password: string, ip: string, app: FastifyInstance = ctx.app) =>
  signInAttempt(app, username, password, ip);
const makeUser = (username: string) => createSecretary(ctx.app, fx.branchAId, username);

describe('security headers', () => {
  const expectHardened = (headers: Record<string, unknown>) => {
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-powered-by']).toBeUndefined();
  };

  it('every API answer, success or error, carries the headers and no HSTS over plain http', async () => {
    const cookie = await login(ctx.app, 'leader');
    for (const res of [
      await ctx.app.inject({ method: 'GET', url: '/api/health' }),
      await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } }),
      await ctx.app.inject({ method: 'GET', url: '/api/me' }),
      await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' }),
    ]) {
      expectHardened(res.headers);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('sends Strict-Transport-Security only when configured as served over HTTPS', async () => {
    const app = await buildApp({ config: { ...ctx.config, COOKIE_SECURE: true }, prisma: ctx.prisma });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
      const signIn = await attempt('leader', PASSWORD, freshIp(), app);
      expect(signIn.cookies.find((c) => c.name === 'dutyboard_session')).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
      });
    } finally {
      await app.close();
    }
  });

  it('the SPA index and its asset files carry the same headers', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'dutyboard-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>spa</title>');
    writeFileSync(path.join(dist, 'assets/app-1.js'), 'console.log(1)');
    const app = await buildApp({ config: { ...ctx.config, WEB_DIST: dist }, prisma: ctx.prisma });
    try {
      for (const url of ['/', '/dashboard', '/assets/app-1.js']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expectHardened(res.headers);
      }
    } finally {
      await app.close();
    }
  });

  it("the summary's print view keeps its own stricter CSP", async () => {
    const cookie = await login(ctx.app, 'leader');
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/reports/summary/print?period=2026-H1&org=${fx.streetId}`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('Origin check on unsafe methods (CSRF)', () => {
  const host = 'dutyboard.test';

  it('refuses a sign-in posted from a foreign origin with 403 in the error shape, and audits it', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host, origin: 'https://evil.example' },
      payload: { username: 'leader', password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '跨站请求已被拒绝', key: 'request.crossSite', params: {} },
    });
    expect(res.cookies.find((c) => c.name === 'dutyboard_session')).toBeUndefined();
    const denied = await ctx.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'ACCESS_DENIED', after: { path: ['origin'], equals: 'https://evil.example' } },
    });
    expect(denied.after).toMatchObject({ method: 'POST', route: '/api/auth/login', reason: 'origin' });
  });

  it('refuses a foreign Referer when Origin is absent, and the "null" origin', async () => {
    for (const headers of [{ referer: 'https://evil.example/page' }, { origin: 'null' }, { origin: 'not a url' }]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { host, ...headers },
      });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
  });

  it("a signed-in user's write from a foreign origin is refused before it touches anything", async () => {
    const cookie = await login(ctx.app, 'secA');
    const before = await ctx.prisma.activity.count();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { host, cookie, origin: 'http://dutyboard.test.evil.example' },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    expect(await ctx.prisma.activity.count()).toBe(before);
  });

  it('allows its own origin, a configured origin, no Origin/Referer at all, and any origin on GET', async () => {
    const own = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { host, origin: `http://${host}` },
    });
    expect(own.statusCode).toBe(200);
    const ownReferer = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { host, referer: `https://${host}/dashboard` },
    });
    expect(ownReferer.statusCode).toBe(200);
    const bare = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(bare.statusCode).toBe(200);
    const get = await ctx.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(get.statusCode).toBe(200);

    const app = await buildApp({
      config: { ...ctx.config, ALLOWED_ORIGINS: ['https://dutyboard.example.gov.cn'] },
      prisma: ctx.prisma,
    });
    try {
      const proxied = await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { host: '127.0.0.1:3000', origin: 'https://dutyboard.example.gov.cn' },
      });
      expect(proxied.statusCode).toBe(200);
      const other = await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { host: '127.0.0.1:3000', origin: 'https://other.example.gov.cn' },
      });
      expect(other.statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});

describe('sign-in throttling (5 failures per account, 20 per IP, in 15 minutes)', () => {
  it('the 6th attempt on an account after 5 failures is refused with 429, Retry-After and when to retry', async () => {
    await makeUser('throttle.acct');
    // Each failure from another address: the account counter alone must refuse.
    for (let i = 1; i <= 5; i++) {
      const res = await attempt('throttle.acct', `wrong password ${i}`, freshIp());
      expect(res.statusCode, `failure ${i}`).toBe(401);
    }
    // Even the right password is refused now, without being checked.
    const refused = await attempt('throttle.acct', PASSWORD, freshIp());
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(refused.json().error.message).toMatch(
      /^该账号登录失败次数过多.*请在 15 分钟后（北京时间 \d\d:\d\d 之后）重试$/,
    );
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.cookies.find((c) => c.name === 'dutyboard_session')).toBeUndefined();
    // A username in other letter case shares the counter.
    expect((await attempt('THROTTLE.ACCT', PASSWORD, freshIp())).statusCode).toBe(429);
    // Refusals are not failures: still five LOGIN_FAILED, and one LOGIN_THROTTLED per address.
    const failed = await ctx.prisma.auditEvent.count({
      where: { action: 'LOGIN_FAILED', after: { path: ['username'], equals: 'throttle.acct' } },
    });
    expect(failed).toBe(5);
  });

  it('the refusal ends when its oldest counted failure leaves the window', async () => {
    await makeUser('throttle.expiry');
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await attempt('throttle.expiry', 'wrong password', ip);
    expect((await attempt('throttle.expiry', PASSWORD, ip)).statusCode).toBe(429);
    // Age the oldest failure beyond 15 minutes: four remain in the window, one below the limit.
    await ctx.prisma.$executeRaw`
      UPDATE "LoginAttempt" SET at = now() - interval '16 minutes'
      WHERE id = (SELECT min(id) FROM "LoginAttempt" WHERE username = 'throttle.expiry')`;
    expect((await attempt('throttle.expiry', PASSWORD, ip)).statusCode).toBe(200);
  });

  it('a successful sign-in starts the account count afresh', async () => {
    await makeUser('throttle.reset');
    for (let i = 0; i < 4; i++)
      expect((await attempt('throttle.reset', 'wrong password', freshIp())).statusCode).toBe(401);
    expect((await attempt('throttle.reset', PASSWORD, freshIp())).statusCode).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await attempt('throttle.reset', 'wrong password', freshIp())).statusCode).toBe(401);
    expect((await attempt('throttle.reset', PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('the 21st attempt from one IP after 20 failures is refused, whatever the account; other IPs are not', async () => {
    const ip = freshIp();
    // 20 failures spread over 5 unknown usernames (4 each: no account reaches its limit).
    for (let i = 0; i < 20; i++) {
      const res = await attempt(`ghost.${i % 5}`, 'wrong password', ip);
      expect(res.statusCode, `failure ${i + 1}`).toBe(401);
    }
    const refused = await attempt('leader', PASSWORD, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/^本机所在网络登录失败次数过多/);
    expect(refused.json().error.details).toMatchObject({ scope: 'ip' });
    expect((await attempt('leader', PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('a successful sign-in does not reset the IP count', async () => {
    const ip = freshIp();
    for (let i = 0; i < 19; i++) await attempt(`nobody.${i % 4}`, 'wrong password', ip);
    expect((await attempt('auditor', PASSWORD, ip)).statusCode).toBe(200);
    expect((await attempt('nobody.x', 'wrong password', ip)).statusCode).toBe(401);
    expect((await attempt('auditor', PASSWORD, ip)).statusCode).toBe(429);
  });

  it('writes one LOGIN_THROTTLED event per account and address per window, not one per refusal', async () => {
    await makeUser('throttle.audit');
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await attempt('throttle.audit', 'wrong password', ip);
    for (let i = 0; i < 3; i++) expect((await attempt('throttle.audit', PASSWORD, ip)).statusCode).toBe(429);
    const events = await ctx.prisma.auditEvent.findMany({
      where: { action: 'LOGIN_THROTTLED', after: { path: ['username'], equals: 'throttle.audit' } },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ ip, scope: 'account' });
  });
});

describe('password rule', () => {
  it(`new passwords need at least ${PASSWORD_MIN} characters and must not be the username`, async () => {
    const cookie = await login(ctx.app, 'admin');
    const create = (username: string, password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie },
        payload: { username, displayName: username, role: 'AUDITOR', orgId: fx.streetId, password },
      });
    expect((await create('pw.eleven', 'a'.repeat(PASSWORD_MIN - 1))).statusCode).toBe(400);
    const ok = await create('pw.twelve', 'b'.repeat(PASSWORD_MIN));
    expect(ok.statusCode).toBe(201);
    expect((await create('pw.same.as.name', 'PW.SAME.AS.NAME')).statusCode).toBe(400);

    const change = (password: string) =>
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/users/${ok.json().id}`,
        headers: { cookie },
        payload: { password },
      });
    expect((await change('short')).statusCode).toBe(400);
    const same = await change('Pw.Twelve');
    expect(same.statusCode).toBe(400);
    expect((await change('Pw.Twelve-but-longer')).statusCode).toBe(200);
  });

  it('I change my own password: the current one is proven, the rule applies, my other sessions end, this one stays', async () => {
    await makeUser('pw.own');
    const signIn = async (password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'pw.own', password },
        remoteAddress: freshIp(),
      });
    const cookieOf = (res: Awaited<ReturnType<typeof signIn>>) =>
      `dutyboard_session=${res.cookies.find((c) => c.name === 'dutyboard_session')?.value}`;
    const here = cookieOf(await signIn(PASSWORD));
    const phone = cookieOf(await signIn(PASSWORD));
    const change = (payload: Record<string, string>, cookie = here) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload });

    const wrong = await change({ currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0]).toMatchObject({ field: 'currentPassword' });
    expect((await change({ currentPassword: PASSWORD, newPassword: 'a'.repeat(PASSWORD_MIN - 1) })).statusCode).toBe(
      400,
    );
    const before = await ctx.prisma.auditEvent.count({ where: { entityType: 'User', action: 'UPDATE' } });
    const ok = await change({ currentPassword: PASSWORD, newPassword: 'my new passphrase 2026' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ ended: 1 });
    // This session stays, the phone's ended; the old password no longer signs in, the new one does.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: here } })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: phone } })).statusCode).toBe(401);
    expect((await signIn(PASSWORD)).statusCode).toBe(401);
    expect((await signIn('my new passphrase 2026')).statusCode).toBe(200);
    // Audited without any hash or password.
    const events = await ctx.prisma.auditEvent.findMany({
      where: { entityType: 'User', action: 'UPDATE' },
      orderBy: { id: 'desc' },
      take: 1,
    });
    expect(await ctx.prisma.auditEvent.count({ where: { entityType: 'User', action: 'UPDATE' } })).toBeGreaterThan(
      before,
    );
    expect(events[0]?.after).toMatchObject({ passwordChanged: true, sessionsEnded: 1 });
    expect(JSON.stringify([events[0]?.before, events[0]?.after])).not.toMatch(/passphrase|argon2/);
    // Signed out: 401.
    const anon = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'x', newPassword: 'y'.repeat(PASSWORD_MIN) },
    });
    expect(anon.statusCode).toBe(401);
  });

  it('my new password must not be my username', async () => {
    await makeUser('pw.named.user');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'pw.named.user', password: PASSWORD },
      remoteAddress: freshIp(),
    });
    const cookie = `dutyboard_session=${res.cookies.find((c) => c.name === 'dutyboard_session')?.value}`;
    const change = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: PASSWORD, newPassword: 'PW.NAMED.USER' },
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().error.details.fields[0]).toMatchObject({ field: 'newPassword' });
  });

  it('the demo, end-to-end and test passwords satisfy the rule', () => {
    // Read, not imported: importing scripts/start.ts would start the system.
    const root = path.resolve(import.meta.dirname, '../../..');
    const start = readFileSync(path.join(root, 'scripts/start.ts'), 'utf8');
    const e2e = readFileSync(path.join(root, 'playwright.config.ts'), 'utf8');
    const demo = start.match(/DEFAULT_DEMO_PASSWORD = '([^']+)'/)?.[1];
    const e2ePassword = e2e.match(/DEMO_PASSWORD: '([^']+)'/)?.[1];
    for (const password of [demo, e2ePassword, PASSWORD]) {
      expect(password?.length, password).toBeGreaterThanOrEqual(PASSWORD_MIN);
    }
  });
});

describe('my sessions', () => {
  async function signInAs(username: string, userAgent: string, ip = freshIp()) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'user-agent': userAgent },
      payload: { username, password: PASSWORD },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'dutyboard_session');
    return `dutyboard_session=${cookie?.value}`;
  }
  const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  it('lists my live sessions with created, last seen, user agent, IP and which one is this one', async () => {
    await makeUser('sess.list');
    const phone = await signInAs('sess.list', 'Phone/1.0', '10.9.0.1');
    const desk = await signInAs('sess.list', 'Desk/2.0', '10.9.0.2');
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie: desk } });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; userAgent: string; ip: string; current: boolean }[];
    expect(items).toHaveLength(2);
    expect(items.find((s) => s.current)).toMatchObject({ userAgent: 'Desk/2.0', ip: '10.9.0.2' });
    expect(items.find((s) => !s.current)).toMatchObject({ userAgent: 'Phone/1.0', ip: '10.9.0.1' });
    // Ids are token hashes, never the cookie value itself.
    expect(items.map((s) => s.id)).not.toContain(phone.split('=')[1]);
    expect(items.map((s) => s.id)).not.toContain(desk.split('=')[1]);
  });

  it('ends one other session of mine; another user’s session id answers 404 and stays', async () => {
    await makeUser('sess.one');
    const first = await signInAs('sess.one', 'First');
    const second = await signInAs('sess.one', 'Second');
    const stranger = await signInAs('auditor', 'Stranger');
    const list = (
      await ctx.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie: second } })
    ).json();
    const firstId = list.items.find((s: { current: boolean }) => !s.current).id;
    const strangerId = (
      await ctx.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie: stranger } })
    )
      .json()
      .items.find((s: { current: boolean }) => s.current).id;

    const foreign = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${strangerId}`,
      headers: { cookie: second },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await me(stranger)).statusCode).toBe(200);

    const ended = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${firstId}`,
      headers: { cookie: second },
    });
    expect(ended.statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('退出其他设备 ends every other session of mine and keeps this one', async () => {
    const userId = await makeUser('sess.others');
    const a = await signInAs('sess.others', 'A');
    const b = await signInAs('sess.others', 'B');
    const c = await signInAs('sess.others', 'C');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sessions/sign-out-others',
      headers: { cookie: c },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ended: 2 });
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(c)).statusCode).toBe(200);
    expect(await ctx.prisma.session.count({ where: { userId } })).toBe(1);
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { action: 'LOGOUT', actorId: userId } });
    expect(audit.after).toEqual({ ended: 2, scope: 'others' });
  });

  it('signing in issues a new session id, never the cookie the browser came with', async () => {
    const old = await signInAs('secB', 'Old');
    const fixation = 'dutyboard_session=attacker-chosen-value-0000000000000000';
    for (const cookie of [old, fixation]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { cookie },
        payload: { username: 'secB', password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const issued = res.cookies.find((c) => c.name === 'dutyboard_session')?.value;
      expect(issued).toBeDefined();
      expect(`dutyboard_session=${issued}`).not.toBe(cookie);
    }
    // The session the browser had before signing in again is over.
    expect((await me(old)).statusCode).toBe(401);
  });

  it('the last-seen time is written at most once a minute (idle 30 min sliding)', async () => {
    const userId = await makeUser('sess.touch');
    const cookie = await signInAs('sess.touch', 'T');
    const recent = new Date(Date.now() - 30_000);
    await ctx.prisma.session.updateMany({ where: { userId }, data: { lastSeenAt: recent } });
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await ctx.prisma.session.findFirstOrThrow({ where: { userId } })).lastSeenAt).toEqual(recent);
    const older = new Date(Date.now() - 29 * 60_000);
    await ctx.prisma.session.updateMany({ where: { userId }, data: { lastSeenAt: older } });
    expect((await me(cookie)).statusCode).toBe(200);
    const touched = (await ctx.prisma.session.findFirstOrThrow({ where: { userId } })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(Date.now() - 5_000);
    expect(ctx.config.SESSION_IDLE_MINUTES).toBe(30);
    expect(ctx.config.SESSION_ABSOLUTE_HOURS).toBe(12);
  });
});

describe('access denials in the audit trail', () => {
  it('a role without the permission gets 403 and one ACCESS_DENIED event naming user, route, method, IP', async () => {
    const cookie = await login(ctx.app, 'secA');
    const before = await ctx.prisma.auditEvent.count({ where: { action: 'ACCESS_DENIED' } });
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie },
      remoteAddress: '10.8.0.9',
    });
    expect(res.statusCode).toBe(403);
    const events = await ctx.prisma.auditEvent.findMany({ where: { action: 'ACCESS_DENIED' }, orderBy: { id: 'asc' } });
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      actorId: fx.users.secA,
      orgId: fx.branchAId,
      after: { method: 'GET', route: '/api/users', path: '/api/users', ip: '10.8.0.9', reason: 'permission' },
    });
  });

  it('a signed-out request (401) is not recorded as an access denial', async () => {
    const before = await ctx.prisma.auditEvent.count({ where: { action: 'ACCESS_DENIED' } });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    expect(await ctx.prisma.auditEvent.count({ where: { action: 'ACCESS_DENIED' } })).toBe(before);
  });
});

describe('request size limits', () => {
  it('a JSON body over the limit is refused with 413 in the error shape', async () => {
    const cookie = await login(ctx.app, 'secA');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x'.repeat(ctx.config.BODY_LIMIT_BYTES) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大', key: 'request.tooLarge', params: {} },
    });
  });

  it('a path parameter over 200 characters or a URL over 8 KB is refused with 414, a broken URL with 400', async () => {
    const cookie = await login(ctx.app, 'secA');
    const long = await ctx.app.inject({
      method: 'GET',
      url: `/api/activities/${'a'.repeat(201)}`,
      headers: { cookie },
    });
    expect(long.statusCode).toBe(414);
    expect(long.json().error.code).toBe('VALIDATION_FAILED');
    expect(long.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const broken = await ctx.app.inject({ method: 'GET', url: '/api/activities/%E0%A4%A', headers: { cookie } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('VALIDATION_FAILED');
    const huge = await ctx.app.inject({
      method: 'GET',
      url: `/api/activities?q=${'a'.repeat(8200)}`,
      headers: { cookie },
    });
    expect(huge.statusCode).toBe(414);
    expect(huge.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: '请求地址过长', key: 'request.urlTooLong', params: {} },
    });
  });
});
