// What the user typed survives a failed save even when the failure is an ended session: a record
// form's values are kept in this tab's sessionStorage when Save is pressed, restored when the form
// opens again (after signing back in), and dropped once the save succeeds or the user discards
// them. Keyed by user, so another account signing in on the same tab never sees them; sign-out
// clears sessionStorage altogether (app/layout.tsx).
//
// Each feature names its draft and says, field by field, how its values come back from JSON
// (`draft.text`, `draft.day`, `draft.choice(list)` …: dates and times are stored as text, choices
// checked against the contract's lists); this module does the storing.
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, isLocalDate, pickerDay, pickerTime, TIME_FORMAT } from './dates.ts';
import type { WhenValues } from './record-values.ts';

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

/** How one field is read back from what was stored (and, for picker values, how it is stored). */
export interface DraftField<T> {
  load: (stored: unknown) => T;
  store?(value: T): unknown;
}

const text: DraftField<string | undefined> = { load: (value) => (typeof value === 'string' ? value : undefined) };

/** A picker day, stored as "YYYY-MM-DD". */
const day = {
  load: (value) => {
    const date = text.load(value) ?? null;
    return isLocalDate(date) ? pickerDay(date) : null;
  },
  store: (value) => (value ? value.format(DATE_FORMAT) : null),
} satisfies DraftField<Dayjs | null | undefined>;

/** A picker clock time, stored as "HH:mm". */
const time = {
  load: (value) => {
    const stored = text.load(value);
    return stored && /^\d{2}:\d{2}$/.test(stored) ? pickerTime(stored) : null;
  },
  store: (value) => (value ? value.format(TIME_FORMAT) : null),
} satisfies DraftField<Dayjs | null | undefined>;

/** A flag that is set or absent (never false). */
const flag = { load: (value) => (value === true ? true : undefined) } satisfies DraftField<boolean | undefined>;

/** The field readers: each checks what it reads, so a stale or tampered draft cannot break a form. */
export const draft = {
  text,
  /** An id, null when there is none. */
  id: { load: (value) => text.load(value) ?? null } satisfies DraftField<string | null>,
  number: { load: (value) => (typeof value === 'number' ? value : null) } satisfies DraftField<number | null>,
  /** One of `choices`, else undefined. */
  choice: <T extends string>(choices: readonly T[]): DraftField<T | undefined> => ({
    load: (value) => (choices.includes(value as T) ? (value as T) : undefined),
  }),
  day,
  time,
  /**
   * A record's date and time boxes with their date-only flag (record-values.ts WhenValues): a
   * date-only record's draft restores as date-only, so saving it does not make it a timed one.
   */
  when: { date: day, time, dateOnly: flag } satisfies { [K in keyof WhenValues]-?: DraftField<WhenValues[K]> },
};

const RECORD_DRAFT_PREFIX = 'dutyboard.draft.';

/** Whether this tab keeps any record form draft of `userId` (the sign-in page says so after an expiry). */
export function hasDraftsOf(userId: string): boolean {
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key?.startsWith(RECORD_DRAFT_PREFIX) && key.split('.')[3] === userId) return true;
    }
  } catch {
    // Storage unavailable: nothing was kept.
  }
  return false;
}

/**
 * The draft of one kind of record form, stored under `dutyboard.draft.<name>.<user>.<record>`;
 * `fields` reads each field back.
 */
export function recordDraft<V extends object>(
  name: string,
  fields: { [K in keyof V]-?: DraftField<V[K]> },
): DraftStore<V> {
  const entries = Object.entries(fields) as [keyof V & string, DraftField<unknown>][];
  return draftStore<V>({
    key: (userId, recordId) => `${RECORD_DRAFT_PREFIX}${name}.${userId}.${recordId}`,
    toStored: (values) =>
      Object.fromEntries(entries.map(([key, field]) => [key, field.store ? field.store(values[key]) : values[key]])),
    fromStored: (stored) => Object.fromEntries(entries.map(([key, field]) => [key, field.load(stored[key])])) as V,
  });
}
