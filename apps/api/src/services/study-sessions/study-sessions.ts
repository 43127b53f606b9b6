// Study sessions (学习研讨): the standard services of the kind (records/service.ts) with its own
// answer, filters, stored fields and attendance rule; the 中心组 roster, its 补学 step and the
// list of members still owing one (ADR 051).
import type { FieldIssue } from '@dutyboard/contracts/errors';
import { shanghaiLocalDate } from '@dutyboard/contracts/periods';
import {
  type Absentee,
  attendanceIssues,
  type CreateStudySessionInput,
  type ListStudySessionsQuerySchema,
  type MakeUpsOwed,
  type MakeUpsOwedQuery,
  owesMakeUp,
  type RecordMakeUpInput,
  type RosterMember,
  type RosterMemberInput,
  RosterMemberSchema,
  rosterAttendance,
  rosterIssues,
  STUDY_TOPIC_GROUPS,
  type StudySession,
  storedRoster,
  type UpdateStudySessionInput,
} from '@dutyboard/contracts/study-sessions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { Prisma as PrismaValues } from '@dutyboard/db/generated/prisma/client';
import { z } from 'zod';
import { validationError } from '../../errors/app-error.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { figureWhere } from '../metrics/records.ts';
import { orgIdsInScope } from '../orgs/scope.ts';
import { dayRange } from '../records/keyset.ts';
import { type Db, loadInScope, RECORD_KINDS, type RowOf } from '../records/registry.ts';
import { recordService } from '../records/service.ts';
import { timeKnownChange } from '../records/time-known.ts';
import { versionedUpdate } from '../records/writes.ts';

type StudySessionRow = RowOf<'StudySession'>;

/** The stored list (a JSON column), read defensively: anything that is not a {name, reason} is skipped. */
function absenteesOf(value: Prisma.JsonValue | null): Absentee[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const entry = item as { name?: unknown; reason?: unknown } | null;
    return entry && typeof entry.name === 'string' && typeof entry.reason === 'string'
      ? [{ name: entry.name, reason: entry.reason }]
      : [];
  });
}

const StoredRosterSchema = z.array(RosterMemberSchema);
const json = (value: unknown) => value as Prisma.InputJsonValue;

/** The stored roster, or null when none was kept (or what is stored is not one). */
function rosterOf(value: Prisma.JsonValue | null): RosterMember[] | null {
  if (value === null) return null;
  const parsed = StoredRosterSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** What a roster stores with it: the roster and the attendance that follows from it. */
function withRoster(roster: RosterMember[]) {
  return { roster: json(roster), ...rosterAttendance(roster) };
}

export function toStudySession(row: StudySessionRow): StudySession {
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    kind: row.kind,
    topicCategory: row.topicCategory,
    topic: row.topic,
    occurredAt: row.occurredAt.toISOString(),
    timeKnown: row.timeKnown,
    host: row.host,
    expectedAttendance: row.expectedAttendance,
    actualAttendance: row.actualAttendance,
    absentees: absenteesOf(row.absentees),
    materials: row.materials,
    minutes: row.minutes,
    roster: rosterOf(row.roster),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a new study session stores (a create, and each imported row): an empty text is "not filled". */
export function storedStudySession(input: CreateStudySessionInput) {
  // Only a body with a roster stores one, and its counts follow from it; without one (an import
  // row, an older form) everything is exactly as before.
  const roster = input.roster ? withRoster(storedRoster(input.roster)) : undefined;
  return {
    orgId: input.orgId,
    kind: input.kind,
    topicCategory: input.topicCategory ?? 'OTHER',
    topic: input.topic,
    occurredAt: new Date(input.occurredAt),
    timeKnown: input.timeKnown ?? true,
    host: input.host || null,
    expectedAttendance: roster ? roster.expectedAttendance : (input.expectedAttendance ?? null),
    actualAttendance: roster ? roster.actualAttendance : (input.actualAttendance ?? null),
    absentees: roster ? roster.absentees : (input.absentees ?? []),
    materials: input.materials || null,
    minutes: input.minutes || null,
    // The prepared create names every column (writes.ts prepareCreate) and record_insert reads the
    // row as JSON, where null is SQL NULL; imports write their own column list, without this one.
    roster: roster ? roster.roster : (null as unknown as Prisma.InputJsonValue),
  };
}

/** Roster members picked from the users must be users of the session's org or an org below it. */
async function checkRosterUsers(db: Db, orgId: string, roster: readonly RosterMemberInput[]): Promise<void> {
  const ids = roster.flatMap((m) => (m.userId ? [m.userId] : []));
  if (ids.length === 0) return;
  const [org, users] = await Promise.all([
    db.orgUnit.findUnique({ where: { id: orgId }, select: { path: true } }),
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, org: { select: { path: true } } } }),
  ]);
  if (!org) return; // the create's org check answers for a missing org
  const issues: FieldIssue[] = [];
  roster.forEach((m, i) => {
    if (!m.userId) return;
    const found = users.find((u) => u.id === m.userId);
    if (!found?.org.path.startsWith(org.path)) {
      issues.push({
        field: `roster.${i}.userId`,
        code: 'custom',
        message: `${m.name} 不是本组织或下级组织的用户，请从本组织用户中选择或直接填写姓名`,
      });
    }
  });
  if (issues.length > 0) throw validationError(issues);
}

const base = recordService({
  kind: RECORD_KINDS.StudySession,
  answer: toStudySession,
  list: {
    sorts: { occurredAt: 'date', createdAt: 'date' },
    days: 'occurredAt',
    where: (params: z.output<typeof ListStudySessionsQuerySchema>): Prisma.StudySessionWhereInput => ({
      ...(params.kind ? { kind: params.kind } : {}),
      AND: [
        // Both may be given (a drill's group plus a topic picked on the page): the topic must satisfy both.
        ...(params.topicCategory ? [{ topicCategory: params.topicCategory }] : []),
        ...(params.topicGroup ? [{ topicCategory: { in: [...STUDY_TOPIC_GROUPS[params.topicGroup]] } }] : []),
        // The records a study figure counts, as the registry declares them (metrics/records.ts).
        ...(params.figure ? [figureWhere(params.figure) as Prisma.StudySessionWhereInput] : []),
      ],
    }),
  },
  created: storedStudySession,
  changed: (input: UpdateStudySessionInput, before) => {
    const roster =
      input.roster === undefined ? rosterOf(before.roster) : input.roster === null ? null : storedRoster(input.roster);
    if (roster) {
      // The counts follow from the roster: any sent must agree with it (the merged record is checked).
      const issues = rosterIssues({
        kind: input.kind ?? before.kind,
        topicCategory: input.topicCategory ?? before.topicCategory,
        occurredAt: input.occurredAt ?? before.occurredAt,
        roster,
        expectedAttendance: input.expectedAttendance,
        actualAttendance: input.actualAttendance,
        absentees: input.absentees,
      });
      if (issues.length > 0) throw validationError(issues);
    }
    // A PATCH may carry one side of a rule only (just the actual count): check the record it makes.
    const issues = roster
      ? []
      : attendanceIssues({
          expectedAttendance:
            input.expectedAttendance !== undefined ? input.expectedAttendance : before.expectedAttendance,
          actualAttendance: input.actualAttendance !== undefined ? input.actualAttendance : before.actualAttendance,
          absentees: input.absentees ?? absenteesOf(before.absentees),
        });
    if (issues.length > 0) throw validationError(issues);
    return {
      orgId: input.orgId,
      kind: input.kind,
      topicCategory: input.topicCategory,
      topic: input.topic,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
      timeKnown: timeKnownChange(input),
      // An emptied text field is stored as "not filled", as on create.
      host: input.host === undefined ? undefined : input.host || null,
      expectedAttendance: input.expectedAttendance,
      actualAttendance: input.actualAttendance,
      absentees: input.absentees,
      materials: input.materials === undefined ? undefined : input.materials || null,
      minutes: input.minutes === undefined ? undefined : input.minutes || null,
      // Emptied (null), the roster goes and the counts it gave stay as typed-in counts.
      ...(input.roster === null ? { roster: PrismaValues.DbNull } : {}),
      ...(roster && input.roster !== undefined ? withRoster(roster) : {}),
    };
  },
});

const KIND = RECORD_KINDS.StudySession;

export const studySessionService = {
  ...base,
  async prepareCreate(db: Db, user: AuthUser, input: CreateStudySessionInput, fresh = false) {
    if (input.roster) await checkRosterUsers(db, input.orgId, input.roster);
    return base.prepareCreate(db, user, input, fresh);
  },
  async update(
    tx: Prisma.TransactionClient,
    user: AuthUser,
    id: string,
    input: UpdateStudySessionInput,
    version?: number,
  ) {
    if (input.roster) {
      const orgId =
        input.orgId ?? (await tx.studySession.findUnique({ where: { id }, select: { orgId: true } }))?.orgId;
      if (orgId) await checkRosterUsers(tx, orgId, input.roster);
    }
    return base.update(tx, user, id, input, version);
  },
};

export const listStudySessions = studySessionService.list;

/** POST /api/study-sessions/:id/make-ups: a member's 补学, recorded after the session (audited). */
export async function recordMakeUp(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: RecordMakeUpInput,
  expectedVersion?: number,
): Promise<StudySession> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  const roster = rosterOf(before.roster) ?? [];
  const index = roster.findIndex((m) => m.name === input.name);
  const member = roster[index];
  const refuse = (field: string, message: string) => validationError([{ field, code: 'custom', message }]);
  if (!member) throw refuse('name', `这次学习的参学名单中没有 ${input.name}`);
  if (member.role !== 'MEMBER' || member.status === 'PRESENT') {
    throw refuse('name', `${member.name} 已出席或为列席旁听，无需补学`);
  }
  const day = shanghaiLocalDate(before.occurredAt);
  if (input.madeUpOn < day) throw refuse('madeUpOn', `补学日期（${input.madeUpOn}）不能早于学习当天（${day}）`);
  const makeUp = { madeUpOn: input.madeUpOn, how: input.how, notes: input.notes || null };
  const next = roster.map((m, i) => (i === index ? { ...m, makeUp } : m));
  const row = await versionedUpdate(
    tx,
    user,
    KIND,
    before,
    { roster: json(next) },
    { auditAfter: { makeUp: { name: member.name, ...makeUp } } },
  );
  return toStudySession(row);
}

/** Sessions read for the owed list at most (a 街道's 中心组 meets about monthly). */
const OWED_SESSIONS_MAX = 1000;

/** GET /api/study-sessions/make-ups-owed: members still owing a 补学, in the caller's reach. */
export async function listMakeUpsOwed(db: PrismaClient, user: AuthUser, query: MakeUpsOwedQuery): Promise<MakeUpsOwed> {
  const range = dayRange(query.from, query.to);
  const rows = await db.studySession.findMany({
    where: {
      orgId: { in: await orgIdsInScope(db, user, query.org) },
      roster: { not: PrismaValues.DbNull },
      ...(range ? { occurredAt: range } : {}),
    },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    include: { org: { select: { name: true } } },
    take: OWED_SESSIONS_MAX,
  });
  return {
    items: rows.flatMap((row) =>
      (rosterOf(row.roster) ?? []).filter(owesMakeUp).map((m) => ({
        sessionId: row.id,
        orgId: row.orgId,
        orgName: row.org.name,
        topic: row.topic,
        occurredAt: row.occurredAt.toISOString(),
        timeKnown: row.timeKnown,
        userId: m.userId,
        name: m.name,
        status: m.status,
        reason: m.reason,
      })),
    ),
  };
}
