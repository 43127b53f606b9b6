// The figure registry (ADR 020): every figure the responsibility system is measured by, declared
// once as data. A figure is a selection of rollup parts of one source — the facts functions of the
// migrations write one part per record and source ("SEMINAR:THEORY", "PARTY_LECTURE", "ON_TIME") —
// plus the list request that shows exactly its records, its labels, and what 考核 needs to score
// it. The rollups, the dashboard (KPIs, breakdowns, trend, branch cells), task rules, the bell,
// the 工作总结, the exports and the web all read this table; nothing else says which records count.
// Adding a figure whose parts are already written is one entry here (docs/decisions/020).
import { ACTIVITY_CATEGORIES } from './activities.ts';
import { PUBLICITY_LEVELS } from './publicity.ts';
import { RECTIFICATION_STATUSES } from './rectifications.ts';
import { ALERT_LEVELS } from './risk-alerts.ts';
import { STUDY_TOPIC_GROUPS } from './study-topics.ts';

/**
 * Where a figure's counts come from: a rollup source of migration 20261125012530_count_rollups
 * (as its facts functions were last replaced), the list that shows its records, the date a period
 * applies to (null: counted now, whatever the date, under month "*"), and which record fields a
 * part is made of, joined by ":" (null: the part is computed, not a field).
 */
export const FIGURE_SOURCES = {
  study: { list: '/api/study-sessions', date: 'occurredAt', fields: ['kind', 'topicCategory'] },
  activity: { list: '/api/activities', date: 'occurredAt', fields: ['category'] },
  publicity: { list: '/api/publicity', date: 'publishedAt', fields: ['level'] },
  /** ON_TIME | LATE (the check's stored `onTime`). */
  check: { list: '/api/risk-points/checks', date: 'checkedAt', fields: null },
  alert: { list: '/api/risk-alerts', date: 'registeredAt', fields: ['level', 'state'] },
  /** ON_TIME | LATE (reportedAt ≤ reportDueAt), by the month of 报送. */
  alert_reported: { list: '/api/risk-alerts', date: 'reportedAt', fields: null },
  /** CLOSED, by the month of 办结. */
  alert_closed: { list: '/api/risk-alerts', date: 'closedAt', fields: null },
  rectification: { list: '/api/rectifications', date: null, fields: ['status'] },
  /** CLOSED, by the month of closing. */
  rectification_closed: { list: '/api/rectifications', date: 'closedAt', fields: null },
  /** 党工委 meetings (ADR 046): the meeting's kind, by the month it was held. */
  meeting: { list: '/api/committee-meetings', date: 'heldAt', fields: ['kind'] },
  /** 报送 of a FINAL report (ADR 047): part = the report kind, by the day it was sent. */
  report_sent: { list: '/api/report-submissions', date: 'sentAt', fields: ['kind'] },
  /** 督查 / 通报 / 谈话 / 问责 (ADR 049): TYPE or NOTICE:COLOUR, by the day done or issued. */
  accountability: { list: '/api/accountability', date: 'occurredAt', fields: ['type', 'colour'] },
  /** 一会一报 (ADR 048): "<APPROVED|UNAPPROVED|OPEN>:<ON_TIME|LATE>", by the event's start. */
  event: { list: '/api/event-approvals', date: 'startsAt', fields: null },
} as const;
export type RollupSource = keyof typeof FIGURE_SOURCES;

/** Parts: exact values, or a prefix ending in "*" ("CENTRAL_GROUP:*"); ALL: every part. */
export type Parts = 'ALL' | readonly string[];

export type FigureUnit = '次' | '场次' | '篇' | '条' | '项';
export type DashboardSectionKey = 'study' | 'publicity' | 'risk' | 'duty';

interface FigureCommon {
  label: { zh: string; en: string };
  /** What 考核 scores it in, and whether more is better (a lower figure is never a shortfall). */
  unit: FigureUnit;
  better: 'MORE' | 'LESS';
  /** Where the overview shows it; `trend`: also per month and per branch. Absent: not on the page. */
  dashboard?: { section: DashboardSectionKey; trend?: boolean };
}

/** A figure counted from the rollups. */
export interface CountedFigureDef extends FigureCommon {
  source: RollupSource;
  parts: Parts;
  /** The drill: the source's list with this query (plus org and the period's days). */
  query: Readonly<Record<string, string>>;
  /** Parts shown beside the figure, each a selection of the source's parts with its own query. */
  breakdown?: {
    keys: readonly string[];
    parts: (key: string) => readonly string[];
    query: (key: string) => Record<string, string>;
  };
}

/** A figure answered from the responsibility list (task status is computed, not a record count). */
export interface TaskFigureDef extends FigureCommon {
  source: 'assignment';
  query: Readonly<Record<string, string>>;
}

/** A report kind's 报送 (source report_sent, part = kind; the list filtered by kind). */
const sentReport = <K extends string>(kind: K, label: { zh: string; en: string }) =>
  ({
    source: 'report_sent',
    parts: [kind],
    query: { kind },
    label,
    unit: '次',
    better: 'MORE',
  }) as const;

const seminarsOf = (group: keyof typeof STUDY_TOPIC_GROUPS) => STUDY_TOPIC_GROUPS[group].map((t) => `SEMINAR:${t}`);

export const FIGURES = {
  // 中心组理论学习: the 中心组's own sessions and its 专题学习研讨 — a seminar on a study topic
  // (STUDY_TOPIC_GROUPS.STUDY) is held by the 中心组, so it counts here and under SEMINAR
  // (docs/domain.md: "counts as 中心组学习 and as 专题研讨").
  CENTRAL_GROUP_STUDY: {
    source: 'study',
    parts: ['CENTRAL_GROUP:*', ...seminarsOf('STUDY')],
    query: { figure: 'CENTRAL_GROUP_STUDY' },
    label: { zh: '中心组理论学习', en: 'Central group study' },
    unit: '次',
    better: 'MORE',
    dashboard: { section: 'study', trend: true },
  },
  SEMINAR: {
    source: 'study',
    parts: ['SEMINAR:*'],
    query: { kind: 'SEMINAR' },
    label: { zh: '专题研讨', en: 'Seminars' },
    unit: '次',
    better: 'MORE',
    dashboard: { section: 'study', trend: true },
    breakdown: {
      keys: ['STUDY', 'IDEOLOGY'],
      parts: (key) => seminarsOf(key as keyof typeof STUDY_TOPIC_GROUPS),
      query: (key) => ({ topicGroup: key }),
    },
  },
  // 中心组专题学习研讨 on its own (the summary's "5"): the 中心组's study held as a 专题研讨 — the
  // parts both CENTRAL_GROUP_STUDY and SEMINAR count. A target or task rule may name it.
  CENTRAL_GROUP_SEMINAR: {
    source: 'study',
    parts: seminarsOf('STUDY'),
    query: { figure: 'CENTRAL_GROUP_SEMINAR' },
    label: { zh: '中心组专题学习研讨', en: 'Central group seminars' },
    unit: '次',
    better: 'MORE',
    dashboard: { section: 'study' },
  },
  BRANCH_STUDY: {
    source: 'study',
    parts: ['BRANCH_STUDY:*'],
    query: { kind: 'BRANCH_STUDY' },
    label: { zh: '支部学习', en: 'Branch study' },
    unit: '次',
    better: 'MORE',
    dashboard: { section: 'study', trend: true },
  },
  CADRE_TRAINING: {
    source: 'study',
    parts: ['CADRE_TRAINING:*'],
    query: { kind: 'CADRE_TRAINING' },
    label: { zh: '干部培训', en: 'Cadre training' },
    unit: '次',
    better: 'MORE',
    dashboard: { section: 'study', trend: true },
  },
  ACTIVITY: {
    source: 'activity',
    parts: 'ALL',
    query: {},
    label: { zh: '主题活动', en: 'Themed activities' },
    unit: '场次',
    better: 'MORE',
    dashboard: { section: 'publicity', trend: true },
    breakdown: { keys: ACTIVITY_CATEGORIES, parts: (key) => [key], query: (key) => ({ category: key }) },
  },
  PARTY_LECTURE: {
    source: 'activity',
    parts: ['PARTY_LECTURE'],
    query: { category: 'PARTY_LECTURE' },
    label: { zh: '讲党课', en: 'Party lectures' },
    unit: '次',
    better: 'MORE',
    dashboard: { section: 'publicity', trend: true },
  },
  PUBLICITY: {
    source: 'publicity',
    parts: 'ALL',
    query: {},
    label: { zh: '宣传报道', en: 'Publicity items' },
    unit: '篇',
    better: 'MORE',
    dashboard: { section: 'publicity', trend: true },
    breakdown: { keys: PUBLICITY_LEVELS, parts: (key) => [key], query: (key) => ({ level: key }) },
  },
  // Checks made on time (ADR 015); the late ones are shown beside the figure, not in it.
  RISK_POINT_CHECK: {
    source: 'check',
    parts: ['ON_TIME'],
    query: { onTime: 'true' },
    label: { zh: '阵地按时排查', en: 'Position checks on time' },
    unit: '次',
    better: 'MORE',
    dashboard: { section: 'risk', trend: true },
    breakdown: { keys: ['LATE'], parts: () => ['LATE'], query: () => ({ onTime: 'false' }) },
  },
  ALERT_REGISTERED: {
    source: 'alert',
    parts: 'ALL',
    query: {},
    label: { zh: '舆情登记', en: 'Alerts registered' },
    unit: '条',
    better: 'MORE',
    dashboard: { section: 'risk', trend: true },
    breakdown: { keys: ALERT_LEVELS, parts: (key) => [`${key}:*`], query: (key) => ({ level: key }) },
  },
  ALERT_REPORTED: {
    source: 'alert_reported',
    parts: 'ALL',
    query: { dateField: 'reportedAt' },
    label: { zh: '舆情报送', en: 'Alerts reported' },
    unit: '条',
    better: 'MORE',
    dashboard: { section: 'risk' },
  },
  ALERT_REPORTED_ON_TIME: {
    source: 'alert_reported',
    parts: ['ON_TIME'],
    query: { dateField: 'reportedAt', flag: 'REPORTED_ON_TIME' },
    label: { zh: '舆情按时报送', en: 'Alerts reported on time' },
    unit: '条',
    better: 'MORE',
    dashboard: { section: 'risk' },
  },
  // Reported after the level's clock (the 报送 came later than reportDueAt), by the month of 报送:
  // the incident a 考核 deducts for (issue 18); not on the dashboard, which shows the on-time ones.
  ALERT_REPORTED_LATE: {
    source: 'alert_reported',
    parts: ['LATE'],
    query: { dateField: 'reportedAt', flag: 'REPORTED_LATE' },
    label: { zh: '舆情迟报', en: 'Alerts reported late' },
    unit: '条',
    better: 'LESS',
  },
  ALERT_CLOSED: {
    source: 'alert_closed',
    parts: 'ALL',
    query: { dateField: 'closedAt' },
    label: { zh: '舆情办结', en: 'Alerts closed' },
    unit: '条',
    better: 'MORE',
    dashboard: { section: 'risk' },
  },
  // Open now, whatever the period (ADR 015): an open problem from last year is still open.
  RECTIFICATION_OPEN: {
    source: 'rectification',
    parts: RECTIFICATION_STATUSES.filter((s) => s !== 'DONE'),
    query: { open: 'true' },
    label: { zh: '未完成整改', en: 'Open rectifications' },
    unit: '项',
    better: 'LESS',
    dashboard: { section: 'duty' },
    breakdown: {
      keys: RECTIFICATION_STATUSES.filter((s) => s !== 'DONE'),
      parts: (key) => [key],
      query: (key) => ({ status: key }),
    },
  },
  RECTIFICATION_CLOSED: {
    source: 'rectification_closed',
    parts: 'ALL',
    query: { dateField: 'closedAt' },
    label: { zh: '整改完成', en: 'Rectifications closed' },
    unit: '项',
    better: 'MORE',
    dashboard: { section: 'duty' },
  },
  // 党工委专题研究意识形态工作 and 意识形态形势分析研判 (ADR 046): what the duty calendar and the
  // 考核 starter scheme read (at least one each half year / each quarter).
  COMMITTEE_SPECIAL_STUDY: {
    source: 'meeting',
    parts: ['SPECIAL_STUDY'],
    query: { kind: 'SPECIAL_STUDY' },
    label: { zh: '党工委专题研究', en: 'Committee ideology studies' },
    unit: '次',
    better: 'MORE',
  },
  COMMITTEE_JUDGEMENT: {
    source: 'meeting',
    parts: ['SITUATION_JUDGEMENT'],
    query: { kind: 'SITUATION_JUDGEMENT' },
    label: { zh: '意识形态分析研判', en: 'Ideological situation analyses' },
    unit: '次',
    better: 'MORE',
  },
  // A 督查 of a unit below, done (ADR 049): counted for the inspected unit on the day it was done.
  BRANCH_INSPECTION: {
    source: 'accountability',
    parts: ['INSPECTION'],
    query: { type: 'INSPECTION' },
    label: { zh: '督查', en: 'Inspections done' },
    unit: '次',
    better: 'MORE',
  },
  // A red 通报 issued to a unit: an incident a 考核 may deduct for.
  NOTICE_RED: {
    source: 'accountability',
    parts: ['NOTICE:RED'],
    query: { type: 'NOTICE', colour: 'RED' },
    label: { zh: '红色通报', en: 'Red notices' },
    unit: '次',
    better: 'LESS',
  },
  // 一会一报 (ADR 048): held without a final approval, or submitted later than the lead days,
  // counted at the event's start; the incident a 考核 deducts for.
  EVENTS_UNAPPROVED: {
    source: 'event',
    parts: ['UNAPPROVED:*', 'APPROVED:LATE', 'OPEN:LATE'],
    query: { flagged: 'true' },
    label: { zh: '未经审批或迟报的报告会研讨会', en: 'Events unapproved or submitted late' },
    unit: '场次',
    better: 'LESS',
  },
  EVENTS_APPROVED: {
    source: 'event',
    parts: ['APPROVED:*'],
    query: { approved: 'true' },
    label: { zh: '经审批的报告会研讨会讲座论坛', en: 'Events approved' },
    unit: '场次',
    better: 'MORE',
  },
  ASSIGNMENT_DONE: {
    source: 'assignment',
    query: { status: 'DONE' },
    label: { zh: '责任清单已完成', en: 'Responsibility items done' },
    unit: '项',
    better: 'MORE',
    dashboard: { section: 'duty' },
  },
  ASSIGNMENT_OVERDUE: {
    source: 'assignment',
    query: { overdue: 'true' },
    label: { zh: '责任清单逾期', en: 'Responsibility items overdue' },
    unit: '项',
    better: 'LESS',
    dashboard: { section: 'duty' },
  },
  // 报送 of the reports the duty calendar asks for (ADR 047): a report counts for the org that sent
  // it, on the day it was sent (its sentAt), whatever the version; one per document and period.
  SPECIAL_REPORT_SENT: sentReport('SPECIAL_REPORT', { zh: '专题汇报报送', en: 'Special reports sent' }),
  BRIEFING_SENT: sentReport('BRIEFING', { zh: '党内通报', en: 'Party briefings issued' }),
  DEBRIEF_SENT: sentReport('DEBRIEF', { zh: '述职报告（意识形态）报送', en: 'Debriefs sent' }),
  DEMOCRATIC_LIFE_SENT: sentReport('DEMOCRATIC_LIFE', {
    zh: '民主生活会对照检查（意识形态）报送',
    en: 'Democratic life materials sent',
  }),
  JUDGEMENT_REPORT_SENT: sentReport('JUDGEMENT_REPORT', { zh: '研判报告报送', en: 'Situation reports sent' }),
} as const satisfies Record<string, CountedFigureDef | TaskFigureDef>;

export type Figure = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as Figure[];

/** Figures counted from the rollups by record dates: the ones a target or a task's rule may name. */
export type CountedFigure = {
  [K in Figure]: (typeof FIGURES)[K] extends { source: infer S }
    ? S extends 'assignment' | 'rectification'
      ? never
      : K
    : never;
}[Figure];
export const COUNTED_FIGURE_KEYS = FIGURE_KEYS.filter(
  (k): k is CountedFigure => FIGURES[k].source !== 'assignment' && FIGURES[k].source !== 'rectification',
);

/** Every figure with rollup parts (dated or not). */
export type RolledFigure = Exclude<Figure, 'ASSIGNMENT_DONE' | 'ASSIGNMENT_OVERDUE'>;
export const ROLLED_FIGURE_KEYS = FIGURE_KEYS.filter((k): k is RolledFigure => FIGURES[k].source !== 'assignment');

export function figureDef(figure: RolledFigure): CountedFigureDef {
  return FIGURES[figure];
}

/** Figures whose records are one list's, for a list's `figure=` filter. */
export function figuresOf(source: RollupSource): RolledFigure[] {
  return ROLLED_FIGURE_KEYS.filter((k) => FIGURES[k].source === source);
}

/** One part pattern as a prefix or an exact value, the form both Node and SQL read. */
export interface PartPattern {
  value: string;
  prefix: boolean;
}

export function partPatterns(parts: Parts): PartPattern[] {
  if (parts === 'ALL') return [{ value: '', prefix: true }];
  return parts.map((p) => (p.endsWith('*') ? { value: p.slice(0, -1), prefix: true } : { value: p, prefix: false }));
}

/** Whether a part is in a selection (Node side; SQL reads the same patterns, rollups.ts). */
export function partMatcher(parts: Parts): (part: string) => boolean {
  const patterns = partPatterns(parts);
  return (part) => patterns.some((p) => (p.prefix ? part.startsWith(p.value) : part === p.value));
}

/**
 * The records of a selection of parts, for sources whose parts are record fields: one clause per
 * pattern, each a map of field → value (a prefix pattern fixes only the fields it names).
 * Null when the source's parts are computed (its lists have their own flags).
 */
export function partClauses(source: RollupSource, parts: Parts): Record<string, string>[] | null {
  const fields = FIGURE_SOURCES[source].fields;
  if (!fields) return null;
  return partPatterns(parts).map((p) => {
    const values = p.value.split(':').filter((v, i, all) => v !== '' || i < all.length - 1);
    const clause: Record<string, string> = {};
    values.forEach((v, i) => {
      const field = fields[i];
      if (field && v !== '') clause[field] = v;
    });
    return clause;
  });
}
