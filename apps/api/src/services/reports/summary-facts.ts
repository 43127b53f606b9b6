// The figures a 工作总结 is written from, for one period and org subtree within the caller's
// reach. Most come from the dashboard (services/dashboard/dashboard.ts: the same counts, drills
// and gaps the overview shows); what it does not have — who is 第一责任人 and who 分管 what, the
// milestones done and when, seminar subjects, the 阵地 register, the mean time to 报送, alerts
// past their clock, the open problems' wording — is read here, under the same org path and
// period, each with the list request that shows its records. The words are made by the pure
// functions of contracts/summary-text.ts.
import type { Dashboard, DashboardMetric } from '@dutyboard/contracts/dashboard';
import { FIGURES } from '@dutyboard/contracts/figures';
import { labelOf, ORG_LEVEL_UNIT_LABELS } from '@dutyboard/contracts/labels';
import { periodFromCode, shanghaiLocalDate } from '@dutyboard/contracts/periods';
import { periodName } from '@dutyboard/contracts/plan';
import { previousPeriodCode, REPORT_KIND_DEFS } from '@dutyboard/contracts/report-kinds';
import { type GeneratedSummary, SUMMARY_KIND, type SummaryRequestSchema } from '@dutyboard/contracts/reports';
import {
  ACTIVITY_CATEGORY_WORDS,
  type BranchGap,
  buildReport,
  type Count,
  distinct,
  type GapMetric,
  METRIC_WORDS,
  type MetricGap,
  type PreviousProblems,
  PUBLICITY_LEVEL_WORDS,
  personName,
  RISK_POINT_TYPE_WORDS,
  type SummaryFacts,
  shanghaiMonth,
  toSummaryDrill,
} from '@dutyboard/contracts/summary-text';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { answeredAssignmentsOfPeriod } from '../assignments/assignments.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { getDashboard } from '../dashboard/dashboard.ts';
import { partsWhere } from '../metrics/records.ts';
import { findPeriod } from '../plan/periods.ts';

/** How a sentence names the period: "上半年", "下半年", "全年". */
function periodWord(period: { kind: string; index: number }): string {
  if (period.kind === 'YEAR') return '全年';
  if (period.kind === 'HALF') return period.index === 1 ? '上半年' : '下半年';
  return '本季度';
}

/** Figures that are "lower is better" and so never a shortfall against their target. */
const NOT_GAPS: readonly DashboardMetric[] = ['RECTIFICATION_OPEN', 'ASSIGNMENT_OVERDUE'];

const isGapMetric = (metric: DashboardMetric): metric is GapMetric => metric in METRIC_WORDS;
const behind = (status: string | null) => status === 'RED' || status === 'AMBER';

/** The period and org of a summary, as the request schema parsed them at the edge. */
type SummaryParams = z.output<typeof SummaryRequestSchema>;

/** Reads every figure of the summary; the dashboard call checks that the org is within reach. */
export async function summaryFacts(
  prisma: PrismaClient,
  user: AuthUser,
  query: SummaryParams,
  now = new Date(),
): Promise<{ facts: SummaryFacts; dashboard: Dashboard }> {
  const dashboard = await getDashboard(prisma, user, query, now);
  const { period } = query;
  const org = await prisma.orgUnit.findUniqueOrThrow({ where: { id: dashboard.org.id } });
  const inOrg = { org: { path: { startsWith: org.path } } };
  const from = period.startsAt;
  const to = period.endsAt;

  const kpi = (metric: DashboardMetric) => {
    const k = dashboard.kpis.find((x) => x.metric === metric);
    if (!k) throw new Error(`dashboard has no ${metric}`);
    return k;
  };
  const countOf = (metric: DashboardMetric): Count => {
    const k = kpi(metric);
    return { value: k.done, drill: toSummaryDrill(k.drill) };
  };
  const partOf = (metric: DashboardMetric, key: string): Count => {
    const b = kpi(metric).breakdown.find((x) => x.key === key);
    return b ? { value: b.count, drill: toSummaryDrill(b.drill) } : { value: 0, drill: null };
  };
  // The period's day range, as the dashboard's drills carry it.
  const range = kpi('ALERT_REGISTERED').drill?.query ?? {};

  const [orgs, periodRow, seminars, riskPoints, reported, pastClock, openRectifications] = await Promise.all([
    prisma.orgUnit.findMany({ where: { path: { startsWith: org.path } }, select: { id: true } }),
    findPeriod(prisma, period),
    prisma.studySession.findMany({
      where: {
        ...inOrg,
        // The SEMINAR figure's STUDY part (中心组专题学习研讨), as the registry declares it.
        ...(partsWhere('study', FIGURES.SEMINAR.breakdown.parts('STUDY')) as Prisma.StudySessionWhereInput),
        occurredAt: { gte: from, lt: to },
      },
      select: { topic: true },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    }),
    prisma.riskPoint.findMany({ where: inOrg, select: { type: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    // The ALERT_REPORTED figure's alerts (reported in the period), for the mean time to 报送.
    prisma.riskAlert.findMany({
      where: { ...inOrg, reportedAt: { gte: from, lt: to } },
      select: { registeredAt: true, reportedAt: true },
    }),
    // Registered in the period and past their clock: reported late, or not reported and due —
    // the risk-alert list's flag=OVERDUE, as of the same `now`.
    prisma.riskAlert.count({
      where: {
        ...inOrg,
        registeredAt: { gte: from, lt: to },
        OR: [
          { reportedAt: null, reportDueAt: { lt: now } },
          { reportedAt: { gt: prisma.riskAlert.fields.reportDueAt } },
        ],
      },
    }),
    prisma.rectification.findMany({
      where: { ...inOrg, status: { not: 'DONE' } },
      select: { problem: true, measure: true },
      // Raised together (one import, the seed), the soonest deadline first, then by wording.
      orderBy: [
        { createdAt: 'asc' },
        { deadlineAt: { sort: 'asc', nulls: 'last' } },
        { problem: 'asc' },
        { id: 'asc' },
      ],
      take: 10,
    }),
  ]);

  const assignments = periodRow
    ? await answeredAssignmentsOfPeriod(
        prisma,
        periodRow.id,
        orgs.map((o) => o.id),
        now,
      )
    : [];
  const assignmentDrill = (extra: Record<string, string>) =>
    toSummaryDrill({ list: '/api/assignments', query: { period: period.code, org: org.id, ...extra } });
  const ofKind = (kind: string) => assignments.filter((a) => a.kind === kind);
  const firsts = ofKind('FIRST_RESPONSIBLE');
  const first = firsts.find((a) => a.orgId === org.id) ?? firsts[0];
  const areas = ofKind('AREA');
  const tasksDone = ofKind('TASK').filter((a) => a.status === 'DONE');
  const milestones = tasksDone
    .filter((a) => a.rule === null && a.doneAt !== null)
    // Tasks closed at the same moment keep one stable order (by their wording), run after run.
    .sort(
      (a, b) =>
        Date.parse(a.doneAt as string) - Date.parse(b.doneAt as string) ||
        (a.task < b.task ? -1 : a.task > b.task ? 1 : 0),
    )
    .map((a) => ({ month: shanghaiMonth(a.doneAt as string), task: a.task }));

  const reportMinutes = reported.map((a) => ((a.reportedAt as Date).getTime() - a.registeredAt.getTime()) / 60_000);
  const overdue = kpi('ASSIGNMENT_OVERDUE');

  const metricGaps: MetricGap[] = dashboard.kpis
    .filter((k) => k.target !== null && behind(k.status) && !NOT_GAPS.includes(k.metric))
    .flatMap((k) =>
      isGapMetric(k.metric)
        ? [
            {
              metric: k.metric,
              done: k.done,
              target: k.target as number,
              expected: k.expected ?? (k.target as number),
              drill: toSummaryDrill(k.drill),
            },
          ]
        : [],
    );
  const branchGaps: BranchGap[] = [];
  for (const row of dashboard.branches) {
    for (const cell of row.cells) {
      if (cell.target === null || !behind(cell.status) || !isGapMetric(cell.metric)) continue;
      let gap = branchGaps.find((g) => g.metric === cell.metric);
      if (!gap) {
        gap = { metric: cell.metric, branches: [] };
        branchGaps.push(gap);
      }
      gap.branches.push({
        orgId: row.orgId,
        name: row.name,
        done: cell.done,
        target: cell.target,
        drill: toSummaryDrill(cell.drill),
      });
    }
  }
  // Furthest behind first, so the names the text can show are the ones that matter most.
  for (const g of branchGaps) g.branches.sort((a, b) => a.done / a.target - b.done / b.target);

  const complete = now.getTime() >= period.endsAt.getTime();
  const name = periodName(period);
  const facts: SummaryFacts = {
    orgName: org.name,
    periodName: name,
    periodWord: periodWord(period),
    complete,
    hasBranches: orgs.length > 1,
    childUnit: labelOf(ORG_LEVEL_UNIT_LABELS, dashboard.childLevel ?? 'BRANCH', 'zh'),
    date: shanghaiLocalDate(now),
    duty: {
      firstResponsible: first
        ? {
            name: personName(first.ownerName),
            count: { value: firsts.length, drill: assignmentDrill({ kind: 'FIRST_RESPONSIBLE' }) },
          }
        : null,
      areas: {
        // In the order of the names (pinyin), so the sentence reads the same on every run.
        owners: areas
          .map((a) => ({ name: personName(a.ownerName), area: a.area ?? a.task }))
          .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
        count: { value: areas.length, drill: assignmentDrill({ kind: 'AREA' }) },
      },
      milestones,
      tasksDone: { value: tasksDone.length, drill: assignmentDrill({ kind: 'TASK', status: 'DONE' }) },
      ideologySeminars: partOf('SEMINAR', 'IDEOLOGY'),
    },
    study: {
      centralGroup: countOf('CENTRAL_GROUP_STUDY'),
      studySeminars: { ...partOf('SEMINAR', 'STUDY'), topics: seminars.map((s) => s.topic) },
      branchStudy: countOf('BRANCH_STUDY'),
      cadreTraining: countOf('CADRE_TRAINING'),
    },
    publicity: {
      activities: {
        ...countOf('ACTIVITY'),
        parts: kpi('ACTIVITY').breakdown.map((b) => ({
          key: b.key,
          label: ACTIVITY_CATEGORY_WORDS[b.key] ?? b.key,
          value: b.count,
          drill: toSummaryDrill(b.drill),
        })),
      },
      items: {
        ...countOf('PUBLICITY'),
        parts: kpi('PUBLICITY').breakdown.map((b) => ({
          key: b.key,
          label: PUBLICITY_LEVEL_WORDS[b.key] ?? b.key,
          value: b.count,
          drill: toSummaryDrill(b.drill),
        })),
      },
    },
    positions: {
      riskPoints: {
        value: riskPoints.length,
        drill: toSummaryDrill({ list: '/api/risk-points', query: { org: org.id } }),
        types: distinct(riskPoints.map((p) => RISK_POINT_TYPE_WORDS[p.type] ?? '').filter(Boolean)),
      },
      checks: countOf('RISK_POINT_CHECK'),
      alerts: {
        registered: countOf('ALERT_REGISTERED'),
        reported: countOf('ALERT_REPORTED'),
        reportedOnTime: countOf('ALERT_REPORTED_ON_TIME'),
        avgReportMinutes:
          reportMinutes.length > 0 ? reportMinutes.reduce((a, b) => a + b, 0) / reportMinutes.length : null,
        closed: countOf('ALERT_CLOSED'),
      },
    },
    rectification: { closed: countOf('RECTIFICATION_CLOSED') },
    gaps: {
      metrics: metricGaps,
      branches: branchGaps,
      overdueTasks: {
        value: overdue.done,
        drill: toSummaryDrill(overdue.drill),
        tasks: assignments.filter((a) => a.overdue).map((a) => a.task),
      },
      alertsPastClock: {
        value: pastClock,
        drill: toSummaryDrill({
          list: '/api/risk-alerts',
          query: {
            org: org.id,
            ...(range.from ? { from: range.from } : {}),
            ...(range.to ? { to: range.to } : {}),
            flag: 'OVERDUE',
          },
        }),
      },
      openRectifications: {
        ...countOf('RECTIFICATION_OPEN'),
        problems: openRectifications.map((r) => r.problem),
        measures: openRectifications.flatMap((r) => (r.measure ? [r.measure] : [])),
      },
    },
  };
  return { facts, dashboard };
}

/**
 * 上期问题整改情况: the problems of the newest FINAL 工作总结 of the org's previous period (ADR 047),
 * as their rectifications stand now, each with the list of its 总结's items in its state. Null
 * when that period has no FINAL 总结 or it named no problem.
 */
export async function previousProblems(
  db: PrismaClient,
  orgId: string,
  periodCode: string,
): Promise<PreviousProblems | null> {
  const code = previousPeriodCode(periodCode);
  const summary = await db.reportDraft.findFirst({
    where: { kind: SUMMARY_KIND, orgId, periodCode: code, state: 'FINAL' },
    orderBy: { number: 'desc' },
    select: { id: true },
  });
  if (!summary) return null;
  // Items of every FINAL version of that 总结 (a problem is linked to the version that first named it).
  const items = await db.rectification.findMany({
    where: { source: 'SUMMARY', reportDraft: { kind: SUMMARY_KIND, orgId, periodCode: code } },
    select: { id: true, problem: true, status: true, measure: true, closingNote: true, reportDraftId: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  if (items.length === 0) return null;
  const drafts = [...new Set(items.map((i) => i.reportDraftId as string))];
  // One draft's items when they all came from one version (the usual case), else the org's SUMMARY items.
  const base: Record<string, string> =
    drafts.length === 1 ? { org: orgId, reportDraft: drafts[0] as string } : { org: orgId, source: 'SUMMARY' };
  const list = (extra: Record<string, string> = {}) =>
    toSummaryDrill({ list: '/api/rectifications', query: { ...base, ...extra } });
  const done = items.filter((i) => i.status === 'DONE').length;
  return {
    periodName: periodName(periodFromCode(code)),
    items: items.map((i) => ({
      problem: i.problem,
      status: i.status,
      measure: i.measure,
      closingNote: i.closingNote,
      drill: toSummaryDrill({ list: '/api/rectifications', query: { org: orgId, id: i.id } }),
    })),
    total: { value: items.length, drill: list() },
    done: { value: done, drill: list({ status: 'DONE' }) },
  };
}

/** POST /api/reports/summary: a fresh draft of the request's kind from the records (not saved). */
export async function generateSummary(
  prisma: PrismaClient,
  user: AuthUser,
  query: SummaryParams,
  now = new Date(),
): Promise<GeneratedSummary> {
  const { facts, dashboard } = await summaryFacts(prisma, user, query, now);
  const kind = query.kind;
  const org = await prisma.orgUnit.findUniqueOrThrow({
    where: { id: dashboard.org.id },
    select: { parent: { select: { name: true } } },
  });
  const opensWithPrevious = REPORT_KIND_DEFS[kind].sections.some((s) => s.block === 'PREVIOUS');
  return {
    periodCode: dashboard.period.code,
    periodName: facts.periodName,
    orgId: dashboard.org.id,
    orgName: dashboard.org.name,
    generatedAt: now.toISOString(),
    content: buildReport(kind, facts, {
      previous: opensWithPrevious ? await previousProblems(prisma, dashboard.org.id, dashboard.period.code) : null,
      parentName: org.parent?.name ?? '',
    }),
  };
}
