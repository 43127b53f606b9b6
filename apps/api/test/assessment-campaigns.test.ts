// 考核任务 (issue 18 part 2, ADR 041): the 区 opens a campaign on its scheme for its 街道; the
// 街道's own leader writes and submits its 自评 (pre-filled from the records, linking records and
// files of its own subtree); the 区 reviewer reviews item by item and may return it; the 区 leader
// confirms and the return is locked. Every step audited, If-Match versions, refusals by role,
// side and state, and drift when records behind a confirmed score change.
import type { AssessmentReturn, Campaign } from '@dutyboard/contracts/assessment-campaigns';
import { canStep, RETURN_STATES, RETURN_STEPS } from '@dutyboard/contracts/assessment-campaigns';
import type { Scheme } from '@dutyboard/contracts/assessments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepReturn } from '../src/services/assessments/campaigns.ts';
import type { AuthUser } from '../src/services/auth/sessions.ts';
import { addDistrict, type Fixture, type LevelsFixture, login, seedFixture } from './helpers/fixtures.ts';
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
  for (const u of ['leader', 'secA', 'secB', 'auditor', 'dLeader', 'dReviewer', 's2Leader', 'secC']) {
    c[u] = await login(ctx.app, u);
  }
});
afterAll(() => ctx?.close());

const call = (
  who: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) => ctx.app.inject({ method, url, headers: { cookie: c[who] ?? '', ...headers }, ...(payload ? { payload } : {}) });

/** A 区 scheme for its 街道: a computed COUNT item and a MANUAL one (100 points). */
const tree = (name: string) => ({
  org: lv.districtId,
  level: 'STREET',
  period: PERIOD,
  name,
  total: 100,
  categories: [
    {
      title: '理论学习',
      items: [
        {
          title: '中心组学习半年不少于4次',
          points: 40,
          rule: { type: 'COUNT', figure: 'CENTRAL_GROUP_STUDY', required: 4, per: 'PERIOD', method: 'PROPORTIONAL' },
          evidence: '中心组学习记录',
          scorer: 'COMPUTED',
        },
        { title: '阵地管理', points: 60, rule: { type: 'MANUAL' }, evidence: '检查记录', scorer: 'REVIEWER' },
      ],
    },
  ],
});

async function scheme(name: string): Promise<Scheme> {
  const res = await call('dLeader', 'POST', '/api/assessment-schemes', tree(name));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function open(name: string, units?: string[]): Promise<Campaign> {
  const s = await scheme(name);
  const res = await call('dLeader', 'POST', '/api/assessment-campaigns', {
    scheme: s.id,
    selfDueOn: '2026-07-10',
    reviewDueOn: '2026-07-31',
    ...(units ? { units } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const returnOf = (cmp: Campaign, org: string) => {
  const r = cmp.returns.find((x) => x.orgId === org);
  if (!r) throw new Error(`no return for ${org}`);
  return r;
};

async function read(who: string, id: string): Promise<AssessmentReturn> {
  const res = await call(who, 'GET', `/api/assessment-returns/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A write at the return's current version (If-Match); the answer's status is checked. */
async function act(
  who: string,
  id: string,
  what: 'self' | 'review' | 'steps',
  body: object,
  status = 200,
): Promise<AssessmentReturn & { error: { key: string } }> {
  const now = await ctx.prisma.assessmentReturn.findUniqueOrThrow({ where: { id } });
  const res = await call(who, what === 'steps' ? 'POST' : 'PUT', `/api/assessment-returns/${id}/${what}`, body, {
    'if-match': `"${now.version}"`,
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

const keysOf = (r: AssessmentReturn) => ({
  count: r.items.find((i) => i.proposal.ruleType === 'COUNT')?.key ?? '',
  manual: r.items.find((i) => i.proposal.ruleType === 'MANUAL')?.key ?? '',
});

const study = (orgId: string, at: string) =>
  ctx.prisma.studySession.create({
    data: { orgId, kind: 'CENTRAL_GROUP', topic: `学习${at}`, occurredAt: new Date(at), topicCategory: 'THEORY' },
  });

const audits = (id: string) =>
  ctx.prisma.auditEvent.findMany({ where: { entityType: 'AssessmentReturn', entityId: id }, orderBy: { id: 'asc' } });

describe('the step table', () => {
  it('the API refuses every step the table does not allow (409), from every state', async () => {
    const cmp = await open('步骤表', [fx.streetId]);
    const id = returnOf(cmp, fx.streetId).id;
    // Each state is written straight into the row; each posted step not in the table must be 409.
    for (const from of RETURN_STATES) {
      for (const to of ['SUBMITTED', 'RETURNED', 'REVIEWED', 'CONFIRMED'] as const) {
        if (canStep(from, to)) continue;
        await ctx.prisma.assessmentReturn.update({ where: { id }, data: { state: from } });
        const who = to === 'SUBMITTED' ? 'leader' : to === 'CONFIRMED' ? 'dLeader' : 'dReviewer';
        const res = await call(who, 'POST', `/api/assessment-returns/${id}/steps`, { to, reason: '理由' });
        const expected = from === 'CONFIRMED' ? 'campaign.locked' : 'campaign.stepNotAllowed';
        expect([from, to, res.statusCode, res.json().error?.key]).toEqual([from, to, 409, expected]);
      }
      for (const [what, who, to] of [
        ['self', 'leader', 'SELF_DRAFT'],
        ['review', 'dReviewer', 'IN_REVIEW'],
      ] as const) {
        if (canStep(from, to)) continue;
        await ctx.prisma.assessmentReturn.update({ where: { id }, data: { state: from } });
        const res = await call(who, 'PUT', `/api/assessment-returns/${id}/${what}`, { items: [] });
        expect([from, what, res.statusCode]).toEqual([from, what, 409]);
      }
    }
    expect(RETURN_STEPS).not.toContain('NOT_STARTED');
  });
});

describe('the full path', () => {
  let cmp: Campaign;
  let id: string;
  let keys: { count: string; manual: string };

  beforeAll(async () => {
    // Three 中心组学习 of four in the street's subtree (one in a branch): 30 of 40 proposed.
    await study(fx.streetId, '2026-01-10T02:00:00Z');
    await study(fx.branchAId, '2026-02-10T02:00:00Z');
    await study(fx.streetId, '2026-05-10T02:00:00Z');
    cmp = await open('全过程');
    id = returnOf(cmp, fx.streetId).id;
  });

  it('opens a campaign for every 街道 of the 区 and puts its scheme in use', async () => {
    expect(cmp).toMatchObject({ state: 'OPEN', level: 'STREET', periodCode: PERIOD, selfDueOn: '2026-07-10' });
    expect(cmp.returns.map((r) => [r.orgId, r.state]).sort()).toEqual(
      [
        [fx.streetId, 'NOT_STARTED'],
        [lv.street2Id, 'NOT_STARTED'],
      ].sort(),
    );
    const s = await ctx.prisma.assessmentScheme.findUniqueOrThrow({ where: { id: cmp.schemeId } });
    expect(s.state).toBe('IN_USE');
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/assessment-schemes/${cmp.schemeId}`,
      headers: { cookie: c.dLeader ?? '' },
      payload: { name: '改' },
    });
    expect(patched.statusCode).toBe(409);
  });

  it('pre-fills each item with its proposal, and the unit adjusts with notes and links', async () => {
    const first = await read('leader', id);
    keys = keysOf(first);
    const counted = first.items.find((i) => i.key === keys.count);
    expect(counted?.proposal).toMatchObject({ done: 3, required: 4, proposed: 30 });
    expect(counted?.proposal.drill?.query).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
    expect(first.steps).toEqual(['SELF_DRAFT']);

    // A record of the sibling street cannot be linked; one of the street's branch can.
    const own = await study(fx.branchAId, '2026-03-10T02:00:00Z');
    const foreign = await study(lv.branchCId, '2026-03-10T02:00:00Z');
    const bad = await act(
      'leader',
      id,
      'self',
      { items: [{ key: keys.count, score: 30, note: '', records: [{ type: 'StudySession', id: foreign.id }] }] },
      400,
    );
    expect(bad).toMatchObject({ error: { key: 'campaign.linkOutOfReach' } });
    // A stored file of the sibling street cannot be linked either; one of the street's can.
    const file = (orgId: string) =>
      ctx.prisma.attachment.create({
        data: {
          entityType: 'StudySession',
          entityId: own.id,
          fileName: 'a.pdf',
          mimeType: 'application/pdf',
          size: 1,
          sha256: '0'.repeat(64),
          orgId,
        },
      });
    const [ownFile, foreignFile] = [await file(fx.branchAId), await file(lv.branchCId)];
    const badFile = await act(
      'leader',
      id,
      'self',
      { items: [{ key: keys.count, score: 30, note: '', attachments: [foreignFile.id] }] },
      400,
    );
    expect(badFile).toMatchObject({ error: { key: 'campaign.linkOutOfReach' } });

    // Only the MANUAL item given: the computed one keeps its proposal (now 4 of 4: 40).
    const saved = await act('leader', id, 'self', {
      items: [
        {
          key: keys.manual,
          score: 50,
          note: '阵地每季度检查',
          records: [{ type: 'StudySession', id: own.id }],
          attachments: [ownFile.id],
        },
      ],
    });
    expect(saved.state).toBe('SELF_DRAFT');
    expect(saved.items.find((i) => i.key === keys.count)).toMatchObject({ selfScore: 40, proposed: 40, done: 4 });
    expect(saved.items.find((i) => i.key === keys.manual)).toMatchObject({
      selfScore: 50,
      selfNote: '阵地每季度检查',
      records: [{ type: 'StudySession', id: own.id }],
      attachments: [ownFile.id],
    });
    expect(saved.selfTotal).toBe(90);
  });

  it('an adjusted score needs a note, then submits', async () => {
    await act('leader', id, 'self', { items: [{ key: keys.count, score: 35, note: '' }] });
    const gap = await act('leader', id, 'steps', { to: 'SUBMITTED' }, 400);
    expect(gap).toMatchObject({ error: { key: 'campaign.incomplete' } });
    await act('leader', id, 'self', { items: [{ key: keys.count, score: 40, note: '' }] });
    const sub = await act('leader', id, 'steps', { to: 'SUBMITTED' });
    expect(sub.state).toBe('SUBMITTED');
    expect(sub.submittedAt).not.toBeNull();
  });

  it('refuses by side and role: the 区 leader cannot write the 自评, the unit cannot review', async () => {
    expect((await act('dLeader', id, 'self', { items: [] }, 403)).error.key).toBe('campaign.ownUnitOnly');
    expect((await act('leader', id, 'review', { items: [] }, 403)).error.key).toBe('campaign.issuerOnly');
    // A secretary of the street reads its return, writes nothing; the sibling street sees nothing.
    expect((await read('secA', id)).state).toBe('SUBMITTED');
    expect((await call('secA', 'PUT', `/api/assessment-returns/${id}/self`, { items: [] })).statusCode).toBe(403);
    expect((await call('s2Leader', 'GET', `/api/assessment-returns/${id}`)).statusCode).toBe(404);
    expect((await call('secC', 'GET', `/api/assessment-returns/${id}`)).statusCode).toBe(404);
    expect((await call('s2Leader', 'POST', `/api/assessment-returns/${id}/steps`, { to: 'RETURNED' })).statusCode).toBe(
      404,
    );
    // The sibling street sees the campaign, with its own return only.
    const seen = await call('s2Leader', 'GET', `/api/assessment-campaigns/${cmp.id}`);
    expect((seen.json() as Campaign).returns.map((r) => r.orgId)).toEqual([lv.street2Id]);
    // A stale version: 412.
    const stale = await call(
      'dReviewer',
      'PUT',
      `/api/assessment-returns/${id}/review`,
      { items: [] },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
  });

  it('is returned with a reason, edited and submitted again', async () => {
    expect((await act('dReviewer', id, 'steps', { to: 'RETURNED' }, 400)).error.key).toBe('campaign.reasonRequired');
    const back = await act('dReviewer', id, 'steps', { to: 'RETURNED', reason: '阵地检查记录不全，请补充' });
    expect(back).toMatchObject({ state: 'RETURNED', returnReason: '阵地检查记录不全，请补充' });
    expect((await read('leader', id)).steps).toEqual(['SELF_DRAFT', 'SUBMITTED']);
    await act('leader', id, 'self', { items: [{ key: keys.manual, score: 55, note: '已补充第二季度检查记录' }] });
    expect((await act('leader', id, 'steps', { to: 'SUBMITTED' })).returnReason).toBeNull();
  });

  it('is reviewed item by item, one changed with a reason, and confirmed by the 区 leader', async () => {
    const noReason = await act(
      'dReviewer',
      id,
      'review',
      { items: [{ key: keys.manual, decision: 'CHANGE', score: 45 }] },
      400,
    );
    expect(noReason.error.key).toBe('campaign.incomplete');
    const part = await act('dReviewer', id, 'review', { items: [{ key: keys.count, decision: 'AGREE' }] });
    expect(part.state).toBe('IN_REVIEW');
    expect((await act('dReviewer', id, 'steps', { to: 'REVIEWED' }, 400)).error.key).toBe('campaign.incomplete');
    await act('dReviewer', id, 'review', {
      items: [{ key: keys.manual, decision: 'CHANGE', score: 45, reason: '第一季度未检查' }],
    });
    const done = await act('dReviewer', id, 'steps', { to: 'REVIEWED' });
    expect(done).toMatchObject({ state: 'REVIEWED', finalTotal: 85 });
    expect(done.items.map((i) => i.finalScore)).toEqual([40, 45]);
    // The reviewer cannot confirm (leader only); the street's leader neither.
    expect((await act('dReviewer', id, 'steps', { to: 'CONFIRMED' }, 403)).error.key).toBe('auth.forbidden');
    expect((await act('leader', id, 'steps', { to: 'CONFIRMED' }, 403)).error.key).toBe('campaign.issuerOnly');
    const confirmed = await act('dLeader', id, 'steps', { to: 'CONFIRMED' });
    expect(confirmed).toMatchObject({ state: 'CONFIRMED', finalTotal: 85, steps: [] });
  });

  it('is locked after confirmation: every change answers 409', async () => {
    expect((await act('leader', id, 'self', { items: [] }, 409)).error.key).toBe('campaign.locked');
    expect((await act('dReviewer', id, 'review', { items: [] }, 409)).error.key).toBe('campaign.locked');
    for (const to of ['SUBMITTED', 'RETURNED', 'REVIEWED', 'CONFIRMED']) {
      const who = to === 'SUBMITTED' ? 'leader' : 'dLeader';
      const res = await act(who, id, 'steps', { to, reason: '再改' }, 409);
      expect(res.error.key).toBe('campaign.locked');
    }
  });

  it('audits every step with before and after', async () => {
    const events = await audits(id);
    const moves = events.map((e) => [
      e.action,
      (e.before as { state?: string } | null)?.state ?? null,
      (e.after as { state?: string } | null)?.state ?? null,
    ]);
    expect(moves).toEqual([
      ['CREATE', null, 'NOT_STARTED'],
      ['TRANSITION', 'NOT_STARTED', 'SELF_DRAFT'],
      ['UPDATE', 'SELF_DRAFT', 'SELF_DRAFT'],
      ['UPDATE', 'SELF_DRAFT', 'SELF_DRAFT'],
      ['TRANSITION', 'SELF_DRAFT', 'SUBMITTED'],
      ['TRANSITION', 'SUBMITTED', 'RETURNED'],
      ['TRANSITION', 'RETURNED', 'SELF_DRAFT'],
      ['TRANSITION', 'SELF_DRAFT', 'SUBMITTED'],
      ['TRANSITION', 'SUBMITTED', 'IN_REVIEW'],
      ['UPDATE', 'IN_REVIEW', 'IN_REVIEW'],
      ['TRANSITION', 'IN_REVIEW', 'REVIEWED'],
      ['TRANSITION', 'REVIEWED', 'CONFIRMED'],
    ]);
    const changed = events.find((e) => e.action === 'UPDATE' && (e.after as { state: string }).state === 'IN_REVIEW');
    expect(JSON.stringify(changed?.after)).toContain('第一季度未检查');
    expect(JSON.stringify(changed?.before)).not.toContain('第一季度未检查');
    expect(
      await ctx.prisma.auditEvent.count({ where: { entityType: 'AssessmentCampaign', entityId: cmp.id } }),
    ).toBeGreaterThan(0);
  });

  it('marks drift when records behind a confirmed score change, keeping the score', async () => {
    const before = await read('dLeader', id);
    expect(before.items.every((i) => i.drift === null)).toBe(true);
    await study(fx.streetId, '2026-06-10T02:00:00Z');
    const after = await read('leader', id);
    const counted = after.items.find((i) => i.key === keys.count);
    expect(counted?.finalScore).toBe(40);
    expect(after.finalTotal).toBe(85);
    expect(counted?.drift).toMatchObject({ doneThen: 4, doneNow: 5 });
    expect(counted?.drift?.drill?.query).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
    expect(after.items.find((i) => i.key === keys.manual)?.drift).toBeNull();
  });
});

describe('opening and reading', () => {
  it('the issuer’s reviewer or leader opens, on its own scheme, for units of the scheme’s level', async () => {
    const s = await scheme('开启权限');
    const body = { scheme: s.id, selfDueOn: '2026-07-10', reviewDueOn: '2026-07-31' };
    // No assessment:review (secretary, auditor), or the issuer out of reach (the 街道, a sibling 街道).
    for (const who of ['secA', 'auditor', 'leader', 's2Leader']) {
      expect((await call(who, 'POST', '/api/assessment-campaigns', body)).statusCode, who).toBe(403);
    }
    const branch = await call('dReviewer', 'POST', '/api/assessment-campaigns', { ...body, units: [fx.branchAId] });
    expect(branch.json()).toMatchObject({ error: { key: 'campaign.noUnits' } });
    const early = await call('dReviewer', 'POST', '/api/assessment-campaigns', { ...body, reviewDueOn: '2026-07-01' });
    expect(early.statusCode).toBe(400);
    expect(JSON.stringify(early.json())).toContain('reviewDueOn');
    // Nothing was opened by the refusals: the scheme is still a draft.
    expect((await ctx.prisma.assessmentScheme.findUniqueOrThrow({ where: { id: s.id } })).state).toBe('DRAFT');
    // The 区 reviewer opens it (the journey): the draft is put in use, as by its leader.
    const opened = await call('dReviewer', 'POST', '/api/assessment-campaigns', body);
    expect(opened.statusCode, opened.body).toBe(201);
    expect((opened.json() as Campaign).returns.map((r) => r.orgId).sort()).toEqual([fx.streetId, lv.street2Id].sort());
    expect((await ctx.prisma.assessmentScheme.findUniqueOrThrow({ where: { id: s.id } })).state).toBe('IN_USE');
    // Editing a scheme stays the leader's.
    const edit = await call('dReviewer', 'POST', '/api/assessment-schemes', tree('审核人不能建'));
    expect(edit.statusCode).toBe(403);
  });

  it('lists the campaigns issued above a 街道 to it, and nothing to a sibling 区’s people', async () => {
    const list = await call('leader', 'GET', '/api/assessment-campaigns');
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: Campaign[] }).items.length).toBeGreaterThan(0);
    const missing = await call('dLeader', 'GET', `/api/assessment-campaigns/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
  });
});

describe('a 街道 scores its 支部: the branch secretary writes the 自评', () => {
  const branchTree = (name: string) => ({
    org: fx.streetId,
    level: 'BRANCH',
    period: PERIOD,
    name,
    total: 100,
    categories: [
      {
        title: '阵地',
        items: [
          { title: '宣传栏', points: 40, rule: { type: 'MANUAL' }, evidence: '照片', scorer: 'REVIEWER' },
          { title: '微信群', points: 60, rule: { type: 'MANUAL' }, evidence: '记录', scorer: 'REVIEWER' },
        ],
      },
    ],
  });

  async function openForBranches(name: string): Promise<Campaign> {
    const s = await call('leader', 'POST', '/api/assessment-schemes', branchTree(name));
    expect(s.statusCode, s.body).toBe(201);
    const res = await call('leader', 'POST', '/api/assessment-campaigns', {
      scheme: s.json().id,
      selfDueOn: '2026-07-10',
      reviewDueOn: '2026-07-31',
      units: [fx.branchAId, fx.branchBId],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  const fill = (r: AssessmentReturn, score: number) => ({
    items: r.items.map((i) => ({ key: i.key, score, note: '已按要求落实' })),
  });

  it('the secretary saves and submits her branch’s 自评; others are refused', async () => {
    const cmp = await openForBranches('支部考核');
    const id = returnOf(cmp, fx.branchAId).id;
    const r = await read('secA', id);
    // The street leader reaches the branch but the 自评 is the branch's own word.
    expect((await act('leader', id, 'self', fill(r, 30), 403)).error.key).toBe('campaign.ownUnitOnly');
    // A sibling branch's secretary does not see it at all.
    expect((await call('secB', 'GET', `/api/assessment-returns/${id}`)).statusCode).toBe(404);
    const saved = await act('secA', id, 'self', fill(r, 30));
    expect([saved.state, saved.selfTotal, saved.steps]).toEqual(['SELF_DRAFT', 60, ['SELF_DRAFT', 'SUBMITTED']]);
    expect((await act('secA', id, 'steps', { to: 'SUBMITTED' })).state).toBe('SUBMITTED');
    // She cannot review her own return.
    await act('secA', id, 'review', { items: [] }, 403);
  });

  it('a decision no longer stands once the returned unit changes that score; the total is fixed again', async () => {
    const cmp = await openForBranches('退回重评');
    const id = returnOf(cmp, fx.branchAId).id;
    const r = await act('secA', id, 'self', fill(await read('secA', id), 30));
    await act('secA', id, 'steps', { to: 'SUBMITTED' });
    const [a, b] = r.items.map((i) => i.key) as [string, string];
    await act('leader', id, 'review', {
      items: [
        { key: a, decision: 'AGREE' },
        { key: b, decision: 'CHANGE', score: 20, reason: '群管理员未落实三审' },
      ],
    });
    const reviewed = await act('leader', id, 'steps', { to: 'REVIEWED' });
    expect(reviewed.finalTotal).toBe(50);
    const back = await act('leader', id, 'steps', { to: 'RETURNED', reason: '请补充微信群管理记录' });
    expect([back.state, back.finalTotal]).toEqual(['RETURNED', null]);
    // The branch changes b's score and keeps a's: a's agreement stands, b is to be reviewed again.
    const again = await act('secA', id, 'self', {
      items: [
        { key: a, score: 30, note: '已按要求落实' },
        { key: b, score: 25, note: '补充了三审记录' },
      ],
    });
    const byKey = new Map(again.items.map((i) => [i.key, i]));
    expect([byKey.get(a)?.decision, byKey.get(b)?.decision, byKey.get(b)?.reviewReason]).toEqual(['AGREE', null, '']);
    await act('secA', id, 'steps', { to: 'SUBMITTED' });
    await act('leader', id, 'review', { items: [] });
    const gaps = await act('leader', id, 'steps', { to: 'REVIEWED' }, 400);
    expect(gaps.error.key).toBe('campaign.incomplete');
  });

  it('two returns confirmed at the same moment close the campaign', async () => {
    const cmp = await openForBranches('同时确认');
    const ids = [fx.branchAId, fx.branchBId].map((o) => returnOf(cmp, o).id);
    for (const [who, id] of [
      ['secA', ids[0]],
      ['secB', ids[1]],
    ] as const) {
      const r = await act(who, id as string, 'self', fill(await read(who, id as string), 30));
      await act(who, r.id, 'steps', { to: 'SUBMITTED' });
      await act('leader', r.id, 'review', { items: r.items.map((i) => ({ key: i.key, decision: 'AGREE' })) });
      await act('leader', r.id, 'steps', { to: 'REVIEWED' });
    }
    // The first confirmation is held open (not yet committed) while the second is made: each, on
    // its own, would count the other as still open and leave the campaign OPEN.
    const [first, second] = await Promise.all(
      (ids as string[]).map((id) => ctx.prisma.assessmentReturn.findUniqueOrThrow({ where: { id } })),
    );
    if (!first || !second) throw new Error('no returns');
    const leader = await ctx.prisma.user.findUniqueOrThrow({
      where: { username: 'leader' },
      include: { org: { select: { path: true } } },
    });
    const asLeader: AuthUser = { ...leader, orgPath: leader.org.path, sessionId: 'test' };
    let written: () => void = () => {};
    const firstWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    const held = ctx.prisma.$transaction(async (tx) => {
      await stepReturn(tx, asLeader, first.id, { to: 'CONFIRMED' }, first.version);
      written();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await firstWritten;
    const answer = await call(
      'leader',
      'POST',
      `/api/assessment-returns/${second.id}/steps`,
      { to: 'CONFIRMED' },
      { 'if-match': `"${second.version}"` },
    );
    await held;
    expect(answer.statusCode, answer.body).toBe(200);
    const after = await ctx.prisma.assessmentCampaign.findUniqueOrThrow({ where: { id: cmp.id } });
    expect(after.state).toBe('CLOSED');
  });
});

type ListItem = Campaign & { issuedHere: boolean; unitReturn: { id: string; orgId: string; state: string } | null };
const list = async (who: string, query = ''): Promise<ListItem[]> => {
  const res = await call(who, 'GET', `/api/assessment-campaigns${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: ListItem[] }).items;
};

describe('listing by side: 我发起的 and 本单位参加的', () => {
  let both: Campaign;
  let onlySecond: Campaign;
  beforeAll(async () => {
    both = await open('名单两街道');
    onlySecond = await open('名单只考城北', [lv.street2Id]);
  });

  it('issuer=mine lists what the 区 issued, each marked issued here', async () => {
    const mine = await list('dReviewer', '?issuer=mine');
    expect(mine.map((m) => m.id)).toEqual(expect.arrayContaining([both.id, onlySecond.id]));
    expect(mine.every((m) => m.issuedHere && m.unitReturn === null && m.orgId === lv.districtId)).toBe(true);
    // The 街道 issued none of them.
    expect((await list('leader', '?issuer=mine')).map((m) => m.id)).not.toContain(both.id);
  });

  it('issuer=above lists to a 街道 only the campaigns that score it, with its return', async () => {
    const above = await list('leader', '?issuer=above');
    const ids = above.map((m) => m.id);
    expect(ids).toContain(both.id);
    expect(ids).not.toContain(onlySecond.id);
    const row = above.find((m) => m.id === both.id);
    expect(row).toMatchObject({ issuedHere: false, unitReturn: { orgId: fx.streetId, state: 'NOT_STARTED' } });
    expect(row?.unitReturn?.id).toBe(returnOf(both, fx.streetId).id);
    // Without a filter: the same (the 街道 issued none here), never a campaign that does not score it.
    expect((await list('leader')).map((m) => m.id)).not.toContain(onlySecond.id);
    // The sibling 街道 sees the other one.
    expect((await list('s2Leader', '?issuer=above')).map((m) => m.id)).toEqual(
      expect.arrayContaining([both.id, onlySecond.id]),
    );
  });

  it('a 支部 secretary sees the 区’s campaign only through her 街道’s return', async () => {
    const seen = await list('secA', '?issuer=above');
    const row = seen.find((m) => m.id === both.id);
    expect(row?.unitReturn).toMatchObject({ orgId: fx.streetId });
    expect(seen.map((m) => m.id)).not.toContain(onlySecond.id);
    // Her return is readable, the sibling street's is not.
    expect((await call('secA', 'GET', `/api/assessment-returns/${row?.unitReturn?.id}`)).statusCode).toBe(200);
    expect((await call('secA', 'GET', `/api/assessment-returns/${returnOf(both, lv.street2Id).id}`)).statusCode).toBe(
      404,
    );
  });

  it('filters by period and state, validated by the shared schema', async () => {
    expect(await list('dLeader', '?issuer=mine&period=2025-H2')).toEqual([]);
    expect((await list('dLeader', `?issuer=mine&period=${PERIOD}`)).map((m) => m.id)).toContain(both.id);
    expect((await list('dLeader', '?issuer=mine&state=CLOSED')).map((m) => m.id)).not.toContain(both.id);
    expect((await list('dLeader', '?issuer=mine&state=OPEN')).map((m) => m.id)).toContain(both.id);
    for (const bad of ['?issuer=all', '?state=DONE', '?period=H1']) {
      expect((await call('dLeader', 'GET', `/api/assessment-campaigns${bad}`)).statusCode, bad).toBe(400);
    }
  });
});

describe('the 自评 picker and drift by record identity', () => {
  let cmp: Campaign;
  let id: string;
  let keys: { count: string; manual: string };
  const mid = '2026-04-15T02:00:00Z';

  beforeAll(async () => {
    cmp = await open('佐证与漂移', [fx.streetId]);
    id = returnOf(cmp, fx.streetId).id;
    keys = keysOf(await read('leader', id));
  });

  type Evidence = {
    total: number;
    drill: { list: string; query: Record<string, string> } | null;
    records: { id: string; link: { type: string; id: string }; title: string; date: string | null }[];
    attachments: { id: string; entityId: string }[];
  };
  const evidence = async (who: string, key: string, status = 200): Promise<Evidence> => {
    const res = await call(who, 'GET', `/api/assessment-returns/${id}/items/${key}/evidence`);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };

  it('lists the item’s drill for the unit only, the same rows as its list, with their stored files', async () => {
    const own = await study(fx.branchAId, mid);
    const foreign = await study(lv.branchCId, mid);
    const file = await ctx.prisma.attachment.create({
      data: {
        entityType: 'StudySession',
        entityId: own.id,
        fileName: '记录.pdf',
        mimeType: 'application/pdf',
        size: 1,
        sha256: '1'.repeat(64),
        orgId: fx.branchAId,
      },
    });
    const ev = await evidence('leader', keys.count);
    const ids = ev.records.map((r) => r.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(foreign.id);
    expect(ev.attachments.map((a) => a.id)).toContain(file.id);
    expect(ev.attachments.every((a) => ids.includes(a.entityId))).toBe(true);
    // Exactly the list its "N 条记录" link opens.
    const drill = ev.drill;
    if (!drill) throw new Error('no drill');
    const listed = await call(
      'leader',
      'GET',
      `${drill.list}?${new URLSearchParams({ ...drill.query, limit: '100' })}`,
    );
    const page = listed.json() as { items: { id: string }[]; total: number };
    expect(ids).toEqual(page.items.map((r) => r.id));
    expect(ev.total).toBe(page.total);
    const proposal = (await read('leader', id)).items.find((i) => i.key === keys.count)?.proposal;
    expect(ev.total).toBe(proposal?.done);
    // A MANUAL item offers nothing; the 区 reaches the unit and reads it; a branch secretary and the sibling do not.
    expect((await evidence('leader', keys.manual)).records).toEqual([]);
    expect((await evidence('dReviewer', keys.count)).records.map((r) => r.id)).toEqual(ids);
    await evidence('secA', keys.count, 403);
    await evidence('s2Leader', keys.count, 404);
    await evidence('leader', 'no-such-item', 400);
  });

  it('keeps the records counted, and after confirmation names a record removed and one added', async () => {
    const counted = (await evidence('leader', keys.count)).records.map((r) => r.id);
    await act('leader', id, 'self', { items: [{ key: keys.manual, score: 50, note: '已检查' }] });
    await act('leader', id, 'steps', { to: 'SUBMITTED' });
    await act('dReviewer', id, 'review', {
      items: [
        { key: keys.count, decision: 'AGREE' },
        { key: keys.manual, decision: 'AGREE' },
      ],
    });
    await act('dReviewer', id, 'steps', { to: 'REVIEWED' });
    const confirmed = await act('dLeader', id, 'steps', { to: 'CONFIRMED' });
    const score = confirmed.items.find((i) => i.key === keys.count)?.finalScore;
    expect(confirmed.items.every((i) => i.drift === null)).toBe(true);
    const stored = await ctx.prisma.assessmentReturn.findUniqueOrThrow({ where: { id } });
    const kept = (stored.items as { key: string; counted: { at: string; records: { id: string }[] } | null }[]).find(
      (i) => i.key === keys.count,
    )?.counted;
    expect(kept?.at).toBe('CONFIRMED');
    expect(kept?.records.map((r) => r.id).sort()).toEqual([...counted].sort());

    // One record of the slice removed and another added: the count is the same, the records are not.
    const gone = counted[0] ?? '';
    const before = await ctx.prisma.studySession.findUniqueOrThrow({ where: { id: gone } });
    await ctx.prisma.studySession.delete({ where: { id: gone } });
    const added = await study(fx.streetId, mid);
    const after = await read('dLeader', id);
    const item = after.items.find((i) => i.key === keys.count);
    expect(item?.finalScore).toBe(score);
    expect(item?.drift).toMatchObject({ byIdentity: true, doneThen: counted.length, doneNow: counted.length });
    expect(item?.drift?.added.map((r) => r.id)).toEqual([added.id]);
    expect(item?.drift?.removed).toEqual([
      expect.objectContaining({ id: gone, title: before.topic, link: { type: 'StudySession', id: gone } }),
    ]);
    expect(after.finalTotal).toBe(confirmed.finalTotal);
    expect(after.items.find((i) => i.key === keys.manual)?.drift).toBeNull();
    // A branch secretary reads the return but not the unit's records: counts only, and they are the same.
    const seen = await read('secA', id);
    expect(seen.items.find((i) => i.key === keys.count)?.drift).toBeNull();
  });
});
