// 报送 of a FINAL report (issue 19, ADR 047): the sending org's leadership marks a report version
// sent — to an org above its own (the parent by default), on a day, with its 文号. One per
// document (kind, org, period): a second 报送 of the same document is a 409, a retried request
// (same Idempotency-Key) gets the first answer back. The receiving org's readers list what
// arrived; the rollup source report_sent counts the rows for the figures (figures.ts).
import { localDateToInstant, periodFromCode, shanghaiLocalDate } from '@dutyboard/contracts/periods';
import { periodName } from '@dutyboard/contracts/plan';
import type { ReportKind } from '@dutyboard/contracts/report-kinds';
import type {
  ListReportSubmissionsQuerySchema,
  ReportDraftState,
  ReportSubmission,
  ReportSubmissionList,
  SubmitReportInput,
} from '@dutyboard/contracts/report-submissions';
import { REPORT_SUBMISSIONS_MAX } from '@dutyboard/contracts/report-submissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { AppError, fieldIssue, validationError } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg, loadWritableOrg, orgIdsInScope } from '../orgs/scope.ts';
import { dayRange } from '../records/keyset.ts';
import { checkVersion } from '../records/versioning.ts';
import { loadDraft } from './summary-drafts.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const ENTITY = 'ReportSubmission';

interface SubmissionRow {
  id: string;
  version: number;
  reportDraftId: string;
  kind: string;
  periodCode: string;
  orgId: string;
  toOrgId: string;
  sentAt: Date;
  docNumber: string;
  createdById: string | null;
  createdAt: Date;
}

/** The rows as answers: org, receiver, author and title read in three queries for the whole list. */
async function answers(db: Db, rows: SubmissionRow[]): Promise<ReportSubmission[]> {
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.flatMap((r) => [r.orgId, r.toOrgId]))];
  const userIds = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const orgs = new Map(
    (await db.orgUnit.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } })).map((o) => [
      o.id,
      o.name,
    ]),
  );
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } })).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const drafts = new Map(
    (
      await db.reportDraft.findMany({
        where: { id: { in: rows.map((r) => r.reportDraftId) } },
        select: { id: true, title: true },
      })
    ).map((d) => [d.id, d.title]),
  );
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    reportDraftId: r.reportDraftId,
    kind: r.kind as ReportKind,
    periodCode: r.periodCode,
    periodName: periodName(periodFromCode(r.periodCode)),
    title: drafts.get(r.reportDraftId) ?? '',
    orgId: r.orgId,
    orgName: orgs.get(r.orgId) ?? '',
    toOrgId: r.toOrgId,
    toOrgName: orgs.get(r.toOrgId) ?? '',
    sentOn: shanghaiLocalDate(r.sentAt),
    sentAt: r.sentAt.toISOString(),
    docNumber: r.docNumber,
    createdByName: r.createdById ? (users.get(r.createdById) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Marks a FINAL report version sent (runs in the caller's transaction, plugins/write.ts). */
export async function submitReport(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  draftId: string,
  input: SubmitReportInput,
  expectedVersion: number | undefined,
  now = new Date(),
): Promise<ReportSubmission> {
  const { row: draft, org } = await loadDraft(tx, user, draftId);
  await loadWritableOrg(tx, user, draft.orgId);
  checkVersion(draft, expectedVersion);
  if (draft.state !== 'FINAL') throw new AppError('CONFLICT', { key: 'report.notFinal' });

  // To an org strictly above the report's own: on its path, not itself.
  const toOrgId = input.toOrg ?? org.parentId;
  const above = toOrgId
    ? await tx.orgUnit.findUnique({ where: { id: toOrgId }, select: { id: true, path: true } })
    : null;
  if (!above || above.id === org.id || !org.path.startsWith(above.path)) {
    const said = { key: 'report.toNotAbove' } as const;
    throw validationError([fieldIssue('toOrg', 'not_above', said)], said);
  }
  if (input.sentOn > shanghaiLocalDate(now)) {
    const said = { key: 'report.sentInFuture' } as const;
    throw validationError([fieldIssue('sentOn', 'future', said)], said);
  }
  const exists = await tx.reportSubmission.findFirst({
    where: { kind: draft.kind, orgId: draft.orgId, periodCode: draft.periodCode },
    select: { id: true },
  });
  if (exists) throw new AppError('CONFLICT', { key: 'report.alreadySent' }, { submissionId: exists.id });

  const row = await tx.reportSubmission.create({
    data: {
      reportDraftId: draft.id,
      kind: draft.kind,
      periodCode: draft.periodCode,
      orgId: draft.orgId,
      toOrgId: above.id,
      sentAt: localDateToInstant(input.sentOn),
      docNumber: input.docNumber,
      createdById: user.id,
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
  const [answer] = await answers(tx, [row]);
  return answer as ReportSubmission;
}

/**
 * GET /api/report-submissions: with received=1 the reports sent to exactly `org` (the receiver's
 * inbox), otherwise those sent by `org` and the orgs below it (the figures' drill). `org` must be
 * within the caller's reach either way.
 */
export async function listReportSubmissions(
  prisma: PrismaClient,
  user: AuthUser,
  query: z.output<typeof ListReportSubmissionsQuerySchema>,
): Promise<ReportSubmissionList> {
  const sentAt = dayRange(query.from, query.to);
  const where: Prisma.ReportSubmissionWhereInput = {
    ...(query.received === '1'
      ? { toOrgId: (await loadReachableOrg(prisma, user, query.org ?? user.orgId)).id }
      : { orgId: { in: await orgIdsInScope(prisma, user, query.org, query.own) } }),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.period ? { periodCode: query.period } : {}),
    ...(sentAt ? { sentAt } : {}),
  };
  const rows = await prisma.reportSubmission.findMany({
    where,
    orderBy: [{ sentAt: 'desc' }, { id: 'asc' }],
    take: REPORT_SUBMISSIONS_MAX,
  });
  return { items: await answers(prisma, rows) };
}

/**
 * Where the documents of one kind stand for each (org, period) asked (the duty calendar's DRAFT
 * state), in the order asked: FINAL once any version is final, DRAFT while only drafts exist, NONE
 * before the first save. One query for them all.
 */
export async function reportDraftStates(
  db: Db,
  kind: ReportKind,
  keys: readonly { orgId: string; periodCode: string }[],
): Promise<ReportDraftState[]> {
  if (keys.length === 0) return [];
  const rows = await db.reportDraft.groupBy({
    by: ['orgId', 'periodCode', 'state'],
    where: {
      kind,
      orgId: { in: [...new Set(keys.map((k) => k.orgId))] },
      periodCode: { in: [...new Set(keys.map((k) => k.periodCode))] },
    },
  });
  const states = new Map<string, ReportDraftState>();
  for (const r of rows) {
    const key = `${r.orgId}|${r.periodCode}`;
    if (states.get(key) !== 'FINAL') states.set(key, r.state === 'FINAL' ? 'FINAL' : 'DRAFT');
  }
  return keys.map((k) => states.get(`${k.orgId}|${k.periodCode}`) ?? 'NONE');
}

/** Where the document of one kind, org and period stands (reportDraftStates for one). */
export async function reportDraftState(
  db: Db,
  orgId: string,
  kind: ReportKind,
  periodCode: string,
): Promise<ReportDraftState> {
  const [state] = await reportDraftStates(db, kind, [{ orgId, periodCode }]);
  return state ?? 'NONE';
}
