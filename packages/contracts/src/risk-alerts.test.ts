import { describe, expect, it } from 'vitest';
import { ROLE_POLICY, type Role } from './permissions.ts';
import {
  ALERT_REPORT_HOURS_DEFAULT,
  ALERT_STATES,
  ALERT_STEP_ACTION,
  ALERT_STEPS,
  ALERT_TRANSITIONS,
  type AlertState,
  alertClock,
  alertNeedsUrging,
  alertReportDueAt,
  availableSteps,
  CreateRiskAlertInputSchema,
  canTransition,
  TransitionRiskAlertInputSchema,
} from './risk-alerts.ts';

/** "2026-03-13 23:30" in Asia/Shanghai → the instant. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const iso = (local: string) => sh(local).toISOString();

describe('the reporting clock (natural hours, Asia/Shanghai)', () => {
  it('uses 1, 5, 24 and 48 hours for levels 一级 to 四级 by default', () => {
    expect(ALERT_REPORT_HOURS_DEFAULT).toEqual({ LEVEL_1: 1, LEVEL_2: 5, LEVEL_3: 24, LEVEL_4: 48 });
  });

  it('runs across midnight: 二级 registered Friday 23:30 is due Saturday 04:30', () => {
    expect(alertReportDueAt(sh('2026-03-13 23:30'), 'LEVEL_2').toISOString()).toBe(iso('2026-03-14 04:30'));
  });

  it('runs through a weekend: 四级 registered Friday 18:00 is due Sunday 18:00', () => {
    expect(alertReportDueAt(sh('2026-03-13 18:00'), 'LEVEL_4').toISOString()).toBe(iso('2026-03-15 18:00'));
  });

  it('runs through public holidays: 三级 registered the evening before National Day is due on 1 October', () => {
    expect(alertReportDueAt(sh('2026-09-30 20:00'), 'LEVEL_3').toISOString()).toBe(iso('2026-10-01 20:00'));
  });

  it('一级 is due one hour later, across the year end', () => {
    expect(alertReportDueAt(sh('2026-12-31 23:45'), 'LEVEL_1').toISOString()).toBe(iso('2027-01-01 00:45'));
  });

  it('uses configured hours when given', () => {
    const hours = { LEVEL_1: 2, LEVEL_2: 6, LEVEL_3: 12, LEVEL_4: 72 };
    expect(alertReportDueAt(sh('2026-03-13 18:00'), 'LEVEL_4', hours).toISOString()).toBe(iso('2026-03-16 18:00'));
    expect(alertReportDueAt(sh('2026-03-13 18:00'), 'LEVEL_1', hours).toISOString()).toBe(iso('2026-03-13 20:00'));
  });

  const due = sh('2026-03-14 04:30');

  it('counts down in whole minutes while not reported', () => {
    expect(alertClock({ reportDueAt: due, reportedAt: null }, sh('2026-03-14 02:00'))).toEqual({
      dueAt: due.toISOString(),
      overdue: false,
      reportedLate: null,
      remainingMinutes: 150,
    });
    const halfMinuteBefore = new Date(due.getTime() - 30_000);
    expect(alertClock({ reportDueAt: due, reportedAt: null }, halfMinuteBefore)).toMatchObject({
      overdue: false,
      remainingMinutes: 0,
    });
  });

  it('is not overdue at the due instant and is overdue right after it', () => {
    expect(alertClock({ reportDueAt: due, reportedAt: null }, due)).toMatchObject({
      overdue: false,
      remainingMinutes: 0,
    });
    expect(alertClock({ reportDueAt: due, reportedAt: null }, new Date(due.getTime() + 1))).toMatchObject({
      overdue: true,
      remainingMinutes: -1,
    });
    expect(alertClock({ reportDueAt: due, reportedAt: null }, sh('2026-03-14 06:30'))).toMatchObject({
      overdue: true,
      remainingMinutes: -120,
    });
  });

  it('stops when reported: on time stays on time however late it is now', () => {
    const clock = alertClock({ reportDueAt: due, reportedAt: sh('2026-03-14 04:30') }, sh('2026-04-01 00:00'));
    expect(clock).toEqual({ dueAt: due.toISOString(), overdue: false, reportedLate: false, remainingMinutes: null });
  });

  it('a report after the due time is late and stays overdue', () => {
    const clock = alertClock(
      { reportDueAt: due.toISOString(), reportedAt: iso('2026-03-14 04:31') },
      sh('2026-03-14 04:40'),
    );
    expect(clock).toEqual({ dueAt: due.toISOString(), overdue: true, reportedLate: true, remainingMinutes: null });
  });
});

describe('催办 (needs urging)', () => {
  const last = sh('2026-03-13 23:30');
  it('after more than 24 hours without an event on an open alert', () => {
    expect(alertNeedsUrging({ state: 'HANDLING', lastEventAt: last }, sh('2026-03-14 23:30'))).toBe(false);
    expect(alertNeedsUrging({ state: 'HANDLING', lastEventAt: last }, sh('2026-03-14 23:31'))).toBe(true);
    expect(alertNeedsUrging({ state: 'REGISTERED', lastEventAt: last.toISOString() }, sh('2026-03-16 09:00'))).toBe(
      true,
    );
  });

  it('never for a closed alert', () => {
    expect(alertNeedsUrging({ state: 'CLOSED', lastEventAt: last }, sh('2026-06-01 00:00'))).toBe(false);
  });
});

describe('the transition table', () => {
  it('is exactly the documented workflow', () => {
    const edges = ALERT_STATES.flatMap((from) => ALERT_TRANSITIONS[from].map((to) => `${from}→${to}`));
    expect(edges.sort()).toEqual(
      [
        'REGISTERED→ASSESSED',
        'ASSESSED→REPORTED',
        'REPORTED→ACCEPTED',
        'REPORTED→RETURNED',
        'ACCEPTED→HANDLING',
        'RETURNED→ASSESSED',
        'RETURNED→HANDLING',
        'HANDLING→CLOSED',
      ].sort(),
    );
    expect(ALERT_TRANSITIONS.CLOSED).toEqual([]);
  });

  it('never leads back to REGISTERED, and every state reaches CLOSED', () => {
    for (const from of ALERT_STATES) {
      expect(canTransition(from, 'REGISTERED')).toBe(false);
      const seen = new Set<AlertState>([from]);
      const queue: AlertState[] = [from];
      while (queue.length > 0) {
        for (const to of ALERT_TRANSITIONS[queue.shift() as AlertState]) {
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
      expect(seen.has('CLOSED'), from).toBe(true);
    }
  });

  it('names an action for every step', () => {
    expect(Object.keys(ALERT_STEP_ACTION).sort()).toEqual([...ALERT_STEPS].sort());
    expect(ALERT_STEP_ACTION.HANDLING).toBe('alert:handle');
    for (const step of ['ASSESSED', 'REPORTED', 'ACCEPTED', 'RETURNED', 'CLOSED'] as const) {
      expect(ALERT_STEP_ACTION[step]).toBe('alert:assess');
    }
  });

  const stepsOf = (role: Role, state: AlertState) =>
    availableSteps(state, (action) => ROLE_POLICY[role].actions.includes(action));

  it('offers the leader every allowed step and the secretary only 处置', () => {
    expect(stepsOf('LEADER', 'REPORTED')).toEqual(['ACCEPTED', 'RETURNED']);
    expect(stepsOf('LEADER', 'RETURNED')).toEqual(['ASSESSED', 'HANDLING']);
    expect(stepsOf('SECRETARY', 'RETURNED')).toEqual(['HANDLING']);
    expect(stepsOf('SECRETARY', 'ACCEPTED')).toEqual(['HANDLING']);
    expect(stepsOf('SECRETARY', 'REGISTERED')).toEqual([]);
    expect(stepsOf('SECRETARY', 'HANDLING')).toEqual([]);
    for (const state of ALERT_STATES) {
      expect(stepsOf('AUDITOR', state)).toEqual([]);
      expect(stepsOf('ADMIN', state)).toEqual([]);
    }
  });
});

describe('input schemas', () => {
  it('报送 needs a receipt number, and only 报送 takes one', () => {
    const missing = TransitionRiskAlertInputSchema.safeParse({ to: 'REPORTED', receiptNumber: '  ' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['receiptNumber', '报送市网信办须填写回执编号'],
    ]);
    expect(TransitionRiskAlertInputSchema.safeParse({ to: 'REPORTED', receiptNumber: 'WX-2026-001' }).success).toBe(
      true,
    );
    const extra = TransitionRiskAlertInputSchema.safeParse({ to: 'ASSESSED', receiptNumber: 'WX-1' });
    expect(extra.error?.issues[0]?.path).toEqual(['receiptNumber']);
    expect(TransitionRiskAlertInputSchema.safeParse({ to: 'REGISTERED' }).success).toBe(false);
    expect(TransitionRiskAlertInputSchema.safeParse({ to: 'CLOSED', extra: 1 }).success).toBe(false);
  });

  it('accepts http(s) addresses only and stores an empty one as none', () => {
    const base = { orgId: crypto.randomUUID(), level: 'LEVEL_2', source: '网络巡查', summary: '某帖文' };
    expect(CreateRiskAlertInputSchema.parse({ ...base, url: ' https://weibo.com/1 ' }).url).toBe('https://weibo.com/1');
    expect(CreateRiskAlertInputSchema.parse({ ...base, url: '' }).url).toBeNull();
    const bad = CreateRiskAlertInputSchema.safeParse({ ...base, url: 'javascript:alert(1)' });
    expect(bad.error?.issues[0]?.path).toEqual(['url']);
  });
});
