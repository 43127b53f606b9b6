// Periods (year / half / quarter) in Asia/Shanghai time and the pace rule. Pure functions, used by
// the API to build queries and by the web to label things. China has kept UTC+8 without daylight
// saving since 1991, so a fixed offset is exact for every date this system deals with.
import { z } from 'zod';

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The Shanghai calendar years Dutyboard takes, both inclusive: every date, instant, period code and
 * list cursor is checked against them at the edge (docs/security.md, "One date range"). Outside
 * them a date is a typo (0001, 1899, 9999), and some would overflow PostgreSQL or JavaScript.
 */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
export const DATE_RANGE_MESSAGE = `日期须在 ${YEAR_MIN} 年至 ${YEAR_MAX} 年之间`;

export const yearInRange = (year: number) => Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX;

/** 00:00 Shanghai on 1 January of YEAR_MIN, and of the year after YEAR_MAX (the end of its last period). */
export const INSTANT_MIN = new Date(Date.UTC(YEAR_MIN, 0, 1) - SHANGHAI_OFFSET_MS);
export const INSTANT_MAX = new Date(Date.UTC(YEAR_MAX + 1, 0, 1) - SHANGHAI_OFFSET_MS);

/** Is the instant within [INSTANT_MIN, INSTANT_MAX]? An invalid date is not. */
export function instantInRange(at: Date): boolean {
  const t = at.getTime();
  return t >= INSTANT_MIN.getTime() && t <= INSTANT_MAX.getTime();
}

/** A calendar day in Asia/Shanghai, "YYYY-MM-DD", of a year in YEAR_MIN…YEAR_MAX. */
export const LocalDateSchema = z.iso
  .date()
  // A malformed date already fails the format check: only a well-formed one is range-checked.
  .refine((v) => !/^\d{4}-/.test(v) || yearInRange(Number(v.slice(0, 4))), DATE_RANGE_MESSAGE);

export const PERIOD_KINDS = ['YEAR', 'HALF', 'QUARTER'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** "2026", "2026-H1", "2026-Q3". */
export const PeriodCodeSchema = z
  .string()
  .regex(/^\d{4}(-H[12]|-Q[1-4])?$/, 'expected 2026, 2026-H1 or 2026-Q3')
  .refine((v) => !/^\d{4}/.test(v) || yearInRange(Number(v.slice(0, 4))), DATE_RANGE_MESSAGE);

export interface PeriodRef {
  kind: PeriodKind;
  year: number;
  index: number;
  code: string;
  /** Inclusive start and exclusive end, as UTC instants of Shanghai midnight. */
  startsAt: Date;
  endsAt: Date;
}

/** The UTC instant of 00:00 Asia/Shanghai on the given day (month is 1-based; overflow rolls). */
export function shanghaiMidnight(year: number, month: number, day: number): Date {
  // Not Date.UTC: it reads years 0–99 as 1900–1999.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return new Date(utc.getTime() - SHANGHAI_OFFSET_MS);
}

/**
 * The instant of a Shanghai wall-clock time (UTC+8 all year: no daylight saving), or null when the
 * fields name no real time: Date.UTC would roll 2026-02-30 over to March, and a day or time that
 * does not exist is refused, not moved. Years before 100 are not expected here.
 */
export function shanghaiWallClock(y: number, mo: number, d: number, h: number, mi: number, s: number): Date | null {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return null;
  }
  return new Date(wall - SHANGHAI_OFFSET_MS);
}

/** The Shanghai calendar parts of an instant. */
export function shanghaiParts(at: Date): { year: number; month: number; day: number } {
  const shifted = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The Shanghai calendar day of an instant, "YYYY-MM-DD". */
export function shanghaiLocalDate(at: Date): string {
  const { year, month, day } = shanghaiParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" → the UTC instant of that day's Shanghai midnight. */
export function localDateToInstant(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return shanghaiMidnight(y, m, d);
}

/** The period of a code its schema has checked. */
function periodOfCheckedCode(parsed: string): PeriodRef {
  const year = Number(parsed.slice(0, 4));
  const suffix = parsed.slice(5);
  if (!suffix) return { kind: 'YEAR', year, index: 1, code: parsed, ...monthRange(year, 1, 12) };
  const index = Number(suffix.slice(1));
  if (suffix.startsWith('H')) {
    return { kind: 'HALF', year, index, code: parsed, ...monthRange(year, index * 6 - 5, 6) };
  }
  return { kind: 'QUARTER', year, index, code: parsed, ...monthRange(year, index * 3 - 2, 3) };
}

/**
 * A schema that checks a period code (PeriodCodeSchema, or one narrowed from it) and answers the
 * period itself. Request schemas use it, so a code is parsed once where it enters the API and
 * services take the period as a value (OpenAPI and the web still see the code: its input side).
 */
export function periodOf<S extends z.ZodType<string, string>>(codeSchema: S) {
  return codeSchema.transform(periodOfCheckedCode);
}

/** "2026-H1" → the period. */
export const PeriodSchema = periodOf(PeriodCodeSchema);

export function periodFromCode(code: string): PeriodRef {
  return PeriodSchema.parse(code);
}

export function periodCode(kind: PeriodKind, year: number, index: number): string {
  if (kind === 'YEAR') return String(year);
  return `${year}-${kind === 'HALF' ? 'H' : 'Q'}${index}`;
}

/** The period of the given kind that contains the instant. */
export function periodContaining(kind: PeriodKind, at: Date): PeriodRef {
  const { year, month } = shanghaiParts(at);
  if (kind === 'YEAR') return periodFromCode(String(year));
  if (kind === 'HALF') return periodFromCode(`${year}-H${month <= 6 ? 1 : 2}`);
  return periodFromCode(`${year}-Q${Math.ceil(month / 3)}`);
}

function monthRange(year: number, firstMonth: number, months: number) {
  return { startsAt: shanghaiMidnight(year, firstMonth, 1), endsAt: shanghaiMidnight(year, firstMonth + months, 1) };
}

/** The months of a period as "YYYY-MM", in order. */
export function periodMonths(period: PeriodRef): string[] {
  const out: string[] = [];
  let { year, month } = shanghaiParts(period.startsAt);
  while (shanghaiMidnight(year, month, 1) < period.endsAt) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

export type PaceStatus = 'GREEN' | 'AMBER' | 'RED';

/** Amber when done reaches this share of what the linear plan expects by now. */
export const PACE_AMBER_RATIO = 0.8;

export interface Pace {
  /** What a linear plan expects done by `now` (target × elapsed share), rounded down. */
  expected: number;
  status: PaceStatus;
}

/**
 * docs/domain.md: expected = target × d / D on day d of a D-day period; green when done ≥ expected,
 * amber when done ≥ 0.8 × expected, red otherwise. Before the period it expects 0; after, all.
 */
export function pace(done: number, target: number, period: Pick<PeriodRef, 'startsAt' | 'endsAt'>, now: Date): Pace {
  const total = period.endsAt.getTime() - period.startsAt.getTime();
  const elapsed = Math.min(Math.max(now.getTime() - period.startsAt.getTime(), 0), total);
  const expectedExact = (target * elapsed) / total;
  const status: PaceStatus =
    done >= expectedExact ? 'GREEN' : done >= PACE_AMBER_RATIO * expectedExact ? 'AMBER' : 'RED';
  return { expected: Math.floor(expectedExact), status };
}

/**
 * An instant after `now` no later than the first at which pace(done, target, period, ·) answers
 * otherwise, or null when it never will: the expected count grows linearly until the period ends,
 * and the answer moves only when it reaches its next whole number or passes done or done / 0.8.
 * A cached answer (ADR 029) is the same as a fresh one until then. Errs early, never late.
 */
export function paceChangesAt(
  done: number,
  target: number,
  period: Pick<PeriodRef, 'startsAt' | 'endsAt'>,
  now: Date,
): Date | null {
  const start = period.startsAt.getTime();
  const end = period.endsAt.getTime();
  const t = now.getTime();
  const total = end - start;
  if (t >= end || target <= 0 || total <= 0) return null;
  const exact = (target * Math.min(Math.max(t - start, 0), total)) / total;
  let first = Number.POSITIVE_INFINITY;
  for (const x of [Math.floor(exact) + 1, done, done / PACE_AMBER_RATIO]) {
    if (x < exact) continue;
    // The instant the expected count reaches x, less 2 ms for rounding; at least the next ms.
    first = Math.min(first, Math.max(t + 1, Math.floor(start + (x * total) / target) - 2));
  }
  return new Date(Math.min(first, end));
}
