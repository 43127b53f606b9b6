import { describe, expect, it } from 'vitest';
import {
  ACTIVE_DUTY_KINDS,
  DUTIES,
  DUTY_KINDS,
  type DutyRuleLike,
  dueDayEnd,
  dueDaysFit,
  dutyState,
  dutyWindows,
  owedDuties,
} from './duties.ts';
import { FIGURES } from './figures.ts';

const D = '00000000-0000-4000-8000-000000000001';
const S = '00000000-0000-4000-8000-000000000002';
const street = { id: S, level: 'STREET' as const, path: `/${D}/${S}/` };
const rule = (r: Partial<DutyRuleLike>): DutyRuleLike => ({
  id: '00000000-0000-4000-8000-0000000000aa',
  kind: 'POSITION_INSPECTION',
  orgId: D,
  orgName: '区委',
  eachChild: true,
  level: null,
  dueOn: null,
  required: null,
  off: false,
  ...r,
});
const sh = (local: string) => new Date(`${local}+08:00`);

describe('the duty table', () => {
  it('shows only the duties whose figure is in the registry, and names a source for every default', () => {
    expect(ACTIVE_DUTY_KINDS).toEqual(DUTY_KINDS.filter((k) => DUTIES[k].figure in FIGURES));
    expect(ACTIVE_DUTY_KINDS).toContain('POSITION_INSPECTION');
    for (const k of DUTY_KINDS) expect(DUTIES[k].source.length, k).toBeGreaterThan(10);
  });

  it('declares due days that fit their windows', () => {
    for (const k of DUTY_KINDS) {
      const d: { rhythm: 'HALF' | 'QUARTER' | 'YEAR'; dueOn?: readonly string[] } = DUTIES[k];
      if (d.dueOn) expect(dueDaysFit(d.rhythm, d.dueOn), k).toBe(true);
    }
  });

  it('refuses due days outside their window, too few, or on 02-29', () => {
    expect(dueDaysFit('HALF', ['06-20', '12-20'])).toBe(true);
    expect(dueDaysFit('HALF', ['07-01', '12-20'])).toBe(false);
    expect(dueDaysFit('HALF', ['06-20'])).toBe(false);
    expect(dueDaysFit('QUARTER', ['02-29', '06-30', '09-30', '12-31'])).toBe(false);
    expect(dueDaysFit('YEAR', ['02-30'])).toBe(false);
  });

  it('cuts a year into the rhythm’s Shanghai windows', () => {
    expect(dutyWindows('QUARTER', 2026).map((w) => w.code)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(dutyWindows('YEAR', 2026).map((w) => w.code)).toEqual(['2026']);
  });
});

describe('owed duties', () => {
  it('defaults: a 街道 owes the quarterly 阵地检查 due on each quarter’s last day; a branch owes none', () => {
    const [d] = owedDuties(street, 2026, [], ['POSITION_INSPECTION']);
    expect(d?.dueDays).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect(d?.ruleFrom).toBeNull();
    expect(owedDuties({ id: S, level: 'BRANCH', path: `/${S}/` }, 2026, [], ['POSITION_INSPECTION'])).toEqual([]);
  });

  it('the nearest rule decides: the 街道’s own beats the 区’s for each child, which beats its by-level one', () => {
    const byLevel = rule({ id: '00000000-0000-4000-8000-0000000000b1', level: 'STREET', required: 3 });
    const eachChild = rule({ id: '00000000-0000-4000-8000-0000000000b2', dueOn: ['03-15', '06-15', '09-15', '12-15'] });
    const own = rule({ id: '00000000-0000-4000-8000-0000000000b3', orgId: S, eachChild: false, off: true });
    const [a] = owedDuties(street, 2026, [byLevel], ['POSITION_INSPECTION']);
    expect([a?.required, a?.dueDays[0], a?.ruleFrom?.ruleId]).toEqual([3, '2026-03-31', byLevel.id]);
    const [b] = owedDuties(street, 2026, [byLevel, eachChild], ['POSITION_INSPECTION']);
    expect([b?.required, b?.dueDays[0], b?.ruleFrom?.overrides]).toEqual([1, '2026-03-15', true]);
    expect(owedDuties(street, 2026, [byLevel, eachChild, own], ['POSITION_INSPECTION'])).toEqual([]);
  });
});

describe('a line’s state', () => {
  const base = { required: 1, dueOn: '2026-06-20' };
  it('DONE by the due day, LATE when done only after it, LATE and overdue from the next 00:00 in Shanghai', () => {
    expect(dutyState({ ...base, doneByDue: 1, done: 1, now: sh('2026-06-25T00:00:00') })).toEqual({
      state: 'DONE',
      overdue: false,
    });
    expect(dutyState({ ...base, doneByDue: 0, done: 1, now: sh('2026-06-25T00:00:00') })).toEqual({
      state: 'LATE',
      overdue: false,
    });
    expect(dutyState({ ...base, doneByDue: 0, done: 0, now: sh('2026-06-20T23:59:59.999') }).state).toBe('NOT_STARTED');
    expect(dutyState({ ...base, doneByDue: 0, done: 0, now: sh('2026-06-21T00:00:00') })).toEqual({
      state: 'LATE',
      overdue: true,
    });
    expect(dutyState({ ...base, doneByDue: 0, done: 0, now: sh('2026-06-01T00:00:00'), draft: 'DRAFT' }).state).toBe(
      'DRAFT',
    );
    expect(dueDayEnd('2026-06-20').toISOString()).toBe(sh('2026-06-21T00:00:00').toISOString());
  });
});
