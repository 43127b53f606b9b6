// Keyset pagination shared by every record list: order by (field, id), the cursor carries the last
// row's (field value, id), so a page is an index range scan at any depth and a record inserted
// meanwhile neither repeats nor skips rows.
import { illegalCharacterIn } from '@dutyboard/contracts/common';
import { instantInRange, localDateToInstant } from '@dutyboard/contracts/periods';
import { fieldIssue, validationError } from '../../errors/app-error.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface SortSpec {
  field: string;
  dir: 'asc' | 'desc';
  /** How the field's value travels in the cursor. */
  kind: 'date' | 'int' | 'string';
}

/** "-occurredAt" → { field: 'occurredAt', dir: 'desc' }. */
export function parseSort(sort: string, kinds: Record<string, SortSpec['kind']>): SortSpec {
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  return { field, dir: desc ? 'desc' : 'asc', kind: kinds[field] ?? 'date' };
}

export const badCursor = () => validationError([fieldIssue('cursor', 'invalid_cursor', { key: 'request.badCursor' })]);

/** PostgreSQL's integer range: a cursor carrying more would fail in the query, not here. */
const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;

/** The instant a cursor carries, within the accepted date range (periods.ts), or a 400. */
export function cursorInstant(raw: unknown): Date {
  const date = typeof raw === 'string' && raw.length <= 40 ? new Date(raw) : new Date(Number.NaN);
  if (!instantInRange(date)) throw badCursor();
  return date;
}

/** The record id a cursor carries, or a 400. */
export function cursorId(raw: unknown): string {
  if (typeof raw !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) {
    throw badCursor();
  }
  return raw;
}

export function encodeCursor(sort: string, value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([sort, value instanceof Date ? value.toISOString() : value, id])).toString(
    'base64url',
  );
}

/** The (value, id) a cursor carries; a cursor from another sort or a forged one is a 400. */
export function decodeCursor(
  sort: string,
  spec: SortSpec,
  cursor: string,
): { value: Date | number | string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== sort) throw badCursor();
  const [, raw, rawId] = parsed as [unknown, unknown, unknown];
  const id = cursorId(rawId);
  if (spec.kind === 'int') {
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < INT4_MIN || raw > INT4_MAX) throw badCursor();
    return { value: raw, id };
  }
  if (spec.kind === 'string') {
    if (typeof raw !== 'string' || illegalCharacterIn(raw)) throw badCursor();
    return { value: raw, id };
  }
  return { value: cursorInstant(raw), id };
}

/** The Prisma where-clause that continues after the cursor row. */
export function afterCursor(sort: string, spec: SortSpec, cursor: string): Record<string, unknown> {
  const c = decodeCursor(sort, spec, cursor);
  const op = spec.dir === 'desc' ? 'lt' : 'gt';
  return { OR: [{ [spec.field]: { [op]: c.value } }, { [spec.field]: c.value, id: { [op]: c.id } }] };
}

export function orderBy(spec: SortSpec): Record<string, 'asc' | 'desc'>[] {
  return [{ [spec.field]: spec.dir }, { id: spec.dir }];
}

/** Rows fetched with take: limit + 1 → the page and the cursor of the next one (null at the end). */
export function toPage<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  sort: string,
  spec: SortSpec,
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(map),
    nextCursor:
      rows.length > limit && last ? encodeCursor(sort, (last as Record<string, unknown>)[spec.field], last.id) : null,
  };
}

/** Shanghai calendar days [from, to] (both inclusive) as a Prisma date filter, or undefined. */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  const range: { gte?: Date; lt?: Date } = {};
  if (from) range.gte = localDateToInstant(from);
  if (to) range.lt = new Date(localDateToInstant(to).getTime() + DAY_MS);
  return range;
}
