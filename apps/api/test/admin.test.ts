import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
const c: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  for (const u of ['admin', 'leader', 'auditor', 'secA']) c[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie: c[who] ?? '' }, ...(payload ? { payload } : {}) });

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: 'wang.secretary',
  displayName: '王书记',
  role: 'SECRETARY',
  orgId: fx.branchBId,
  password: 'a-long-enough-password',
  ...overrides,
});

describe('user administration', () => {
  it('only an admin lists, creates or changes users', async () => {
    for (const who of ['leader', 'auditor', 'secA']) {
      expect((await call(who, 'GET', '/api/users')).statusCode).toBe(403);
      expect((await call(who, 'POST', '/api/users', newUser({ username: `x-${who}` }))).statusCode).toBe(403);
      expect((await call(who, 'PATCH', `/api/users/${fx.users.secB}`, { displayName: 'x' })).statusCode).toBe(403);
    }
    expect(await ctx.prisma.user.count({ where: { username: { startsWith: 'x-' } } })).toBe(0);
    const list = await call('admin', 'GET', '/api/users');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(5);
    expect(list.body).not.toContain('argon2');
  });

  it('an admin creates a user who can then sign in, and the audit event holds no password hash', async () => {
    const res = await call('admin', 'POST', '/api/users', newUser());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'wang.secretary',
      role: 'SECRETARY',
      orgName: '乙社区党支部',
      active: true,
    });
    expect(res.body).not.toMatch(/password/i);
    await expect(login(ctx.app, 'wang.secretary', 'a-long-enough-password')).resolves.toContain('dutyboard_session=');
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'User', action: 'CREATE' } });
    expect(audit.actorId).toBe(fx.users.admin);
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|passwordHash/);
  });

  it('refuses a taken username with 409, and weak passwords with field details', async () => {
    const dup = await call('admin', 'POST', '/api/users', newUser());
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CONFLICT');
    expect(dup.json().error.details.fields[0].field).toBe('username');
    const short = await call('admin', 'POST', '/api/users', newUser({ username: 'short.pw', password: 'elevenchars' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.fields[0].field).toBe('password');
    const same = await call(
      'admin',
      'POST',
      '/api/users',
      newUser({ username: 'same.as.password', password: 'SAME.AS.PASSWORD' }),
    );
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details.fields[0]).toMatchObject({ field: 'password', message: '密码不能与用户名相同' });
    const badOrg = await call(
      'admin',
      'POST',
      '/api/users',
      newUser({ username: 'no.org', orgId: crypto.randomUUID() }),
    );
    expect(badOrg.statusCode).toBe(400);
    expect(badOrg.json().error.details.fields[0].field).toBe('orgId');
    expect(
      await ctx.prisma.user.count({ where: { username: { in: ['short.pw', 'same.as.password', 'no.org'] } } }),
    ).toBe(0);
  });

  it('deactivating a user ends their sessions at once and stops sign-in', async () => {
    const cookie = await login(ctx.app, 'secB');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    const res = await call('admin', 'PATCH', `/api/users/${fx.users.secB}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    await expect(login(ctx.app, 'secB')).rejects.toThrow(/401/);
    expect((await call('admin', 'PATCH', `/api/users/${fx.users.secB}`, { active: true })).statusCode).toBe(200);
    await expect(login(ctx.app, 'secB')).resolves.toContain('dutyboard_session=');
  });

  it('a password reset ends the old sessions and only the new password works', async () => {
    const cookie = await login(ctx.app, 'auditor');
    const res = await call('admin', 'PATCH', `/api/users/${fx.users.auditor}`, {
      password: 'the-new-auditor-password',
    });
    expect(res.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    await expect(login(ctx.app, 'auditor')).rejects.toThrow(/401/);
    await expect(login(ctx.app, 'auditor', 'the-new-auditor-password')).resolves.toContain('dutyboard_session=');
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: fx.users.auditor, action: 'UPDATE' },
    });
    expect(audit.after).toMatchObject({ passwordChanged: true });
    // A new password may not be the username either (only names of 12+ characters can collide).
    const wang = await ctx.prisma.user.findUniqueOrThrow({ where: { username: 'wang.secretary' } });
    const same = await call('admin', 'PATCH', `/api/users/${wang.id}`, { password: 'WANG.SECRETARY' });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details.fields[0]).toMatchObject({ field: 'password', code: 'same_as_username' });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain('argon2');
  });

  it('an admin cannot deactivate themself or change their own role', async () => {
    for (const patch of [{ active: false }, { role: 'LEADER' }]) {
      const res = await call('admin', 'PATCH', `/api/users/${fx.users.admin}`, patch);
      expect(res.statusCode).toBe(409);
    }
    const me = await ctx.prisma.user.findUniqueOrThrow({ where: { id: fx.users.admin } });
    expect(me).toMatchObject({ active: true, role: 'ADMIN' });
  });

  it('a role change takes effect at once: the old session ends', async () => {
    const cookie = await login(ctx.app, 'leader');
    expect((await call('admin', 'PATCH', `/api/users/${fx.users.leader}`, { role: 'AUDITOR' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('org administration', () => {
  it('an admin adds a branch under the street; it is in the tree with its path', async () => {
    const res = await call('admin', 'POST', '/api/orgs', {
      code: 'S-C',
      name: '丙村党支部',
      kind: 'VILLAGE_BRANCH',
      parentId: fx.streetId,
      sortOrder: 3,
    });
    expect(res.statusCode, res.body).toBe(201);
    const org = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: res.json().id } });
    expect(org.path).toBe(`/${fx.streetId}/${org.id}/`);
    const tree = (await call('admin', 'GET', '/api/orgs')).json().items.map((o: { code: string }) => o.code);
    expect(tree).toContain('S-C');
    expect(
      await ctx.prisma.auditEvent.count({ where: { entityType: 'OrgUnit', entityId: org.id, action: 'CREATE' } }),
    ).toBe(1);
  });

  it('refuses a taken code (409), a missing parent, and a branch without a parent', async () => {
    const dup = await call('admin', 'POST', '/api/orgs', {
      code: 'S-A',
      name: '重复',
      kind: 'VILLAGE_BRANCH',
      parentId: fx.streetId,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields[0].field).toBe('code');
    const orphan = await call('admin', 'POST', '/api/orgs', {
      code: 'S-X',
      name: '无上级',
      kind: 'VILLAGE_BRANCH',
      parentId: null,
    });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().error.details.fields[0].field).toBe('parentId');
    const lost = await call('admin', 'POST', '/api/orgs', {
      code: 'S-Y',
      name: '上级不存在',
      kind: 'VILLAGE_BRANCH',
      parentId: crypto.randomUUID(),
    });
    expect(lost.statusCode).toBe(400);
    expect(await ctx.prisma.orgUnit.count({ where: { code: { in: ['S-X', 'S-Y'] } } })).toBe(0);
  });

  it('an admin renames an org; other roles cannot', async () => {
    const res = await call('admin', 'PATCH', `/api/orgs/${fx.branchAId}`, { name: '甲村党总支' });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('甲村党总支');
    // (The auditor's earlier session ended with its password reset above.)
    c.auditor = await login(ctx.app, 'auditor', 'the-new-auditor-password');
    for (const who of ['auditor', 'secA']) {
      expect((await call(who, 'PATCH', `/api/orgs/${fx.branchAId}`, { name: 'x' })).statusCode).toBe(403);
      expect(
        (await call(who, 'POST', '/api/orgs', { code: 'Z', name: 'z', kind: 'VILLAGE_BRANCH', parentId: fx.streetId }))
          .statusCode,
      ).toBe(403);
    }
    expect((await call('admin', 'PATCH', `/api/orgs/${crypto.randomUUID()}`, { name: 'x' })).statusCode).toBe(404);
  });
});
