// Reports drafted from records and their 报送 (issue 19 part C, ADR 047): every kind drafts from
// the records with each figure equal to its drill; a kind refuses a period it does not cover; the
// 专题汇报's DOCX is addressed to the level above; 报送 is only of a FINAL report, only to an org
// above, once per document (a retried request gets its first answer); the receiver's leaders,
// reviewers and auditors list what arrived, nobody else's; the submissions are the figures.
import { figureDrill } from '@dutyboard/contracts/metrics';
import { periodFromCode } from '@dutyboard/contracts/periods';
import { REPORT_KIND_DEFS, REPORT_KINDS, type ReportKind } from '@dutyboard/contracts/report-kinds';
import type { ReportSubmission } from '@dutyboard/contracts/report-submissions';
import type { SavedSummary, SummaryContent } from '@dutyboard/contracts/reports';
import { allFigures } from '@dutyboard/contracts/summary-text';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutyLines } from '../src/services/duties/calendar.ts';
import { reportDraftState, reportDraftStates } from '../src/services/reports/report-submissions.ts';
import { countFiguresBetween } from '../src/services/rollups/exact-counts.ts';
import {
  activityInput,
  addDistrict,
  type Fixture,
  type LevelsFixture,
  login,
  seedFixture,
} from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let t: TestContext;
let fx: Fixture;
let lv: LevelsFixture;
const cookie: Record<string, string> = {};

/** The period each kind is tried with. */
const PERIOD_OF: Record<ReportKind, string> = {
  HALF_YEAR_SUMMARY: '2026-H1',
  SPECIAL_REPORT: '2026-H1',
  JUDGEMENT_REPORT: '2026-Q1',
  BRIEFING: '2026-H1',
  DEBRIEF: '2026',
  DEMOCRATIC_LIFE: '2026',
};

async function call(who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers = {}) {
  return t.app.inject({ method, url, payload: payload as never, headers: { cookie: cookie[who] ?? '', ...headers } });
}

async function listAll(who: string, drill: { list: string; query: Record<string, string> }) {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...drill.query, ...(cursor ? { cursor, limit: '100' } : {}) });
    const res = await call(who, 'GET', `${drill.list}?${query}`);
    expect(res.statusCode, `${drill.list}?${query} → ${res.body}`).toBe(200);
    const page = res.json() as { items: Record<string, unknown>[]; nextCursor?: string | null };
    items.push(...page.items);
    cursor = page.nextCursor ?? null;
  } while (cursor);
  return items;
}

async function generate(kind: ReportKind, period: string, org = fx.streetId): Promise<SummaryContent> {
  const res = await call('leader', 'POST', '/api/reports/summary', { kind, period, org });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().content as SummaryContent;
}

async function saveFinal(kind: ReportKind, period: string, content?: SummaryContent): Promise<SavedSummary> {
  const saved = await call('leader', 'POST', '/api/reports/summaries', {
    kind,
    period,
    org: fx.streetId,
    content: content ?? (await generate(kind, period)),
  });
  expect(saved.statusCode, saved.body).toBe(201);
  const final = await call('leader', 'POST', `/api/reports/summaries/${saved.json().id}/finalize`, undefined, {
    'if-match': `"${saved.json().version}"`,
  });
  expect(final.statusCode, final.body).toBe(200);
  return final.json() as SavedSummary;
}

const headings = (c: SummaryContent) => c.sections.filter((s) => s.level === 1).map((s) => s.heading);

beforeAll(async () => {
  t = await createTestContext();
  fx = await seedFixture(t.prisma);
  lv = await addDistrict(t.prisma, fx);
  for (const who of ['leader', 'auditor', 'secA', 'dLeader', 'dReviewer', 's2Leader']) {
    cookie[who] = await login(t.app, who);
  }
  // Records of the first quarter: activities in both branches, a seminar of the street.
  for (const [org, day] of [
    [fx.branchAId, '2026-02-10'],
    [fx.branchAId, '2026-03-05'],
    [fx.branchBId, '2026-03-20'],
  ] as const) {
    const res = await call(
      'leader',
      'POST',
      '/api/activities',
      activityInput(org, { occurredAt: `${day}T09:00:00+08:00` }),
    );
    expect(res.statusCode, res.body).toBe(201);
  }
  const seminar = await call('leader', 'POST', '/api/study-sessions', {
    orgId: fx.streetId,
    kind: 'SEMINAR',
    topicCategory: 'IDEOLOGY_WORK',
    topic: '意识形态工作专题研究',
    occurredAt: '2026-03-12T15:00:00+08:00',
  });
  expect(seminar.statusCode, seminar.body).toBe(201);
});
afterAll(() => t?.close());

describe('reports drafted from records', () => {
  it.each(REPORT_KINDS)('%s drafts its sections from the records, every figure equal to its drill', async (kind) => {
    const content = await generate(kind, PERIOD_OF[kind]);
    const def = REPORT_KIND_DEFS[kind];
    expect(content.title).toBe(`测试街道党工委\n${def.subject(periodNameOf(kind))}`);
    // The template's sections in order, numbered as they come (no previous 总结 here, so no 上期).
    const expected = def.sections.filter((s) => s.block !== 'PREVIOUS').map((s) => s.heading);
    expect(headings(content).map((h) => h.replace(/^[一二三四五六七八九十]+、/, ''))).toEqual(expected);
    expect(headings(content)[0]).toMatch(/^一、/);
    const figures = allFigures(content).filter((f) => f.drill && f.key !== 'alert.avgReportTime');
    if (kind !== 'DEMOCRATIC_LIFE' && kind !== 'JUDGEMENT_REPORT') expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      const items = await listAll('leader', f.drill as never);
      expect(items.length, `${kind} ${f.key} "${f.display}"`).toBe(f.value);
    }
  });

  it('addresses a 专题汇报 to the level above and a 通报 to the units below', async () => {
    expect((await generate('SPECIAL_REPORT', '2026-H1')).addressee).toBe('测试区委：');
    expect((await generate('BRIEFING', '2026-H1')).addressee).toMatch(/^各.+：$/);
    expect((await generate('HALF_YEAR_SUMMARY', '2026-H1')).addressee).toBeUndefined();
    expect((await generate('SPECIAL_REPORT', '2026-H1')).intro[0]?.text).toContain('按照测试区委');
  });

  it('refuses a period a kind does not cover (a 研判报告 is quarterly, a 述职 yearly)', async () => {
    for (const [kind, period] of [
      ['JUDGEMENT_REPORT', '2026-H1'],
      ['DEBRIEF', '2026-Q2'],
      ['SPECIAL_REPORT', '2026'],
    ] as const) {
      const res = await call('leader', 'POST', '/api/reports/summary', { kind, period, org: fx.streetId });
      expect(res.statusCode, `${kind} ${period}`).toBe(400);
      expect(res.json().error.details.fields[0].field).toBe('period');
    }
  });

  it('exports a 专题汇报 as a 公文 DOCX with 主送 under the title', async () => {
    const saved = await saveFinal('SPECIAL_REPORT', '2025-H2');
    const res = await call('leader', 'GET', `/api/reports/summaries/${saved.id}/docx`);
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:h="16838"');
    const texts = [...xml.matchAll(/<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''),
    );
    expect(texts[0]).toBe('测试街道党工委关于2025年下半年意识形态工作情况的专题汇报');
    // Title, a blank line, then the 主送 flush left.
    expect(texts[1]).toBe('');
    expect(texts[2]).toBe('测试区委：');
    expect(texts).toContain('一、基本情况');
    expect(texts).toContain('四、下一步打算');
  });
});

/** The period name a kind's fixed period has in the title. */
function periodNameOf(kind: ReportKind): string {
  const p = periodFromCode(PERIOD_OF[kind]);
  if (p.kind === 'YEAR') return `${p.year}年全年`;
  if (p.kind === 'HALF') return `${p.year}年${p.index === 1 ? '上半年' : '下半年'}`;
  return `${p.year}年第一季度`;
}

describe('报送', () => {
  let report: SavedSummary;
  let sent: ReportSubmission;

  it('refuses a draft, an org not above, a day after today, and a secretary', async () => {
    const draft = await call('leader', 'POST', '/api/reports/summaries', {
      kind: 'SPECIAL_REPORT',
      period: '2026-H1',
      org: fx.streetId,
      content: await generate('SPECIAL_REPORT', '2026-H1'),
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const body = { sentOn: '2026-06-18', docNumber: '测试工委〔2026〕12号' };
    const early = await call('leader', 'POST', `/api/reports/summaries/${draft.json().id}/submit`, body);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.key).toBe('report.notFinal');
    expect(await reportDraftState(t.prisma, fx.streetId, 'SPECIAL_REPORT', '2026-H1')).toBe('DRAFT');

    const final = await call('leader', 'POST', `/api/reports/summaries/${draft.json().id}/finalize`);
    expect(final.statusCode, final.body).toBe(200);
    report = final.json() as SavedSummary;
    expect(await reportDraftState(t.prisma, fx.streetId, 'SPECIAL_REPORT', '2026-H1')).toBe('FINAL');
    expect(await reportDraftState(t.prisma, fx.streetId, 'BRIEFING', '2026-H1')).toBe('NONE');
    // The calendar asks for many at once: each answered in the order asked, by its own org and period.
    expect(
      await reportDraftStates(t.prisma, 'SPECIAL_REPORT', [
        { orgId: fx.streetId, periodCode: '2026-H2' },
        { orgId: fx.streetId, periodCode: '2026-H1' },
        { orgId: fx.branchAId, periodCode: '2026-H1' },
      ]),
    ).toEqual(['NONE', 'FINAL', 'NONE']);

    const url = `/api/reports/summaries/${report.id}/submit`;
    for (const toOrg of [fx.branchAId, fx.streetId, lv.street2Id]) {
      const res = await call('leader', 'POST', url, { ...body, toOrg });
      expect(res.statusCode, toOrg).toBe(400);
      expect(res.json().error.key).toBe('report.toNotAbove');
    }
    const future = await call('leader', 'POST', url, { ...body, sentOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.key).toBe('report.sentInFuture');
    expect((await call('secA', 'POST', url, body)).statusCode).toBe(403);
    expect((await call('auditor', 'POST', url, body)).statusCode).toBe(403);
    expect((await call('leader', 'POST', url, body, { 'if-match': '"99"' })).statusCode).toBe(412);
    expect(await t.prisma.reportSubmission.count()).toBe(0);
  });

  it('sends a FINAL report to the org above once: a retry answers the same, a second 报送 is 409; audited', async () => {
    const url = `/api/reports/summaries/${report.id}/submit`;
    const body = { sentOn: '2026-06-18', docNumber: '测试工委〔2026〕12号' };
    const key = { 'idempotency-key': 'submit-special-report-1' };
    const first = await call('leader', 'POST', url, body, key);
    expect(first.statusCode, first.body).toBe(201);
    sent = first.json() as ReportSubmission;
    expect(sent).toMatchObject({
      kind: 'SPECIAL_REPORT',
      periodCode: '2026-H1',
      orgId: fx.streetId,
      toOrgId: lv.districtId,
      toOrgName: '测试区委',
      sentOn: '2026-06-18',
      docNumber: '测试工委〔2026〕12号',
      title: '测试街道党工委关于2026年上半年意识形态工作情况的专题汇报',
    });
    const retry = await call('leader', 'POST', url, body, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(sent.id);
    const again = await call('leader', 'POST', url, { ...body, docNumber: '测试工委〔2026〕13号' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.key).toBe('report.alreadySent');
    expect(await t.prisma.reportSubmission.count()).toBe(1);
    const audit = await t.prisma.auditEvent.findMany({ where: { entityType: 'ReportSubmission', entityId: sent.id } });
    expect(audit.map((a) => a.action)).toEqual(['CREATE']);
  });

  it('makes a report duty DRAFT while its report is drafted or 定稿 and unsent, DONE once sent by its day', async () => {
    // The calendar (ADR 045) reads the 报送 figure for DONE and the report's draft for DRAFT; the
    // report kind is the figure's part, so each report duty follows its own kind of report only.
    const street = await t.prisma.orgUnit.findUniqueOrThrow({ where: { id: fx.streetId } });
    const line = async (kind: string, now: string) =>
      (await dutyLines(t.prisma, [street], 2026, new Date(now))).find((l) => l.kind === kind && l.window === '2026-H1');
    const june19 = '2026-06-19T12:00:00+08:00';
    expect(await line('SPECIAL_REPORT', june19)).toMatchObject({
      state: 'DONE',
      done: 1,
      doneByDue: 1,
      overdue: false,
    });
    expect(await line('BRIEFING', june19)).toMatchObject({ state: 'NOT_STARTED', done: 0 });
    // A 通报 drafted, then 定稿: DRAFT until its day (the half's last) is over, then LATE and overdue.
    const draft = await call('leader', 'POST', '/api/reports/summaries', {
      kind: 'BRIEFING',
      period: '2026-H1',
      org: fx.streetId,
      content: await generate('BRIEFING', '2026-H1'),
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(await line('BRIEFING', june19)).toMatchObject({ state: 'DRAFT', done: 0, overdue: false });
    const final = await call('leader', 'POST', `/api/reports/summaries/${draft.json().id}/finalize`);
    expect(final.statusCode, final.body).toBe(200);
    expect(await line('BRIEFING', june19)).toMatchObject({ state: 'DRAFT', overdue: false });
    expect(await line('BRIEFING', '2026-07-01T00:00:00+08:00')).toMatchObject({ state: 'LATE', overdue: true });
    // The 专题汇报 sent after its day: LATE, not overdue.
    await t.prisma.reportSubmission.update({
      where: { id: sent.id },
      data: { sentAt: new Date('2026-06-25T10:00:00+08:00') },
    });
    expect(await line('SPECIAL_REPORT', '2026-06-26T12:00:00+08:00')).toMatchObject({
      state: 'LATE',
      done: 1,
      doneByDue: 0,
      overdue: false,
    });
    await t.prisma.reportSubmission.update({
      where: { id: sent.id },
      data: { sentAt: new Date('2026-06-18T10:00:00+08:00') },
    });
  });

  it('lists it as received for the org above only: its leaders, reviewers and auditors', async () => {
    const received = (who: string, org: string) => call(who, 'GET', `/api/report-submissions?received=1&org=${org}`);
    for (const who of ['dLeader', 'dReviewer']) {
      const res = await received(who, lv.districtId);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().items.map((i: ReportSubmission) => i.id)).toEqual([sent.id]);
    }
    // The street sent it: not in its own inbox; it cannot read the 区's inbox; the sibling street sees nothing.
    expect((await received('leader', fx.streetId)).json().items).toEqual([]);
    expect((await received('leader', lv.districtId)).statusCode).toBe(404);
    expect((await received('s2Leader', lv.street2Id)).json().items).toEqual([]);
    expect((await received('s2Leader', lv.districtId)).statusCode).toBe(404);
    // The sender's list shows it too, and the 区's receiving leader is told in the bell.
    const own = await call('leader', 'GET', `/api/report-submissions?org=${fx.streetId}&kind=SPECIAL_REPORT`);
    expect(own.json().items.map((i: ReportSubmission) => i.id)).toEqual([sent.id]);
    const bell = (who: string) =>
      call(who, 'GET', '/api/notifications').then((r) => r.json().items as { kind: string; entityId: string }[]);
    expect(await bell('dLeader')).toContainEqual(
      expect.objectContaining({ kind: 'REPORT_RECEIVED', entityId: sent.id }),
    );
    expect((await bell('leader')).some((n) => n.kind === 'REPORT_RECEIVED')).toBe(false);
    expect((await bell('dReviewer')).some((n) => n.kind === 'REPORT_RECEIVED')).toBe(false);
  });

  it('counts it under SPECIAL_REPORT_SENT on its day, for the street and the 区 above, equal to its drill', async () => {
    const h1 = periodFromCode('2026-H1');
    const day = (d: string) => new Date(`${d}T00:00:00+08:00`);
    const [street, district, street2, before] = await countFiguresBetween(t.prisma, [
      { figure: 'SPECIAL_REPORT_SENT', orgId: fx.streetId, from: h1.startsAt, to: h1.endsAt },
      { figure: 'SPECIAL_REPORT_SENT', orgId: lv.districtId, from: h1.startsAt, to: h1.endsAt },
      { figure: 'SPECIAL_REPORT_SENT', orgId: lv.street2Id, from: h1.startsAt, to: h1.endsAt },
      { figure: 'SPECIAL_REPORT_SENT', orgId: fx.streetId, from: h1.startsAt, to: day('2026-06-18') },
    ]);
    expect([street, district, street2, before]).toEqual([1, 1, 0, 0]);
    const [briefings] = await countFiguresBetween(t.prisma, [
      { figure: 'BRIEFING_SENT', orgId: fx.streetId, from: h1.startsAt, to: h1.endsAt },
    ]);
    expect(briefings).toBe(0);
    // The rollups say the same for the half.
    const rolled = await t.prisma.$queryRaw<{ n: number }[]>`
      SELECT coalesce(sum(n), 0)::int AS n FROM (
        SELECT n FROM "CountRollup" WHERE "orgId" = ${fx.streetId}::uuid AND month = '2026-H1' AND source = 'report_sent' AND part = 'SPECIAL_REPORT'
        UNION ALL SELECT n FROM "CountDelta" WHERE "orgId" = ${fx.streetId}::uuid AND month = '2026-H1' AND source = 'report_sent' AND part = 'SPECIAL_REPORT') r`;
    expect(rolled[0]?.n).toBe(1);
    const drill = figureDrill('SPECIAL_REPORT_SENT', fx.streetId, {
      from: '2026-01-01',
      to: '2026-06-30',
      period: '2026-H1',
    });
    expect(drill.list).toBe('/api/report-submissions');
    expect((await listAll('dLeader', drill)).map((i) => i.id)).toEqual([sent.id]);
  });
});
