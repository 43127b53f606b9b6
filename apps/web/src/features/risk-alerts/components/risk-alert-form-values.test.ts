import type { RiskAlert } from '@dutyboard/contracts/risk-alerts';
import { describe, expect, it } from 'vitest';
import { pickerDay, pickerTime } from '../../../lib/dates.ts';
import { translate } from '../../../lib/i18n.ts';
import { durationText } from './alert-clock.tsx';
import {
  changedRiskAlertFields,
  checkRiskAlertValues,
  newRiskAlertValues,
  riskAlertToValues,
} from './risk-alert-form-values.ts';
import { checkStep } from './transition-dialog.tsx';

const stored: RiskAlert = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: 2,
  orgId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  orgName: '东山村党支部',
  level: 'LEVEL_2',
  state: 'ASSESSED',
  source: '网络巡查',
  channel: '微博',
  url: null,
  summary: '某帖文',
  reach: null,
  // Friday 2026-03-13 23:30:20 Shanghai.
  registeredAt: '2026-03-13T15:30:20.000Z',
  reportDueAt: '2026-03-13T20:30:20.000Z',
  reportedAt: null,
  receiptNumber: null,
  closedAt: null,
  lastEventAt: '2026-03-13T16:00:00.000Z',
  clock: { dueAt: '2026-03-13T20:30:20.000Z', overdue: false, reportedLate: null, remainingMinutes: 10 },
  needsUrging: false,
  createdAt: '2026-03-13T15:30:20.000Z',
  updatedAt: '2026-03-13T16:00:00.000Z',
};

const now = new Date('2026-03-14T02:00:00Z');

describe('risk alert form values', () => {
  it('starts a new alert at the current Shanghai day and minute', () => {
    const values = newRiskAlertValues('org-1', new Date('2026-03-13T16:30:00Z'));
    expect(values.date?.format('YYYY-MM-DD')).toBe('2026-03-14');
    expect(values.time?.format('HH:mm')).toBe('00:30');
  });

  it('turns the form into the contract body, in Shanghai time', () => {
    const checked = checkRiskAlertValues(
      {
        orgId: stored.orgId,
        level: 'LEVEL_4',
        source: ' 群众反映 ',
        channel: '  ',
        url: '',
        summary: '内容',
        reach: 10,
        date: pickerDay('2026-03-13'),
        time: pickerTime('18:00'),
      },
      now,
    );
    expect(checked).toEqual({
      input: {
        orgId: stored.orgId,
        level: 'LEVEL_4',
        source: '群众反映',
        channel: null,
        url: null,
        summary: '内容',
        reach: 10,
        registeredAt: '2026-03-13T18:00:00+08:00',
      },
    });
  });

  it('puts issues on the form fields: missing ones, a bad address, a future time', () => {
    const missing = checkRiskAlertValues({ orgId: stored.orgId, url: 'ftp://x' }, now);
    expect('issues' in missing && missing.issues.map((i) => i.field).sort()).toEqual(
      ['date', 'level', 'source', 'summary', 'time', 'url'].sort(),
    );
    const future = checkRiskAlertValues(
      { ...riskAlertToValues(stored), date: pickerDay('2026-03-14'), time: pickerTime('10:01') },
      now,
    );
    expect('issues' in future && future.issues).toEqual([
      { field: 'date', code: 'custom', message: '登记时间不能晚于当前时间' },
    ]);
  });

  it('sends only what changed; the same minute keeps the stored registration time', () => {
    const same = checkRiskAlertValues(riskAlertToValues(stored), now);
    expect('input' in same && changedRiskAlertFields(same.input, stored)).toEqual({});
    const moved = checkRiskAlertValues(
      { ...riskAlertToValues(stored), level: 'LEVEL_1', time: pickerTime('23:00') },
      now,
    );
    expect('input' in moved && changedRiskAlertFields(moved.input, stored)).toEqual({
      level: 'LEVEL_1',
      registeredAt: '2026-03-13T23:00:00+08:00',
    });
  });
});

describe('workflow step dialog', () => {
  it('needs the receipt number for 报送 only', () => {
    expect(checkStep('REPORTED', { receiptNumber: ' ' })).toMatchObject({
      issues: [{ field: 'receiptNumber', message: '报送市网信办须填写回执编号' }],
    });
    expect(checkStep('REPORTED', { receiptNumber: ' WX-1 ', note: '' })).toEqual({
      input: { to: 'REPORTED', receiptNumber: 'WX-1', note: null },
    });
    expect(checkStep('ASSESSED', { receiptNumber: 'ignored', note: ' 一般 ' })).toEqual({
      input: { to: 'ASSESSED', note: '一般' },
    });
  });

  it('labels the step buttons exactly as the workflow names them', () => {
    const labels = (['ASSESSED', 'REPORTED', 'ACCEPTED', 'RETURNED', 'HANDLING', 'CLOSED'] as const).map((s) =>
      translate('zh', `riskAlerts.step.${s}`),
    );
    expect(labels).toEqual(['研判', '报送市网信办', '采纳', '退回', '处置', '办结']);
    expect(translate('zh', 'common.confirm')).toBe('确定');
  });
});

describe('clock text', () => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate('zh', key, vars);
  it('reads minutes, hours and days', () => {
    expect(durationText(45, t)).toBe('45 分钟');
    expect(durationText(150, t)).toBe('2 小时 30 分');
    expect(durationText(3000, t)).toBe('2 天 2 小时');
  });
});
