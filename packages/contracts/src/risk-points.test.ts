import { describe, expect, it } from 'vitest';
import {
  CreateRiskPointCheckInputSchema,
  CreateRiskPointInputSchema,
  checkStatusDueRange,
  nextCheckDue,
  RISK_CHECK_STATUSES,
  riskCheckStatus,
  UpdateRiskPointInputSchema,
} from './risk-points.ts';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

describe('next check due', () => {
  it.each([
    ['2025-01-31T02:00:00.000Z', 30, '2025-03-02T02:00:00.000Z'],
    ['2024-01-31T01:00:00.000Z', 29, '2024-02-29T01:00:00.000Z'],
    ['2025-01-31T01:00:00.000Z', 29, '2025-03-01T01:00:00.000Z'],
    ['2024-12-31T15:30:00.000Z', 1, '2025-01-01T15:30:00.000Z'],
    ['2023-03-01T00:00:00.000Z', 366, '2024-03-01T00:00:00.000Z'],
  ])('%s + %s days = %s (same Shanghai clock time)', (from, days, due) => {
    expect(nextCheckDue(at(from), days).toISOString()).toBe(due);
  });
});

describe('check status', () => {
  const now = at('2026-06-10T04:00:00.000Z');

  it('is OVERDUE once the due instant has passed, DUE_SOON within 3 days, OK beyond', () => {
    expect(riskCheckStatus(new Date(now.getTime() - 1), now)).toBe('OVERDUE');
    expect(riskCheckStatus(now, now)).toBe('DUE_SOON');
    expect(riskCheckStatus(new Date(now.getTime() + 3 * DAY - 1), now)).toBe('DUE_SOON');
    expect(riskCheckStatus(new Date(now.getTime() + 3 * DAY), now)).toBe('OK');
  });

  it('the list filter ranges draw exactly the same boundaries', () => {
    const inRange = (due: Date, range: { gte?: Date; lt?: Date }) =>
      (!range.gte || due >= range.gte) && (!range.lt || due < range.lt);
    for (const offset of [-DAY, -1, 0, 1, 3 * DAY - 1, 3 * DAY, 3 * DAY + 1, 40 * DAY]) {
      const due = new Date(now.getTime() + offset);
      const matching = RISK_CHECK_STATUSES.filter((s) => inRange(due, checkStatusDueRange(s, now)));
      expect(matching).toEqual([riskCheckStatus(due, now)]);
    }
  });
});

describe('risk point input', () => {
  const base = { orgId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', name: '微信群', type: 'WECHAT_GROUP', level: 'LOW' };

  it('defaults the interval to 30 days on create, but a PATCH without it leaves it alone', () => {
    expect(CreateRiskPointInputSchema.parse(base).checkIntervalDays).toBe(30);
    expect(UpdateRiskPointInputSchema.parse({ name: '新名称' })).toEqual({ name: '新名称' });
  });

  it('refuses a typed due date or last check', () => {
    expect(CreateRiskPointInputSchema.safeParse({ ...base, nextCheckDueAt: '2026-01-01T00:00:00Z' }).success).toBe(
      false,
    );
    expect(UpdateRiskPointInputSchema.safeParse({ lastCheckedAt: '2026-01-01T00:00:00Z' }).success).toBe(false);
  });

  it('refuses a check in the future with one issue on checkedAt, and a malformed time with only the format issue', () => {
    const future = CreateRiskPointCheckInputSchema.safeParse({
      checkedAt: new Date(Date.now() + DAY).toISOString(),
      result: 'NORMAL',
    });
    expect(future.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['checkedAt', 'custom']]);
    const malformed = CreateRiskPointCheckInputSchema.safeParse({ checkedAt: 'today', result: 'NORMAL' });
    expect(malformed.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['checkedAt', 'invalid_format']]);
  });
});
