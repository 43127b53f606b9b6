import { z } from 'zod';
import { IdSchema } from './common.ts';

/** The levels of the org tree, top down (ADR 035). */
export const ORG_LEVELS = ['CITY', 'DISTRICT', 'STREET', 'BRANCH_GROUP', 'BRANCH'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_KINDS = [
  'CITY_COMMITTEE',
  'DISTRICT_COMMITTEE',
  'STREET_COMMITTEE',
  'TOWNSHIP_COMMITTEE',
  'GENERAL_BRANCH',
  'VILLAGE_BRANCH',
  'COMMUNITY_BRANCH',
  'AGENCY_BRANCH',
] as const;
export const OrgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKindSchema>;

const STREET_KINDS = ['STREET_COMMITTEE', 'TOWNSHIP_COMMITTEE'] as const satisfies readonly OrgKind[];
/** A 党小组 or sub-unit is kept as a branch under its branch, as the data always has been. */
const BRANCH_KINDS = ['VILLAGE_BRANCH', 'COMMUNITY_BRANCH', 'AGENCY_BRANCH'] as const satisfies readonly OrgKind[];
const BRANCH_PARENTS = [...STREET_KINDS, 'GENERAL_BRANCH', ...BRANCH_KINDS] as const satisfies readonly OrgKind[];

/**
 * Each kind's level, whether it may be the root of a deployment (a 市, or a 区 or 街道 in a
 * smaller one), and the kinds it may sit under. The create and move checks, the org form and the
 * import read this table; nothing else says which kind goes where. Labels: ORG_KIND_LABELS.
 */
export const ORG_KIND_RULES: Readonly<
  Record<OrgKind, { level: OrgLevel; root: boolean; parents: readonly OrgKind[] }>
> = {
  CITY_COMMITTEE: { level: 'CITY', root: true, parents: [] },
  DISTRICT_COMMITTEE: { level: 'DISTRICT', root: true, parents: ['CITY_COMMITTEE'] },
  STREET_COMMITTEE: { level: 'STREET', root: true, parents: ['DISTRICT_COMMITTEE'] },
  TOWNSHIP_COMMITTEE: { level: 'STREET', root: true, parents: ['DISTRICT_COMMITTEE'] },
  GENERAL_BRANCH: { level: 'BRANCH_GROUP', root: false, parents: [...STREET_KINDS, 'DISTRICT_COMMITTEE'] },
  VILLAGE_BRANCH: { level: 'BRANCH', root: false, parents: BRANCH_PARENTS },
  COMMUNITY_BRANCH: { level: 'BRANCH', root: false, parents: BRANCH_PARENTS },
  // 区直机关 and 市直机关 branches sit right under their committee.
  AGENCY_BRANCH: {
    level: 'BRANCH',
    root: false,
    parents: [...BRANCH_PARENTS, 'DISTRICT_COMMITTEE', 'CITY_COMMITTEE'],
  },
};

export const orgLevelOf = (kind: OrgKind): OrgLevel => ORG_KIND_RULES[kind].level;

/** A 街道 or 乡镇: the level whose leaders run the branches below (a record's "street" is its nearest one). */
export const isStreetLevel = (kind: OrgKind): boolean => orgLevelOf(kind) === 'STREET';

/** Whether an org of `kind` may sit under a parent of `parentKind` (null: be a root). */
export function parentAllowed(kind: OrgKind, parentKind: OrgKind | null): boolean {
  const rule = ORG_KIND_RULES[kind];
  return parentKind === null ? rule.root : rule.parents.includes(parentKind);
}

/** The kinds that may be created under a parent of `parentKind` (null: as a root). */
export const childKindsOf = (parentKind: OrgKind | null): OrgKind[] =>
  ORG_KINDS.filter((kind) => parentAllowed(kind, parentKind));

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

/** A kind that may be a root (ORG_KIND_RULES) may have no parent; every other kind needs one. */
export const CreateOrgInputSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(ORG_CODE_MAX).regex(ORG_CODE_PATTERN),
    name: z.string().trim().min(1).max(ORG_NAME_MAX),
    kind: OrgKindSchema,
    parentId: IdSchema.nullable(),
    sortOrder: z.number().int().min(ORG_SORT_ORDER_MIN).max(ORG_SORT_ORDER_MAX).optional(),
  })
  .refine((v) => v.parentId !== null || ORG_KIND_RULES[v.kind].root, {
    path: ['parentId'],
    message: '该类组织必须选择上级组织',
  });
export type CreateOrgInput = z.infer<typeof CreateOrgInputSchema>;

/**
 * A new code, name or order, or a move under another parent (`parentId`): the server checks the
 * parent's kind against ORG_KIND_RULES, refuses a cycle and rewrites the subtree's paths.
 */
export const UpdateOrgInputSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(ORG_CODE_MAX).regex(ORG_CODE_PATTERN),
    name: z.string().trim().min(1).max(ORG_NAME_MAX),
    sortOrder: z.number().int().min(ORG_SORT_ORDER_MIN).max(ORG_SORT_ORDER_MAX),
    parentId: IdSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdateOrgInput = z.infer<typeof UpdateOrgInputSchema>;

export const OrgListSchema = z.object({ items: z.array(OrgUnitSchema) });
export type OrgList = z.infer<typeof OrgListSchema>;

// The dashboard at every level (ADR 039): what a level's page ranks and how it is named.
export const OrgLevelSchema = z.enum(ORG_LEVELS);

/** The top-most level among some children's kinds (ORG_LEVELS is top down); null for none. */
export function childLevelOf(kinds: readonly OrgKind[]): OrgLevel | null {
  const levels = kinds.map((k) => ORG_LEVELS.indexOf(ORG_KIND_RULES[k].level));
  return levels.length ? (ORG_LEVELS[Math.min(...levels)] ?? null) : null;
}

/**
 * Whether the children are levels that oversee others (街道 under a 区, 区 under a 市): the page is
 * then an overseer's, the children's ranking first (ADR 039); a street's branches are not.
 */
export const childrenOversee = (childLevel: OrgLevel | null): boolean =>
  childLevel === 'CITY' || childLevel === 'DISTRICT' || childLevel === 'STREET';

/**
 * The level a home org of this level ranks on its pages before any answer says (the nav's
 * "街道（乡镇）情况" for a 区): a 市 its 区, a 区 its 街道, anything lower its branches. The
 * dashboard's own `childLevel` says what the children really are.
 */
export function rankedLevelOf(level: OrgLevel): OrgLevel {
  if (level === 'CITY') return 'DISTRICT';
  if (level === 'DISTRICT') return 'STREET';
  return 'BRANCH';
}
