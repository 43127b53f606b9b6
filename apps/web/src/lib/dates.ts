// Every date the app shows or sends is in Asia/Shanghai, whatever the device's own zone.
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TIME_ZONE = 'Asia/Shanghai';
export const DATE_FORMAT = 'YYYY-MM-DD';
export const TIME_FORMAT = 'HH:mm';
/**
 * What a date picker reads from typed text: the display format first, then the ways people
 * write a date by hand ("2026.12.5", "2026/12/05", "20261205", "2026年12月5日"). More than one
 * format also turns off the picker's digit mask, which ignored the dots and reverted silently.
 */
export const DATE_INPUT_FORMATS = [
  DATE_FORMAT,
  'YYYY-M-D',
  'YYYY.MM.DD',
  'YYYY.M.D',
  'YYYY/MM/DD',
  'YYYY/M/D',
  'YYYYMMDD',
  'YYYY年M月D日',
];

/**
 * "2026-11-24 14:30" in Shanghai time; "2026-11-24" alone when the record knows only the day
 * (timeKnown false: an imported cell without a time, contracts TimeKnownSchema).
 */
export function formatDateTime(instant: string, timeKnown = true): string {
  return dayjs(instant)
    .tz(TIME_ZONE)
    .format(timeKnown ? `${DATE_FORMAT} ${TIME_FORMAT}` : DATE_FORMAT);
}

/** Today's Shanghai calendar day, "YYYY-MM-DD". */
export function todayInShanghai(): string {
  return dayjs().tz(TIME_ZONE).format(DATE_FORMAT);
}

/** The Shanghai calendar day and clock time of an instant. */
export function shanghaiParts(instant: string): { date: string; time: string } {
  const at = dayjs(instant).tz(TIME_ZONE);
  return { date: at.format(DATE_FORMAT), time: at.format(TIME_FORMAT) };
}

/** "2026-11-24" + "14:30" in Shanghai → "2026-11-24T14:30:00+08:00". */
export function shanghaiInstant(date: string, time: string): string {
  return dayjs.tz(`${date} ${time}`, TIME_ZONE).format();
}

/**
 * Pickers work on the device's local calendar; these carry a Shanghai calendar day or clock time
 * into a picker value and back without any zone arithmetic.
 */
export function pickerDay(date: string): Dayjs {
  return dayjs(date, DATE_FORMAT);
}

export function pickerTime(time: string): Dayjs {
  return dayjs(`2000-01-01T${time}:00`);
}

export function isLocalDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value, DATE_FORMAT).isValid();
}
