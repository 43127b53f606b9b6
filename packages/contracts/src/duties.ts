// The calendar of duties (issue 19, ADR 045): what an org must do on a rhythm — a 专题研究 each half
// year, a 研判 each quarter, a 专题汇报 by 6/20 and 12/20 … — declared once as data. Each duty is
// fulfilled by the records of ONE figure of the registry (figures.ts), counted for the org's own
// records (never its subtree) from its window's start to the end of its due day (Asia/Shanghai).
// The level above changes a duty for the orgs below with a DutyRule (due days, number required,
// or off), reaching them as frequency rules do (ADR 038: the nearest rule decides). The calendar is
// computed from this table, the rules and the records; nothing of it is stored.
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.ts';
import { FIGURES, type Figure } from './figures.ts';
import { MetricDrillSchema } from './metrics.ts';
import { ORG_LEVELS, type OrgLevel } from './orgs.ts';
import {
  LocalDateSchema,
  localDateToInstant,
  type PeriodRef,
  periodFromCode,
  shanghaiLocalDate,
  YEAR_MAX,
  YEAR_MIN,
} from './periods.ts';
import { type RuleSubject, ruleIndex } from './plan.ts';

/** The windows a duty repeats in: the Shanghai periods of periods.ts. */
export const DUTY_RHYTHMS = ['HALF', 'QUARTER', 'YEAR'] as const;
export type DutyRhythm = (typeof DUTY_RHYTHMS)[number];

/**
 * Figures the other parts of issue 19 add (meetings, reports sent, the 督查 ledger). A duty may
 * name one before it exists: it stays out of the calendar until the figure is in FIGURES, and then
 * counts with no edit here. A name outside this list and the registry does not compile.
 */
export type PendingFigure =
  | 'COMMITTEE_SPECIAL_STUDY'
  | 'COMMITTEE_JUDGEMENT'
  | 'SPECIAL_REPORT_SENT'
  | 'BRIEFING_SENT'
  | 'DEBRIEF_SENT'
  | 'DEMOCRATIC_LIFE_SENT'
  | 'CENTRAL_GROUP_PLAN'
  | 'BRANCH_INSPECTION';

export interface DutyDef {
  label: { zh: string; en: string };
  /** The figure whose records fulfil it. */
  figure: Figure | PendingFigure;
  rhythm: DutyRhythm;
  /** The due day of each window as "MM-DD", in window order; absent: each window's last day. */
  dueOn?: readonly string[];
  /** How many records each window needs. */
  required: number;
  /** The levels that owe it by default (a 街道/乡镇 党工委 and a 区委). */
  levels: readonly OrgLevel[];
  /**
   * Owed once for EACH org of this level below the owing org (one calendar line each), fulfilled
   * by that org's own records; absent: owed once, by the org itself.
   */
  eachBelow?: OrgLevel;
  /** Where the default comes from (docs/domain.md "Common local rules" and Sources). */
  source: string;
}

const COMMITTEES: readonly OrgLevel[] = ['DISTRICT', 'STREET'];
const COMMON_RULES = 'docs/domain.md, Common local rules';

export const DUTIES = {
  SPECIAL_STUDY: {
    label: { zh: '专题研究意识形态工作', en: 'Committee study of ideology work' },
    figure: 'COMMITTEE_SPECIAL_STUDY',
    rhythm: 'HALF',
    required: 1,
    levels: COMMITTEES,
    source: `${COMMON_RULES}: 专题研究意识形态工作 ≥ 1 per half year`,
  },
  JUDGEMENT: {
    label: { zh: '意识形态形势分析研判', en: 'Ideology situation analysis' },
    figure: 'COMMITTEE_JUDGEMENT',
    rhythm: 'QUARTER',
    required: 1,
    levels: COMMITTEES,
    source: `${COMMON_RULES}: 分析研判 1 per quarter`,
  },
  SPECIAL_REPORT: {
    label: { zh: '意识形态工作专题汇报', en: 'Report to the level above' },
    figure: 'SPECIAL_REPORT_SENT',
    rhythm: 'HALF',
    dueOn: ['06-20', '12-20'],
    required: 1,
    levels: COMMITTEES,
    source: `${COMMON_RULES}: 专题汇报 each half year, sample due dates 6/20 and 12/20 (Sources: m.fqjz1.com)`,
  },
  BRIEFING: {
    label: { zh: '意识形态工作通报', en: 'Briefing within the Party' },
    figure: 'BRIEFING_SENT',
    rhythm: 'HALF',
    required: 1,
    levels: COMMITTEES,
    source: `${COMMON_RULES}: 通报 each half year`,
  },
  STUDY_PLAN: {
    label: { zh: '中心组学习计划', en: 'Central group study plan' },
    figure: 'CENTRAL_GROUP_PLAN',
    rhythm: 'YEAR',
    dueOn: ['01-31'],
    required: 1,
    levels: COMMITTEES,
    source: `${COMMON_RULES}: 中心组 plan by the end of January (Sources: gyyunzhan.com)`,
  },
  DEBRIEF: {
    label: { zh: '述职中的意识形态工作', en: 'Ideology work in the annual debrief' },
    figure: 'DEBRIEF_SENT',
    rhythm: 'YEAR',
    required: 1,
    levels: COMMITTEES,
    source: 'issue 19: 述职 covers 意识形态 yearly',
  },
  DEMOCRATIC_LIFE: {
    label: { zh: '民主生活会对照检查', en: 'Democratic life meeting self-review' },
    figure: 'DEMOCRATIC_LIFE_SENT',
    rhythm: 'YEAR',
    required: 1,
    levels: COMMITTEES,
    source: 'issue 19: 民主生活会 对照检查 covers 意识形态 yearly',
  },
  // The 阵地 the committee itself runs (a 街道's 公众号, its 文明实践站): its own register, its own
  // checks. A branch's 微信群 is the branch's to check (ADR 045, "Whose 阵地").
  POSITION_INSPECTION: {
    label: { zh: '阵地检查', en: 'Position inspection' },
    figure: 'RISK_POINT_CHECK',
    rhythm: 'QUARTER',
    required: 1,
    levels: COMMITTEES,
    source: `${COMMON_RULES}: 阵地 inspected each quarter (Sources: guanshanwenku.com)`,
  },
  BRANCH_INSPECTION: {
    label: { zh: '督查支部', en: 'Branch inspection' },
    figure: 'BRANCH_INSPECTION',
    rhythm: 'YEAR',
    required: 1,
    levels: ['STREET'],
    eachBelow: 'BRANCH',
    source: `${COMMON_RULES}: each 支部 督查 ≥ 1 per year`,
  },
} as const satisfies Record<string, DutyDef>;

export type DutyKind = keyof typeof DUTIES;
/** Every declared kind, in calendar order (the Prisma enum DutyKind has them all). */
export const DUTY_KINDS = Object.keys(DUTIES) as DutyKind[];

/** A kind whose figure is in the registry: the ones the calendar shows and rules may name. */
export type ActiveDutyKind = {
  [K in DutyKind]: (typeof DUTIES)[K]['figure'] extends Figure ? K : never;
}[DutyKind];
const isActive = (kind: DutyKind): kind is ActiveDutyKind => DUTIES[kind].figure in FIGURES;
export const ACTIVE_DUTY_KINDS: ActiveDutyKind[] = DUTY_KINDS.filter(isActive);
export const DutyKindSchema = z.enum(ACTIVE_DUTY_KINDS as [ActiveDutyKind, ...ActiveDutyKind[]]);

/** The figure of an active kind. */
export const dutyFigure = (kind: ActiveDutyKind): Figure => DUTIES[kind].figure as Figure;

// ---------------------------------------------------------------------------------------------
// Windows and due days

const WINDOWS: Record<DutyRhythm, readonly string[]> = {
  HALF: ['H1', 'H2'],
  QUARTER: ['Q1', 'Q2', 'Q3', 'Q4'],
  YEAR: [''],
};

/** The windows of a rhythm in a year, in order. */
export function dutyWindows(rhythm: DutyRhythm, year: number): PeriodRef[] {
  return WINDOWS[rhythm].map((w) => periodFromCode(w ? `${year}-${w}` : String(year)));
}

/** How many windows a rhythm has in a year (and so how many due days a rule gives). */
export const windowCount = (rhythm: DutyRhythm) => WINDOWS[rhythm].length;

/** The last Shanghai day of a window, "YYYY-MM-DD". */
export const windowLastDay = (w: Pick<PeriodRef, 'endsAt'>) => shanghaiLocalDate(new Date(w.endsAt.getTime() - 1));

/** "MM-DD" of a window's year, as a day; null when no such day (02-30, or 02-29 of a common year). */
export function dayOfWindow(w: Pick<PeriodRef, 'year'>, mmdd: string): string | null {
  const date = `${w.year}-${mmdd}`;
  const ok = LocalDateSchema.safeParse(date);
  if (!ok.success) return null;
  return shanghaiLocalDate(localDateToInstant(date)) === date ? date : null;
}

/** Whether a due day "MM-DD" lies in the window (in its year, between its first and last day). */
export function dueDayFits(w: PeriodRef, mmdd: string): boolean {
  const day = dayOfWindow(w, mmdd);
  return day !== null && day >= shanghaiLocalDate(w.startsAt) && day <= windowLastDay(w);
}

/**
 * Whether due days fit a rhythm: one per window, each inside its window in every year (so 02-29
 * is refused: most years have none). Checked in a leap-free year.
 */
export function dueDaysFit(rhythm: DutyRhythm, dueOn: readonly string[]): boolean {
  const windows = dutyWindows(rhythm, 2027);
  return dueOn.length === windows.length && windows.every((w, i) => dueDayFits(w, dueOn[i] ?? ''));
}

/** The end of a due day: the next day's 00:00 in Shanghai. A record before it counts as on time. */
export const dueDayEnd = (day: string) => new Date(localDateToInstant(day).getTime() + 24 * 3_600_000);

// ---------------------------------------------------------------------------------------------
// Rules down the tree

export const DUTY_REQUIRED_MIN = 1;
export const DUTY_REQUIRED_MAX = 100;
export const DUTY_NOTE_MAX = 200;
const MonthDaySchema = z.string().regex(/^\d{2}-\d{2}$/, 'MM-DD');

const dutyRuleFields = {
  kind: DutyKindSchema,
  orgId: IdSchema,
  /** As frequency rules (ADR 038): false — the org itself; true — each direct child, or with `level` each org of that level below. */
  eachChild: z.boolean(),
  level: z.enum(ORG_LEVELS).nullable().optional(),
  /** The due day of each window ("MM-DD", one per window); null: the duty's default days. */
  dueOn: z.array(MonthDaySchema).min(1).max(4).nullable().optional(),
  /** Records required per window; null: the duty's default. */
  required: z.number().int().min(DUTY_REQUIRED_MIN).max(DUTY_REQUIRED_MAX).nullable().optional(),
  /** true: the orgs it reaches do not owe this duty. */
  off: z.boolean().optional(),
  note: z.string().trim().max(DUTY_NOTE_MAX).nullable().optional(),
};

/** Due days must fit the kind's windows: one per window, inside it. */
const dueOnFitsKind = (v: { kind?: ActiveDutyKind | undefined; dueOn?: readonly string[] | null | undefined }) =>
  !v.kind || !v.dueOn || dueDaysFit(DUTIES[v.kind].rhythm, v.dueOn);
const DUE_ON_ISSUE = { message: 'one due day per window, each inside its window', path: ['dueOn'] };

/** Whether the reach fits the org is checked on the org loaded (ruleReachAllowed, as frequency rules). */
export const CreateDutyRuleInputSchema = z.strictObject(dutyRuleFields).refine(dueOnFitsKind, DUE_ON_ISSUE);
export type CreateDutyRuleInput = z.infer<typeof CreateDutyRuleInputSchema>;

/** The kind, org and reach are the rule's identity; a PATCH changes what it says. */
export const UpdateDutyRuleInputSchema = z
  .strictObject({
    dueOn: dutyRuleFields.dueOn,
    required: dutyRuleFields.required,
    off: dutyRuleFields.off,
    note: dutyRuleFields.note,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdateDutyRuleInput = z.infer<typeof UpdateDutyRuleInputSchema>;

export const ListDutyRulesQuerySchema = z.strictObject({
  /** An org (default: the caller's home org): rules set on it and below, and its ancestors' rules that reach it. */
  org: IdSchema.optional(),
});

export const DutyRuleSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  kind: DutyKindSchema,
  orgId: IdSchema,
  orgName: z.string(),
  eachChild: z.boolean(),
  level: z.enum(ORG_LEVELS).nullable(),
  dueOn: z.array(z.string()).nullable(),
  required: z.number().int().nullable(),
  off: z.boolean(),
  note: z.string().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type DutyRule = z.infer<typeof DutyRuleSchema>;
export const DutyRuleListSchema = z.object({ items: z.array(DutyRuleSchema) });

/** A rule as the calendar reads it. */
export interface DutyRuleLike {
  id: string;
  kind: ActiveDutyKind;
  orgId: string;
  orgName: string;
  eachChild: boolean;
  level: OrgLevel | null;
  dueOn: readonly string[] | null;
  required: number | null;
  off: boolean;
}

/** Where a line's due day and number come from: the default, or the rule that decides. */
export const DutyRuleFromSchema = z.object({
  ruleId: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  eachChild: z.boolean(),
  level: z.enum(ORG_LEVELS).nullable(),
  /** A farther rule would apply but for this one. */
  overrides: z.boolean(),
});
export type DutyRuleFrom = z.infer<typeof DutyRuleFromSchema>;

/** One duty an org owes in a year, after the rules: its windows' due days and number, or off. */
export interface OwedDuty {
  kind: ActiveDutyKind;
  required: number;
  /** "YYYY-MM-DD", one per window. */
  dueDays: string[];
  windows: PeriodRef[];
  ruleFrom: DutyRuleFrom | null;
}

/**
 * The duties an org owes in a year (the table's defaults for its level, changed by the nearest
 * rule: ruleIndex, the frequency rules' precedence). A rule switched off drops the duty.
 */
export function owedDuties(
  org: RuleSubject,
  year: number,
  rules: readonly DutyRuleLike[],
  kinds: readonly ActiveDutyKind[] = ACTIVE_DUTY_KINDS,
  table: Record<string, DutyDef> = DUTIES,
): OwedDuty[] {
  const nearest = ruleIndex(rules.map((r) => ({ ...r, metric: r.kind })));
  return kinds.flatMap((kind) => {
    const def = table[kind];
    if (!def?.levels.includes(org.level)) return [];
    const applied = nearest(org, kind);
    const rule = applied?.rule;
    if (rule?.off) return [];
    const windows = dutyWindows(def.rhythm, year);
    const days = rule?.dueOn ?? def.dueOn;
    return [
      {
        kind,
        required: rule?.required ?? def.required,
        windows,
        dueDays: windows.map((w, i) => (days?.[i] ? dayOfWindow(w, days[i]) : null) ?? windowLastDay(w)),
        ruleFrom:
          rule && applied
            ? {
                ruleId: rule.id,
                orgId: rule.orgId,
                orgName: rule.orgName,
                eachChild: rule.eachChild,
                level: rule.level,
                overrides: applied.overrides,
              }
            : null,
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// States

export const DUTY_STATES = ['NOT_STARTED', 'DRAFT', 'DONE', 'LATE'] as const;
export const DutyStateSchema = z.enum(DUTY_STATES);
export type DutyState = z.infer<typeof DutyStateSchema>;

/** A draft of a report duty (issue 19 part C's reportDraftState): NONE, DRAFT or FINAL. */
export type DraftState = 'NONE' | 'DRAFT' | 'FINAL';

/**
 * A line's state at `now`: DONE when the records by the end of the due day reach the number;
 * LATE when they reach it only with records after the due day (`overdue` false), or when they do
 * not and the due day is over (`overdue` true, from the next day's 00:00 in Shanghai); DRAFT when
 * a draft of it exists; else NOT_STARTED.
 */
export function dutyState(line: {
  required: number;
  /** Records from the window's start to the end of the due day. */
  doneByDue: number;
  /** Records in the whole window. */
  done: number;
  dueOn: string;
  now: Date;
  draft?: DraftState;
}): { state: DutyState; overdue: boolean } {
  if (line.doneByDue >= line.required) return { state: 'DONE', overdue: false };
  if (line.done >= line.required) return { state: 'LATE', overdue: false };
  if (line.now.getTime() >= dueDayEnd(line.dueOn).getTime()) return { state: 'LATE', overdue: true };
  if (line.draft === 'DRAFT' || line.draft === 'FINAL') return { state: 'DRAFT', overdue: false };
  return { state: 'NOT_STARTED', overdue: false };
}

/** A DUTY_DUE bell item: not done, the due day within this many days. */
export const DUTY_SOON_DAYS = 7;

// ---------------------------------------------------------------------------------------------
// The calendar answer

export const DutyCalendarQuerySchema = z.strictObject({
  /** Default: the caller's home org. */
  org: IdSchema.optional(),
  /** Default: the current Shanghai year. */
  year: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX).optional(),
  /** 1: also the duties of the org's direct children (a 区 looking at its 街道). */
  below: z.enum(['0', '1']).optional(),
});
export type DutyCalendarQuery = z.input<typeof DutyCalendarQuerySchema>;

export const DutyLineSchema = z.object({
  kind: DutyKindSchema,
  /** The org that owes the duty. */
  orgId: IdSchema,
  orgName: z.string(),
  /** The org whose own records fulfil it: the owing org, or for an each-below duty one org below it. */
  forOrgId: IdSchema,
  forOrgName: z.string(),
  /** The window's period code ("2026-H1") and days (both inclusive). */
  window: z.string(),
  windowFrom: LocalDateSchema,
  windowTo: LocalDateSchema,
  dueOn: LocalDateSchema,
  required: z.number().int(),
  /** Records in the window (what the drill lists), and those by the end of the due day. */
  done: z.number().int(),
  doneByDue: z.number().int(),
  state: DutyStateSchema,
  /** Not done and the due day is over. */
  overdue: z.boolean(),
  /** The fulfilling figure's list: exactly the `done` records (the org's own, in the window). */
  drill: MetricDrillSchema,
  /** null: the duty's default. */
  ruleFrom: DutyRuleFromSchema.nullable(),
});
export type DutyLine = z.infer<typeof DutyLineSchema>;

/** Per kind and owing org, the window that contains today (or the year's nearest): "专题研究 1/1 本半年". */
export const DutySummarySchema = z.object({
  kind: DutyKindSchema,
  orgId: IdSchema,
  window: z.string(),
  /** Summed over the window's lines (each-below duties: every org below). */
  required: z.number().int(),
  /** Σ min(done, required) over the lines. */
  done: z.number().int(),
  lines: z.number().int(),
  linesDone: z.number().int(),
});
export type DutySummary = z.infer<typeof DutySummarySchema>;

export const DutyCalendarSchema = z.object({
  year: z.number().int(),
  /** The org asked for first, then (below=1) its direct children. */
  orgs: z.array(z.object({ id: IdSchema, name: z.string(), level: z.enum(ORG_LEVELS) })),
  /** By due day, then the table's order, then org. */
  items: z.array(DutyLineSchema),
  summary: z.array(DutySummarySchema),
});
export type DutyCalendar = z.infer<typeof DutyCalendarSchema>;

/** The window a summary shows for a year at `now`: the one containing now, else the first (future year) or last (past year). */
export function summaryWindow(windows: readonly PeriodRef[], now: Date): PeriodRef | undefined {
  const t = now.getTime();
  return (
    windows.find((w) => w.startsAt.getTime() <= t && t < w.endsAt.getTime()) ??
    (windows[0] && t < windows[0].startsAt.getTime() ? windows[0] : windows[windows.length - 1])
  );
}

/** The summary of each kind and owing org from its lines. */
export function dutySummaries(lines: readonly DutyLine[], now: Date): DutySummary[] {
  const groups = new Map<string, DutyLine[]>();
  for (const l of lines) {
    const key = `${l.orgId}|${l.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()].flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    const windows = [...new Set(group.map((l) => l.window))].map(periodFromCode);
    const w = summaryWindow(windows, now);
    const inW = group.filter((l) => l.window === w?.code);
    return [
      {
        kind: first.kind,
        orgId: first.orgId,
        window: w?.code ?? first.window,
        required: inW.reduce((s, l) => s + l.required, 0),
        done: inW.reduce((s, l) => s + Math.min(l.done, l.required), 0),
        lines: inW.length,
        linesDone: inW.filter((l) => l.state === 'DONE' || (l.state === 'LATE' && !l.overdue)).length,
      },
    ];
  });
}
