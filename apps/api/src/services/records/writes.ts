// The writes every kind of record shares (ADR 009): a change conditional on the version read in
// the same transaction, with its audit event; a delete that takes the record's dependants and
// evidence with it. The kind (records/registry.ts) says which table, which dependants, which name.
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { isUniqueViolation } from '../../errors/app-error.ts';
import type { FileStore } from '../attachments/store.ts';
import { type AuditAction, type AuditEntry, recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadWritableOrg, loadWritableOrgName, type NamedOrg } from '../orgs/scope.ts';
import { type Db, loadInScope, type RecordKind, type RecordRow, storedShape } from './registry.ts';
import { assertWritten } from './versioning.ts';

type Tx = Prisma.TransactionClient;

/** Runs a write; a broken unique rule becomes the kind's own answer when it declares one. */
async function writing<T>(kind: { uniqueViolation?(): Error }, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw kind.uniqueViolation && isUniqueViolation(error) ? kind.uniqueViolation() : error;
  }
}

/** Who creates it: the create's data without the stamps this module adds. */
type Stamped<Create> = Omit<Create, 'createdById' | 'updatedById'>;

/**
 * Inserts a record, stamped with its creator, in an org the user may write to (`orgId`, checked
 * before unless the caller already did: `orgChecked`), and audits it (CREATE).
 */
export async function createRecord<Row extends RecordRow, Where, Data, Create extends { orgId: string }>(
  tx: Tx,
  user: AuthUser,
  kind: RecordKind<Row, Where, Data, Create>,
  data: Stamped<Create>,
  options: { orgChecked?: boolean } = {},
): Promise<Row> {
  // The user's own org needs no lookup: the session was read with it (so it exists) and every
  // role reaches its own org (scope.ts reachesOrg). Any other org is loaded and checked.
  if (!options.orgChecked && data.orgId !== user.orgId) await loadWritableOrg(tx, user, data.orgId);
  const stamped = { ...data, createdById: user.id, updatedById: user.id } as unknown as Create;
  const row = await writing(kind, () => kind.table(tx).create(stamped));
  await auditCreated(tx, user, kind, row);
  return row;
}

/**
 * A create built in full before anything is written (ADR 037): the new row with every column,
 * the answer it makes and its audit event. plugins/write.ts runCreate writes it, with the
 * Idempotency-Key's stored answer, in one statement (the database function record_insert).
 */
export interface PreparedCreate<Item> {
  /** The kind's table: its entity type (the schema maps no model to another table name). */
  table: string;
  /** Every column of the new row, as the table stores it. */
  row: Record<string, unknown>;
  /** The org as the answer shows it: record_insert checks it is still so (else: prepare again, fresh). */
  org: NamedOrg;
  answer: Item;
  events: AuditEntry[];
}

/**
 * Prepares a record's create: checks the org (it must exist and be in the user's reach), and
 * builds the row as the database would store it: a new id, version 1, stamped with its creator
 * and the time, then the kind's fields. A kind's `created` must therefore name every column it
 * does not leave to these (a nullable one as null), or the insert leaves it null and fails on a
 * NOT NULL column; record-creates.test.ts compares each kind's answer and audit event with the row read back.
 */
export async function prepareCreate<Row extends RecordRow, Where, Data, Create extends { orgId: string }, Item>(
  db: Db,
  user: AuthUser,
  kind: RecordKind<Row, Where, Data, Create>,
  data: Stamped<Create>,
  answer: (row: Row) => Item,
  fresh = false,
): Promise<PreparedCreate<Item>> {
  const org = await loadWritableOrgName(db, user, data.orgId, fresh);
  const { name, path } = org;
  const stamped = {
    id: randomUUID(),
    version: 1,
    createdAt: new Date(),
    ...data,
    createdById: user.id,
    updatedById: user.id,
  };
  // Created and last changed at the same instant (a kind may set createdAt itself: a risk point).
  const columns = { ...stamped, updatedAt: stamped.createdAt };
  const row = { ...columns, org: { name, path } } as unknown as Row;
  return { table: kind.entityType, row: columns, org, answer: answer(row), events: [createdEvent(user, kind, row)] };
}

/**
 * Loads a record for a change (read action, reach, If-Match). A change that moves it to another
 * org (`orgId`) needs the same reach as creating it there.
 */
export async function loadForChange<Row extends RecordRow, Where, Data, Create>(
  tx: Tx,
  user: AuthUser,
  kind: RecordKind<Row, Where, Data, Create>,
  id: string,
  expectedVersion: number | undefined,
  input: { orgId?: string | undefined } = {},
): Promise<Row> {
  const before = await loadInScope(tx, user, kind, id, expectedVersion);
  if (input.orgId && input.orgId !== before.orgId) await loadWritableOrg(tx, user, input.orgId);
  return before;
}

/** When a kind's record may not be deleted, and what must still hold when it is. */
export interface DeleteRule<Row, Where> {
  /** The refusal for a record that may not go (e.g. one already counted as done). */
  refusal?(before: Row): Error | undefined;
  /** Conditions the row must still meet when it is deleted (the state the refusal judged). */
  where?: Where;
}

/**
 * The DELETE of a kind: loads the record (read action, reach, If-Match), checks the kind's rule,
 * and deletes it with its dependants and evidence (versionedDelete).
 */
export function deleteService<Row extends RecordRow, Where, Data, Create>(
  kind: RecordKind<Row, Where, Data, Create>,
  rule: DeleteRule<Row, Where> = {},
) {
  return async (tx: Tx, user: AuthUser, id: string, expectedVersion?: number): Promise<Removal> => {
    const before = await loadInScope(tx, user, kind, id, expectedVersion);
    const refusal = rule.refusal?.(before);
    if (refusal) throw refusal;
    return versionedDelete(tx, user, kind, before, rule.where === undefined ? {} : { where: rule.where });
  };
}

/** Audits a record just created in this transaction (CREATE, with its stored shape). */
export async function auditCreated<Row extends RecordRow>(
  tx: Tx,
  user: AuthUser,
  kind: RecordKind<Row, never, never, never>,
  row: Row,
): Promise<void> {
  await recordAudit(tx, createdEvent(user, kind, row));
}

/** The CREATE event of a record: its stored shape. */
function createdEvent<Row extends RecordRow>(
  user: AuthUser,
  kind: RecordKind<Row, never, never, never>,
  row: Row,
): AuditEntry {
  return {
    actorId: user.id,
    action: 'CREATE',
    entityType: kind.entityType,
    entityId: row.id,
    orgId: row.orgId,
    after: storedShape(kind, row),
  };
}

export interface UpdateOptions<Where> {
  /** More conditions the row must still meet (e.g. the state it was read in). */
  where?: Where;
  /** The audit action (default UPDATE). */
  action?: AuditAction;
  /** Added to the audit event's "after" (e.g. a correction's reason). */
  auditAfter?: Record<string, unknown>;
}

/**
 * Writes `data` to a record loaded in this transaction, conditional on its version (and `where`),
 * bumps the version, and audits the row before and after. Answers the row as it now stands.
 */
export async function versionedUpdate<Row extends RecordRow, Where, Data, Create>(
  tx: Tx,
  user: AuthUser,
  kind: RecordKind<Row, Where, Data, Create>,
  before: Row,
  data: Data,
  options: UpdateOptions<Where> = {},
): Promise<Row> {
  const table = kind.table(tx);
  // Conditional on the version just read, so a concurrent change cannot slip in between the
  // checks and this write (and the audit's "before" is exactly what was replaced).
  const { count } = await writing(kind, () =>
    table.updateMany({ ...options.where, id: before.id, version: before.version } as Where, {
      ...data,
      updatedById: user.id,
      version: { increment: 1 },
    }),
  );
  assertWritten(count);
  const row = await table.find(before.id);
  if (!row) throw new Error(`${kind.entityType} ${before.id} vanished inside its own transaction`);
  await recordAudit(tx, {
    actorId: user.id,
    action: options.action ?? 'UPDATE',
    entityType: kind.entityType,
    entityId: row.id,
    orgId: row.orgId,
    before: storedShape(kind, before),
    after: { ...storedShape(kind, row), ...options.auditAfter },
  });
  return row;
}

/** What a delete leaves to do after its transaction commits: the files only it referenced. */
export interface Removal {
  files: string[];
}

/**
 * Deletes a record loaded in this transaction, conditional on its version (and `where`), with its
 * dependants and its attachment rows, and audits it. The files are released after the commit
 * (releaseFiles): a file removed inside a transaction that then rolls back could not come back.
 */
export async function versionedDelete<Row extends RecordRow, Where, Data, Create>(
  tx: Tx,
  user: AuthUser,
  kind: RecordKind<Row, Where, Data, Create>,
  before: Row,
  options: { where?: Where } = {},
): Promise<Removal> {
  const counts: Record<string, number> = {};
  for (const dependant of kind.dependants ?? []) {
    const { count } = await dependant.remove(tx, before.id);
    if (dependant.auditCount) counts[dependant.auditCount] = count;
  }
  const { count } = await kind
    .table(tx)
    .deleteMany({ ...options.where, id: before.id, version: before.version } as Where);
  assertWritten(count);
  // Its evidence goes with it: an attachment row never outlives the record it belongs to.
  const evidence = { entityType: kind.entityType, entityId: before.id };
  const attachments = await tx.attachment.findMany({ where: evidence, select: { sha256: true, thumbnailSha: true } });
  await tx.attachment.deleteMany({ where: evidence });
  await recordAudit(tx, {
    actorId: user.id,
    action: 'DELETE',
    entityType: kind.entityType,
    entityId: before.id,
    orgId: before.orgId,
    before: { ...storedShape(kind, before), ...counts },
  });
  const files = attachments.flatMap((a) => (a.thumbnailSha ? [a.sha256, a.thumbnailSha] : [a.sha256]));
  return { files: [...new Set(files)] };
}

/**
 * After a delete committed: removes each stored file no attachment row references any more (the
 * same photo may be evidence on another record). Best effort: a file left behind is only space.
 */
export async function releaseFiles(prisma: PrismaClient, store: FileStore, removal: Removal): Promise<void> {
  for (const sha of removal.files) {
    const used = await prisma.attachment.count({ where: { OR: [{ sha256: sha }, { thumbnailSha: sha }] } });
    if (used === 0) await store.remove(sha);
  }
}
