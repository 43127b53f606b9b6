// What the new-rule dialog holds and how it becomes the API body (checked with the contract's
// schema, which the server runs too); the fields' rules come from the same schema.
import type { CountedMetric, RuleFrequency } from '@dutyboard/contracts/metrics';
import { type CreateFrequencyRuleInput, CreateFrequencyRuleInputSchema } from '@dutyboard/contracts/plan';
import { checkBody } from '../../../lib/record-values.ts';
import { type ReachChoice, reachOfChoice } from '../../../lib/rule-reach.ts';
import type { Checked } from '../../../lib/use-dialog-submit.ts';
import { formFields } from '../../../lib/zod-rules.ts';

export interface RuleFormValues {
  metric?: CountedMetric;
  orgId?: string;
  /** The reach: named `level` so the server's issues about it land on this field. */
  level?: ReachChoice;
  frequency?: RuleFrequency;
  times?: number | null;
  note?: string;
}

export const RULE_FIELDS = formFields(CreateFrequencyRuleInputSchema, {
  metric: 'targets.ruleMetric',
  orgId: 'targets.ruleOrg',
  // Required and chosen, as eachChild is; the level itself is checked against the org by the server.
  level: { label: 'targets.ruleScope', from: 'eachChild' },
  frequency: 'targets.ruleFrequency',
  times: 'targets.ruleTimes',
  note: 'targets.ruleNote',
});

export function checkRule(values: RuleFormValues): Checked<CreateFrequencyRuleInput> {
  const note = values.note?.trim() ?? '';
  return checkBody(CreateFrequencyRuleInputSchema, {
    metric: values.metric,
    orgId: values.orgId,
    ...reachOfChoice(values.level ?? 'SELF'),
    frequency: values.frequency,
    times: values.times ?? undefined,
    note: note === '' ? null : note,
  });
}
