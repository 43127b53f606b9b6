// The plan: periods, targets (metric × org × period → number) and frequency rules ("中心组学习
// 每月1次") that expand to required counts. What a target or rule is measured against is always
// counted from records (metrics.ts), never stored.
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.ts';
import {
  type CountedMetric,
  CountedMetricSchema,
  type RuleFrequency,
  RuleFrequencySchema,
  requiredByRule,
} from './metrics.ts';
import { PERIOD_KINDS, type PeriodRef, PeriodSchema, periodFromCode, YEAR_MAX, YEAR_MIN } from './periods.ts';

// ---------------------------------------------------------------------------------------------
// Periods

export const PeriodKindSchema = z.enum(PERIOD_KINDS);

const HALF_NAMES = ['上半年', '下半年'] as const;
const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** The name a period is stored and shown under: "2026年全年", "2026年上半年", "2026年第三季度". */
export function periodName(period: Pick<PeriodRef, 'kind' | 'year' | 'index'>): string {
  if (period.kind === 'YEAR') return `${period.year}年全年`;
  if (period.kind === 'HALF') return `${period.year}年${HALF_NAMES[period.index - 1]}`;
  return `${period.year}年${QUARTER_NAMES[period.index - 1]}`;
}

/** The year, its halves and its quarters, in that order. */
export function periodsOfYear(year: number): PeriodRef[] {
  return [String(year), `${year}-H1`, `${year}-H2`, `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`].map(
    periodFromCode,
  );
}

export const PERIOD_YEAR_MIN = YEAR_MIN;
export const PERIOD_YEAR_MAX = YEAR_MAX;

export const ListPeriodsQuerySchema = z.strictObject({
  /** Defaults to the current year (Asia/Shanghai). */
  year: z.coerce.number().int().min(PERIOD_YEAR_MIN).max(PERIOD_YEAR_MAX).optional(),
});
export type ListPeriodsQuery = z.infer<typeof ListPeriodsQuerySchema>;

export const PeriodInfoSchema = z.object({
  code: z.string(),
  kind: PeriodKindSchema,
  year: z.number().int(),
  index: z.number().int(),
  name: z.string(),
  /** Inclusive start and exclusive end: Shanghai midnights as UTC instants. */
  startsAt: InstantSchema,
  endsAt: InstantSchema,
});
export type PeriodInfo = z.infer<typeof PeriodInfoSchema>;

export const PeriodListSchema = z.object({ items: z.array(PeriodInfoSchema) });
export type PeriodList = z.infer<typeof PeriodListSchema>;

export function toPeriodInfo(period: PeriodRef): PeriodInfo {
  return {
    code: period.code,
    kind: period.kind,
    year: period.year,
    index: period.index,
    name: periodName(period),
    startsAt: period.startsAt.toISOString(),
    endsAt: period.endsAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Frequency rules

export const RULE_TIMES_MIN = 1;
export const RULE_TIMES_MAX = 1000;
export const RULE_NOTE_MAX = 200;

const ruleFields = {
  metric: CountedMetricSchema,
  orgId: IdSchema,
  /** true: the rule applies to each org directly below orgId ("each branch"), not to orgId itself. */
  eachChild: z.boolean(),
  frequency: RuleFrequencySchema,
  /** Required count per frequency unit (month, quarter, half year, year). */
  times: z.number().int().min(RULE_TIMES_MIN).max(RULE_TIMES_MAX),
  note: z.string().trim().max(RULE_NOTE_MAX).nullable().optional(),
};

export const CreateFrequencyRuleInputSchema = z.strictObject(ruleFields);
export type CreateFrequencyRuleInput = z.infer<typeof CreateFrequencyRuleInputSchema>;

/** Which metric and org a rule is about is its identity: change those by deleting and adding. */
export const UpdateFrequencyRuleInputSchema = z
  .strictObject({ frequency: ruleFields.frequency, times: ruleFields.times, note: ruleFields.note })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdateFrequencyRuleInput = z.infer<typeof UpdateFrequencyRuleInputSchema>;

export const ListFrequencyRulesQuerySchema = z.strictObject({
  /**
   * An org (default: the caller's home org): the rules set on it and below it, plus the
   * "each branch" rules of its parent, which apply to it.
   */
  org: IdSchema.optional(),
});
export type ListFrequencyRulesQuery = z.infer<typeof ListFrequencyRulesQuerySchema>;

export const FrequencyRuleSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  metric: CountedMetricSchema,
  orgId: IdSchema,
  orgName: z.string(),
  eachChild: z.boolean(),
  frequency: RuleFrequencySchema,
  times: z.number().int(),
  note: z.string().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type FrequencyRule = z.infer<typeof FrequencyRuleSchema>;

export const FrequencyRuleListSchema = z.object({ items: z.array(FrequencyRuleSchema) });
export type FrequencyRuleList = z.infer<typeof FrequencyRuleListSchema>;

export interface RuleLike {
  metric: string;
  orgId: string;
  eachChild: boolean;
  frequency: RuleFrequency;
  times: number;
}

/**
 * What the frequency rules require of one org for one metric in a period: the rules set on the
 * org itself (eachChild false) plus the "each branch" rules of its parent (eachChild true),
 * each expanded with requiredByRule and summed. null when no rule applies.
 */
export function ruleRequiredFor(
  rules: readonly RuleLike[],
  org: { id: string; parentId: string | null },
  metric: CountedMetric,
  period: Pick<PeriodRef, 'startsAt' | 'endsAt'>,
): number | null {
  const applicable = rules.filter(
    (r) =>
      r.metric === metric &&
      ((r.orgId === org.id && !r.eachChild) || (org.parentId !== null && r.orgId === org.parentId && r.eachChild)),
  );
  if (applicable.length === 0) return null;
  return applicable.reduce((sum, r) => sum + requiredByRule(r, period), 0);
}

/**
 * ruleRequiredFor for many orgs and metrics over one rule list: the rules are indexed once by org,
 * metric and eachChild, so each org × metric looks at its own few candidates instead of the whole
 * list (a city's targets ask this for every branch × metric). Same answers as ruleRequiredFor.
 */
export function ruleRequirements(
  rules: readonly RuleLike[],
  period: Pick<PeriodRef, 'startsAt' | 'endsAt'>,
): (org: { id: string; parentId: string | null }, metric: CountedMetric) => number | null {
  const index = new Map<string, RuleLike[]>();
  for (const r of rules) {
    const key = `${r.orgId}|${r.metric}|${r.eachChild}`;
    const list = index.get(key);
    if (list) list.push(r);
    else index.set(key, [r]);
  }
  return (org, metric) => {
    const own = index.get(`${org.id}|${metric}|false`) ?? [];
    const fromParent = org.parentId === null ? [] : (index.get(`${org.parentId}|${metric}|true`) ?? []);
    return ruleRequiredFor([...own, ...fromParent], org, metric, period);
  };
}

// ---------------------------------------------------------------------------------------------
// Targets

export const TARGET_VALUE_MIN = 0;
export const TARGET_VALUE_MAX = 100_000;

export const TargetsQuerySchema = z.strictObject({
  period: PeriodSchema,
  /** Defaults to the caller's home org; the answer covers it and its direct children. */
  org: IdSchema.optional(),
});
/** As sent (period a code); the API takes z.output (period a PeriodRef, parsed at the edge). */
export type TargetsQuery = z.input<typeof TargetsQuerySchema>;

export const PutTargetInputSchema = z.strictObject({
  period: PeriodSchema,
  orgId: IdSchema,
  metric: CountedMetricSchema,
  value: z.number().int().min(TARGET_VALUE_MIN).max(TARGET_VALUE_MAX),
});
/** As sent (period a code); the API takes z.output (period a PeriodRef, parsed at the edge). */
export type PutTargetInput = z.input<typeof PutTargetInputSchema>;

/** One metric of one org in a period: the explicit target, what the rules require, and which counts. */
export const TargetRowSchema = z.object({
  metric: CountedMetricSchema,
  orgId: IdSchema,
  orgName: z.string(),
  /** The explicit target, or null when none is set. */
  value: z.number().int().nullable(),
  /** Sum of the frequency rules that apply, or null when none does. */
  ruleRequired: z.number().int().nullable(),
  /** value ?? ruleRequired: what the org is measured against. */
  effective: z.number().int().nullable(),
  /** The explicit target's id and version (null without one): DELETE it, or PUT with If-Match. */
  targetId: IdSchema.nullable(),
  version: z.number().int().nullable(),
});
export type TargetRow = z.infer<typeof TargetRowSchema>;

export const TargetsAnswerSchema = z.object({
  period: PeriodInfoSchema,
  /** The org asked for first, then its direct children in their order. */
  orgs: z.array(z.object({ id: IdSchema, name: z.string(), parentId: IdSchema.nullable() })),
  /** Every counted metric for every org above, orgs in order, metrics in COUNTED_METRICS order. */
  items: z.array(TargetRowSchema),
});
export type TargetsAnswer = z.infer<typeof TargetsAnswerSchema>;
