// 考核结果 (issue 18 part A, ADR 042): the 区 confirms its three 街道 (two tied), reads the ranking
// (1, 1, 3), each unit reads only its own row, a scorecard says where and why points were lost,
// the trend compares with the 区's previous campaign (and says so when there is none), and the
// 考核汇总表 and the 考核情况通报 carry exactly the API's figures.
import type { AssessmentReturn, Campaign } from '@dutyboard/contracts/assessment-campaigns';
import { type CampaignResults, RESULT_COLUMNS, type Scorecard } from '@dutyboard/contracts/assessment-results';
import type { Scheme } from '@dutyboard/contracts/assessments';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/services/auth/passwords.ts';
import { addDistrict, type Fixture, type LevelsFixture, login, PASSWORD, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let lv: LevelsFixture;
let street3Id: string;
const c: Record<string, string> = {};

const call = (
  who: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) => ctx.app.inject({ method, url, headers: { cookie: c[who] ?? '', ...headers }, ...(payload ? { payload } : {}) });

/** Count item (4 中心组学习 in the period, 2 points off per one missing) and a MANUAL item. */
const tree = (period: string) => ({
  org: lv.districtId,
  level: 'STREET',
  period,
  name: `结果细则${period}`,
  total: 100,
  categories: [
    {
      title: '理论学习',
      items: [
        {
          title: '中心组学习半年不少于4次',
          points: 40,
          rule: {
            type: 'COUNT',
            figure: 'CENTRAL_GROUP_STUDY',
            required: 4,
            per: 'PERIOD',
            method: 'PER_MISSING',
            deduct: 2,
          },
          evidence: '中心组学习记录',
          scorer: 'COMPUTED',
        },
      ],
    },
    {
      title: '阵地管理',
      items: [
        { title: '阵地每季度检查', points: 60, rule: { type: 'MANUAL' }, evidence: '检查记录', scorer: 'REVIEWER' },
      ],
    },
  ],
});

async function act(who: string, id: string, what: 'self' | 'review' | 'steps', body: object) {
  const now = await ctx.prisma.assessmentReturn.findUniqueOrThrow({ where: { id } });
  const res = await call(who, what === 'steps' ? 'POST' : 'PUT', `/api/assessment-returns/${id}/${what}`, body, {
    'if-match': `"${now.version}"`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AssessmentReturn;
}

const study = (orgId: string, at: string) =>
  ctx.prisma.studySession.create({
    data: { orgId, kind: 'CENTRAL_GROUP', topic: `学习${at}`, occurredAt: new Date(at), topicCategory: 'THEORY' },
  });

async function open(schemeId: string): Promise<Campaign> {
  const res = await call('dLeader', 'POST', '/api/assessment-campaigns', {
    scheme: schemeId,
    selfDueOn: '2026-12-10',
    reviewDueOn: '2026-12-31',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/**
 * The unit's 自评 (manual score with a note), submitted; the 区 agrees or changes the manual item
 * and confirms. Returns the confirmed return.
 */
async function score(
  leader: string,
  id: string,
  manual: number,
  review?: { score: number; reason: string },
  confirm = true,
) {
  const read = (await call(leader, 'GET', `/api/assessment-returns/${id}`)).json() as AssessmentReturn;
  const manualKey = read.items.find((i) => i.proposal.ruleType === 'MANUAL')?.key ?? '';
  const countKey = read.items.find((i) => i.proposal.ruleType === 'COUNT')?.key ?? '';
  await act(leader, id, 'self', { items: [{ key: manualKey, score: manual, note: '第一季度检查记录不全' }] });
  await act(leader, id, 'steps', { to: 'SUBMITTED' });
  if (!confirm) return;
  await act('dReviewer', id, 'review', {
    items: [
      { key: countKey, decision: 'AGREE' },
      review
        ? { key: manualKey, decision: 'CHANGE', score: review.score, reason: review.reason }
        : { key: manualKey, decision: 'AGREE' },
    ],
  });
  await act('dReviewer', id, 'steps', { to: 'REVIEWED' });
  await act('dLeader', id, 'steps', { to: 'CONFIRMED' });
}

const results = async (who: string, id: string) => {
  const res = await call(who, 'GET', `/api/assessment-campaigns/${id}/results`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CampaignResults;
};
const scorecard = async (who: string, id: string) => {
  const res = await call(who, 'GET', `/api/assessment-returns/${id}/scorecard`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Scorecard;
};

let first: Campaign;
let firstSchemeId: string;
const ret = (cmp: Campaign, org: string) => cmp.returns.find((r) => r.orgId === org)?.id ?? '';

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  lv = await addDistrict(ctx.prisma, fx);
  // A third 街道 under the 区, with its own leader.
  street3Id = crypto.randomUUID();
  await ctx.prisma.orgUnit.create({
    data: {
      id: street3Id,
      code: 'S3',
      name: '第三街道党工委',
      kind: 'STREET_COMMITTEE',
      parentId: lv.districtId,
      path: `/${lv.districtId}/${street3Id}/`,
      sortOrder: 3,
    },
  });
  await ctx.prisma.user.create({
    data: {
      username: 's3Leader',
      displayName: 's3Leader',
      role: 'LEADER',
      orgId: street3Id,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  for (const u of ['leader', 'secA', 'dLeader', 'dReviewer', 's2Leader', 's3Leader', 'secC']) {
    c[u] = await login(ctx.app, u);
  }
  // 2026-H1: three 中心组学习 in the fixture street (38 of 40), none elsewhere (32 of 40).
  await study(fx.streetId, '2026-01-10T02:00:00Z');
  await study(fx.branchAId, '2026-02-10T02:00:00Z');
  await study(fx.streetId, '2026-05-10T02:00:00Z');
  const s = await call('dLeader', 'POST', '/api/assessment-schemes', tree('2026-H1'));
  expect(s.statusCode, s.body).toBe(201);
  firstSchemeId = (s.json() as Scheme).id;
  first = await open(firstSchemeId);
  // Street 1: 38 + (55 → 50 in review) = 88; street 2: 32 + 56 = 88; street 3: 32 + 38 = 70.
  await score('leader', ret(first, fx.streetId), 55, { score: 50, reason: '第二季度未检查' });
  await score('s2Leader', ret(first, lv.street2Id), 56);
  await score('s3Leader', ret(first, street3Id), 38);
});
afterAll(() => ctx?.close());

describe('the ranking', () => {
  it('ranks ties equal (1, 1, 3), ordered by unit name, with final totals once confirmed', async () => {
    const r = await results('dReviewer', first.id);
    expect(r.rows.map((x) => [x.orgName, x.rank, x.score, x.basis, x.pointsLost, x.vetoed])).toEqual([
      ['测试街道党工委', 1, 88, 'FINAL', 12, false],
      ['第二街道党工委', 1, 88, 'FINAL', 12, false],
      ['第三街道党工委', 3, 70, 'FINAL', 30, false],
    ]);
    expect(r.rows[0]).toMatchObject({ selfTotal: 93, finalTotal: 88 });
    expect(r).toMatchObject({ units: 3, confirmed: 3, earlier: null, issuerSide: true });
    // No earlier campaign: the trend says so, not 0.
    expect(r.rows.every((x) => x.trend.delta === null && x.trend.absent === 'NO_EARLIER_CAMPAIGN')).toBe(true);
    expect(r.matrix).toEqual([
      [38, 50],
      [32, 56],
      [32, 38],
    ]);
  });

  it('a unit reads only its own row (with its rank); a sibling’s scorecard is 404', async () => {
    const own = await results('s2Leader', first.id);
    expect(own.rows.map((x) => [x.orgName, x.rank])).toEqual([['第二街道党工委', 1]]);
    expect(own).toMatchObject({ units: 3, issuerSide: false });
    expect(own.matrix).toEqual([[32, 56]]);
    const branch = await results('secC', first.id);
    expect(branch.rows.map((x) => x.orgId)).toEqual([lv.street2Id]);
    expect((await results('secA', first.id)).rows.map((x) => x.orgId)).toEqual([fx.streetId]);
    const sibling = await call('s2Leader', 'GET', `/api/assessment-returns/${ret(first, fx.streetId)}/scorecard`);
    expect(sibling.statusCode).toBe(404);
    // The unit's xlsx holds its own row only; the 通报 is the issuer's.
    expect((await call('s2Leader', 'GET', `/api/assessment-campaigns/${first.id}/notice.docx`)).statusCode).toBe(403);
  });

  it('before confirmation a row says which figure it shows', async () => {
    // An earlier period (2025-H2), so the trend of the campaigns below still compares with 2026-H1.
    const s = await call('dLeader', 'POST', `/api/assessment-schemes/${firstSchemeId}/copy`, { period: '2025-H2' });
    expect(s.statusCode, s.body).toBe(201);
    const cmp = await open((s.json() as Scheme).id);
    await score('leader', ret(cmp, fx.streetId), 60, undefined, false);
    const r = await results('dLeader', cmp.id);
    const byOrg = new Map(r.rows.map((x) => [x.orgId, x]));
    expect(byOrg.get(fx.streetId)).toMatchObject({ basis: 'SELF', score: 92, finalTotal: null, rank: 1 });
    expect(byOrg.get(lv.street2Id)).toMatchObject({ basis: 'NONE', score: null, rank: null });
    expect(r.confirmed).toBe(0);
    const notice = await call('dLeader', 'GET', `/api/assessment-campaigns/${cmp.id}/notice.docx`);
    expect(notice.json()).toMatchObject({ error: { key: 'campaign.noneConfirmed' } });
  });
});

describe('the scorecard', () => {
  it('says where points were lost and why: the rule’s shortfall, the 自评 note, the reviewer’s reason', async () => {
    const card = await scorecard('leader', ret(first, fx.streetId));
    expect(card).toMatchObject({ score: 88, pointsLost: 12, rank: 1, units: 3, basis: 'FINAL' });
    const [study, manual] = card.categories.flatMap((cat) => cat.items);
    expect(study).toMatchObject({ score: 38, lost: 2, done: 3 });
    expect(study?.reasons).toEqual([{ key: 'lost.count', params: { required: 4, done: 3, lost: 2 } }]);
    // The drill lists exactly the records counted, as the dashboard's.
    expect(study?.drill?.query).toMatchObject({ org: fx.streetId, from: '2026-01-01', to: '2026-06-30' });
    expect(manual).toMatchObject({ score: 50, lost: 10, drill: null });
    expect(manual?.reasons).toEqual([
      { key: 'lost.selfNote', params: { note: '第一季度检查记录不全' } },
      { key: 'lost.review', params: { reason: '第二季度未检查', from: 55, to: 50 } },
    ]);
    expect(card.categories.map((cat) => [cat.title, cat.points, cat.score, cat.lost])).toEqual([
      ['理论学习', 40, 38, 2],
      ['阵地管理', 60, 50, 10],
    ]);
  });
});

describe('the veto', () => {
  it('a confirmed return whose veto struck shows 0, vetoed, and says why on the scorecard', async () => {
    // Written straight into the rows: a VETO item that counted one late alert at the 自评.
    const scheme = await ctx.prisma.assessmentScheme.create({
      data: {
        orgId: lv.districtId,
        level: 'STREET',
        periodCode: '2025-H1',
        name: '否决细则',
        number: 1,
        state: 'IN_USE',
        total: 100,
        categories: [
          {
            title: '舆情',
            items: [
              { key: 'm', title: '阵地', points: 100, rule: { type: 'MANUAL' }, evidence: '', scorer: 'REVIEWER' },
              {
                key: 'v',
                title: '迟报一票否决',
                points: 0,
                rule: { type: 'VETO', figure: 'ALERT_REPORTED_LATE' },
                evidence: '',
                scorer: 'COMPUTED',
              },
            ],
          },
        ],
      },
    });
    const cmp = await ctx.prisma.assessmentCampaign.create({
      data: {
        orgId: lv.districtId,
        schemeId: scheme.id,
        periodCode: '2025-H1',
        name: '否决考核',
        selfDueOn: '2025-07-10',
        reviewDueOn: '2025-07-20',
      },
    });
    const item = (key: string, score: number, done: number | null) => ({
      key,
      proposed: key === 'v' ? 0 : null,
      done,
      selfScore: score,
      selfNote: '已完成',
      records: [],
      attachments: [],
      decision: 'AGREE',
      reviewScore: null,
      reviewReason: '',
    });
    const row = await ctx.prisma.assessmentReturn.create({
      data: {
        campaignId: cmp.id,
        orgId: fx.streetId,
        state: 'CONFIRMED',
        selfTotal: 0,
        finalTotal: 0,
        items: [item('m', 90, null), item('v', 0, 1)],
      },
    });
    const r = await results('dLeader', cmp.id);
    expect(r.rows[0]).toMatchObject({ vetoed: true, score: 0, pointsLost: 100, rank: 1 });
    const card = await scorecard('dLeader', row.id);
    expect(card.vetoed).toBe(true);
    expect(card.categories[0]?.items.find((i) => i.key === 'v')?.reasons).toEqual([
      { key: 'lost.veto', params: { count: 1 } },
    ]);
  });
});

describe('the trend', () => {
  it('compares with the 区’s previous campaign by total, item key and category', async () => {
    const copy = await call('dLeader', 'POST', `/api/assessment-schemes/${firstSchemeId}/copy`, { period: '2026-H2' });
    expect(copy.statusCode, copy.body).toBe(201);
    const second = await open((copy.json() as Scheme).id);
    // H2: no 中心组学习 (32) and the manual item in full (60): 92, against 88 in H1.
    await score('leader', ret(second, fx.streetId), 60);
    const r = await results('dLeader', second.id);
    expect(r.earlier).toMatchObject({ id: first.id, periodCode: '2026-H1' });
    const row = r.rows.find((x) => x.orgId === fx.streetId);
    expect(row?.trend).toEqual({ delta: 4, previous: 88, absent: null });
    // Not scored yet in H2: no trend, and the row says why.
    expect(r.rows.find((x) => x.orgId === lv.street2Id)?.trend).toMatchObject({ delta: null, absent: 'NOT_SCORED' });
    const card = await scorecard('dReviewer', ret(second, fx.streetId));
    expect(card.trend.delta).toBe(4);
    expect(card.categories.map((cat) => cat.trend.delta)).toEqual([-6, 10]);
    expect(card.categories.flatMap((cat) => cat.items.map((i) => i.trend.delta))).toEqual([-6, 10]);
  });
});

describe('the exports', () => {
  it('the 考核汇总表 read back holds every figure the API answers, and is audited', async () => {
    const r = await results('dLeader', first.id);
    const res = await call('dLeader', 'GET', `/api/assessment-campaigns/${first.id}/results.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ranking = book.getWorksheet('排名');
    const matrix = book.getWorksheet('逐项得分');
    if (!ranking || !matrix) throw new Error('sheets missing');
    const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(ranking, 3)).toEqual(RESULT_COLUMNS.map((col) => col.label.zh));
    r.rows.forEach((row, i) => {
      expect(values(ranking, 4 + i)).toEqual(RESULT_COLUMNS.map((col) => col.cell(row, 'zh') ?? undefined));
      const cells = values(matrix, 4 + i);
      expect(cells[0]).toBe(row.orgName);
      expect(cells.slice(2, 2 + r.items.length)).toEqual(r.matrix[i]);
      expect(cells[2 + r.items.length]).toBe(row.score);
    });
    expect(ranking.rowCount).toBe(3 + r.rows.length);
    const audit = await ctx.prisma.auditEvent.findFirst({
      where: { action: 'EXPORT', entityType: 'AssessmentCampaign', entityId: first.id },
    });
    expect(audit?.after).toMatchObject({ format: 'xlsx', rows: 3 });
  });

  it('the 考核情况通报 DOCX is drafted from the results: title, 主送, ranking, 先进/差距, items lost', async () => {
    const res = await call('dLeader', 'GET', `/api/assessment-campaigns/${first.id}/notice.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] as Uint8Array);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('测试区委关于2026年上半年意识形态工作责任制考核情况的通报');
    expect(text).toContain('测试街道党工委、第二街道党工委、第三街道党工委：');
    expect(text).toContain('共考核3个街道（乡镇）');
    expect(text).toContain('测试街道党工委88分，第二街道党工委88分，第三街道党工委70分');
    expect(text).toContain('平均得分82分');
    expect(text).toContain('测试街道党工委、第二街道党工委得分88分，位列第一');
    expect(text).toContain('第三街道党工委得分70分，失30分，主要失分在“阵地每季度检查”、“中心组学习半年不少于4次”方面');
    expect(text).toContain('“中心组学习半年不少于4次”（3个单位失分，共失18分）');
    expect(text).toContain('下一步要求');
    // The ranking table: RESULT_COLUMNS' headers.
    expect(text).toContain('名次单位自评总分复核/最终得分一票否决失分较上期');
    // 公文 page: A4 with the 总结's margins.
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:top="2098"');
    const audit = await ctx.prisma.auditEvent.findFirst({
      where: {
        action: 'EXPORT',
        entityType: 'AssessmentCampaign',
        entityId: first.id,
        after: { path: ['format'], equals: 'docx' },
      },
    });
    expect(audit).not.toBeNull();
  });
});

describe('drift', () => {
  it('the scorecard names the records that changed behind a confirmed score, which stays', async () => {
    const added = await study(fx.streetId, '2026-06-10T02:00:00Z');
    const card = await scorecard('dLeader', ret(first, fx.streetId));
    const counted = card.categories[0]?.items[0];
    expect(counted).toMatchObject({ score: 38, drift: { doneThen: 3, doneNow: 4 } });
    expect(counted?.drift?.added.map((r) => r.id)).toEqual([added.id]);
    expect(card.categories[1]?.items[0]?.drift).toBeNull();
  });
});
