// 督查 / 通报 / 谈话 / 问责: the ledger of oversight (ADR 049). A record belongs to the unit it
// concerns (an inspected branch, a unit given a 通报, a person's unit) and is written by the level
// above; leadership, auditors and reviewers read it, secretaries never (not even their own
// branch's). A done 督查 counts under BRANCH_INSPECTION on the day it was done; its findings
// become rectifications of the inspected unit.
import { z } from 'zod';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields } from './common.ts';

export const ACCOUNTABILITY_TYPES = ['INSPECTION', 'NOTICE', 'TALK', 'ACCOUNTABILITY'] as const;
export const AccountabilityTypeSchema = z.enum(ACCOUNTABILITY_TYPES);
export type AccountabilityType = z.infer<typeof AccountabilityTypeSchema>;

export const NOTICE_COLOURS = ['RED', 'YELLOW', 'GREEN'] as const;
export const NoticeColourSchema = z.enum(NOTICE_COLOURS);
export type NoticeColour = z.infer<typeof NoticeColourSchema>;

/** 问责 方式: 批评教育, 诫勉, 组织处理, 纪律处分. */
export const ACCOUNTABILITY_MEASURES = ['CRITICISM', 'ADMONITION', 'ORG_HANDLING', 'DISCIPLINE'] as const;
export const AccountabilityMeasureSchema = z.enum(ACCOUNTABILITY_MEASURES);
export type AccountabilityMeasure = z.infer<typeof AccountabilityMeasureSchema>;

export const ACCOUNTABILITY_TITLE_MAX = 200;
export const ACCOUNTABILITY_TEXT_MAX = 4000;
export const ACCOUNTABILITY_PERSON_MAX = 64;
export const ACCOUNTABILITY_FINDINGS_MAX = 20;
export const ACCOUNTABILITY_FINDING_MAX = 500;

/**
 * The fields each type requires (the others it refuses), declared once for the form and the
 * server: a 督查 has its planned day, a 通报 its colour, a 谈话 and a 问责 the person, a 问责 its
 * measure; every type but a planned 督查 has its day (occurredAt).
 */
export const ACCOUNTABILITY_FIELDS = {
  INSPECTION: { required: ['plannedAt'], allowed: ['plannedAt', 'occurredAt', 'findings', 'grounds', 'followUp'] },
  NOTICE: { required: ['occurredAt', 'colour', 'grounds'], allowed: ['occurredAt', 'colour', 'grounds', 'followUp'] },
  TALK: { required: ['occurredAt', 'person', 'grounds'], allowed: ['occurredAt', 'person', 'grounds', 'followUp'] },
  ACCOUNTABILITY: {
    required: ['occurredAt', 'person', 'measure', 'grounds'],
    allowed: ['occurredAt', 'person', 'measure', 'grounds', 'followUp'],
  },
} as const satisfies Record<AccountabilityType, { required: readonly string[]; allowed: readonly string[] }>;
export type AccountabilityField =
  | 'plannedAt'
  | 'occurredAt'
  | 'findings'
  | 'colour'
  | 'grounds'
  | 'person'
  | 'measure'
  | 'followUp';

const text = (max: number) => z.string().trim().max(max).nullable().optional();

const fields = {
  orgId: IdSchema,
  type: AccountabilityTypeSchema,
  title: z.string().trim().min(1).max(ACCOUNTABILITY_TITLE_MAX),
  plannedAt: InstantSchema.nullable().optional(),
  occurredAt: InstantSchema.nullable().optional(),
  findings: z
    .array(z.string().trim().min(1).max(ACCOUNTABILITY_FINDING_MAX))
    .max(ACCOUNTABILITY_FINDINGS_MAX)
    .optional(),
  colour: NoticeColourSchema.nullable().optional(),
  grounds: text(ACCOUNTABILITY_TEXT_MAX),
  person: text(ACCOUNTABILITY_PERSON_MAX),
  measure: AccountabilityMeasureSchema.nullable().optional(),
  followUp: text(ACCOUNTABILITY_TEXT_MAX),
};

/** Which fields a record of `type` with these values lacks or may not have (by field name). */
export function accountabilityFieldIssues(
  value: Partial<Record<AccountabilityField, unknown>> & { type: AccountabilityType },
) {
  const rule = ACCOUNTABILITY_FIELDS[value.type];
  const issues: { path: AccountabilityField; code: 'required' | 'not_allowed' }[] = [];
  for (const f of rule.required) {
    const v = value[f as AccountabilityField];
    if (v === undefined || v === null || v === '') issues.push({ path: f as AccountabilityField, code: 'required' });
  }
  for (const f of Object.keys(fields) as (keyof typeof fields)[]) {
    if (f === 'orgId' || f === 'type' || f === 'title') continue;
    const v = value[f];
    const empty = v === undefined || v === null || (Array.isArray(v) && v.length === 0);
    if (!empty && !(rule.allowed as readonly string[]).includes(f)) issues.push({ path: f, code: 'not_allowed' });
  }
  // Findings come from a 督查 that was done.
  if (value.type === 'INSPECTION' && Array.isArray(value.findings) && value.findings.length > 0 && !value.occurredAt) {
    issues.push({ path: 'occurredAt', code: 'required' });
  }
  return issues;
}

export const CreateAccountabilityInputSchema = z.strictObject(fields).superRefine((v, ctx) => {
  for (const issue of accountabilityFieldIssues(v)) {
    ctx.addIssue({
      code: 'custom',
      path: [issue.path],
      message: issue.code === 'required' ? '此项必填' : '此类记录不填此项',
    });
  }
});
export type CreateAccountabilityInput = z.infer<typeof CreateAccountabilityInputSchema>;

/** A change: the type stays; the result is checked against it on the server. */
const { type: _type, ...changeable } = fields;
export const UpdateAccountabilityInputSchema = z
  .strictObject(changeable)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdateAccountabilityInput = z.infer<typeof UpdateAccountabilityInputSchema>;

export const ACCOUNTABILITY_SORTS = ['-occurredAt', 'occurredAt', '-createdAt'] as const;
export const AccountabilitySortSchema = z.enum(ACCOUNTABILITY_SORTS);

/** GET /api/accountability: the caller's reach, Shanghai days [from, to] on occurredAt, type, colour. */
export const ListAccountabilityQuerySchema = z.strictObject({
  ...recordListQueryFields,
  type: AccountabilityTypeSchema.optional(),
  colour: NoticeColourSchema.optional(),
  /** true: 督查 planned and not yet done. */
  planned: z.enum(['true', 'false']).optional(),
  sort: AccountabilitySortSchema.default('-occurredAt'),
});
export type ListAccountabilityQuery = z.input<typeof ListAccountabilityQuerySchema>;

export const AccountabilitySchema = z.object({
  ...recordFields,
  type: AccountabilityTypeSchema,
  title: z.string(),
  plannedAt: InstantSchema.nullable(),
  occurredAt: InstantSchema.nullable(),
  findings: z.array(z.string()),
  colour: NoticeColourSchema.nullable(),
  grounds: z.string().nullable(),
  person: z.string().nullable(),
  measure: AccountabilityMeasureSchema.nullable(),
  followUp: z.string().nullable(),
  /** The rectifications its findings became. */
  rectificationIds: z.array(IdSchema),
});
export type Accountability = z.infer<typeof AccountabilitySchema>;

export const AccountabilityPageSchema = pageSchema(AccountabilitySchema);
export type AccountabilityPage = z.infer<typeof AccountabilityPageSchema>;
