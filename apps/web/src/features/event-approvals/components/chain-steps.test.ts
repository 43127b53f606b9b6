import { PutEventRuleInputSchema } from '@dutyboard/contracts/event-approvals';
import { describe, expect, it } from 'vitest';
import { chainStep, moveStep, stepValues } from './chain-steps.ts';

const ORG = '00000000-0000-4000-8000-000000000001';

describe('the approval chain editor', () => {
  it('moves a step up and down, and leaves the ends alone', () => {
    expect(moveStep(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveStep(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('sends only the way chosen, so a role step and a user step both pass the contract', () => {
    const steps = [
      chainStep({ label: '社区书记', by: 'ROLE', role: 'SECRETARY', level: 'BRANCH', userId: ORG }),
      chainStep({ label: '宣传委员', by: 'USER', userId: ORG, role: 'LEADER', level: 'STREET' }),
    ];
    expect(PutEventRuleInputSchema.safeParse({ orgId: ORG, leadDays: 5, steps }).success).toBe(true);
    expect(stepValues({ label: '宣传委员', userId: ORG }).by).toBe('USER');
  });

  it('a role step without its level is refused with the contract’s message', () => {
    const result = PutEventRuleInputSchema.safeParse({
      orgId: ORG,
      leadDays: 3,
      steps: [chainStep({ label: '社区书记', by: 'ROLE', role: 'SECRETARY' })],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('二选一');
  });
});
