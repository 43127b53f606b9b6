// 考核结果 (issue 18 part A, ADR 042): a campaign's ranking, each unit's scorecard (where points
// were lost and why, with the records behind each item), the trend against the issuer's previous
// campaign, and what the 考核汇总表 (xlsx) and the 考核情况通报 (DOCX) read. The ranking's columns,
// the ranking rule (ties equal, 1,1,3, ordered by unit name) and the lost-point sentences are
// declared here once: the API answers them, the web table, the workbook and the 通报 all read them.
import { z } from 'zod';
import { ItemDriftSchema, RecordLinkSchema, type ReturnState, ReturnStateSchema } from './assessment-campaigns.ts';
import { SCHEME_RULE_TYPES } from './assessments.ts';
import { IdSchema } from './common.ts';
import {
  type Label,
  type LabelLang,
  type LabelTable,
  labelOf,
  RETURN_STATE_LABELS,
  RULE_PER_LABELS,
} from './labels.ts';
import { MetricDrillSchema } from './metrics.ts';

// ---------------------------------------------------------------------------------------------
// Which figure a row shows

/**
 * The total a row shows: the final score once CONFIRMED; the 复核 total once REVIEWED (not yet
 * final); the 自评 total from a first save until then; nothing before the 自评 starts.
 */
export const RESULT_BASES = ['FINAL', 'REVIEW', 'SELF', 'NONE'] as const;
export const ResultBasisSchema = z.enum(RESULT_BASES);
export type ResultBasis = z.infer<typeof ResultBasisSchema>;

export const RESULT_BASIS_LABELS: LabelTable<ResultBasis> = {
  FINAL: { zh: '最终得分', en: 'Final score' },
  REVIEW: { zh: '复核得分（待确认）', en: 'Review score (not confirmed)' },
  SELF: { zh: '自评得分（未复核）', en: 'Self score (not reviewed)' },
  NONE: { zh: '尚未自评', en: 'Not scored yet' },
};

export function basisOf(state: ReturnState): ResultBasis {
  if (state === 'CONFIRMED') return 'FINAL';
  if (state === 'REVIEWED') return 'REVIEW';
  if (state === 'NOT_STARTED') return 'NONE';
  return 'SELF';
}

/** The total a return shows by its basis (a SELF row its 自评 total, a FINAL or REVIEW row the final total). */
export function shownTotal(r: { state: ReturnState; selfTotal: number | null; finalTotal: number | null }) {
  const basis = basisOf(r.state);
  if (basis === 'NONE') return null;
  return basis === 'SELF' ? r.selfTotal : r.finalTotal;
}

// ---------------------------------------------------------------------------------------------
// Ranking (pure)

const collator = new Intl.Collator('zh-Hans-CN');

/**
 * Ranks rows by score, highest first: equal scores share a rank and the next rank skips (1, 1, 3);
 * equal scores are listed by unit name. Rows with no score come last, unranked (rank null).
 */
export function rankRows<T extends { score: number | null; orgName: string }>(rows: readonly T[]) {
  const sorted = [...rows].sort((a, b) => {
    if (a.score === null || b.score === null) {
      if (a.score !== b.score) return a.score === null ? 1 : -1;
    } else if (a.score !== b.score) return b.score - a.score;
    return collator.compare(a.orgName, b.orgName);
  });
  let rank = 0;
  return sorted.map((row, i) => {
    const prev = sorted[i - 1];
    if (row.score !== null && (prev === undefined || prev.score !== row.score)) rank = i + 1;
    return { ...row, rank: row.score === null ? null : rank };
  });
}

// ---------------------------------------------------------------------------------------------
// Trend

/** Why a row or an item has no trend: no earlier campaign of the issuer, the unit not in it, not scored, or another scheme. */
export const TREND_ABSENCES = ['NO_EARLIER_CAMPAIGN', 'NOT_IN_EARLIER', 'NOT_SCORED', 'OTHER_SCHEME'] as const;
export const TrendAbsenceSchema = z.enum(TREND_ABSENCES);
export type TrendAbsence = z.infer<typeof TrendAbsenceSchema>;

export const TREND_ABSENCE_LABELS: LabelTable<TrendAbsence> = {
  NO_EARLIER_CAMPAIGN: { zh: '无上期考核', en: 'No earlier campaign' },
  NOT_IN_EARLIER: { zh: '上期未参加考核', en: 'Not assessed last time' },
  NOT_SCORED: { zh: '无可比得分', en: 'No score to compare' },
  OTHER_SCHEME: { zh: '细则不同，不逐项比较', en: 'Another scheme: items not compared' },
};

/** Against the unit's return in the issuer's previous campaign: ±points, or why there is none. */
export const TrendSchema = z.object({
  delta: z.number().nullable(),
  previous: z.number().nullable(),
  absent: TrendAbsenceSchema.nullable(),
});
export type Trend = z.infer<typeof TrendSchema>;

export const noTrend = (absent: TrendAbsence): Trend => ({ delta: null, previous: null, absent });
export const round2 = (n: number) => Math.round(n * 100) / 100;
export function trendOf(now: number | null, previous: number | null): Trend {
  if (now === null || previous === null) return noTrend('NOT_SCORED');
  return { delta: round2(now - previous), previous, absent: null };
}

/** "+3"、"−2"、"±0"; a missing trend says why (never a bare 0). */
export function trendText(t: Trend, lang: LabelLang): string {
  if (t.delta === null) return labelOf(TREND_ABSENCE_LABELS, t.absent ?? 'NOT_SCORED', lang);
  if (t.delta === 0) return '±0';
  return t.delta > 0 ? `+${t.delta}` : `−${-t.delta}`;
}

// ---------------------------------------------------------------------------------------------
// Answers: the results of a campaign

export const EarlierCampaignSchema = z.object({ id: IdSchema, name: z.string(), periodCode: z.string() });

export const ResultRowSchema = z.object({
  returnId: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  state: ReturnStateSchema,
  /** Ranked by `score` over every unit of the campaign (1, 1, 3); null: not scored yet. */
  rank: z.number().int().nullable(),
  basis: ResultBasisSchema,
  /** The total the row shows (by `basis`). */
  score: z.number().nullable(),
  selfTotal: z.number().nullable(),
  /** Final once CONFIRMED, the 复核 total once REVIEWED, else null. */
  finalTotal: z.number().nullable(),
  vetoed: z.boolean(),
  /** The scheme's total less `score` (null when not scored). */
  pointsLost: z.number().nullable(),
  trend: TrendSchema,
});
export type ResultRow = z.infer<typeof ResultRowSchema>;

export const ResultItemSchema = z.object({
  key: z.string(),
  title: z.string(),
  category: z.string(),
  points: z.number(),
});

export const CampaignResultsSchema = z.object({
  campaignId: IdSchema,
  campaignName: z.string(),
  issuerId: IdSchema,
  issuerName: z.string(),
  periodCode: z.string(),
  schemeName: z.string(),
  total: z.number(),
  /** Every unit of the campaign (the rank's denominator), whatever the caller reads. */
  units: z.number().int(),
  confirmed: z.number().int(),
  /** The issuer's previous campaign the trend compares with, or null. */
  earlier: EarlierCampaignSchema.nullable(),
  /** The rows the caller reads: every unit on the issuer's side, its own on a unit's side. */
  rows: z.array(ResultRowSchema),
  items: z.array(ResultItemSchema),
  /** Per row (same order) and item (same order): the score the row shows for it, or null. */
  matrix: z.array(z.array(z.number().nullable())),
  /** The caller is on the issuer's side (reads every row, may export the 通报). */
  issuerSide: z.boolean(),
});
export type CampaignResults = z.infer<typeof CampaignResultsSchema>;

// ---------------------------------------------------------------------------------------------
// The ranking's columns, declared once: the web table, the xlsx and the 通报's table read them.

export interface ResultColumn {
  key: 'rank' | 'unit' | 'state' | 'selfTotal' | 'finalTotal' | 'basis' | 'vetoed' | 'pointsLost' | 'trend';
  label: Label;
  /** The cell as a file shows it (numbers stay numbers in the workbook). */
  cell: (row: ResultRow, lang: LabelLang) => string | number | null;
}

export const RESULT_COLUMNS: readonly ResultColumn[] = [
  { key: 'rank', label: { zh: '名次', en: 'Rank' }, cell: (r) => r.rank },
  { key: 'unit', label: { zh: '单位', en: 'Unit' }, cell: (r) => r.orgName },
  { key: 'state', label: { zh: '状态', en: 'State' }, cell: (r, l) => labelOf(RETURN_STATE_LABELS, r.state, l) },
  { key: 'selfTotal', label: { zh: '自评总分', en: 'Self total' }, cell: (r) => r.selfTotal },
  { key: 'finalTotal', label: { zh: '复核/最终得分', en: 'Review / final' }, cell: (r) => r.finalTotal },
  {
    key: 'basis',
    label: { zh: '排名依据', en: 'Ranked by' },
    cell: (r, l) => labelOf(RESULT_BASIS_LABELS, r.basis, l),
  },
  {
    key: 'vetoed',
    label: { zh: '一票否决', en: 'Veto' },
    cell: (r, l) => (r.vetoed ? (l === 'zh' ? '是' : 'Yes') : l === 'zh' ? '否' : 'No'),
  },
  { key: 'pointsLost', label: { zh: '失分', en: 'Points lost' }, cell: (r) => r.pointsLost },
  { key: 'trend', label: { zh: '较上期', en: 'Since last' }, cell: (r, l) => trendText(r.trend, l) },
];

// ---------------------------------------------------------------------------------------------
// Why points were lost: message keys with their words in both languages

export const LOST_REASON_MESSAGES = {
  'lost.count': {
    zh: '要求 {required} 次，完成 {done} 次，扣 {lost} 分',
    en: '{required} required, {done} done: {lost} points off',
  },
  'lost.countPer': {
    zh: '{per}要求 {required} 次，{short} 个时段未达到（共缺 {missing} 次），扣 {lost} 分',
    en: '{required} required {per}; {short} slices short ({missing} missing): {lost} points off',
  },
  'lost.deadline': {
    zh: '截至 {due} 未完成，扣 {lost} 分',
    en: 'Not done by {due}: {lost} points off',
  },
  'lost.incidents': {
    zh: '发生 {count} 次，扣 {lost} 分',
    en: '{count} incidents: {lost} points off',
  },
  'lost.veto': {
    zh: '一票否决：发生 {count} 次，总分计 0 分',
    en: 'Veto: {count} incidents, the total counts 0',
  },
  'lost.selfNote': { zh: '自评说明：{note}', en: 'Self-assessment note: {note}' },
  'lost.review': {
    zh: '复核调整：{reason}（自评 {from} 分，复核 {to} 分）',
    en: 'Changed in review: {reason} (self {from}, review {to})',
  },
  'lost.unscored': { zh: '未评分', en: 'Not scored' },
} as const satisfies Readonly<Record<string, Label>>;
export type LostReasonKey = keyof typeof LOST_REASON_MESSAGES;
export const LOST_REASON_KEYS = Object.keys(LOST_REASON_MESSAGES) as LostReasonKey[];

/** A `per` parameter travels as its code and is worded through RULE_PER_LABELS. */
export const LostReasonSchema = z.object({
  key: z.enum(LOST_REASON_KEYS as [LostReasonKey, ...LostReasonKey[]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type LostReason = z.infer<typeof LostReasonSchema>;

export function renderLostReason(r: LostReason, lang: LabelLang): string {
  return LOST_REASON_MESSAGES[r.key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = Object.hasOwn(r.params, name) ? r.params[name] : undefined;
    if (v === undefined) return whole;
    if (name === 'per' && typeof v === 'string' && Object.hasOwn(RULE_PER_LABELS, v)) {
      return labelOf(RULE_PER_LABELS, v as keyof typeof RULE_PER_LABELS, lang);
    }
    return String(v);
  });
}

// ---------------------------------------------------------------------------------------------
// Answers: a unit's scorecard

export const ScorecardItemSchema = z.object({
  key: z.string(),
  title: z.string(),
  points: z.number(),
  ruleType: z.enum(SCHEME_RULE_TYPES),
  /** The score the card shows for the item (by the return's basis), null when not scored. */
  score: z.number().nullable(),
  lost: z.number().nullable(),
  reasons: z.array(LostReasonSchema),
  /** The records counted now and their list (the dashboard's "N 条记录"); null for MANUAL. */
  done: z.number().int().nullable(),
  drill: MetricDrillSchema.nullable(),
  /** Records and files the unit linked in its 自评. */
  records: z.array(RecordLinkSchema),
  attachments: z.array(IdSchema),
  /** Confirmed returns: the records behind the item changed since (ADR 041, by id where kept). */
  drift: ItemDriftSchema.nullable(),
  trend: TrendSchema,
});
export type ScorecardItem = z.infer<typeof ScorecardItemSchema>;

export const ScorecardCategorySchema = z.object({
  title: z.string(),
  points: z.number(),
  score: z.number().nullable(),
  lost: z.number().nullable(),
  trend: TrendSchema,
  items: z.array(ScorecardItemSchema),
});

export const ScorecardSchema = z.object({
  returnId: IdSchema,
  campaignId: IdSchema,
  campaignName: z.string(),
  periodCode: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
  state: ReturnStateSchema,
  basis: ResultBasisSchema,
  total: z.number(),
  score: z.number().nullable(),
  pointsLost: z.number().nullable(),
  rank: z.number().int().nullable(),
  units: z.number().int(),
  vetoed: z.boolean(),
  trend: TrendSchema,
  earlier: EarlierCampaignSchema.nullable(),
  categories: z.array(ScorecardCategorySchema),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const ResultsExportQuerySchema = z.strictObject({ format: z.literal('xlsx').default('xlsx') });
