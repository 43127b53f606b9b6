// Study sessions (学习研讨): list, read, create, update, delete. Every check runs on the record as
// loaded from the database, and every change writes its audit event in the same transaction.
import {
  type Absentee,
  attendanceIssues,
  type CreateStudySessionInput,
  type ListStudySessionsQuerySchema,
  STUDY_TOPIC_GROUPS,
  type StudySession,
  type StudySessionPage,
  type UpdateStudySessionInput,
} from '@dutyboard/contracts/study-sessions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { validationError } from '../../errors/app-error.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { figureWhere } from '../metrics/records.ts';
import { orgIdsInScope } from '../orgs/scope.ts';
import { dayRange, keysetPage, sortKeyset } from '../records/keyset.ts';
import { loadInScope, RECORD_KINDS } from '../records/registry.ts';
import { createRecord, deleteInScope, loadForChange, type Removal, versionedUpdate } from '../records/writes.ts';

const KIND = RECORD_KINDS.StudySession;
const withOrg = { org: { select: { name: true, path: true } } } as const;
type StudySessionRow = Prisma.StudySessionGetPayload<{ include: typeof withOrg }>;

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
    host: row.host,
    expectedAttendance: row.expectedAttendance,
    actualAttendance: row.actualAttendance,
    absentees: absenteesOf(row.absentees),
    materials: row.materials,
    minutes: row.minutes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const SORT_KINDS = { occurredAt: 'date', createdAt: 'date' } as const;

export async function listStudySessions(
  prisma: PrismaClient,
  user: AuthUser,
  params: z.output<typeof ListStudySessionsQuerySchema>,
): Promise<StudySessionPage> {
  const occurredAt = dayRange(params.from, params.to);
  const where: Prisma.StudySessionWhereInput = {
    orgId: { in: await orgIdsInScope(prisma, user, params.org) },
    ...(params.kind ? { kind: params.kind } : {}),
    ...(occurredAt ? { occurredAt } : {}),
    AND: [
      // Both may be given (a drill's group plus a topic picked on the page): the topic must satisfy both.
      ...(params.topicCategory ? [{ topicCategory: params.topicCategory }] : []),
      ...(params.topicGroup ? [{ topicCategory: { in: [...STUDY_TOPIC_GROUPS[params.topicGroup]] } }] : []),
      // The records a study figure counts, as the registry declares them (metrics/records.ts).
      ...(params.figure ? [figureWhere(params.figure) as Prisma.StudySessionWhereInput] : []),
    ],
  };
  return keysetPage(
    sortKeyset(params.sort, SORT_KINDS),
    where,
    params,
    (query) => prisma.studySession.findMany({ ...query, include: withOrg }),
    (rows) => rows.map(toStudySession),
  );
}

export async function getStudySession(prisma: PrismaClient, user: AuthUser, id: string): Promise<StudySession> {
  return toStudySession(await loadInScope(prisma, user, KIND, id));
}

/** Runs inside the caller's transaction (see plugins/write.ts). */
export async function createStudySession(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: CreateStudySessionInput,
): Promise<StudySession> {
  const row = await createRecord(tx, user, KIND, {
    orgId: input.orgId,
    kind: input.kind,
    topicCategory: input.topicCategory ?? 'OTHER',
    topic: input.topic,
    occurredAt: new Date(input.occurredAt),
    host: input.host || null,
    expectedAttendance: input.expectedAttendance ?? null,
    actualAttendance: input.actualAttendance ?? null,
    absentees: input.absentees ?? [],
    materials: input.materials || null,
    minutes: input.minutes || null,
  });
  return toStudySession(row);
}

export async function updateStudySession(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: UpdateStudySessionInput,
  expectedVersion?: number,
): Promise<StudySession> {
  const before = await loadForChange(tx, user, KIND, id, expectedVersion, input);
  // A PATCH may carry one side of a rule only (just the actual count): check the record it makes.
  const issues = attendanceIssues({
    expectedAttendance: input.expectedAttendance !== undefined ? input.expectedAttendance : before.expectedAttendance,
    actualAttendance: input.actualAttendance !== undefined ? input.actualAttendance : before.actualAttendance,
    absentees: input.absentees ?? absenteesOf(before.absentees),
  });
  if (issues.length > 0) throw validationError(issues);
  const row = await versionedUpdate(tx, user, KIND, before, {
    orgId: input.orgId,
    kind: input.kind,
    topicCategory: input.topicCategory,
    topic: input.topic,
    occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
    // An emptied text field is stored as "not filled", as on create.
    host: input.host === undefined ? undefined : input.host || null,
    expectedAttendance: input.expectedAttendance,
    actualAttendance: input.actualAttendance,
    absentees: input.absentees,
    materials: input.materials === undefined ? undefined : input.materials || null,
    minutes: input.minutes === undefined ? undefined : input.minutes || null,
  });
  return toStudySession(row);
}

export async function deleteStudySession(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  expectedVersion?: number,
): Promise<Removal> {
  return deleteInScope(tx, user, KIND, id, expectedVersion);
}
