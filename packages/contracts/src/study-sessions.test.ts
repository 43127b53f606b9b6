import { describe, expect, it } from 'vitest';
import {
  attendanceIssues,
  CreateStudySessionInputSchema,
  STUDY_ABSENTEES_MAX,
  UpdateStudySessionInputSchema,
} from './study-sessions.ts';

const absent = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `党员${i}`, reason: '因病请假' }));

describe('attendanceIssues', () => {
  it('accepts actual attendance equal to or below the expected one', () => {
    expect(attendanceIssues({ expectedAttendance: 20, actualAttendance: 20 })).toEqual([]);
    expect(attendanceIssues({ expectedAttendance: 20, actualAttendance: 1 })).toEqual([]);
  });

  it('refuses actual attendance above the expected one, on actualAttendance', () => {
    expect(attendanceIssues({ expectedAttendance: 20, actualAttendance: 21 })).toEqual([
      { field: 'actualAttendance', code: 'custom', message: '实到人数（21）不能多于应到人数（20）' },
    ]);
  });

  it('accepts as many absentees as expected minus actual, and fewer', () => {
    expect(attendanceIssues({ expectedAttendance: 20, actualAttendance: 17, absentees: absent(3) })).toEqual([]);
    expect(attendanceIssues({ expectedAttendance: 20, actualAttendance: 17, absentees: absent(0) })).toEqual([]);
    expect(attendanceIssues({ expectedAttendance: 20, actualAttendance: 17, absentees: null })).toEqual([]);
  });

  it('refuses more absentees than expected minus actual, on absentees', () => {
    const issues = attendanceIssues({ expectedAttendance: 20, actualAttendance: 17, absentees: absent(4) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'absentees', code: 'custom' });
    expect(issues[0]?.message).toContain('4');
    expect(issues[0]?.message).toContain('3');
    expect(attendanceIssues({ expectedAttendance: 5, actualAttendance: 5, absentees: absent(1) })).toHaveLength(1);
  });

  it('reports only the count rule when actual exceeds expected, not the absentee rule too', () => {
    const issues = attendanceIssues({ expectedAttendance: 5, actualAttendance: 6, absentees: absent(2) });
    expect(issues.map((i) => i.field)).toEqual(['actualAttendance']);
  });

  it('compares nothing while either count is missing', () => {
    expect(attendanceIssues({ actualAttendance: 50, absentees: absent(10) })).toEqual([]);
    expect(attendanceIssues({ expectedAttendance: 5, actualAttendance: null, absentees: absent(10) })).toEqual([]);
    expect(attendanceIssues({})).toEqual([]);
  });
});

describe('study-session input schemas', () => {
  const base = {
    orgId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    kind: 'CENTRAL_GROUP',
    topic: '学习全会精神',
    occurredAt: '2026-03-15T09:00:00+08:00',
  };

  it('puts the attendance rules on their fields when creating', () => {
    const over = CreateStudySessionInputSchema.safeParse({ ...base, expectedAttendance: 10, actualAttendance: 11 });
    expect(over.error?.issues.map((i) => i.path)).toEqual([['actualAttendance']]);
    const listed = CreateStudySessionInputSchema.safeParse({
      ...base,
      expectedAttendance: 10,
      actualAttendance: 9,
      absentees: absent(2),
    });
    expect(listed.error?.issues.map((i) => i.path)).toEqual([['absentees']]);
  });

  it('checks an update on the fields it carries', () => {
    expect(UpdateStudySessionInputSchema.safeParse({ actualAttendance: 99 }).success).toBe(true);
    const both = UpdateStudySessionInputSchema.safeParse({ expectedAttendance: 3, actualAttendance: 4 });
    expect(both.error?.issues.map((i) => i.path)).toEqual([['actualAttendance']]);
    expect(UpdateStudySessionInputSchema.safeParse({}).success).toBe(false);
  });

  it('limits the absentee list and refuses unknown fields', () => {
    const many = CreateStudySessionInputSchema.safeParse({ ...base, absentees: absent(STUDY_ABSENTEES_MAX + 1) });
    expect(many.error?.issues.map((i) => [i.path, i.code])).toEqual([[['absentees'], 'too_big']]);
    const extra = CreateStudySessionInputSchema.safeParse({ ...base, absentees: [{ name: '张三', reason: '', x: 1 }] });
    expect(extra.error?.issues.map((i) => i.path)).toEqual([
      ['absentees', 0, 'reason'],
      ['absentees', 0],
    ]);
  });
});
