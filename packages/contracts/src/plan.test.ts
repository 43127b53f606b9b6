import { describe, expect, it } from 'vitest';
import { COUNTED_METRIC_KEYS } from './metrics.ts';
import { periodFromCode } from './periods.ts';
import { periodName, periodsOfYear, type RuleLike, ruleRequiredFor, ruleRequirements, toPeriodInfo } from './plan.ts';

describe('period names and lists', () => {
  it('names each kind of period in Chinese', () => {
    expect(periodName(periodFromCode('2026'))).toBe('2026年全年');
    expect(periodName(periodFromCode('2026-H1'))).toBe('2026年上半年');
    expect(periodName(periodFromCode('2026-H2'))).toBe('2026年下半年');
    expect(periodName(periodFromCode('2026-Q3'))).toBe('2026年第三季度');
  });

  it('lists a year, its halves and its quarters with Shanghai bounds', () => {
    const list = periodsOfYear(2026).map(toPeriodInfo);
    expect(list.map((p) => p.code)).toEqual(['2026', '2026-H1', '2026-H2', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(list[1]).toEqual({
      code: '2026-H1',
      kind: 'HALF',
      year: 2026,
      index: 1,
      name: '2026年上半年',
      startsAt: '2025-12-31T16:00:00.000Z',
      endsAt: '2026-06-30T16:00:00.000Z',
    });
  });
});

describe('what frequency rules require of an org', () => {
  const street = { id: 'street', parentId: null };
  const branch = { id: 'branchA', parentId: 'street' };
  const h1 = periodFromCode('2026-H1');
  const rules: RuleLike[] = [
    { metric: 'CENTRAL_GROUP_STUDY', orgId: 'street', eachChild: false, frequency: 'MONTHLY', times: 1 },
    { metric: 'PARTY_LECTURE', orgId: 'street', eachChild: true, frequency: 'QUARTERLY', times: 1 },
    { metric: 'PARTY_LECTURE', orgId: 'branchA', eachChild: false, frequency: 'HALF_YEARLY', times: 1 },
    { metric: 'SEMINAR', orgId: 'street', eachChild: false, frequency: 'YEARLY', times: 2 },
  ];

  it('monthly once is six in a half year, on the org the rule is set on', () => {
    expect(ruleRequiredFor(rules, street, 'CENTRAL_GROUP_STUDY', h1)).toBe(6);
    expect(ruleRequiredFor(rules, branch, 'CENTRAL_GROUP_STUDY', h1)).toBeNull();
  });

  it("an 'each branch' rule applies to the children, not to the org it is set on", () => {
    expect(ruleRequiredFor(rules, street, 'PARTY_LECTURE', h1)).toBeNull();
    // Quarterly once → 2 in a half, plus the branch's own half-yearly once.
    expect(ruleRequiredFor(rules, branch, 'PARTY_LECTURE', h1)).toBe(3);
    expect(ruleRequiredFor(rules, branch, 'PARTY_LECTURE', periodFromCode('2026'))).toBe(6);
  });

  it('rounds a yearly rule up for a shorter period', () => {
    expect(ruleRequiredFor(rules, street, 'SEMINAR', h1)).toBe(1);
    expect(ruleRequiredFor(rules, street, 'SEMINAR', periodFromCode('2026-Q2'))).toBe(1);
    expect(ruleRequiredFor(rules, street, 'SEMINAR', periodFromCode('2026'))).toBe(2);
  });

  it('no rule for the metric answers null, not 0', () => {
    expect(ruleRequiredFor(rules, street, 'PUBLICITY', h1)).toBeNull();
  });

  it('answers the same through the rule index as rule by rule, for every org and metric', () => {
    const more: RuleLike[] = [
      ...rules,
      { metric: 'PARTY_LECTURE', orgId: 'street', eachChild: true, frequency: 'MONTHLY', times: 2 },
      { metric: 'SEMINAR', orgId: 'branchB', eachChild: true, frequency: 'QUARTERLY', times: 1 },
      { metric: 'CENTRAL_GROUP_STUDY', orgId: 'branchB', eachChild: false, frequency: 'MONTHLY', times: 1 },
    ];
    const orgs = [street, branch, { id: 'branchB', parentId: 'street' }, { id: 'unitB1', parentId: 'branchB' }];
    for (const period of [h1, periodFromCode('2026'), periodFromCode('2026-Q3')]) {
      const requiredOf = ruleRequirements(more, period);
      for (const org of orgs) {
        for (const metric of COUNTED_METRIC_KEYS) {
          expect(requiredOf(org, metric), `${org.id} ${metric}`).toBe(ruleRequiredFor(more, org, metric, period));
        }
      }
    }
    // Two "each branch" rules of the street add up for a branch: 2 (quarterly) + 12 (monthly twice).
    expect(ruleRequirements(more, h1)(branch, 'PARTY_LECTURE')).toBe(2 + 12 + 1);
  });
});
