import type { StudySession } from '@dutyboard/contracts/study-sessions';
import { describe, expect, it } from 'vitest';
import { pickerDay, pickerTime } from '../../../lib/dates.ts';
import { changedFields, formPathOf, newStudyValues, valuesToInput } from './study-form-values.ts';

const stored: StudySession = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: 3,
  orgId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  orgName: '东山村党支部',
  kind: 'BRANCH_STUDY',
  topicCategory: 'THEORY',
  topic: '支部集中学习',
  occurredAt: '2026-03-15T11:00:00.000Z',
  timeKnown: true,
  host: '陈东',
  expectedAttendance: 12,
  actualAttendance: 11,
  absentees: [{ name: '张三', reason: '病假' }],
  materials: null,
  minutes: null,
  roster: null,
  createdAt: '2026-03-15T12:00:00.000Z',
  updatedAt: '2026-03-15T12:00:00.000Z',
};

describe('study form values', () => {
  it('starts a new record at the current Shanghai day and minute', () => {
    const values = newStudyValues('org-1', new Date('2026-03-15T16:30:00Z'));
    expect(values.date?.format('YYYY-MM-DD')).toBe('2026-03-16');
    expect(values.time?.format('HH:mm')).toBe('00:30');
    expect(values).toMatchObject({ orgId: 'org-1', topicCategory: 'OTHER', absentees: [] });
  });

  it('builds the body: Shanghai instant, trimmed texts, empties as null, blank absentee rows dropped', () => {
    const input = valuesToInput({
      orgId: stored.orgId,
      kind: 'SEMINAR',
      topic: '  专题研讨  ',
      date: pickerDay('2026-03-15'),
      time: pickerTime('19:00'),
      host: '  ',
      expectedAttendance: 10,
      actualAttendance: null,
      absentees: [{ name: ' 李四 ', reason: '事假 ' }, { name: '', reason: '  ' }, {}],
      materials: '',
      minutes: ' 纪要 ',
    });
    expect(input).toEqual({
      orgId: stored.orgId,
      kind: 'SEMINAR',
      topicCategory: 'OTHER',
      topic: '专题研讨',
      occurredAt: '2026-03-15T19:00:00+08:00',
      host: null,
      expectedAttendance: 10,
      actualAttendance: null,
      absentees: [{ name: '李四', reason: '事假' }],
      materials: null,
      minutes: '纪要',
    });
  });

  it('places API fields on form fields, absentee boxes included', () => {
    expect(formPathOf('occurredAt')?.path).toBe('date');
    expect(formPathOf('actualAttendance')?.path).toBe('actualAttendance');
    expect(formPathOf('absentees')?.path).toBe('absentees');
    expect(formPathOf('absentees.3.reason')?.path).toEqual(['absentees', 3, 'reason']);
    expect(formPathOf('absentees.3')).toBeNull();
    expect(formPathOf('unexpected')).toBeNull();
  });

  it('sends only what changed', () => {
    // The stored record as the form sends it back: the same instant, written in Shanghai time.
    const same = { ...stored, occurredAt: '2026-03-15T19:00:00+08:00' };
    expect(changedFields(same, stored)).toEqual({});
    expect(changedFields({ ...same, actualAttendance: 12, absentees: [], host: null }, stored)).toEqual({
      actualAttendance: 12,
      absentees: [],
      host: null,
    });
  });
  it('a 中心组 roster replaces the typed counts; other kinds never send one (ADR 051)', () => {
    const base = {
      orgId: 'org-1',
      topic: '中心组学习',
      date: pickerDay('2026-03-15'),
      time: pickerTime('09:00'),
      expectedAttendance: 9,
      actualAttendance: 9,
      roster: [
        { name: '王书记', role: 'MEMBER' as const, status: 'PRESENT' as const, outline: '体会', reason: '' },
        { name: '赵委员', role: 'MEMBER' as const, status: 'LEAVE' as const, reason: '开会', outline: '忘了删' },
        { name: '', role: 'MEMBER' as const, status: 'PRESENT' as const },
      ],
    };
    const withRoster = valuesToInput({ ...base, kind: 'CENTRAL_GROUP' });
    expect(withRoster.expectedAttendance).toBeUndefined();
    expect(withRoster.absentees).toBeUndefined();
    expect(withRoster.roster).toEqual([
      { name: '王书记', role: 'MEMBER', status: 'PRESENT', reason: null, outline: '体会' },
      { name: '赵委员', role: 'MEMBER', status: 'LEAVE', reason: '开会', outline: null },
    ]);
    const branch = valuesToInput({ ...base, kind: 'BRANCH_STUDY' });
    expect(branch.roster).toBeUndefined();
    expect(branch.expectedAttendance).toBe(9);
    expect(formPathOf('roster.1.reason')?.path).toEqual(['roster', 1, 'reason']);
  });

  it('an edited roster keeps a recorded 补学 and the member’s user', () => {
    const made = { madeUpOn: '2026-03-20', how: 'SELF' as const, notes: null };
    const original: StudySession = {
      ...stored,
      kind: 'CENTRAL_GROUP',
      roster: [
        { userId: null, name: '王书记', role: 'MEMBER', status: 'PRESENT', reason: null, outline: null, makeUp: null },
        {
          userId: '0f8fad5b-d9cb-469f-a165-70867728950f',
          name: '赵委员',
          role: 'MEMBER',
          status: 'LEAVE',
          reason: '开会',
          outline: null,
          makeUp: made,
        },
      ],
    };
    const same = {
      ...original,
      occurredAt: '2026-03-15T19:00:00+08:00',
      roster: [
        { name: '王书记', role: 'MEMBER' as const, status: 'PRESENT' as const, reason: null, outline: '补上提纲' },
        { name: '赵委员', role: 'MEMBER' as const, status: 'LEAVE' as const, reason: '开会', outline: null },
      ],
    };
    const patch = changedFields(same, original);
    expect(patch.roster?.[0]?.outline).toBe('补上提纲');
    expect(patch.roster?.[1]).toMatchObject({ userId: '0f8fad5b-d9cb-469f-a165-70867728950f', makeUp: made });
    expect(patch).not.toHaveProperty('expectedAttendance');
  });
});
