// What the new-rule dialog holds and how it becomes the API body (checked with the contract's
// schema, which the server runs too).
import type { CountedMetric, RuleFrequency } from '@dutyboard/contracts/metrics';
import {
  type CreateFrequencyRuleInput,
  CreateFrequencyRuleInputSchema,
  RULE_NOTE_MAX,
  RULE_TIMES_MAX,
  RULE_TIMES_MIN,
} from '@dutyboard/contracts/plan';
import { type FieldSpecs, issuesOf } from '../../../lib/form-issues.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';

export interface RuleFormValues {
  metric?: CountedMetric;
  orgId?: string;
  eachChild?: boolean;
  frequency?: RuleFrequency;
  times?: number | null;
  note?: string;
}

export type RuleFormField = keyof RuleFormValues;

export const RULE_FIELDS: FieldSpecs<RuleFormField> = {
  metric: { label: 'targets.ruleMetric', choose: true },
  orgId: { label: 'targets.ruleOrg', choose: true },
  eachChild: { label: 'targets.ruleScope', choose: true },
  frequency: { label: 'targets.ruleFrequency', choose: true },
  times: { label: 'targets.ruleTimes', number: true, min: RULE_TIMES_MIN, max: RULE_TIMES_MAX },
  note: { label: 'targets.ruleNote', max: RULE_NOTE_MAX },
};

export function checkRule(values: RuleFormValues): Checked<CreateFrequencyRuleInput> {
  const note = values.note?.trim() ?? '';
  const parsed = CreateFrequencyRuleInputSchema.safeParse({
    metric: values.metric,
    orgId: values.orgId,
    eachChild: values.eachChild ?? false,
    frequency: values.frequency,
    times: values.times ?? undefined,
    note: note === '' ? null : note,
  });
  return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
}
