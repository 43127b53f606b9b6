// Known data for API tests: one street, two branches (and a sub-unit under the first), one user
// per role, all with the same password.
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../src/services/auth/passwords.ts';

export const PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;

export interface Fixture {
  streetId: string;
  branchAId: string;
  branchAUnitId: string;
  branchBId: string;
  users: Record<'admin' | 'leader' | 'auditor' | 'secA' | 'secB', string>;
}

export async function seedFixture(prisma: PrismaClient): Promise<Fixture> {
  cachedHash ??= hashPassword(PASSWORD);
  const passwordHash = await cachedHash;
  const streetId = crypto.randomUUID();
  const branchAId = crypto.randomUUID();
  const branchAUnitId = crypto.randomUUID();
  const branchBId = crypto.randomUUID();
  await prisma.orgUnit.createMany({
    data: [
      { id: streetId, code: 'S', name: '测试街道党工委', kind: 'STREET_COMMITTEE', path: `/${streetId}/` },
      {
        id: branchAId,
        code: 'S-A',
        name: '甲村党支部',
        kind: 'VILLAGE_BRANCH',
        parentId: streetId,
        path: `/${streetId}/${branchAId}/`,
        sortOrder: 1,
      },
      {
        id: branchAUnitId,
        code: 'S-A-1',
        name: '甲村第一党小组',
        kind: 'VILLAGE_BRANCH',
        parentId: branchAId,
        path: `/${streetId}/${branchAId}/${branchAUnitId}/`,
      },
      {
        id: branchBId,
        code: 'S-B',
        name: '乙社区党支部',
        kind: 'COMMUNITY_BRANCH',
        parentId: streetId,
        path: `/${streetId}/${branchBId}/`,
        sortOrder: 2,
      },
    ],
  });
  const make = async (username: string, role: 'ADMIN' | 'LEADER' | 'AUDITOR' | 'SECRETARY', orgId: string) =>
    (await prisma.user.create({ data: { username, displayName: username, role, orgId, passwordHash } })).id;
  return {
    streetId,
    branchAId,
    branchAUnitId,
    branchBId,
    users: {
      admin: await make('admin', 'ADMIN', streetId),
      leader: await make('leader', 'LEADER', streetId),
      auditor: await make('auditor', 'AUDITOR', streetId),
      secA: await make('secA', 'SECRETARY', branchAId),
      secB: await make('secB', 'SECRETARY', branchBId),
    },
  };
}

/** Signs in through the API and returns the Cookie header value. */
export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'dutyboard_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

export function activityInput(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    category: 'RED_SONGS',
    title: '红色歌曲大家唱',
    occurredAt: '2026-03-15T09:00:00+08:00',
    participants: 30,
    location: '党群服务中心',
    description: '组织党员群众传唱红色歌曲',
    ...overrides,
  };
}

/** The levels around the fixture's street (addDistrict): a 区委 above it and a sibling 街道 beside it. */
export interface LevelsFixture {
  districtId: string;
  street2Id: string;
  branchCId: string;
  users: Record<'dLeader' | 'dReviewer' | 'dAdmin' | 's2Leader' | 's2Admin' | 'secC', string>;
}

/**
 * Puts a 区委 above the fixture's street (every path gains its id, as a move would write it) and a
 * second 街道 with one branch beside it, with accounts at the 区 (leader, reviewer, admin), at
 * the second street (leader, admin) and in its branch. Call before any record is written.
 */
export async function addDistrict(prisma: PrismaClient, fx: Fixture): Promise<LevelsFixture> {
  cachedHash ??= hashPassword(PASSWORD);
  const passwordHash = await cachedHash;
  const districtId = crypto.randomUUID();
  const street2Id = crypto.randomUUID();
  const branchCId = crypto.randomUUID();
  await prisma.$transaction(async (tx) => {
    await tx.orgUnit.create({
      data: { id: districtId, code: 'D', name: '测试区委', kind: 'DISTRICT_COMMITTEE', path: `/${districtId}/` },
    });
    await tx.$executeRaw`UPDATE "OrgUnit" SET path = ${`/${districtId}`} || path WHERE path LIKE ${`/${fx.streetId}/%`}`;
    await tx.orgUnit.update({ where: { id: fx.streetId }, data: { parentId: districtId } });
    await tx.orgUnit.createMany({
      data: [
        {
          id: street2Id,
          code: 'S2',
          name: '第二街道党工委',
          kind: 'STREET_COMMITTEE',
          parentId: districtId,
          path: `/${districtId}/${street2Id}/`,
          sortOrder: 2,
        },
        {
          id: branchCId,
          code: 'S2-C',
          name: '丙社区党支部',
          kind: 'COMMUNITY_BRANCH',
          parentId: street2Id,
          path: `/${districtId}/${street2Id}/${branchCId}/`,
        },
      ],
    });
  });
  const make = async (username: string, role: 'ADMIN' | 'LEADER' | 'REVIEWER' | 'SECRETARY', orgId: string) =>
    (await prisma.user.create({ data: { username, displayName: username, role, orgId, passwordHash } })).id;
  return {
    districtId,
    street2Id,
    branchCId,
    users: {
      dLeader: await make('dLeader', 'LEADER', districtId),
      dReviewer: await make('dReviewer', 'REVIEWER', districtId),
      dAdmin: await make('dAdmin', 'ADMIN', districtId),
      s2Leader: await make('s2Leader', 'LEADER', street2Id),
      s2Admin: await make('s2Admin', 'ADMIN', street2Id),
      secC: await make('secC', 'SECRETARY', branchCId),
    },
  };
}
