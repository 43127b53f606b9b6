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
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export const OrgListSchema = z.object({ items: z.array(OrgUnitSchema) });
export type OrgList = z.infer<typeof OrgListSchema>;
