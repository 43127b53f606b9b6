// Keyset pagination shared by every list: a list is ordered by one or more columns and then id,
// and the cursor carries the last row's values of those columns and its id, so a page is an index
// range scan at any depth and a record inserted meanwhile neither repeats nor skips rows.
// A cursor is base64url JSON [tag, ...values, id]; the tag (the sort, e.g. "-occurredAt", or the
// list's name) makes a cursor from another order a 400 rather than a wrong page.
import { illegalCharacterIn } from '@dutyboard/contracts/common';
import { instantInRange, localDateToInstant } from '@dutyboard/contracts/periods';
import { fieldIssue, validationError } from '../../errors/app-error.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * How a column's value travels in the cursor and compares: an instant, an integer, a string, or
 * an enum given as its values in the database's order (compared by rank).
 */
export type ColumnKind = 'date' | 'int' | 'string' | readonly string[];

export interface KeyColumn {
  field: string;
  dir: 'asc' | 'desc';
  kind: ColumnKind;
  /** A nullable column whose rows without a value come after all others (ascending only). */
  nullsLast?: boolean;
}

/** A list's order: its columns, then id in the direction of the last one. */
export interface Keyset {
  tag: string;
  columns: readonly KeyColumn[];
}

/** A list ordered by one sort field, named as the query says it: "-occurredAt" is occurredAt descending. */
export function sortKeyset(
  sort: string,
  kinds: Record<string, ColumnKind>,
  options: { nullsLast?: readonly string[] } = {},
): Keyset {
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const nullsLast = options.nullsLast?.includes(field) ?? false;
  return { tag: sort, columns: [{ field, dir: desc ? 'desc' : 'asc', kind: kinds[field] ?? 'date', nullsLast }] };
}

export const badCursor = () => validationError([fieldIssue('cursor', 'invalid_cursor', { key: 'request.badCursor' })]);

/** PostgreSQL's integer range: a cursor carrying more would fail in the query, not here. */
const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;

/** The instant a cursor carries, within the accepted date range (periods.ts), or a 400. */
function cursorInstant(raw: unknown): Date {
  const date = typeof raw === 'string' && raw.length <= 40 ? new Date(raw) : new Date(Number.NaN);
  if (!instantInRange(date)) throw badCursor();
  return date;
}

/** The record id a cursor carries, or a 400. */
function cursorId(raw: unknown): string {
  if (typeof raw !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) {
    throw badCursor();
  }
  return raw;
}

type Value = Date | number | string | null;

/** One column's value as the cursor carries it back, checked against the column's kind, or a 400. */
function columnValue(column: KeyColumn, raw: unknown): Value {
  if (raw === null && column.nullsLast) return null;
  const { kind } = column;
  if (kind === 'int') {
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < INT4_MIN || raw > INT4_MAX) throw badCursor();
    return raw;
  }
  if (kind === 'string') {
    if (typeof raw !== 'string' || illegalCharacterIn(raw)) throw badCursor();
    return raw;
  }
  if (kind === 'date') return cursorInstant(raw);
  if (typeof raw !== 'string' || !kind.includes(raw)) throw badCursor();
  return raw;
}

/** The cursor that continues after this row (an answered item with the same fields will do). */
export function cursorOf(keyset: Keyset, row: { id: string }): string {
  const values = keyset.columns.map((c) => {
    const value = (row as Record<string, unknown>)[c.field];
    return value instanceof Date ? value.toISOString() : (value ?? null);
  });
  return Buffer.from(JSON.stringify([keyset.tag, ...values, row.id])).toString('base64url');
}

/** The values and id a cursor carries; a cursor from another order or a forged one is a 400. */
function decodeCursor(keyset: Keyset, cursor: string): { values: Value[]; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const { columns } = keyset;
  if (!Array.isArray(parsed) || parsed.length !== columns.length + 2 || parsed[0] !== keyset.tag) throw badCursor();
  const values = columns.map((column, i) => columnValue(column, parsed[i + 1]));
  return { values, id: cursorId(parsed.at(-1)) };
}

/** Rows whose column comes strictly after `value` in the list's order; null when none can. */
function columnAfter(column: KeyColumn, value: Value): Record<string, unknown> | null {
  const { field, dir, kind } = column;
  // Nothing sorts after the rows without a value.
  if (value === null) return null;
  if (Array.isArray(kind)) {
    const rank = kind.indexOf(value as string);
    return { [field]: { in: dir === 'asc' ? kind.slice(rank + 1) : kind.slice(0, rank) } };
  }
  const after = { [field]: { [dir === 'desc' ? 'lt' : 'gt']: value } };
  return column.nullsLast ? { OR: [after, { [field]: null }] } : after;
}

/**
 * The Prisma where-clause that continues after the cursor row: for each column, the rows equal on
 * the columns before it and after it on this one; then the rows equal on all of them, by id.
 */
export function afterCursor(keyset: Keyset, cursor: string): Record<string, unknown> {
  const { values, id } = decodeCursor(keyset, cursor);
  const { columns } = keyset;
  const equal = (n: number) => Object.fromEntries(columns.slice(0, n).map((c, i) => [c.field, values[i]]));
  const branches: Record<string, unknown>[] = [];
  columns.forEach((column, i) => {
    const after = columnAfter(column, values[i] ?? null);
    if (after) branches.push({ ...equal(i), ...after });
  });
  const idDir = columns.at(-1)?.dir ?? 'asc';
  branches.push({ ...equal(columns.length), id: { [idDir === 'desc' ? 'lt' : 'gt']: id } });
  // The same rows, with the first column's bound also stated on its own: PostgreSQL cannot start
  // an index scan from an OR, so without it every page scanned from the list's first row and the
  // middle pages of a long list took 0.5 s (docs/performance.md). An enum column, or a nullsLast
  // one whose rows without a value are still to come, has no such single bound.
  const [first] = columns;
  const firstValue = values[0] ?? null;
  if (first && !Array.isArray(first.kind) && !first.nullsLast && firstValue !== null) {
    return { AND: [{ [first.field]: { [first.dir === 'desc' ? 'lte' : 'gte']: firstValue } }, { OR: branches }] };
  }
  return { OR: branches };
}

/**
 * The list's order for Prisma. Typed as plain directions so every table's findMany takes it;
 * a nullsLast column (always a nullable one, where Prisma accepts it) is { sort, nulls: 'last' }.
 */
export function orderBy(keyset: Keyset): Record<string, 'asc' | 'desc'>[] {
  const { columns } = keyset;
  const order = columns.map((c) =>
    c.nullsLast
      ? ({ [c.field]: { sort: c.dir, nulls: 'last' } } as unknown as Record<string, 'asc' | 'desc'>)
      : { [c.field]: c.dir },
  );
  return [...order, { id: columns.at(-1)?.dir ?? 'asc' }];
}

/** The query of one page: the caller's filter and the rows after the cursor, in order, one more than asked. */
export function pageQuery<Where>(keyset: Keyset, where: Where, params: { cursor?: string | undefined; limit: number }) {
  return {
    where: (params.cursor ? { AND: [where, afterCursor(keyset, params.cursor)] } : where) as Where,
    orderBy: orderBy(keyset),
    take: params.limit + 1,
  };
}

/**
 * One page of a list: `find` runs the query (pageQuery) on its table, `map` answers the page's
 * rows (all at once, so it may look up what they name in one query).
 */
export async function keysetPage<Where, Row extends { id: string }, Item>(
  keyset: Keyset,
  where: Where,
  params: { cursor?: string | undefined; limit: number },
  find: (query: ReturnType<typeof pageQuery<Where>>) => Promise<Row[]>,
  map: (rows: Row[]) => Item[] | Promise<Item[]>,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const rows = await find(pageQuery(keyset, where, params));
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  return {
    items: await map(page),
    nextCursor: rows.length > params.limit && last ? cursorOf(keyset, last) : null,
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
