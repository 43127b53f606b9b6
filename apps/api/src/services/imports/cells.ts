// Reading one spreadsheet cell as the value a create schema expects: text, a whole number, an
// instant on the Shanghai clock, or an enum code from its Chinese label. Each reader answers the
// value or a reason in Chinese; it never guesses (a half-readable date is a problem, not a day).
import { illegalCharacterIn } from '@dutyboard/contracts/common';
import { SHANGHAI_OFFSET_MS, shanghaiWallClock } from '@dutyboard/contracts/periods';

/** A cell as exceljs reads it, reduced to what a person typed or Excel stored. */
export type Raw = string | number | boolean | Date | { error: string } | null;

export type Read<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

const ok = <T>(value: T | undefined): Read<T> => ({ ok: true, value });
const bad = <T>(reason: string): Read<T> => ({ ok: false, reason });

/**
 * exceljs cell values → Raw: rich text joined, a formula's cached result, a hyperlink's text.
 * Anything else unexpected becomes its string form rather than being dropped.
 */
export function rawOf(value: unknown): Raw {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text?: string }[];
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      text?: unknown;
      hyperlink?: string;
      error?: string;
    };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text ?? '').join('');
    if (typeof v.error === 'string') return { error: v.error };
    if ('formula' in v || 'sharedFormula' in v) return rawOf(v.result);
    if ('text' in v) return rawOf(v.text);
  }
  return String(value);
}

export function isBlank(raw: Raw): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function errorReason(raw: { error: string }): string {
  return `单元格是错误值 ${raw.error}，请填写实际内容`;
}

/** Full-width digits and signs (typed with a Chinese input method) as ASCII. */
export function halfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** "2026-05-20 14:30" from a wall-clock Date (its UTC fields are the wall clock). */
function wallText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Text as typed; a number keeps its digits ("1001"), an Excel date reads as "2026-05-20 14:30". */
export function readText(raw: Raw): Read<string> {
  if (isBlank(raw)) return ok(undefined);
  if (typeof raw === 'object' && raw !== null && !(raw instanceof Date)) return bad(errorReason(raw));
  if (raw instanceof Date) return ok(wallText(raw));
  if (typeof raw === 'boolean') return ok(raw ? '是' : '否');
  const text = String(raw).trim();
  // The same rule as every API field (contracts/common.ts): refused, not silently changed.
  const character = illegalCharacterIn(text);
  if (character) return bad(`含有无法保存的控制字符（${character}），请在表格中删除后重新导入`);
  return ok(text);
}

/** A whole number: a number cell, or text of digits ("30", "３０"). */
export function readInt(raw: Raw): Read<number> {
  if (isBlank(raw)) return ok(undefined);
  if (typeof raw === 'number') {
    return Number.isInteger(raw) ? ok(raw) : bad(`须为整数（填写的是 ${raw}）`);
  }
  if (typeof raw === 'string') {
    const text = halfWidth(raw).trim();
    if (/^[+-]?\d{1,15}$/.test(text)) return ok(Number(text));
    return bad(`须为整数（填写的是“${raw.trim().slice(0, 30)}”）`);
  }
  if (typeof raw === 'object' && raw !== null && !(raw instanceof Date)) return bad(errorReason(raw));
  return bad('须为整数');
}

// Excel's day 0 is 1899-12-30; 25569 is 1970-01-01.
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;
/**
 * Excel serial days of 1950-01-01 and 2100-01-01: a number outside (a count typed into the
 * wrong column, say) is not taken for a date of a 台账.
 */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73051;

const DATE_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$/;

/** The instant as the API's InstantSchema takes it, written on the Shanghai clock. */
function toOffsetIso(instant: Date): string {
  const wall = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${wall.slice(0, 19)}+08:00`;
}

/** "2026年5月20日 14时30分" → "2026-5-20 14:30", the form DATE_TIME reads. */
function dateText(raw: string): string {
  return halfWidth(raw)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[年月]/g, '-')
    .replace(/日\s*/g, ' ')
    .replace(/[时點点]/g, ':')
    .replace(/分$/, '')
    .replace(/分/g, ':')
    .replace(/秒$/, '')
    .trim();
}

/**
 * Whether a date cell gave a time of day as well as the day (the record's timeKnown): text with a
 * time part, an Excel serial with a fraction, an Excel date cell whose clock is not 0:00. A cell
 * that says exactly 0:00 cannot be told from a date-only cell in Excel, and is taken as date-only.
 */
export function cellHasTime(raw: Raw): boolean {
  if (raw instanceof Date) return Math.round(raw.getTime() / 1000) % (DAY_MS / 1000) !== 0;
  if (typeof raw === 'number') return Math.round((raw % 1) * (DAY_MS / 1000)) % (DAY_MS / 1000) !== 0;
  if (typeof raw === 'string') return DATE_TIME.exec(dateText(raw))?.[4] !== undefined;
  return false;
}

const DATE_HINT = '请填写如 2026-05-20 14:30 的时间（北京时间），或 Excel 日期格式';

/**
 * An instant, read on the Shanghai clock: an Excel date cell, an Excel serial number, or text
 * such as "2026-05-20 14:30", "2026/5/20", "2026年5月20日 14时30分". A day without a time is 00:00
 * (cellHasTime tells the record so: it shows the date alone).
 * Answers ISO 8601 with +08:00.
 */
export function readDateTime(raw: Raw): Read<string> {
  if (isBlank(raw)) return ok(undefined);
  if (raw instanceof Date) {
    // exceljs gives the wall clock Excel shows as the Date's UTC fields; seconds are enough.
    const wall = Math.round(raw.getTime() / 1000) * 1000;
    if (Number.isNaN(wall)) return bad(DATE_HINT);
    return ok(toOffsetIso(new Date(wall - SHANGHAI_OFFSET_MS)));
  }
  if (typeof raw === 'number') {
    if (raw < SERIAL_MIN || raw > SERIAL_MAX) return bad(`“${raw}”不是日期，${DATE_HINT}`);
    const wall = Math.round(((raw - EXCEL_EPOCH_DAYS) * DAY_MS) / 1000) * 1000;
    return ok(toOffsetIso(new Date(wall - SHANGHAI_OFFSET_MS)));
  }
  if (typeof raw === 'string') {
    const m = DATE_TIME.exec(dateText(raw));
    if (!m) return bad(`“${raw.trim().slice(0, 30)}”不是有效的时间，${DATE_HINT}`);
    const [y, mo, d, h, mi, s] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const instant = shanghaiWallClock(y, mo, d, h, mi, s);
    if (!instant) return bad(`“${raw.trim().slice(0, 30)}”不是存在的日期或时间`);
    return ok(toOffsetIso(instant));
  }
  if (typeof raw === 'object' && raw !== null) return bad(errorReason(raw));
  return bad(DATE_HINT);
}

/**
 * An enum code from its Chinese label (as the template and exports write it) or the code itself
 * (case-insensitive), so a file exported from here or written by a script both read.
 */
export function readChoice<C extends string>(raw: Raw, labels: Readonly<Record<C, string>>): Read<C> {
  const text = readText(raw);
  if (!text.ok || text.value === undefined) return text as Read<C>;
  const wanted = text.value.replace(/\s+/g, '');
  const codes = Object.keys(labels) as C[];
  const found =
    codes.find((code) => labels[code] === wanted) ?? codes.find((code) => code.toLowerCase() === wanted.toLowerCase());
  if (found) return ok(found);
  return bad(`“${text.value.slice(0, 30)}”不是可选值，可选：${codes.map((code) => labels[code]).join('、')}`);
}
