// A history line of a record known only by its day names the day alone, never "00:00".
import { describe, expect, it } from 'vitest';
import { historyChanges } from './history.ts';

const dateOnly = {
  id: 'a1',
  version: 1,
  title: '主题党日',
  participants: 12,
  // 2026-05-20 0:00 in Shanghai, as the importer stores a day without a time.
  occurredAt: '2026-05-19T16:00:00.000Z',
  timeKnown: false,
};

describe('history of a date-only record', () => {
  it('a creation shows the day alone', () => {
    const changes = historyChanges(null, dateOnly);
    expect(changes.find((c) => c.field === 'occurredAt')).toEqual({
      field: 'occurredAt',
      before: null,
      after: '2026-05-20',
    });
  });

  it('moving the day of a date-only record shows both days alone', () => {
    const moved = { ...dateOnly, version: 2, occurredAt: '2026-05-20T16:00:00.000Z' };
    expect(historyChanges(dateOnly, moved)).toEqual([
      { field: 'occurredAt', before: '2026-05-20', after: '2026-05-21' },
    ]);
  });

  it('a snapshot that leaves the flag out takes it from the one before', () => {
    const { timeKnown: _, ...partial } = { ...dateOnly, occurredAt: '2026-05-20T16:00:00.000Z' };
    expect(historyChanges(dateOnly, partial)).toEqual([
      { field: 'occurredAt', before: '2026-05-20', after: '2026-05-21' },
      { field: 'timeKnown', before: false, after: null },
    ]);
  });

  it('a time given later reads as the day before and the instant after', () => {
    const timed = { ...dateOnly, version: 2, occurredAt: '2026-05-20T06:30:00.000Z', timeKnown: true };
    expect(historyChanges(dateOnly, timed)).toEqual([
      { field: 'occurredAt', before: '2026-05-20', after: '2026-05-20T06:30:00.000Z' },
      { field: 'timeKnown', before: false, after: true },
    ]);
  });

  it('a timed record keeps its instant', () => {
    const timed = { ...dateOnly, timeKnown: true };
    expect(historyChanges(null, timed).find((c) => c.field === 'occurredAt')?.after).toBe('2026-05-19T16:00:00.000Z');
  });
});
