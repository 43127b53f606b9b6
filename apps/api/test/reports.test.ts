// 工作总结 (issue 5): the draft generated from the demo seed quotes the source summary's figures
// (1 专题研讨会, 5 中心组专题学习研讨, 70余场次 activities, 1 item reported to 市网信办) and each
// figure's drill lists exactly its records; the DOCX has the 公文 page, fonts and sizes; drafts are
// saved, listed, edited with If-Match and audited, within each role's reach.
import type { SavedSummary, SummaryContent, SummaryFigure } from '@dutyboard/contracts/reports';
import { allFigures } from '@dutyboard/contracts/summary-text';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, summaryHalf } from '../../../prisma/seed.ts';
import { hashPassword } from '../src/services/auth/passwords.ts';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

const DEMO_PASSWORD = 'demo-password-for-tests';

/** Every record a drill's list shows, all pages. */
async function listAll(
  t: TestContext,
  cookie: string,
  drill: { list: string; query: Record<string, string> },
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...drill.query, limit: '100', ...(cursor ? { cursor } : {}) });
    const res = await t.app.inject({ method: 'GET', url: `${drill.list}?${query}`, headers: { cookie } });
    expect(res.statusCode, `${drill.list}?${query} → ${res.body}`).toBe(200);
    const page = res.json() as { items: Record<string, unknown>[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const figureOf = (content: SummaryContent, key: string): SummaryFigure => {
  const f = allFigures(content).find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
};

// ---------------------------------------------------------------------------------------------
// DOCX reading helpers: paragraphs of word/document.xml with their text and properties.

const unescapeXml = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] as string,
  );

interface XmlParagraph {
  xml: string;
  text: string;
}

function paragraphsOf(xml: string): XmlParagraph[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1] ?? '')).join(''),
  }));
}

/** The value of attribute `attr` on the first `<tag …>` in `xml`. */
function attrOf(xml: string, tag: string, attr: string): string | undefined {
  const el = xml.match(new RegExp(`<${tag}(?= |/|>)[^>]*>`))?.[0];
  return el?.match(new RegExp(` ${attr}="([^"]*)"`))?.[1];
}

function docxParts(body: Buffer) {
  const files = unzipSync(new Uint8Array(body));
  const read = (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`${name} missing from the docx`);
    return strFromU8(f);
  };
  const document = read('word/document.xml');
  const rels = read('word/_rels/document.xml.rels');
  const footer = (type: 'default' | 'even') => {
    const id = document.match(new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`))?.[1];
    const target = id && rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1];
    if (!target) throw new Error(`no ${type} footer`);
    return read(`word/${target}`);
  };
  return { document, settings: read('word/settings.xml'), footer };
}

// ---------------------------------------------------------------------------------------------
// The demo seed (docs/demo-data.md), run into its own database the way seed.test.ts does.

describe('the summary of the demo half year', () => {
  let demo: TestContext;
  let leader: string;
  let streetId: string;
  let content: SummaryContent;
  const now = new Date();
  const half = summaryHalf(now);

  beforeAll(async () => {
    demo = await createTestContext();
    await seedDemo(demo.prisma, { password: DEMO_PASSWORD, hashPassword, now });
    leader = await login(demo.app, 'leader', DEMO_PASSWORD);
    streetId = (await demo.prisma.orgUnit.findFirstOrThrow({ where: { code: 'CN' } })).id;
    const res = await demo.app.inject({
      method: 'POST',
      url: '/api/reports/summary',
      headers: { cookie: leader },
      payload: { period: half.code, org: streetId },
    });
    expect(res.statusCode, res.body).toBe(200);
    content = res.json().content;
  });
  afterAll(() => demo?.close());

  it('quotes the source summary: 1 专题研讨会, 5 中心组专题学习研讨, 70余场次 activities, 1 item reported to 市网信办', () => {
    expect(figureOf(content, 'seminar.ideology')).toMatchObject({ value: 1, display: '1次' });
    expect(figureOf(content, 'seminar.study')).toMatchObject({ value: 5, display: '5次' });
    expect(figureOf(content, 'activity')).toMatchObject({ value: 73, display: '70余场次' });
    expect(figureOf(content, 'alert.reported')).toMatchObject({ value: 1, display: '1条' });
    const text = [...content.intro, ...content.sections.flatMap((s) => s.paragraphs)].map((p) => p.text).join('\n');
    expect(text).toContain('组织召开意识形态工作专题研讨会1次');
    expect(text).toContain('开展中心组专题学习研讨5次');
    expect(text).toContain('开展主题活动70余场次，其中');
    expect(text).toContain('报送市网信办1条');
    expect(text).toContain('张卫国履行意识形态工作第一责任人职责');
    expect(text).toContain(
      '3月制定年度意识形态工作方案、成立意识形态工作领导小组，4月制定中心组理论学习方案和学习计划',
    );
    // The open rectifications are the source summary's problems.
    expect(text).toContain('部分支部意识形态工作任务和职责不够清晰');
    expect(content.title).toBe(`城南街道党工委\n${half.year}年上半年意识形态工作总结`);
  });

  it('links the 1 and the 5 to exactly those seminars, the 70余 to the 73 activities, the 1 to the reported alert', async () => {
    const seminars = await demo.prisma.studySession.findMany({
      where: { kind: 'SEMINAR', occurredAt: { gte: half.startsAt, lt: half.endsAt } },
    });
    const topics = (ideology: boolean) =>
      seminars
        .filter((s) => (s.topicCategory === 'IDEOLOGY_WORK') === ideology)
        .map((s) => s.topic)
        .sort();

    const ideology = await listAll(demo, leader, figureOf(content, 'seminar.ideology').drill as never);
    expect(ideology.map((s) => s.topic).sort()).toEqual(topics(true));
    expect(ideology).toHaveLength(1);

    const study = await listAll(demo, leader, figureOf(content, 'seminar.study').drill as never);
    expect(study.map((s) => s.topic).sort()).toEqual(topics(false));
    expect(study).toHaveLength(5);

    const activities = await listAll(demo, leader, figureOf(content, 'activity').drill as never);
    expect(activities).toHaveLength(73);

    const reported = await listAll(demo, leader, figureOf(content, 'alert.reported').drill as never);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ level: 'LEVEL_3', receiptNumber: `SWX-${half.year}-0416-07` });
  });

  it('links every other count in the draft to a list holding exactly that many records', async () => {
    const checked: string[] = [];
    for (const f of allFigures(content)) {
      // A duration's value is minutes; its link shows the alerts it is the mean of.
      if (!f.drill || f.key === 'alert.avgReportTime') continue;
      const items = await listAll(demo, leader, f.drill);
      expect(items.length, `${f.key} "${f.display}"`).toBe(f.value);
      checked.push(f.key);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'duty.firstResponsible',
        'duty.areas',
        'duty.tasksDone',
        'riskPoints',
        'gap.openRectifications',
      ]),
    );
  });

  it('exports a 公文 DOCX: A4, GB/T 9704 margins, 22 lines a page, the fonts and sizes of title, body and headings', async () => {
    const res = await demo.app.inject({
      method: 'GET',
      url: `/api/reports/summary.docx?period=${half.code}&org=${streetId}`,
      headers: { cookie: leader },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(`summary-${half.code}.docx`);
    const { document, settings, footer } = docxParts(res.rawPayload);

    // A4 in twips; margins 37/35/28/26 mm at 1440 / 25.4 twips a millimetre, rounded.
    expect(attrOf(document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attrOf(document, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attrOf(document, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attrOf(document, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attrOf(document, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attrOf(document, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attrOf(document, 'w:docGrid', 'w:linePitch')).toBe('579');

    const paragraphs = paragraphsOf(document);
    const find = (text: string) => {
      const p = paragraphs.find((x) => x.text.includes(text));
      if (!p) throw new Error(`no paragraph with ${text}`);
      return p.xml;
    };

    const title = find('意识形态工作总结');
    expect(attrOf(title, 'w:jc', 'w:val')).toBe('center');
    expect(attrOf(title, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attrOf(title, 'w:rFonts', 'w:ascii')).toBe('方正小标宋简体');
    expect(attrOf(title, 'w:sz', 'w:val')).toBe('44');
    expect(title).toContain('<w:br/>'); // org on the first line, subject on the second

    const body = find('开展主题活动70余场次');
    expect(attrOf(body, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attrOf(body, 'w:rFonts', 'w:hAnsi')).toBe('仿宋_GB2312');
    expect(attrOf(body, 'w:sz', 'w:val')).toBe('32');
    expect(attrOf(body, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attrOf(body, 'w:ind', 'w:firstLine')).toBe('640');
    expect(attrOf(body, 'w:spacing', 'w:line')).toBe('579');
    expect(attrOf(body, 'w:spacing', 'w:lineRule')).toBe('exact');

    const h1 = find('一、主要做法');
    expect(attrOf(h1, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attrOf(h1, 'w:sz', 'w:val')).toBe('32');
    const h2 = find('（一）');
    expect(attrOf(h2, 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
    expect(attrOf(h2, 'w:sz', 'w:val')).toBe('32');

    for (const text of ['组织召开意识形态工作专题研讨会1次', '开展中心组专题学习研讨5次', '报送市网信办1条'])
      find(text);

    // 落款: the date four characters (4 × 16 pt = 1280 twips) in from the right, the 署名 centred
    // over it: their centres meet (a digit is half a character wide).
    const [orgLine, dateLine] = paragraphs.slice(-2);
    expect(dateLine?.text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    const widthOf = (text: string) => [...text].reduce((w, ch) => w + (/\d/.test(ch) ? 0.5 : 1), 0);
    const orgRight = Number(attrOf(orgLine?.xml ?? '', 'w:ind', 'w:right'));
    const dateRight = Number(attrOf(dateLine?.xml ?? '', 'w:ind', 'w:right'));
    expect(dateRight).toBe(1280);
    expect(orgRight + (widthOf(orgLine?.text ?? '') * 320) / 2).toBeCloseTo(
      dateRight + (widthOf(dateLine?.text ?? '') * 320) / 2,
      0,
    );

    // Page numbers "— 1 —" in 4号: odd pages right, even pages left.
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const xml = footer(type);
      expect(xml).toMatch(/>\s*PAGE\s*</);
      expect(paragraphsOf(xml)[0]?.text).toMatch(/^— .*—$/);
      expect(attrOf(xml, 'w:jc', 'w:val')).toBe(side);
      expect(attrOf(xml, 'w:sz', 'w:val')).toBe('28');
      expect(attrOf(xml, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Drafts: permissions, reach, save, edit, 412, audit, exports of a saved draft.

describe('saved summary drafts', () => {
  let ctx: TestContext;
  let fx: Fixture;
  const c: Record<string, string> = {};
  const period = '2026-H1';

  const inject = (
    who: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers = {},
  ) => ctx.app.inject({ method, url, payload: payload as never, headers: { cookie: c[who] ?? '', ...headers } });
  const generate = async (who: string, org: string) => {
    const res = await inject(who, 'POST', '/api/reports/summary', { period, org });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().content as SummaryContent;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    fx = await seedFixture(ctx.prisma);
    for (const u of ['leader', 'auditor', 'secA', 'secB', 'admin']) c[u] = await login(ctx.app, u);
  });
  afterAll(() => ctx?.close());

  it('lets a secretary generate their own branch\u2019s summary but not another branch\u2019s or the street\u2019s', async () => {
    expect((await generate('secA', fx.branchAId)).title).toContain('甲村党支部');
    for (const org of [fx.branchBId, fx.streetId]) {
      const res = await inject('secA', 'POST', '/api/reports/summary', { period, org });
      expect(res.statusCode, res.body).toBe(404);
    }
  });

  it('generates for a half year or a whole year, not a quarter', async () => {
    expect(
      (await inject('auditor', 'POST', '/api/reports/summary', { period: '2026', org: fx.streetId })).statusCode,
    ).toBe(200);
    const quarter = await inject('auditor', 'POST', '/api/reports/summary', { period: '2026-Q1', org: fx.streetId });
    expect(quarter.statusCode).toBe(400);
    expect(quarter.json().error.details.fields[0].field).toBe('period');
  });

  it('saves only for leadership, with its period, org and author, audited, once per Idempotency-Key', async () => {
    const content = await generate('leader', fx.streetId);
    for (const who of ['secA', 'auditor', 'admin']) {
      const res = await inject(who, 'POST', '/api/reports/summaries', { period, org: fx.streetId, content });
      expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
    }
    const key = { 'idempotency-key': 'save-summary-0001' };
    const first = await inject('leader', 'POST', '/api/reports/summaries', { period, org: fx.streetId, content }, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers.etag).toBe('"1"');
    const saved = first.json() as SavedSummary;
    expect(saved).toMatchObject({
      version: 1,
      kind: 'HALF_YEAR_SUMMARY',
      periodCode: period,
      periodName: '2026年上半年',
      orgId: fx.streetId,
      orgName: '测试街道党工委',
      title: '测试街道党工委2026年上半年意识形态工作总结',
      createdById: fx.users.leader,
      createdByName: 'leader',
      content,
    });
    const again = await inject('leader', 'POST', '/api/reports/summaries', { period, org: fx.streetId, content }, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(saved.id);
    expect(await ctx.prisma.reportDraft.count()).toBe(1);
    const audit = await ctx.prisma.auditEvent.findMany({ where: { entityType: 'ReportDraft', entityId: saved.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['CREATE', fx.users.leader]]);
  });

  it('edits with If-Match: the current version saves (audited with before and after), a stale one gets 412', async () => {
    const content = await generate('leader', fx.streetId);
    const created = await inject('leader', 'POST', '/api/reports/summaries', { period, org: fx.streetId, content });
    const id = created.json().id as string;
    const edited: SummaryContent = {
      ...content,
      intro: [{ text: '上半年，测试街道党工委……（修改后的开头）', figures: content.intro[0]?.figures ?? [] }],
    };
    const ok = await inject(
      'leader',
      'PATCH',
      `/api/reports/summaries/${id}`,
      { content: edited },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ version: 2, updatedById: fx.users.leader, content: edited });

    const stale = await inject('leader', 'PATCH', `/api/reports/summaries/${id}`, { content }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('PRECONDITION_FAILED');
    const stored = await inject('auditor', 'GET', `/api/reports/summaries/${id}`);
    expect(stored.json().content.intro[0].text).toBe('上半年，测试街道党工委……（修改后的开头）');
    expect(stored.headers.etag).toBe('"2"');

    const audit = await ctx.prisma.auditEvent.findMany({
      where: { entityType: 'ReportDraft', entityId: id, action: 'UPDATE' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ version: 1 });
    expect(audit[0]?.after).toMatchObject({ version: 2 });

    const auditor = await inject(
      'auditor',
      'PATCH',
      `/api/reports/summaries/${id}`,
      { content },
      { 'if-match': '"2"' },
    );
    expect(auditor.statusCode).toBe(403);
  });

  it('shows a saved draft only within reach: a secretary sees their branch\u2019s, not the street\u2019s or another branch\u2019s', async () => {
    const save = async (org: string) => {
      const res = await inject('leader', 'POST', '/api/reports/summaries', {
        period,
        org,
        content: await generate('leader', org),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const a = await save(fx.branchAId);
    const b = await save(fx.branchBId);
    expect((await inject('secA', 'GET', `/api/reports/summaries/${a}`)).statusCode).toBe(200);
    expect((await inject('secA', 'GET', `/api/reports/summaries/${b}`)).statusCode).toBe(404);
    const street = (await inject('leader', 'GET', `/api/reports/summaries?period=${period}&org=${fx.streetId}`)).json();
    expect(street.items.length).toBeGreaterThan(0);
    expect((await inject('secA', 'GET', `/api/reports/summaries/${street.items[0].id}`)).statusCode).toBe(404);
    expect((await inject('secA', 'GET', `/api/reports/summaries/${b}/docx`)).statusCode).toBe(404);

    const mine = await inject('secA', 'GET', `/api/reports/summaries?period=${period}`);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([a]);
    expect((await inject('secA', 'GET', `/api/reports/summaries?org=${fx.branchBId}`)).statusCode).toBe(404);
  });

  it('refuses a draft whose figure links to a list a summary does not link to', async () => {
    const content = await generate('leader', fx.streetId);
    const bad = structuredClone(content);
    bad.intro[0]?.figures.push({
      key: 'x',
      label: 'x',
      value: 1,
      display: 'x',
      drill: { list: '/api/users' as never, query: {} },
    });
    const res = await inject('leader', 'POST', '/api/reports/summaries', { period, org: fx.streetId, content: bad });
    expect(res.statusCode).toBe(400);
  });

  it('exports the saved (edited) text as DOCX and as an escaped print page', async () => {
    const content = await generate('leader', fx.streetId);
    const edited = structuredClone(content);
    edited.intro = [{ text: '开头<script>alert(1)</script>已修改', figures: [] }];
    const id = (
      await inject('leader', 'POST', '/api/reports/summaries', { period, org: fx.streetId, content: edited })
    ).json().id as string;

    const docx = await inject('auditor', 'GET', `/api/reports/summaries/${id}/docx`);
    expect(docx.statusCode).toBe(200);
    const { document } = docxParts(docx.rawPayload);
    expect(paragraphsOf(document).some((p) => p.text === '开头<script>alert(1)</script>已修改')).toBe(true);

    const print = await inject('secB', 'GET', `/api/reports/summaries/${id}/print`);
    expect(print.statusCode).toBe(404);
    const html = await inject('auditor', 'GET', `/api/reports/summaries/${id}/print`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).toContain('开头&lt;script&gt;alert(1)&lt;/script&gt;已修改');
    expect(html.body).not.toContain('<script>');
    expect(html.body).toContain('@page');

    const generated = await inject('secA', 'GET', `/api/reports/summary/print?period=${period}&org=${fx.branchAId}`);
    expect(generated.statusCode).toBe(200);
    expect(generated.body).toContain('甲村党支部');
  });
  // Versions, 定稿, delete and the 成文日期 (issue 16.8, ADR 033): each period's summary of an org
  // is one document whose saves are its versions.
  describe('versions of one document', () => {
    const versionsPeriod = '2026';
    const saveVersion = async (org: string, content: SummaryContent) => {
      const res = await inject('leader', 'POST', '/api/reports/summaries', { period: versionsPeriod, org, content });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as SavedSummary;
    };
    const generateYear = async (org: string) => {
      const res = await inject('leader', 'POST', '/api/reports/summary', { period: versionsPeriod, org });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().content as SummaryContent;
    };

    it('numbers the saves of one org and period 1, 2, 3, and another org\u2019s from 1 again', async () => {
      const content = await generateYear(fx.streetId);
      const numbers: number[] = [];
      for (let i = 0; i < 3; i++) numbers.push((await saveVersion(fx.streetId, content)).number);
      expect(numbers).toEqual([1, 2, 3]);
      expect((await saveVersion(fx.branchAId, await generateYear(fx.branchAId))).number).toBe(1);

      const list = await inject('auditor', 'GET', `/api/reports/summaries?period=${versionsPeriod}&org=${fx.streetId}`);
      const items = list.json().items as SavedSummary[];
      expect(items.map((i) => [i.number, i.state])).toEqual([
        [3, 'DRAFT'],
        [2, 'DRAFT'],
        [1, 'DRAFT'],
      ]);
      // The title is the document's: one title over its versions.
      expect(new Set(items.map((i) => i.title)).size).toBe(1);
    });

    it('numbers concurrent saves without a gap or a repeat', async () => {
      const content = await generateYear(fx.branchBId);
      const saved = await Promise.all([0, 1, 2, 3].map(() => saveVersion(fx.branchBId, content)));
      expect(saved.map((s) => s.number).sort()).toEqual([1, 2, 3, 4]);
    });

    it('locks a version on 定稿: no edit (a keyed 409), no second 定稿, a new version made from it instead', async () => {
      const content = await generateYear(fx.streetId);
      const draft = await saveVersion(fx.streetId, content);
      for (const who of ['auditor', 'secA', 'admin']) {
        const res = await inject(who, 'POST', `/api/reports/summaries/${draft.id}/finalize`, undefined, {
          'if-match': `"${draft.version}"`,
        });
        expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
      }
      const stale = await inject('leader', 'POST', `/api/reports/summaries/${draft.id}/finalize`, undefined, {
        'if-match': `"${draft.version + 1}"`,
      });
      expect(stale.statusCode).toBe(412);

      const final = await inject('leader', 'POST', `/api/reports/summaries/${draft.id}/finalize`, undefined, {
        'if-match': `"${draft.version}"`,
      });
      expect(final.statusCode, final.body).toBe(200);
      expect(final.json()).toMatchObject({
        id: draft.id,
        number: draft.number,
        state: 'FINAL',
        finalizedById: fx.users.leader,
        finalizedByName: 'leader',
        version: draft.version + 1,
      });
      expect(final.json().finalizedAt).toEqual(expect.any(String));

      const edited = structuredClone(content);
      edited.intro = [{ text: '定稿后还想改的开头', figures: [] }];
      const edit = await inject(
        'leader',
        'PATCH',
        `/api/reports/summaries/${draft.id}`,
        { content: edited },
        { 'if-match': `"${draft.version + 1}"` },
      );
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error).toMatchObject({ code: 'CONFLICT', key: 'summary.final' });
      const again = await inject('leader', 'POST', `/api/reports/summaries/${draft.id}/finalize`);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.key).toBe('summary.final');
      const stored = await inject('leader', 'GET', `/api/reports/summaries/${draft.id}`);
      expect(stored.json().content).toEqual(content);

      // "New version from this": the final text saved again is the next version, a draft.
      const next = await saveVersion(fx.streetId, { ...stored.json().content, intro: edited.intro });
      expect(next).toMatchObject({ number: draft.number + 1, state: 'DRAFT' });

      const audit = await ctx.prisma.auditEvent.findMany({
        where: { entityType: 'ReportDraft', entityId: draft.id },
        orderBy: { at: 'asc' },
      });
      expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
      expect(audit[1]?.before).toMatchObject({ state: 'DRAFT' });
      expect(audit[1]?.after).toMatchObject({ state: 'FINAL', finalizedById: fx.users.leader });
    });

    it('deletes a draft version (audited) but not a 定稿 one, and only for leadership', async () => {
      const content = await generateYear(fx.streetId);
      const draft = await saveVersion(fx.streetId, content);
      for (const who of ['auditor', 'secA', 'admin']) {
        const res = await inject(who, 'DELETE', `/api/reports/summaries/${draft.id}`);
        expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
      }
      const stale = await inject('leader', 'DELETE', `/api/reports/summaries/${draft.id}`, undefined, {
        'if-match': `"${draft.version + 1}"`,
      });
      expect(stale.statusCode).toBe(412);
      const gone = await inject('leader', 'DELETE', `/api/reports/summaries/${draft.id}`, undefined, {
        'if-match': `"${draft.version}"`,
      });
      expect(gone.statusCode, gone.body).toBe(200);
      expect(gone.json()).toEqual({ ok: true });
      expect((await inject('leader', 'GET', `/api/reports/summaries/${draft.id}`)).statusCode).toBe(404);
      const audit = await ctx.prisma.auditEvent.findMany({
        where: { entityType: 'ReportDraft', entityId: draft.id, action: 'DELETE' },
      });
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actorId).toBe(fx.users.leader);
      expect(audit[0]?.before).toMatchObject({ id: draft.id, number: draft.number });

      const kept = await saveVersion(fx.streetId, content);
      const final = await inject('leader', 'POST', `/api/reports/summaries/${kept.id}/finalize`);
      expect(final.statusCode).toBe(200);
      const refused = await inject('leader', 'DELETE', `/api/reports/summaries/${kept.id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'CONFLICT', key: 'summary.finalNoDelete' });
      expect((await inject('leader', 'GET', `/api/reports/summaries/${kept.id}`)).statusCode).toBe(200);
    });

    it('prints the 成文日期 of the document in the DOCX and the print view, not the export day, 署名 centred over it', async () => {
      const content = await generateYear(fx.streetId);
      // Generated with today's Shanghai day; the user picks another.
      expect(content.signOff.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const dated = await saveVersion(fx.streetId, { ...content, signOff: { ...content.signOff, date: '2026-07-05' } });

      const docx = await inject('auditor', 'GET', `/api/reports/summaries/${dated.id}/docx`);
      expect(docx.statusCode).toBe(200);
      const paragraphs = paragraphsOf(docxParts(docx.rawPayload).document);
      const [orgLine, dateLine] = paragraphs.slice(-2);
      expect(orgLine?.text).toBe(content.signOff.org);
      expect(dateLine?.text).toBe('2026年7月5日');
      // Centred: the centres of the two lines meet (a digit is half a character wide).
      const widthOf = (text: string) => [...text].reduce((w, ch) => w + (/\d/.test(ch) ? 0.5 : 1), 0);
      const orgRight = Number(attrOf(orgLine?.xml ?? '', 'w:ind', 'w:right'));
      const dateRight = Number(attrOf(dateLine?.xml ?? '', 'w:ind', 'w:right'));
      expect(orgRight + (widthOf(orgLine?.text ?? '') * 320) / 2).toBeCloseTo(
        dateRight + (widthOf(dateLine?.text ?? '') * 320) / 2,
        0,
      );
      const html = await inject('auditor', 'GET', `/api/reports/summaries/${dated.id}/print`);
      expect(html.body).toContain('>2026年7月5日</p>');

      const words = await inject('leader', 'POST', '/api/reports/summaries', {
        period: versionsPeriod,
        org: fx.streetId,
        content: { ...content, signOff: { ...content.signOff, date: '2026年7月5日' } },
      });
      expect(words.statusCode).toBe(400);
      expect(words.json().error.details.fields[0].field).toBe('content.signOff.date');
    });
  });
});
