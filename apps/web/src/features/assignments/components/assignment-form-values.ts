// What the create/edit dialog holds and how it becomes an API body: the whole record is checked
// with the contract's create schema (the server runs the same rules), and an edit sends only
// what changed.
import {
  ASSIGNMENT_AREA_MAX,
  ASSIGNMENT_TASK_MAX,
  type Assignment,
  type AssignmentKind,
  type CreateAssignmentInput,
  CreateAssignmentInputSchema,
  RULE_MIN_MAX,
  RULE_MIN_MIN,
  type RulePer,
  type UpdateAssignmentInput,
} from '@dutyboard/contracts/assignments';
import type { FieldIssue } from '@dutyboard/contracts/errors';
import type { CountedMetric } from '@dutyboard/contracts/metrics';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, pickerDay } from '../../../lib/dates.ts';
import { type FieldSpecs, issuesOf } from '../../../lib/form-issues.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';

export interface AssignmentFormValues {
  period?: string;
  kind?: AssignmentKind;
  orgId?: string;
  ownerId?: string;
  area?: string;
  task?: string;
  dueDate?: Dayjs | null;
  hasRule?: boolean;
  ruleMetric?: CountedMetric;
  ruleMin?: number | null;
  rulePer?: RulePer;
  ruleEachChild?: boolean;
}

export type AssignmentFormField = keyof AssignmentFormValues;

export const ASSIGNMENT_FIELDS: FieldSpecs<AssignmentFormField> = {
  period: { label: 'assignments.formPeriod', choose: true },
  kind: { label: 'assignments.formKind', choose: true },
  orgId: { label: 'assignments.formOrg', choose: true },
  ownerId: { label: 'assignments.formOwner', choose: true },
  area: { label: 'assignments.formArea', max: ASSIGNMENT_AREA_MAX },
  task: { label: 'assignments.formTask', max: ASSIGNMENT_TASK_MAX },
  dueDate: { label: 'assignments.formDueDate', choose: true },
  hasRule: { label: 'assignments.formHasRule', choose: true },
  ruleMetric: { label: 'assignments.formRuleMetric', choose: true },
  ruleMin: { label: 'assignments.formRuleMin', number: true, min: RULE_MIN_MIN, max: RULE_MIN_MAX },
  rulePer: { label: 'assignments.formRulePer', choose: true },
  ruleEachChild: { label: 'assignments.formRuleEachChild', choose: true },
};

/** The contract's field paths onto the dialog's fields ("rule.min" is the ruleMin box). */
const RULE_FIELD: Record<string, AssignmentFormField> = {
  rule: 'hasRule',
  'rule.metric': 'ruleMetric',
  'rule.min': 'ruleMin',
  'rule.per': 'rulePer',
  'rule.eachChild': 'ruleEachChild',
};

export function toFormIssues(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, field: RULE_FIELD[issue.field] ?? issue.field }));
}

export function initialValues(assignment: Assignment): AssignmentFormValues {
  return {
    period: assignment.periodCode,
    kind: assignment.kind,
    orgId: assignment.orgId,
    ownerId: assignment.ownerId,
    area: assignment.area ?? '',
    task: assignment.task,
    dueDate: assignment.dueAt ? pickerDay(assignment.dueAt) : null,
    hasRule: assignment.rule !== null,
    ruleMetric: assignment.rule?.metric,
    ruleMin: assignment.rule?.min ?? 1,
    rulePer: assignment.rule?.per ?? 'PERIOD',
    ruleEachChild: assignment.rule?.eachChild ?? false,
  };
}

/** The whole record the dialog describes; only a task keeps a due date and a rule. */
function body(values: AssignmentFormValues) {
  const isTask = values.kind === 'TASK';
  const area = values.area?.trim() ?? '';
  return {
    period: values.period,
    orgId: values.orgId,
    ownerId: values.ownerId,
    kind: values.kind,
    area: values.kind === 'AREA' ? area : null,
    task: values.task?.trim() ?? '',
    dueDate: isTask && values.dueDate ? values.dueDate.format(DATE_FORMAT) : null,
    rule:
      isTask && values.hasRule
        ? {
            metric: values.ruleMetric,
            min: values.ruleMin ?? undefined,
            per: values.rulePer,
            eachChild: values.ruleEachChild ?? false,
          }
        : null,
  };
}

export function checkCreate(values: AssignmentFormValues): Checked<CreateAssignmentInput> {
  const parsed = CreateAssignmentInputSchema.safeParse(body(values));
  return parsed.success ? { input: parsed.data } : { issues: toFormIssues(issuesOf(parsed.error)) };
}

/** Only what differs from the stored item; nothing when nothing changed. */
export function checkEdit(
  values: AssignmentFormValues,
  assignment: Assignment,
): Checked<UpdateAssignmentInput> | { unchanged: true } {
  const parsed = CreateAssignmentInputSchema.safeParse(body(values));
  if (!parsed.success) return { issues: toFormIssues(issuesOf(parsed.error)) };
  const next = parsed.data;
  const patch: UpdateAssignmentInput = {};
  if (next.period !== assignment.periodCode) patch.period = next.period;
  if (next.orgId !== assignment.orgId) patch.orgId = next.orgId;
  if (next.ownerId !== assignment.ownerId) patch.ownerId = next.ownerId;
  if (next.kind !== assignment.kind) patch.kind = next.kind;
  if ((next.area ?? null) !== assignment.area) patch.area = next.area ?? null;
  if (next.task !== assignment.task) patch.task = next.task;
  if ((next.dueDate ?? null) !== assignment.dueAt) patch.dueDate = next.dueDate ?? null;
  if (JSON.stringify(next.rule ?? null) !== JSON.stringify(assignment.rule)) patch.rule = next.rule ?? null;
  return Object.keys(patch).length === 0 ? { unchanged: true } : { input: patch };
}
