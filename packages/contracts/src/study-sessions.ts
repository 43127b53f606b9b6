// Study sessions (学习研讨): 中心组理论学习, 专题研讨, 支部学习, 干部培训. Each kind is a metric of
// its own (metrics.ts); the topic category tells the ideology-work seminars apart from the others.
import { z } from 'zod';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields, TimeKnownSchema } from './common.ts';
import type { FieldIssue } from './errors.ts';
import { type CountedFigure, figuresOf } from './figures.ts';
import { STUDY_TOPICS } from './study-topics.ts';

export const STUDY_KINDS = ['CENTRAL_GROUP', 'SEMINAR', 'BRANCH_STUDY', 'CADRE_TRAINING'] as const;
export const StudyKindSchema = z.enum(STUDY_KINDS);
export type StudyKind = z.infer<typeof StudyKindSchema>;

export { STUDY_TOPIC_GROUPS, STUDY_TOPICS, type StudyTopicGroup } from './study-topics.ts';
export const StudyTopicSchema = z.enum(STUDY_TOPICS);
export const StudyTopicGroupSchema = z.enum(['IDEOLOGY', 'STUDY']);
export type StudyTopic = z.infer<typeof StudyTopicSchema>;

/** The figures counted from study sessions (figures.ts), a list filter that lists exactly their records. */
export const StudyFigureSchema = z.enum(figuresOf('study') as [CountedFigure, ...CountedFigure[]]);

export const STUDY_TOPIC_MAX = 200;
export const STUDY_HOST_MAX = 64;
export const STUDY_MATERIALS_MAX = 5000;
export const STUDY_MINUTES_MAX = 20_000;
export const STUDY_ATTENDANCE_MAX = 100_000;
export const STUDY_ABSENTEES_MAX = 500;
export const STUDY_ABSENTEE_NAME_MAX = 64;
export const STUDY_ABSENTEE_REASON_MAX = 200;

export const AbsenteeSchema = z.strictObject({
  name: z.string().trim().min(1).max(STUDY_ABSENTEE_NAME_MAX),
  reason: z.string().trim().min(1).max(STUDY_ABSENTEE_REASON_MAX),
});
export type Absentee = z.infer<typeof AbsenteeSchema>;

const attendance = z.number().int().min(1).max(STUDY_ATTENDANCE_MAX);

const fields = {
  orgId: IdSchema,
  kind: StudyKindSchema,
  /** Stored as OTHER when left out on create. */
  topicCategory: StudyTopicSchema.optional(),
  topic: z.string().trim().min(1).max(STUDY_TOPIC_MAX),
  occurredAt: InstantSchema,
  timeKnown: TimeKnownSchema.optional(),
  host: z.string().trim().max(STUDY_HOST_MAX).nullable().optional(),
  expectedAttendance: attendance.nullable().optional(),
  actualAttendance: attendance.nullable().optional(),
  absentees: z.array(AbsenteeSchema).max(STUDY_ABSENTEES_MAX).optional(),
  materials: z.string().trim().max(STUDY_MATERIALS_MAX).nullable().optional(),
  minutes: z.string().trim().max(STUDY_MINUTES_MAX).nullable().optional(),
};

export interface AttendanceValues {
  expectedAttendance?: number | null;
  actualAttendance?: number | null;
  absentees?: readonly unknown[] | null;
}

/**
 * The rules across the attendance fields, checked wherever both sides are known: by the schemas
 * below on a request body, and by the API on the merged record of a PATCH (which may send only one
 * side). Fields not set (undefined or null) are not compared.
 *   - 实到 ≤ 应到 (issue on actualAttendance);
 *   - the absentees listed are no more than 应到 − 实到 (issue on absentees).
 */
export function attendanceIssues(values: AttendanceValues): FieldIssue[] {
  const expected = values.expectedAttendance;
  const actual = values.actualAttendance;
  if (typeof expected !== 'number' || typeof actual !== 'number') return [];
  if (actual > expected) {
    return [
      {
        field: 'actualAttendance',
        code: 'custom',
        message: `实到人数（${actual}）不能多于应到人数（${expected}）`,
      },
    ];
  }
  const listed = Array.isArray(values.absentees) ? values.absentees.length : 0;
  if (listed > expected - actual) {
    return [
      {
        field: 'absentees',
        code: 'custom',
        message: `缺席人员列了 ${listed} 人，多于应到减实到的 ${expected - actual} 人，请核对人数或名单`,
      },
    ];
  }
  return [];
}

function refineAttendance(values: AttendanceValues, ctx: z.RefinementCtx): void {
  for (const issue of attendanceIssues(values)) {
    ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  }
}

/** Unknown fields are refused rather than silently dropped, so a typo is reported. */
export const CreateStudySessionInputSchema = z.strictObject(fields).superRefine(refineAttendance);
export type CreateStudySessionInput = z.infer<typeof CreateStudySessionInputSchema>;

export const UpdateStudySessionInputSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: '请至少修改一项内容' })
  .superRefine(refineAttendance);
export type UpdateStudySessionInput = z.infer<typeof UpdateStudySessionInputSchema>;

export const STUDY_SESSION_SORTS = ['-occurredAt', 'occurredAt', '-createdAt', 'createdAt'] as const;
export const StudySessionSortSchema = z.enum(STUDY_SESSION_SORTS);
export type StudySessionSort = z.infer<typeof StudySessionSortSchema>;

export const ListStudySessionsQuerySchema = z.strictObject({
  ...recordListQueryFields,
  kind: StudyKindSchema.optional(),
  topicCategory: StudyTopicSchema.optional(),
  /** A group of topics (STUDY_TOPIC_GROUPS); combines with topicCategory as AND. */
  topicGroup: StudyTopicGroupSchema.optional(),
  /** The records a figure counts (a dashboard drill, e.g. CENTRAL_GROUP_STUDY); combines as AND. */
  figure: StudyFigureSchema.optional(),
  sort: StudySessionSortSchema.default('-occurredAt'),
});
export type ListStudySessionsQuery = z.input<typeof ListStudySessionsQuerySchema>;

export const StudySessionSchema = z.object({
  ...recordFields,
  kind: StudyKindSchema,
  topicCategory: StudyTopicSchema,
  topic: z.string(),
  occurredAt: InstantSchema,
  timeKnown: TimeKnownSchema,
  host: z.string().nullable(),
  expectedAttendance: z.number().int().nullable(),
  actualAttendance: z.number().int().nullable(),
  absentees: z.array(z.object({ name: z.string(), reason: z.string() })),
  materials: z.string().nullable(),
  minutes: z.string().nullable(),
});
export type StudySession = z.infer<typeof StudySessionSchema>;

export const StudySessionPageSchema = pageSchema(StudySessionSchema);
export type StudySessionPage = z.infer<typeof StudySessionPageSchema>;
