// 责任清单: who is 第一责任人, who carries which 分管 area (一岗双责), and the tasks of a period.
// A task may carry a measurable rule ("专题研讨 at least 2 in the half year"); its progress and
// status are then computed from the records, never typed in. A task without a rule is closed
// (办结) by its owner or leadership once evidence is attached.
import { z } from 'zod';
import { CursorSchema, IdSchema, InstantSchema, PageLimitSchema, pageSchema, recordFields } from './common.ts';
import { CountedMetricSchema, MetricDrillSchema } from './metrics.ts';
import { LocalDateSchema, PeriodCodeSchema, type PeriodRef, periodFromCode, shanghaiMidnight } from './periods.ts';
import { RoleSchema } from './permissions.ts';
import { periodName } from './plan.ts';

export const ASSIGNMENT_KINDS = ['FIRST_RESPONSIBLE', 'AREA', 'TASK'] as const;
export const AssignmentKindSchema = z.enum(ASSIGNMENT_KINDS);
export type AssignmentKind = z.infer<typeof AssignmentKindSchema>;

export const ASSIGNMENT_STATUSES = ['OPEN', 'DONE', 'CANCELLED'] as const;
export const AssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatusSchema>;

export const ASSIGNMENT_AREA_MAX = 100;
export const ASSIGNMENT_TASK_MAX = 500;
export const ASSIGNMENT_CLOSING_NOTE_MAX = 2000;
export const RULE_MIN_MIN = 1;
export const RULE_MIN_MAX = 10_000;

/** How a rule splits the period: one unit for the whole period, or one per quarter / month in it. */
export const RULE_PERS = ['PERIOD', 'QUARTER', 'MONTH'] as const;
export const RulePerSchema = z.enum(RULE_PERS);
export type RulePer = z.infer<typeof RulePerSchema>;

/**
 * "At least `min` records of `metric` per `per`", counted in the task's org subtree — or, with
 * `eachChild`, in each of the org's direct children separately ("每个支部每季度讲党课 1 次").
 */
export const AssignmentRuleSchema = z.strictObject({
  metric: CountedMetricSchema,
  min: z.number().int().min(RULE_MIN_MIN).max(RULE_MIN_MAX),
  per: RulePerSchema,
  eachChild: z.boolean(),
});
export type AssignmentRule = z.infer<typeof AssignmentRuleSchema>;

const area = z.string().trim().min(1).max(ASSIGNMENT_AREA_MAX);

const fields = {
  /** Period code: "2026", "2026-H1", "2026-Q3". */
  period: PeriodCodeSchema,
  orgId: IdSchema,
  /** An active user who can reach the org. */
  ownerId: IdSchema,
  kind: AssignmentKindSchema,
  /** The 分管 area: required for AREA. */
  area: area.nullable().optional(),
  task: z.string().trim().min(1).max(ASSIGNMENT_TASK_MAX),
  /** The last day (Asia/Shanghai) to finish: TASK only. */
  dueDate: LocalDateSchema.nullable().optional(),
  /** TASK only. */
  rule: AssignmentRuleSchema.nullable().optional(),
};

export interface AssignmentShape {
  kind?: AssignmentKind;
  area?: string | null;
  dueDate?: string | null;
  rule?: AssignmentRule | null;
}

/**
 * The cross-field rules, on a whole record (create, or PATCH merged with the stored record):
 * an AREA names its area; only a TASK carries a rule or a due date.
 */
export function assignmentShapeIssues(v: AssignmentShape): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (v.kind === 'AREA' && !v.area) issues.push({ path: 'area', message: '分管领域须填写领域名称' });
  if (v.kind && v.kind !== 'TASK') {
    if (v.rule) issues.push({ path: 'rule', message: '只有工作任务可以设置完成规则' });
    if (v.dueDate) issues.push({ path: 'dueDate', message: '只有工作任务可以设置完成期限' });
  }
  return issues;
}

function addShapeIssues(v: AssignmentShape, ctx: z.RefinementCtx) {
  for (const issue of assignmentShapeIssues(v)) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  }
}

export const CreateAssignmentInputSchema = z.strictObject(fields).superRefine(addShapeIssues);
export type CreateAssignmentInput = z.infer<typeof CreateAssignmentInputSchema>;

/** Any of the fields; `status` is not one of them (a rule's status is computed, a task is closed). */
export const UpdateAssignmentInputSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' })
  .superRefine(addShapeIssues);
export type UpdateAssignmentInput = z.infer<typeof UpdateAssignmentInputSchema>;

export const CloseAssignmentInputSchema = z.strictObject({
  closingNote: z.string().trim().min(1).max(ASSIGNMENT_CLOSING_NOTE_MAX),
});
export type CloseAssignmentInput = z.infer<typeof CloseAssignmentInputSchema>;

export const ListAssignmentsQuerySchema = z.strictObject({
  period: PeriodCodeSchema.optional(),
  /** An org: assignments of it and every org below it. */
  org: IdSchema.optional(),
  owner: IdSchema.optional(),
  kind: AssignmentKindSchema.optional(),
  /** The status as answered (a rule task's is computed). */
  status: AssignmentStatusSchema.optional(),
  /** true: only overdue ones (as answered: OPEN with the due day passed); false: the others. */
  overdue: z.enum(['true', 'false']).optional(),
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema,
});
export type ListAssignmentsQuery = z.input<typeof ListAssignmentsQuerySchema>;

export const AssignmentProgressUnitSchema = z.object({
  /** "2026年第一季度 · 甲村党支部" (Chinese; the web may build its own from slice and orgName). */
  label: z.string(),
  /** The time slice: a period code ("2026-H1", "2026-Q1") or a month ("2026-03"). */
  slice: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
  /** Asia/Shanghai calendar days, both inclusive. */
  from: LocalDateSchema,
  to: LocalDateSchema,
  required: z.number().int(),
  done: z.number().int(),
  satisfied: z.boolean(),
  /** The list that shows exactly the records counted. */
  drill: MetricDrillSchema,
});
export type AssignmentProgressUnit = z.infer<typeof AssignmentProgressUnitSchema>;

export const AssignmentProgressSchema = z.object({
  /** min × number of units. */
  required: z.number().int(),
  /** Each unit's count, capped at min (extra records in one unit do not make up for another). */
  done: z.number().int(),
  /** Every unit has reached min (false when there is no unit, e.g. eachChild on an org without children). */
  satisfied: z.boolean(),
  units: z.array(AssignmentProgressUnitSchema),
});
export type AssignmentProgress = z.infer<typeof AssignmentProgressSchema>;

export const AssignmentSchema = z.object({
  ...recordFields,
  periodCode: z.string(),
  periodName: z.string(),
  ownerId: IdSchema,
  ownerName: z.string(),
  kind: AssignmentKindSchema,
  area: z.string().nullable(),
  task: z.string(),
  /** The due day (Asia/Shanghai), or null. */
  dueAt: LocalDateSchema.nullable(),
  /** For a rule task: DONE when the rule is satisfied, else OPEN (computed on every read). */
  status: AssignmentStatusSchema,
  rule: AssignmentRuleSchema.nullable(),
  doneAt: InstantSchema.nullable(),
  closingNote: z.string().nullable(),
  /** The due day has passed and the task is not done. */
  overdue: z.boolean(),
  /** Rule tasks only; null otherwise. */
  progress: AssignmentProgressSchema.nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AssignmentPageSchema = pageSchema(AssignmentSchema);
export type AssignmentPage = z.infer<typeof AssignmentPageSchema>;

/** Who a task may be given to (GET /api/assignments/owners): active users. */
export const AssignmentOwnerSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  role: RoleSchema,
  orgId: IdSchema,
  orgName: z.string(),
});
export type AssignmentOwner = z.infer<typeof AssignmentOwnerSchema>;
export const AssignmentOwnerListSchema = z.object({ items: z.array(AssignmentOwnerSchema) });
export type AssignmentOwnerList = z.infer<typeof AssignmentOwnerListSchema>;

// ---------------------------------------------------------------------------------------------
// Pure helpers for the rule's time slices.

export interface RuleSlice {
  /** A period code for PERIOD and QUARTER, "YYYY-MM" for MONTH. */
  code: string;
  startsAt: Date;
  endsAt: Date;
}

/** The time units a rule is checked in: the period itself, or its quarters, or its months. */
export function ruleSlices(period: PeriodRef, per: RulePer): RuleSlice[] {
  if (per === 'PERIOD') return [{ code: period.code, startsAt: period.startsAt, endsAt: period.endsAt }];
  const out: RuleSlice[] = [];
  const step = per === 'QUARTER' ? 3 : 1;
  // Periods start on a quarter boundary in Shanghai, so stepping from the first month is exact.
  const firstMonth = period.kind === 'YEAR' ? 1 : period.kind === 'HALF' ? period.index * 6 - 5 : period.index * 3 - 2;
  for (let month = firstMonth; ; month += step) {
    const startsAt = shanghaiMidnight(period.year, month, 1);
    if (startsAt >= period.endsAt) break;
    const endsAt = shanghaiMidnight(period.year, month + step, 1);
    const code =
      per === 'QUARTER'
        ? periodFromCode(`${period.year}-Q${Math.ceil(month / 3)}`).code
        : `${period.year}-${String(month).padStart(2, '0')}`;
    out.push({ code, startsAt, endsAt });
  }
  return out;
}

/** "2026年第一季度", "2026年3月", "2026年上半年", "2026年全年" for a slice code. */
export function sliceName(code: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(code);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return periodName(periodFromCode(code));
}
