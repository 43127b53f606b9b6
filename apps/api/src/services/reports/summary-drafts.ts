// Saved 工作总结 drafts (ReportDraft rows of kind HALF_YEAR_SUMMARY): the edited document with its
// period, org and author. Reading follows the org's reach (another branch's draft answers 404);
// every save is audited in its transaction; an edit names the version it was made on (If-Match),
// so two people editing the same draft cannot overwrite each other unknowingly (412).
import { periodFromCode } from '@dutyboard/contracts/periods';
import { periodName } from '@dutyboard/contracts/plan';
import {
  type ListSummariesQuerySchema,
  type SavedSummary,
  type SavedSummaryList,
  type SaveSummaryInput,
  SUMMARY_KIND,
  SUMMARY_LIST_MAX,
  type SummaryContent,
  SummaryContentSchema,
  type UpdateSummaryInput,
} from '@dutyboard/contracts/reports';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { notFound } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg, loadWritableOrg, reachesOrg } from '../orgs/scope.ts';
import { assertWritten, checkVersion } from '../records/versioning.ts';

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
  const names = await namesOf(db, [row.createdById, row.updatedById]);
  return { ...listFields(row, orgName, names), content: SummaryContentSchema.parse(row.content) };
}

/** The stored shape written to the audit trail. */
function auditShape(row: DraftRow) {
  return { ...row };
}

/** A draft the user may read: 404 when missing, another kind, or outside the user's reach. */
async function loadDraft(db: Db, user: AuthUser, id: string) {
  const row = await db.reportDraft.findUnique({ where: { id } });
  if (!row || row.kind !== SUMMARY_KIND) throw notFound('ReportDraft');
  const org = await db.orgUnit.findUnique({ where: { id: row.orgId }, select: { id: true, path: true, name: true } });
  if (!org || !reachesOrg(user, org)) throw notFound('ReportDraft');
  return { row, org };
}

export async function getSummaryDraft(prisma: PrismaClient, user: AuthUser, id: string): Promise<SavedSummary> {
  const { row, org } = await loadDraft(prisma, user, id);
  return toSaved(prisma, row, org.name);
}

/** Saved drafts of one org (default: the caller's home org), newest change first. */
export async function listSummaryDrafts(
  prisma: PrismaClient,
  user: AuthUser,
  query: z.output<typeof ListSummariesQuerySchema>,
): Promise<SavedSummaryList> {
  const org = await loadReachableOrg(prisma, user, query.org ?? user.orgId);
  const rows = await prisma.reportDraft.findMany({
    where: { kind: SUMMARY_KIND, orgId: org.id, ...(query.period ? { periodCode: query.period } : {}) },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: SUMMARY_LIST_MAX,
  });
  const names = await namesOf(
    prisma,
    rows.flatMap((r) => [r.createdById, r.updatedById]),
  );
  return { items: rows.map((r) => listFields(r, org.name, names)) };
}

/** Runs inside the caller's transaction (plugins/write.ts). */
export async function saveSummaryDraft(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: SaveSummaryInput,
): Promise<SavedSummary> {
  const org = await loadWritableOrg(tx, user, input.org);
  const row = await tx.reportDraft.create({
    data: {
      kind: SUMMARY_KIND,
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
  const content: SummaryContent = input.content;
  // Conditional on the version just read: a concurrent save in between makes this one a 412.
  const { count } = await tx.reportDraft.updateMany({
    where: { id, version: before.version },
    data: {
      title: oneLineTitle(content.title),
      content: content as Prisma.InputJsonValue,
      updatedById: user.id,
      version: { increment: 1 },
    },
  });
  assertWritten(count);
  const row = await tx.reportDraft.findUniqueOrThrow({ where: { id } });
  await recordAudit(tx, {
    actorId: user.id,
    action: 'UPDATE',
    entityType: ENTITY,
    entityId: row.id,
    orgId: row.orgId,
    before: auditShape(before),
    after: auditShape(row),
  });
  return toSaved(tx, row, org.name);
}
