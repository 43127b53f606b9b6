// 宣传报道: reports about the street's work in the media, by outlet level (中央 … 街道自媒体).
// Counted by the PUBLICITY metric on publishedAt (see metrics.ts).
import { z } from 'zod';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields } from './common.ts';

export const PUBLICITY_LEVELS = ['CENTRAL', 'PROVINCE', 'CITY', 'DISTRICT', 'STREET_MEDIA'] as const;
export const PublicityLevelSchema = z.enum(PUBLICITY_LEVELS);
export type PublicityLevel = z.infer<typeof PublicityLevelSchema>;

export const PUBLICITY_OUTLET_MAX = 100;
export const PUBLICITY_TITLE_MAX = 200;
export const PUBLICITY_URL_MAX = 1000;

/** A link to the report: http or https only (no javascript:, file:, …), since the web renders it as a link. */
export const PublicityUrlSchema = z
  .string()
  .trim()
  .max(PUBLICITY_URL_MAX)
  .pipe(z.url({ protocol: /^https?$/, error: '链接须为以 http:// 或 https:// 开头的完整网址' }));

const fields = {
  orgId: IdSchema,
  outlet: z.string().trim().min(1).max(PUBLICITY_OUTLET_MAX),
  level: PublicityLevelSchema,
  title: z.string().trim().min(1).max(PUBLICITY_TITLE_MAX),
  url: PublicityUrlSchema.nullable().optional(),
  publishedAt: InstantSchema,
};

/** Unknown fields are refused rather than silently dropped, so a typo is reported. */
export const CreatePublicityInputSchema = z.strictObject(fields);
export type CreatePublicityInput = z.infer<typeof CreatePublicityInputSchema>;

export const UpdatePublicityInputSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdatePublicityInput = z.infer<typeof UpdatePublicityInputSchema>;

export const PUBLICITY_SORTS = ['-publishedAt', 'publishedAt', '-createdAt', 'createdAt'] as const;
export const PublicitySortSchema = z.enum(PUBLICITY_SORTS);
export type PublicitySort = z.infer<typeof PublicitySortSchema>;

/** org subtree, level, Shanghai days [from, to] on publishedAt, keyset page. */
export const ListPublicityQuerySchema = z.strictObject({
  ...recordListQueryFields,
  level: PublicityLevelSchema.optional(),
  sort: PublicitySortSchema.default('-publishedAt'),
});
export type ListPublicityQuery = z.input<typeof ListPublicityQuerySchema>;

export const PublicityItemSchema = z.object({
  ...recordFields,
  outlet: z.string(),
  level: PublicityLevelSchema,
  title: z.string(),
  url: z.string().nullable(),
  publishedAt: InstantSchema,
});
export type PublicityItem = z.infer<typeof PublicityItemSchema>;

export const PublicityPageSchema = pageSchema(PublicityItemSchema);
export type PublicityPage = z.infer<typeof PublicityPageSchema>;
