// The benchmark city (`pnpm bench:seed`, bench/lib/seed-*.ts) at a tiny scale, loaded into the
// test database by the same function the CLI uses: the same seed gives the same rows, the counts
// follow the scale, every row keeps the app's rules (an alert's events form a legal path, owners
// reach their task's org, a check's onTime is what the API would have judged), the tree has the
// real shape (市 → 区 → 街道/乡镇 → 支部, every pair one the API accepts) with an account of the real
// role at each level, and dashboards read after the load (rollups rebuilt, no trigger fired during
// COPY) equal direct counts.

import { AssignmentRuleSchema } from '@dutyboard/contracts/assignments';
import { DASHBOARD_METRICS, type Dashboard } from '@dutyboard/contracts/dashboard';
import { type OrgKind, parentAllowed } from '@dutyboard/contracts/orgs';
import { periodFromCode } from '@dutyboard/contracts/periods';
import {
  ALERT_REPORT_HOURS_DEFAULT,
  type AlertLevel,
  type AlertState,
  canTransition,
} from '@dutyboard/contracts/risk-alerts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BENCH_AUDITOR,
  BENCH_LEADER,
  BENCH_PASSWORD,
  branchSecretary,
  districtLeader,
  districtReviewer,
  streetLeader,
} from '../../../bench/lib/seed-accounts.ts';
import { CITY_END, CITY_START, citySizes } from '../../../bench/lib/seed-city.ts';
import { type LoadResult, loadCity } from '../../../bench/lib/seed-load.ts';
import { hashPassword } from '../src/services/auth/passwords.ts';
import { directCount } from './helpers/direct-counts.ts';
import { login } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

const SCALE = 0.002;
const SEED = 4242;

let a: TestContext;
let b: TestContext;
let c: TestContext;
let loadA: LoadResult;
let loadB: LoadResult;
let loadC: LoadResult;

beforeAll(async () => {
  [a, b, c] = await Promise.all([createTestContext(), createTestContext(), createTestContext()]);
  // One hash for both loads of the same seed: argon2 salts every hash, so it is the one column a
  // second run of the CLI would not reproduce.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  [loadA, loadB, loadC] = await Promise.all([
    loadCity({ databaseUrl: a.databaseUrl, seed: SEED, scale: SCALE, passwordHash }),
    loadCity({ databaseUrl: b.databaseUrl, seed: SEED, scale: SCALE, passwordHash }),
    loadCity({ databaseUrl: c.databaseUrl, seed: SEED + 1, scale: SCALE, passwordHash }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), c?.close()]);
});

const TABLES = [
  'OrgUnit',
  'User',
  'Period',
  'Target',
  'FrequencyRule',
  'Activity',
  'StudySession',
  'PublicityItem',
  'RiskPoint',
  'RiskPointCheck',
  'RiskAlert',
  'RiskAlertEvent',
  'Rectification',
  'Assignment',
];

/** MD5 of every row of every seeded table, as PostgreSQL prints them, in id order. */
async function checksums(ctx: TestContext): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const rows = await ctx.prisma.$queryRawUnsafe<{ md5: string }[]>(
      `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.id), '')) AS md5 FROM "${table}" t`,
    );
    out[table] = rows[0]?.md5 ?? '';
  }
  return out;
}

async function countOf(ctx: TestContext, table: string): Promise<number> {
  const rows = await ctx.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*)::bigint AS n FROM "${table}"`);
  return Number(rows[0]?.n ?? -1);
}

describe('bench city: determinism and scale', () => {
  it('loads byte-identical rows for the same seed, and different ones for another seed', async () => {
    expect(loadA.tables.map((t) => [t.table, t.sha256])).toEqual(loadB.tables.map((t) => [t.table, t.sha256]));
    const [sumA, sumB, sumC] = await Promise.all([checksums(a), checksums(b), checksums(c)]);
    expect(sumA).toEqual(sumB);
    for (const table of ['OrgUnit', 'Activity', 'RiskAlert', 'Assignment']) {
      expect(sumC[table]).not.toBe(sumA[table]);
      const sha = (load: LoadResult) => load.tables.find((t) => t.table === table)?.sha256;
      expect(sha(loadC)).not.toBe(sha(loadA));
    }
  });

  it('has the counts the scale asks for, and every table it reports', async () => {
    const sizes = citySizes(SCALE);
    expect(sizes.streets).toBe(3);
    expect(sizes.districts).toBe(2);
    const expected: Record<string, number> = {
      OrgUnit: 1 + sizes.districts + sizes.streets + sizes.branches,
      User: 2 + 2 * sizes.districts + sizes.streets + sizes.branches,
      Period: 21,
      Activity: sizes.activities,
      StudySession: sizes.studySessions,
      PublicityItem: sizes.publicityItems,
      RiskAlert: sizes.riskAlerts,
      Rectification: sizes.rectifications,
      Assignment: sizes.assignments,
    };
    for (const [table, n] of Object.entries(expected)) expect(await countOf(a, table), table).toBe(n);
    for (const t of loadA.tables) expect(await countOf(a, t.table), t.table).toBe(t.rows);
    expect(await countOf(a, 'RiskAlertEvent')).toBeGreaterThan(sizes.riskAlerts);
    expect(await countOf(a, 'RiskPointCheck')).toBeGreaterThan(0);
    const kinds = await a.prisma.orgUnit.groupBy({ by: ['kind'], _count: true });
    const count = (kind: OrgKind) => kinds.find((k) => k.kind === kind)?._count ?? 0;
    expect(count('CITY_COMMITTEE')).toBe(1);
    expect(count('DISTRICT_COMMITTEE')).toBe(sizes.districts);
    expect(count('STREET_COMMITTEE') + count('TOWNSHIP_COMMITTEE')).toBe(sizes.streets);
    // At this seed one of the three is a 乡镇, so both street kinds are loaded.
    expect(count('TOWNSHIP_COMMITTEE')).toBeGreaterThan(0);
    expect(count('STREET_COMMITTEE')).toBeGreaterThan(0);
  });
});

describe('bench city: the real shape and the real roles', () => {
  it('seeds 市 → 区 → 街道/乡镇 → 支部 with every parent/child pair one the API accepts', async () => {
    const orgs = await a.prisma.orgUnit.findMany({ select: { id: true, kind: true, parentId: true, path: true } });
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const depthOf: Record<string, number> = {
      CITY_COMMITTEE: 0,
      DISTRICT_COMMITTEE: 1,
      STREET_COMMITTEE: 2,
      TOWNSHIP_COMMITTEE: 2,
    };
    for (const o of orgs) {
      const parent = o.parentId === null ? null : byId.get(o.parentId);
      expect(
        parentAllowed(o.kind as OrgKind, (parent?.kind ?? null) as OrgKind | null),
        `${o.kind} under ${parent?.kind}`,
      ).toBe(true);
      expect(o.path).toBe(`${parent?.path ?? '/'}${o.id}/`);
      // Path segments: "/city/district/street/branch/" — a branch sits four deep.
      expect(o.path.split('/').length - 3, o.kind).toBe(depthOf[o.kind] ?? 3);
    }
    // Every 区 has streets, every street branches.
    for (const o of orgs.filter((x) => x.kind !== 'CITY_COMMITTEE' && (depthOf[x.kind] ?? 3) < 3))
      expect(
        orgs.some((c) => c.parentId === o.id),
        o.kind,
      ).toBe(true);
  });

  it('gives each level its real roles: 市 leader and auditor, 区 leader and reviewer, street leader, branch secretary', async () => {
    const sizes = citySizes(SCALE);
    const users = await a.prisma.user.findMany({
      select: { username: true, role: true, org: { select: { kind: true } } },
    });
    const byName = new Map(users.map((u) => [u.username, u]));
    const expectAt = (username: string, role: string, kinds: OrgKind[]) => {
      const u = byName.get(username);
      expect(u?.role, username).toBe(role);
      expect(kinds, username).toContain(u?.org.kind);
    };
    expectAt(BENCH_LEADER, 'LEADER', ['CITY_COMMITTEE']);
    expectAt(BENCH_AUDITOR, 'AUDITOR', ['CITY_COMMITTEE']);
    for (let d = 1; d <= sizes.districts; d += 1) {
      expectAt(districtLeader(d), 'LEADER', ['DISTRICT_COMMITTEE']);
      expectAt(districtReviewer(d), 'REVIEWER', ['DISTRICT_COMMITTEE']);
    }
    for (let s = 1; s <= sizes.streets; s += 1)
      expectAt(streetLeader(s), 'LEADER', ['STREET_COMMITTEE', 'TOWNSHIP_COMMITTEE']);
    for (let b = 1; b <= sizes.branches; b += 1)
      expectAt(branchSecretary(b), 'SECRETARY', ['VILLAGE_BRANCH', 'COMMUNITY_BRANCH', 'AGENCY_BRANCH']);
    // No secretary above a branch any more: a street's own reach is its LEADER.
    expect(users.filter((u) => u.role === 'SECRETARY').length).toBe(sizes.branches);
  });

  it("lets a 区's accounts read their own 区 and refuses them a sibling 区", async () => {
    const districts = await a.prisma.orgUnit.findMany({
      where: { kind: 'DISTRICT_COMMITTEE' },
      orderBy: { code: 'asc' },
    });
    const [own, sibling] = districts;
    for (const username of [districtLeader(1), districtReviewer(1)]) {
      const cookie = await login(a.app, username, BENCH_PASSWORD);
      const read = (orgId: string) =>
        a.app.inject({ method: 'GET', url: `/api/dashboard?period=2025-H1&org=${orgId}`, headers: { cookie } });
      expect((await read(own?.id as string)).statusCode, username).toBe(200);
      expect([403, 404], username).toContain((await read(sibling?.id as string)).statusCode);
    }
  });
});

describe('bench city: the app rules hold for every row', () => {
  it('keeps every dated record inside 2024-01-01 … 2026-11-24 (Shanghai)', async () => {
    const [range] = await a.prisma.$queryRaw<{ lo: Date; hi: Date }[]>`
      SELECT least(min(x.at)) AS lo, greatest(max(x.at)) AS hi FROM (
        SELECT "occurredAt" AS at FROM "Activity" UNION ALL SELECT "occurredAt" FROM "StudySession"
        UNION ALL SELECT "publishedAt" FROM "PublicityItem" UNION ALL SELECT "checkedAt" FROM "RiskPointCheck"
        UNION ALL SELECT "at" FROM "RiskAlertEvent" UNION ALL SELECT "createdAt" FROM "Rectification"
        UNION ALL SELECT "closedAt" FROM "Rectification" WHERE "closedAt" IS NOT NULL
        UNION ALL SELECT "doneAt" FROM "Assignment" WHERE "doneAt" IS NOT NULL) x`;
    expect(range?.lo.getTime()).toBeGreaterThanOrEqual(CITY_START);
    expect(range?.hi.getTime()).toBeLessThan(CITY_END);
  });

  it('gives every alert a legal event path, its clock and registeredAt ≤ reportedAt ≤ closedAt', async () => {
    const alerts = await a.prisma.riskAlert.findMany({ include: { events: { orderBy: { at: 'asc' } } } });
    const states = new Set<AlertState>();
    for (const alert of alerts) {
      const hours = ALERT_REPORT_HOURS_DEFAULT[alert.level as AlertLevel];
      expect(alert.reportDueAt.getTime() - alert.registeredAt.getTime()).toBe(hours * 3_600_000);
      const [first, ...rest] = alert.events;
      expect(first).toMatchObject({ fromState: null, toState: 'REGISTERED', at: alert.registeredAt });
      let previous = first as (typeof alert.events)[number];
      for (const e of rest) {
        expect(e.fromState).toBe(previous.toState);
        expect(canTransition(e.fromState as AlertState, e.toState as AlertState)).toBe(true);
        expect(e.at.getTime()).toBeGreaterThan(previous.at.getTime());
        expect(e.receiptNumber !== null).toBe(e.toState === 'REPORTED');
        previous = e;
      }
      expect(alert.state).toBe(previous.toState);
      expect(alert.lastEventAt).toEqual(previous.at);
      expect(alert.reportedAt).toEqual(alert.events.find((e) => e.toState === 'REPORTED')?.at ?? null);
      expect(alert.closedAt).toEqual(alert.events.find((e) => e.toState === 'CLOSED')?.at ?? null);
      if (alert.reportedAt) expect(alert.reportedAt.getTime()).toBeGreaterThanOrEqual(alert.registeredAt.getTime());
      if (alert.closedAt) expect(alert.closedAt.getTime()).toBeGreaterThan(alert.reportedAt?.getTime() ?? Number.NaN);
      states.add(alert.state as AlertState);
    }
    expect(states.has('CLOSED')).toBe(true);
  });

  it('judges each risk check on time as the API does, and keeps each point at its last check', async () => {
    const [bad] = await a.prisma.$queryRaw<{ wrong: bigint; stale: bigint }[]>`
      WITH c AS (
        SELECT k."onTime", k."checkedAt", p."checkIntervalDays" AS days,
               lag(k."checkedAt") OVER (PARTITION BY k."riskPointId" ORDER BY k."checkedAt") AS prev
        FROM "RiskPointCheck" k JOIN "RiskPoint" p ON p.id = k."riskPointId")
      SELECT (SELECT count(*) FROM c WHERE "onTime" IS DISTINCT FROM (prev IS NULL OR "checkedAt" <
                ((((prev + make_interval(days => days)) AT TIME ZONE 'Asia/Shanghai')::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')))::bigint AS wrong,
             (SELECT count(*) FROM "RiskPoint" p WHERE p."lastCheckedAt" IS DISTINCT FROM
                (SELECT max(k."checkedAt") FROM "RiskPointCheck" k WHERE k."riskPointId" = p.id))::bigint AS stale`;
    expect(Number(bad?.wrong)).toBe(0);
    expect(Number(bad?.stale)).toBe(0);
    expect(await a.prisma.riskPointCheck.count({ where: { onTime: false } })).toBeGreaterThan(0);
  });

  it('gives each task an owner who reaches its org and the shape its kind allows', async () => {
    const rows = await a.prisma.assignment.findMany({
      include: { org: { select: { path: true } }, owner: { select: { role: true, org: { select: { path: true } } } } },
    });
    for (const row of rows) {
      // Every role reaches only its home org's subtree (ADR 035), the city's leader as much as a secretary.
      const reaches = row.org.path.startsWith(row.owner.org.path);
      expect(reaches, row.id).toBe(true);
      if (row.kind === 'AREA') expect(row.area).toBeTruthy();
      if (row.kind !== 'TASK') expect([row.rule, row.dueAt]).toEqual([null, null]);
      if (row.rule !== null) expect(AssignmentRuleSchema.safeParse(row.rule).success).toBe(true);
      expect(row.doneAt !== null).toBe(row.status === 'DONE');
    }
    const firsts = rows.filter((r) => r.kind === 'FIRST_RESPONSIBLE').map((r) => `${r.periodId}|${r.orgId}`);
    expect(new Set(firsts).size).toBe(firsts.length);
  });

  it('closes rectifications with a date, and names the alert or finding their source needs', async () => {
    const rows = await a.prisma.rectification.findMany();
    for (const r of rows) {
      expect(r.closedAt !== null).toBe(r.status === 'DONE');
      if (r.source === 'ALERT') expect(r.alertId).not.toBeNull();
      if (r.source === 'AUDIT') expect(r.findingRef).toBeTruthy();
      expect(r.deadlineAt?.getTime()).toBeGreaterThan(r.createdAt.getTime());
    }
    const study = await a.prisma.studySession.findMany({
      select: { expectedAttendance: true, actualAttendance: true },
    });
    for (const s of study)
      expect((s.actualAttendance ?? 0) >= 1 && (s.actualAttendance ?? 0) <= (s.expectedAttendance ?? 0)).toBe(true);
  });
});

describe('bench city: dashboards after the load', () => {
  const period = periodFromCode('2025-H1');

  async function expectDashboardEqualsCounts(username: string, orgIds: (d: Dashboard) => Promise<string[]>) {
    const cookie = await login(a.app, username, BENCH_PASSWORD);
    const res = await a.app.inject({ method: 'GET', url: `/api/dashboard?period=${period.code}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const dashboard = res.json() as Dashboard;
    const ids = await orgIds(dashboard);
    let nonZero = 0;
    for (const metric of DASHBOARD_METRICS) {
      const direct = await directCount(a.prisma, metric, ids, period.startsAt, period.endsAt);
      const kpi = dashboard.kpis.find((k) => k.metric === metric);
      if (direct !== null) expect(kpi?.done, metric).toBe(direct);
      if ((kpi?.done ?? 0) > 0) nonZero += 1;
    }
    return { dashboard, nonZero };
  }

  const subtree = async (orgId: string) => {
    const org = await a.prisma.orgUnit.findUniqueOrThrow({ where: { id: orgId } });
    return (await a.prisma.orgUnit.findMany({ where: { path: { startsWith: org.path } }, select: { id: true } })).map(
      (o) => o.id,
    );
  };

  it("answers a branch secretary's dashboard with the seeded counts", async () => {
    const { dashboard, nonZero } = await expectDashboardEqualsCounts(branchSecretary(1), (d) => subtree(d.org.id));
    expect(dashboard.org.name).toMatch(/党支部$/);
    expect(nonZero).toBeGreaterThan(0);
  });

  it("answers a street's dashboard to its leader with the seeded counts, nearly every figure non-zero", async () => {
    const { dashboard, nonZero } = await expectDashboardEqualsCounts(streetLeader(1), (d) => subtree(d.org.id));
    expect(dashboard.branches.length).toBeGreaterThan(0);
    expect(nonZero).toBeGreaterThanOrEqual(DASHBOARD_METRICS.length - 3);
  });

  it("answers a 区's dashboard to its leader with the seeded counts, ranking its streets", async () => {
    const { dashboard, nonZero } = await expectDashboardEqualsCounts(districtLeader(1), (d) => subtree(d.org.id));
    const streets = await a.prisma.orgUnit.count({ where: { parentId: dashboard.org.id } });
    expect(dashboard.org.name).toMatch(/区委$/);
    expect(dashboard.branches.length).toBe(streets);
    expect(streets).toBeGreaterThan(0);
    expect(nonZero).toBeGreaterThanOrEqual(DASHBOARD_METRICS.length - 3);
  });
});
