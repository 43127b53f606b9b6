import { z } from 'zod';
import { ActivityCategorySchema } from './activities.ts';
import { IdSchema, InstantSchema } from './common.ts';
import { LocalDateSchema, PeriodCodeSchema } from './periods.ts';

export const DashboardQuerySchema = z.strictObject({
  /** Defaults to the current half year. */
  period: PeriodCodeSchema.optional(),
  /** Defaults to the caller's home org. */
  org: IdSchema.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** Query parameters for GET /api/activities that list exactly the records behind a figure. */
export const DrillFilterSchema = z.object({
  org: IdSchema,
  from: LocalDateSchema,
  to: LocalDateSchema,
  category: ActivityCategorySchema.optional(),
});
export type DrillFilter = z.infer<typeof DrillFilterSchema>;

export const DashboardSchema = z.object({
  period: z.object({ code: z.string(), startsAt: InstantSchema, endsAt: InstantSchema }),
  org: z.object({ id: IdSchema, name: z.string() }),
  generatedAt: InstantSchema,
  activities: z.object({
    done: z.number().int(),
    /** null when no target is set for this org and period. */
    target: z.number().int().nullable(),
    expected: z.number().int().nullable(),
    status: z.enum(['GREEN', 'AMBER', 'RED']).nullable(),
    filter: DrillFilterSchema,
  }),
  activitiesPerMonth: z.array(z.object({ month: z.string(), count: z.number().int(), filter: DrillFilterSchema })),
  activitiesPerBranch: z.array(
    z.object({
      orgId: IdSchema,
      name: z.string(),
      count: z.number().int(),
      target: z.number().int().nullable(),
      filter: DrillFilterSchema,
    }),
  ),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
