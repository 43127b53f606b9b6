// Study sessions (学习研讨): 中心组理论学习, 专题研讨, 支部学习, 干部培训. Each kind is a metric of
// its own (metrics.ts); the topic category tells the ideology-work seminars apart from the others.
import { z } from 'zod';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields, TimeKnownSchema } from './common.ts';
import type { FieldIssue } from './errors.ts';
import { type CountedFigure, FIGURES, figuresOf, partMatcher } from './figures.ts';
import { LocalDateSchema, shanghaiLocalDate } from './periods.ts';
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

// ---- The 中心组 roster (ADR 051): who was expected, who came, who sat in (列席旁听), who was on
// leave, and each absent member's 补学. Optional: a session without one is as it always was.

const countsAsCentralGroup = partMatcher(FIGURES.CENTRAL_GROUP_STUDY.parts);
/**
 * The sessions that may carry a roster: those the 中心组学习 figure counts — kind CENTRAL_GROUP,
 * and a 中心组专题学习研讨 entered as a SEMINAR on a study topic (as the demo's five are). Derived
 * from the figure's parts, so the two never disagree.
 */
export function rosterAllowed(kind: StudyKind, topicCategory: StudyTopic | undefined): boolean {
  return countsAsCentralGroup(`${kind}:${topicCategory ?? 'OTHER'}`);
}
export const ROSTER_ROLES = ['MEMBER', 'OBSERVER'] as const;
export const RosterRoleSchema = z.enum(ROSTER_ROLES);
export type RosterRole = z.infer<typeof RosterRoleSchema>;
export const ROSTER_STATUSES = ['PRESENT', 'LEAVE', 'ABSENT'] as const;
export const RosterStatusSchema = z.enum(ROSTER_STATUSES);
export type RosterStatus = z.infer<typeof RosterStatusSchema>;
/** 自学 / 集中补学. */
export const MAKE_UP_WAYS = ['SELF', 'GROUP'] as const;
export const MakeUpWaySchema = z.enum(MAKE_UP_WAYS);
export type MakeUpWay = z.infer<typeof MakeUpWaySchema>;
export const ROSTER_MAX = 100;
export const ROSTER_OUTLINE_MAX = 5000;
export const MAKE_UP_NOTES_MAX = 500;
/** The reason an ABSENT member without one is listed under in the derived absentees. */
export const ABSENT_WITHOUT_REASON = '缺席';

export const MakeUpSchema = z.strictObject({
  /** The Shanghai day the member made the study up; not before the session's day. */
  madeUpOn: LocalDateSchema,
  how: MakeUpWaySchema,
  notes: z.string().trim().max(MAKE_UP_NOTES_MAX).nullable().optional(),
});
export type MakeUpInput = z.infer<typeof MakeUpSchema>;

export const RosterMemberInputSchema = z
  .strictObject({
    /** A user of the org (or of an org below it, e.g. a 社区's 列席); null for a name only. */
    userId: IdSchema.nullable().optional(),
    name: z.string().trim().min(1).max(STUDY_ABSENTEE_NAME_MAX),
    role: RosterRoleSchema.optional(),
    status: RosterStatusSchema,
    /** Required when on leave (请假). */
    reason: z.string().trim().max(STUDY_ABSENTEE_REASON_MAX).nullable().optional(),
    /** 发言提纲, for a member present. */
    outline: z.string().trim().max(ROSTER_OUTLINE_MAX).nullable().optional(),
    /** 补学, for a member on leave or absent. */
    makeUp: MakeUpSchema.nullable().optional(),
  })
  .superRefine((m, ctx) => {
    if (m.status === 'LEAVE' && !m.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `${m.name} 请假，请填写请假原因` });
    }
    if (m.outline && m.status !== 'PRESENT') {
      ctx.addIssue({ code: 'custom', path: ['outline'], message: `${m.name} 未出席，不能有发言提纲` });
    }
    if (m.makeUp && (m.status === 'PRESENT' || m.role === 'OBSERVER')) {
      ctx.addIssue({ code: 'custom', path: ['makeUp'], message: `${m.name} 已出席或为列席，无需补学` });
    }
  });
export type RosterMemberInput = z.infer<typeof RosterMemberInputSchema>;

export const RosterInputSchema = z
  .array(RosterMemberInputSchema)
  .max(ROSTER_MAX)
  .superRefine((members, ctx) => {
    const seen = new Set<string>();
    const users = new Set<string>();
    members.forEach((m, i) => {
      if (seen.has(m.name)) {
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `名单中 ${m.name} 出现了两次` });
      }
      seen.add(m.name);
      if (m.userId) {
        if (users.has(m.userId)) {
          ctx.addIssue({ code: 'custom', path: [i, 'userId'], message: `名单中 ${m.name} 出现了两次` });
        }
        users.add(m.userId);
      }
    });
    if (!members.some((m) => (m.role ?? 'MEMBER') === 'MEMBER')) {
      ctx.addIssue({ code: 'custom', message: '名单中至少要有一名成员（列席旁听不计入应到）' });
    }
  });

/** A roster member as stored and answered: every field present. */
export const RosterMemberSchema = z.object({
  userId: IdSchema.nullable(),
  name: z.string(),
  role: RosterRoleSchema,
  status: RosterStatusSchema,
  reason: z.string().nullable(),
  outline: z.string().nullable(),
  makeUp: z.object({ madeUpOn: LocalDateSchema, how: MakeUpWaySchema, notes: z.string().nullable() }).nullable(),
});
export type RosterMember = z.infer<typeof RosterMemberSchema>;

/** A roster input in its stored shape. */
export function storedRoster(members: readonly RosterMemberInput[]): RosterMember[] {
  return members.map((m) => ({
    userId: m.userId ?? null,
    name: m.name,
    role: m.role ?? 'MEMBER',
    status: m.status,
    reason: m.reason || null,
    outline: m.outline || null,
    makeUp: m.makeUp ? { madeUpOn: m.makeUp.madeUpOn, how: m.makeUp.how, notes: m.makeUp.notes || null } : null,
  }));
}

/** Whether a member still owes a 补学: a member (not a 列席) who missed it and has none recorded. */
export function owesMakeUp(m: Pick<RosterMember, 'role' | 'status' | 'makeUp'>): boolean {
  return m.role === 'MEMBER' && m.status !== 'PRESENT' && !m.makeUp;
}

/**
 * The attendance a roster gives: 应到 = its members (列席 excluded), 实到 = those present, and the
 * absentees those on leave or absent with their reason.
 */
export function rosterAttendance(members: readonly Pick<RosterMember, 'name' | 'role' | 'status' | 'reason'>[]) {
  const counted = members.filter((m) => m.role === 'MEMBER');
  return {
    expectedAttendance: counted.length,
    actualAttendance: counted.filter((m) => m.status === 'PRESENT').length,
    absentees: counted
      .filter((m) => m.status !== 'PRESENT')
      .map((m) => ({ name: m.name, reason: m.reason || ABSENT_WITHOUT_REASON })),
  };
}

/** A roster member as either a body or the stored list has it. */
interface RosterEntry {
  name: string;
  role?: RosterRole | undefined;
  status: RosterStatus;
  reason?: string | null | undefined;
  makeUp?: { madeUpOn: string } | null | undefined;
}

export interface RosterValues extends AttendanceValues {
  kind?: StudyKind | undefined;
  topicCategory?: StudyTopic | undefined;
  occurredAt?: string | Date | undefined;
  roster?: readonly RosterEntry[] | null | undefined;
}

/**
 * The rules between a roster and the rest of the session, checked on a create body and on the
 * merged record of a PATCH: only a 中心组 session has one; a 补学 is not before the session's day;
 * counts or absentees sent alongside a roster must be what the roster gives (they follow from it).
 */
export function rosterIssues(values: RosterValues): FieldIssue[] {
  const roster = values.roster;
  if (!roster) return [];
  const issues: FieldIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, code: 'custom', message });
  if (values.kind && !rosterAllowed(values.kind, values.topicCategory)) {
    issue('roster', '只有中心组学习（含中心组专题学习研讨）可以填写参学名单，请清空名单或修改类型');
  }
  const day = values.occurredAt ? shanghaiLocalDate(new Date(values.occurredAt)) : undefined;
  roster.forEach((m, i) => {
    if (day && m.makeUp && m.makeUp.madeUpOn < day) {
      issue(`roster.${i}.makeUp.madeUpOn`, `${m.name} 的补学日期（${m.makeUp.madeUpOn}）不能早于学习当天（${day}）`);
    }
  });
  const derived = rosterAttendance(roster.map((m) => ({ ...m, role: m.role ?? 'MEMBER', reason: m.reason ?? null })));
  if (typeof values.expectedAttendance === 'number' && values.expectedAttendance !== derived.expectedAttendance) {
    issue(
      'expectedAttendance',
      `名单中成员 ${derived.expectedAttendance} 人（不含列席），与应到人数 ${values.expectedAttendance} 不符：请核对名单，或不填人数由名单计算`,
    );
  }
  if (typeof values.actualAttendance === 'number' && values.actualAttendance !== derived.actualAttendance) {
    issue(
      'actualAttendance',
      `名单中出席 ${derived.actualAttendance} 人（不含列席），与实到人数 ${values.actualAttendance} 不符：请核对名单，或不填人数由名单计算`,
    );
  }
  if (Array.isArray(values.absentees) && values.absentees.length > 0) {
    const sent = JSON.stringify(values.absentees);
    if (sent !== JSON.stringify(derived.absentees)) {
      issue('absentees', '有参学名单时缺席人员由名单生成：请在名单中标记请假或缺席，不要另填缺席人员');
    }
  }
  return issues;
}

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
  /** 中心组 only; left out, the session has none (the shape every older client sends). */
  roster: RosterInputSchema.nullable().optional(),
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

function refineAttendance(values: RosterValues, ctx: z.RefinementCtx): void {
  // With a roster the counts follow from it: its own rules replace the count rules.
  const issues = values.roster ? rosterIssues(values) : attendanceIssues(values);
  for (const issue of issues) {
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
  /** The 中心组 roster, or null when none was kept (counts and absentees were typed in). */
  roster: z.array(RosterMemberSchema).nullable(),
});
export type StudySession = z.infer<typeof StudySessionSchema>;

export const StudySessionPageSchema = pageSchema(StudySessionSchema);
export type StudySessionPage = z.infer<typeof StudySessionPageSchema>;

/** Records a member's 补学 after the session (POST /api/study-sessions/:id/make-ups). */
export const RecordMakeUpInputSchema = MakeUpSchema.extend({
  /** The member, by the name on the roster. */
  name: z.string().trim().min(1).max(STUDY_ABSENTEE_NAME_MAX),
});
export type RecordMakeUpInput = z.infer<typeof RecordMakeUpInputSchema>;

export const MakeUpsOwedQuerySchema = z.strictObject({
  /** An org; the list covers it and every org below it (default: the caller's home org). */
  org: IdSchema.optional(),
  /** Asia/Shanghai days of the session, both inclusive. */
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
});
export type MakeUpsOwedQuery = z.infer<typeof MakeUpsOwedQuerySchema>;

export const OwedMakeUpSchema = z.object({
  sessionId: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  topic: z.string(),
  occurredAt: InstantSchema,
  timeKnown: z.boolean(),
  userId: IdSchema.nullable(),
  name: z.string(),
  status: RosterStatusSchema,
  reason: z.string().nullable(),
});
export type OwedMakeUp = z.infer<typeof OwedMakeUpSchema>;
/** Every member still owing a 补学, oldest session first. */
export const MakeUpsOwedSchema = z.object({ items: z.array(OwedMakeUpSchema) });
export type MakeUpsOwed = z.infer<typeof MakeUpsOwedSchema>;
