import { z } from 'zod';
import { IdSchema } from './common.ts';

export const ORG_KINDS = ['STREET_COMMITTEE', 'VILLAGE_BRANCH', 'COMMUNITY_BRANCH', 'AGENCY_BRANCH'] as const;
export const OrgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKindSchema>;

export const OrgUnitSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  kind: OrgKindSchema,
  parentId: IdSchema.nullable(),
  sortOrder: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export const ORG_CODE_MAX = 64;
export const ORG_CODE_PATTERN = /^[A-Za-z0-9-]+$/;
export const ORG_NAME_MAX = 100;
export const ORG_SORT_ORDER_MIN = 0;
export const ORG_SORT_ORDER_MAX = 100_000;

/** A street committee is a root (no parent); every branch has a parent. */
export const CreateOrgInputSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(ORG_CODE_MAX).regex(ORG_CODE_PATTERN),
    name: z.string().trim().min(1).max(ORG_NAME_MAX),
    kind: OrgKindSchema,
    parentId: IdSchema.nullable(),
    sortOrder: z.number().int().min(ORG_SORT_ORDER_MIN).max(ORG_SORT_ORDER_MAX).optional(),
  })
  .refine((v) => (v.kind === 'STREET_COMMITTEE') === (v.parentId === null), {
    path: ['parentId'],
    message: '街道工委不设上级组织；支部必须选择上级组织',
  });
export type CreateOrgInput = z.infer<typeof CreateOrgInputSchema>;

/** Moving an org to another parent is not offered (records and paths hang on the tree). */
export const UpdateOrgInputSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(ORG_CODE_MAX).regex(ORG_CODE_PATTERN),
    name: z.string().trim().min(1).max(ORG_NAME_MAX),
    sortOrder: z.number().int().min(ORG_SORT_ORDER_MIN).max(ORG_SORT_ORDER_MAX),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdateOrgInput = z.infer<typeof UpdateOrgInputSchema>;

export const OrgListSchema = z.object({ items: z.array(OrgUnitSchema) });
export type OrgList = z.infer<typeof OrgListSchema>;
