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

/** Every org, by code, by name and by id: what an org cell may name. Loaded once per pass over a file. */
export interface Lookups {
  byCode: Map<string, OrgRef>;
  byName: Map<string, OrgRef[]>;
  byId: Map<string, OrgRef>;
}

export async function loadLookups(db: Db): Promise<Lookups> {
  const orgs = await db.orgUnit.findMany({
    select: { id: true, code: true, name: true, path: true, kind: true },
    orderBy: [{ path: 'asc' }],
  });
  const byCode = new Map<string, OrgRef>();
  const byName = new Map<string, OrgRef[]>();
  const byId = new Map<string, OrgRef>();
  for (const org of orgs) {
    byCode.set(org.code, org);
    byName.set(org.name, [...(byName.get(org.name) ?? []), org]);
    byId.set(org.id, org);
  }
  return { byCode, byName, byId };
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
  /**
   * The value of a blank cell (or a missing column) for this importer: a column with one is
   * optional (the 组织/支部 of a record: the importer's own org).
   */
  fallback?(ctx: SpecContext): unknown;
  /** The template gives the column a drop-down of the orgs the importer may write to. */
  reachableOrgs?: boolean;
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
  /** The org the row names, as written (record kinds): shown beside each problem of the row. */
  org?: string;
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
  /** The org a row's record is filed under (record kinds): the job counts rows per org. */
  orgOf?(item: I): string;
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
    } else if (column.fallback) {
      const value = column.fallback(ctx);
      if (value !== undefined) values[column.key] = value;
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
 * An org cell: the org's code, or its full name when that name is unique — among the orgs the
 * importer reaches, for record kinds (a 区 may hold two 街道 that each have a 一村党支部; a name is
 * read within the importer's own subtree). For record kinds the org must be within the importer's
 * reach, as loadWritableOrg requires of a form; a row naming another org is refused, and the
 * reason names that org and the importer's reach.
 */
export function readOrg(raw: Raw, ctx: SpecContext, options: { writable: boolean }): Read<string> {
  const text = readText(raw);
  if (!text.ok || text.value === undefined) return text;
  const wanted = text.value;
  const shown = wanted.slice(0, 50);
  const reachable = (org: OrgRef) => !options.writable || reachesOrg(ctx.user, org);
  let org = ctx.lookups.byCode.get(wanted);
  if (!org) {
    const named = ctx.lookups.byName.get(wanted) ?? [];
    const inReach = named.filter(reachable);
    if (inReach.length > 1) {
      const codes = inReach
        .map((o) => o.code)
        .sort()
        .slice(0, 5);
      return {
        ok: false,
        reason: `有 ${inReach.length} 个组织名为“${shown}”，请改填组织代码（${codes.join('、')}${inReach.length > 5 ? '等' : ''}）`,
      };
    }
    org = inReach[0] ?? named[0];
  }
  if (!org) return { ok: false, reason: `找不到组织“${shown}”，请填写组织代码或组织全称` };
  if (!reachable(org)) return { ok: false, reason: outOfReach(org, ctx) };
  return { ok: true, value: org.id };
}

/** Why a row naming `org` is refused: which org, and what the importer may import into. */
function outOfReach(org: OrgRef, ctx: SpecContext): string {
  const home = ctx.lookups.byId.get(ctx.user.orgId);
  const reach = home ? `“${home.name}”及其下级组织` : '本人所在组织及其下级组织';
  return `“${org.name}”（${org.code}）不在你的管辖范围内：只能导入${reach}的记录`;
}

/**
 * The template's 组织/支部 drop-down for this importer: every org they may write to, in tree
 * order, by full name (by code where two orgs in reach share a name), so each reads back as the
 * same org. None when the reach is wider than IMPORT_ORG_CHOICES_MAX.
 */
export function reachableOrgChoices(lookups: Lookups, user: AuthUser, max: number): string[] | undefined {
  const orgs = [...lookups.byId.values()].filter((org) => reachesOrg(user, org));
  if (orgs.length === 0 || orgs.length > max) return undefined;
  const names = new Map<string, number>();
  for (const org of orgs) names.set(org.name, (names.get(org.name) ?? 0) + 1);
  return orgs.map((org) => ((names.get(org.name) ?? 0) > 1 || lookups.byCode.has(org.name) ? org.code : org.name));
}

/** "header*" or "header ＊" → "header": a required mark and spaces do not matter when reading. */
export function normaliseHeader(text: string): string {
  return text.replace(/[\s*＊]/g, '');
}

/** The rows of `items` in chunks of `size`. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
