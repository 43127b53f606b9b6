// Fuzzing every API route from its zod contract (issue 7 item 2): generated valid, boundary and
// invalid requests as every role; no 5xx, every 4xx in the error shape, nothing written by a
// rejected request. The normal suite sends a small seeded sample; `pnpm test:fuzz` sends
// ≥ 50,000 (FUZZ_REQUESTS, FUZZ_SEED) through this same file.
import { ErrorBodySchema } from '@dutyboard/contracts/errors';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { arbitraryFor, HUGE } from './fuzz/arbitraries.ts';
import { type FuzzRoute, formatStats, IdPool, routeCollector, runFuzz, StateProbe, sameState } from './fuzz/harness.ts';
import { addDistrict, type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 0);
const SEED = Number(process.env.FUZZ_SEED ?? 20260707);
const PER_ROUTE_SAMPLE = 20;

let ctx: TestContext;
let fx: Fixture;
let routes: FuzzRoute[];
const cookies = { leader: '', secA: '', auditor: '', admin: '', dReviewer: '', s2Admin: '' };

beforeAll(async () => {
  const collector = routeCollector();
  ctx = await createTestContext({}, { onRoute: collector.onRoute });
  routes = collector.routes;
  fx = await seedFixture(ctx.prisma);
  await addDistrict(ctx.prisma, fx);
  for (const who of Object.keys(cookies) as (keyof typeof cookies)[]) cookies[who] = await login(ctx.app, who);
});
afterAll(() => ctx?.close());

describe('arbitraries derived from the contracts', () => {
  const Sample = z.strictObject({
    title: z.string().trim().min(1).max(20),
    count: z.number().int().min(1).max(5),
    day: z.iso.date(),
    at: z.iso.datetime({ offset: true }),
    id: z.uuid(),
    kind: z.enum(['A', 'B']),
    note: z.string().max(10).nullable().optional(),
    tags: z.array(z.string().max(3)).max(2).default([]),
    code: z.string().regex(/^\d{4}(-H[12])?$/),
  });

  it('valid values pass the schema they were derived from', () => {
    for (const v of fc.sample(arbitraryFor(Sample, 'valid'), { seed: 1, numRuns: 300 })) {
      expect(Sample.safeParse(v).success, JSON.stringify(v)).toBe(true);
    }
  });

  it('invalid values are refused by the schema they were derived from', () => {
    const values = fc.sample(arbitraryFor(Sample, 'invalid'), { seed: 2, numRuns: 300 });
    const accepted = values.filter((v) => Sample.safeParse(v).success);
    // Only an extra field with an `undefined` value (dropped by JSON) may slip through.
    expect(accepted.length / values.length).toBeLessThan(0.05);
  });

  it('boundary values include the max length, one past it and a 1 MB string among the invalid ones', () => {
    const boundary = fc.sample(arbitraryFor(z.string().max(20), 'boundary'), { seed: 3, numRuns: 400 });
    expect(boundary).toContain('字'.repeat(20));
    expect(boundary).toContain('x'.repeat(21));
    const invalid = fc.sample(arbitraryFor(z.string().max(20), 'invalid'), { seed: 4, numRuns: 2000 });
    expect(invalid).toContain(HUGE);
  });

  it('a zod kind the walker does not know fails loudly instead of being fuzzed with nothing', () => {
    expect(() => arbitraryFor(z.file(), 'valid')).toThrow(/not supported/);
  });
});

describe('the route table', () => {
  it('has every API route, with the schemas the routes validate with', () => {
    expect(routes.length).toBeGreaterThan(50);
    const post = routes.find((r) => r.method === 'POST' && r.url === '/api/activities');
    expect(post?.body).toBeDefined();
    expect(routes.some((r) => r.url === '/api/activities/:id' && r.params)).toBe(true);
    expect(routes.some((r) => r.method === 'HEAD' || r.url.startsWith('/api/docs'))).toBe(false);
  });
});

describe('the oracle itself', () => {
  it('sees a write that a request makes (so "nothing written" can fail)', async () => {
    const probe = new StateProbe(ctx.prisma, ctx.config.DATA_DIR);
    const before = await probe.settle();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie: cookies.secA },
      payload: {
        orgId: fx.branchAId,
        category: 'RED_SONGS',
        title: '探针',
        occurredAt: '2026-03-15T09:00:00+08:00',
        participants: 3,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(sameState(before, await probe.snapshot())).toBe(false);
  });

  it('a 4xx answer parses as the error shape', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/activities/not-a-uuid',
      headers: { cookie: cookies.leader },
    });
    expect(res.statusCode).toBe(400);
    expect(ErrorBodySchema.safeParse(res.json()).success).toBe(true);
  });
});

describe('what the fuzzer found', () => {
  it("a path with broken percent-encoding answers 400 in the error shape, not Fastify's own body", async () => {
    for (const url of ['/api/activities/%', '/api/activities/%E0%A4%A', '/api/evidence-packs/%ED%A0%80/file']) {
      const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie: cookies.leader } });
      expect(res.statusCode, url).toBe(400);
      expect(ErrorBodySchema.parse(res.json()).error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('a multipart upload without a usable boundary answers 400 in the error shape, not 500', async () => {
    const cases = [
      { url: '/api/imports?kind=users', who: cookies.admin, type: 'multipart/form-data' },
      { url: '/api/attachments', who: cookies.secA, type: 'multipart/form-data' },
      { url: '/api/attachments', who: cookies.secA, type: `multipart/form-data; boundary=${'b'.repeat(300)}` },
    ];
    for (const c of cases) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: c.url,
        headers: { cookie: c.who, 'content-type': c.type },
        payload: '--x\r\n',
      });
      expect(res.statusCode, `${c.url} ${c.type.slice(0, 40)}`).toBe(400);
      expect(ErrorBodySchema.parse(res.json()).error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('a path parameter longer than 200 characters answers 414 in the error shape', async () => {
    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/activities/${'a'.repeat(201)}`,
      headers: { cookie: cookies.secA },
    });
    expect(res.statusCode).toBe(414);
    expect(ErrorBodySchema.parse(res.json()).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('fuzzing every route', () => {
  it(
    TOTAL
      ? `${TOTAL} requests: no 5xx, every 4xx in the error shape, nothing written by a rejected request`
      : `${PER_ROUTE_SAMPLE} requests per route: no 5xx, every 4xx in the error shape, nothing written by a rejected request`,
    async () => {
      const pool = new IdPool(
        [fx.streetId, fx.branchAId, fx.branchAUnitId, fx.branchBId],
        new Set(Object.values(fx.users)),
      );
      const perRoute = TOTAL ? Math.ceil(TOTAL / routes.length) : PER_ROUTE_SAMPLE;
      let lastPrint = Date.now();
      const stats = await runFuzz({
        app: ctx.app,
        prisma: ctx.prisma,
        dataDir: ctx.config.DATA_DIR,
        routes,
        pool,
        cookies,
        requestsPerRoute: perRoute,
        seed: SEED,
        onFailure: (message) => {
          if (TOTAL) console.error(`fuzz finding: ${message.slice(0, 1500)}`);
        },
        onProgress: (s) => {
          if (TOTAL && Date.now() - lastPrint > 15_000) {
            lastPrint = Date.now();
            console.info(`… ${s.requests} requests, 5xx ${s.fiveXx}, failures ${s.failures.length}`);
          }
        },
      });
      console.info(`${formatStats(stats)} (seed ${SEED})`);
      expect(stats.failures, stats.failures.join('\n')).toEqual([]);
      expect(stats.fiveXx).toBe(0);
      expect(stats.requests).toBeGreaterThanOrEqual(TOTAL || routes.length * PER_ROUTE_SAMPLE * 0.95);
    },
    TOTAL ? 3_600_000 : 120_000,
  );
});
