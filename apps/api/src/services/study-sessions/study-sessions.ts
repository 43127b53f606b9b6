// Study sessions (学习研讨): the standard services of the kind (records/service.ts) with its own
// answer, filters, stored fields and attendance rule.
import {
  type Absentee,
  attendanceIssues,
  type CreateStudySessionInput,
  type ListStudySessionsQuerySchema,
  STUDY_TOPIC_GROUPS,
  type StudySession,
  type UpdateStudySessionInput,
} from '@dutyboard/contracts/study-sessions';
import type { Prisma } from '@dutyboard/db/client';
import type { z } from 'zod';
import { validationError } from '../../errors/app-error.ts';
import { figureWhere } from '../metrics/records.ts';
import { RECORD_KINDS, type RowOf } from '../records/registry.ts';
import { recordService } from '../records/service.ts';
import { timeKnownChange } from '../records/time-known.ts';

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
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a new study session stores (a create, and each imported row): an empty text is "not filled". */
export function storedStudySession(input: CreateStudySessionInput) {
  return {
    orgId: input.orgId,
    kind: input.kind,
    topicCategory: input.topicCategory ?? 'OTHER',
    topic: input.topic,
    occurredAt: new Date(input.occurredAt),
    timeKnown: input.timeKnown ?? true,
    host: input.host || null,
    expectedAttendance: input.expectedAttendance ?? null,
    actualAttendance: input.actualAttendance ?? null,
    absentees: input.absentees ?? [],
    materials: input.materials || null,
    minutes: input.minutes || null,
  };
}

export const studySessionService = recordService({
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
    // A PATCH may carry one side of a rule only (just the actual count): check the record it makes.
    const issues = attendanceIssues({
      expectedAttendance: input.expectedAttendance !== undefined ? input.expectedAttendance : before.expectedAttendance,
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
    };
  },
});

export const listStudySessions = studySessionService.list;
