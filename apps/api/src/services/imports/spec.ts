// What an import kind is made of (its columns, how a row becomes a create input, its natural key,
// how new rows are written and read back for the audit trail), and the helpers the kinds share:
// reading the columns of a row, checking the input with the API's own create schema and naming
// each issue's column in Chinese, and resolving an org cell to an org the importer may write to.
import type { ImportKind, ImportProblem } from '@dutyboard/contracts/imports';
import type { OrgKind } from '@dutyboard/contracts/orgs';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import type { AuthUser } from '../auth/sessions.ts';
import { reachesOrg } from '../orgs/scope.ts';
import type { Raw, Read } from './cells.ts';
import { readText } from './cells.ts';

export type Db = PrismaClient | Prisma.TransactionClient;

export interface OrgRef {
  id: string;
  code: string;
  name: string;
  path: string;
  kind: OrgKind;
}

/** Every org, by code and by name: what an org cell may name. Loaded once per pass over a file. */
export interface Lookups {
  byCode: Map<string, OrgRef>;
  byName: Map<string, OrgRef[]>;
}

export async function loadLookups(db: Db): Promise<Lookups> {
  const orgs = await db.orgUnit.findMany({ select: { id: true, code: true, name: true, path: true, kind: true } });
  const byCode = new Map<string, OrgRef>();
  const byName = new Map<string, OrgRef[]>();
  for (const org of orgs) {
    byCode.set(org.code, org);
    byName.set(org.name, [...(byName.get(org.name) ?? []), org]);
  }
  return { byCode, byName };
}

export interface SpecContext {
  user: AuthUser;
  lookups: Lookups;
}

export interface InsertContext {
  user: AuthUser;
  /** createdAt/updatedAt of every record of the import. */
  now: Date;
}

export interface ColumnSpec {
  /** The input field the column fills. */
  key: string;
  /** The Chinese header, as in the template (without the * that marks a required column). */
  header: string;
  required: boolean;
  /** Width in Excel characters. */
  width: number;
  /** What to write, for the 填写说明 sheet. */
  hint: string;
  example: string;
  /** Allowed values (Chinese labels): a drop-down in the template. */
  choices?: readonly string[];
  /** Stored as text in the template, so Excel keeps codes like "001" as typed. */
  text?: boolean;
  /** Schema fields whose issues this column reports (default: key). */
  fields?: readonly string[];
  read(raw: Raw, ctx: SpecContext): Read<unknown>;
}

export interface Item {
  /** The row as Excel numbers it. */
  row: number;
  /** Natural key: equal keys are the same record. */
  key: string;
}

export interface RowResult<I extends Item> {
  item?: I;
  problems: ImportProblem[];
  /** A bad row's key when it could be read, so rows naming it can say where the fault is. */
  badKey?: string;
}

/** One created record as the audit trail keeps it. */
export interface AuditedRecord {
  entityId: string;
  orgId: string | null;
  after: unknown;
}

export interface ImportSpec<I extends Item = Item> {
  kind: ImportKind;
  /** AuditEvent.entityType of the records created. */
  entityType: string;
  columns: readonly ColumnSpec[];
  /** Headers an export of this list adds (录入时间, 记录编号…): read past, not refused. */
  ignoredHeaders: readonly string[];
  /** What makes two rows the same record, for "与第N行重复（…相同）". */
  keyLabel: string;
  parse(cells: ReadonlyMap<string, Raw>, row: number, ctx: SpecContext): RowResult<I>;
  /**
   * Checks across rows once every row is read (the org tree: parents named by code anywhere in
   * the file). Kinds with it keep every item in memory; it answers them in insertion order.
   */
  finish?(
    items: I[],
    ctx: SpecContext,
    badRows: ReadonlyMap<string, number>,
  ): { items: I[]; problems: ImportProblem[] };
  /** The keys among `items` that already exist as records: those rows are skipped. */
  existing(db: Db, items: readonly I[], ctx: SpecContext): Promise<Set<string>>;
  /** Writes the items; answers the new records as stored (what their CREATE audit events keep). */
  insert(tx: Prisma.TransactionClient, items: readonly I[], ctx: InsertContext): Promise<AuditedRecord[]>;
}

/** Reads every column of a row; `failed` names the fields whose cell could not be read. */
export function readColumns(
  columns: readonly ColumnSpec[],
  cells: ReadonlyMap<string, Raw>,
  row: number,
  ctx: SpecContext,
): { values: Record<string, unknown>; problems: ImportProblem[]; failed: Set<string> } {
  const values: Record<string, unknown> = {};
  const problems: ImportProblem[] = [];
  const failed = new Set<string>();
  for (const column of columns) {
    const raw = cells.get(column.key) ?? null;
    const read = column.read(raw, ctx);
    if (!read.ok) {
      problems.push({ row, column: column.header, reason: read.reason });
      failed.add(column.key);
      for (const field of column.fields ?? []) failed.add(field);
    } else if (read.value !== undefined) {
      values[column.key] = read.value;
    }
  }
  return { values, problems, failed };
}

type Issue = z.core.$ZodIssue;

/** A zod issue as a person reads it under its column's header. */
function issueReason(issue: Issue, missing: boolean): string {
  if (missing) return '必填，不能为空';
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${issue.maximum} 个字`;
      if (issue.origin === 'array') return `不能超过 ${issue.maximum} 项`;
      if (issue.origin === 'number' || issue.origin === 'int') return `不能大于 ${issue.maximum}`;
      return issue.message;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`;
      if (issue.origin === 'number' || issue.origin === 'int') return `不能小于 ${issue.minimum}`;
      return issue.message;
    case 'invalid_format':
      return '格式不正确';
    default:
      return issue.message;
  }
}

/**
 * Checks `input` with the API's create schema. Each issue becomes a problem under the column
 * that fills its field; issues of fields whose cell already failed to read are not repeated.
 */
export function checkSchema<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
  row: number,
  columns: readonly ColumnSpec[],
  failed: ReadonlySet<string>,
): { data?: z.output<S>; problems: ImportProblem[] } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return failed.size === 0 ? { data: parsed.data, problems: [] } : { problems: [] };
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (failed.has(field)) continue;
    const column = columns.find((c) => c.key === field || c.fields?.includes(field));
    const reason = issueReason(issue, field !== '' && input[field] === undefined);
    // One problem per column and reason: a strict schema can report the same field twice.
    const dedupe = `${column?.header ?? ''}|${reason}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    problems.push({ row, column: column?.header ?? null, reason });
  }
  return { problems };
}

/** Cell → trimmed text (no further rules: the schema has them). */
export const textCell = (raw: Raw) => readText(raw);

/**
 * An org cell: the org's code, or its full name when that name is unique. For record kinds the
 * org must be within the importer's reach, as loadWritableOrg requires of a form.
 */
export function readOrg(raw: Raw, ctx: SpecContext, options: { writable: boolean }): Read<string> {
  const text = readText(raw);
  if (!text.ok || text.value === undefined) return text;
  const wanted = text.value;
  let org = ctx.lookups.byCode.get(wanted);
  if (!org) {
    const named = ctx.lookups.byName.get(wanted) ?? [];
    if (named.length > 1) {
      return { ok: false, reason: `有 ${named.length} 个组织名为“${wanted}”，请改填组织代码` };
    }
    org = named[0];
  }
  if (!org) return { ok: false, reason: `找不到组织“${wanted.slice(0, 50)}”，请填写组织代码或组织全称` };
  if (options.writable && !reachesOrg(ctx.user, org)) {
    return { ok: false, reason: '只能导入本支部（及下级组织）的记录' };
  }
  return { ok: true, value: org.id };
}

/** "header*" or "header ＊" → "header": a required mark and spaces do not matter when reading. */
export function normaliseHeader(text: string): string {
  return text.replace(/[\s*＊]/g, '');
}

/** The rows of `items` in chunks of `size`. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
