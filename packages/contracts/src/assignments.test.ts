import { describe, expect, it } from 'vitest';
import {
  assignmentShapeIssues,
  CreateAssignmentInputSchema,
  ruleSlices,
  sliceName,
  UpdateAssignmentInputSchema,
} from './assignments.ts';
import { periodFromCode } from './periods.ts';

const ORG = '7f0b4a9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const base = { period: '2026-H1', orgId: ORG, ownerId: ORG, task: '制定意识形态工作方案' };

describe('assignment input rules', () => {
  it('accepts a rule task with a due date', () => {
    const parsed = CreateAssignmentInputSchema.safeParse({
      ...base,
      kind: 'TASK',
      dueDate: '2026-03-31',
      rule: { metric: 'SEMINAR', min: 2, per: 'PERIOD', eachChild: false },
    });
    expect(parsed.success).toBe(true);
  });

  it('an area assignment must name its area', () => {
    const parsed = CreateAssignmentInputSchema.safeParse({ ...base, kind: 'AREA' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['area']);
  });

  it('only a task carries a rule or a due date', () => {
    const parsed = CreateAssignmentInputSchema.safeParse({
      ...base,
      kind: 'FIRST_RESPONSIBLE',
      dueDate: '2026-03-31',
      rule: { metric: 'SEMINAR', min: 2, per: 'PERIOD', eachChild: false },
    });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['rule', 'dueDate']);
  });

  it('refuses status in an update, and rule limits', () => {
    expect(UpdateAssignmentInputSchema.safeParse({ status: 'DONE' }).success).toBe(false);
    expect(UpdateAssignmentInputSchema.safeParse({}).success).toBe(false);
    const tooMany = UpdateAssignmentInputSchema.safeParse({
      rule: { metric: 'SEMINAR', min: 10_001, per: 'PERIOD', eachChild: false },
    });
    expect(tooMany.error?.issues[0]?.path).toEqual(['rule', 'min']);
    expect(UpdateAssignmentInputSchema.safeParse({ rule: null, dueDate: null }).success).toBe(true);
  });

  it('checks a merged record the same way', () => {
    expect(assignmentShapeIssues({ kind: 'AREA', area: null })).toEqual([
      { path: 'area', message: '分管领域须填写领域名称' },
    ]);
    expect(assignmentShapeIssues({ kind: 'TASK', rule: null, dueDate: '2026-01-01' })).toEqual([]);
  });
});

describe('rule slices', () => {
  const iso = (slices: { code: string; startsAt: Date; endsAt: Date }[]) =>
    slices.map((s) => [s.code, s.startsAt.toISOString(), s.endsAt.toISOString()]);

  it('a half split per quarter gives its two quarters', () => {
    expect(iso(ruleSlices(periodFromCode('2026-H2'), 'QUARTER'))).toEqual([
      ['2026-Q3', '2026-06-30T16:00:00.000Z', '2026-09-30T16:00:00.000Z'],
      ['2026-Q4', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ]);
  });

  it('per month gives the months; per period the period itself', () => {
    expect(ruleSlices(periodFromCode('2026-H1'), 'MONTH').map((s) => s.code)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(ruleSlices(periodFromCode('2026'), 'QUARTER').map((s) => s.code)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(ruleSlices(periodFromCode('2026-Q2'), 'PERIOD').map((s) => s.code)).toEqual(['2026-Q2']);
    expect(ruleSlices(periodFromCode('2026-Q2'), 'QUARTER').map((s) => s.code)).toEqual(['2026-Q2']);
  });

  it('names slices', () => {
    expect(sliceName('2026-03')).toBe('2026年3月');
    expect(sliceName('2026-Q1')).toBe('2026年第一季度');
    expect(sliceName('2026-H1')).toBe('2026年上半年');
  });
});
