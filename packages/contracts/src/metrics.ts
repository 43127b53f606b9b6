// The figures the responsibility system is measured by, as the targets, rules and drills name them.
// Every definition is the figure registry's (figures.ts); this module gives the API and the web
// the names they have always used, the drill of a counted figure, and the frequency rules.
import { z } from 'zod';
import { IdSchema } from './common.ts';
import {
  COUNTED_FIGURE_KEYS,
  type CountedFigure,
  FIGURE_KEYS,
  FIGURE_SOURCES,
  FIGURES,
  type Figure,
} from './figures.ts';
import { LocalDateSchema, type PeriodRef, shanghaiParts } from './periods.ts';

export const METRICS = FIGURE_KEYS as readonly Figure[] as readonly [Figure, ...Figure[]];
export const MetricSchema = z.enum(METRICS);
export type Metric = Figure;

/**
 * Metrics that count dated records in an org subtree and a time range: the ones a target, a
 * frequency rule or a task's rule may name. Each names the list (API path and the query beyond
 * org/from/to) whose records it counts, and the date the range applies to — all read from the
 * figure registry (figures.ts).
 */
export const COUNTED_METRICS = Object.fromEntries(
  COUNTED_FIGURE_KEYS.map((k) => {
    const def = FIGURES[k];
    return [k, { list: FIGURE_SOURCES[def.source].list, query: def.query, date: FIGURE_SOURCES[def.source].date }];
  }),
) as Record<CountedFigure, { list: string; query: Readonly<Record<string, string>>; date: string }>;
export type CountedMetric = CountedFigure;
export const COUNTED_METRIC_KEYS: CountedMetric[] = COUNTED_FIGURE_KEYS;
export const CountedMetricSchema = z.enum(COUNTED_METRIC_KEYS as [CountedMetric, ...CountedMetric[]]);

/** The list request that shows exactly the records a count is made of. */
export const MetricDrillSchema = z.object({
  list: z.string(),
  query: z.record(z.string(), z.string()),
});
export type MetricDrill = z.infer<typeof MetricDrillSchema>;

export function metricDrill(metric: CountedMetric, orgId: string, from: string, to: string): MetricDrill {
  const def = COUNTED_METRICS[metric];
  return { list: def.list, query: { ...def.query, org: orgId, from, to } };
}

/**
 * The drill of any figure: dated ones over the period's days, undated ones (open now) over the org
 * alone, task figures over the period's responsibility list.
 */
export function figureDrill(
  figure: Metric,
  orgId: string,
  range: { from: string; to: string; period: string },
  extra: Readonly<Record<string, string>> = {},
): MetricDrill {
  const def = FIGURES[figure];
  if (def.source === 'assignment') {
    return { list: '/api/assignments', query: { period: range.period, org: orgId, ...def.query, ...extra } };
  }
  const source = FIGURE_SOURCES[def.source];
  if (source.date === null) return { list: source.list, query: { org: orgId, ...def.query, ...extra } };
  return { list: source.list, query: { ...def.query, org: orgId, from: range.from, to: range.to, ...extra } };
}

export const DrillRangeSchema = z.object({ org: IdSchema, from: LocalDateSchema, to: LocalDateSchema });

export const RULE_FREQUENCIES = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'] as const;
export const RuleFrequencySchema = z.enum(RULE_FREQUENCIES);
export type RuleFrequency = z.infer<typeof RuleFrequencySchema>;
const FREQUENCY_MONTHS: Record<RuleFrequency, number> = { MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12 };

/** Whole months in a period (periods always start and end on a Shanghai month boundary). */
export function monthsIn(period: Pick<PeriodRef, 'startsAt' | 'endsAt'>): number {
  const a = shanghaiParts(period.startsAt);
  const b = shanghaiParts(period.endsAt);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/**
 * What a frequency rule requires in a period: `times` per unit, times the units the period spans,
 * rounded up ("中心组学习 monthly, 1 time" → 6 in a half year; "2 per half year" → 1 in a quarter).
 */
export function requiredByRule(
  rule: { frequency: RuleFrequency; times: number },
  period: Pick<PeriodRef, 'startsAt' | 'endsAt'>,
): number {
  return Math.ceil((rule.times * monthsIn(period)) / FREQUENCY_MONTHS[rule.frequency]);
}
