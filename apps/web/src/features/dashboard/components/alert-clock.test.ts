import { beforeAll, describe, expect, it } from 'vitest';
import { loadLang, type MessageKey, translate } from '../../../lib/i18n.ts';
import { clockText, clockView, durationText } from './alert-clock.ts';

// The English dictionary is its own chunk (lib/i18n.ts loadLang).
beforeAll(() => loadLang('en'));

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('zh', key, vars);
const GENERATED = '2026-03-10T02:00:00.000Z';
const at = (minutesLater: number) => new Date(Date.parse(GENERATED) + minutesLater * 60_000);

describe('clockView', () => {
  it('counts the time left down from when the answer was made', () => {
    const alert = { remainingMinutes: 200, overdue: false };
    expect(clockView(alert, GENERATED, at(0))).toEqual({ kind: 'REMAINING', minutes: 200 });
    expect(clockView(alert, GENERATED, at(30))).toEqual({ kind: 'REMAINING', minutes: 170 });
  });

  it('turns overdue once the time left runs out on the open page', () => {
    const alert = { remainingMinutes: 10, overdue: false };
    expect(clockView(alert, GENERATED, at(10))).toEqual({ kind: 'REMAINING', minutes: 0 });
    expect(clockView(alert, GENERATED, at(130))).toEqual({ kind: 'OVERDUE', minutes: 120 });
  });

  it('shows an alert the server already found overdue as overdue, by how long', () => {
    expect(clockView({ remainingMinutes: -125, overdue: true }, GENERATED, at(0))).toEqual({
      kind: 'OVERDUE',
      minutes: 125,
    });
  });

  it('stops the clock once reported, and says whether it was late', () => {
    expect(clockView({ remainingMinutes: null, overdue: false }, GENERATED, at(999))).toEqual({
      kind: 'REPORTED',
      late: false,
    });
    expect(clockView({ remainingMinutes: null, overdue: true }, GENERATED, at(0))).toEqual({
      kind: 'REPORTED',
      late: true,
    });
  });

  it('does not run backwards when the device clock is behind the server', () => {
    expect(clockView({ remainingMinutes: 60, overdue: false }, GENERATED, at(-30))).toEqual({
      kind: 'REMAINING',
      minutes: 60,
    });
  });
});

describe('clock text', () => {
  it('writes durations in minutes, hours and days', () => {
    expect(durationText(45, t)).toBe('45 分钟');
    expect(durationText(200, t)).toBe('3 小时 20 分');
    expect(durationText(3000, t)).toBe('2 天 2 小时');
    expect(durationText(120, t)).toBe('2 小时');
    expect(durationText(2880, t)).toBe('2 天');
  });

  it('says time left, overdue by how long, or reported', () => {
    expect(clockText({ kind: 'REMAINING', minutes: 200 }, t)).toBe('剩余 3 小时 20 分');
    expect(clockText({ kind: 'OVERDUE', minutes: 120 }, t)).toBe('已超时 2 小时');
    expect(clockText({ kind: 'REPORTED', late: false }, t)).toBe('已报送');
    expect(clockText({ kind: 'REPORTED', late: true }, t)).toBe('超时报送');
    expect(clockText({ kind: 'REMAINING', minutes: 200 }, (k, v) => translate('en', k, v))).toBe('3 h 20 min left');
  });
});
