// GET /api/dashboard: every figure of a period for an org subtree, each against its target with
// pace, and each with the list request that shows exactly the records it counts (`drill`), so a
// figure on screen can always be traced to its records. Counting happens in PostgreSQL.
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.ts';
import { type DashboardSectionKey, FIGURE_KEYS, FIGURES, type Figure } from './figures.ts';
import { type CountedMetric, MetricDrillSchema } from './metrics.ts';
import { OrgKindSchema, OrgLevelSchema } from './orgs.ts';
import { PeriodSchema } from './periods.ts';
import { EffectiveFromSchema } from './plan.ts';
import { AlertLevelSchema, AlertStateSchema } from './risk-alerts.ts';

/** Whose figures for which period: what an answer is computed for (the export takes only this). */
export const DashboardScopeSchema = z.strictObject({
  /** Defaults to the current half year. */
  period: PeriodSchema.optional(),
  /** Defaults to the caller's home org. */
  org: IdSchema.optional(),
});
/** As parsed at the edge (period a PeriodRef): what the service takes. */
export type DashboardParams = z.output<typeof DashboardScopeSchema>;

/** Rows per page of the branch and owner tables (a city has 250 streets and hundreds of owners). */
export const DASHBOARD_TABLE_PAGE_SIZE = 50;
export const DASHBOARD_TABLE_PAGE_SIZE_MAX = 100;
// Numbers in the query string: sent as numbers, parsed from their text.
const TablePageSchema = z.coerce.number<number>().int().min(1).max(100_000).default(1);

export const DashboardQuerySchema = DashboardScopeSchema.extend({
  /** Which page of the branch table (1 = the best ranked). */
  branchPage: TablePageSchema,
  /** Which page of the overdue-owner table (1 = the most overdue). */
  ownerPage: TablePageSchema,
  /** Rows per page of both tables. */
  tableSize: z.coerce
    .number<number>()
    .int()
    .min(1)
    .max(DASHBOARD_TABLE_PAGE_SIZE_MAX)
    .default(DASHBOARD_TABLE_PAGE_SIZE),
});
/** As sent (period a code). */
export type DashboardQuery = z.input<typeof DashboardQuerySchema>;
/** As parsed at the edge, with the table pages. */
export type DashboardPagedParams = z.output<typeof DashboardQuerySchema>;

/**
 * The figures of the overview, in the order and sections the page shows them. The counted ones
 * (COUNTED_METRICS) count dated records in the period; the others are defined beside them:
 * - ALERT_REPORTED_ON_TIME: alerts reported in the period no later than their reporting clock;
 * - RECTIFICATION_OPEN: rectifications not yet DONE, now (whenever they were raised);
 * - ASSIGNMENT_DONE / ASSIGNMENT_OVERDUE: the period's responsibility-list items whose status as
 *   answered (computed for rule tasks) is DONE, or OPEN with the due day passed.
 */
export const DASHBOARD_SECTION_KEYS = ['study', 'publicity', 'risk', 'duty'] as const satisfies DashboardSectionKey[];
export type DashboardSection = (typeof DASHBOARD_SECTION_KEYS)[number];

type Defs = typeof FIGURES;
/** The figures the overview shows: every registry entry with a `dashboard` place. */
export type DashboardMetric = { [K in Figure]: Defs[K] extends { dashboard: object } ? K : never }[Figure];
/** The counted metrics the per-month trend and the per-branch table show (`dashboard.trend`). */
export type TrendMetric = { [K in Figure]: Defs[K] extends { dashboard: { trend: true } } ? K : never }[Figure];

const onDashboard = (k: Figure): k is DashboardMetric => 'dashboard' in FIGURES[k];
export const DASHBOARD_SECTIONS = Object.fromEntries(
  DASHBOARD_SECTION_KEYS.map((section) => [
    section,
    FIGURE_KEYS.filter(onDashboard).filter((k) => FIGURES[k].dashboard.section === section),
  ]),
) as Record<DashboardSection, DashboardMetric[]>;
export const DASHBOARD_METRICS: DashboardMetric[] = DASHBOARD_SECTION_KEYS.flatMap((s) => DASHBOARD_SECTIONS[s]);
export const DashboardMetricSchema = z.enum(DASHBOARD_METRICS as [DashboardMetric, ...DashboardMetric[]]);

export const TREND_METRICS = FIGURE_KEYS.filter(
  (k): k is TrendMetric => onDashboard(k) && 'trend' in FIGURES[k].dashboard && FIGURES[k].dashboard.trend === true,
) satisfies readonly CountedMetric[];

export const PaceStatusSchema = z.enum(['GREEN', 'AMBER', 'RED']);

/** One part of a figure (a category, a level, a state) with its own drill. */
export const BreakdownSchema = z.object({ key: z.string(), count: z.number().int(), drill: MetricDrillSchema });
export type Breakdown = z.infer<typeof BreakdownSchema>;

export const KpiSchema = z.object({
  metric: DashboardMetricSchema,
  done: z.number().int(),
  /** The effective target (explicit, else what the frequency rules require); null when none. */
  target: z.number().int().nullable(),
  /** Where the target comes from (an explicit target, a rule, or the sum of the units below); null without one. */
  targetFrom: EffectiveFromSchema.nullable(),
  /** What a linear plan expects by now (docs/domain.md pace); null without a target. */
  expected: z.number().int().nullable(),
  status: PaceStatusSchema.nullable(),
  /** The list request that shows exactly these `done` records (null: not listable as one list). */
  drill: MetricDrillSchema.nullable(),
  breakdown: z.array(BreakdownSchema),
});
export type Kpi = z.infer<typeof KpiSchema>;

export const TrendMonthSchema = z.object({
  /** "2026-03" (Asia/Shanghai). */
  month: z.string(),
  counts: z.array(z.object({ metric: DashboardMetricSchema, count: z.number().int(), drill: MetricDrillSchema })),
});

export const BranchCellSchema = z.object({
  metric: DashboardMetricSchema,
  done: z.number().int(),
  target: z.number().int().nullable(),
  status: PaceStatusSchema.nullable(),
  drill: MetricDrillSchema,
});

export const BranchRowSchema = z.object({
  orgId: IdSchema,
  name: z.string(),
  kind: OrgKindSchema,
  /** The child's level (orgLevelOf its kind): a 街道 or 区 row leads to its own dashboard. */
  level: OrgLevelSchema,
  /** Mean of min(done / target, 1) over the metrics with a target, 0–1; null when none has one. */
  score: z.number().nullable(),
  /** 1 = best score; branches without targets rank after, by their activity count. */
  rank: z.number().int(),
  cells: z.array(BranchCellSchema),
});
export type BranchRow = z.infer<typeof BranchRowSchema>;

export const OpenAlertSchema = z.object({
  id: IdSchema,
  orgName: z.string(),
  level: AlertLevelSchema,
  state: AlertStateSchema,
  summary: z.string(),
  registeredAt: InstantSchema,
  reportDueAt: InstantSchema,
  /** null once reported (the clock stops at 报送). */
  remainingMinutes: z.number().int().nullable(),
  overdue: z.boolean(),
});

export const OverdueOwnerSchema = z.object({
  ownerId: IdSchema,
  ownerName: z.string(),
  count: z.number().int(),
  drill: MetricDrillSchema,
});

/** One page of a dashboard table: its number (1-based), its size and the rows in all. */
export const TablePageInfoSchema = z.object({
  page: z.number().int(),
  size: z.number().int(),
  total: z.number().int(),
});

export const DashboardSchema = z.object({
  period: z.object({ code: z.string(), startsAt: InstantSchema, endsAt: InstantSchema }),
  org: z.object({
    id: IdSchema,
    name: z.string(),
    parentId: IdSchema.nullable(),
    kind: OrgKindSchema,
    level: OrgLevelSchema,
  }),
  /**
   * The level that names the children table ("各街道（乡镇）" on a 区, "各支部" on a street): the
   * top-most level among the children (a 区's 区直机关 branches sit beside its streets); null
   * without children. See childLevelOf.
   */
  childLevel: OrgLevelSchema.nullable(),
  /** From the caller's home org down to this org, for the street → branch breadcrumb. */
  trail: z.array(z.object({ id: IdSchema, name: z.string() })),
  generatedAt: InstantSchema,
  kpis: z.array(KpiSchema),
  trend: z.array(TrendMonthSchema),
  /** The org's direct children (a 区's streets, a street's branches), best first: one page of them. Empty for a branch. */
  branches: z.array(BranchRowSchema),
  /** Which page `branches` is, of how many rows in all. */
  branchPage: TablePageInfoSchema,
  /** Alerts registered in the period, by their state now. */
  alertFunnel: z.array(z.object({ state: AlertStateSchema, count: z.number().int(), drill: MetricDrillSchema })),
  /** Open alerts (any period) in the subtree, the most urgent first (at most OPEN_ALERTS_MAX). */
  openAlerts: z.object({ total: z.number().int(), drill: MetricDrillSchema, items: z.array(OpenAlertSchema) }),
  /** The period's overdue responsibility-list items per owner, most first: one page of them. */
  overdueByOwner: z.array(OverdueOwnerSchema),
  ownerPage: TablePageInfoSchema,
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const OPEN_ALERTS_MAX = 10;

/** GET /api/dashboard/export: the same figures as a workbook (xlsx) or the KPI table (csv). */
export const DashboardExportQuerySchema = DashboardScopeSchema.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type DashboardExportQuery = z.input<typeof DashboardExportQuerySchema>;
