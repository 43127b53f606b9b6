// Org levels and roles at every level (issue 17, ADR 035): kinds go only under the parents
// ORG_KIND_RULES allows, an admin creates orgs and accounts only inside its subtree, an org moves
// with its subtree (paths, rollups, the dashboard on the next view), and a 区 reviewer reads the
// whole 区 and writes nothing.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityInput,
  addDistrict,
  type Fixture,
  type LevelsFixture,
  login,
  seedFixture,
} from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let lv: LevelsFixture;
const c: Record<string, string> = {};
const PERIOD = '2026-H1';

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  lv = await addDistrict(ctx.prisma, fx);
  for (const u of ['admin', 'leader', 'secA', 'dLeader', 'dReviewer', 'dAdmin', 's2Leader', 's2Admin']) {
    c[u] = await login(ctx.app, u);
  }
});
afterAll(() => ctx?.close());

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie: c[who] ?? '' }, ...(payload ? { payload } : {}) });

const newOrg = (code: string, kind: string, parentId: string | null) => ({ code, name: `${code}组织`, kind, parentId });

const newUser = (username: string, orgId: string) => ({
  username,
  displayName: username,
  role: 'SECRETARY',
  orgId,
  password: 'a-long-enough-password',
});

async function dashboard(who: string, orgId: string): Promise<Dashboard> {
  const res = await call(who, 'GET', `/api/dashboard?period=${PERIOD}&org=${orgId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const pathOf = async (id: string) => (await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id } })).path;

describe('org kinds by level', () => {
  it('a 区 admin adds a 乡镇, a 党总支 under it and a 支部 under that', async () => {
    const township = await call('dAdmin', 'POST', '/api/orgs', newOrg('T1', 'TOWNSHIP_COMMITTEE', lv.districtId));
    expect(township.statusCode, township.body).toBe(201);
    const general = await call('dAdmin', 'POST', '/api/orgs', newOrg('T1-G', 'GENERAL_BRANCH', township.json().id));
    expect(general.statusCode, general.body).toBe(201);
    const branch = await call('dAdmin', 'POST', '/api/orgs', newOrg('T1-G-1', 'VILLAGE_BRANCH', general.json().id));
    expect(branch.statusCode, branch.body).toBe(201);
    expect(await pathOf(branch.json().id)).toBe(
      `/${lv.districtId}/${township.json().id}/${general.json().id}/${branch.json().id}/`,
    );
  });

  it('refuses a kind under a parent kind the table does not allow, naming both kinds', async () => {
    const streetUnderBranch = await call('dAdmin', 'POST', '/api/orgs', newOrg('X1', 'STREET_COMMITTEE', fx.branchBId));
    expect(streetUnderBranch.statusCode).toBe(400);
    expect(streetUnderBranch.json().error).toMatchObject({
      key: 'org.parentKindNotAllowed',
      params: { kind: 'STREET_COMMITTEE', parentKind: 'COMMUNITY_BRANCH' },
      details: { fields: [{ field: 'parentId' }] },
    });
    const villageUnderDistrict = await call(
      'dAdmin',
      'POST',
      '/api/orgs',
      newOrg('X2', 'VILLAGE_BRANCH', lv.districtId),
    );
    expect(villageUnderDistrict.statusCode).toBe(400);
    expect(villageUnderDistrict.json().error.key).toBe('org.parentKindNotAllowed');
    // A 区委 may be a root, but no admin makes a new root over the API (it would be nobody's).
    const root = await call('dAdmin', 'POST', '/api/orgs', newOrg('X3', 'DISTRICT_COMMITTEE', null));
    expect(root.statusCode).toBe(400);
    expect(root.json().error.key).toBe('org.parentRequired');
    expect(await ctx.prisma.orgUnit.count({ where: { code: { in: ['X1', 'X2', 'X3'] } } })).toBe(0);
  });
});

describe('admins per subtree', () => {
  it('a 街道 admin creates no org or account at the 区 or in a sibling 街道', async () => {
    for (const orgId of [lv.districtId, fx.streetId, fx.branchAId]) {
      const user = await call('s2Admin', 'POST', '/api/users', newUser(`out${orgId.slice(0, 6)}`, orgId));
      expect(user.statusCode, user.body).toBe(403);
      expect(user.json().error.key).toBe('org.outOfReach');
    }
    const org = await call('s2Admin', 'POST', '/api/orgs', newOrg('OUT-1', 'VILLAGE_BRANCH', fx.streetId));
    expect(org.statusCode).toBe(403);
    // The first street's admin cannot reach up to the 区 either.
    expect((await call('admin', 'POST', '/api/users', newUser('up.district', lv.districtId))).statusCode).toBe(403);
    expect(await ctx.prisma.user.count({ where: { username: { startsWith: 'out' } } })).toBe(0);
    // Inside its own street it can.
    expect((await call('s2Admin', 'POST', '/api/users', newUser('s2.sec', lv.branchCId))).statusCode).toBe(201);
    expect((await call('dAdmin', 'POST', '/api/users', newUser('d.sec', fx.branchAId))).statusCode).toBe(201);
  });

  it("a 街道 admin lists only its street's accounts and cannot change another street's", async () => {
    const list = await call('s2Admin', 'GET', '/api/users');
    expect(list.statusCode).toBe(200);
    const names = list.json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['s2Admin', 's2Leader', 'secC']));
    expect(names).not.toContain('leader');
    expect(names).not.toContain('dLeader');
    expect((await call('s2Admin', 'PATCH', `/api/users/${fx.users.secA}`, { displayName: 'x' })).statusCode).toBe(404);
    expect((await call('s2Admin', 'PATCH', `/api/orgs/${fx.branchAId}`, { name: 'x' })).statusCode).toBe(404);
    // Nor move its own account up to the 区.
    const up = await call('s2Admin', 'PATCH', `/api/users/${lv.users.s2Leader}`, { orgId: lv.districtId });
    expect(up.statusCode).toBe(403);
    const dNames = (await call('dAdmin', 'GET', '/api/users'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(dNames).toEqual(expect.arrayContaining(['leader', 'secA', 's2Leader', 'dReviewer']));
  });

  it("a 街道 leader sees neither a sibling street's orgs nor its records", async () => {
    const orgs = (await call('s2Leader', 'GET', '/api/orgs')).json().items.map((o: { id: string }) => o.id);
    expect(orgs.sort()).toEqual([lv.street2Id, lv.branchCId].sort());
    expect((await call('s2Leader', 'GET', `/api/activities?org=${fx.branchAId}`)).statusCode).toBe(404);
    expect((await call('s2Leader', 'GET', `/api/dashboard?period=${PERIOD}&org=${fx.streetId}`)).statusCode).toBe(404);
  });
});

describe('the 区 reviewer', () => {
  it('reads every street of the 区 and its 操作日志, and writes no record', async () => {
    for (const org of [fx.branchAId, lv.branchCId]) {
      expect((await call('dReviewer', 'GET', `/api/activities?org=${org}`)).statusCode).toBe(200);
    }
    expect((await call('dReviewer', 'GET', `/api/dashboard?period=${PERIOD}&org=${lv.districtId}`)).statusCode).toBe(
      200,
    );
    expect((await call('dReviewer', 'GET', '/api/oplog')).statusCode).toBe(200);
    const write = await call('dReviewer', 'POST', '/api/activities', activityInput(fx.branchAId));
    expect(write.statusCode).toBe(403);
  });
});

describe('moving an org', () => {
  it('moves a branch and its subtree to another street: paths, audit, rollups and the dashboard follow', async () => {
    const activity = await call(
      'secA',
      'POST',
      '/api/activities',
      activityInput(fx.branchAUnitId, { occurredAt: '2026-03-10T09:00:00+08:00' }),
    );
    expect(activity.statusCode, activity.body).toBe(201);
    // Seen (and cached) before the move.
    const streetBefore = await dashboard('dLeader', fx.streetId);
    const branchA = streetBefore.branches.find((b) => b.orgId === fx.branchAId);
    const doneA = branchA?.cells.find((x) => x.metric === 'ACTIVITY')?.done;
    expect(doneA).toBeGreaterThanOrEqual(1);
    expect((await dashboard('dLeader', lv.street2Id)).branches.map((b) => b.orgId)).not.toContain(fx.branchAId);
    const districtBefore = (await dashboard('dLeader', lv.districtId)).kpis.find((k) => k.metric === 'ACTIVITY')?.done;

    const moved = await call('dAdmin', 'PATCH', `/api/orgs/${fx.branchAId}`, { parentId: lv.street2Id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().parentId).toBe(lv.street2Id);
    expect(await pathOf(fx.branchAId)).toBe(`/${lv.districtId}/${lv.street2Id}/${fx.branchAId}/`);
    expect(await pathOf(fx.branchAUnitId)).toBe(
      `/${lv.districtId}/${lv.street2Id}/${fx.branchAId}/${fx.branchAUnitId}/`,
    );
    const audit = await ctx.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: 'OrgUnit', entityId: fx.branchAId, action: 'UPDATE' },
      orderBy: { id: 'desc' },
    });
    expect(audit.actorId).toBe(lv.users.dAdmin);
    expect(audit.before).toMatchObject({ parentId: fx.streetId });
    expect(audit.after).toMatchObject({ parentId: lv.street2Id });

    // The next view shows the branch under its new street, with its count; the 区 total is unchanged.
    const street2After = await dashboard('dLeader', lv.street2Id);
    const movedRow = street2After.branches.find((b) => b.orgId === fx.branchAId);
    expect(movedRow?.cells.find((x) => x.metric === 'ACTIVITY')?.done).toBe(doneA);
    expect((await dashboard('dLeader', fx.streetId)).branches.map((b) => b.orgId)).not.toContain(fx.branchAId);
    expect((await dashboard('dLeader', lv.districtId)).kpis.find((k) => k.metric === 'ACTIVITY')?.done).toBe(
      districtBefore,
    );
    // Its records now belong to the new street's reach, not the old one's.
    expect((await call('s2Leader', 'GET', `/api/activities/${activity.json().id}`)).statusCode).toBe(200);
    expect((await call('leader', 'GET', `/api/activities/${activity.json().id}`)).statusCode).toBe(404);
    // The rollups equal a rebuild from the records.
    const drift = await ctx.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        (SELECT "orgId", month, source, part, n FROM dutyboard_rollup_expected() WHERE n <> 0
         EXCEPT SELECT "orgId", month, source, part, sum(n)::int FROM (
           SELECT "orgId", month, source, part, n FROM "CountRollup"
           UNION ALL SELECT "orgId", month, source, part, n FROM "CountDelta") s
         GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0)
      ) d`;
    expect(drift[0]?.n).toBe(0);
  });

  it('refuses a move under the org itself or below it, and under a kind it may not sit under', async () => {
    const self = await call('dAdmin', 'PATCH', `/api/orgs/${fx.branchAId}`, { parentId: fx.branchAId });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.key).toBe('org.moveIntoOwnSubtree');
    const below = await call('dAdmin', 'PATCH', `/api/orgs/${fx.branchAId}`, { parentId: fx.branchAUnitId });
    expect(below.statusCode).toBe(400);
    expect(below.json().error.key).toBe('org.moveIntoOwnSubtree');
    const underDistrict = await call('dAdmin', 'PATCH', `/api/orgs/${fx.branchBId}`, { parentId: lv.districtId });
    expect(underDistrict.statusCode).toBe(400);
    expect(underDistrict.json().error).toMatchObject({
      key: 'org.parentKindNotAllowed',
      params: { kind: 'COMMUNITY_BRANCH', parentKind: 'DISTRICT_COMMITTEE' },
    });
    expect(await pathOf(fx.branchBId)).toBe(`/${lv.districtId}/${fx.streetId}/${fx.branchBId}/`);
  });

  it('needs an admin of both subtrees: a 街道 admin moves nothing out of its street', async () => {
    const out = await call('admin', 'PATCH', `/api/orgs/${fx.branchBId}`, { parentId: lv.street2Id });
    expect(out.statusCode).toBe(403);
    expect(out.json().error.key).toBe('org.outOfReach');
    const foreign = await call('s2Admin', 'PATCH', `/api/orgs/${fx.branchBId}`, { parentId: lv.street2Id });
    expect(foreign.statusCode).toBe(404);
    expect(await pathOf(fx.branchBId)).toBe(`/${lv.districtId}/${fx.streetId}/${fx.branchBId}/`);
  });
});
