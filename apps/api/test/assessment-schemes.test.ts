// 考核细则 (issue 18, ADR 040): create, change, delete and copy a scheme with audit; a scheme in use
// is locked; who reads and writes across the levels (a sibling street's leader is answered 404, a
// reviewer writes nothing); the starter scheme; and proposed scores whose done counts equal the
// lists their drills name, at the boundaries of each rule type.
import type { Scheme, SchemeProposals } from '@dutyboard/contracts/assessments';
import type { MetricDrill } from '@dutyboard/contracts/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDistrict, type Fixture, type LevelsFixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let lv: LevelsFixture;
const c: Record<string, string> = {};
const PERIOD = '2026-H1';
const BASE = '/api/assessment-schemes';

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  lv = await addDistrict(ctx.prisma, fx);
  for (const u of ['leader', 'secA', 'dLeader', 'dReviewer', 's2Leader', 'secC']) c[u] = await login(ctx.app, u);
});
afterAll(() => ctx?.close());

const call = (
  who: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) => ctx.app.inject({ method, url, headers: { cookie: c[who] ?? '', ...headers }, ...(payload ? { payload } : {}) });

/** A 区 scheme for its 街道 with one item of every rule type (100 points). */
const districtTree = () => ({
  org: lv.districtId,
  level: 'STREET',
  period: PERIOD,
  name: '测试区街道考核细则',
  total: 100,
  categories: [
    {
      title: '理论学习',
      items: [
        {
          title: '中心组学习每季度不少于2次，少一次扣3分',
          points: 10,
          rule: {
            type: 'COUNT',
            figure: 'CENTRAL_GROUP_STUDY',
            required: 2,
            per: 'QUARTER',
            method: 'PER_MISSING',
            deduct: 3,
          },
          evidence: '中心组学习记录',
          scorer: 'COMPUTED',
        },
        {
          title: '中心组学习半年不少于6次',
          points: 20,
          rule: { type: 'COUNT', figure: 'CENTRAL_GROUP_STUDY', required: 6, per: 'PERIOD', method: 'PROPORTIONAL' },
          evidence: '中心组学习记录',
          scorer: 'COMPUTED',
        },
        {
          title: '3月底前召开意识形态工作专题研讨',
          points: 10,
          rule: { type: 'DEADLINE', figure: 'SEMINAR', dueMonth: '2026-03' },
          evidence: '专题研讨记录',
          scorer: 'COMPUTED',
        },
      ],
    },
    {
      title: '舆情与整改',
      items: [
        {
          title: '舆情按时限报送，每迟报1条扣4分',
          points: 15,
          rule: { type: 'PER_INCIDENT', figure: 'ALERT_REPORTED_LATE', deduct: 4 },
          evidence: '舆情报送记录',
          scorer: 'COMPUTED',
        },
        {
          title: '存在未完成整改的，一票否决',
          points: 0,
          rule: { type: 'VETO', figure: 'RECTIFICATION_OPEN' },
          evidence: '整改台账',
          scorer: 'COMPUTED',
        },
        { title: '阵地管理', points: 45, rule: { type: 'MANUAL' }, evidence: '检查记录', scorer: 'REVIEWER' },
      ],
    },
  ],
});

async function create(who: string, body: object): Promise<Scheme> {
  const res = await call(who, 'POST', BASE, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const auditOf = (id: string) =>
  ctx.prisma.auditEvent.findMany({ where: { entityType: 'AssessmentScheme', entityId: id }, orderBy: { id: 'asc' } });

describe('CRUD with audit', () => {
  it('creates, reads, changes and deletes a draft, each change audited', async () => {
    const made = await create('dLeader', districtTree());
    expect(made).toMatchObject({ state: 'DRAFT', level: 'STREET', number: 1, version: 1, total: 100, warnings: [] });
    expect(made.categories.map((cat) => cat.points)).toEqual([40, 60]);
    const keys = made.categories.flatMap((cat) => cat.items.map((i) => i.key));
    expect(new Set(keys).size).toBe(6);

    const got = await call('dLeader', 'GET', `${BASE}/${made.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');

    const stale = await call('dLeader', 'PATCH', `${BASE}/${made.id}`, { name: '改名' }, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    const renamed = await call('dLeader', 'PATCH', `${BASE}/${made.id}`, { name: '改名' }, { 'if-match': '"1"' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '改名', version: 2 });
    // Item keys survive an edit of the tree that sends them back.
    const tree = renamed.json().categories.map((cat: Scheme['categories'][number]) => ({
      title: cat.title,
      items: cat.items,
    }));
    const edited = await call('dLeader', 'PATCH', `${BASE}/${made.id}`, { categories: tree });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(
      edited.json().categories.flatMap((cat: Scheme['categories'][number]) => cat.items.map((i) => i.key)),
    ).toEqual(keys);

    // Moved to a period that already has an edition 1: it becomes edition 2 there.
    const other = await create('dLeader', { ...districtTree(), period: '2026' });
    expect(other.number).toBe(1);
    const moved = await call('dLeader', 'PATCH', `${BASE}/${made.id}`, { period: '2026' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ periodCode: '2026', number: 2 });

    const deleted = await call('dLeader', 'DELETE', `${BASE}/${made.id}`);
    expect(deleted.statusCode).toBe(200);
    expect((await call('dLeader', 'GET', `${BASE}/${made.id}`)).statusCode).toBe(404);
    const events = await auditOf(made.id);
    expect(events.map((e) => e.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE', 'DELETE']);
    expect(events[1]?.before).toMatchObject({ name: '测试区街道考核细则' });
    expect(events[1]?.after).toMatchObject({ name: '改名' });
  });

  it('refuses a tree whose points do not add up, naming the field, and answers 减负 warnings', async () => {
    const bad = districtTree();
    bad.total = 90;
    const res = await call('dLeader', 'POST', BASE, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ key: 'scheme.invalidTree', details: { fields: [{ field: 'total' }] } });

    const photos = districtTree();
    const manual = photos.categories[1]?.items[2];
    if (manual) manual.evidence = '阵地照片不少于20张';
    const warned = await create('dLeader', photos);
    expect(warned.warnings).toMatchObject([{ path: 'categories.1.items.2', code: 'COUNTS_UPLOADS', words: ['照片'] }]);
  });

  it('refuses an issuer of the wrong level', async () => {
    const res = await call('leader', 'POST', BASE, { ...districtTree(), org: fx.streetId });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      key: 'scheme.issuerLevel',
      params: { kind: 'STREET_COMMITTEE', level: 'STREET' },
    });
  });
});

describe('reach across the levels', () => {
  let districtScheme: Scheme;
  let streetScheme: Scheme;
  beforeAll(async () => {
    districtScheme = await create('dLeader', districtTree());
    streetScheme = await create('leader', { ...districtTree(), org: fx.streetId, level: 'BRANCH' });
  });

  it('a 街道 leader reads the 区 scheme that scores it but cannot change it', async () => {
    expect((await call('leader', 'GET', `${BASE}/${districtScheme.id}`)).statusCode).toBe(200);
    expect((await call('s2Leader', 'GET', `${BASE}/${districtScheme.id}`)).statusCode).toBe(200);
    const res = await call('leader', 'PATCH', `${BASE}/${districtScheme.id}`, { name: 'x' });
    expect(res.statusCode).toBe(403);
  });

  it("a sibling street's leader and its branch are answered 404 for another street's scheme", async () => {
    expect((await call('s2Leader', 'GET', `${BASE}/${streetScheme.id}`)).statusCode).toBe(404);
    expect((await call('secC', 'GET', `${BASE}/${streetScheme.id}`)).statusCode).toBe(404);
    expect((await call('s2Leader', 'PATCH', `${BASE}/${streetScheme.id}`, { name: 'x' })).statusCode).toBe(404);
    const list = await call('s2Leader', 'GET', `${BASE}?org=${lv.street2Id}`);
    expect(list.json().items.map((s: Scheme) => s.id)).not.toContain(streetScheme.id);
  });

  it("a secretary reads her street's scheme for branches, in her list too", async () => {
    expect((await call('secA', 'GET', `${BASE}/${streetScheme.id}`)).statusCode).toBe(200);
    const list = await call('secA', 'GET', BASE);
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((s: Scheme) => s.id);
    expect(ids).toContain(streetScheme.id);
    // The 区's scheme scores 街道, not branches.
    expect(ids).not.toContain(districtScheme.id);
    expect((await call('secA', 'POST', `${BASE}/${streetScheme.id}/copy`, {})).statusCode).toBe(403);
  });

  it('a 区 reviewer reads everything in the 区 and writes nothing', async () => {
    expect((await call('dReviewer', 'GET', `${BASE}/${streetScheme.id}`)).statusCode).toBe(200);
    expect((await call('dReviewer', 'PATCH', `${BASE}/${districtScheme.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await call('dReviewer', 'POST', BASE, districtTree())).statusCode).toBe(403);
    expect((await call('dReviewer', 'DELETE', `${BASE}/${districtScheme.id}`)).statusCode).toBe(403);
  });
});

describe('in use: locked, and copied', () => {
  it('refuses changes and deletion once in use; a copy is a new draft with the same keys', async () => {
    const made = await create('dLeader', districtTree());
    const used = await call('dLeader', 'POST', `${BASE}/${made.id}/use`, undefined, { 'if-match': '"1"' });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json()).toMatchObject({ state: 'IN_USE', version: 2 });

    const patch = await call('dLeader', 'PATCH', `${BASE}/${made.id}`, { name: '改' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.key).toBe('scheme.inUse');
    expect((await call('dLeader', 'DELETE', `${BASE}/${made.id}`)).statusCode).toBe(409);
    expect((await call('dLeader', 'POST', `${BASE}/${made.id}/use`)).statusCode).toBe(409);

    const copy = await call('dLeader', 'POST', `${BASE}/${made.id}/copy`, { period: '2027-H1' });
    expect(copy.statusCode, copy.body).toBe(201);
    const copied: Scheme = copy.json();
    expect(copied).toMatchObject({ state: 'DRAFT', copiedFromId: made.id, periodCode: '2027-H1', number: 1 });
    const keysOf = (s: Scheme) => s.categories.flatMap((cat) => cat.items.map((i) => i.key));
    expect(keysOf(copied)).toEqual(keysOf(made));
    // A DEADLINE moves with the period.
    const deadline = copied.categories[0]?.items[2]?.rule;
    expect(deadline).toMatchObject({ type: 'DEADLINE', dueMonth: '2027-03' });
    const again = await call('dLeader', 'POST', `${BASE}/${made.id}/copy`, {});
    expect(again.json()).toMatchObject({ periodCode: PERIOD, state: 'DRAFT' });
    expect(again.json().number).toBeGreaterThan(made.number);
    expect((await auditOf(made.id)).map((e) => e.action)).toEqual(['CREATE', 'TRANSITION']);
  });
});

describe('the starter scheme for a 街道', () => {
  it('a 区 leader makes it as a valid draft of 100 points; a 街道 cannot issue it', async () => {
    const res = await call('dLeader', 'POST', `${BASE}/starter`, { org: lv.districtId, period: '2026' });
    expect(res.statusCode, res.body).toBe(201);
    const s: Scheme = res.json();
    expect(s).toMatchObject({ level: 'STREET', total: 100, state: 'DRAFT', periodCode: '2026', warnings: [] });
    const items = s.categories.flatMap((cat) => cat.items);
    expect(items.find((i) => i.rule.type === 'PER_INCIDENT')?.rule).toMatchObject({ figure: 'ALERT_REPORTED_LATE' });
    // 专题研究 and 研判 count the 党工委 meetings (ADR 046); 中心组学习 its sessions.
    expect(items.filter((i) => i.rule.type === 'COUNT').map((i) => i.rule)).toMatchObject([
      { figure: 'COMMITTEE_SPECIAL_STUDY', required: 2, per: 'PERIOD' },
      { figure: 'COMMITTEE_JUDGEMENT', required: 1, per: 'QUARTER' },
      { figure: 'CENTRAL_GROUP_STUDY', required: 12, per: 'PERIOD' },
      { figure: 'CENTRAL_GROUP_STUDY', required: 1, per: 'QUARTER' },
    ]);
    const street = await call('leader', 'POST', `${BASE}/starter`, { org: fx.streetId, period: '2026' });
    expect(street.statusCode).toBe(400);
  });
});

// ---------------------------------------------------------------------------------------------
// Proposals

/** How many records the list a drill names holds, following every page. */
async function listCount(who: string, drill: MetricDrill): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...drill.query, limit: '100', ...(cursor ? { cursor } : {}) });
    const res = await call(who, 'GET', `${drill.list}?${query}`);
    expect(res.statusCode, `${drill.list}?${query} → ${res.body}`).toBe(200);
    const page = res.json() as { items: unknown[]; nextCursor: string | null };
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

const study = (orgId: string, kind: 'CENTRAL_GROUP' | 'SEMINAR', at: string, topicCategory = 'THEORY') =>
  ctx.prisma.studySession.create({
    data: { orgId, kind, topic: `学习${at}`, occurredAt: new Date(at), topicCategory: topicCategory as 'THEORY' },
  });

const alert = (orgId: string, reportedAt: string, reportDueAt: string) =>
  ctx.prisma.riskAlert.create({
    data: {
      orgId,
      level: 'LEVEL_3',
      state: 'REPORTED',
      source: '网络巡查',
      summary: '测试舆情',
      registeredAt: new Date('2026-05-01T01:00:00Z'),
      reportDueAt: new Date(reportDueAt),
      reportedAt: new Date(reportedAt),
      lastEventAt: new Date(reportedAt),
    },
  });

describe('proposed scores from the records', () => {
  let scheme: Scheme;
  beforeAll(async () => {
    scheme = await create('dLeader', districtTree());
    // 中心组学习: Q1 two (one in a branch: the street's subtree counts), Q2 one; outside the period one.
    await study(fx.streetId, 'CENTRAL_GROUP', '2026-01-10T02:00:00Z');
    await study(fx.branchAId, 'CENTRAL_GROUP', '2026-02-10T02:00:00Z');
    await study(fx.streetId, 'CENTRAL_GROUP', '2026-05-10T02:00:00Z');
    await study(fx.streetId, 'CENTRAL_GROUP', '2026-07-01T02:00:00Z');
    // 专题研讨 on an ideology topic (not 中心组学习): 23:30 on 31 March in Shanghai is in time, the
    // next one (00:00 on 1 April) is not.
    await study(fx.streetId, 'SEMINAR', '2026-03-31T15:30:00Z', 'IDEOLOGY_WORK');
    await study(fx.streetId, 'SEMINAR', '2026-03-31T16:00:00Z', 'IDEOLOGY_WORK');
    // 舆情: one reported late, one on time, and one late in the sibling street.
    await alert(fx.branchBId, '2026-05-01T09:00:00Z', '2026-05-01T05:00:00Z');
    await alert(fx.streetId, '2026-05-01T03:00:00Z', '2026-05-01T05:00:00Z');
    await alert(lv.street2Id, '2026-05-01T09:00:00Z', '2026-05-01T05:00:00Z');
  });

  const proposals = async (who: string, org: string) => {
    const res = await call(who, 'GET', `${BASE}/${scheme.id}/proposals?org=${org}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SchemeProposals;
  };

  it('proposes each rule at its boundary, and each done count equals its drill list', async () => {
    const p = await proposals('dReviewer', fx.streetId);
    const by = (title: string) => p.items.find((i) => i.title.startsWith(title));
    // Q1 2 of 2, Q2 1 of 2: one missing × 3.
    expect(by('中心组学习每季度')).toMatchObject({ done: 3, proposed: 7 });
    expect(by('中心组学习每季度')?.slices.map((s) => [s.slice, s.done])).toEqual([
      ['2026-Q1', 2],
      ['2026-Q2', 1],
    ]);
    // 3 of 6 → half of 20.
    expect(by('中心组学习半年')).toMatchObject({ required: 6, done: 3, proposed: 10 });
    // Exactly at the due month's last minute: in.
    expect(by('3月底前')).toMatchObject({ done: 1, proposed: 10 });
    expect(by('3月底前')?.drill?.query).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    // One late report: 15 − 4.
    expect(by('舆情')).toMatchObject({ figure: 'ALERT_REPORTED_LATE', done: 1, proposed: 11 });
    expect(by('存在未完成整改')).toMatchObject({ done: 0, proposed: 0, vetoed: false });
    expect(by('阵地管理')).toMatchObject({ proposed: null, done: null, drill: null });
    expect(p).toMatchObject({ proposedTotal: 38, manualPoints: 45, vetoedBy: [] });

    for (const item of p.items) {
      if (item.drill) expect(await listCount('dReviewer', item.drill), item.title).toBe(item.done);
      for (const s of item.slices)
        expect(await listCount('dReviewer', s.drill), `${item.title} ${s.slice}`).toBe(s.done);
    }
  });

  it('a quarter with nothing loses its share, and the sibling street is counted on its own', async () => {
    const p = await proposals('dLeader', lv.street2Id);
    const by = (title: string) => p.items.find((i) => i.title.startsWith(title));
    // Nothing in either quarter: 4 missing × 3 = 12 > 10 → floor at 0.
    expect(by('中心组学习每季度')).toMatchObject({ done: 0, proposed: 0 });
    expect(by('3月底前')).toMatchObject({ done: 0, proposed: 0 });
    expect(by('舆情')).toMatchObject({ done: 1, proposed: 11 });
  });

  it('a veto makes the whole total 0 and says which item', async () => {
    await ctx.prisma.rectification.create({ data: { orgId: fx.branchAId, problem: '未整改', source: 'SELF_CHECK' } });
    const p = await proposals('leader', fx.streetId);
    const veto = p.items.find((i) => i.ruleType === 'VETO');
    expect(veto).toMatchObject({ done: 1, vetoed: true });
    expect(p.vetoedBy).toEqual([veto?.key]);
    expect(p.proposedTotal).toBe(0);
    if (veto?.drill) expect(await listCount('leader', veto.drill)).toBe(1);
  });

  it('answers only for units the scheme scores and the caller reaches', async () => {
    expect((await call('dLeader', 'GET', `${BASE}/${scheme.id}/proposals?org=${fx.branchAId}`)).statusCode).toBe(400);
    expect((await call('dLeader', 'GET', `${BASE}/${scheme.id}/proposals?org=${lv.districtId}`)).statusCode).toBe(400);
    expect((await call('s2Leader', 'GET', `${BASE}/${scheme.id}/proposals?org=${fx.streetId}`)).statusCode).toBe(404);
    expect((await call('s2Leader', 'GET', `${BASE}/${scheme.id}/proposals?org=${lv.street2Id}`)).statusCode).toBe(200);
  });
});
