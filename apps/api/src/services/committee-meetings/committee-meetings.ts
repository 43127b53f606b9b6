// 党工委 meetings (ADR 046): list, read, create, update, delete. A meeting's 议定事项 are tasks of
// the responsibility list (Assignment kind TASK, meetingId), written in the meeting's own
// transaction and audited as tasks; the meeting answers each with the task's live state. A task
// that is done is never removed or changed through its meeting (refused, 409).
import { ASSIGNMENT_TASK_MAX } from '@dutyboard/contracts/assignments';
import {
  type CreateMeetingInput,
  holdsCommitteeMeetings,
  type ListMeetingsQuerySchema,
  type Meeting,
  MeetingAttendeeSchema,
  type MeetingDecisionInput,
  type MeetingJudgement,
  MeetingJudgementSchema,
  type MeetingPage,
  meetingShapeIssues,
  type UpdateMeetingInput,
} from '@dutyboard/contracts/committee-meetings';
import type { ErrorMessage } from '@dutyboard/contracts/error-messages';
import type { OrgKind } from '@dutyboard/contracts/orgs';
import { localDateToInstant, periodFromCode, shanghaiParts } from '@dutyboard/contracts/periods';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { Prisma as PrismaValues } from '@dutyboard/db/generated/prisma/client';
import { z } from 'zod';
import { AppError, fieldIssue, validationError } from '../../errors/app-error.ts';
import { checkOwner } from '../assignments/assignments.ts';
import { isOverdue } from '../assignments/overdue.ts';
import { localDate } from '../assignments/progress.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadWritableOrg, orgIdsInScope } from '../orgs/scope.ts';
import { ensurePeriod } from '../plan/periods.ts';
import { dayRange, type Keyset, keysetPage } from '../records/keyset.ts';
import { countedPage } from '../records/page-total.ts';
import { loadInScope, type MeetingRow, RECORD_KINDS } from '../records/registry.ts';
import { createRecord, type Removal, versionedDelete, versionedUpdate } from '../records/writes.ts';

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

const KIND = RECORD_KINDS.CommitteeMeeting;
const TASKS = RECORD_KINDS.Assignment;

export function toMeeting(row: MeetingRow, now = new Date()): Meeting {
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    kind: row.kind,
    title: row.title,
    heldAt: row.heldAt.toISOString(),
    chair: row.chair,
    venue: row.venue,
    attendees: z.array(MeetingAttendeeSchema).parse(row.attendees),
    agenda: z.array(z.string()).parse(row.agenda),
    judgement: row.judgement === null ? null : MeetingJudgementSchema.parse(row.judgement),
    minutes: row.minutes,
    decisions: row.tasks.map((t) => ({
      taskId: t.id,
      text: t.task,
      ownerId: t.ownerId,
      ownerName: t.owner.displayName,
      dueDate: t.dueAt ? localDate(t.dueAt) : null,
      status: t.status,
      overdue: isOverdue(t, now),
      doneAt: t.doneAt?.toISOString() ?? null,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The list's order: the latest meeting first. */
const KEYSET: Keyset = { tag: 'meetings', columns: [{ field: 'heldAt', dir: 'desc', kind: 'date' }] };

export async function listMeetings(
  prisma: PrismaClient,
  user: AuthUser,
  params: z.output<typeof ListMeetingsQuerySchema>,
): Promise<MeetingPage> {
  const range = dayRange(params.from, params.to);
  const where: Prisma.CommitteeMeetingWhereInput = {
    orgId: { in: await orgIdsInScope(prisma, user, params.org, params.own) },
    ...(params.kind ? { kind: params.kind } : {}),
    ...(range ? { heldAt: range } : {}),
  };
  const table = KIND.table(prisma);
  const now = new Date();
  return countedPage(
    params,
    () =>
      keysetPage(
        KEYSET,
        where,
        params,
        (query) => table.findMany(query),
        (rows) => rows.map((row) => toMeeting(row, now)),
      ),
    () => table.count(where),
  );
}

export async function getMeeting(prisma: PrismaClient, user: AuthUser, id: string): Promise<Meeting> {
  return toMeeting(await loadInScope(prisma, user, KIND, id));
}

// ---------------------------------------------------------------------------------------------
// Checks

/** The org a meeting is held by: in the writer's reach and a committee (not a branch). */
async function loadCommittee(tx: Tx, user: AuthUser, orgId: string) {
  const org = await loadWritableOrg(tx, user, orgId);
  if (!holdsCommitteeMeetings(org.kind as OrgKind)) {
    const said = { key: 'meeting.notCommittee' } as const;
    throw validationError([fieldIssue('orgId', 'not_committee', said)], said);
  }
  return org;
}

function assertShape(v: Parameters<typeof meetingShapeIssues>[0]): void {
  const issues = meetingShapeIssues(v);
  if (issues.length > 0) {
    throw validationError(issues.map((i) => ({ field: i.path, code: 'custom', message: i.message })));
  }
}

/** Linked 阵地/风险点 and 舆情 must exist in the committee's subtree. */
async function checkLinks(tx: Tx, org: { path: string }, judgement: MeetingJudgement | null | undefined) {
  if (!judgement) return;
  const inTree = { org: { path: { startsWith: org.path } } };
  const points = await tx.riskPoint.count({ where: { id: { in: judgement.riskPointIds }, ...inTree } });
  const alerts = await tx.riskAlert.count({ where: { id: { in: judgement.alertIds }, ...inTree } });
  const said = { key: 'meeting.linkMissing' } as const;
  const fields = [];
  if (points !== new Set(judgement.riskPointIds).size)
    fields.push(fieldIssue('judgement.riskPointIds', 'not_found', said));
  if (alerts !== new Set(judgement.alertIds).size) fields.push(fieldIssue('judgement.alertIds', 'not_found', said));
  if (fields.length > 0) throw validationError(fields, said);
}

async function checkOwners(tx: Tx, decisions: readonly MeetingDecisionInput[], org: { id: string; path: string }) {
  for (const [i, d] of decisions.entries()) {
    try {
      await checkOwner(tx, d.ownerId, org);
    } catch (error) {
      // Name the decision the owner belongs to.
      if (error instanceof AppError && error.details?.fields) {
        throw new AppError(error.code, { key: error.key, params: error.params } as ErrorMessage, {
          fields: error.details.fields.map((f) => ({ ...f, field: `decisions.${i}.${f.field}` })),
        });
      }
      throw error;
    }
  }
}

/** The half year a meeting falls in: its tasks' period on the responsibility list. */
function meetingPeriod(heldAt: Date) {
  const { year, month } = shanghaiParts(heldAt);
  return periodFromCode(`${year}-H${month <= 6 ? 1 : 2}`);
}

const json = (value: unknown) => value as Prisma.InputJsonValue;
const optionalText = (value: string | null | undefined) =>
  value === undefined ? undefined : value?.trim() ? value : null;
const taskText = (text: string) => text.slice(0, ASSIGNMENT_TASK_MAX);

// ---------------------------------------------------------------------------------------------
// Writing (each runs inside the caller's transaction, see plugins/write.ts)

async function createTask(
  tx: Tx,
  user: AuthUser,
  meeting: { id: string; orgId: string; heldAt: Date },
  d: MeetingDecisionInput,
) {
  const period = await ensurePeriod(tx, meetingPeriod(meeting.heldAt));
  await createRecord(
    tx,
    user,
    TASKS,
    {
      periodId: period.id,
      orgId: meeting.orgId,
      ownerId: d.ownerId,
      kind: 'TASK',
      area: null,
      task: taskText(d.text),
      dueAt: localDateToInstant(d.dueDate),
      rule: PrismaValues.DbNull,
      meetingId: meeting.id,
    },
    { orgChecked: true },
  );
}

export async function createMeeting(tx: Tx, user: AuthUser, input: CreateMeetingInput): Promise<Meeting> {
  const org = await loadCommittee(tx, user, input.orgId);
  assertShape(input);
  await checkLinks(tx, org, input.judgement);
  await checkOwners(tx, input.decisions, org);
  const row = await createRecord(
    tx,
    user,
    KIND,
    {
      orgId: input.orgId,
      kind: input.kind,
      title: input.title,
      heldAt: new Date(input.heldAt),
      chair: input.chair,
      venue: optionalText(input.venue) ?? null,
      attendees: json(input.attendees),
      agenda: json(input.agenda),
      judgement: input.judgement ? json(input.judgement) : PrismaValues.DbNull,
      minutes: optionalText(input.minutes) ?? null,
    },
    { orgChecked: true },
  );
  for (const d of input.decisions) await createTask(tx, user, row, d);
  return toMeeting((await KIND.table(tx).find(row.id)) as MeetingRow);
}

const doneRefusal = (index: number | null) => {
  const said = { key: 'meeting.doneTaskKept' } as const;
  return new AppError('CONFLICT', said, {
    fields: [fieldIssue(index === null ? 'decisions' : `decisions.${index}`, 'done', said)],
  });
};

/** Removes an open task of the meeting (audited); one with evidence or done is refused. */
async function removeTask(tx: Tx, user: AuthUser, taskId: string): Promise<void> {
  const task = await TASKS.table(tx).find(taskId);
  if (!task) return;
  if (task.status === 'DONE') throw doneRefusal(null);
  const evidence = await tx.attachment.count({ where: { entityType: 'Assignment', entityId: taskId } });
  if (evidence > 0) {
    const said = { key: 'meeting.taskHasEvidence' } as const;
    throw new AppError('CONFLICT', said, { fields: [fieldIssue('decisions', 'evidence', said)] });
  }
  await versionedDelete(tx, user, TASKS, task);
}

/**
 * The decisions as sent are the whole list: new ones become tasks, named ones change their task
 * (a done one only if unchanged), left-out ones are removed (never a done one).
 */
async function syncDecisions(
  tx: Tx,
  user: AuthUser,
  before: MeetingRow,
  meeting: { id: string; orgId: string; heldAt: Date },
  decisions: readonly MeetingDecisionInput[],
): Promise<void> {
  const existing = new Map(before.tasks.map((t) => [t.id, t]));
  const kept = new Set<string>();
  for (const [i, d] of decisions.entries()) {
    if (!d.taskId) continue;
    if (!existing.has(d.taskId)) {
      const said = { key: 'meeting.taskUnknown' } as const;
      throw validationError([fieldIssue(`decisions.${i}.taskId`, 'not_found', said)], said);
    }
    kept.add(d.taskId);
  }
  for (const t of before.tasks) if (!kept.has(t.id)) await removeTask(tx, user, t.id);
  const period = await ensurePeriod(tx, meetingPeriod(meeting.heldAt));
  for (const [i, d] of decisions.entries()) {
    if (!d.taskId) {
      await createTask(tx, user, meeting, d);
      continue;
    }
    const task = await TASKS.table(tx).find(d.taskId);
    if (!task) continue;
    const due = localDateToInstant(d.dueDate);
    const changed =
      task.task !== taskText(d.text) ||
      task.ownerId !== d.ownerId ||
      task.dueAt?.getTime() !== due.getTime() ||
      task.orgId !== meeting.orgId ||
      task.periodId !== period.id;
    if (!changed) continue;
    if (task.status === 'DONE') throw doneRefusal(i);
    await versionedUpdate(tx, user, TASKS, task, {
      task: taskText(d.text),
      ownerId: d.ownerId,
      dueAt: due,
      orgId: meeting.orgId,
      periodId: period.id,
    });
  }
}

export async function updateMeeting(
  tx: Tx,
  user: AuthUser,
  id: string,
  input: UpdateMeetingInput,
  expectedVersion?: number,
): Promise<Meeting> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  const orgId = input.orgId ?? before.orgId;
  const org = await loadCommittee(tx, user, orgId);
  const judgement =
    input.judgement === undefined
      ? before.judgement === null
        ? null
        : MeetingJudgementSchema.parse(before.judgement)
      : input.judgement;
  assertShape({ kind: input.kind ?? before.kind, judgement });
  if (input.judgement) await checkLinks(tx, org, input.judgement);
  const heldAt = input.heldAt ? new Date(input.heldAt) : before.heldAt;
  const meeting = { id, orgId, heldAt };
  const decisions =
    input.decisions ??
    // Unsent decisions stay as they are, but follow the meeting to another org or half year.
    before.tasks.map((t) => ({
      taskId: t.id,
      text: t.task,
      ownerId: t.ownerId,
      dueDate: t.dueAt ? localDate(t.dueAt) : localDate(heldAt),
    }));
  if (input.decisions || orgId !== before.orgId || heldAt.getTime() !== before.heldAt.getTime()) {
    await checkOwners(tx, decisions, org);
    await syncDecisions(tx, user, before, meeting, decisions);
  }
  const row = await versionedUpdate(tx, user, KIND, before, {
    orgId: input.orgId,
    kind: input.kind,
    title: input.title,
    heldAt: input.heldAt ? heldAt : undefined,
    chair: input.chair,
    venue: optionalText(input.venue),
    attendees: input.attendees ? json(input.attendees) : undefined,
    agenda: input.agenda ? json(input.agenda) : undefined,
    judgement:
      input.judgement === undefined ? undefined : input.judgement ? json(input.judgement) : PrismaValues.DbNull,
    minutes: optionalText(input.minutes),
  });
  return toMeeting(row);
}

/** A meeting goes with its open tasks; one whose 议定事项 has been done (or has evidence) stays. */
export async function deleteMeeting(tx: Tx, user: AuthUser, id: string, expectedVersion?: number): Promise<Removal> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  for (const t of before.tasks) await removeTask(tx, user, t.id);
  return versionedDelete(tx, user, KIND, before);
}

/** For the seed and tests: a meeting's tasks' ids. */
export async function meetingTaskIds(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db.assignment.findMany({
    where: { meetingId },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => r.id);
}
