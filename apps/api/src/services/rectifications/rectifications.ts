// Rectifications (问题整改): list, read, create, update, close with evidence, delete. Every check
// runs on the record as loaded, every change writes its audit event in the same transaction, and
// a DONE rectification is final: it is neither edited nor deleted.
import { localDateToInstant, shanghaiParts } from '@dutyboard/contracts/periods';
import { can } from '@dutyboard/contracts/permissions';
import {
  type CloseRectificationInput,
  type CreateRectificationInput,
  type ListRectificationsQuerySchema,
  type Rectification,
  type RectificationPage,
  rectificationSourceIssues,
  type UpdateRectificationInput,
} from '@dutyboard/contracts/rectifications';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { AppError, fieldIssue, forbidden, validationError } from '../../errors/app-error.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadWritableOrg, orgIdsInScope, reachesOrg } from '../orgs/scope.ts';
import { dayRange, keysetPage, sortKeyset } from '../records/keyset.ts';
import { countedPage } from '../records/page-total.ts';
import { loadInScope, RECORD_KINDS, type RowOf } from '../records/registry.ts';
import { createRecord, deleteService, versionedUpdate } from '../records/writes.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const DAY_MS = 24 * 3600 * 1000;

const KIND = RECORD_KINDS.Rectification;
type RectificationRow = RowOf<'Rectification'>;

/** A deadline day ends at its last millisecond in Shanghai; from the next midnight it is overdue. */
export function deadlineEnd(day: string): Date {
  return new Date(localDateToInstant(day).getTime() + DAY_MS - 1);
}

function deadlineDay(at: Date): string {
  const { year, month, day } = shanghaiParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isOverdue(row: { deadlineAt: Date | null; status: string }, now: Date): boolean {
  return row.deadlineAt !== null && row.deadlineAt < now && row.status !== 'DONE';
}

export function toRectification(row: RectificationRow, user: AuthUser, now = new Date()): Rectification {
  // A leader may link an alert of another branch; a secretary reading the rectification sees
  // that there is a link, not the alert's content.
  const alert =
    row.alert && reachesOrg(user, { id: row.alert.orgId, path: row.alert.org.path }) && can(user.role, 'alert:read')
      ? {
          id: row.alert.id,
          summary: row.alert.summary,
          state: row.alert.state,
          registeredAt: row.alert.registeredAt.toISOString(),
        }
      : null;
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    problem: row.problem,
    source: row.source,
    measure: row.measure,
    ownerName: row.ownerName,
    deadline: row.deadlineAt ? deadlineDay(row.deadlineAt) : null,
    deadlineAt: row.deadlineAt?.toISOString() ?? null,
    status: row.status,
    overdue: isOverdue(row, now),
    closedAt: row.closedAt?.toISOString() ?? null,
    closingNote: row.closingNote,
    alertId: row.alertId,
    alert,
    findingRef: row.findingRef,
    reportDraftId: row.reportDraftId,
    riskPointCheckId: row.riskPointCheckId,
    accountabilityId: can(user.role, 'accountability:read') ? row.accountabilityId : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The stored shape written to the audit trail (no joined fields). */

/** Optional text: blank means "not given". */
const text = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() ? value : null);

const SORT_KINDS = { createdAt: 'date', deadlineAt: 'date' } as const;

export async function listRectifications(
  prisma: PrismaClient,
  user: AuthUser,
  params: z.output<typeof ListRectificationsQuerySchema>,
  now = new Date(),
): Promise<RectificationPage> {
  const range = dayRange(params.from, params.to);
  const and: Prisma.RectificationWhereInput[] = [];
  if (params.overdue === 'true') and.push({ deadlineAt: { lt: now }, status: { not: 'DONE' } });
  if (params.overdue === 'false') {
    and.push({ OR: [{ deadlineAt: null }, { deadlineAt: { gte: now } }, { status: 'DONE' }] });
  }
  // The RECTIFICATION_OPEN figure: not yet DONE, however long ago it was raised.
  if (params.open === 'true') and.push({ status: { not: 'DONE' } });
  if (params.open === 'false') and.push({ status: 'DONE' });
  const where: Prisma.RectificationWhereInput = {
    orgId: { in: await orgIdsInScope(prisma, user, params.org, params.own) },
    ...(params.status ? { status: params.status } : {}),
    ...(params.source ? { source: params.source } : {}),
    ...(params.reportDraft ? { reportDraftId: params.reportDraft } : {}),
    ...(params.id ? { id: params.id } : {}),
    ...(range ? { [params.dateField]: range } : {}),
    ...(and.length > 0 ? { AND: and } : {}),
  };
  // Rectifications without a deadline sort last by deadline (NULLS LAST).
  const table = KIND.table(prisma);
  return countedPage(
    params,
    () =>
      keysetPage(
        sortKeyset(params.sort, SORT_KINDS, { nullsLast: ['deadlineAt'] }),
        where,
        params,
        (query) => table.findMany(query),
        (rows) => rows.map((row) => toRectification(row, user, now)),
      ),
    () => table.count(where),
  );
}

export async function getRectification(prisma: PrismaClient, user: AuthUser, id: string): Promise<Rectification> {
  return toRectification(await loadInScope(prisma, user, KIND, id), user);
}

/**
 * The alert a rectification is to be linked to: one the caller may read. A missing alert and one
 * outside the caller's reach (another branch's, for a secretary) look alike: 404 on alertId.
 */
async function checkLinkableAlert(db: Db, user: AuthUser, alertId: string): Promise<void> {
  if (!can(user.role, 'alert:read')) throw forbidden({ key: 'rectification.noAlertRead' });
  const alert = await db.riskAlert.findUnique({
    where: { id: alertId },
    select: { orgId: true, org: { select: { path: true } } },
  });
  if (!alert || !reachesOrg(user, { id: alert.orgId, path: alert.org.path })) {
    const said = { key: 'rectification.alertMissing' } as const;
    throw new AppError('NOT_FOUND', said, { fields: [fieldIssue('alertId', 'not_found', said)] });
  }
}

function assertSourceFields(value: Parameters<typeof rectificationSourceIssues>[0]): void {
  const issues = rectificationSourceIssues(value);
  if (issues.length > 0) {
    throw validationError(issues.map((i) => ({ field: i.path, code: 'custom', message: i.message })));
  }
}

const closedRefusal = (key: 'rectification.doneNoChange' | 'rectification.doneNoDelete') =>
  new AppError('INVALID_TRANSITION', { key });

/** Runs inside the caller's transaction (see plugins/write.ts). */
export async function createRectification(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: CreateRectificationInput,
): Promise<Rectification> {
  await loadWritableOrg(tx, user, input.orgId);
  if (input.alertId) await checkLinkableAlert(tx, user, input.alertId);
  assertSourceFields(input);
  const row = await createRecord(
    tx,
    user,
    KIND,
    {
      orgId: input.orgId,
      problem: input.problem,
      source: input.source,
      measure: text(input.measure) ?? null,
      ownerName: text(input.ownerName) ?? null,
      deadlineAt: input.deadline ? deadlineEnd(input.deadline) : null,
      alertId: input.alertId ?? null,
      findingRef: text(input.findingRef) ?? null,
    },
    { orgChecked: true },
  );
  return toRectification(row, user);
}

export async function updateRectification(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdateRectificationInput,
  expectedVersion?: number,
): Promise<Rectification> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  // Everything of a completed rectification is frozen: RECTIFICATION_CLOSED counts it by org and
  // closedAt, and its deadline and owner say whether it was done in time. Each field sent is named.
  if (before.status === 'DONE') {
    const said = { key: 'rectification.doneNoChange' } as const;
    throw new AppError('INVALID_TRANSITION', said, {
      fields: Object.keys(input).map((field) => fieldIssue(field, 'frozen', said)),
    });
  }
  // Moving a record to another org needs the same reach as creating it there.
  if (input.orgId && input.orgId !== before.orgId) await loadWritableOrg(tx, user, input.orgId);
  // Only a new link is checked: an existing one may have been made by someone who reaches further.
  if (input.alertId && input.alertId !== before.alertId) await checkLinkableAlert(tx, user, input.alertId);
  const findingRef = text(input.findingRef);
  assertSourceFields({
    was: before.source,
    source: input.source ?? before.source,
    alertId: input.alertId === undefined ? before.alertId : input.alertId,
    findingRef: findingRef === undefined ? before.findingRef : findingRef,
  });
  const row = await versionedUpdate(tx, user, KIND, before, {
    orgId: input.orgId,
    problem: input.problem,
    source: input.source,
    measure: text(input.measure),
    ownerName: text(input.ownerName),
    deadlineAt: input.deadline === undefined ? undefined : input.deadline ? deadlineEnd(input.deadline) : null,
    alertId: input.alertId,
    findingRef,
    status: input.status,
  });
  return toRectification(row, user);
}

/** 整改完成: only with at least one evidence file attached; sets DONE, closedAt and the note. */
export async function closeRectification(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: CloseRectificationInput,
  expectedVersion?: number,
  now = new Date(),
): Promise<Rectification> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  if (before.status === 'DONE') throw new AppError('INVALID_TRANSITION', { key: 'rectification.alreadyDone' });
  const evidence = await tx.attachment.count({ where: { entityType: 'Rectification', entityId: id } });
  if (evidence === 0) {
    throw new AppError(
      'CONFLICT',
      { key: 'rectification.evidenceFirst' },
      {
        reason: 'EVIDENCE_REQUIRED',
      },
    );
  }
  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    { status: 'DONE', closedAt: now, closingNote: input.closingNote },
    { action: 'CLOSE' },
  );
  return toRectification(row, user, now);
}

export const deleteRectification = deleteService(KIND, {
  // A completed rectification is part of the record of work done (and of RECTIFICATION_CLOSED).
  refusal: (before) => (before.status === 'DONE' ? closedRefusal('rectification.doneNoDelete') : undefined),
});
