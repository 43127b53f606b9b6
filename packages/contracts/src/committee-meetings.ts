// 党工委 meetings on ideology work (ADR 046): 专题研究 (the committee studies ideology work as an
// agenda item, at least once each half year) and 意识形态形势分析研判 (each quarter). A meeting is
// held by a committee — a 街道/乡镇 党工委, a 区委 or 市委, never a branch — and its 议定事项
// (decisions) become responsibility tasks (Assignment, kind TASK, meetingId) in the same
// transaction, tracked to done through the responsibility list.
import { z } from 'zod';
import { AssignmentStatusSchema } from './assignments.ts';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields } from './common.ts';
import { ORG_KIND_RULES, type OrgKind, type OrgLevel } from './orgs.ts';
import { LocalDateSchema } from './periods.ts';
import { RiskLevelSchema } from './risk-points.ts';

export const MEETING_KINDS = ['SPECIAL_STUDY', 'SITUATION_JUDGEMENT'] as const;
export const MeetingKindSchema = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof MeetingKindSchema>;

/** The levels whose org is a committee that holds these meetings; a branch does not. */
export const MEETING_ORG_LEVELS = ['CITY', 'DISTRICT', 'STREET'] as const satisfies readonly OrgLevel[];
export const holdsCommitteeMeetings = (kind: OrgKind): boolean =>
  (MEETING_ORG_LEVELS as readonly OrgLevel[]).includes(ORG_KIND_RULES[kind].level);

export const MEETING_TITLE_MAX = 200;
export const MEETING_CHAIR_MAX = 64;
export const MEETING_VENUE_MAX = 200;
export const MEETING_NAME_MAX = 64;
export const MEETING_ATTENDEES_MAX = 60;
export const MEETING_AGENDA_MAX = 20;
export const MEETING_TOPIC_MAX = 200;
export const MEETING_RISKS_MAX = 20;
export const MEETING_RISK_TEXT_MAX = 500;
export const MEETING_LINKS_MAX = 20;
export const MEETING_MINUTES_MAX = 20_000;
export const MEETING_DECISIONS_MAX = 20;
export const MEETING_DECISION_MAX = 500;

const text = (max: number) => z.string().trim().min(1).max(max);

/** One attendee: a user of the org (userId, name as shown) or a free-text name; observer: 列席. */
export const MeetingAttendeeSchema = z.strictObject({
  userId: IdSchema.nullable().optional(),
  name: text(MEETING_NAME_MAX),
  observer: z.boolean(),
});
export type MeetingAttendee = z.infer<typeof MeetingAttendeeSchema>;

/** A risk area the 研判 found, its level and the measures decided. */
export const MeetingRiskSchema = z.strictObject({
  area: text(MEETING_TOPIC_MAX),
  level: RiskLevelSchema,
  measures: text(MEETING_RISK_TEXT_MAX),
});
export type MeetingRisk = z.infer<typeof MeetingRiskSchema>;

/** The judgement of a 研判: risks found, and optionally the 阵地/风险点 and 舆情 of the subtree it judged. */
export const MeetingJudgementSchema = z.strictObject({
  risks: z.array(MeetingRiskSchema).min(1).max(MEETING_RISKS_MAX),
  riskPointIds: z.array(IdSchema).max(MEETING_LINKS_MAX).default([]),
  alertIds: z.array(IdSchema).max(MEETING_LINKS_MAX).default([]),
});
export type MeetingJudgement = z.infer<typeof MeetingJudgementSchema>;

/**
 * A 议定事项 as written on the meeting: its text, its owner (a user who reaches the org) and its due
 * day. `taskId` names the task it already is (on an edit); without it a new task is made.
 */
export const MeetingDecisionInputSchema = z.strictObject({
  taskId: IdSchema.optional(),
  text: text(MEETING_DECISION_MAX),
  ownerId: IdSchema,
  dueDate: LocalDateSchema,
});
export type MeetingDecisionInput = z.infer<typeof MeetingDecisionInputSchema>;

const fields = {
  orgId: IdSchema,
  kind: MeetingKindSchema,
  title: text(MEETING_TITLE_MAX),
  heldAt: InstantSchema,
  chair: text(MEETING_CHAIR_MAX),
  venue: z.string().trim().max(MEETING_VENUE_MAX).nullable().optional(),
  attendees: z.array(MeetingAttendeeSchema).min(1).max(MEETING_ATTENDEES_MAX),
  agenda: z.array(text(MEETING_TOPIC_MAX)).min(1).max(MEETING_AGENDA_MAX),
  /** 研判 only (and required there). */
  judgement: MeetingJudgementSchema.nullable().optional(),
  minutes: z.string().trim().max(MEETING_MINUTES_MAX).nullable().optional(),
  decisions: z.array(MeetingDecisionInputSchema).max(MEETING_DECISIONS_MAX),
};

export const MEETING_JUDGEMENT_REQUIRED = '分析研判会议须填写研判的风险领域、等级和措施';
export const MEETING_JUDGEMENT_ONLY = '只有分析研判会议填写研判内容';

/** The cross-field rule, on a create or a stored meeting merged with a change: a 研判 judges, a 专题研究 does not. */
export function meetingShapeIssues(v: {
  kind?: MeetingKind;
  judgement?: MeetingJudgement | null;
}): { path: 'judgement'; message: string }[] {
  if (v.kind === 'SITUATION_JUDGEMENT' && !v.judgement)
    return [{ path: 'judgement', message: MEETING_JUDGEMENT_REQUIRED }];
  if (v.kind === 'SPECIAL_STUDY' && v.judgement) return [{ path: 'judgement', message: MEETING_JUDGEMENT_ONLY }];
  return [];
}

function addShapeIssues(v: Parameters<typeof meetingShapeIssues>[0], ctx: z.RefinementCtx) {
  for (const issue of meetingShapeIssues(v)) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, input: v.judgement });
  }
}

export const CreateMeetingInputSchema = z
  .strictObject({ ...fields, decisions: fields.decisions.default([]) })
  .superRefine(addShapeIssues);
export type CreateMeetingInput = z.infer<typeof CreateMeetingInputSchema>;

/**
 * A partial change. `decisions`, when sent, is the whole list: a decision without taskId is a new
 * task, one with taskId changes that task, and a task left out is removed — refused when it is done.
 */
export const UpdateMeetingInputSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: '至少修改一项内容' });
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInputSchema>;

export const ListMeetingsQuerySchema = z.strictObject({
  ...recordListQueryFields,
  kind: MeetingKindSchema.optional(),
});
export type ListMeetingsQuery = z.input<typeof ListMeetingsQuerySchema>;

/** A decision as the meeting shows it: the task's live state. */
export const MeetingDecisionSchema = z.object({
  taskId: IdSchema,
  text: z.string(),
  ownerId: IdSchema,
  ownerName: z.string(),
  dueDate: LocalDateSchema.nullable(),
  status: AssignmentStatusSchema,
  overdue: z.boolean(),
  doneAt: InstantSchema.nullable(),
});
export type MeetingDecision = z.infer<typeof MeetingDecisionSchema>;

export const MeetingSchema = z.object({
  ...recordFields,
  kind: MeetingKindSchema,
  title: z.string(),
  heldAt: InstantSchema,
  chair: z.string(),
  venue: z.string().nullable(),
  attendees: z.array(MeetingAttendeeSchema),
  agenda: z.array(z.string()),
  judgement: MeetingJudgementSchema.nullable(),
  minutes: z.string().nullable(),
  decisions: z.array(MeetingDecisionSchema),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MeetingPageSchema = pageSchema(MeetingSchema);
export type MeetingPage = z.infer<typeof MeetingPageSchema>;
