// The rows of a record kind (活动, 学习研讨): each row is the kind's create input, checked with its
// create schema, and stored exactly as its service stores a create (the service's own `stored`
// fields, plus the id, the creator stamps and the time), many rows per INSERT (bulk.ts).
import type { Prisma } from '@dutyboard/db/client';
import type { z } from 'zod';
import { type BulkColumn, insertRows } from './bulk.ts';
import { cellHasTime, type Raw, readDateTime, readText } from './cells.ts';
import { type ColumnSpec, checkSchema, type ImportSpec, type Item, readColumns, readOrg } from './spec.ts';

/**
 * The org a record belongs to: one the importing user may write to. A 街道 (or higher) user
 * imports for the branches below in one file, one org per row; a blank cell (or no such column)
 * is the importer's own org, so a branch secretary's file needs no org column at all.
 */
export const RECORD_ORG_COLUMN: ColumnSpec = {
  key: 'orgId',
  header: '组织/支部',
  required: false,
  width: 20,
  hint: '组织代码或组织全称，须是本人所在组织或其下级组织；不填即为本人所在组织',
  example: '甲村党支部',
  text: true,
  reachableOrgs: true,
  read: (raw, ctx) => readOrg(raw, ctx, { writable: true }),
  fallback: (ctx) => ctx.user.orgId,
};

/** The org cell as written, for the problems of its row. */
function orgWritten(raw: Raw): string | undefined {
  const text = readText(raw);
  return text.ok && text.value !== undefined ? text.value.slice(0, 50) : undefined;
}

/** When it happened (occurredAt), in Beijing time. */
export function occurredAtColumn(header: string, example: string): ColumnSpec {
  return {
    key: 'occurredAt',
    header,
    required: true,
    width: 18,
    hint: `北京时间，如 ${example}；只填日期则只记日期，不记时刻`,
    example,
    read: readDateTime,
  };
}

export interface RecordItem<Input> extends Item {
  id: string;
  input: Input;
}

export interface RecordRowsSpec<S extends z.ZodType> {
  columns: readonly ColumnSpec[];
  /** The create schema of the kind (its cross-field rules included). */
  schema: S;
  /** The natural key: equal keys are the same record. */
  keyOf(input: z.output<S>): string;
  /** The table, and the columns of the stored fields (the id and the stamps are added). */
  table: string;
  bulkColumns: readonly BulkColumn[];
  /** What the kind's service stores for a create (records/service.ts `created`). */
  stored(input: z.output<S>): Record<string, unknown>;
}

/** Every record row has these besides its own fields. */
const ID: BulkColumn = { name: 'id', type: 'uuid' };
const STAMPS: BulkColumn[] = [
  { name: 'createdById', type: 'uuid' },
  { name: 'updatedById', type: 'uuid' },
  { name: 'createdAt', type: 'timestamptz' },
  { name: 'updatedAt', type: 'timestamptz' },
];

export function recordRows<S extends z.ZodType>(
  spec: RecordRowsSpec<S>,
): Pick<ImportSpec<RecordItem<z.output<S>>>, 'columns' | 'parse' | 'insert' | 'orgOf'> {
  const { columns } = spec;
  const bulkColumns = [ID, ...spec.bulkColumns, ...STAMPS];
  return {
    columns,
    parse(cells, row, ctx) {
      const { values, problems, failed } = readColumns(columns, cells, row, ctx);
      // A day without a time is stored at 0:00 but shown as the day alone, not as a midnight meeting.
      if (values.occurredAt !== undefined) values.timeKnown = cellHasTime(cells.get('occurredAt') ?? null);
      const checked = checkSchema(spec.schema, values, row, columns, failed);
      problems.push(...checked.problems);
      const org = orgWritten(cells.get(RECORD_ORG_COLUMN.key) ?? null);
      if (!checked.data || problems.length > 0) return { problems, org };
      const input = checked.data;
      return { item: { row, key: spec.keyOf(input), id: crypto.randomUUID(), input }, problems, org };
    },
    orgOf: (item) => (item.input as { orgId: string }).orgId,
    async insert(tx: Prisma.TransactionClient, items, { user, now }) {
      const stamped = items.map(({ id, input }) => {
        const record: Record<string, unknown> = {
          id,
          ...spec.stored(input),
          createdById: user.id,
          updatedById: user.id,
          createdAt: now,
          updatedAt: now,
        };
        return bulkColumns.map((column) => record[column.name]);
      });
      const stored = await insertRows<{ id: string; orgId: string }>(tx, spec.table, bulkColumns, stamped, '*');
      return stored.map((row) => ({ entityId: row.id, orgId: row.orgId, after: row }));
    },
  };
}
