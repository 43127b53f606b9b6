// What the user typed survives a failed save even when the failure is an ended session: a record
// form's values are kept in this tab's sessionStorage when Save is pressed, restored when the form
// opens again (after signing back in), and dropped once the save succeeds or the user discards
// them. Keyed by user, so another account signing in on the same tab never sees them; sign-out
// clears sessionStorage altogether (app/layout.tsx).
//
// Each feature describes its own key and how its values go to and come back from JSON (dates and
// times as text, choices checked against the contract's lists); this module does the storing.
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, isLocalDate, pickerDay, pickerTime, TIME_FORMAT } from './dates.ts';

export interface DraftStore<V> {
  /** The storage key of one user's draft of one record (`recordId` absent: a new record). */
  key(userId: string, recordId?: string): string;
  save(key: string, values: V): void;
  /** The stored draft, or null when there is none (or it cannot be read). */
  load(key: string): V | null;
  clear(key: string): void;
}

export interface DraftFormat<V> {
  /** Builds the storage key; `recordId` is 'new' for a record not made yet. */
  key: (userId: string, recordId: string) => string;
  /** The values as stored (default: as they are). */
  toStored?: (values: V) => unknown;
  /** The values back from what was stored, every field checked. */
  fromStored: (stored: Record<string, unknown>) => V;
}

export function draftStore<V>(format: DraftFormat<V>): DraftStore<V> {
  return {
    key: (userId, recordId) => format.key(userId, recordId ?? 'new'),
    save(key, values) {
      try {
        sessionStorage.setItem(key, JSON.stringify(format.toStored ? format.toStored(values) : values));
      } catch {
        // Storage unavailable: the form itself still keeps the values while the page stays.
      }
    },
    load(key) {
      let raw: unknown;
      try {
        const stored = sessionStorage.getItem(key);
        raw = stored ? JSON.parse(stored) : null;
      } catch {
        return null;
      }
      if (!raw || typeof raw !== 'object') return null;
      return format.fromStored(raw as Record<string, unknown>);
    },
    clear(key) {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // Nothing stored, nothing to clear.
      }
    },
  };
}

/** A stored text, or undefined. */
export const draftText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A stored number, or null. */
export const draftNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** A stored choice when it is one of `choices`, else undefined. */
export function draftChoice<T extends string>(choices: readonly T[], value: unknown): T | undefined {
  return choices.includes(value as T) ? (value as T) : undefined;
}

/** A picker day as stored ("YYYY-MM-DD"), or null. */
export const storedDay = (day: Dayjs | null | undefined): string | null => (day ? day.format(DATE_FORMAT) : null);

/** A picker time as stored ("HH:mm"), or null. */
export const storedTime = (time: Dayjs | null | undefined): string | null => (time ? time.format(TIME_FORMAT) : null);

/** A stored day back as a picker value, or null. */
export function draftDay(value: unknown): Dayjs | null {
  const date = draftText(value) ?? null;
  return isLocalDate(date) ? pickerDay(date) : null;
}

/** A stored clock time back as a picker value, or null. */
export function draftTime(value: unknown): Dayjs | null {
  const time = draftText(value);
  return time && /^\d{2}:\d{2}$/.test(time) ? pickerTime(time) : null;
}
