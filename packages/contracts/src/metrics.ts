// The figures the responsibility system is measured by (DOMAIN.md), what record each one counts,
// and which list reproduces a count. The API counts with these definitions (services/metrics);
// the web uses the same list routes to drill down from a figure to its records.
import { z } from 'zod';
import { IdSchema } from './common.ts';
import { LocalDateSchema, type PeriodRef, shanghaiParts } from './periods.ts';

export const METRICS = [
  'CENTRAL_GROUP_STUDY',
  'SEMINAR',
  'BRANCH_STUDY',
  'CADRE_TRAINING',
  'ACTIVITY',
  'PARTY_LECTURE',
  'PUBLICITY',
  'RISK_POINT_CHECK',
  'ALERT_REGISTERED',
  'ALERT_REPORTED',
  'ALERT_REPORTED_ON_TIME',
  'ALERT_CLOSED',
  'RECTIFICATION_OPEN',
  'RECTIFICATION_CLOSED',
  'ASSIGNMENT_DONE',
  'ASSIGNMENT_OVERDUE',
] as const;
export const MetricSchema = z.enum(METRICS);
export type Metric = z.infer<typeof MetricSchema>;

/**
 * Metrics that count dated records in an org subtree and a time range: the ones a target, a
 * frequency rule or a task's rule may name. Each names the list (API path and the query beyond
 * org/from/to) whose records it counts, and the date the range applies to.
 */
export const COUNTED_METRICS = {
  CENTRAL_GROUP_STUDY: { list: '/api/study-sessions', query: { kind: 'CENTRAL_GROUP' }, date: 'occurredAt' },
  SEMINAR: { list: '/api/study-sessions', query: { kind: 'SEMINAR' }, date: 'occurredAt' },
  BRANCH_STUDY: { list: '/api/study-sessions', query: { kind: 'BRANCH_STUDY' }, date: 'occurredAt' },
  CADRE_TRAINING: { list: '/api/study-sessions', query: { kind: 'CADRE_TRAINING' }, date: 'occurredAt' },
  ACTIVITY: { list: '/api/activities', query: {}, date: 'occurredAt' },
  PARTY_LECTURE: { list: '/api/activities', query: { category: 'PARTY_LECTURE' }, date: 'occurredAt' },
  PUBLICITY: { list: '/api/publicity', query: {}, date: 'publishedAt' },
  RISK_POINT_CHECK: { list: '/api/risk-points/checks', query: { onTime: 'true' }, date: 'checkedAt' },
  ALERT_REGISTERED: { list: '/api/risk-alerts', query: {}, date: 'registeredAt' },
  ALERT_REPORTED: { list: '/api/risk-alerts', query: { dateField: 'reportedAt' }, date: 'reportedAt' },
  ALERT_REPORTED_ON_TIME: {
    list: '/api/risk-alerts',
    query: { dateField: 'reportedAt', flag: 'REPORTED_ON_TIME' },
    date: 'reportedAt',
  },
  ALERT_CLOSED: { list: '/api/risk-alerts', query: { dateField: 'closedAt' }, date: 'closedAt' },
  RECTIFICATION_CLOSED: { list: '/api/rectifications', query: { dateField: 'closedAt' }, date: 'closedAt' },
} as const satisfies Partial<Record<Metric, { list: string; query: Record<string, string>; date: string }>>;
export type CountedMetric = keyof typeof COUNTED_METRICS;
export const COUNTED_METRIC_KEYS = Object.keys(COUNTED_METRICS) as CountedMetric[];
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
