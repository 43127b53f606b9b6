// Issue 13 items 3, 5 and 9: the sign-in throttle is one atomic step in PostgreSQL. Guesses sent
// all at once (in one process or spread over two) cannot pass the limits, the password change's
// current password is throttled and audited like a sign-in, and a flood of refused attempts from
// one address writes one LOGIN_THROTTLED event. Limits: the defaults (5 per account, 20 per IP,
// 15 minutes).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, apiProcess } from './helpers/api-process.ts';
import { type Fixture, PASSWORD, seedFixture } from './helpers/fixtures.ts';
import { createProcessDatabase, type ProcessDatabase } from './helpers/process-db.ts';
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
const freshIp = ipSequence('10.13');
const attempt = (username: string, password: string, ip: string, app: FastifyInstance = ctx.app) =>
  signInAttempt(app, username, password, ip);
const makeUser = (username: string) => createSecretary(ctx.app, fx.branchAId, username);

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((acc, s) => {
    acc[s] = (acc[s] ?? 0) + 1;
    return acc;
  }, {});

const countEvents = (action: string, key: 'username' | 'ip', value: string) =>
  ctx.prisma.auditEvent.count({ where: { action, after: { path: [key], equals: value } } });

describe('parallel guesses cannot pass the limits', () => {
  it.each([12, 30])(
    '%i wrong passwords for one account at once: exactly 5 are checked (401), the rest 429',
    async (n) => {
      const username = `par.acct.${n}`;
      await makeUser(username);
      const answers = await Promise.all(
        Array.from({ length: n }, (_, i) => attempt(username, `wrong password ${i}`, freshIp())),
      );
      expect(tally(answers.map((a) => a.statusCode))).toEqual({ 401: 5, 429: n - 5 });
      for (const refused of answers.filter((a) => a.statusCode === 429)) {
        expect(refused.json().error.details).toMatchObject({ scope: 'account' });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(await countEvents('LOGIN_FAILED', 'username', username)).toBe(5);
      // Still refused afterwards, even with the right password.
      expect((await attempt(username, PASSWORD, freshIp())).statusCode).toBe(429);
    },
  );

  it('10 right passwords for one account at once all sign in (they wait for each other, not fail)', async () => {
    await makeUser('par.right');
    const answers = await Promise.all(Array.from({ length: 10 }, () => attempt('par.right', PASSWORD, freshIp())));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(200));
  });

  it('40 wrong sign-ins over 40 usernames from one address at once: at most 20 are checked', async () => {
    const ip = freshIp();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(`par.ghost.${i}`, 'wrong password', ip)),
    );
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 401: 20, 429: 20 });
    expect(await countEvents('LOGIN_FAILED', 'ip', ip)).toBe(20);
  });
});

describe('one LOGIN_THROTTLED event per address per window', () => {
  it('a flood of 50 usernames from a throttled address writes exactly one event', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) expect((await attempt(`flood.${i % 4}`, 'wrong password', ip)).statusCode).toBe(401);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt(`flood.user.${i}`, 'wrong password', ip)),
    );
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 429: 50 });
    // Sequential ones after the flood add nothing either.
    for (let i = 0; i < 5; i++) expect((await attempt(`flood.late.${i}`, PASSWORD, ip)).statusCode).toBe(429);
    expect(await countEvents('LOGIN_THROTTLED', 'ip', ip)).toBe(1);
  });
});

describe('POST /api/auth/password: the current password is throttled like a sign-in', () => {
  async function signedIn(username: string, ip: string) {
    const res = await attempt(username, PASSWORD, ip);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'dutyboard_session');
    return `dutyboard_session=${cookie?.value}`;
  }
  const change = (cookie: string, currentPassword: string, ip: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword, newPassword: 'a brand new passphrase' },
      remoteAddress: ip,
    });

  it('8 wrong current passwords: 5 × 400, then 429 with Retry-After; each failure audited', async () => {
    await makeUser('oracle.seq');
    const ip = freshIp();
    const cookie = await signedIn('oracle.seq', ip);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await change(cookie, `wrong current ${i}`, ip);
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error.code).toBe('RATE_LIMITED');
        expect(res.json().error.details).toMatchObject({ scope: 'account' });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(14 * 60);
      } else {
        expect(res.json().error.details.fields[0].field).toBe('currentPassword');
      }
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
    const failed = await ctx.prisma.auditEvent.findMany({
      where: { action: 'LOGIN_FAILED', after: { path: ['username'], equals: 'oracle.seq' } },
    });
    expect(failed).toHaveLength(5);
    expect(failed[0]?.after).toMatchObject({ ip, via: 'password-change' });
    expect(await countEvents('LOGIN_THROTTLED', 'ip', ip)).toBe(1);
    // Even the right current password is refused now, and so is a sign-in of the account.
    expect((await change(cookie, PASSWORD, ip)).statusCode).toBe(429);
    expect((await attempt('oracle.seq', PASSWORD, freshIp())).statusCode).toBe(429);
  });

  it('8 wrong current passwords at once: at most 5 are checked', async () => {
    await makeUser('oracle.par');
    const cookie = await signedIn('oracle.par', freshIp());
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => change(cookie, `wrong ${i}`, freshIp())));
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ 400: 5, 429: 3 });
  });

  it('a right current password still changes it, and starts the account count afresh', async () => {
    await makeUser('oracle.ok');
    const ip = freshIp();
    const cookie = await signedIn('oracle.ok', ip);
    for (let i = 0; i < 4; i++) expect((await change(cookie, 'wrong current', ip)).statusCode).toBe(400);
    expect((await change(cookie, PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('oracle.ok', 'wrong password', freshIp())).statusCode).toBe(401);
    expect((await attempt('oracle.ok', 'a brand new passphrase', freshIp())).statusCode).toBe(200);
  });
});

describe('two API processes on one database', () => {
  let db: ProcessDatabase;
  let A: ApiProcess;
  let B: ApiProcess;
  beforeAll(async () => {
    db = await createProcessDatabase();
    A = apiProcess({ port: 3321, databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    B = apiProcess({ port: 3322, databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    await Promise.all([A.start(), B.start()]);
  });
  afterAll(async () => {
    await Promise.all([A?.stop(), B?.stop()]);
    await db?.close();
  });

  it('12 wrong passwords for one account split over both at once: exactly 5 are checked', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fetch(`${(i % 2 === 0 ? A : B).url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'secB', password: `wrong password ${i}` }),
          signal: AbortSignal.timeout(20_000),
        }),
      ),
    );
    expect(tally(answers.map((a) => a.status))).toEqual({ 401: 5, 429: 7 });
  });
});
