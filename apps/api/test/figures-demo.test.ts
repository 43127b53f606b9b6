// The 2026-H1 demo (docs/demo-data.md): the leader's dashboard and the generated 工作总结 quote the
// same 中心组 figure (issue 14). A 中心组专题学习研讨 is 中心组学习 and 专题研讨 (figures.ts), so the
// dashboard's CENTRAL_GROUP_STUDY, the summary's 中心组 sentence and its problems section agree.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import type { SummaryContent } from '@dutyboard/contracts/reports';
import { allFigures } from '@dutyboard/contracts/summary-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, summaryHalf } from '../../../prisma/seed.ts';
import { hashPassword } from '../src/services/auth/passwords.ts';
import { login } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

const DEMO_PASSWORD = 'demo-password-for-tests';

describe('the demo half year: dashboard and summary agree on 中心组', () => {
  let demo: TestContext;
  let dashboard: Dashboard;
  let content: SummaryContent;
  let text: string;
  const now = new Date();
  const half = summaryHalf(now);

  beforeAll(async () => {
    demo = await createTestContext();
    await seedDemo(demo.prisma, { password: DEMO_PASSWORD, hashPassword, now });
    const leader = await login(demo.app, 'leader', DEMO_PASSWORD);
    const streetId = (await demo.prisma.orgUnit.findFirstOrThrow({ where: { code: 'CN' } })).id;
    const d = await demo.app.inject({
      method: 'GET',
      url: `/api/dashboard?period=${half.code}&org=${streetId}`,
      headers: { cookie: leader },
    });
    expect(d.statusCode, d.body).toBe(200);
    dashboard = d.json();
    const s = await demo.app.inject({
      method: 'POST',
      url: '/api/reports/summary',
      headers: { cookie: leader },
      payload: { period: half.code, org: streetId },
    });
    expect(s.statusCode, s.body).toBe(200);
    content = s.json().content;
    text = [...content.intro, ...content.sections.flatMap((x) => x.paragraphs)].map((p) => p.text).join('\n');
  });
  afterAll(() => demo?.close());

  const kpi = (metric: string) => {
    const k = dashboard.kpis.find((x) => x.metric === metric);
    if (!k) throw new Error(`no ${metric}`);
    return k;
  };

  it('counts the 5 中心组专题学习研讨 as 中心组学习 (5/6) and as 专题研讨 (6/6)', () => {
    expect(kpi('CENTRAL_GROUP_STUDY')).toMatchObject({ done: 5, target: 6 });
    expect(kpi('SEMINAR')).toMatchObject({ done: 6, target: 6 });
  });

  it('quotes the dashboard 中心组 figure in the study paragraph and in the problems, never 0', () => {
    const k = kpi('CENTRAL_GROUP_STUDY');
    // The study paragraph: all 5 of the 中心组's sessions were 专题学习研讨, so one sentence says both.
    const quoted = allFigures(content).filter((f) => ['study.centralGroup', 'seminar.study'].includes(f.key));
    expect(quoted.map((f) => f.value)).toContain(k.done);
    expect(text).toContain(`开展中心组专题学习研讨${k.done}次`);
    // The problems section: the same done and target as the dashboard (5 of 6, AMBER), never 0.
    expect(k.status).not.toBe('GREEN');
    expect(allFigures(content).find((f) => f.key === 'gap.CENTRAL_GROUP_STUDY')?.value).toBe(k.done);
    expect(text).toContain(`中心组集中学习完成${k.done}次，计划${k.target}次`);
    expect(text).not.toMatch(/中心组[^，。；]*完成0次/);
  });

  it('drills 中心组 to exactly its records: the 5 seminars on study topics', async () => {
    const drill = kpi('CENTRAL_GROUP_STUDY').drill;
    expect(drill?.query.figure).toBe('CENTRAL_GROUP_STUDY');
    const res = await demo.app.inject({
      method: 'GET',
      url: `${drill?.list}?${new URLSearchParams({ ...drill?.query, limit: '100' })}`,
      headers: { cookie: await login(demo.app, 'leader', DEMO_PASSWORD) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { kind: string; topic: string }[];
    expect(items).toHaveLength(kpi('CENTRAL_GROUP_STUDY').done);
    for (const i of items) expect(i.topic).toContain('中心组专题学习研讨');
  });
});
