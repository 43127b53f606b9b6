// The standard services of a kind of record, declared once: list (the caller's reach, the
// kind's filters, keyset pages), get, create, update and delete, each through the shared helpers
// (registry.ts, writes.ts, keyset.ts). A kind declares only what is its own: how a row is
// answered, which filters its list takes, and which fields a create or a change stores.
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { AuthUser } from '../auth/sessions.ts';
import { orgIdsInScope } from '../orgs/scope.ts';
import { type ColumnKind, dayRange, keysetPage, sortKeyset } from './keyset.ts';
import { countedPage } from './page-total.ts';
import { type Db, loadInScope, type RecordKind, type RecordRow } from './registry.ts';
import { deleteService, loadForChange, type PreparedCreate, prepareCreate, versionedUpdate } from './writes.ts';

type Tx = Prisma.TransactionClient;

/** What every list query carries (contracts/common recordListQueryFields). */
interface ListParams {
  org?: string | undefined;
  own?: 'true' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: string;
  cursor?: string | undefined;
  limit: number;
}

export interface RecordServiceSpec<Row extends RecordRow, Where, Data, Create, Item, Params, CreateInput, UpdateInput> {
  kind: RecordKind<Row, Where, Data, Create>;
  /** The answer for a row, judged at `now` (a list answers all its rows at one moment). */
  answer(row: Row, now: Date): Item;
  list: {
    /** How each sort field's value travels in the cursor. */
    sorts: Record<string, ColumnKind>;
    /** The date field the query's from/to days (Shanghai, both inclusive) apply to. */
    days?: string;
    /** The list's own filters (the caller's reach and the days are added). */
    where(params: Params, now: Date): Where;
  };
  /** The stored fields of a new record. */
  created(input: CreateInput): Omit<Create, 'createdById' | 'updatedById'>;
  /** The fields a change stores, given the record as loaded (may refuse with an AppError). */
  changed(input: UpdateInput, before: Row): Data;
}

export function recordService<
  Row extends RecordRow,
  Where,
  Data,
  Create extends { orgId: string },
  Item,
  Params extends ListParams,
  CreateInput,
  UpdateInput extends { orgId?: string | undefined },
>(spec: RecordServiceSpec<Row, Where, Data, Create, Item, Params, CreateInput, UpdateInput>) {
  const { kind } = spec;
  return {
    async list(
      db: PrismaClient,
      user: AuthUser,
      params: Params,
    ): Promise<{ items: Item[]; nextCursor: string | null; total: number | null }> {
      const now = new Date();
      const { days } = spec.list;
      const range = days ? dayRange(params.from, params.to) : undefined;
      const where = {
        orgId: { in: await orgIdsInScope(db, user, params.org, params.own) },
        ...(days && range ? { [days]: range } : {}),
        ...spec.list.where(params, now),
      };
      const table = kind.table(db);
      return countedPage(
        params,
        () =>
          keysetPage(
            sortKeyset(params.sort, spec.list.sorts),
            where as Where,
            params,
            (query) => table.findMany(query),
            (rows) => rows.map((row) => spec.answer(row, now)),
          ),
        () => table.count(where as Where),
      );
    },

    async get(db: Db, user: AuthUser, id: string): Promise<Item> {
      return spec.answer(await loadInScope(db, user, kind, id), new Date());
    },

    /** Built before it is written: plugins/write.ts runCreate writes it in one statement (ADR 037). */
    prepareCreate(db: Db, user: AuthUser, input: CreateInput, fresh = false): Promise<PreparedCreate<Item>> {
      const now = new Date();
      return prepareCreate(db, user, kind, spec.created(input), (row) => spec.answer(row, now), fresh);
    },

    /** Runs inside the caller's transaction (see plugins/write.ts), as does remove. */
    async update(tx: Tx, user: AuthUser, id: string, input: UpdateInput, expectedVersion?: number): Promise<Item> {
      const before = await loadForChange(tx, user, kind, id, expectedVersion, input);
      return spec.answer(await versionedUpdate(tx, user, kind, before, spec.changed(input, before)), new Date());
    },

    remove: deleteService(kind),
  };
}
