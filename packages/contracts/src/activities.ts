import { z } from 'zod';
import { CursorSchema, IdSchema, InstantSchema, PageLimitSchema, pageSchema } from './common.ts';
import { LocalDateSchema } from './periods.ts';

export const ACTIVITY_CATEGORIES = [
  'THEME_PARTY_DAY',
  'RED_SONGS',
  'OATH_REVIEW',
  'PARTY_LECTURE',
  'PREACHING',
  'VOLUNTEER',
  'OTHER',
] as const;
export const ActivityCategorySchema = z.enum(ACTIVITY_CATEGORIES);
export type ActivityCategory = z.infer<typeof ActivityCategorySchema>;

export const ACTIVITY_TITLE_MAX = 200;
export const ACTIVITY_LOCATION_MAX = 200;
export const ACTIVITY_DESCRIPTION_MAX = 5000;
export const ACTIVITY_PARTICIPANTS_MAX = 100_000;

const fields = {
  orgId: IdSchema,
  category: ActivityCategorySchema,
  title: z.string().trim().min(1).max(ACTIVITY_TITLE_MAX),
  occurredAt: InstantSchema,
  location: z.string().trim().max(ACTIVITY_LOCATION_MAX).nullable().optional(),
  participants: z.number().int().min(1).max(ACTIVITY_PARTICIPANTS_MAX),
  description: z.string().trim().max(ACTIVITY_DESCRIPTION_MAX).nullable().optional(),
};

/** Unknown fields are refused rather than silently dropped, so a typo is reported. */
export const CreateActivityInputSchema = z.strictObject(fields);
export type CreateActivityInput = z.infer<typeof CreateActivityInputSchema>;

export const UpdateActivityInputSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdateActivityInput = z.infer<typeof UpdateActivityInputSchema>;

export const ACTIVITY_SORTS = [
  '-occurredAt',
  'occurredAt',
  '-createdAt',
  'createdAt',
  '-participants',
  'participants',
] as const;
export const ActivitySortSchema = z.enum(ACTIVITY_SORTS);
export type ActivitySort = z.infer<typeof ActivitySortSchema>;

export const ListActivitiesQuerySchema = z.strictObject({
  /** An org; the list covers it and every org below it. */
  org: IdSchema.optional(),
  category: ActivityCategorySchema.optional(),
  /** Asia/Shanghai calendar days, both inclusive. */
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  sort: ActivitySortSchema.default('-occurredAt'),
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema,
});
export type ListActivitiesQuery = z.input<typeof ListActivitiesQuerySchema>;

export const ActivitySchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  orgId: IdSchema,
  orgName: z.string(),
  category: ActivityCategorySchema,
  title: z.string(),
  occurredAt: InstantSchema,
  location: z.string().nullable(),
  participants: z.number().int(),
  description: z.string().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Activity = z.infer<typeof ActivitySchema>;

export const ActivityPageSchema = pageSchema(ActivitySchema);
export type ActivityPage = z.infer<typeof ActivityPageSchema>;
