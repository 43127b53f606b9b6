import type { RiskPoint } from '@dutyboard/contracts/risk-points';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import { pickerDay, pickerTime } from '../../../lib/dates.ts';
import {
  changedRiskPointFields,
  checkCheckValues,
  checkRiskPointValues,
  newCheckValues,
  riskPointToValues,
  withCheckFormFields,
} from './risk-point-form-values.ts';

const stored: RiskPoint = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: 4,
  orgId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  orgName: '东山村党支部',
  name: '村民微信群',
  type: 'WECHAT_GROUP',
  level: 'MEDIUM',
  controlMeasure: null,
  responsiblePerson: '张书记',
  checkIntervalDays: 30,
  lastCheckedAt: '2026-03-01T02:00:00.000Z',
  nextCheckDueAt: '2026-03-31T02:00:00.000Z',
  checkStatus: 'OVERDUE',
  sponsor: null,
  administrators: [],
  reviewFirst: null,
  reviewSecond: null,
  reviewFinal: null,
  audienceSize: null,
  lastUpdatedAt: null,
  state: {
    red: true,
    reasons: [{ code: 'UNCHECKED_THIS_QUARTER', days: null }],
    daysSinceUpdate: null,
    checkDueOn: '2026-03-31',
  },
  createdAt: '2026-01-15T12:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
};

describe('risk point form values', () => {
  it('round-trips a stored point and sends only what changed (never a due date)', () => {
    const values = riskPointToValues(stored);
    const same = checkRiskPointValues(values);
    if (!('input' in same)) throw new Error('expected valid values');
    expect(changedRiskPointFields(same.input, stored)).toEqual({});
    const changed = checkRiskPointValues({ ...values, checkIntervalDays: 14, controlMeasure: ' 专人管理 ' });
    if (!('input' in changed)) throw new Error('expected valid values');
    expect(changedRiskPointFields(changed.input, stored)).toEqual({
      checkIntervalDays: 14,
      controlMeasure: '专人管理',
    });
  });

  it('puts an interval of 0 on its field', () => {
    const checked = checkRiskPointValues({ ...riskPointToValues(stored), checkIntervalDays: 0 });
    if (!('issues' in checked)) throw new Error('expected issues');
    expect(checked.issues.map((i) => [i.field, i.code])).toEqual([['checkIntervalDays', 'too_small']]);
  });
});

describe('check dialog values', () => {
  it('starts at the current Shanghai day and minute', () => {
    const values = newCheckValues('2026-03-15T16:30:00.000Z');
    expect(values.date?.format('YYYY-MM-DD')).toBe('2026-03-16');
    expect(values.time?.format('HH:mm')).toBe('00:30');
  });

  it('builds the body as a Shanghai instant with the note trimmed (empty → null)', () => {
    const checked = checkCheckValues({
      date: pickerDay('2026-03-15'),
      time: pickerTime('09:30'),
      result: 'ISSUE_FOUND',
      note: '  ',
    });
    expect(checked).toEqual({ input: { checkedAt: '2026-03-15T09:30:00+08:00', result: 'ISSUE_FOUND', note: null } });
  });

  it('puts a check in the future on the date field, in the browser and from the server', () => {
    const checked = checkCheckValues({ date: pickerDay('2099-01-01'), time: pickerTime('09:00'), result: 'NORMAL' });
    if (!('issues' in checked)) throw new Error('expected issues');
    expect(checked.issues.map((i) => [i.field, i.code])).toEqual([['date', 'custom']]);
    const server = withCheckFormFields(
      new ApiError(400, 'VALIDATION_FAILED', 'x', [{ field: 'checkedAt', code: 'custom', message: 'm' }]),
    );
    expect((server as ApiError).fields[0]?.field).toBe('date');
  });
});
