// What the create/edit dialog holds and how it becomes an API body: the whole record is checked
// with the contract's create schema (the server runs the same rules), and an edit sends only
// what changed.
import {
  type Assignment,
  type AssignmentKind,
  type CreateAssignmentInput,
  CreateAssignmentInputSchema,
  type RulePer,
  type UpdateAssignmentInput,
} from '@dutyboard/contracts/assignments';
import type { CountedMetric } from '@dutyboard/contracts/metrics';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, pickerDay } from '../../../lib/dates.ts';
import { checkBody } from '../../../lib/record-values.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';
import { formFields } from '../../../lib/zod-rules.ts';

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

/** The rule's parts are boxes of their own ("rule.min" is the ruleMin box). */
export const ASSIGNMENT_FIELDS = formFields(CreateAssignmentInputSchema, {
  period: { label: 'assignments.formPeriod', choose: true },
  kind: 'assignments.formKind',
  orgId: 'assignments.formOrg',
  ownerId: 'assignments.formOwner',
  area: 'assignments.formArea',
  task: 'assignments.formTask',
  dueDate: 'assignments.formDueDate',
  hasRule: { label: 'assignments.formHasRule', choose: true },
  ruleMetric: { label: 'assignments.formRuleMetric', from: 'rule.metric' },
  ruleMin: { label: 'assignments.formRuleMin', from: 'rule.min' },
  rulePer: { label: 'assignments.formRulePer', from: 'rule.per' },
  ruleEachChild: { label: 'assignments.formRuleEachChild', from: 'rule.eachChild' },
});

/** Where the contract's field paths show on the dialog. */
const ISSUE_FIELDS = {
  rule: 'hasRule',
  'rule.metric': 'ruleMetric',
  'rule.min': 'ruleMin',
  'rule.per': 'rulePer',
  'rule.eachChild': 'ruleEachChild',
} satisfies Record<string, AssignmentFormField>;

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
  return checkBody(CreateAssignmentInputSchema, body(values), ISSUE_FIELDS);
}

/** Only what differs from the stored item; nothing when nothing changed. */
export function checkEdit(
  values: AssignmentFormValues,
  assignment: Assignment,
): Checked<UpdateAssignmentInput> | { unchanged: true } {
  const checked = checkBody(CreateAssignmentInputSchema, body(values), ISSUE_FIELDS);
  if ('issues' in checked) return checked;
  const next = checked.input;
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
