import { NOTIFICATION_TARGETS } from '@dutyboard/contracts/notifications';
import { describe, expect, it } from 'vitest';
import { notificationPath } from './record-links.ts';

describe('notificationPath', () => {
  it('leads a 考核 return to its page and a record to its own', () => {
    expect(notificationPath('AssessmentReturn', 'r-1')).toBe('/assessments/returns/r-1');
    expect(notificationPath('RiskAlert', 'a-1')).toBe('/risk-alerts/a-1');
  });

  it('has a page for every bell target', () => {
    for (const target of NOTIFICATION_TARGETS.filter((t) => t !== 'DutyCalendar'))
      expect(notificationPath(target, 'x')).toMatch(/^\/[a-z-]+(\/[a-z-]+)*\/x$/);
  });

  it("leads a duty's bell item to its org's calendar of the duty's year", () => {
    expect(notificationPath('DutyCalendar', 'x', 'POSITION_INSPECTION:2026-Q1:y')).toBe('/duties?org=x&year=2026');
    expect(notificationPath('DutyCalendar', 'x')).toBe('/duties?org=x');
  });
});
