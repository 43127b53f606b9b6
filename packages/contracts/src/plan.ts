// The plan: periods, targets (metric × org × period → number) and frequency rules ("中心组学习
// 每月1次") that expand to required counts. What a target or rule is measured against is always
// counted from records (metrics.ts), never stored.
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.ts';
import {
  COUNTED_METRIC_KEYS,
  type CountedMetric,
  CountedMetricSchema,
  type RuleFrequency,
  RuleFrequencySchema,
  requiredByRule,
} from './metrics.ts';
import { ORG_LEVELS, type OrgLevel } from './orgs.ts';
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
  /** true: the rule applies below orgId (to each direct child, or with `level` to each org of that level), not to orgId itself. */
  eachChild: z.boolean(),
  /**
   * With eachChild: the rule applies to every org of this level anywhere below orgId ("每个街道"),
   * instead of to the direct children. Must be a level below orgId's own (rule-reach check).
   */
  level: z.enum(ORG_LEVELS).nullable().optional(),
  frequency: RuleFrequencySchema,
  /** Required count per frequency unit (month, quarter, half year, year). */
  times: z.number().int().min(RULE_TIMES_MIN).max(RULE_TIMES_MAX),
  note: z.string().trim().max(RULE_NOTE_MAX).nullable().optional(),
};

/** Whether the reach (eachChild, level) fits the org is checked on the org loaded: ruleReachAllowed. */
export const CreateFrequencyRuleInputSchema = z.strictObject(ruleFields);
export type CreateFrequencyRuleInput = z.infer<typeof CreateFrequencyRuleInputSchema>;

/** Which metric, org and reach a rule is about is its identity: change those by deleting and adding. */
export const UpdateFrequencyRuleInputSchema = z
  .strictObject({ frequency: ruleFields.frequency, times: ruleFields.times, note: ruleFields.note })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdateFrequencyRuleInput = z.infer<typeof UpdateFrequencyRuleInputSchema>;

/** The levels a rule set on an org of `level` may reach (every level below it, top down). */
export const ruleLevelsBelow = (level: OrgLevel): OrgLevel[] => ORG_LEVELS.slice(ORG_LEVELS.indexOf(level) + 1);

/**
 * Whether a rule's reach is allowed on an org of `orgLevel`: itself, its direct children, or a
 * level below its own. The server and the rule form both ask this.
 */
export const ruleReachAllowed = (orgLevel: OrgLevel, rule: { eachChild: boolean; level?: OrgLevel | null }): boolean =>
  rule.level == null || (rule.eachChild && ruleLevelsBelow(orgLevel).includes(rule.level));

export const ListFrequencyRulesQuerySchema = z.strictObject({
  /**
   * An org (default: the caller's home org): the rules set on it and below it, plus the rules of
   * its ancestors that reach it or an org below it.
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
  /** Set: every org of this level below orgId (eachChild is then true). */
  level: z.enum(ORG_LEVELS).nullable(),
  frequency: RuleFrequencySchema,
  times: z.number().int(),
  note: z.string().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type FrequencyRule = z.infer<typeof FrequencyRuleSchema>;

export const FrequencyRuleListSchema = z.object({ items: z.array(FrequencyRuleSchema) });
export type FrequencyRuleList = z.infer<typeof FrequencyRuleListSchema>;

/** What the precedence of rules down the tree reads (ADR 038): what a rule is about (`metric`: a figure, or a duty kind) and its reach. */
export interface ReachLike {
  metric: string;
  orgId: string;
  eachChild: boolean;
  level: OrgLevel | null;
}

export interface RuleLike extends ReachLike {
  frequency: RuleFrequency;
  times: number;
}

/** An org as the rules see it: its id, its level and its path of ids ("/rootId/…/id/", ancestors first). */
export interface RuleSubject {
  id: string;
  level: OrgLevel;
  path: string;
}

/** The ids of an org's ancestors, nearest first (its parent, then the parent's parent, up to the root). */
export const ancestorIdsNearestFirst = (path: string): string[] =>
  path.split('/').filter(Boolean).slice(0, -1).reverse();

/** The rule that decides, and whether it hides a farther rule for the same org and metric. */
export interface AppliedRule<R extends ReachLike> {
  rule: R;
  /** A farther rule would apply but for this nearer one (a local override). */
  overrides: boolean;
}

/**
 * The rule list indexed for precedence (ADR 038): for an org O and metric M the nearest source
 * decides — O's own rule, then its parent's (each-child, else by-level matching O's level), then
 * each farther ancestor's by-level rule for O's level, up to the root. Nothing is summed.
 */
export function ruleIndex<R extends ReachLike>(
  rules: readonly R[],
): (org: RuleSubject, metric: string) => AppliedRule<R> | null {
  // One key per (org, metric, reach): the unique index allows one rule each.
  const index = new Map<string, R>();
  const reachKey = (r: { eachChild: boolean; level: OrgLevel | null }) => (r.eachChild ? (r.level ?? 'CHILD') : 'SELF');
  for (const r of rules) index.set(`${r.orgId}|${r.metric}|${reachKey(r)}`, r);
  return (org, metric) => {
    const found: R[] = [];
    const own = index.get(`${org.id}|${metric}|SELF`);
    if (own) found.push(own);
    ancestorIdsNearestFirst(org.path).forEach((ancestorId, i) => {
      // Within one source each-child (only the parent's reaches O) beats by-level.
      const child = i === 0 ? index.get(`${ancestorId}|${metric}|CHILD`) : undefined;
      const byLevel = index.get(`${ancestorId}|${metric}|${org.level}`);
      if (child) found.push(child);
      if (byLevel) found.push(byLevel);
    });
    const [rule, ...farther] = found;
    return rule ? { rule, overrides: farther.length > 0 } : null;
  };
}

/** What the rules require of one org for one metric in a period: the deciding rule expanded, null when none applies. */
export function ruleRequiredFor(
  rules: readonly RuleLike[],
  org: RuleSubject,
  metric: CountedMetric,
  period: Pick<PeriodRef, 'startsAt' | 'endsAt'>,
): number | null {
  const applied = ruleIndex(rules)(org, metric);
  return applied ? requiredByRule(applied.rule, period) : null;
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

/** Where an effective target comes from: an explicit target, a frequency rule, or the sum of the direct children's. */
export const EFFECTIVE_FROM = ['TARGET', 'RULE', 'CHILDREN'] as const;
export const EffectiveFromSchema = z.enum(EFFECTIVE_FROM);
export type EffectiveFrom = z.infer<typeof EffectiveFromSchema>;

/** The rule that decides a required count: where it is set, its reach and frequency. */
export const RuleFromSchema = z.object({
  ruleId: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  eachChild: z.boolean(),
  level: z.enum(ORG_LEVELS).nullable(),
  frequency: RuleFrequencySchema,
  times: z.number().int(),
  /** A farther ancestor's rule would apply but for this one (a local override). */
  overrides: z.boolean(),
});
export type RuleFrom = z.infer<typeof RuleFromSchema>;

/** One metric of one org in a period: the explicit target, what the rules require, and which counts. */
export const TargetRowSchema = z.object({
  metric: CountedMetricSchema,
  orgId: IdSchema,
  orgName: z.string(),
  /** The explicit target, or null when none is set. */
  value: z.number().int().nullable(),
  /** What the nearest applicable frequency rule requires (ADR 038), or null when none applies. */
  ruleRequired: z.number().int().nullable(),
  /** The rule behind ruleRequired, null without one. */
  ruleFrom: RuleFromSchema.nullable(),
  /**
   * value ?? ruleRequired, else (for the org asked for only) the sum of its direct children's when
   * every one of them has one: what the org is measured against.
   */
  effective: z.number().int().nullable(),
  effectiveFrom: EffectiveFromSchema.nullable(),
  /** The explicit target's id and version (null without one): DELETE it, or PUT with If-Match. */
  targetId: IdSchema.nullable(),
  version: z.number().int().nullable(),
});
export type TargetRow = z.infer<typeof TargetRowSchema>;

/** A rule as read for target rows: with its id and the name of the org it is set on. */
export interface NamedRule extends RuleLike {
  id: string;
  orgName: string;
}

/** The explicit target and rule parts of one row (no children sum: targetRows adds that). */
export function targetRowOf(
  org: RuleSubject & { name: string },
  metric: CountedMetric,
  target: { id: string; value: number; version: number } | undefined,
  applied: AppliedRule<NamedRule> | null,
  period: Pick<PeriodRef, 'startsAt' | 'endsAt'>,
): TargetRow {
  const value = target?.value ?? null;
  const ruleRequired = applied ? requiredByRule(applied.rule, period) : null;
  const r = applied?.rule;
  return {
    metric,
    orgId: org.id,
    orgName: org.name,
    value,
    ruleRequired,
    ruleFrom: r
      ? {
          ruleId: r.id,
          orgId: r.orgId,
          orgName: r.orgName,
          eachChild: r.eachChild,
          level: r.level,
          frequency: r.frequency,
          times: r.times,
          overrides: applied.overrides,
        }
      : null,
    effective: value ?? ruleRequired,
    effectiveFrom: value !== null ? 'TARGET' : ruleRequired !== null ? 'RULE' : null,
    targetId: target?.id ?? null,
    version: target?.version ?? null,
  };
}

/**
 * Every counted metric of an org and its direct children (the org first): explicit target beats
 * the nearest rule (ruleIndex); when the org itself has neither, its effective target is the sum
 * of its children's — only when every child has one, and one level only (the children's own
 * targets or rules, never their children's sums). `rules` must hold every rule set on the org,
 * its children and its ancestors.
 */
export function targetRows(
  org: RuleSubject & { name: string },
  children: readonly (RuleSubject & { name: string })[],
  targets: readonly { id: string; orgId: string; metric: string; value: number; version: number }[],
  rules: readonly NamedRule[],
  period: Pick<PeriodRef, 'startsAt' | 'endsAt'>,
): TargetRow[] {
  // Keyed, so a city's few thousand targets are not searched once per org and metric.
  const byKey = new Map(targets.map((t) => [`${t.orgId}|${t.metric}`, t]));
  const applied = ruleIndex(rules);
  const rowsOf = (o: RuleSubject & { name: string }) =>
    COUNTED_METRIC_KEYS.map((metric) =>
      targetRowOf(o, metric, byKey.get(`${o.id}|${metric}`), applied(o, metric), period),
    );
  const own = rowsOf(org);
  const below = children.map(rowsOf);
  if (below.length > 0) {
    own.forEach((row, i) => {
      if (row.effective !== null) return;
      const values = below.map((rows) => rows[i]?.effective ?? null);
      if (values.some((v) => v === null)) return;
      row.effective = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
      row.effectiveFrom = 'CHILDREN';
    });
  }
  return [...own, ...below.flat()];
}

export const TargetsAnswerSchema = z.object({
  period: PeriodInfoSchema,
  /** The org asked for first, then its direct children in their order. */
  orgs: z.array(z.object({ id: IdSchema, name: z.string(), parentId: IdSchema.nullable() })),
  /** Every counted metric for every org above, orgs in order, metrics in COUNTED_METRICS order. */
  items: z.array(TargetRowSchema),
});
export type TargetsAnswer = z.infer<typeof TargetsAnswerSchema>;
