// Saved 工作总结 and the other reports drafted from records (ReportDraft rows, one `kind` of
// contracts/report-kinds.ts each, ADR 047): the versions of one document — the report of one
// kind, org and period — each the edited text with its author. A new save is the next
// version (1, 2, …); a draft version is edited in place and may be deleted; 定稿 locks a version
// (no edit, no delete: a change is a new version made from it). Reading follows the org's reach
// (another branch's summary answers 404); every change is audited in its transaction; a change
// names the row version it was made on (If-Match), so two people cannot overwrite each other
// unknowingly (412). ADR 016, ADR 033.
import { periodFromCode } from '@dutyboard/contracts/periods';
import { periodName } from '@dutyboard/contracts/plan';
import { REPORT_KINDS } from '@dutyboard/contracts/report-kinds';
import {
  type ListSummariesQuerySchema,
  type SavedSummary,
  type SavedSummaryList,
  type SaveSummaryInputSchema,
  SUMMARY_KIND,
  SUMMARY_LIST_MAX,
  type SummaryContent,
  SummaryContentSchema,
  type UpdateSummaryInput,
} from '@dutyboard/contracts/reports';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { AppError, notFound } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg, loadWritableOrg, reachesOrg } from '../orgs/scope.ts';
import { assertWritten, checkVersion } from '../records/versioning.ts';
import { rectificationsFromSummary } from './summary-rectifications.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const ENTITY = 'ReportDraft';

interface DraftRow {
  id: string;
  version: number;
  kind: string;
  periodCode: string;
  orgId: string;
  title: string;
  content: Prisma.JsonValue;
  createdById: string | null;
  updatedById: string | null;
  createdAt: Date;
  updatedAt: Date;
  number: number;
  state: 'DRAFT' | 'FINAL';
  finalizedAt: Date | null;
  finalizedById: string | null;
}

/** The title as one line, for lists and the title column ("城南街道党工委2026年上半年…"). */
export function oneLineTitle(title: string): string {
  return title.replace(/\s*\n\s*/g, '').trim();
}

/** Display names of the given users, one query (a transaction may not run queries side by side). */
async function namesOf(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

function listFields(row: DraftRow, orgName: string, names: Map<string, string>) {
  return {
    id: row.id,
    version: row.version,
    number: row.number,
    state: row.state,
    finalizedAt: row.finalizedAt?.toISOString() ?? null,
    finalizedById: row.finalizedById,
    finalizedByName: row.finalizedById ? (names.get(row.finalizedById) ?? null) : null,
    kind: row.kind,
    periodCode: row.periodCode,
    periodName: periodName(periodFromCode(row.periodCode)),
    orgId: row.orgId,
    orgName,
    title: row.title,
    createdById: row.createdById,
    createdByName: row.createdById ? (names.get(row.createdById) ?? null) : null,
    updatedById: row.updatedById,
    updatedByName: row.updatedById ? (names.get(row.updatedById) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function toSaved(db: Db, row: DraftRow, orgName: string): Promise<SavedSummary> {
  const names = await namesOf(db, [row.createdById, row.updatedById, row.finalizedById]);
  return { ...listFields(row, orgName, names), content: SummaryContentSchema.parse(row.content) };
}

const finalLocked = () => new AppError('CONFLICT', { key: 'summary.final' });

/** The stored shape written to the audit trail. */
function auditShape(row: DraftRow) {
  return { ...row };
}

/** A draft the user may read: 404 when missing, of no declared kind, or outside the user's reach. */
export async function loadDraft(db: Db, user: AuthUser, id: string) {
  const row = await db.reportDraft.findUnique({ where: { id } });
  if (!row || !(REPORT_KINDS as readonly string[]).includes(row.kind)) throw notFound('ReportDraft');
  const org = await db.orgUnit.findUnique({
    where: { id: row.orgId },
    select: { id: true, path: true, name: true, parentId: true },
  });
  if (!org || !reachesOrg(user, org)) throw notFound('ReportDraft');
  return { row, org };
}

export async function getSummaryDraft(prisma: PrismaClient, user: AuthUser, id: string): Promise<SavedSummary> {
  const { row, org } = await loadDraft(prisma, user, id);
  return toSaved(prisma, row, org.name);
}

/** Saved versions of one org's summaries (default: the caller's home org), newest version first. */
export async function listSummaryDrafts(
  prisma: PrismaClient,
  user: AuthUser,
  query: z.output<typeof ListSummariesQuerySchema>,
): Promise<SavedSummaryList> {
  const org = await loadReachableOrg(prisma, user, query.org ?? user.orgId);
  const rows = await prisma.reportDraft.findMany({
    where: { kind: query.kind, orgId: org.id, ...(query.period ? { periodCode: query.period } : {}) },
    orderBy: [{ periodCode: 'desc' }, { number: 'desc' }],
    take: SUMMARY_LIST_MAX,
  });
  const names = await namesOf(
    prisma,
    rows.flatMap((r) => [r.createdById, r.updatedById, r.finalizedById]),
  );
  return { items: rows.map((r) => listFields(r, org.name, names)) };
}

/**
 * One change at a time per document (kind, org, period): two saves cannot both take the same next
 * number, and two 定稿 of a 总结 cannot both create its rectifications.
 */
async function lockDocument(tx: Prisma.TransactionClient, kind: string, orgId: string, periodCode: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`summary:${kind}:${orgId}:${periodCode}`}, 0))`;
}

/** Runs inside the caller's transaction (plugins/write.ts). */
export async function saveSummaryDraft(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: z.output<typeof SaveSummaryInputSchema>,
): Promise<SavedSummary> {
  const org = await loadWritableOrg(tx, user, input.org);
  await lockDocument(tx, input.kind, org.id, input.period);
  const last = await tx.reportDraft.aggregate({
    where: { kind: input.kind, orgId: org.id, periodCode: input.period },
    _max: { number: true },
  });
  const row = await tx.reportDraft.create({
    data: {
      number: (last._max.number ?? 0) + 1,
      kind: input.kind,
      periodCode: input.period,
      orgId: org.id,
      title: oneLineTitle(input.content.title),
      content: input.content as Prisma.InputJsonValue,
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
    after: auditShape(row),
  });
  return toSaved(tx, row, org.name);
}

export async function updateSummaryDraft(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdateSummaryInput,
  expectedVersion: number | undefined,
): Promise<SavedSummary> {
  const { row: before, org } = await loadDraft(tx, user, id);
  checkVersion(before, expectedVersion);
  if (before.state === 'FINAL') throw finalLocked();
  const content: SummaryContent = input.content;
  return changeDraft(tx, user, before, org.name, {
    title: oneLineTitle(content.title),
    content: content as Prisma.InputJsonValue,
  });
}

/** 定稿: locks a draft version (If-Match); a version already final is refused. */
export async function finalizeSummaryDraft(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  expectedVersion: number | undefined,
): Promise<SavedSummary> {
  const { row: before, org } = await loadDraft(tx, user, id);
  checkVersion(before, expectedVersion);
  if (before.state === 'FINAL') throw finalLocked();
  await lockDocument(tx, before.kind, before.orgId, before.periodCode);
  const saved = await changeDraft(tx, user, before, org.name, {
    state: 'FINAL',
    finalizedAt: new Date(),
    finalizedById: user.id,
  });
  // A 总结's 存在问题 become tracked items (上期问题整改情况 of the next period), once per problem.
  if (before.kind === SUMMARY_KIND) await rectificationsFromSummary(tx, user, saved);
  return saved;
}

/**
 * Changes a draft version conditionally on the version just read (a concurrent save in between
 * makes this one a 412, and a version made final meanwhile is not touched), and audits it.
 */
async function changeDraft(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  before: DraftRow,
  orgName: string,
  data: Prisma.ReportDraftUncheckedUpdateManyInput,
): Promise<SavedSummary> {
  const { count } = await tx.reportDraft.updateMany({
    where: { id: before.id, version: before.version, state: 'DRAFT' },
    data: { ...data, updatedById: user.id, version: { increment: 1 } },
  });
  assertWritten(count);
  const row = await tx.reportDraft.findUniqueOrThrow({ where: { id: before.id } });
  await recordAudit(tx, {
    actorId: user.id,
    action: 'UPDATE',
    entityType: ENTITY,
    entityId: row.id,
    orgId: row.orgId,
    before: auditShape(before),
    after: auditShape(row),
  });
  return toSaved(tx, row, orgName);
}

/** Deletes a draft version (If-Match); a final one is kept. */
export async function deleteSummaryDraft(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  const { row: before } = await loadDraft(tx, user, id);
  checkVersion(before, expectedVersion);
  if (before.state === 'FINAL') throw new AppError('CONFLICT', { key: 'summary.finalNoDelete' });
  const { count } = await tx.reportDraft.deleteMany({ where: { id, version: before.version, state: 'DRAFT' } });
  assertWritten(count);
  await recordAudit(tx, {
    actorId: user.id,
    action: 'DELETE',
    entityType: ENTITY,
    entityId: before.id,
    orgId: before.orgId,
    before: auditShape(before),
  });
}
