// The words of the 工作总结: pure functions from a period's figures to the paragraphs of the draft
// (contracts/reports.ts). The API gathers the figures (services/reports/summary-facts.ts) and
// calls buildSummary; nothing here reads a database or a clock, so each phrasing rule has its
// unit test (summary-text.test.ts). The rules, and why, are in docs/decisions/016.
//
// Counts follow Chinese report usage: "70余场次" for 73, with the exact value kept beside the
// words (SummaryFigure.value), so the page and the tests can always get back to the records.
import { FIGURES, type Figure } from './figures.ts';
import { ACTIVITY_CATEGORY_LABELS, PUBLICITY_LEVEL_LABELS, RISK_POINT_TYPE_LABELS, zhLabels } from './labels.ts';
import { REPORT_KIND_DEFS, type ReportBlock, type ReportKind } from './report-kinds.ts';
import type { SummaryContent, SummaryDrill, SummaryFigure, SummaryParagraph, SummarySection } from './reports.ts';
import { SUMMARY_DRILL_LISTS, SUMMARY_KIND } from './reports.ts';

// ---------------------------------------------------------------------------------------------
// Phrasing primitives

/**
 * A count as a report says it. Below 10 exactly ("5次"); 10–99 rounded down to the ten, with 余
 * when that dropped something: 73 → "70余场次", 70 → "70场次"; from 100 on rounded down to two
 * significant digits: 137 → "130余场次", 1234 → "1200余人次"; from 10 000 on in 万:
 * 12 345 → "1.2万余人次".
 */
export function approxCount(n: number, unit = ''): string {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`approxCount: ${n} is not a count`);
  const whole = Math.floor(n);
  if (whole < 10) return `${whole}${unit}`;
  const step = Math.max(10, 10 ** (String(whole).length - 2));
  const base = Math.floor(whole / step) * step;
  const more = base === whole ? '' : '余';
  if (base >= 10_000) return `${trimDecimal(base / 10_000)}万${more}${unit}`;
  return `${base}${more}${unit}`;
}

/** A count as it is, for comparisons with a plan ("完成3篇，计划10篇"). */
export function exactCount(n: number, unit = ''): string {
  return `${n}${unit}`;
}

function trimDecimal(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** "3月". */
export function monthName(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`monthName: ${month}`);
  return `${month}月`;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai month of an instant: 2026-03-31T16:30Z is already 4月 there. */
export function shanghaiMonth(at: Date | string): number {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + SHANGHAI_OFFSET_MS).getUTCMonth() + 1;
}

/** "2026年7月5日" (Asia/Shanghai). */
export function chineseDate(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** A calendar day "2026-07-05" in words: "2026年7月5日" (no zone: it is already a Shanghai day). */
export function chineseDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A duration in words: under an hour in minutes ("45分钟"), under 72 hours in hours with one
 * decimal ("6.3小时", "2小时"), beyond in days ("3.5天").
 */
export function durationText(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`durationText: ${minutes}`);
  if (minutes < 60) return `${Math.round(minutes)}分钟`;
  const hours = minutes / 60;
  if (hours < 72) return `${trimDecimal(hours)}小时`;
  return `${trimDecimal(hours / 24)}天`;
}

/**
 * Items joined with 顿号: "红色歌曲大家唱、重温入党誓词". With `max`, the first `max` items and
 * 等 when some were left out; `etc` adds 等 anyway (the list is known to be incomplete).
 */
export function joinList(items: readonly string[], options: { max?: number; etc?: boolean } = {}): string {
  const max = options.max ?? items.length;
  const shown = items.slice(0, max);
  const cut = items.length > shown.length;
  return shown.join('、') + ((cut || options.etc) && shown.length > 0 ? '等' : '');
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → "一", 10 → "十", 12 → "十二", 20 → "二十", 99 → "九十九". */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n}`);
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The numbering of a heading: level 1 "一、", level 2 "（一）" (GB/T 9704 structure levels). */
export function headingNumber(level: 1 | 2, index: number): string {
  return level === 1 ? `${chineseNumeral(index)}、` : `（${chineseNumeral(index)}）`;
}

/** "一是", "二是": how the points of a problems or next-steps section open. */
export function ordinalLead(index: number): string {
  return `${chineseNumeral(index)}是`;
}

/** A person as the text names them: "张卫国（工委书记）" → "张卫国". */
export function personName(displayName: string): string {
  return displayName.replace(/\s*[（(][^（()）]*[)）]\s*$/, '').trim() || displayName;
}

/** A seminar's subject from its topic: "中心组专题学习研讨：全面从严治党" → "全面从严治党". */
export function topicSubject(topic: string): string {
  const parts = topic.split(/[：:]/);
  return (parts.at(-1) ?? topic).trim() || topic.trim();
}

/** Keeps the first occurrence of each item, in order. */
export function distinct(items: readonly string[]): string[] {
  return [...new Set(items)];
}

// ---------------------------------------------------------------------------------------------
// Paragraphs with their figures

/** A drill as a summary stores it: only lists the page can open (SUMMARY_DRILL_LISTS). */
export function toSummaryDrill(drill: { list: string; query: Record<string, string> } | null): SummaryDrill | null {
  if (!drill) return null;
  if (!(SUMMARY_DRILL_LISTS as readonly string[]).includes(drill.list)) {
    throw new Error(`toSummaryDrill: ${drill.list} is not a list a summary links to`);
  }
  return { list: drill.list as SummaryDrill['list'], query: { ...drill.query } };
}

export function figure(
  key: string,
  label: string,
  value: number,
  display: string,
  drill: SummaryDrill | null,
): SummaryFigure {
  return { key, label, value, display, drill };
}

type Part = string | SummaryFigure | null | undefined | false;

/** Joins strings and figures into one paragraph; the figures are listed in text order. */
export function paragraph(...parts: Part[]): SummaryParagraph {
  let text = '';
  const figures: SummaryFigure[] = [];
  for (const part of parts) {
    if (!part) continue;
    if (typeof part === 'string') text += part;
    else {
      text += part.display;
      figures.push(part);
    }
  }
  return { text, figures };
}

/** Several clauses (each a list of parts) joined with `sep`, as one list of parts. */
function clauses(list: Part[][], sep: string): Part[] {
  const out: Part[] = [];
  for (const [i, c] of list.entries()) {
    if (i > 0) out.push(sep);
    out.push(...c);
  }
  return out;
}

/** Puts "一是" … in front of each paragraph. */
export function numberPoints(paragraphs: SummaryParagraph[]): SummaryParagraph[] {
  return paragraphs.map((p, i) => ({ text: `${ordinalLead(i + 1)}${p.text}`, figures: p.figures }));
}

// ---------------------------------------------------------------------------------------------
// The figures a summary is written from

/** A counted figure: its exact value and the list that shows its records. */
export interface Count {
  value: number;
  drill: SummaryDrill | null;
}

/** A part of a figure (an activity category, a publicity level) with its own list. */
export interface CountPart extends Count {
  /** What the text calls it: "红色歌曲大家唱", "市级媒体". */
  label: string;
  key: string;
}

/**
 * A figure as a sentence names it: the registry's name and unit (figures.ts), or — where report
 * usage says it differently inside a sentence ("中心组集中学习完成0次") — the words given here.
 */
const said = <F extends Figure>(figure: F, step: string, words?: string) => ({
  label: words ?? FIGURES[figure].label.zh,
  unit: FIGURES[figure].unit,
  step,
});

/** The figures the dashboard compares with a target, as the words name them. */
export const METRIC_WORDS = {
  CENTRAL_GROUP_STUDY: said('CENTRAL_GROUP_STUDY', '严格落实中心组学习制度，按计划开展集中学习', '中心组集中学习'),
  SEMINAR: said('SEMINAR', '围绕意识形态工作重点任务，按计划组织专题研讨'),
  BRANCH_STUDY: said('BRANCH_STUDY', '督促各支部按月开展集中学习，推动理论学习向基层延伸', '支部集中学习'),
  CADRE_TRAINING: said('CADRE_TRAINING', '制定干部意识形态工作培训计划，定期组织集中培训'),
  ACTIVITY: said('ACTIVITY', '丰富主题活动形式和载体，确保完成活动计划'),
  PARTY_LECTURE: said('PARTY_LECTURE', '落实支部书记讲党课制度，按季度讲好党课'),
  PUBLICITY: said('PUBLICITY', '拓宽宣传渠道，加大向各级媒体投稿力度'),
  RISK_POINT_CHECK: said('RISK_POINT_CHECK', '按期开展阵地排查，做到底数清、情况明', '阵地按期排查'),
  ALERT_REGISTERED: said('ALERT_REGISTERED', '加强网络舆情日常监测', '敏感网络信息登记'),
  ALERT_REPORTED: said('ALERT_REPORTED', '及时报送敏感网络信息', '敏感网络信息报送'),
  ALERT_REPORTED_ON_TIME: said('ALERT_REPORTED_ON_TIME', '严格落实舆情报送时限', '敏感网络信息按时报送'),
  ALERT_CLOSED: said('ALERT_CLOSED', '加快舆情处置办结'),
  RECTIFICATION_CLOSED: said('RECTIFICATION_CLOSED', '加快问题整改销号', '问题整改完成'),
  ASSIGNMENT_DONE: said('ASSIGNMENT_DONE', '推动责任清单任务按期完成', '责任清单任务完成'),
} as const;
export type GapMetric = keyof typeof METRIC_WORDS;

/**
 * What the text calls the parts of a figure (the document is Chinese whatever the UI language):
 * the pages' labels (labels.ts), except where a sentence needs a fuller word.
 */
export const ACTIVITY_CATEGORY_WORDS: Record<string, string> = {
  ...zhLabels(ACTIVITY_CATEGORY_LABELS),
  PREACHING: '政策理论宣讲',
  OTHER: '其他活动',
};
export const PUBLICITY_LEVEL_WORDS: Record<string, string> = {
  ...zhLabels(PUBLICITY_LEVEL_LABELS),
  CENTRAL: '中央级媒体',
};
/** 阵地 types as the register sentence lists them; OTHER is not named. */
export const RISK_POINT_TYPE_WORDS: Record<string, string | null> = {
  ...zhLabels(RISK_POINT_TYPE_LABELS),
  BULLETIN_BOARD: '宣传栏',
  OTHER: null,
};

/** A figure behind its target (complete period) or behind pace (period still running). */
export interface MetricGap {
  metric: GapMetric;
  done: number;
  target: number;
  /** What the linear plan expects by now (= target once the period is over). */
  expected: number;
  drill: SummaryDrill | null;
}

/** Branches behind on one figure. */
export interface BranchGap {
  metric: GapMetric;
  branches: { orgId: string; name: string; done: number; target: number; drill: SummaryDrill | null }[];
}

export interface SummaryFacts {
  orgName: string;
  /** "2026年上半年", "2026年全年". */
  periodName: string;
  /** How the text refers to the period inside a sentence: "上半年", "全年". */
  periodWord: string;
  /** The period is over (the gaps compare with the whole target, not with pace). */
  complete: boolean;
  /** The org has child orgs (a street with branches) — some sentences speak of "各支部". */
  hasBranches: boolean;
  /**
   * What one child org is called where the text compares them (ORG_LEVEL_UNIT_LABELS' zh of the
   * dashboard's childLevel: "街道（乡镇）" on a 区); "支部" when not given.
   */
  childUnit?: string;
  /** The 成文日期 the draft starts with (the day it is generated, Shanghai), "YYYY-MM-DD". */
  date: string;
  duty: {
    firstResponsible: { name: string; count: Count } | null;
    areas: { owners: { name: string; area: string }[]; count: Count };
    /** Tasks without a rule closed in the period, in the order they were done. */
    milestones: { month: number; task: string }[];
    tasksDone: Count;
    ideologySeminars: Count;
  };
  study: {
    centralGroup: Count;
    studySeminars: Count & { topics: string[] };
    branchStudy: Count;
    cadreTraining: Count;
  };
  publicity: {
    activities: Count & { parts: CountPart[] };
    items: Count & { parts: CountPart[] };
  };
  positions: {
    riskPoints: Count & { types: string[] };
    checks: Count;
    alerts: {
      registered: Count;
      reported: Count;
      reportedOnTime: Count;
      /** Mean minutes from 登记 to 报送 of the alerts reported in the period; null when none. */
      avgReportMinutes: number | null;
      closed: Count;
    };
  };
  rectification: { closed: Count };
  gaps: {
    metrics: MetricGap[];
    branches: BranchGap[];
    overdueTasks: Count & { tasks: string[] };
    alertsPastClock: Count;
    openRectifications: Count & { problems: string[]; measures: string[] };
  };
}

// ---------------------------------------------------------------------------------------------
// 一、主要做法: one subsection per area the data supports

const fig = (key: string, label: string, c: Count, display: string) => figure(key, label, c.value, display, c.drill);
const approxFig = (key: string, label: string, c: Count, unit: string) =>
  fig(key, label, c, approxCount(c.value, unit));

/** 机制建设 / 责任分工: 第一责任人, 分管 areas, milestones by month, the ideology seminar. */
export function dutyParagraphs(f: SummaryFacts): SummaryParagraph[] {
  const out: SummaryParagraph[] = [];
  const { firstResponsible, areas, milestones, tasksDone, ideologySeminars } = f.duty;
  const people: Part[][] = [];
  if (firstResponsible) {
    people.push([
      fig('duty.firstResponsible', '第一责任人', firstResponsible.count, firstResponsible.name),
      '履行意识形态工作第一责任人职责，带头抓、负总责',
    ]);
  }
  if (areas.owners.length > 0) {
    people.push([
      approxFig('duty.areas', '分管领域（一岗双责）', areas.count, '名'),
      '班子成员落实“一岗双责”，',
      areas.owners.map((o) => `${o.name}分管${o.area}`).join('，'),
    ]);
  }
  if (people.length > 0) out.push(paragraph(...clauses(people, '；'), '。'));

  if (ideologySeminars.value > 0) {
    out.push(
      paragraph(
        '组织召开意识形态工作专题研讨会',
        approxFig('seminar.ideology', '意识形态工作专题研讨会', ideologySeminars, '次'),
        '，专题研究部署意识形态工作。',
      ),
    );
  }

  const byMonth: { month: number; tasks: string[] }[] = [];
  for (const m of milestones) {
    const last = byMonth.at(-1);
    if (last && last.month === m.month) last.tasks.push(m.task);
    else byMonth.push({ month: m.month, tasks: [m.task] });
  }
  const done: Part[] =
    tasksDone.value > 0
      ? [
          `${byMonth.length > 0 ? '，' : ''}${f.periodWord}责任清单明确的工作任务已完成`,
          approxFig('duty.tasksDone', '已完成的工作任务', tasksDone, '项'),
        ]
      : [];
  if (byMonth.length > 0 || done.length > 0) {
    out.push(paragraph(byMonth.map((g) => `${monthName(g.month)}${g.tasks.join('、')}`).join('，'), ...done, '。'));
  }
  return out;
}

/** 理论学习: 中心组 study, themed study seminars with their subjects, branch study, training. */
export function studyParagraphs(f: SummaryFacts): SummaryParagraph[] {
  const { centralGroup, studySeminars, branchStudy, cadreTraining } = f.study;
  const list: Part[][] = [];
  // A 中心组专题学习研讨 is 中心组学习 too (figures.ts): the seminars are part of centralGroup, so the
  // sentence quotes them as its part, never as sessions on top of it.
  const subjects = distinct(studySeminars.topics.map(topicSubject));
  const about = subjects.length > 0 ? `，围绕${joinList(subjects, { max: 3, etc: true })}专题深入交流研讨` : '';
  if (studySeminars.value > 0 && studySeminars.value >= centralGroup.value) {
    list.push(['开展中心组专题学习研讨', approxFig('seminar.study', '中心组专题学习研讨', studySeminars, '次'), about]);
  } else if (centralGroup.value > 0) {
    list.push([
      '组织中心组集中学习',
      approxFig('study.centralGroup', '中心组集中学习', centralGroup, '次'),
      ...(studySeminars.value > 0
        ? ['，其中专题学习研讨', approxFig('seminar.study', '中心组专题学习研讨', studySeminars, '次'), about]
        : []),
    ]);
  }
  if (branchStudy.value > 0) {
    list.push([
      f.hasBranches ? '各支部开展集中学习' : '开展支部集中学习',
      approxFig('study.branch', '支部集中学习', branchStudy, '次'),
    ]);
  }
  if (cadreTraining.value > 0) {
    list.push(['组织干部培训', approxFig('study.cadreTraining', '干部培训', cadreTraining, '次')]);
  }
  return list.length > 0 ? [paragraph(...clauses(list, '；'), '。')] : [];
}

/** A figure's parts, largest first: "主题党日20余场次、红色歌曲大家唱10余场次". */
function partsList(prefix: string, parts: CountPart[], unit: string): Part[] {
  const shown = parts.filter((p) => p.value > 0).sort((a, b) => b.value - a.value);
  return clauses(
    shown.map((p) => [p.label, approxFig(`${prefix}.${p.key}`, p.label, p, unit)]),
    '、',
  );
}

/** 宣传活动: themed activities by category, publicity by outlet level. */
export function publicityParagraphs(f: SummaryFacts): SummaryParagraph[] {
  const out: SummaryParagraph[] = [];
  const { activities, items } = f.publicity;
  if (activities.value > 0) {
    const parts = partsList('activity', activities.parts, '场次');
    out.push(
      paragraph(
        '开展主题活动',
        approxFig('activity', '主题活动', activities, '场次'),
        parts.length > 0 ? '，其中' : '',
        ...parts,
        '。',
      ),
    );
  }
  if (items.value > 0) {
    const parts = partsList('publicity', items.parts, '篇');
    out.push(
      paragraph(
        '在各级媒体刊发宣传报道',
        approxFig('publicity', '宣传报道', items, '篇'),
        parts.length > 0 ? '，其中' : '',
        ...parts,
        '。',
      ),
    );
  }
  return out;
}

/** 阵地管理与风险防范: the 阵地 register and its checks; sensitive items analysed and reported. */
export function positionParagraphs(f: SummaryFacts): SummaryParagraph[] {
  const out: SummaryParagraph[] = [];
  const { riskPoints, checks, alerts } = f.positions;
  if (riskPoints.value > 0) {
    out.push(
      paragraph(
        '建立意识形态阵地台账，登记',
        riskPoints.types.length > 0 ? `${joinList(riskPoints.types, { max: 4 })}等` : '',
        '阵地',
        approxFig('riskPoints', '登记的阵地', riskPoints, '个'),
        checks.value > 0 ? '，按期开展排查' : '',
        checks.value > 0 && approxFig('riskPointChecks', '按期排查', checks, '次'),
        '。',
      ),
    );
  }
  if (alerts.registered.value > 0 || alerts.reported.value > 0) {
    const list: Part[][] = [];
    if (alerts.registered.value > 0) {
      list.push([
        '加强网络舆情监测，分析研判敏感网络信息',
        approxFig('alert.registered', '分析研判的敏感网络信息', alerts.registered, '条'),
      ]);
    }
    if (alerts.reported.value > 0) {
      list.push(['报送市网信办', approxFig('alert.reported', '报送市网信办', alerts.reported, '条')]);
      if (alerts.avgReportMinutes !== null) {
        list.push([
          '平均报送用时',
          figure(
            'alert.avgReportTime',
            '平均报送用时（分钟）',
            Math.round(alerts.avgReportMinutes),
            durationText(alerts.avgReportMinutes),
            alerts.reported.drill,
          ),
        ]);
      }
      if (alerts.reportedOnTime.value === alerts.reported.value) list.push(['均在规定时限内报送']);
      else if (alerts.reportedOnTime.value > 0) {
        list.push(['其中按时报送', approxFig('alert.reportedOnTime', '按时报送', alerts.reportedOnTime, '条')]);
      }
    }
    if (alerts.closed.value > 0) {
      list.push(['已处置办结', approxFig('alert.closed', '办结', alerts.closed, '条')]);
    }
    out.push(paragraph(...clauses(list, '，'), '。'));
  }
  return out;
}

/** 问题整改: rectifications completed in the period. */
export function rectificationParagraphs(f: SummaryFacts): SummaryParagraph[] {
  const { closed } = f.rectification;
  if (closed.value === 0) return [];
  return [
    paragraph(
      '对照自查和督查发现的问题建立整改台账，完成整改',
      approxFig('rectification.closed', '完成整改', closed, '项'),
      '。',
    ),
  ];
}

/** The areas of 一、主要做法, in the order of the source summary. */
export const PRACTICE_AREAS = [
  { key: 'duty', heading: '健全工作机制，压实工作责任', build: dutyParagraphs },
  { key: 'study', heading: '加强理论武装，抓实理论学习', build: studyParagraphs },
  { key: 'publicity', heading: '创新宣传方式，营造浓厚氛围', build: publicityParagraphs },
  { key: 'positions', heading: '加强阵地管理，防范化解风险', build: positionParagraphs },
  { key: 'rectification', heading: '坚持问题导向，抓好整改落实', build: rectificationParagraphs },
] as const;

// ---------------------------------------------------------------------------------------------
// 二、存在的困难和问题, drafted from the gaps; 三、下一步工作打算, from those problems

export type ProblemKind = 'METRICS' | 'BRANCHES' | 'OVERDUE_TASKS' | 'ALERTS_LATE' | 'RECTIFICATIONS';

export interface Problem {
  kind: ProblemKind;
  /** Without its "一是": numbering is done when the section is assembled. */
  paragraph: SummaryParagraph;
  /** What the next step builds on. */
  metrics?: GapMetric[];
  branchNames?: string[];
  /** BRANCHES: what the compared children are called ("支部", "街道（乡镇）"). */
  childUnit?: string;
  count?: Count;
  measures?: string[];
}

/** One problem per kind of gap the data shows, in a fixed order. */
export function problemsFrom(f: SummaryFacts): Problem[] {
  const out: Problem[] = [];
  const { metrics, branches, overdueTasks, alertsPastClock, openRectifications } = f.gaps;

  if (metrics.length > 0) {
    // Compared with a plan, a count is exact: "完成3篇（计划10篇）", never "3篇（计划10篇）" rounded.
    const items = metrics.map((g) => {
      const w = METRIC_WORDS[g.metric];
      const done = figure(`gap.${g.metric}`, w.label, g.done, exactCount(g.done, w.unit), g.drill);
      return f.complete
        ? [`${w.label}完成`, done, `，计划${exactCount(g.target, w.unit)}`]
        : [
            `${w.label}完成`,
            done,
            `，按进度应完成${exactCount(g.expected, w.unit)}（计划${exactCount(g.target, w.unit)}）`,
          ];
    });
    out.push({
      kind: 'METRICS',
      paragraph: paragraph(
        f.complete ? '部分工作未完成计划：' : '部分工作进度滞后于计划：',
        ...clauses(items, '；'),
        '。',
      ),
      metrics: metrics.map((g) => g.metric),
    });
  }

  if (branches.length > 0) {
    const unit = f.childUnit ?? '支部';
    const items = branches.map((b) => {
      const names = b.branches
        .slice(0, 3)
        .map((x) =>
          figure(
            `branchGap.${b.metric}.${x.orgId}`,
            `${x.name} ${METRIC_WORDS[b.metric].label}`,
            x.done,
            x.name,
            x.drill,
          ),
        );
      return [
        ...clauses(
          names.map((n) => [n]),
          '、',
        ),
        b.branches.length > names.length ? '等' : '',
        figure(
          `branchGap.${b.metric}`,
          `${METRIC_WORDS[b.metric].label}未达计划的${unit}`,
          b.branches.length,
          `${b.branches.length}个${unit}`,
          null,
        ),
        `${METRIC_WORDS[b.metric].label}${f.complete ? '未完成计划' : '进度滞后'}`,
      ];
    });
    out.push({
      kind: 'BRANCHES',
      paragraph: paragraph(`${unit}之间工作不够平衡，`, ...clauses(items, '；'), '。'),
      branchNames: distinct(branches.flatMap((b) => b.branches.map((x) => x.name))),
      childUnit: unit,
    });
  }

  if (overdueTasks.value > 0) {
    const tasks = overdueTasks.tasks.map((t) => `“${t}”`);
    out.push({
      kind: 'OVERDUE_TASKS',
      paragraph: paragraph(
        '部分工作任务推进滞后，责任清单中',
        figure(
          'gap.overdueTasks',
          '逾期未完成的工作任务',
          overdueTasks.value,
          exactCount(overdueTasks.value, '项'),
          overdueTasks.drill,
        ),
        '工作任务逾期未完成',
        tasks.length > 0 ? `，涉及${joinList(tasks, { max: 3 })}` : '',
        '。',
      ),
      count: overdueTasks,
    });
  }

  if (alertsPastClock.value > 0) {
    out.push({
      kind: 'ALERTS_LATE',
      paragraph: paragraph(
        '网络舆情处置时效有待提高，',
        figure(
          'gap.alertsPastClock',
          '超过报送时限的敏感网络信息',
          alertsPastClock.value,
          exactCount(alertsPastClock.value, '条'),
          alertsPastClock.drill,
        ),
        '敏感网络信息未在规定时限内报送。',
      ),
    });
  }

  if (openRectifications.value > 0) {
    const problems = openRectifications.problems.map((p) => p.replace(/[。；;，,\s]+$/, ''));
    out.push({
      kind: 'RECTIFICATIONS',
      paragraph: paragraph(
        '查摆出的问题尚未完全整改到位，',
        figure(
          'gap.openRectifications',
          '未完成整改的问题',
          openRectifications.value,
          exactCount(openRectifications.value, '项'),
          openRectifications.drill,
        ),
        '问题正在整改中',
        problems.length > 0 ? `，主要是：${problems.slice(0, 5).join('；')}${problems.length > 5 ? '等' : ''}` : '',
        '。',
      ),
      count: openRectifications,
      measures: openRectifications.measures,
    });
  }
  return out;
}

/** Said when the data shows no gap, so the section is never empty. */
export const NO_PROBLEMS_TEXT =
  '对照计划，各项工作均达到进度要求，但工作的系统性和实效性与上级要求相比仍有差距，需要在今后工作中持续改进。';

/** The closing next step every summary ends with (long-term mechanism, 阵地, publicity by all). */
export const STANDING_NEXT_STEP =
  '健全意识形态工作长效机制，加强阵地建设和管理，推动形成人人参与宣传、人人守护阵地的良好局面。';

/** One next step per problem, in the same order, then the standing one. */
export function nextStepsFrom(problems: Problem[]): SummaryParagraph[] {
  const out: SummaryParagraph[] = [];
  for (const p of problems) {
    switch (p.kind) {
      case 'METRICS':
        out.push(paragraph(`对照计划补齐短板，${(p.metrics ?? []).map((m) => METRIC_WORDS[m].step).join('；')}。`));
        break;
      case 'BRANCHES':
        out.push(
          paragraph(
            `加强分类指导，对${joinList(p.branchNames ?? [], { max: 3 })}工作滞后的${p.childUnit ?? '支部'}加强督促指导，推动各${p.childUnit ?? '支部'}工作均衡发展。`,
          ),
        );
        break;
      case 'OVERDUE_TASKS':
        out.push(
          paragraph(
            '对逾期未完成的',
            p.count &&
              figure(
                'next.overdueTasks',
                '逾期未完成的工作任务',
                p.count.value,
                exactCount(p.count.value, '项'),
                p.count.drill,
              ),
            '工作任务逐项督办，明确完成时限，确保按期办结。',
          ),
        );
        break;
      case 'ALERTS_LATE':
        out.push(paragraph('严格执行舆情分级报送时限，做到早发现、早研判、早报送、早处置。'));
        break;
      case 'RECTIFICATIONS': {
        const measures = (p.measures ?? []).map((m) => m.replace(/[。；;，,\s]+$/, '')).filter(Boolean);
        out.push(
          paragraph(
            '持续抓好',
            p.count &&
              figure(
                'next.openRectifications',
                '未完成整改的问题',
                p.count.value,
                exactCount(p.count.value, '项'),
                p.count.drill,
              ),
            '问题整改',
            measures.length > 0 ? `，${distinct(measures).slice(0, 5).join('；')}` : '',
            '，做到整改一项、销号一项。',
          ),
        );
        break;
      }
    }
  }
  out.push(paragraph(STANDING_NEXT_STEP));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The whole draft

/** "城南街道党工委\n2026年上半年意识形态工作总结": org on the first line, subject on the second. */
export function summaryTitle(orgName: string, periodName: string): string {
  return reportTitle(SUMMARY_KIND, orgName, periodName);
}

/** Any kind's title: the org, then the kind's subject (report-kinds.ts). */
export function reportTitle(kind: ReportKind, orgName: string, periodName: string): string {
  return `${orgName}\n${REPORT_KIND_DEFS[kind].subject(periodName)}`;
}

export function buildSummary(f: SummaryFacts): SummaryContent {
  return buildReport(SUMMARY_KIND, f, { previous: null, parentName: '' });
}

// ---------------------------------------------------------------------------------------------
// 上期问题整改情况 (ADR 047): the problems the previous period's FINAL 总结 named, as rectifications

/** One problem of the previous 总结, as its rectification stands now. */
export interface PreviousProblem {
  problem: string;
  status: 'OPEN' | 'IN_PROGRESS' | 'DONE';
  measure: string | null;
  closingNote: string | null;
  /** The rectification list showing this one item. */
  drill: SummaryDrill | null;
}

export interface PreviousProblems {
  /** "2026年上半年". */
  periodName: string;
  items: PreviousProblem[];
  total: Count;
  done: Count;
}

/** What a report needs besides the period's figures. */
export interface ReportExtras {
  previous: PreviousProblems | null;
  /** The org above (专题汇报's 主送 and its opening sentence). */
  parentName: string;
}

const STATUS_WORDS: Record<PreviousProblem['status'], string> = {
  DONE: '已完成整改',
  IN_PROGRESS: '正在整改',
  OPEN: '尚未整改',
};

const bare = (text: string) => text.replace(/[。；;，,\s]+$/, '');

export function previousParagraphs(p: PreviousProblems): SummaryParagraph[] {
  const open = p.total.value - p.done.value;
  const head = paragraph(
    `${p.periodName}工作总结查摆的`,
    fig('previous.total', '上期总结查摆的问题', p.total, exactCount(p.total.value, '项')),
    '问题均已建立整改台账，其中已完成整改',
    fig('previous.done', '上期问题已完成整改', p.done, exactCount(p.done.value, '项')),
    open > 0 ? `，${exactCount(open, '项')}正在推进` : '',
    '。',
  );
  const items = p.items.map((item, i) =>
    paragraph(
      `“${bare(item.problem)}”：`,
      // The item itself: one record, its state the words.
      figure(`previous.item.${i + 1}`, bare(item.problem), 1, STATUS_WORDS[item.status], item.drill),
      item.measure ? `，整改措施：${bare(item.measure)}` : '',
      item.closingNote ? `，${bare(item.closingNote)}` : '',
      '。',
    ),
  );
  return [head, ...numberPoints(items)];
}

/** The standing 原因分析 of a 对照检查材料 (the causes are the members' own words to add). */
export const CAUSES_TEXT =
  '一是理论学习不够深入系统，运用党的创新理论指导意识形态工作的能力有待提升；二是责任意识有待加强，对意识形态工作的长期性、复杂性认识不足；三是工作方法创新不够，抓落实的举措还不够精准有力。';

/** 基本情况: the period's main counts in one paragraph, zeros left out. */
export function basicsParagraphs(f: SummaryFacts): SummaryParagraph[] {
  const { study, publicity, positions } = f;
  const list: Part[][] = [];
  if (study.centralGroup.value > 0)
    list.push(['开展中心组集中学习', approxFig('study.centralGroup', '中心组集中学习', study.centralGroup, '次')]);
  if (study.branchStudy.value > 0)
    list.push(['支部集中学习', approxFig('study.branch', '支部集中学习', study.branchStudy, '次')]);
  if (publicity.activities.value > 0)
    list.push(['开展主题活动', approxFig('activity', '主题活动', publicity.activities, '场次')]);
  if (publicity.items.value > 0) list.push(['刊发宣传报道', approxFig('publicity', '宣传报道', publicity.items, '篇')]);
  if (positions.checks.value > 0)
    list.push(['按期排查阵地', approxFig('riskPointChecks', '按期排查', positions.checks, '次')]);
  if (positions.alerts.registered.value > 0)
    list.push([
      '分析研判敏感网络信息',
      approxFig('alert.registered', '分析研判的敏感网络信息', positions.alerts.registered, '条'),
    ]);
  if (list.length === 0) return [paragraph(`${f.periodWord}，${f.orgName}按照计划推进意识形态各项工作。`)];
  return [paragraph(`${f.periodWord}，${f.orgName}`, ...clauses(list, '，'), '。')];
}

/** The paragraphs or subsections of one block; an empty answer leaves the section out. */
function reportBlock(
  block: ReportBlock,
  f: SummaryFacts,
  extras: ReportExtras,
  problems: Problem[],
): { paragraphs: SummaryParagraph[]; subsections?: { heading: string; paragraphs: SummaryParagraph[] }[] } {
  switch (block) {
    case 'PREVIOUS':
      return {
        paragraphs: extras.previous && extras.previous.items.length > 0 ? previousParagraphs(extras.previous) : [],
      };
    case 'BASICS':
      return { paragraphs: basicsParagraphs(f) };
    case 'PRACTICES': {
      const subsections = PRACTICE_AREAS.map((area) => ({ heading: area.heading, paragraphs: area.build(f) })).filter(
        (a) => a.paragraphs.length > 0,
      );
      return { paragraphs: [], subsections };
    }
    case 'SITUATION': {
      const paragraphs = positionParagraphs(f);
      return { paragraphs: paragraphs.length > 0 ? paragraphs : basicsParagraphs(f) };
    }
    case 'PROBLEMS':
      return {
        paragraphs:
          problems.length > 0 ? numberPoints(problems.map((p) => p.paragraph)) : [paragraph(NO_PROBLEMS_TEXT)],
      };
    case 'NEXT_STEPS':
      return { paragraphs: numberPoints(nextStepsFrom(problems)) };
    case 'CAUSES':
      return { paragraphs: [paragraph(CAUSES_TEXT)] };
  }
}

/**
 * A draft of any kind from the same facts: its sections in the kind's order (report-kinds.ts),
 * each numbered "一、" as it comes, a section with nothing to say left out (上期问题整改情况 with no
 * previous 总结, 主要做法 with no area of data) and the rest renumbered.
 */
export function buildReport(kind: ReportKind, f: SummaryFacts, extras: ReportExtras): SummaryContent {
  const def = REPORT_KIND_DEFS[kind];
  const problems = problemsFrom(f);
  const sections: SummarySection[] = [];
  let n = 0;
  for (const s of def.sections) {
    const { paragraphs, subsections } = reportBlock(s.block, f, extras, problems);
    // 主要做法 stands as a heading over its areas even when there are none (the 总结 always had it).
    if (paragraphs.length === 0 && !subsections) continue;
    n += 1;
    sections.push({ heading: `${headingNumber(1, n)}${s.heading}`, level: 1, paragraphs });
    for (const [i, sub] of (subsections ?? []).entries()) {
      sections.push({ heading: `${headingNumber(2, i + 1)}${sub.heading}`, level: 2, paragraphs: sub.paragraphs });
    }
  }
  const addressee =
    def.addressee === 'PARENT' && extras.parentName
      ? `${extras.parentName}：`
      : def.addressee === 'CHILDREN'
        ? `各${f.childUnit ?? '支部'}：`
        : null;
  return {
    title: reportTitle(kind, f.orgName, f.periodName),
    ...(addressee ? { addressee } : {}),
    intro: [
      paragraph(
        def.intro({ orgName: f.orgName, periodName: f.periodName, parentName: extras.parentName || '上级党委' }),
      ),
    ],
    sections,
    signOff: { org: f.orgName, date: f.date },
  };
}

/**
 * The problems a saved 总结 names: the paragraphs of its 存在问题 section (a level-1 heading of a
 * PROBLEMS block of any kind, as the user may have kept or edited it), without their "一是" and
 * end punctuation; the sentence said when there is no gap is not a problem. A paragraph edited to
 * hold several points stays one item.
 */
export function problemsOfContent(content: SummaryContent): string[] {
  const headings = new Set(
    Object.values(REPORT_KIND_DEFS).flatMap((d) =>
      d.sections.filter((s) => s.block === 'PROBLEMS').map((s) => s.heading),
    ),
  );
  const out: string[] = [];
  let inside = false;
  for (const section of content.sections) {
    if (section.level === 1) inside = headings.has(section.heading.replace(/^[一二三四五六七八九十]+、/, ''));
    if (!inside) continue;
    for (const p of section.paragraphs) {
      const text = bare(p.text.replace(/^[一二三四五六七八九十]+是/, '').trim());
      if (text && p.text !== NO_PROBLEMS_TEXT && !out.includes(text)) out.push(text);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading a paragraph back: where its figures are in the (possibly edited) text

export interface TextPiece {
  text: string;
  figure: SummaryFigure | null;
}

/**
 * The text cut into plain pieces and figure pieces: each figure is looked for after the previous
 * one (the generator writes them in text order), so two figures that read "1次" each find their
 * own place. Figures whose words are no longer in the text come back in `missing`.
 */
export function splitByFigures(p: SummaryParagraph): { pieces: TextPiece[]; missing: SummaryFigure[] } {
  const pieces: TextPiece[] = [];
  const missing: SummaryFigure[] = [];
  let at = 0;
  for (const f of p.figures) {
    const i = p.text.indexOf(f.display, at);
    if (i < 0) {
      missing.push(f);
      continue;
    }
    if (i > at) pieces.push({ text: p.text.slice(at, i), figure: null });
    pieces.push({ text: f.display, figure: f });
    at = i + f.display.length;
  }
  if (at < p.text.length) pieces.push({ text: p.text.slice(at), figure: null });
  return { pieces, missing };
}

/** Every figure of a draft with where it is, for tests and exports. */
export function allFigures(content: SummaryContent): SummaryFigure[] {
  return [...content.intro, ...content.sections.flatMap((s) => s.paragraphs)].flatMap((p) => p.figures);
}

// ---------------------------------------------------------------------------------------------
// 落款 layout (GB/T 9704-2012 §7.3.5): the 成文日期 stands four characters in from the right
// margin and the 发文机关署名 is centred over it. Widths are in body characters: a CJK or
// full-width character is one, a digit or Latin letter half of one.

/** Characters a full body character wide (two of Excel's): CJK and its punctuation, Hangul, full-width forms. */
const WIDE_CHARACTER = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** The width of a line in body characters: a wide character is one, any other half of one. */
export function bodyCharacterWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE_CHARACTER.test(ch) ? 1 : 0.5;
  return width;
}

/** How far each 落款 line stands in from the right margin, in body characters. */
export function signOffIndents(org: string, date: string): { org: number; date: number } {
  const DATE_INDENT = 4;
  if (!date) return { org: DATE_INDENT, date: DATE_INDENT };
  // Centred over the date; a name wider than the room to its right stops at the margin.
  const centred = DATE_INDENT + (bodyCharacterWidth(date) - bodyCharacterWidth(org)) / 2;
  return { org: Math.max(0, centred), date: DATE_INDENT };
}

/**
 * The 落款 as printed, top to bottom: the 署名 centred over the 成文日期, which is written in
 * words from the document's own date (never the day of export) — what the DOCX and the print view
 * both lay out. A line with no text is left out.
 */
export function signOffLines(signOff: { org: string; date: string }): { text: string; indent: number }[] {
  const date = signOff.date ? chineseDay(signOff.date) : '';
  const indents = signOffIndents(signOff.org, date);
  return [
    { text: signOff.org, indent: indents.org },
    { text: date, indent: indents.date },
  ].filter((line) => line.text);
}
