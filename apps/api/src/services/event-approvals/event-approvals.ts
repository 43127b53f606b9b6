// 一会一报 (issue 19, ADR 048): events submitted for approval ahead of time, the approval chain
// taken at submission from the nearest rule up the org's path, one decision per step in order,
// and the event recorded as held afterwards. Every check runs on the record as loaded, and every
// change is a versioned update with its audit event (records/writes.ts).

import {
  type ChainStep,
  type CreateEventInput,
  DEFAULT_EVENT_CHAIN,
  DEFAULT_EVENT_LEAD_DAYS,
  type DecideEventInput,
  EVENT_EDITABLE_STATES,
  EVENT_PENDING_STATES,
  type EventApproval,
  type EventApprovalPage,
  type EventDecisionRecord,
  type EventRule,
  eventIssues,
  type HoldEventInput,
  isLateSubmission,
  type ListEventsQuerySchema,
  type PutEventRuleInput,
  type ResolvedStep,
  type UpdateEventInput,
} from '@dutyboard/contracts/event-approvals';
import { orgLevelOf } from '@dutyboard/contracts/orgs';
import { can } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { AppError, fieldIssue, validationError } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg, loadWritableOrg, orgIdsInScope } from '../orgs/scope.ts';
import { dayRange, keysetPage, sortKeyset } from '../records/keyset.ts';
import { countedPage } from '../records/page-total.ts';
import { loadInScope, RECORD_KINDS, type RowOf } from '../records/registry.ts';
import { checkVersion } from '../records/versioning.ts';
import { createRecord, deleteService, versionedUpdate } from '../records/writes.ts';

type Db = PrismaClient | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

const KIND = RECORD_KINDS.EventApproval;
type EventRow = RowOf<'EventApproval'>;

/** Whether the user is the approver a resolved step names. */
export function isApprover(user: Pick<AuthUser, 'id' | 'role' | 'orgId'>, step: ResolvedStep | undefined): boolean {
  if (!step) return false;
  if (step.userId) return step.userId === user.id;
  return step.role === user.role && step.orgId === user.orgId;
}

const chainOf = (row: EventRow) => row.chain as unknown as ResolvedStep[];
const decisionsOf = (row: EventRow) => row.decisions as unknown as EventDecisionRecord[];

export function toEvent(row: EventRow, user: AuthUser): EventApproval {
  const chain = chainOf(row);
  const pending = EVENT_PENDING_STATES.includes(row.state) && row.currentStep !== null;
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    kind: row.kind,
    topic: row.topic,
    outline: row.outline,
    speaker: row.speaker,
    speakerEmployer: row.speakerEmployer,
    venue: row.venue,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    audienceSize: row.audienceSize,
    foreignParticipants: row.foreignParticipants,
    foreignDetails: row.foreignDetails,
    vettingOpinion: row.vettingOpinion,
    state: row.state,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    leadDays: row.leadDays,
    late: row.late,
    unapproved: row.unapproved,
    flagged: row.late || row.unapproved,
    round: row.round,
    currentStep: pending ? row.currentStep : null,
    chain,
    decisions: decisionsOf(row),
    mayDecide: pending && can(user.role, 'event:approve') && isApprover(user, chain[row.currentStep ?? Number.NaN]),
    heldAt: row.heldAt?.toISOString() ?? null,
    heldNote: row.heldNote,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// The rule in force: the nearest up the org's path

/** The org ids of a materialised path, root first. */
const pathIds = (path: string) => path.split('/').filter(Boolean);

/** The rule for an org: the nearest rule on its path (the org itself first), else the defaults. */
export async function ruleFor(db: Db, org: { id: string; path: string }): Promise<EventRule> {
  const ids = pathIds(org.path);
  const rules = await db.eventApprovalRule.findMany({
    where: { orgId: { in: ids } },
    include: { org: { select: { name: true } } },
  });
  const nearest = rules.sort((a, b) => ids.indexOf(b.orgId) - ids.indexOf(a.orgId))[0];
  if (!nearest) {
    return {
      orgId: org.id,
      sourceOrgId: null,
      sourceOrgName: null,
      leadDays: DEFAULT_EVENT_LEAD_DAYS,
      steps: [...DEFAULT_EVENT_CHAIN],
      version: null,
    };
  }
  return {
    orgId: org.id,
    sourceOrgId: nearest.orgId,
    sourceOrgName: nearest.org.name,
    leadDays: nearest.leadDays,
    steps: nearest.steps as unknown as ChainStep[],
    version: nearest.version,
  };
}

export async function getEventRule(db: PrismaClient, user: AuthUser, orgId?: string): Promise<EventRule> {
  return ruleFor(db, await loadReachableOrg(db, user, orgId ?? user.orgId));
}

/** Named users of a chain must exist and be active. */
async function checkChainUsers(db: Db, steps: readonly ChainStep[]): Promise<void> {
  const ids = steps.flatMap((s) => (s.userId ? [s.userId] : []));
  if (ids.length === 0) return;
  const found = await db.user.count({ where: { id: { in: ids }, active: true } });
  if (found !== new Set(ids).size) {
    const said = { key: 'event.ruleUserMissing' } as const;
    throw new AppError('VALIDATION_FAILED', said, { fields: [fieldIssue('steps', 'not_found', said)] });
  }
}

/** Sets an org's rule (for itself and its subtree), audited as a create or an update. */
export async function putEventRule(
  tx: Tx,
  user: AuthUser,
  input: PutEventRuleInput,
  expectedVersion?: number,
): Promise<EventRule> {
  const org = await loadWritableOrg(tx, user, input.orgId);
  await checkChainUsers(tx, input.steps);
  const before = await tx.eventApprovalRule.findUnique({ where: { orgId: org.id } });
  if (before) checkVersion(before, expectedVersion);
  const steps = input.steps as unknown as Prisma.InputJsonValue;
  const row = before
    ? await tx.eventApprovalRule.update({
        where: { id: before.id },
        data: { leadDays: input.leadDays, steps, updatedById: user.id, version: { increment: 1 } },
      })
    : await tx.eventApprovalRule.create({
        data: { orgId: org.id, leadDays: input.leadDays, steps, createdById: user.id, updatedById: user.id },
      });
  await recordAudit(tx, {
    actorId: user.id,
    action: before ? 'UPDATE' : 'CREATE',
    entityType: 'EventApprovalRule',
    entityId: row.id,
    orgId: org.id,
    ...(before ? { before } : {}),
    after: row,
  });
  return ruleFor(tx, org);
}

/**
 * The chain of an event's org as it stands now, each step resolved to its approver: a role at
 * the org of the step's level nearest the event on its path (a level the path lacks is left out),
 * or the named user.
 */
export async function resolveChain(
  db: Db,
  org: { id: string; path: string },
): Promise<{
  leadDays: number;
  chain: ResolvedStep[];
}> {
  const rule = await ruleFor(db, org);
  const ids = pathIds(org.path);
  const orgs = await db.orgUnit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, kind: true } });
  const nearestFirst = [...orgs].sort((a, b) => ids.indexOf(b.id) - ids.indexOf(a.id));
  const userIds = rule.steps.flatMap((s) => (s.userId ? [s.userId] : []));
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds }, active: true }, select: { id: true, displayName: true } })
    : [];
  const chain: ResolvedStep[] = [];
  for (const step of rule.steps) {
    if (step.userId) {
      const named = users.find((u) => u.id === step.userId);
      if (named) {
        chain.push({
          label: step.label,
          role: null,
          orgId: null,
          orgName: null,
          userId: named.id,
          userName: named.displayName,
        });
      }
      continue;
    }
    const at = nearestFirst.find((o) => orgLevelOf(o.kind) === step.level);
    if (at && step.role) {
      chain.push({ label: step.label, role: step.role, orgId: at.id, orgName: at.name, userId: null, userName: null });
    }
  }
  return { leadDays: rule.leadDays, chain };
}

/** The columns that say who decides the step `index` of `chain` (none when there is no such step). */
function pendingOf(chain: ResolvedStep[], index: number | null) {
  const step = index === null ? undefined : chain[index];
  return {
    currentStep: step ? index : null,
    pendingUserId: step?.userId ?? null,
    pendingRole: step?.role ?? null,
    pendingOrgId: step?.orgId ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Lists and reads

const SORT_KINDS = { startsAt: 'date', createdAt: 'date' } as const;

/** The list's filters; `flagged` and `approved` are the drills of EVENTS_UNAPPROVED and EVENTS_APPROVED. */
export function eventFilters(
  params: Pick<z.output<typeof ListEventsQuerySchema>, 'state' | 'kind' | 'flagged' | 'approved' | 'mine'>,
  user: AuthUser,
): Prisma.EventApprovalWhereInput[] {
  const and: Prisma.EventApprovalWhereInput[] = [];
  if (params.state) and.push({ state: params.state });
  if (params.kind) and.push({ kind: params.kind });
  if (params.flagged === 'true') and.push({ OR: [{ late: true }, { unapproved: true }] });
  if (params.flagged === 'false') and.push({ late: false, unapproved: false });
  const approved: Prisma.EventApprovalWhereInput = { unapproved: false, state: { in: ['APPROVED', 'HELD'] } };
  if (params.approved === 'true') and.push(approved);
  if (params.approved === 'false') and.push({ NOT: approved });
  if (params.mine === 'true') {
    and.push({
      state: { in: [...EVENT_PENDING_STATES] },
      OR: [{ pendingUserId: user.id }, { pendingRole: user.role, pendingOrgId: user.orgId }],
    });
  }
  return and;
}

export async function listEvents(
  prisma: PrismaClient,
  user: AuthUser,
  params: z.output<typeof ListEventsQuerySchema>,
): Promise<EventApprovalPage> {
  const range = dayRange(params.from, params.to);
  const and = eventFilters(params, user);
  const where: Prisma.EventApprovalWhereInput = {
    orgId: { in: await orgIdsInScope(prisma, user, params.org, params.own) },
    ...(range ? { startsAt: range } : {}),
    ...(and.length > 0 ? { AND: and } : {}),
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
        (rows) => rows.map((row) => toEvent(row, user)),
      ),
    () => table.count(where),
  );
}

export async function getEvent(prisma: PrismaClient, user: AuthUser, id: string): Promise<EventApproval> {
  return toEvent(await loadInScope(prisma, user, KIND, id), user);
}

// ---------------------------------------------------------------------------------------------
// Writes

const text = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() ? value : null);

function assertEventFields(value: Parameters<typeof eventIssues>[0]): void {
  const issues = eventIssues(value);
  if (issues.length > 0) {
    throw validationError(issues.map((i) => ({ field: i.path, code: 'custom', message: i.message })));
  }
}

export async function createEvent(tx: Tx, user: AuthUser, input: CreateEventInput): Promise<EventApproval> {
  await loadWritableOrg(tx, user, input.orgId);
  const row = await createRecord(
    tx,
    user,
    KIND,
    {
      orgId: input.orgId,
      kind: input.kind,
      topic: input.topic,
      outline: input.outline,
      speaker: input.speaker,
      speakerEmployer: input.speakerEmployer,
      venue: input.venue,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      audienceSize: input.audienceSize,
      foreignParticipants: input.foreignParticipants,
      foreignDetails: input.foreignParticipants ? (text(input.foreignDetails) ?? null) : null,
      vettingOpinion: input.vettingOpinion,
    },
    { orgChecked: true },
  );
  return toEvent(row, user);
}

export async function updateEvent(
  tx: Tx,
  user: AuthUser,
  id: string,
  input: UpdateEventInput,
  expectedVersion?: number,
): Promise<EventApproval> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  if (!EVENT_EDITABLE_STATES.includes(before.state)) {
    const said = { key: 'event.notEditable' } as const;
    throw new AppError('INVALID_TRANSITION', said, {
      fields: Object.keys(input).map((field) => fieldIssue(field, 'frozen', said)),
    });
  }
  if (input.orgId && input.orgId !== before.orgId) await loadWritableOrg(tx, user, input.orgId);
  const foreign = input.foreignParticipants ?? before.foreignParticipants;
  const details = text(input.foreignDetails);
  assertEventFields({
    startsAt: input.startsAt ?? before.startsAt.toISOString(),
    endsAt: input.endsAt ?? before.endsAt.toISOString(),
    foreignParticipants: foreign,
    foreignDetails: details === undefined ? before.foreignDetails : details,
  });
  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    {
      orgId: input.orgId,
      kind: input.kind,
      topic: input.topic,
      outline: input.outline,
      speaker: input.speaker,
      speakerEmployer: input.speakerEmployer,
      venue: input.venue,
      startsAt: input.startsAt ? new Date(input.startsAt) : undefined,
      endsAt: input.endsAt ? new Date(input.endsAt) : undefined,
      audienceSize: input.audienceSize,
      foreignParticipants: input.foreignParticipants,
      foreignDetails: foreign ? details : null,
      vettingOpinion: input.vettingOpinion,
    },
    { where: { state: before.state } },
  );
  return toEvent(row, user);
}

/**
 * 报送审批 (or again after being sent back): takes the chain in force now, starts it at step 0,
 * and judges lateness from the first submission's Shanghai day against the start's day.
 */
export async function submitEvent(
  tx: Tx,
  user: AuthUser,
  id: string,
  _input: Record<string, never>,
  expectedVersion?: number,
  now = new Date(),
): Promise<EventApproval> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  if (!EVENT_EDITABLE_STATES.includes(before.state))
    throw new AppError('INVALID_TRANSITION', { key: 'event.notSubmittable' });
  const { leadDays, chain } = await resolveChain(tx, { id: before.orgId, path: before.org.path });
  if (chain.length === 0) throw new AppError('CONFLICT', { key: 'event.noApprover' });
  const submittedAt = before.submittedAt ?? now;
  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    {
      state: 'SUBMITTED',
      submittedAt,
      leadDays,
      late: isLateSubmission(submittedAt, before.startsAt, leadDays),
      round: before.round + 1,
      chain: chain as unknown as Prisma.InputJsonValue,
      ...pendingOf(chain, 0),
    },
    { action: 'TRANSITION', where: { state: before.state } },
  );
  return toEvent(row, user);
}

/**
 * One approver's decision on the step waiting: another step is refused (409: no step is skipped
 * or taken twice), then anyone but that step's approver (403). Approving the last step approves
 * the event; rejecting sends it back to the submitter.
 */
export async function decideEvent(
  tx: Tx,
  user: AuthUser,
  id: string,
  input: DecideEventInput,
  expectedVersion?: number,
  now = new Date(),
): Promise<EventApproval> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  if (!EVENT_PENDING_STATES.includes(before.state) || before.currentStep === null) {
    throw new AppError('INVALID_TRANSITION', { key: 'event.notPending' });
  }
  const current = before.currentStep;
  if (input.step !== current) {
    throw new AppError(
      'CONFLICT',
      { key: 'event.wrongStep', params: { current: current + 1, step: input.step + 1 } },
      { reason: input.step < current ? 'STEP_REPEATED' : 'STEP_SKIPPED' },
    );
  }
  const chain = chainOf(before);
  if (!isApprover(user, chain[current])) throw new AppError('FORBIDDEN', { key: 'event.notApprover' });
  const decision: EventDecisionRecord = {
    round: before.round,
    step: current,
    decision: input.decision,
    opinion: input.opinion,
    userId: user.id,
    userName: user.displayName,
    at: now.toISOString(),
  };
  const decisions = [...decisionsOf(before), decision] as unknown as Prisma.InputJsonValue;
  const next = current + 1;
  const data: Prisma.EventApprovalUncheckedUpdateManyInput =
    input.decision === 'REJECT'
      ? { state: 'REJECTED', decisions, ...pendingOf(chain, null) }
      : next < chain.length
        ? { state: 'IN_REVIEW', decisions, ...pendingOf(chain, next) }
        : { state: 'APPROVED', decisions, ...pendingOf(chain, null) };
  const row = await versionedUpdate(tx, user, KIND, before, data, {
    action: 'TRANSITION',
    where: { state: before.state, currentStep: current },
  });
  return toEvent(row, user);
}

/**
 * After the event: records what was held. From any state but HELD; without a final approval the
 * event is flagged `unapproved` (counted in EVENTS_UNAPPROVED), and its pending step is dropped.
 */
export async function holdEvent(
  tx: Tx,
  user: AuthUser,
  id: string,
  input: HoldEventInput,
  expectedVersion?: number,
  now = new Date(),
): Promise<EventApproval> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  if (before.state === 'HELD') throw new AppError('INVALID_TRANSITION', { key: 'event.alreadyHeld' });
  if (before.startsAt > now) throw new AppError('INVALID_TRANSITION', { key: 'event.notYetStarted' });
  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    {
      state: 'HELD',
      heldAt: now,
      heldNote: input.heldNote,
      unapproved: before.state !== 'APPROVED',
      ...pendingOf([], null),
    },
    { action: 'TRANSITION', where: { state: before.state } },
  );
  return toEvent(row, user);
}

export const deleteEvent = deleteService(KIND, {
  // Once submitted it is part of the approval record (and of the figures): only a draft goes.
  refusal: (before) =>
    before.state !== 'DRAFT' || before.submittedAt !== null
      ? new AppError('INVALID_TRANSITION', { key: 'event.noDelete' })
      : undefined,
  where: { state: 'DRAFT', submittedAt: null },
});
