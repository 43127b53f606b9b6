// A rule's reach as the forms offer it and the pages say it — frequency rules (ADR 038) and duty
// rules (ADR 045): the org itself, each org directly below, or each org of a level below the org's
// own. The contract says which levels an org may reach (ruleLevelsBelow); this only turns a reach
// into a choice and into words.
import { ORG_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import { type OrgKind, type OrgLevel, orgLevelOf } from '@dutyboard/contracts/orgs';
import { type FrequencyRule, ruleLevelsBelow } from '@dutyboard/contracts/plan';
import type { useI18n } from './i18n-provider.tsx';

/** One choice of the form: 'SELF', 'CHILD' (each direct child) or a level. */
export type ReachChoice = 'SELF' | 'CHILD' | OrgLevel;

type Reach = Pick<FrequencyRule, 'eachChild' | 'level'>;

export const reachChoiceOf = (rule: Reach): ReachChoice => (rule.eachChild ? (rule.level ?? 'CHILD') : 'SELF');

export const reachOfChoice = (choice: ReachChoice): Reach => ({
  eachChild: choice !== 'SELF',
  level: choice === 'SELF' || choice === 'CHILD' ? null : choice,
});

/** The reaches a rule set on an org of this kind may have (no kind known: itself or its children). */
export function reachChoices(kind: OrgKind | undefined): ReachChoice[] {
  return ['SELF', 'CHILD', ...(kind ? ruleLevelsBelow(orgLevelOf(kind)) : [])];
}

type I18n = Pick<ReturnType<typeof useI18n>, 't' | 'nameOf'>;

export function reachText(choice: ReachChoice, { t, nameOf }: I18n): string {
  if (choice === 'SELF') return t('targets.scopeSelf');
  if (choice === 'CHILD') return t('targets.scopeEachChild');
  return t('targets.scopeEachLevel', { level: nameOf(ORG_LEVEL_LABELS, choice) });
}
