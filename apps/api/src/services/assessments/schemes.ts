// 考核细则 (issue 18, ADR 040): create, read, change, copy, put in use and delete the schemes an
// org issues to score the units one level below it. Who reads: anyone in the issuing org's
// subtree (the units it scores and their people) and anyone who reaches the issuing org (the
// levels above); a sibling's scheme is not revealed (404). Who writes: assessment:manage and the
// issuing org in reach (a unit's leader reading its 区's scheme is refused with 403). A scheme in
// use is locked; a change is a copy. Every change is audited in its transaction and names the row
// version it was made on (If-Match → 412).
import {
  type CopySchemeInput,
  type CreateSchemeInput,
  type ListSchemesQuerySchema,
  SCHEME_ISSUER_LEVELS,
  SCHEME_LIST_MAX,
  SCHEME_TOTAL_DEFAULT,
  type Scheme,
  type SchemeCategory,
  type SchemeCategoryInput,
  SchemeCategoryInputSchema,
  type SchemeLevel,
  type SchemeList,
  type SchemeShape,
  type SchemeSummary,
  STARTER_SCHEME_NAME,
  type StarterSchemeInput,
  schemeIssues,
  schemeWarnings,
  starterSchemeCategories,
  sumPoints,
  type UpdateSchemeInput,
} from '@dutyboard/contracts/assessments';
import { orgLevelOf } from '@dutyboard/contracts/orgs';
import { periodFromCode } from '@dutyboard/contracts/periods';
import { periodName } from '@dutyboard/contracts/plan';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { AppError, forbidden, notFound, validationError } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg, reachesOrg } from '../orgs/scope.ts';
import { assertWritten, checkVersion } from '../records/versioning.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const ENTITY = 'AssessmentScheme';

export interface SchemeRow {
  id: string;
  version: number;
  orgId: string;
  level: string;
  periodCode: string;
  name: string;
  number: number;
  state: 'DRAFT' | 'IN_USE';
  total: number;
  categories: Prisma.JsonValue;
  copiedFromId: string | null;
  createdById: string | null;
  updatedById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface Org {
  id: string;
  name: string;
  path: string;
  kind: Parameters<typeof orgLevelOf>[0];
}

/** A day moved by whole years; 29 February becomes the 28th in a year without it. */
function shiftDay(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** The stored tree (every item with its key), as written by this module. */
export function storedCategories(value: Prisma.JsonValue): SchemeCategoryInput[] {
  return SchemeCategoryInputSchema.array().parse(value);
}

function withPoints(categories: SchemeCategoryInput[]): SchemeCategory[] {
  return categories.map((c) => ({
    title: c.title,
    points: sumPoints(c.items),
    items: c.items.map((i) => ({ ...i, key: i.key ?? '' })),
  }));
}

function summaryOf(row: SchemeRow, orgName: string): SchemeSummary {
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName,
    level: row.level as SchemeLevel,
    periodCode: row.periodCode,
    periodName: periodName(periodFromCode(row.periodCode)),
    name: row.name,
    number: row.number,
    state: row.state,
    total: row.total,
    copiedFromId: row.copiedFromId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toScheme(row: SchemeRow, orgName: string): Scheme {
  const categories = storedCategories(row.categories);
  return { ...summaryOf(row, orgName), categories: withPoints(categories), warnings: schemeWarnings({ categories }) };
}

/** Whether the user may read what an org issued: it is in reach, or the user sits inside it. */
export function readsIssuer(user: AuthUser, org: { id: string; path: string }): boolean {
  return reachesOrg(user, org) || user.orgPath.startsWith(org.path);
}

/** A scheme the user may read, with its issuing org: 404 when missing or not readable. */
export async function loadScheme(db: Db, user: AuthUser, id: string): Promise<{ row: SchemeRow; org: Org }> {
  const row = await db.assessmentScheme.findUnique({ where: { id } });
  if (!row) throw notFound('AssessmentScheme');
  const org = await db.orgUnit.findUnique({
    where: { id: row.orgId },
    select: { id: true, name: true, path: true, kind: true },
  });
  if (!org || !readsIssuer(user, org)) throw notFound('AssessmentScheme');
  return { row, org };
}

/** A scheme the user may change: readable, the issuer in reach (403 otherwise), and still a draft. */
async function loadWritableScheme(tx: Db, user: AuthUser, id: string, expectedVersion: number | undefined) {
  const loaded = await loadScheme(tx, user, id);
  if (!reachesOrg(user, loaded.org)) throw forbidden({ key: 'auth.outOfReach' });
  checkVersion(loaded.row, expectedVersion);
  if (loaded.row.state !== 'DRAFT') throw new AppError('CONFLICT', { key: 'scheme.inUse' });
  return loaded;
}

/** The org a new scheme is issued by: in reach (403), of a level that may score `level` (400). */
async function loadIssuer(db: Db, user: AuthUser, orgId: string, level: SchemeLevel): Promise<Org> {
  const org = await db.orgUnit.findUnique({
    where: { id: orgId },
    select: { id: true, name: true, path: true, kind: true },
  });
  if (!org) throw notFound('OrgUnit');
  if (!reachesOrg(user, org)) throw forbidden({ key: 'auth.outOfReach' });
  checkIssuer(org, level);
  return org;
}

function checkIssuer(org: Org, level: SchemeLevel) {
  if (!SCHEME_ISSUER_LEVELS[level].includes(orgLevelOf(org.kind))) {
    throw new AppError('VALIDATION_FAILED', { key: 'scheme.issuerLevel', params: { kind: org.kind, level } });
  }
}

/** Refuses a tree with errors (400, each naming its field); gives every item without a key one. */
function checkedTree(shape: SchemeShape): SchemeCategoryInput[] {
  const issues = schemeIssues(shape);
  if (issues.length > 0) {
    throw validationError(
      issues.map((i) => ({ field: i.path, code: 'custom', message: i.message })),
      { key: 'scheme.invalidTree' },
    );
  }
  const used = new Set(shape.categories.flatMap((c) => c.items.flatMap((i) => (i.key ? [i.key] : []))));
  return shape.categories.map((c) => ({
    title: c.title,
    items: c.items.map((i) => {
      if (i.key) return i;
      let key: string;
      do key = crypto.randomUUID().slice(0, 8);
      while (used.has(key));
      used.add(key);
      return { ...i, key };
    }),
  }));
}

async function nextNumber(tx: Prisma.TransactionClient, orgId: string, level: string, period: string) {
  // One create at a time per (org, level, period), so two cannot take the same edition number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`scheme:${orgId}:${level}:${period}`}, 0))`;
  const last = await tx.assessmentScheme.aggregate({
    where: { orgId, level, periodCode: period },
    _max: { number: true },
  });
  return (last._max.number ?? 0) + 1;
}

async function insertScheme(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  org: Org,
  data: { level: SchemeLevel; period: string; name: string; total: number; categories: SchemeCategoryInput[] },
  copiedFromId: string | null,
): Promise<Scheme> {
  const categories = checkedTree({ period: data.period, total: data.total, categories: data.categories });
  const row = await tx.assessmentScheme.create({
    data: {
      orgId: org.id,
      level: data.level,
      periodCode: data.period,
      name: data.name,
      number: await nextNumber(tx, org.id, data.level, data.period),
      total: data.total,
      categories: categories as unknown as Prisma.InputJsonValue,
      copiedFromId,
      createdById: user.id,
      updatedById: user.id,
    },
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: 'CREATE',
    entityType: ENTITY,
    entityId: row.id,
    orgId: row.orgId,
    after: { ...row },
  });
  return toScheme(row, org.name);
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function getScheme(prisma: PrismaClient, user: AuthUser, id: string): Promise<Scheme> {
  const { row, org } = await loadScheme(prisma, user, id);
  return toScheme(row, org.name);
}

/**
 * The schemes an org issued and those issued above it that score its level (default org: the
 * caller's home), newest period first.
 */
export async function listSchemes(
  prisma: PrismaClient,
  user: AuthUser,
  query: z.output<typeof ListSchemesQuerySchema>,
): Promise<SchemeList> {
  const org = await loadReachableOrg(prisma, user, query.org ?? user.orgId);
  const ancestors = org.path.split('/').filter((id) => id !== '' && id !== org.id);
  const rows = await prisma.assessmentScheme.findMany({
    where: {
      OR: [{ orgId: org.id }, { orgId: { in: ancestors }, level: orgLevelOf(org.kind) }],
      ...(query.period ? { periodCode: query.period } : {}),
    },
    orderBy: [{ periodCode: 'desc' }, { number: 'desc' }, { createdAt: 'desc' }],
    take: SCHEME_LIST_MAX,
  });
  const orgs = await prisma.orgUnit.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.orgId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return { items: rows.map((r) => summaryOf(r, names.get(r.orgId) ?? '')) };
}

// ---------------------------------------------------------------------------------------------
// Writing (inside the caller's transaction: plugins/write.ts)

export async function createScheme(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: CreateSchemeInput,
): Promise<Scheme> {
  const org = await loadIssuer(tx, user, input.org, input.level);
  return insertScheme(tx, user, org, input, null);
}

/** The starter 细则 for scoring 街道 (contracts starterSchemeCategories), as a new draft of a 区. */
export async function createStarterScheme(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: StarterSchemeInput,
): Promise<Scheme> {
  const org = await loadIssuer(tx, user, input.org, 'STREET');
  return insertScheme(
    tx,
    user,
    org,
    {
      level: 'STREET',
      period: input.period,
      name: STARTER_SCHEME_NAME(periodName(periodFromCode(input.period))),
      total: SCHEME_TOTAL_DEFAULT,
      categories: starterSchemeCategories(input.period),
    },
    null,
  );
}

/**
 * Copy: a new DRAFT with the same tree (item keys kept) from a scheme the caller reads — e.g. last
 * year's, or the 区's as a model for a 街道's own — for an org the caller manages (default: the
 * same issuer) and a period (default: the same). DEADLINE months are moved by whole years.
 */
export async function copyScheme(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: CopySchemeInput,
): Promise<Scheme> {
  const { row } = await loadScheme(tx, user, id);
  const level = row.level as SchemeLevel;
  const org = await loadIssuer(tx, user, input.org ?? row.orgId, level);
  const period = input.period ?? row.periodCode;
  const years = periodFromCode(period).year - periodFromCode(row.periodCode).year;
  const categories = storedCategories(row.categories).map((c) => ({
    ...c,
    items: c.items.map((i) =>
      i.rule.type === 'DEADLINE' && years !== 0
        ? {
            ...i,
            rule: {
              ...i.rule,
              dueMonth: `${Number(i.rule.dueMonth.slice(0, 4)) + years}${i.rule.dueMonth.slice(4)}`,
              ...(i.rule.dueOn ? { dueOn: shiftDay(i.rule.dueOn, years) } : {}),
            },
          }
        : i,
    ),
  }));
  return insertScheme(
    tx,
    user,
    org,
    { level, period, name: input.name ?? row.name, total: row.total, categories },
    row.id,
  );
}

export async function updateScheme(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdateSchemeInput,
  expectedVersion: number | undefined,
): Promise<Scheme> {
  const { row: before, org } = await loadWritableScheme(tx, user, id, expectedVersion);
  const level = input.level ?? (before.level as SchemeLevel);
  if (input.level) checkIssuer(org, level);
  const merged = {
    period: input.period ?? before.periodCode,
    total: input.total ?? before.total,
    categories: input.categories ?? storedCategories(before.categories),
  };
  const categories = checkedTree(merged);
  // Moved to another level or period: it becomes the next edition there.
  const moved = level !== before.level || merged.period !== before.periodCode;
  return changeScheme(tx, user, before, org.name, 'UPDATE', {
    level,
    periodCode: merged.period,
    ...(moved ? { number: await nextNumber(tx, org.id, level, merged.period) } : {}),
    name: input.name ?? before.name,
    total: merged.total,
    categories: categories as unknown as Prisma.InputJsonValue,
  });
}

/** 启用: the scheme is locked from now on (a campaign opened on it puts it in use the same way). */
export async function useScheme(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  expectedVersion: number | undefined,
): Promise<Scheme> {
  const { row: before, org } = await loadWritableScheme(tx, user, id, expectedVersion);
  return changeScheme(tx, user, before, org.name, 'TRANSITION', { state: 'IN_USE' });
}

async function changeScheme(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  before: SchemeRow,
  orgName: string,
  action: 'UPDATE' | 'TRANSITION',
  data: Prisma.AssessmentSchemeUncheckedUpdateManyInput,
): Promise<Scheme> {
  const { count } = await tx.assessmentScheme.updateMany({
    where: { id: before.id, version: before.version, state: 'DRAFT' },
    data: { ...data, updatedById: user.id, version: { increment: 1 } },
  });
  assertWritten(count);
  const row = await tx.assessmentScheme.findUniqueOrThrow({ where: { id: before.id } });
  await recordAudit(tx, {
    actorId: user.id,
    action,
    entityType: ENTITY,
    entityId: row.id,
    orgId: row.orgId,
    before: { ...before },
    after: { ...row },
  });
  return toScheme(row, orgName);
}

export async function deleteScheme(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  const { row: before } = await loadWritableScheme(tx, user, id, expectedVersion);
  const { count } = await tx.assessmentScheme.deleteMany({ where: { id, version: before.version, state: 'DRAFT' } });
  assertWritten(count);
  await recordAudit(tx, {
    actorId: user.id,
    action: 'DELETE',
    entityType: ENTITY,
    entityId: before.id,
    orgId: before.orgId,
    before: { ...before },
  });
}
