// The demo's reports of issue 19 part C (ADR 047), written through the API's report steps in the
// seed's transaction once its records are in (the drafts are generated from them), before the
// 考核 demo scores the 专题汇报 item from its 报送: 城南's first-half 专题汇报
// made FINAL and 报送 to 示范区委 on 18 June with its 文号; its first-half 工作总结 made FINAL with the
// problems the source summary names, which 定稿 turns into 整改 items — two of them done since.
import type { PeriodRef } from '@dutyboard/contracts/periods';
import type { ReportKind } from '@dutyboard/contracts/report-kinds';
import type { SubmitReportInput } from '@dutyboard/contracts/report-submissions';
import type { GeneratedSummary, SavedSummary, SummaryContent } from '@dutyboard/contracts/reports';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { DemoActor } from './seed.ts';

type Tx = Prisma.TransactionClient;

export interface DemoReportSteps {
  generate(
    prisma: PrismaClient,
    user: DemoActor,
    query: { kind: ReportKind; period: PeriodRef; org: string },
    now?: Date,
  ): Promise<GeneratedSummary>;
  save(
    tx: Tx,
    user: DemoActor,
    input: { kind: ReportKind; period: string; org: string; content: SummaryContent },
  ): Promise<SavedSummary>;
  finalize(tx: Tx, user: DemoActor, id: string, version: number | undefined): Promise<SavedSummary>;
  submit(tx: Tx, user: DemoActor, id: string, input: SubmitReportInput, version: number | undefined): Promise<unknown>;
}

/** The source summary's problems (../shared/DOMAIN.md), as the 总结's 存在问题 names them. */
export const DEMO_SUMMARY_PROBLEMS = [
  '任务交办不明确，责任目标不清晰',
  '学习不够深入',
  '干部培训不规范',
  '阵地建设有待加强，宣传覆盖面不够',
] as const;

/** The 专题汇报's 文号. */
export const demoReportDocNumber = (year: number) => `城南工委〔${year}〕12号`;

const LEADS = ['一是', '二是', '三是', '四是'];

/** How the two done items were closed, and the measures of all four (the leader's words). */
const FOLLOW_UP = [
  { measure: '制定党工委意识形态工作责任清单，逐项明确责任人和完成时限', owner: '赵强', done: '责任清单已印发各支部' },
  { measure: '推行“学习+研讨+实践”模式，每季度开展一次专题读书班', owner: '李明', done: '已开展专题读书班2期' },
  { measure: '制定年度干部培训计划，每半年至少集中培训1次', owner: '李明', done: null },
  { measure: '加强阵地建设，拓展新媒体宣传渠道', owner: '王芳', done: null },
] as const;

export async function seedDutyReports(
  tx: Tx,
  steps: DemoReportSteps,
  demo: { leader: DemoActor; streetId: string; h1: PeriodRef; now: Date },
): Promise<void> {
  const { leader, streetId, h1, now } = demo;
  const write = <T>(work: (tx: Tx) => Promise<T>) => work(tx);
  // The generator reads the dashboard through a client; the seed's transaction is one (it only
  // reads, and sees the records the seed wrote before).
  const prisma = tx as unknown as PrismaClient;

  // 专题汇报: drafted from the records, 定稿, 报送 to the 区 on 18 June with its 文号.
  const report = await steps.generate(prisma, leader, { kind: 'SPECIAL_REPORT', period: h1, org: streetId });
  const saved = await write((tx) =>
    steps.save(tx, leader, { kind: 'SPECIAL_REPORT', period: h1.code, org: streetId, content: report.content }),
  );
  const final = await write((tx) => steps.finalize(tx, leader, saved.id, saved.version));
  await write((tx) =>
    steps.submit(
      tx,
      leader,
      final.id,
      { sentOn: `${h1.year}-06-18`, docNumber: demoReportDocNumber(h1.year) },
      final.version,
    ),
  );

  // 工作总结: the leader wrote the source summary's problems into 存在问题, then 定稿.
  const summary = await steps.generate(prisma, leader, { kind: 'HALF_YEAR_SUMMARY', period: h1, org: streetId });
  const content = summary.content;
  const problems = content.sections.find((s) => s.heading.endsWith('存在的困难和问题'));
  if (!problems) throw new Error('the generated summary has no 存在的困难和问题');
  problems.paragraphs = DEMO_SUMMARY_PROBLEMS.map((p, i) => ({ text: `${LEADS[i]}${p}。`, figures: [] }));
  const draft = await write((tx) =>
    steps.save(tx, leader, { kind: 'HALF_YEAR_SUMMARY', period: h1.code, org: streetId, content }),
  );
  const finalSummary = await write((tx) => steps.finalize(tx, leader, draft.id, draft.version));

  // The items 定稿 made: owners and measures set on the list, two closed in the autumn.
  const items = await prisma.rectification.findMany({
    where: { reportDraftId: finalSummary.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  for (const [i, item] of items.entries()) {
    const f = FOLLOW_UP[i];
    if (!f) continue;
    await prisma.rectification.update({
      where: { id: item.id },
      data: {
        ownerName: f.owner,
        measure: f.measure,
        version: { increment: 1 },
        ...(f.done
          ? {
              status: 'DONE',
              // Closed in the autumn, or just before the demo's day when that comes first.
              closedAt: new Date(
                Math.min(Date.parse(`${h1.year}-09-${20 + i}T10:00:00+08:00`), now.getTime() - 3_600_000),
              ),
              closingNote: f.done,
            }
          : { status: 'IN_PROGRESS' }),
      },
    });
  }
}

/** 城南's leader as the report steps take her, and the street, read back from the committed demo. */
export async function demoReportActors(prisma: Tx, h1: PeriodRef, now: Date) {
  const street = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'CN' } });
  const user = await prisma.user.findUniqueOrThrow({ where: { username: 'leader' } });
  const leader: DemoActor = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgId: street.id,
    orgPath: street.path,
    sessionId: 'seed',
  };
  return { leader, streetId: street.id, h1, now };
}
