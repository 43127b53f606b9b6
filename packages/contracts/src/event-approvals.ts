// 一会一报 (issue 19, ADR 048): a 报告会, 研讨会, 讲座 or 论坛 is submitted for approval at least
// N days ahead (Asia/Shanghai days; N from the nearest rule up the org's path, default 3), goes
// through an approval chain step by step, and after the event records what was held. One held
// without a final approval, or submitted late, is flagged and counted (EVENTS_UNAPPROVED).
import { z } from 'zod';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields } from './common.ts';
import { ORG_LEVELS } from './orgs.ts';
import { localDateToInstant, shanghaiLocalDate } from './periods.ts';
import { RoleSchema } from './permissions.ts';

export const EVENT_KINDS = ['REPORT_MEETING', 'SEMINAR', 'LECTURE', 'FORUM'] as const;
export const EventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKindSchema>;

/**
 * DRAFT → SUBMITTED → IN_REVIEW (after the first step's approval, while steps remain) → APPROVED,
 * or REJECTED at any step (amend and submit again: the chain starts over). HELD once the event
 * took place, from any state (held without approval is flagged `unapproved`).
 */
export const EVENT_STATES = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'HELD'] as const;
export const EventStateSchema = z.enum(EVENT_STATES);
export type EventState = z.infer<typeof EventStateSchema>;

/** States in which the submitter may still change the event and (re)submit it. */
export const EVENT_EDITABLE_STATES: readonly EventState[] = ['DRAFT', 'REJECTED'];
/** States waiting for an approver. */
export const EVENT_PENDING_STATES: readonly EventState[] = ['SUBMITTED', 'IN_REVIEW'];

/** The lead days when no rule on the org's path says otherwise (docs/domain.md: ≥ 3 days ahead). */
export const DEFAULT_EVENT_LEAD_DAYS = 3;
export const EVENT_LEAD_DAYS_MAX = 60;

export const EVENT_TOPIC_MAX = 200;
export const EVENT_OUTLINE_MAX = 5000;
export const EVENT_NAME_MAX = 100;
export const EVENT_VENUE_MAX = 200;
export const EVENT_TEXT_MAX = 2000;
export const EVENT_AUDIENCE_MAX = 100_000;
export const EVENT_CHAIN_STEPS_MAX = 6;
export const EVENT_STEP_LABEL_MAX = 50;

/**
 * One step of an approval chain: who approves it, by role at the org of a level on the event's
 * path (社区书记: SECRETARY at BRANCH), or a named user. A role step whose level the event's path
 * does not have (a 街道's own forum has no branch) is left out when the chain is taken.
 */
export const ChainStepSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(EVENT_STEP_LABEL_MAX),
    role: RoleSchema.optional(),
    level: z.enum(ORG_LEVELS).optional(),
    userId: IdSchema.optional(),
  })
  .superRefine((step, ctx) => {
    const byRole = step.role !== undefined && step.level !== undefined;
    if (byRole === (step.userId !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['userId'],
        message: '每一步须指定审批人：选择角色和层级，或指定一名用户（二选一）',
        input: step,
      });
    }
  });
export type ChainStep = z.infer<typeof ChainStepSchema>;

/** The chain used where no rule on the path names one: the 街道 committee's leader approves. */
export const DEFAULT_EVENT_CHAIN: readonly ChainStep[] = [{ label: '街道党工委审批', role: 'LEADER', level: 'STREET' }];

/** PUT /api/event-approval-rules: an org's rule for itself and every org below it. */
export const PutEventRuleInputSchema = z.strictObject({
  orgId: IdSchema,
  leadDays: z.number().int().min(0).max(EVENT_LEAD_DAYS_MAX),
  steps: z.array(ChainStepSchema).min(1, '审批链至少需要一步').max(EVENT_CHAIN_STEPS_MAX),
});
export type PutEventRuleInput = z.infer<typeof PutEventRuleInputSchema>;

export const EventRuleQuerySchema = z.strictObject({ org: IdSchema.optional() });

/** The rule in force for an org: the nearest up its path, or the defaults (`sourceOrgId` null). */
export const EventRuleSchema = z.object({
  orgId: IdSchema,
  sourceOrgId: IdSchema.nullable(),
  sourceOrgName: z.string().nullable(),
  leadDays: z.number().int(),
  steps: z.array(
    z.object({
      label: z.string(),
      role: RoleSchema.optional(),
      level: z.enum(ORG_LEVELS).optional(),
      userId: IdSchema.optional(),
    }),
  ),
  version: z.number().int().nullable(),
});
export type EventRule = z.infer<typeof EventRuleSchema>;

const fields = {
  orgId: IdSchema,
  kind: EventKindSchema,
  topic: z.string().trim().min(1).max(EVENT_TOPIC_MAX),
  outline: z.string().trim().min(1).max(EVENT_OUTLINE_MAX),
  speaker: z.string().trim().min(1).max(EVENT_NAME_MAX),
  speakerEmployer: z.string().trim().min(1).max(EVENT_NAME_MAX),
  venue: z.string().trim().min(1).max(EVENT_VENUE_MAX),
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  audienceSize: z.number().int().min(1).max(EVENT_AUDIENCE_MAX),
  foreignParticipants: z.boolean(),
  foreignDetails: z.string().trim().max(EVENT_TEXT_MAX).nullable().optional(),
  /** The submitter's 政治把关 opinion on topic, speaker and content. */
  vettingOpinion: z.string().trim().min(1).max(EVENT_TEXT_MAX),
};

export const EVENT_ENDS_BEFORE_START = '结束时间须晚于开始时间';
export const EVENT_FOREIGN_DETAILS_REQUIRED = '有境外人员参加时，须说明其身份、人数和来源';

/** The cross-field rules, on a create body or a stored event merged with a PATCH. */
export function eventIssues(value: {
  startsAt?: string | null;
  endsAt?: string | null;
  foreignParticipants?: boolean | null;
  foreignDetails?: string | null;
}): { path: 'endsAt' | 'foreignDetails'; message: string }[] {
  const issues: { path: 'endsAt' | 'foreignDetails'; message: string }[] = [];
  if (value.startsAt && value.endsAt && Date.parse(value.endsAt) <= Date.parse(value.startsAt))
    issues.push({ path: 'endsAt', message: EVENT_ENDS_BEFORE_START });
  if (value.foreignParticipants === true && !value.foreignDetails?.trim())
    issues.push({ path: 'foreignDetails', message: EVENT_FOREIGN_DETAILS_REQUIRED });
  return issues;
}

export const CreateEventInputSchema = z.strictObject(fields).superRefine((value, ctx) => {
  for (const issue of eventIssues(value)) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, input: value[issue.path] });
  }
});
export type CreateEventInput = z.infer<typeof CreateEventInputSchema>;

export const UpdateEventInputSchema = z
  .strictObject(fields)
  .partial()
  .superRefine((value, ctx) => {
    if (Object.keys(value).length === 0) ctx.addIssue({ code: 'custom', message: '至少修改一项内容', input: value });
    for (const issue of eventIssues(value)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, input: value[issue.path] });
    }
  });
export type UpdateEventInput = z.infer<typeof UpdateEventInputSchema>;

export const SubmitEventInputSchema = z.strictObject({});

export const EVENT_DECISIONS = ['APPROVE', 'REJECT'] as const;
export const EventDecisionSchema = z.enum(EVENT_DECISIONS);

/** One approver's decision on the step they were shown (`step`, from 0): another step is refused. */
export const DecideEventInputSchema = z.strictObject({
  step: z
    .number()
    .int()
    .min(0)
    .max(EVENT_CHAIN_STEPS_MAX - 1),
  decision: EventDecisionSchema,
  /** 审批意见, or the reason for sending it back. */
  opinion: z.string().trim().min(1, '请填写审批意见或退回理由').max(EVENT_TEXT_MAX),
});
export type DecideEventInput = z.infer<typeof DecideEventInputSchema>;

/** After the event: what was actually held (the material and photos attach to the record). */
export const HoldEventInputSchema = z.strictObject({
  heldNote: z.string().trim().min(1, '请填写实际举办情况').max(EVENT_TEXT_MAX),
});
export type HoldEventInput = z.infer<typeof HoldEventInputSchema>;

export const ListEventsQuerySchema = z.strictObject({
  ...recordListQueryFields,
  state: EventStateSchema.optional(),
  kind: EventKindSchema.optional(),
  /** true: held without approval or submitted late (the EVENTS_UNAPPROVED figure). */
  flagged: z.enum(['true', 'false']).optional(),
  /** true: finally approved (the EVENTS_APPROVED figure). */
  approved: z.enum(['true', 'false']).optional(),
  /** true: waiting for the caller's own decision. */
  mine: z.enum(['true']).optional(),
  sort: z.enum(['-startsAt', 'startsAt', '-createdAt']).default('-startsAt'),
});
export type ListEventsQuery = z.input<typeof ListEventsQuerySchema>;

/** A step as taken at submission: the approver it resolved to. */
export const ResolvedStepSchema = z.object({
  label: z.string(),
  role: RoleSchema.nullable(),
  orgId: IdSchema.nullable(),
  orgName: z.string().nullable(),
  userId: IdSchema.nullable(),
  userName: z.string().nullable(),
});
export type ResolvedStep = z.infer<typeof ResolvedStepSchema>;

export const EventDecisionRecordSchema = z.object({
  round: z.number().int(),
  step: z.number().int(),
  decision: EventDecisionSchema,
  opinion: z.string(),
  userId: IdSchema,
  userName: z.string(),
  at: InstantSchema,
});
export type EventDecisionRecord = z.infer<typeof EventDecisionRecordSchema>;

export const EventApprovalSchema = z.object({
  ...recordFields,
  kind: EventKindSchema,
  topic: z.string(),
  outline: z.string(),
  speaker: z.string(),
  speakerEmployer: z.string(),
  venue: z.string(),
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  audienceSize: z.number().int(),
  foreignParticipants: z.boolean(),
  foreignDetails: z.string().nullable(),
  vettingOpinion: z.string(),
  state: EventStateSchema,
  /** First submitted at (lateness is judged from it). */
  submittedAt: InstantSchema.nullable(),
  /** The lead days in force when it was submitted. */
  leadDays: z.number().int().nullable(),
  /** Submitted later than leadDays Shanghai days before the start. */
  late: z.boolean(),
  /** Held without a final approval (or never submitted). */
  unapproved: z.boolean(),
  /** late or unapproved: counted in EVENTS_UNAPPROVED. */
  flagged: z.boolean(),
  round: z.number().int(),
  /** The step waiting for a decision (index into chain), null when none is. */
  currentStep: z.number().int().nullable(),
  chain: z.array(ResolvedStepSchema),
  decisions: z.array(EventDecisionRecordSchema),
  /** Whether the caller is the approver of the current step. */
  mayDecide: z.boolean(),
  heldAt: InstantSchema.nullable(),
  heldNote: z.string().nullable(),
});
export type EventApproval = z.infer<typeof EventApprovalSchema>;

export const EventApprovalPageSchema = pageSchema(EventApprovalSchema);
export type EventApprovalPage = z.infer<typeof EventApprovalPageSchema>;

/** Whole Shanghai calendar days from the day of `submittedAt` to the day of `startsAt`. */
export function leadDaysBetween(submittedAt: Date, startsAt: Date): number {
  const from = localDateToInstant(shanghaiLocalDate(submittedAt)).getTime();
  const to = localDateToInstant(shanghaiLocalDate(startsAt)).getTime();
  return Math.round((to - from) / 86_400_000);
}

/** Late: fewer than `leadDays` Shanghai days between the submission's day and the start's day. */
export function isLateSubmission(submittedAt: Date, startsAt: Date, leadDays: number): boolean {
  return leadDaysBetween(submittedAt, startsAt) < leadDays;
}

/** The figure parts of an event (the facts function dutyboard_facts_event writes the same). */
export function eventPart(row: { state: EventState; late: boolean; unapproved: boolean }): string {
  const approval = row.unapproved
    ? 'UNAPPROVED'
    : row.state === 'APPROVED' || row.state === 'HELD'
      ? 'APPROVED'
      : 'OPEN';
  return `${approval}:${row.late ? 'LATE' : 'ON_TIME'}`;
}
