// 主题活动: a branch's themed activities (主题党日, 红歌, 重温入党誓词 …), by category, with the day
// they took place and how many took part. Counted by the activity figures on occurredAt.
import { z } from 'zod';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields, TimeKnownSchema } from './common.ts';

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
  timeKnown: TimeKnownSchema.optional(),
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

/** org subtree, category, Shanghai days [from, to] on occurredAt, keyset page. */
export const ListActivitiesQuerySchema = z.strictObject({
  ...recordListQueryFields,
  category: ActivityCategorySchema.optional(),
  sort: ActivitySortSchema.default('-occurredAt'),
});
export type ListActivitiesQuery = z.input<typeof ListActivitiesQuerySchema>;

export const ActivitySchema = z.object({
  ...recordFields,
  category: ActivityCategorySchema,
  title: z.string(),
  occurredAt: InstantSchema,
  timeKnown: TimeKnownSchema,
  location: z.string().nullable(),
  participants: z.number().int(),
  description: z.string().nullable(),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const ActivityPageSchema = pageSchema(ActivitySchema);
export type ActivityPage = z.infer<typeof ActivityPageSchema>;
