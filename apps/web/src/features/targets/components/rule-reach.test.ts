import { describe, expect, it } from 'vitest';
import { reachChoiceOf, reachChoices, reachOfChoice } from '../../../lib/rule-reach.ts';
import { checkRule } from './rule-form-values.ts';

describe('rule reach choices', () => {
  it('offers a 区 itself, its direct children and every level below it; a branch only itself and its children', () => {
    expect(reachChoices('DISTRICT_COMMITTEE')).toEqual(['SELF', 'CHILD', 'STREET', 'BRANCH_GROUP', 'BRANCH']);
    expect(reachChoices('STREET_COMMITTEE')).toEqual(['SELF', 'CHILD', 'BRANCH_GROUP', 'BRANCH']);
    expect(reachChoices('COMMUNITY_BRANCH')).toEqual(['SELF', 'CHILD']);
  });

  it('turns a choice into the API body and back', () => {
    for (const choice of ['SELF', 'CHILD', 'STREET'] as const) {
      expect(reachChoiceOf(reachOfChoice(choice))).toBe(choice);
    }
    const checked = checkRule({
      metric: 'SEMINAR',
      orgId: crypto.randomUUID(),
      level: 'STREET',
      frequency: 'YEARLY',
      times: 1,
    });
    expect(checked).toMatchObject({ input: { eachChild: true, level: 'STREET' } });
  });
});
