// 上期问题整改 (issue 19 part C, ADR 047): the problems a FINAL 工作总结 names in its 存在问题
// section become rectifications of source SUMMARY linked to it — once per problem however often
// the 总结 is finalised or re-versioned — and the next period's 总结 and 专题汇报 open with
// "上期问题整改情况": each problem, its state, measure and closing note, linked to its item.
import type { Rectification } from '@dutyboard/contracts/rectifications';
import type { SavedSummary, SummaryContent } from '@dutyboard/contracts/reports';
import { allFigures } from '@dutyboard/contracts/summary-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let t: TestContext;
let fx: Fixture;
let leader: string;

const PROBLEMS = ['任务交办不明确，责任目标不清晰', '学习不够深入', '干部培训不规范'];

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers = {}) {
  return t.app.inject({ method, url, payload: payload as never, headers: { cookie: leader, ...headers } });
}

async function generate(kind: string, period: string): Promise<SummaryContent> {
  const res = await call('POST', '/api/reports/summary', { kind, period, org: fx.streetId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().content as SummaryContent;
}

/** The generated 总结 with its 存在问题 written as the given points ("一是…。"). */
async function summaryWith(problems: string[]): Promise<SummaryContent> {
  const content = await generate('HALF_YEAR_SUMMARY', '2026-H1');
  const at = content.sections.findIndex((s) => s.heading.endsWith('存在的困难和问题'));
  expect(at).toBeGreaterThanOrEqual(0);
  const leads = ['一是', '二是', '三是', '四是', '五是'];
  (content.sections[at] as SummaryContent['sections'][number]).paragraphs = problems.map((p, i) => ({
    text: `${leads[i]}${p}。`,
    figures: [],
  }));
  return content;
}

async function save(content: SummaryContent): Promise<SavedSummary> {
  const res = await call('POST', '/api/reports/summaries', { period: '2026-H1', org: fx.streetId, content });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as SavedSummary;
}

async function finalize(s: SavedSummary) {
  return call('POST', `/api/reports/summaries/${s.id}/finalize`, undefined, { 'if-match': `"${s.version}"` });
}

async function items(): Promise<Rectification[]> {
  const res = await call('GET', `/api/rectifications?org=${fx.streetId}&source=SUMMARY&sort=createdAt`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Rectification[];
}

beforeAll(async () => {
  t = await createTestContext();
  fx = await seedFixture(t.prisma);
  leader = await login(t.app, 'leader');
});
afterAll(() => t?.close());

describe('上期问题整改', () => {
  let v1: SavedSummary;

  it('a draft tracks nothing; 定稿 tracks each problem once, linked to the version, due by the next half', async () => {
    v1 = await save(await summaryWith(PROBLEMS));
    expect(await items()).toEqual([]);
    const final = await finalize(v1);
    expect(final.statusCode, final.body).toBe(200);
    const made = await items();
    expect(made.map((r) => r.problem)).toEqual(PROBLEMS);
    for (const r of made) {
      expect(r).toMatchObject({
        source: 'SUMMARY',
        status: 'OPEN',
        reportDraftId: v1.id,
        orgId: fx.streetId,
        ownerName: null,
        deadline: '2026-12-31',
      });
    }
    expect(made[1]?.findingRef).toBe('2026年上半年工作总结（第1版）问题2');
    // Audited as any created rectification.
    const audited = await t.prisma.auditEvent.count({
      where: { entityType: 'Rectification', action: 'CREATE', entityId: { in: made.map((r) => r.id) } },
    });
    expect(audited).toBe(3);
  });

  it('finalising again is refused and a new FINAL version adds only the new problems: nothing doubled, nothing lost', async () => {
    const again = await call('POST', `/api/reports/summaries/${v1.id}/finalize`);
    expect(again.statusCode).toBe(409);
    expect((await items()).length).toBe(3);

    // Version 2 drops one problem and names a new one.
    const v2 = await save(
      await summaryWith([PROBLEMS[0] as string, PROBLEMS[2] as string, '阵地建设有待加强，宣传覆盖面不够']),
    );
    expect((await finalize(v2)).statusCode).toBe(200);
    const all = await items();
    expect(all.map((r) => r.problem)).toEqual([...PROBLEMS, '阵地建设有待加强，宣传覆盖面不够']);
    expect(all[3]?.reportDraftId).toBe(v2.id);
    expect(new Set(all.map((r) => r.problem)).size).toBe(4);
  });

  it('an item keeps its source: owner and due day are set on the list, SUMMARY cannot be typed or dropped', async () => {
    const [first] = await items();
    const set = await call(
      'PATCH',
      `/api/rectifications/${first?.id}`,
      {
        ownerName: '张卫国',
        deadline: '2026-09-30',
        measure: '制定责任清单，逐项明确责任人和完成时限',
        status: 'IN_PROGRESS',
      },
      { 'if-match': `"${first?.version}"` },
    );
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ ownerName: '张卫国', deadline: '2026-09-30', source: 'SUMMARY' });
    const drop = await call(
      'PATCH',
      `/api/rectifications/${first?.id}`,
      { source: 'SELF_CHECK' },
      {
        'if-match': `"${set.json().version}"`,
      },
    );
    expect(drop.statusCode).toBe(400);
    const typed = await call('POST', '/api/rectifications', {
      orgId: fx.streetId,
      problem: '手工问题',
      source: 'SUMMARY',
    });
    expect(typed.statusCode).toBe(400);
  });

  it('the next 总结 and 专题汇报 open with 上期问题整改情况: each problem, its state, measure and note, linked', async () => {
    const [, second] = await items();
    await t.prisma.rectification.update({
      where: { id: second?.id },
      data: { status: 'DONE', closedAt: new Date('2026-08-20T02:00:00Z'), closingNote: '已开展专题读书班' },
    });
    for (const kind of ['HALF_YEAR_SUMMARY', 'SPECIAL_REPORT']) {
      const content = await generate(kind, '2026-H2');
      const first = content.sections[0];
      expect(first?.heading, kind).toBe('一、上期问题整改情况');
      const text = first?.paragraphs.map((p) => p.text) ?? [];
      expect(text[0]).toBe('2026年上半年工作总结查摆的4项问题均已建立整改台账，其中已完成整改1项，3项正在推进。');
      expect(text[1]).toBe(
        '一是“任务交办不明确，责任目标不清晰”：正在整改，整改措施：制定责任清单，逐项明确责任人和完成时限。',
      );
      expect(text[2]).toBe('二是“学习不够深入”：已完成整改，已开展专题读书班。');
      expect(text[3]).toBe('三是“干部培训不规范”：尚未整改。');
      expect(text).toHaveLength(5);
      // The rest renumbered after it.
      expect(content.sections.filter((s) => s.level === 1)[1]?.heading).toMatch(/^二、/);
      // Each figure's list holds exactly that many items.
      for (const f of allFigures({ ...content, sections: [first as never] })) {
        const res = await call('GET', `${f.drill?.list}?${new URLSearchParams(f.drill?.query)}`);
        expect(res.json().items.length, `${kind} ${f.key}`).toBe(f.value);
      }
    }
    // A period whose previous half has no FINAL 总结 opens without it.
    const h1 = await generate('SPECIAL_REPORT', '2026-H1');
    expect(h1.sections[0]?.heading).toBe('一、基本情况');
  });
});
