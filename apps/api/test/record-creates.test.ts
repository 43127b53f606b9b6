// The creates written in one statement (ADR 037: records/writes.ts prepareCreate, plugins/write.ts
// runCreate) build the new row, its answer and its audit event before anything is written. These
// tests hold them to the row the database actually stored: a column a kind's `created` forgot, a
// default the database would fill otherwise, or a value it stores differently shows up here.
import { CreateActivityInputSchema } from '@dutyboard/contracts/activities';
import type { EntityType } from '@dutyboard/contracts/attachments';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreate } from '../src/plugins/write.ts';
import { activityService } from '../src/services/activities/activities.ts';
import { canonicalJson } from '../src/services/audit/chain.ts';
import type { AuthUser } from '../src/services/auth/sessions.ts';
import { RECORD_KINDS, storedShape } from '../src/services/records/registry.ts';
import { activityInput, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let cookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  cookie = await login(ctx.app, 'secA');
});
afterAll(() => ctx?.close());

/** Each kind whose create goes through runCreate: its collection and a full input (optional fields left out where `sparse`). */
const KINDS: {
  entityType: EntityType;
  path: string;
  input(orgId: string, sparse: boolean): Record<string, unknown>;
}[] = [
  {
    entityType: 'Activity',
    path: '/api/activities',
    input: (orgId, sparse) =>
      sparse
        ? {
            orgId,
            category: 'PARTY_LECTURE',
            title: '微党课',
            occurredAt: '2026-03-15T09:00:00+08:00',
            participants: 3,
          }
        : activityInput(orgId, { title: '“引号”\\反斜杠 😀', timeKnown: false }),
  },
  {
    entityType: 'StudySession',
    path: '/api/study-sessions',
    input: (orgId, sparse) =>
      sparse
        ? { orgId, kind: 'BRANCH_STUDY', topic: '学习党章', occurredAt: '2026-03-15T09:00:00+08:00' }
        : {
            orgId,
            kind: 'CENTRAL_GROUP',
            topicCategory: 'THEORY',
            topic: '学习党的二十届四中全会精神',
            occurredAt: '2026-03-15T09:00:00+08:00',
            host: '王书记',
            expectedAttendance: 12,
            actualAttendance: 10,
            absentees: [{ name: '张三', reason: '因病请假' }],
            materials: '《习近平谈治国理政》第五卷',
            minutes: '集体学习并交流发言',
          },
  },
  {
    entityType: 'PublicityItem',
    path: '/api/publicity',
    input: (orgId, sparse) => ({
      orgId,
      outlet: '区融媒体中心',
      level: 'DISTRICT',
      title: '红色歌声唱响基层',
      ...(sparse ? {} : { url: 'https://news.example.cn/2026/03/15/red-songs.html' }),
      publishedAt: '2026-03-15T10:00:00+08:00',
    }),
  },
  {
    entityType: 'RiskPoint',
    path: '/api/risk-points',
    input: (orgId, sparse) => ({
      orgId,
      name: '村民微信群',
      type: 'WECHAT_GROUP',
      level: 'MEDIUM',
      checkIntervalDays: 30,
      ...(sparse ? {} : { controlMeasure: '群主实名，网格员巡查', responsiblePerson: '张书记' }),
    }),
  },
];

describe('a create built before it is written', () => {
  for (const kind of KINDS) {
    for (const [label, orgOf, sparse, key] of [
      ['in my own org, every field, with an Idempotency-Key', () => fx.branchAId, false, true],
      ['in an org below mine, optional fields left out, without a key', () => fx.branchAUnitId, true, false],
    ] as const) {
      it(`${kind.entityType} ${label}: answer, audit event and stored answer are the row as stored`, async () => {
        const idempotencyKey = `creates-${kind.entityType}-${label.length}`;
        const res = await ctx.app.inject({
          method: 'POST',
          url: kind.path,
          headers: { cookie, ...(key ? { 'idempotency-key': idempotencyKey } : {}) },
          payload: kind.input(orgOf(), sparse),
        });
        expect(res.statusCode, res.body).toBe(201);
        const created = res.json() as { id: string };

        // The answer is what a read of the record answers.
        const read = await ctx.app.inject({ method: 'GET', url: `${kind.path}/${created.id}`, headers: { cookie } });
        expect(read.statusCode).toBe(200);
        expect(created).toEqual(read.json());

        // The CREATE event holds the stored row: every column, each value as stored.
        const registered = RECORD_KINDS[kind.entityType] as unknown as Parameters<typeof storedShape>[0];
        const row = await registered.table(ctx.prisma).find(created.id);
        if (!row) throw new Error('the created row is not there');
        const event = await ctx.prisma.auditEvent.findFirstOrThrow({
          where: { entityType: kind.entityType, entityId: created.id, action: 'CREATE' },
        });
        expect(canonicalJson(event.after)).toBe(
          canonicalJson(JSON.parse(JSON.stringify(storedShape(registered, row)))),
        );
        expect(event.actorId).toBe(fx.users.secA);
        expect(event.orgId).toBe(orgOf());

        if (key) {
          const stored = await ctx.prisma.idempotencyKey.findUniqueOrThrow({
            where: { userId_key: { userId: fx.users.secA, key: idempotencyKey } },
          });
          expect(stored.status).toBe(201);
          expect(stored.body).toEqual(created);
        }
      });
    }
  }
});

describe('the org a create remembers', () => {
  const create = (orgId: string) =>
    ctx.app.inject({ method: 'POST', url: '/api/activities', headers: { cookie }, payload: activityInput(orgId) });

  it('is checked again by the create itself: a renamed org shows its new name', async () => {
    expect((await create(fx.branchAId)).json()).toMatchObject({ orgName: '甲村党支部' });
    await ctx.prisma.orgUnit.update({ where: { id: fx.branchAId }, data: { name: '甲村党总支' } });
    const res = await create(fx.branchAId);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ orgName: '甲村党总支' });
  });

  it('is checked again by the create itself: an org moved out of my reach is refused, nothing written', async () => {
    expect((await create(fx.branchAUnitId)).statusCode).toBe(201);
    const before = await ctx.prisma.activity.count();
    const unit = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: fx.branchAUnitId } });
    const branchB = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: fx.branchBId } });
    await ctx.prisma.orgUnit.update({
      where: { id: unit.id },
      data: { parentId: branchB.id, path: `${branchB.path}${unit.id}/` },
    });
    const res = await create(fx.branchAUnitId);
    expect(res.statusCode, res.body).toBe(403);
    expect(await ctx.prisma.activity.count()).toBe(before);
  });

  it('answers 409 with a reason, and writes nothing, when the org changed again between two reads', async () => {
    const before = { activities: await ctx.prisma.activity.count(), audits: await ctx.prisma.auditEvent.count() };
    const u = await ctx.prisma.user.findUniqueOrThrow({ where: { id: fx.users.secA }, include: { org: true } });
    const user: AuthUser = { ...u, orgPath: u.org.path, sessionId: 'test' };
    const request = { method: 'POST', url: '/api/activities', headers: {}, user } as unknown as FastifyRequest;
    const reply = { status: () => reply, header: () => reply } as unknown as FastifyReply;
    let reads = 0;
    const failure = await runCreate(ctx.prisma, request, reply, async (fresh) => {
      reads++;
      const prepared = await activityService.prepareCreate(
        ctx.prisma,
        user,
        CreateActivityInputSchema.parse(activityInput(fx.branchAId)),
        fresh,
      );
      // As if an admin renamed the org after each read.
      return { ...prepared, org: { ...prepared.org, name: `${prepared.org.name}（改名前）` } };
    }).catch((e: unknown) => e);
    expect(reads).toBe(2);
    expect(failure).toMatchObject({ code: 'CONFLICT', status: 409, key: 'record.orgChangedMeanwhile' });
    expect({ activities: await ctx.prisma.activity.count(), audits: await ctx.prisma.auditEvent.count() }).toEqual(
      before,
    );
  });
});
