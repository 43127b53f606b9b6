// Many rows in one INSERT … SELECT … FROM json_to_recordset($1): one statement and one JSON
// parameter per chunk, whatever its size. Prisma's createMany spends about 0.4 ms per row of a
// 13-column table building its query (20,000 rows: 8 s); this takes a few tens of ms per 1,000
// rows. Only for writes whose values were checked already; every value is inside the parameter.
import type { Prisma } from '@dutyboard/db/client';

export interface BulkColumn {
  /** The column's name as in the table (Prisma's field name; no @map in this schema). */
  name: string;
  /** Its PostgreSQL type: uuid, text, int, timestamptz, jsonb, "ActivityCategory"… */
  type: string;
  /** The values are JSON texts already (for a jsonb column): sent as text, parsed by the database. */
  jsonText?: boolean;
}

/** Names stay inside double quotes: this module never builds them from input. */
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Inserts rows (one value per column, in column order; null for SQL NULL). Dates go as ISO
 * strings; JSON values are nested in the parameter (or sent as text for jsonText columns).
 */
export async function insertRows<R = never>(
  tx: Prisma.TransactionClient,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  /** Columns to answer for each row inserted (a RETURNING list), e.g. '*'. */
  returning?: string,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      const value = row[c];
      record[column.name] = value instanceof Date ? value.toISOString() : (value ?? null);
    });
    return record;
  });
  const names = columns.map((column) => quoted(column.name)).join(', ');
  const values = columns
    .map((column) => (column.jsonText ? `${quoted(column.name)}::${column.type}` : quoted(column.name)))
    .join(', ');
  const shape = columns.map((column) => `${quoted(column.name)} ${column.jsonText ? 'text' : column.type}`).join(', ');
  const sql = `INSERT INTO ${quoted(table)} (${names}) SELECT ${values} FROM json_to_recordset($1::json) AS x(${shape})`;
  if (!returning) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(records));
    return [];
  }
  return tx.$queryRawUnsafe<R[]>(`${sql} RETURNING ${returning}`, JSON.stringify(records));
}
