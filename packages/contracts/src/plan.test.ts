import { describe, expect, it } from 'vitest';
import { COUNTED_METRIC_KEYS } from './metrics.ts';
import { periodFromCode } from './periods.ts';
import {
  type NamedRule,
  periodName,
  periodsOfYear,
  type RuleLike,
  type RuleSubject,
  ruleIndex,
  ruleRequiredFor,
  type TargetRow,
  targetRows,
  toPeriodInfo,
} from './plan.ts';

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
  // A 区 above a 街道 above two branches; the 区 also has a second 街道.
  const district: RuleSubject = { id: 'district', level: 'DISTRICT', path: '/district/' };
  const street: RuleSubject = { id: 'street', level: 'STREET', path: '/district/street/' };
  const street2: RuleSubject = { id: 'street2', level: 'STREET', path: '/district/street2/' };
  const branch: RuleSubject = { id: 'branchA', level: 'BRANCH', path: '/district/street/branchA/' };
  const branchB: RuleSubject = { id: 'branchB', level: 'BRANCH', path: '/district/street/branchB/' };
  const h1 = periodFromCode('2026-H1');
  const rule = (r: Partial<RuleLike> & Pick<RuleLike, 'metric' | 'orgId'>): RuleLike => ({
    eachChild: false,
    level: null,
    frequency: 'MONTHLY',
    times: 1,
    ...r,
  });
  const rules: RuleLike[] = [
    rule({ metric: 'CENTRAL_GROUP_STUDY', orgId: 'street' }),
    rule({ metric: 'PARTY_LECTURE', orgId: 'street', eachChild: true, frequency: 'QUARTERLY' }),
    rule({ metric: 'PARTY_LECTURE', orgId: 'branchA', frequency: 'HALF_YEARLY' }),
    rule({ metric: 'SEMINAR', orgId: 'street', frequency: 'YEARLY', times: 2 }),
  ];

  it('monthly once is six in a half year, on the org the rule is set on', () => {
    expect(ruleRequiredFor(rules, street, 'CENTRAL_GROUP_STUDY', h1)).toBe(6);
    expect(ruleRequiredFor(rules, branch, 'CENTRAL_GROUP_STUDY', h1)).toBeNull();
  });

  it("an 'each branch' rule applies to the children, not to the org it is set on", () => {
    expect(ruleRequiredFor(rules, street, 'PARTY_LECTURE', h1)).toBeNull();
    // Quarterly once → 2 in a half for a branch without a rule of its own.
    expect(ruleRequiredFor(rules, branchB, 'PARTY_LECTURE', h1)).toBe(2);
    expect(ruleRequiredFor(rules, branchB, 'PARTY_LECTURE', periodFromCode('2026'))).toBe(4);
  });

  it("an org's own rule overrides its parent's each-child rule; they are not added (ADR 038)", () => {
    // Half-yearly once → 1 in a half, not 1 + 2.
    expect(ruleRequiredFor(rules, branch, 'PARTY_LECTURE', h1)).toBe(1);
    const applied = ruleIndex(rules)(branch, 'PARTY_LECTURE');
    expect(applied).toMatchObject({ rule: { orgId: 'branchA' }, overrides: true });
    expect(ruleIndex(rules)(branchB, 'PARTY_LECTURE')).toMatchObject({ rule: { orgId: 'street' }, overrides: false });
  });

  it('rounds a yearly rule up for a shorter period', () => {
    expect(ruleRequiredFor(rules, street, 'SEMINAR', h1)).toBe(1);
    expect(ruleRequiredFor(rules, street, 'SEMINAR', periodFromCode('2026-Q2'))).toBe(1);
    expect(ruleRequiredFor(rules, street, 'SEMINAR', periodFromCode('2026'))).toBe(2);
  });

  it('no rule for the metric answers null, not 0', () => {
    expect(ruleRequiredFor(rules, street, 'PUBLICITY', h1)).toBeNull();
  });

  it('a by-level rule reaches every org of its level anywhere below, and no other level', () => {
    const byLevel = [rule({ metric: 'ACTIVITY', orgId: 'district', eachChild: true, level: 'BRANCH', times: 2 })];
    expect(ruleRequiredFor(byLevel, branch, 'ACTIVITY', h1)).toBe(12);
    expect(ruleRequiredFor(byLevel, street, 'ACTIVITY', h1)).toBeNull();
    expect(ruleRequiredFor(byLevel, district, 'ACTIVITY', h1)).toBeNull();
    const streets = [rule({ metric: 'ACTIVITY', orgId: 'district', eachChild: true, level: 'STREET' })];
    expect(ruleRequiredFor(streets, street2, 'ACTIVITY', h1)).toBe(6);
    expect(ruleRequiredFor(streets, branch, 'ACTIVITY', h1)).toBeNull();
  });

  it('within one source an each-child rule beats a by-level rule', () => {
    const both = [
      rule({ metric: 'ACTIVITY', orgId: 'district', eachChild: true, level: 'STREET', times: 5 }),
      rule({ metric: 'ACTIVITY', orgId: 'district', eachChild: true, times: 1 }),
    ];
    expect(ruleRequiredFor(both, street, 'ACTIVITY', h1)).toBe(6);
    expect(ruleRequiredFor(both.reverse(), street, 'ACTIVITY', h1)).toBe(6);
  });

  it('a nearer ancestor beats a farther one, whatever the list order', () => {
    const near = rule({ metric: 'ACTIVITY', orgId: 'street', eachChild: true, level: 'BRANCH', frequency: 'YEARLY' });
    const far = rule({ metric: 'ACTIVITY', orgId: 'district', eachChild: true, level: 'BRANCH', times: 3 });
    for (const list of [
      [near, far],
      [far, near],
    ]) {
      expect(ruleIndex(list)(branch, 'ACTIVITY')).toEqual({ rule: near, overrides: true });
      expect(ruleRequiredFor(list, branch, 'ACTIVITY', h1)).toBe(1);
    }
    // The parent's each-child rule is nearer than the grandparent's by-level one too.
    const parentEach = rule({ metric: 'ACTIVITY', orgId: 'street', eachChild: true, times: 4 });
    expect(ruleRequiredFor([far, parentEach], branch, 'ACTIVITY', h1)).toBe(24);
    // A grandparent's each-child rule reaches its children only, not its grandchildren.
    const districtEach = rule({ metric: 'ACTIVITY', orgId: 'district', eachChild: true });
    expect(ruleRequiredFor([districtEach], branch, 'ACTIVITY', h1)).toBeNull();
    expect(ruleRequiredFor([districtEach], street, 'ACTIVITY', h1)).toBe(6);
  });
});

describe('target rows: which figure an org is measured against', () => {
  const named = (o: RuleSubject) => ({ ...o, name: o.id });
  const district = named({ id: 'district', level: 'DISTRICT', path: '/district/' });
  const streets = ['s1', 's2'].map((id) => named({ id, level: 'STREET', path: `/district/${id}/` }));
  const h1 = periodFromCode('2026-H1');
  const quarterly: NamedRule = {
    id: 'r1',
    orgName: '示范区委',
    metric: 'CENTRAL_GROUP_STUDY',
    orgId: 'district',
    eachChild: true,
    level: 'STREET',
    frequency: 'QUARTERLY',
    times: 1,
  };
  const target = (orgId: string, value: number) => ({
    id: `t-${orgId}`,
    orgId,
    metric: 'CENTRAL_GROUP_STUDY',
    value,
    version: 1,
  });
  const row = (rows: TargetRow[], orgId: string) =>
    rows.find((r) => r.orgId === orgId && r.metric === 'CENTRAL_GROUP_STUDY');

  it('an explicit target beats any rule; the rule stays visible beside it', () => {
    const rows = targetRows(district, streets, [target('s1', 5)], [quarterly], h1);
    expect(row(rows, 's1')).toMatchObject({ value: 5, ruleRequired: 2, effective: 5, effectiveFrom: 'TARGET' });
    expect(row(rows, 's2')).toMatchObject({
      value: null,
      ruleRequired: 2,
      effective: 2,
      effectiveFrom: 'RULE',
      ruleFrom: { ruleId: 'r1', orgId: 'district', orgName: '示范区委', overrides: false },
    });
  });

  it("an org with neither is measured against its children's sum when every child has one", () => {
    const rows = targetRows(district, streets, [target('s1', 5)], [quarterly], h1);
    expect(row(rows, 'district')).toMatchObject({
      value: null,
      ruleRequired: null,
      effective: 7,
      effectiveFrom: 'CHILDREN',
    });
    // Every row is there, the org first.
    expect(rows).toHaveLength(3 * COUNTED_METRIC_KEYS.length);
    expect(rows[0]?.orgId).toBe('district');
  });

  it('no children sum when a child has none, when there are no children, or when the org has its own', () => {
    const s3 = named({ id: 's3', level: 'STREET', path: '/district/s3/' });
    const withBranch = named({ id: 'b', level: 'BRANCH', path: '/district/b/' });
    expect(row(targetRows(district, [...streets, withBranch], [], [quarterly], h1), 'district')).toMatchObject({
      effective: null,
      effectiveFrom: null,
    });
    expect(row(targetRows(district, [], [], [quarterly], h1), 'district')?.effective).toBeNull();
    const own = targetRows(district, [...streets, s3], [target('district', 1)], [quarterly], h1);
    expect(row(own, 'district')).toMatchObject({ effective: 1, effectiveFrom: 'TARGET' });
  });

  it('the children sum is one level: a child measured by its own children does not count', () => {
    const city = named({ id: 'city', level: 'CITY', path: '/city/' });
    const d = named({ id: 'd', level: 'DISTRICT', path: '/city/d/' });
    // The rule reaches streets, not the district: the district has no target of its own or rule.
    const rule = { ...quarterly, orgId: 'city' };
    expect(row(targetRows(city, [d], [], [rule], h1), 'city')?.effective).toBeNull();
  });
});
