import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
});
afterAll(() => ctx?.close());

const ids = async (username: string) => {
  const res = await ctx.app.inject({
    method: 'GET',
    url: '/api/orgs',
    headers: { cookie: await login(ctx.app, username) },
  });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((o: { id: string }) => o.id);
};

describe('org tree', () => {
  it('a secretary sees only their branch and what is below it', async () => {
    expect(await ids('secA')).toEqual([fx.branchAId, fx.branchAUnitId]);
    expect(await ids('secB')).toEqual([fx.branchBId]);
  });

  it('leader, auditor and admin see the whole tree, parents first', async () => {
    for (const who of ['leader', 'auditor', 'admin']) {
      expect(await ids(who)).toEqual([fx.streetId, fx.branchAId, fx.branchBId, fx.branchAUnitId]);
    }
  });

  it('needs a signed-in user', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/orgs' })).statusCode).toBe(401);
  });
});
