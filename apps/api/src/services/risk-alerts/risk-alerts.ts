// 舆情 (risk alerts): list, read, register, edit facts, delete, and the workflow steps. Which step
// may follow which, and who may take it, come from the contract's tables (ALERT_TRANSITIONS,
// ALERT_STEP_ACTION); the reporting clock and 催办 are computed at answer time from `now`.
import type { ErrorMessage } from '@dutyboard/contracts/error-messages';
import type { ErrorBody, FieldIssue } from '@dutyboard/contracts/errors';
import { can } from '@dutyboard/contracts/permissions';
import {
  ALERT_FROZEN_FIELDS,
  ALERT_STEP_ACTION,
  ALERT_TRANSITIONS,
  ALERT_URGE_HOURS,
  type AlertFrozenField,
  type AlertReportHours,
  type AlertState,
  alertClock,
  alertFactsFrozen,
  alertNeedsUrging,
  alertReportDueAt,
  type CorrectRiskAlertInput,
  type CreateRiskAlertInput,
  canTransition,
  type ListRiskAlertsQuerySchema,
  type RiskAlert,
  type RiskAlertDetail,
  type RiskAlertEvent,
  type RiskAlertPage,
  type TransitionRiskAlertInput,
  type UpdateRiskAlertInput,
} from '@dutyboard/contracts/risk-alerts';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { AppError, fieldIssue, forbidden, validationError } from '../../errors/app-error.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadWritableOrg, orgIdsInScope } from '../orgs/scope.ts';
import { dayRange, keysetPage, sortKeyset } from '../records/keyset.ts';
import { countedPage } from '../records/page-total.ts';
import { loadInScope, RECORD_KINDS, type RowOf } from '../records/registry.ts';
import { checkVersion } from '../records/versioning.ts';
import { createRecord, deleteService, versionedUpdate } from '../records/writes.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const HOUR_MS = 3_600_000;

type AlertRow = RowOf<'RiskAlert'>;

export function toRiskAlert(row: AlertRow, now: Date): RiskAlert {
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    level: row.level,
    state: row.state,
    source: row.source,
    channel: row.channel,
    url: row.url,
    summary: row.summary,
    reach: row.reach,
    registeredAt: row.registeredAt.toISOString(),
    reportDueAt: row.reportDueAt.toISOString(),
    reportedAt: row.reportedAt?.toISOString() ?? null,
    receiptNumber: row.receiptNumber,
    closedAt: row.closedAt?.toISOString() ?? null,
    lastEventAt: row.lastEventAt.toISOString(),
    clock: alertClock(row, now),
    needsUrging: alertNeedsUrging(row, now),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const KIND = RECORD_KINDS.RiskAlert;

/** The timeline, oldest first, with each actor's display name. */
async function eventsOf(db: Db, alertId: string): Promise<RiskAlertEvent[]> {
  const events = await db.riskAlertEvent.findMany({ where: { alertId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } });
  const names = new Map(actors.map((a) => [a.id, a.displayName]));
  return events.map((e) => ({
    id: e.id,
    fromState: e.fromState,
    toState: e.toState,
    actorId: e.actorId,
    actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    at: e.at.toISOString(),
    note: e.note,
    receiptNumber: e.receiptNumber,
  }));
}

async function toDetail(db: Db, row: AlertRow, now: Date): Promise<RiskAlertDetail> {
  return { ...toRiskAlert(row, now), events: await eventsOf(db, row.id) };
}

type ListRiskAlertsParams = z.output<typeof ListRiskAlertsQuerySchema>;

const SORT_KINDS = { registeredAt: 'date' } as const;

/**
 * The flags as SQL, with exactly the meaning of alertClock().overdue and alertNeedsUrging(); the
 * reported ones with the ALERT_REPORTED_ON_TIME figure's (services/metrics/count.ts).
 */
function flagWhere(prisma: PrismaClient, flag: ListRiskAlertsParams['flag'], now: Date): Prisma.RiskAlertWhereInput {
  const dueAt = prisma.riskAlert.fields.reportDueAt;
  switch (flag) {
    case 'OVERDUE':
      return { OR: [{ reportedAt: null, reportDueAt: { lt: now } }, { reportedAt: { gt: dueAt } }] };
    case 'URGE':
      return { state: { not: 'CLOSED' }, lastEventAt: { lt: new Date(now.getTime() - ALERT_URGE_HOURS * HOUR_MS) } };
    case 'OPEN':
      return { state: { not: 'CLOSED' } };
    // A column compared with a column is never true on NULL, so unreported alerts fall out of both.
    case 'REPORTED_ON_TIME':
      return { reportedAt: { lte: dueAt } };
    case 'REPORTED_LATE':
      return { reportedAt: { gt: dueAt } };
    case undefined:
      return {};
  }
}

export async function listRiskAlerts(
  prisma: PrismaClient,
  user: AuthUser,
  params: ListRiskAlertsParams,
  now: Date,
): Promise<RiskAlertPage> {
  const range = dayRange(params.from, params.to);
  const where: Prisma.RiskAlertWhereInput = {
    orgId: { in: await orgIdsInScope(prisma, user, params.org, params.own) },
    ...(params.state ? { state: params.state } : {}),
    ...(params.level ? { level: params.level } : {}),
    ...(range ? { [params.dateField]: range } : {}),
    AND: [flagWhere(prisma, params.flag, now)],
  };
  const table = KIND.table(prisma);
  return countedPage(
    params,
    () =>
      keysetPage(
        sortKeyset(params.sort, SORT_KINDS),
        where,
        params,
        (query) => table.findMany(query),
        (rows) => rows.map((row) => toRiskAlert(row, now)),
      ),
    () => table.count(where),
  );
}

export async function getRiskAlert(prisma: PrismaClient, user: AuthUser, id: string, now: Date) {
  return toDetail(prisma, await loadInScope(prisma, user, KIND, id), now);
}

const fieldError = (field: string, said: ErrorMessage) => validationError([fieldIssue(field, 'custom', said)]);

function checkNotFuture(field: 'registeredAt' | 'at', at: Date, now: Date): void {
  if (at.getTime() > now.getTime()) throw fieldError(field, { key: 'alert.timeInFuture', params: { field } });
}

export interface AlertSettings {
  reportHours: AlertReportHours;
  now: Date;
}

/** 登记: the alert and its first event, in the caller's transaction (see plugins/write.ts). */
export async function createRiskAlert(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: CreateRiskAlertInput,
  settings: AlertSettings,
): Promise<RiskAlertDetail> {
  await loadWritableOrg(tx, user, input.orgId);
  const registeredAt = input.registeredAt ? new Date(input.registeredAt) : settings.now;
  checkNotFuture('registeredAt', registeredAt, settings.now);
  const row = await createRecord(
    tx,
    user,
    KIND,
    {
      orgId: input.orgId,
      level: input.level,
      source: input.source,
      channel: input.channel || null,
      url: input.url ?? null,
      summary: input.summary,
      reach: input.reach ?? null,
      registeredAt,
      reportDueAt: alertReportDueAt(registeredAt, input.level, settings.reportHours),
      lastEventAt: registeredAt,
    },
    { orgChecked: true },
  );
  await tx.riskAlertEvent.create({
    data: { alertId: row.id, fromState: null, toState: 'REGISTERED', actorId: user.id, at: registeredAt },
  });
  return toDetail(tx, row, settings.now);
}

/** The frozen facts (ALERT_FROZEN_FIELDS) a change would actually alter. */
function alteredFacts(before: AlertRow, input: Pick<UpdateRiskAlertInput, AlertFrozenField>): AlertFrozenField[] {
  return ALERT_FROZEN_FIELDS.filter((field) => {
    if (input[field] === undefined) return false;
    if (field === 'registeredAt') return Date.parse(input.registeredAt as string) !== before.registeredAt.getTime();
    return input[field] !== before[field];
  });
}

/**
 * A PATCH that would alter the org, level or registration time of an alert past 登记: refused for
 * every role (leadership corrects through POST …/corrections), each field named, never ignored.
 */
function frozenFactsRefusal(state: AlertState, fields: AlertFrozenField[]): AppError {
  const issues: FieldIssue[] = fields.map((field) =>
    fieldIssue(field, 'frozen', { key: 'alert.factsFrozen', params: { step: state, fields: [field] } }),
  );
  return new AppError('CONFLICT', { key: 'alert.factsFrozen', params: { step: state, fields } }, { fields: issues });
}

/** The registration event moves with the alert's registration time. */
async function moveRegistrationEvent(tx: Prisma.TransactionClient, id: string, registeredAt: Date) {
  await tx.riskAlertEvent.updateMany({
    where: { alertId: id, fromState: null, toState: 'REGISTERED' },
    data: { at: registeredAt },
  });
}

/** 登记 may not move past the step that followed it: the timeline stays in order. */
async function checkRegistrationBeforeNextStep(tx: Prisma.TransactionClient, id: string, registeredAt: Date) {
  const next = await tx.riskAlertEvent.findFirst({
    where: { alertId: id, fromState: { not: null } },
    orderBy: { at: 'asc' },
  });
  if (next && registeredAt > next.at) {
    throw fieldError('registeredAt', { key: 'alert.registeredAfterStep', params: { step: next.toState } });
  }
}

/**
 * The facts of an alert; its state only moves through transitionRiskAlert. While it is 登记, its
 * org, level and registration time may change here too (the clock is recomputed: nothing has
 * been measured yet); past 登记 they are frozen (alertFactsFrozen) and only correctRiskAlert
 * changes them.
 */
export async function updateRiskAlert(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdateRiskAlertInput,
  expectedVersion: number | undefined,
  settings: AlertSettings,
): Promise<RiskAlertDetail> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  if (before.state === 'CLOSED') throw new AppError('CONFLICT', { key: 'alert.closed' });
  if (alertFactsFrozen(before.state)) {
    const altered = alteredFacts(before, input);
    if (altered.length > 0) throw frozenFactsRefusal(before.state, altered);
  }
  // Moving an alert to another org needs the same reach as registering it there.
  if (input.orgId && input.orgId !== before.orgId) await loadWritableOrg(tx, user, input.orgId);

  const registeredAt = input.registeredAt ? new Date(input.registeredAt) : before.registeredAt;
  const movedRegistration = registeredAt.getTime() !== before.registeredAt.getTime();
  if (movedRegistration) {
    checkNotFuture('registeredAt', registeredAt, settings.now);
    await checkRegistrationBeforeNextStep(tx, id, registeredAt);
  }
  const level = input.level ?? before.level;
  // Only reachable while 登记 (see above): a clock that has been measured is never recomputed.
  const recompute = (movedRegistration || level !== before.level) && !alertFactsFrozen(before.state);

  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    {
      orgId: input.orgId,
      level: input.level,
      source: input.source,
      channel: input.channel === undefined ? undefined : input.channel || null,
      url: input.url,
      summary: input.summary,
      reach: input.reach,
      registeredAt: input.registeredAt ? registeredAt : undefined,
      reportDueAt: recompute ? alertReportDueAt(registeredAt, level, settings.reportHours) : undefined,
      // Until the next step, the registration is the last event.
      lastEventAt: movedRegistration && before.state === 'REGISTERED' ? registeredAt : undefined,
    },
    { where: { state: before.state } },
  );
  if (movedRegistration) await moveRegistrationEvent(tx, id, registeredAt);
  return toDetail(tx, row, settings.now);
}

/**
 * 更正 (leadership, route permission alert:correct): the org, level or registration time of an
 * alert past 登记, with a reason. The reporting clock keeps its first due time (reportDueAt) and
 * reportedAt/closedAt are untouched, so whether it was reported on time does not change; the
 * audit event (CORRECT) holds the values before, the values after and the reason.
 */
export async function correctRiskAlert(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: CorrectRiskAlertInput,
  expectedVersion: number | undefined,
  now: Date,
): Promise<RiskAlertDetail> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  if (!alertFactsFrozen(before.state)) {
    throw new AppError(
      'INVALID_TRANSITION',
      { key: 'alert.correctWhileRegistered' },
      {
        current: before.state,
      },
    );
  }
  const altered = alteredFacts(before, input);
  if (altered.length === 0) {
    throw validationError([fieldIssue('level', 'custom', { key: 'alert.correctionSame' })]);
  }
  if (altered.includes('orgId') && input.orgId) await loadWritableOrg(tx, user, input.orgId);
  const registeredAt = altered.includes('registeredAt') ? new Date(input.registeredAt as string) : undefined;
  if (registeredAt) {
    checkNotFuture('registeredAt', registeredAt, now);
    await checkRegistrationBeforeNextStep(tx, id, registeredAt);
  }
  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    {
      orgId: altered.includes('orgId') ? input.orgId : undefined,
      level: altered.includes('level') ? input.level : undefined,
      registeredAt,
      // reportDueAt, reportedAt, closedAt and lastEventAt stay: the clock is the one first set.
    },
    { where: { state: before.state }, action: 'CORRECT', auditAfter: { correctionReason: input.reason } },
  );
  if (registeredAt) await moveRegistrationEvent(tx, id, registeredAt);
  return toDetail(tx, row, now);
}

/** Only an alert nobody has assessed yet may be deleted (a mistaken 登记); its files go with it. */
export const deleteRiskAlert = deleteService(KIND, {
  refusal: (before) =>
    before.state !== 'REGISTERED'
      ? new AppError('CONFLICT', { key: 'alert.deleteOnlyRegistered', params: { step: before.state } })
      : undefined,
  where: { state: 'REGISTERED' },
});

function invalidTransition(from: AlertState, to: AlertState): AppError {
  const allowed = ALERT_TRANSITIONS[from];
  const said: ErrorMessage =
    allowed.length === 0
      ? { key: 'alert.finished', params: { from, to } }
      : { key: 'alert.badTransition', params: { from, to, allowed } };
  const details: ErrorBody['error']['details'] = { current: from, allowed: [...allowed] };
  return new AppError('INVALID_TRANSITION', said, details);
}

/**
 * One workflow step: the event (who, when, note, receipt number), the alert's new state, and on
 * 报送 the receipt number (and the first report time, where the clock stops), on 办结 the closing time.
 */
export async function transitionRiskAlert(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: TransitionRiskAlertInput,
  expectedVersion: number | undefined,
  now: Date,
): Promise<RiskAlertDetail> {
  const before = await loadInScope(tx, user, KIND, id);
  if (!can(user.role, ALERT_STEP_ACTION[input.to])) {
    throw forbidden(
      input.to === 'HANDLING'
        ? { key: 'alert.cannotHandle' }
        : { key: 'alert.leadersOnly', params: { step: input.to } },
    );
  }
  checkVersion(before, expectedVersion);
  if (!canTransition(before.state, input.to)) throw invalidTransition(before.state, input.to);

  const at = input.at ? new Date(input.at) : now;
  checkNotFuture('at', at, now);
  if (at < before.lastEventAt) throw fieldError('at', { key: 'alert.stepBeforePrevious' });

  const receiptNumber = input.to === 'REPORTED' ? (input.receiptNumber ?? null) : null;
  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    {
      state: input.to,
      lastEventAt: at,
      ...(input.to === 'REPORTED' ? { receiptNumber, reportedAt: before.reportedAt ?? at } : {}),
      ...(input.to === 'CLOSED' ? { closedAt: at } : {}),
    },
    { where: { state: before.state }, action: 'TRANSITION' },
  );
  await tx.riskAlertEvent.create({
    data: {
      alertId: id,
      fromState: before.state,
      toState: input.to,
      actorId: user.id,
      at,
      note: input.note || null,
      receiptNumber,
    },
  });
  return toDetail(tx, row, now);
}
