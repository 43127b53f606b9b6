import { describe, expect, it } from 'vitest';
import {
  INSTANT_MAX,
  INSTANT_MIN,
  instantInRange,
  LocalDateSchema,
  localDateToInstant,
  PeriodCodeSchema,
  PeriodSchema,
  pace,
  paceChangesAt,
  periodContaining,
  periodFromCode,
  periodMonths,
  periodOf,
  shanghaiMidnight,
  shanghaiParts,
  shanghaiWallClock,
  YEAR_MAX,
  YEAR_MIN,
} from './periods.ts';

describe('periods in Asia/Shanghai', () => {
  it('a half year runs from Shanghai midnight to Shanghai midnight', () => {
    const h1 = periodFromCode('2026-H1');
    expect(h1.startsAt.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(h1.endsAt.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(periodFromCode('2026-Q4').endsAt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(periodFromCode('2026').kind).toBe('YEAR');
  });

  it('places an instant by its Shanghai date, not its UTC date', () => {
    // 2026-07-01 00:30 in Shanghai is still June 30 in UTC.
    expect(periodContaining('HALF', new Date('2026-06-30T16:30:00Z')).code).toBe('2026-H2');
    expect(periodContaining('QUARTER', new Date('2026-06-30T15:59:59Z')).code).toBe('2026-Q2');
  });

  it('lists the months of a period', () => {
    expect(periodMonths(periodFromCode('2026-H2'))).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(periodMonths(periodFromCode('2026-Q1'))).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('rejects codes that are not periods', () => {
    expect(() => periodFromCode('2026-H3')).toThrow();
    expect(() => periodFromCode('26-H1')).toThrow();
  });

  it('parses a code once into its period at the edge, and refuses what the code schema refuses', () => {
    expect(PeriodSchema.parse('2026-Q3')).toEqual(periodFromCode('2026-Q3'));
    expect(PeriodSchema.parse('2026-Q3')).toMatchObject({ kind: 'QUARTER', year: 2026, index: 3, code: '2026-Q3' });
    expect(PeriodSchema.safeParse('2026-H3').success).toBe(false);
    const halvesOnly = periodOf(PeriodCodeSchema.regex(/^\d{4}-H[12]$/));
    expect(halvesOnly.parse('2026-H2').startsAt.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(halvesOnly.safeParse('2026-Q2').success).toBe(false);
  });

  it('turns a local date into its Shanghai midnight', () => {
    expect(localDateToInstant('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
});

describe('pace', () => {
  const q = periodFromCode('2026-Q1'); // 90 days
  const day = (d: number) => new Date(q.startsAt.getTime() + d * 86_400_000);

  it('expects the linear share of the target by today', () => {
    expect(pace(0, 90, q, day(45)).expected).toBe(45);
    expect(pace(0, 90, q, day(-5)).expected).toBe(0);
    expect(pace(0, 90, q, day(200)).expected).toBe(90);
  });

  it('is green at or above the expected count, amber from 80 %, red below', () => {
    expect(pace(45, 90, q, day(45)).status).toBe('GREEN');
    expect(pace(36, 90, q, day(45)).status).toBe('AMBER');
    expect(pace(35, 90, q, day(45)).status).toBe('RED');
  });
});

describe('paceChangesAt', () => {
  const q = periodFromCode('2026-Q1');
  const span = q.endsAt.getTime() - q.startsAt.getTime();
  // A small deterministic generator, so a failure names its case.
  let seed = 20261210;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };

  it('answers the same pace until the instant it names, and it changes soon after', () => {
    for (let i = 0; i < 2000; i++) {
      const target = rand(120);
      const done = rand(130);
      const now = new Date(q.startsAt.getTime() - 86_400_000 + rand(span + 2 * 86_400_000));
      const before = pace(done, target, q, now);
      const at = paceChangesAt(done, target, q, now);
      if (at === null) {
        for (const later of [now.getTime() + 1, q.endsAt.getTime(), q.endsAt.getTime() + 86_400_000]) {
          expect(pace(done, target, q, new Date(later)), `case ${i}`).toEqual(before);
        }
        continue;
      }
      expect(at.getTime()).toBeGreaterThan(now.getTime());
      // Every instant before it answers the same (checked at its end and at a few points within).
      for (const s of [now.getTime() + 1, at.getTime() - 1, now.getTime() + rand(at.getTime() - now.getTime())]) {
        if (s < at.getTime()) expect(pace(done, target, q, new Date(s)), `case ${i}`).toEqual(before);
      }
    }
  });

  it('names the next whole expected count, not a later one', () => {
    // 90 over 90 days: one more expected each day, so the change is within a day.
    const now = new Date(q.startsAt.getTime() + 10.5 * 86_400_000);
    const at = paceChangesAt(1000, 90, q, now);
    expect(at).not.toBeNull();
    expect((at as Date).getTime() - now.getTime()).toBeLessThanOrEqual(86_400_000 / 2);
    expect(pace(1000, 90, q, new Date((at as Date).getTime() + 3)).expected).toBe(11);
  });

  it('never changes after the period', () => {
    expect(paceChangesAt(3, 90, q, q.endsAt)).toBeNull();
  });
});

describe('the one accepted date range', () => {
  it('computes Shanghai midnights of years 0–99 as those years, not 1900–1999', () => {
    for (const year of [1, 50, 99]) {
      expect(shanghaiParts(shanghaiMidnight(year, 6, 15)).year).toBe(year);
    }
    expect(shanghaiMidnight(2026, 1, 1).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('takes every day, instant and period code of YEAR_MIN…YEAR_MAX and nothing outside', () => {
    expect(LocalDateSchema.safeParse(`${YEAR_MIN}-01-01`).success).toBe(true);
    expect(LocalDateSchema.safeParse(`${YEAR_MAX}-12-31`).success).toBe(true);
    for (const day of ['0000-01-01', '0099-06-15', '1899-12-31', `${YEAR_MIN - 1}-12-31`, `${YEAR_MAX + 1}-01-01`]) {
      expect(LocalDateSchema.safeParse(day).success, day).toBe(false);
    }
    for (const code of [`${YEAR_MIN}`, `${YEAR_MAX}-H2`, '2026-Q3'])
      expect(PeriodCodeSchema.safeParse(code).success).toBe(true);
    for (const code of ['0000-H1', '0000', '1999-Q4', `${YEAR_MAX + 1}`, '9999-H2']) {
      expect(PeriodCodeSchema.safeParse(code).success, code).toBe(false);
    }
    expect(instantInRange(INSTANT_MIN)).toBe(true);
    expect(instantInRange(INSTANT_MAX)).toBe(true);
    expect(instantInRange(new Date(INSTANT_MIN.getTime() - 1))).toBe(false);
    expect(instantInRange(new Date(INSTANT_MAX.getTime() + 1))).toBe(false);
    expect(instantInRange(new Date(Number.NaN))).toBe(false);
  });
});

describe('shanghaiWallClock', () => {
  it('reads a wall-clock time on the Shanghai clock', () => {
    expect(shanghaiWallClock(2026, 5, 20, 14, 30, 5)?.toISOString()).toBe('2026-05-20T06:30:05.000Z');
    expect(shanghaiWallClock(2027, 1, 1, 0, 0, 0)?.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
  it('refuses a day or time that does not exist instead of rolling it over', () => {
    expect(shanghaiWallClock(2026, 2, 30, 9, 0, 0)).toBeNull();
    expect(shanghaiWallClock(2026, 13, 1, 9, 0, 0)).toBeNull();
    expect(shanghaiWallClock(2026, 5, 20, 24, 0, 0)).toBeNull();
    expect(shanghaiWallClock(2026, 5, 20, 9, 60, 0)).toBeNull();
  });
});
