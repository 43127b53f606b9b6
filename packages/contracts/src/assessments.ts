// 考核细则 (issue 18, ADR 040): the indicator tree the level above scores its units by — a 区 its
// 街道, a 街道 its 支部 — for a year or a half year. Each item has points, a rule, the evidence it
// accepts and who scores it. The rule types are one discriminated union declared here; a
// computable rule names a figure of the registry (figures.ts), so its proposed score is read from
// the same rollups, and its "N 条记录" is the same drill, as the dashboard's. The scoring
// functions are pure and live here, so the API proposes and the web explains with one code.
import { z } from 'zod';
import { RULE_PERS, RulePerSchema } from './assignments.ts';
import { IdSchema, InstantSchema } from './common.ts';
import { COUNTED_FIGURE_KEYS, type CountedFigure, FIGURES, ROLLED_FIGURE_KEYS, type RolledFigure } from './figures.ts';
import { MetricDrillSchema, requiredByRule } from './metrics.ts';
import type { OrgLevel } from './orgs.ts';
import { LocalDateSchema, PeriodCodeSchema, periodFromCode, periodMonths } from './periods.ts';

// ---------------------------------------------------------------------------------------------
// Enums and limits

/** The levels a scheme scores, and the levels of the orgs that may issue one for them. */
export const SCHEME_LEVELS = ['STREET', 'BRANCH'] as const satisfies readonly OrgLevel[];
export const SchemeLevelSchema = z.enum(SCHEME_LEVELS);
export type SchemeLevel = z.infer<typeof SchemeLevelSchema>;
export const SCHEME_ISSUER_LEVELS: Readonly<Record<SchemeLevel, readonly OrgLevel[]>> = {
  STREET: ['DISTRICT'],
  BRANCH: ['STREET', 'BRANCH_GROUP'],
};

/** DRAFT: editable. IN_USE: locked (a campaign scores by it); a change is a copy. */
export const SCHEME_STATES = ['DRAFT', 'IN_USE'] as const;
export const SchemeStateSchema = z.enum(SCHEME_STATES);
export type SchemeState = z.infer<typeof SchemeStateSchema>;

/** COMPUTED: the proposal from the records stands unless someone changes it. REVIEWER: scored by hand. */
export const SCORERS = ['COMPUTED', 'REVIEWER'] as const;
export const ScorerSchema = z.enum(SCORERS);
export type Scorer = z.infer<typeof ScorerSchema>;

export const SCHEME_RULE_TYPES = ['COUNT', 'DEADLINE', 'PER_INCIDENT', 'VETO', 'MANUAL'] as const;
export type SchemeRuleType = (typeof SCHEME_RULE_TYPES)[number];

/** How a COUNT rule turns done/required into points. */
export const COUNT_METHODS = ['FULL_OR_NOTHING', 'PROPORTIONAL', 'PER_MISSING'] as const;
export const CountMethodSchema = z.enum(COUNT_METHODS);
export type CountMethod = z.infer<typeof CountMethodSchema>;

export { RULE_PERS };

export const SCHEME_NAME_MAX = 100;
export const SCHEME_TITLE_MAX = 200;
export const SCHEME_EVIDENCE_MAX = 1000;
export const SCHEME_CATEGORIES_MAX = 20;
export const SCHEME_ITEMS_MAX = 50;
export const SCHEME_POINTS_MAX = 1000;
export const SCHEME_REQUIRED_MAX = 10_000;
/** 百分制 by default; 村/社区 often 千分制. */
export const SCHEME_TOTAL_DEFAULT = 100;
export const SCHEME_LIST_MAX = 200;
/** Stable item keys: a campaign's scores name (scheme, key). */
export const ITEM_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Figures an incident rule (per-incident deduction, 一票否决) may name: counted from the rollups
 * and where less is better (an open rectification, an alert reported late).
 */
export type IncidentFigure = Extract<RolledFigure, 'RECTIFICATION_OPEN' | 'ALERT_REPORTED_LATE' | 'NOTICE_RED'>;
export const INCIDENT_FIGURE_KEYS = ROLLED_FIGURE_KEYS.filter((k): k is IncidentFigure => FIGURES[k].better === 'LESS');
export const IncidentFigureSchema = z.enum(INCIDENT_FIGURE_KEYS as [IncidentFigure, ...IncidentFigure[]]);
/** Figures a COUNT or DEADLINE rule may name: dated records, listable by their drill. */
export const CountFigureSchema = z.enum(COUNTED_FIGURE_KEYS as [CountedFigure, ...CountedFigure[]]);

const points = z.number().min(0).max(SCHEME_POINTS_MAX);
const deduct = z.number().positive().max(SCHEME_POINTS_MAX);

// ---------------------------------------------------------------------------------------------
// The rule union

export const SchemeRuleSchema = z.discriminatedUnion('type', [
  /** At least `required` records of `figure` in each slice (the period, each quarter, each month). */
  z.strictObject({
    type: z.literal('COUNT'),
    figure: CountFigureSchema,
    required: z.number().int().min(1).max(SCHEME_REQUIRED_MAX),
    per: RulePerSchema,
    method: CountMethodSchema,
    /** PER_MISSING only: points taken off per record missing. */
    deduct: deduct.optional(),
  }),
  /**
   * At least one record of `figure` from the period's start to the end of the due day: `dueOn`
   * when given, else the last day of `dueMonth` (ADR 044).
   */
  z.strictObject({
    type: z.literal('DEADLINE'),
    figure: CountFigureSchema,
    /** "2026-06": by the last day of June (Asia/Shanghai); rollups are kept by month (ADR 040). */
    dueMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    /** "2026-06-20": by the end of that day (Asia/Shanghai, inclusive); a day of `dueMonth`. */
    dueOn: LocalDateSchema.optional(),
  }),
  /** points − deduct × count of the incident figure in the period, floor 0. */
  z.strictObject({ type: z.literal('PER_INCIDENT'), figure: IncidentFigureSchema, deduct }),
  /** 一票否决: one record of the figure makes the unit's whole total 0. */
  z.strictObject({ type: z.literal('VETO'), figure: IncidentFigureSchema }),
  /** Scored by the reviewer with a written reason; nothing is proposed. */
  z.strictObject({ type: z.literal('MANUAL') }),
]);
export type SchemeRule = z.infer<typeof SchemeRuleSchema>;

/** A DEADLINE rule's last day ("YYYY-MM-DD", Asia/Shanghai, inclusive): `dueOn`, else the due month's last day. */
export function deadlineDueDay(rule: { dueMonth: string; dueOn?: string | undefined }): string {
  if (rule.dueOn) return rule.dueOn;
  const [y, m] = rule.dueMonth.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${rule.dueMonth}-${String(days).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// The tree

export const SchemeItemInputSchema = z.strictObject({
  /** Kept when given (a copy keeps its keys); the server gives new items one. */
  key: z.string().regex(ITEM_KEY_PATTERN).optional(),
  title: z.string().trim().min(1).max(SCHEME_TITLE_MAX),
  points,
  rule: SchemeRuleSchema,
  /** The evidence the item accepts, in words (the records it reads, or what the reviewer looks at). */
  evidence: z.string().trim().max(SCHEME_EVIDENCE_MAX),
  scorer: ScorerSchema,
});
export type SchemeItemInput = z.infer<typeof SchemeItemInputSchema>;

export const SchemeCategoryInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(SCHEME_TITLE_MAX),
  items: z.array(SchemeItemInputSchema).min(1).max(SCHEME_ITEMS_MAX),
});
export type SchemeCategoryInput = z.infer<typeof SchemeCategoryInputSchema>;

/** A year or a half year: 考核 runs yearly, often half-yearly. */
export const SchemePeriodCodeSchema = PeriodCodeSchema.refine((v) => !v.includes('-Q'), '考核周期须为全年或半年');

const schemeFields = {
  name: z.string().trim().min(1).max(SCHEME_NAME_MAX),
  level: SchemeLevelSchema,
  period: SchemePeriodCodeSchema,
  total: z.number().int().min(1).max(SCHEME_POINTS_MAX),
  categories: z.array(SchemeCategoryInputSchema).min(1).max(SCHEME_CATEGORIES_MAX),
};

export const CreateSchemeInputSchema = z.strictObject({ org: IdSchema, ...schemeFields });
export type CreateSchemeInput = z.infer<typeof CreateSchemeInputSchema>;

export const UpdateSchemeInputSchema = z
  .strictObject(schemeFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdateSchemeInput = z.infer<typeof UpdateSchemeInputSchema>;

/** Copy: a new DRAFT from any readable scheme, for an org the caller manages and maybe another period. */
export const CopySchemeInputSchema = z.strictObject({
  org: IdSchema.optional(),
  period: SchemePeriodCodeSchema.optional(),
  name: z.string().trim().min(1).max(SCHEME_NAME_MAX).optional(),
});
export type CopySchemeInput = z.infer<typeof CopySchemeInputSchema>;

export const StarterSchemeInputSchema = z.strictObject({ org: IdSchema, period: SchemePeriodCodeSchema });
export type StarterSchemeInput = z.infer<typeof StarterSchemeInputSchema>;

export const ListSchemesQuerySchema = z.strictObject({
  /** The schemes this org issued and the ones that score it (issued above it). Default: home org. */
  org: IdSchema.optional(),
  period: SchemePeriodCodeSchema.optional(),
});

export const ProposalsQuerySchema = z.strictObject({ org: IdSchema });

// ---------------------------------------------------------------------------------------------
// Validation: errors refuse a save; warnings (减负) are answered beside the saved scheme.

export interface SchemeIssue {
  /** Dotted path into the input ("categories.0.items.2.points"). */
  path: string;
  message: string;
}

/** The shape validateScheme reads (an input, or a stored scheme merged with a change). */
export interface SchemeShape {
  period: string;
  total: number;
  categories: readonly { title: string; items: readonly SchemeItemInput[] }[];
}

const EPSILON = 1e-9;
export const sumPoints = (items: readonly { points: number }[]) =>
  Math.round(items.reduce((s, i) => s + i.points, 0) * 100) / 100;

/** The cross-field rules a zod schema cannot see item by item. Empty: the tree may be saved. */
export function schemeIssues(s: SchemeShape): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  const period = periodFromCode(s.period);
  const months = new Set(periodMonths(period));
  const keys = new Set<string>();
  const sum = sumPoints(s.categories.flatMap((c) => c.items));
  if (Math.abs(sum - s.total) > EPSILON) {
    issues.push({ path: 'total', message: `各项分值之和（${sum}）须等于总分（${s.total}）` });
  }
  s.categories.forEach((c, ci) => {
    c.items.forEach((item, ii) => {
      const at = `categories.${ci}.items.${ii}`;
      const r = item.rule;
      if (item.key !== undefined) {
        if (keys.has(item.key)) issues.push({ path: `${at}.key`, message: '指标编号重复' });
        keys.add(item.key);
      }
      if (r.type === 'MANUAL' && item.scorer !== 'REVIEWER') {
        issues.push({ path: `${at}.scorer`, message: '人工评分的指标须由复核人评分' });
      }
      if (r.type === 'VETO' && item.points !== 0) {
        issues.push({ path: `${at}.points`, message: '一票否决项不计分值，分值须为 0' });
      }
      if (r.type !== 'VETO' && item.points === 0) {
        issues.push({ path: `${at}.points`, message: '分值须大于 0' });
      }
      if (r.type === 'COUNT' && r.method === 'PER_MISSING' && r.deduct === undefined) {
        issues.push({ path: `${at}.rule.deduct`, message: '按缺少次数扣分须填写每缺一次扣几分' });
      }
      if (r.type === 'COUNT' && r.method !== 'PER_MISSING' && r.deduct !== undefined) {
        issues.push({ path: `${at}.rule.deduct`, message: '只有按缺少次数扣分的规则填写每次扣分' });
      }
      if (r.type === 'DEADLINE' && !months.has(r.dueMonth)) {
        issues.push({ path: `${at}.rule.dueMonth`, message: '截止月份须在考核周期内' });
      }
      if (r.type === 'DEADLINE' && r.dueOn !== undefined && !r.dueOn.startsWith(`${r.dueMonth}-`)) {
        issues.push({ path: `${at}.rule.dueOn`, message: '截止日期须在截止月份内' });
      }
    });
  });
  return issues;
}

/**
 * 减负 (整治形式主义为基层减负若干规定, 2024): a rule must score what was done, not how much was
 * uploaded. An item whose words ask for photos, uploads, screenshots, check-ins, notes counted by
 * the page or personal 积分 is answered as a warning; no figure of the registry counts uploads, so
 * only the words can. The words are declared here once (ADR 040 says why these).
 */
export const UPLOAD_COUNT_WORDS = [
  '照片',
  '图片',
  '拍照',
  '截图',
  '上传',
  '打卡',
  '签到',
  '积分',
  '笔记',
  '心得',
  '留痕',
  '台账页',
] as const;

export interface SchemeWarning {
  path: string;
  code: 'COUNTS_UPLOADS';
  /** The words that matched. */
  words: string[];
  message: string;
}

export function schemeWarnings(s: Pick<SchemeShape, 'categories'>): SchemeWarning[] {
  const out: SchemeWarning[] = [];
  s.categories.forEach((c, ci) => {
    c.items.forEach((item, ii) => {
      const text = `${item.title} ${item.evidence}`;
      const words = UPLOAD_COUNT_WORDS.filter((w) => text.includes(w));
      if (words.length > 0) {
        out.push({
          path: `categories.${ci}.items.${ii}`,
          code: 'COUNTS_UPLOADS',
          words,
          message: `这项指标提到“${words.join('、')}”：按基层减负规定，照片、上传数量、打卡、学习笔记和个人积分不能作为考核的衡量标准，请按实际做成的工作计分`,
        });
      }
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The answers

export const SchemeItemSchema = SchemeItemInputSchema.extend({ key: z.string() });
export type SchemeItem = z.infer<typeof SchemeItemSchema>;
export const SchemeCategorySchema = z.object({
  title: z.string(),
  /** The sum of its items' points. */
  points: z.number(),
  items: z.array(SchemeItemSchema),
});
export type SchemeCategory = z.infer<typeof SchemeCategorySchema>;

const SchemeWarningSchema = z.object({
  path: z.string(),
  code: z.literal('COUNTS_UPLOADS'),
  words: z.array(z.string()),
  message: z.string(),
});

export const SchemeSummarySchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  orgId: IdSchema,
  orgName: z.string(),
  level: SchemeLevelSchema,
  periodCode: z.string(),
  periodName: z.string(),
  name: z.string(),
  /** The scheme's edition among the org's schemes of the same period and level (1, 2, …). */
  number: z.number().int(),
  state: SchemeStateSchema,
  total: z.number(),
  copiedFromId: IdSchema.nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type SchemeSummary = z.infer<typeof SchemeSummarySchema>;

export const SchemeSchema = SchemeSummarySchema.extend({
  categories: z.array(SchemeCategorySchema),
  warnings: z.array(SchemeWarningSchema),
});
export type Scheme = z.infer<typeof SchemeSchema>;

export const SchemeListSchema = z.object({ items: z.array(SchemeSummarySchema) });
export type SchemeList = z.infer<typeof SchemeListSchema>;

export const ProposalSliceSchema = z.object({
  /** A period code or "YYYY-MM". */
  slice: z.string(),
  /** Asia/Shanghai days, both inclusive. */
  from: z.string(),
  to: z.string(),
  required: z.number().int(),
  done: z.number().int(),
  drill: MetricDrillSchema,
});

export const ItemProposalSchema = z.object({
  key: z.string(),
  title: z.string(),
  points: z.number(),
  scorer: ScorerSchema,
  ruleType: z.enum(SCHEME_RULE_TYPES),
  figure: z.string().nullable(),
  /** COUNT: per slice; DEADLINE: 1; others: null. */
  required: z.number().int().nullable(),
  /** The records counted (all slices), or null for MANUAL. */
  done: z.number().int().nullable(),
  slices: z.array(ProposalSliceSchema),
  /** The list of exactly the records counted (null: MANUAL). */
  drill: MetricDrillSchema.nullable(),
  /** Null for MANUAL (the reviewer scores it); a VETO item proposes 0 and sets `vetoed`. */
  proposed: z.number().nullable(),
  vetoed: z.boolean(),
});
export type ItemProposal = z.infer<typeof ItemProposalSchema>;

export const SchemeProposalsSchema = z.object({
  schemeId: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  periodCode: z.string(),
  total: z.number(),
  /** Sum of the computed proposals (MANUAL items count 0 until scored); 0 when vetoed. */
  proposedTotal: z.number(),
  /** Points of the items still to be scored by hand. */
  manualPoints: z.number(),
  /** The VETO items that struck (the scorecard says why the total is 0). */
  vetoedBy: z.array(z.string()),
  items: z.array(ItemProposalSchema),
});
export type SchemeProposals = z.infer<typeof SchemeProposalsSchema>;

// ---------------------------------------------------------------------------------------------
// Scoring (pure)

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A COUNT rule's score from each slice's done count. FULL_OR_NOTHING: every slice at `required`.
 * PROPORTIONAL: points × (Σ min(done, required)) / (required × slices) — extra records in one
 * slice never make up for another. PER_MISSING: points − deduct × Σ missing, floor 0.
 */
export function scoreCount(
  rule: Extract<SchemeRule, { type: 'COUNT' }>,
  itemPoints: number,
  done: readonly number[],
): number {
  if (done.length === 0) return 0;
  const counted = done.reduce((s, d) => s + Math.min(Math.max(d, 0), rule.required), 0);
  const required = rule.required * done.length;
  switch (rule.method) {
    case 'FULL_OR_NOTHING':
      return counted >= required ? itemPoints : 0;
    case 'PROPORTIONAL':
      return round2((itemPoints * counted) / required);
    case 'PER_MISSING':
      return round2(Math.max(0, itemPoints - (rule.deduct ?? 0) * (required - counted)));
  }
}

/** DEADLINE: full points with at least one record by the due month's end, else 0. */
export const scoreDeadline = (itemPoints: number, done: number): number => (done >= 1 ? itemPoints : 0);

/** PER_INCIDENT: points − deduct × incidents, floor 0. */
export const scorePerIncident = (itemPoints: number, deductEach: number, incidents: number): number =>
  round2(Math.max(0, itemPoints - deductEach * Math.max(incidents, 0)));

/** VETO: strikes at one incident. */
export const vetoStrikes = (incidents: number): boolean => incidents >= 1;

/** A unit's total: the items' scores (unscored ones count 0), or 0 when any veto struck. */
export function schemeTotal(scores: readonly (number | null)[], vetoed: boolean): number {
  if (vetoed) return 0;
  return round2(scores.reduce<number>((s, n) => s + (n ?? 0), 0));
}

// ---------------------------------------------------------------------------------------------
// The starter scheme for a 街道 (docs/domain.md, 考核: the source of each default)

/**
 * The starter's 专题汇报 is due on 20 June for the first half year and on 20 December for the
 * second half and the whole year (docs/domain.md, 考核): the day its DEADLINE rule names with
 * `dueOn`, on the figure SPECIAL_REPORT_SENT (报送 of the 专题汇报, ADR 047).
 */
export function starterReportDueOn(periodCode: string): string {
  const period = periodFromCode(periodCode);
  return `${period.year}-${period.kind === 'HALF' && period.index === 1 ? '06' : '12'}-20`;
}

/** Items a starter cannot compute yet: the record kind comes with issue 19. */
const LATER = '（Dutyboard 尚无此类记录，暂由复核人对照材料评分）';

/**
 * A starter 细则 for scoring 街道 over a year or a half year, from the common local rules of the
 * issue's Defaults paragraph: editable like any draft. 中心组学习 ≥ 12 a year is scaled to the
 * period (6 for a half year).
 */
export function starterSchemeCategories(periodCode: string): SchemeCategoryInput[] {
  const period = periodFromCode(periodCode);
  const perYear = requiredByRule({ frequency: 'YEARLY', times: 12 }, period);
  const perHalf = requiredByRule({ frequency: 'HALF_YEARLY', times: 1 }, period);
  const reportDue = starterReportDueOn(periodCode);
  const manual = (title: string, pts: number, evidence: string): SchemeItemInput => ({
    title,
    points: pts,
    rule: { type: 'MANUAL' },
    evidence: `${evidence}${LATER}`,
    scorer: 'REVIEWER',
  });
  return [
    {
      title: '组织领导',
      items: [
        // Counted from the 党工委 meetings (ADR 046): one 专题研究 per half year (2 in a year, as one
        // PERIOD count), one 研判 in each quarter.
        {
          title: `党工委专题研究意识形态工作，每半年不少于1次（本周期${perHalf}次）`,
          points: 10,
          rule: {
            type: 'COUNT',
            figure: 'COMMITTEE_SPECIAL_STUDY',
            required: perHalf,
            per: 'PERIOD',
            method: 'PROPORTIONAL',
          },
          evidence: '党工委会议纪要（系统中的党工委专题研究会议）',
          scorer: 'COMPUTED',
        },
        {
          title: '开展意识形态形势分析研判，每季度1次',
          points: 10,
          rule: { type: 'COUNT', figure: 'COMMITTEE_JUDGEMENT', required: 1, per: 'QUARTER', method: 'PROPORTIONAL' },
          evidence: '研判会议记录（系统中的意识形态形势分析研判会议）',
          scorer: 'COMPUTED',
        },
        {
          title: `每半年向区委专题汇报意识形态工作（${reportDue.slice(5, 7).replace(/^0/, '')}月${reportDue.slice(8)}日前报送）`,
          points: 10,
          // 报送 marked on the FINAL 专题汇报 by the end of the due day (ADR 047).
          rule: { type: 'DEADLINE', figure: 'SPECIAL_REPORT_SENT', dueMonth: reportDue.slice(0, 7), dueOn: reportDue },
          evidence: '专题汇报定稿及报送记录（报送日期、文号）',
          scorer: 'COMPUTED',
        },
      ],
    },
    {
      title: '理论学习',
      items: [
        {
          title: `党工委理论学习中心组集中学习，全年不少于12次（本周期${perYear}次）`,
          points: 15,
          rule: {
            type: 'COUNT',
            figure: 'CENTRAL_GROUP_STUDY',
            required: perYear,
            per: 'PERIOD',
            method: 'PROPORTIONAL',
          },
          evidence: '中心组学习记录（系统中的中心组学习、中心组专题学习研讨）',
          scorer: 'COMPUTED',
        },
        {
          title: '中心组学习每季度不少于1次，少一次扣2分',
          points: 10,
          rule: {
            type: 'COUNT',
            figure: 'CENTRAL_GROUP_STUDY',
            required: 1,
            per: 'QUARTER',
            method: 'PER_MISSING',
            deduct: 2,
          },
          evidence: '中心组学习记录（按季度）',
          scorer: 'COMPUTED',
        },
      ],
    },
    {
      title: '阵地管理',
      items: [manual('意识形态阵地每季度检查1次', 15, '阵地检查记录')],
    },
    {
      title: '舆情处置',
      items: [
        {
          title: '舆情按规定时限报送，每迟报1条扣3分',
          points: 15,
          rule: { type: 'PER_INCIDENT', figure: 'ALERT_REPORTED_LATE', deduct: 3 },
          evidence: '舆情登记与报送记录（系统按各级舆情的报送时限判断是否迟报）',
          scorer: 'COMPUTED',
        },
      ],
    },
    {
      title: '督促检查',
      items: [manual('对所属各支部意识形态工作督查每年不少于1次', 15, '督查通知、督查记录及反馈')],
    },
  ];
}

export const STARTER_SCHEME_NAME = (periodName: string) => `街道意识形态工作责任制考核细则（${periodName}）`;
