// 考核任务 (issue 18 part 2, ADR 041): the issuing org opens a campaign on a scheme for its period
// and its units; each unit's return goes 自评 → 提交 → 复核 → (退回 →) 复核完成 → 确认, and is locked
// once confirmed. The states, the steps allowed from each, who takes each step (the action and the
// side: the unit itself or the issuer) are declared here once, so the API enforces exactly what
// the web will offer (like the alert workflow, risk-alerts.ts).
import { z } from 'zod';
import { ItemProposalSchema, SCHEME_POINTS_MAX, SchemeLevelSchema } from './assessments.ts';
import { ENTITY_TYPES, EntityTypeSchema } from './attachments.ts';
import { IdSchema, InstantSchema } from './common.ts';
import { MetricDrillSchema } from './metrics.ts';
import { LocalDateSchema, PeriodCodeSchema } from './periods.ts';
import type { Action } from './permissions.ts';

export const CAMPAIGN_STATES = ['OPEN', 'CLOSED'] as const;
export const CampaignStateSchema = z.enum(CAMPAIGN_STATES);
export type CampaignState = z.infer<typeof CampaignStateSchema>;

export const RETURN_STATES = [
  'NOT_STARTED',
  'SELF_DRAFT',
  'SUBMITTED',
  'IN_REVIEW',
  'RETURNED',
  'REVIEWED',
  'CONFIRMED',
] as const;
export const ReturnStateSchema = z.enum(RETURN_STATES);
export type ReturnState = z.infer<typeof ReturnStateSchema>;

/** The states a step moves to (every state but NOT_STARTED, which only opening a campaign sets). */
export type ReturnStep = Exclude<ReturnState, 'NOT_STARTED'>;
export const RETURN_STEPS = RETURN_STATES.filter((s): s is ReturnStep => s !== 'NOT_STARTED');
export const ReturnStepSchema = z.enum(RETURN_STEPS as [ReturnStep, ...ReturnStep[]]);

/**
 * From each state, the states one step may move to. A self-loop is a save that keeps the state
 * (the 自评 saved again, the 复核 saved again). 退回 sends the return back to the unit, which
 * edits (SELF_DRAFT) or submits again; REVIEWED may go back to IN_REVIEW or to the unit before the
 * leader confirms; CONFIRMED is final (locked).
 */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnState, readonly ReturnStep[]>> = {
  NOT_STARTED: ['SELF_DRAFT'],
  SELF_DRAFT: ['SELF_DRAFT', 'SUBMITTED'],
  SUBMITTED: ['IN_REVIEW', 'RETURNED'],
  IN_REVIEW: ['IN_REVIEW', 'REVIEWED', 'RETURNED'],
  RETURNED: ['SELF_DRAFT', 'SUBMITTED'],
  REVIEWED: ['IN_REVIEW', 'RETURNED', 'CONFIRMED'],
  CONFIRMED: [],
};

/** Who takes a step: the unit scored (its own leader) or the issuing org (its reviewer or leader). */
export type ReturnParty = 'UNIT' | 'ISSUER';
export const RETURN_STEP_PARTY: Readonly<Record<ReturnStep, ReturnParty>> = {
  SELF_DRAFT: 'UNIT',
  SUBMITTED: 'UNIT',
  IN_REVIEW: 'ISSUER',
  RETURNED: 'ISSUER',
  REVIEWED: 'ISSUER',
  CONFIRMED: 'ISSUER',
};

/**
 * The action a step needs (permissions.ts): the 自评 is the unit's own (assessment:self — a
 * 街道's leader, a 支部's secretary — and the unit must be the caller's home org); 复核 and 退回 the issuer's reviewer or leader
 * (assessment:review); the confirmation the issuer's leader (assessment:manage).
 */
export const RETURN_STEP_ACTION: Readonly<Record<ReturnStep, Action>> = {
  SELF_DRAFT: 'assessment:self',
  SUBMITTED: 'assessment:self',
  IN_REVIEW: 'assessment:review',
  RETURNED: 'assessment:review',
  REVIEWED: 'assessment:review',
  CONFIRMED: 'assessment:manage',
};

export function canStep(from: ReturnState, to: ReturnState): boolean {
  return (RETURN_TRANSITIONS[from] as readonly ReturnState[]).includes(to);
}

/** The steps a caller may take now: allowed from the state, permitted to the role, on the caller's side. */
export function returnStepsOf(
  state: ReturnState,
  can: (action: Action) => boolean,
  side: { unit: boolean; issuer: boolean },
): ReturnStep[] {
  return RETURN_TRANSITIONS[state].filter(
    (to) => can(RETURN_STEP_ACTION[to]) && (RETURN_STEP_PARTY[to] === 'UNIT' ? side.unit : side.issuer),
  );
}

/** The steps taken by POST …/steps (the saves are PUT …/self and PUT …/review). */
export const POSTED_STEPS = ['SUBMITTED', 'RETURNED', 'REVIEWED', 'CONFIRMED'] as const satisfies readonly ReturnStep[];
export type PostedStep = (typeof POSTED_STEPS)[number];

/** 复核 of one item: agree with the 自评 score, or change it with a written reason. */
export const REVIEW_DECISIONS = ['AGREE', 'CHANGE'] as const;
export const ReviewDecisionSchema = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

export const CAMPAIGN_NAME_MAX = 100;
export const ASSESSMENT_NOTE_MAX = 1000;
export const ASSESSMENT_LINKS_MAX = 50;

// ---------------------------------------------------------------------------------------------
// Inputs

/** The key of the refine's message in the error catalogue. */
export const REVIEW_DUE_MESSAGE_KEY = 'campaign.reviewBeforeSelf';
/** The 复核 is due on or after the 自评 (Asia/Shanghai days, "YYYY-MM-DD" compare as text). */
export function reviewDueValid(selfDueOn: string, reviewDueOn: string): boolean {
  return reviewDueOn >= selfDueOn;
}

export const OpenCampaignInputSchema = z
  .strictObject({
    /** A scheme of the issuing org (DRAFT or IN_USE): opening puts a draft in use. */
    scheme: IdSchema,
    name: z.string().trim().min(1).max(CAMPAIGN_NAME_MAX).optional(),
    /** The units scored: orgs of the scheme's level below the issuer. Default: every one of them. */
    units: z.array(IdSchema).min(1).max(500).optional(),
    /** Asia/Shanghai days: the 自评 is due by `selfDueOn`, the 复核 by `reviewDueOn`. */
    selfDueOn: LocalDateSchema,
    reviewDueOn: LocalDateSchema,
  })
  .refine((v) => reviewDueValid(v.selfDueOn, v.reviewDueOn), {
    path: ['reviewDueOn'],
    // The catalogue's words (error-messages.ts 'campaign.reviewBeforeSelf'), named by its key so
    // the web says it in the reader's language; not imported, as the catalogue imports this file.
    message: '复核截止日期不能早于自评截止日期',
    params: { key: REVIEW_DUE_MESSAGE_KEY },
  });
export type OpenCampaignInput = z.infer<typeof OpenCampaignInputSchema>;

/** mine: campaigns the org issued; above: campaigns issued above it in which it (or the unit it belongs to) is scored. */
export const CAMPAIGN_ISSUER_FILTERS = ['mine', 'above'] as const;
export const ListCampaignsQuerySchema = z.strictObject({
  /** The campaigns this org issued and those that score it. Default: home org. */
  org: IdSchema.optional(),
  issuer: z.enum(CAMPAIGN_ISSUER_FILTERS).optional(),
  period: PeriodCodeSchema.optional(),
  state: CampaignStateSchema.optional(),
});

export const RecordLinkSchema = z.strictObject({ type: EntityTypeSchema, id: IdSchema });
export type RecordLink = z.infer<typeof RecordLinkSchema>;

const score = z.number().min(0).max(SCHEME_POINTS_MAX);
const note = z.string().trim().max(ASSESSMENT_NOTE_MAX);

export const SelfItemInputSchema = z.strictObject({
  key: z.string().min(1).max(40),
  /** The unit's score; an item left out keeps its proposal (or its last saved score). */
  score: score.nullable(),
  note,
  /** Records of the unit's subtree that prove the item (checked), and files already stored. */
  records: z.array(RecordLinkSchema).max(ASSESSMENT_LINKS_MAX).default([]),
  attachments: z.array(IdSchema).max(ASSESSMENT_LINKS_MAX).default([]),
});
export const SaveSelfInputSchema = z.strictObject({ items: z.array(SelfItemInputSchema).max(1000) });
export type SaveSelfInput = z.infer<typeof SaveSelfInputSchema>;

export const ReviewItemInputSchema = z.strictObject({
  key: z.string().min(1).max(40),
  decision: ReviewDecisionSchema,
  /** CHANGE: the reviewer's score and written reason (both required). */
  score: score.optional(),
  reason: note.optional(),
});
export const SaveReviewInputSchema = z.strictObject({ items: z.array(ReviewItemInputSchema).max(1000) });
export type SaveReviewInput = z.infer<typeof SaveReviewInputSchema>;

export const ReturnStepInputSchema = z.strictObject({
  to: z.enum(POSTED_STEPS),
  /** 退回: why the unit must do more (required). */
  reason: note.optional(),
});
export type ReturnStepInput = z.infer<typeof ReturnStepInputSchema>;

// ---------------------------------------------------------------------------------------------
// Stored items and what an item needs before a step (pure: the web checks the same)

/**
 * How many records of an item's drill are read: kept as the records counted (drift by identity)
 * and listed in the 自评's picker. The list's own page size, so one page of the drill is read.
 */
export const DRILL_RECORDS_MAX = 100;

/** One record of an item's drill, as the 自评 picker lists it and drift names it. */
export const DrillRecordSchema = z.object({
  id: IdSchema,
  /** Its link for the 自评 (type, id): the record itself, or for a 阵地 check the 阵地 checked. */
  link: RecordLinkSchema,
  title: z.string(),
  /** Asia/Shanghai day of the date the drill filters on (null for a list without one). */
  date: LocalDateSchema.nullable(),
  orgName: z.string(),
});
export type DrillRecord = z.infer<typeof DrillRecordSchema>;

/**
 * The records an item counted, kept on the stored item at each 自评 save and again at the
 * confirmation (ADR 041, amendment part C). Above DRILL_RECORDS_MAX only the first are kept
 * (`capped`) and drift compares counts only.
 */
export const CountedRecordsSchema = z.object({
  at: z.enum(['SELF', 'CONFIRMED']),
  done: z.number().int(),
  list: z.string(),
  records: z.array(DrillRecordSchema),
  capped: z.boolean(),
});
export type CountedRecords = z.infer<typeof CountedRecordsSchema>;

/** One item of a return as stored: the proposal at the last 自评 save, the 自评, the 复核. */
export const ReturnItemSchema = z.object({
  key: z.string(),
  /** The proposal the 自评 was made from: the records counted then (null for MANUAL). */
  proposed: z.number().nullable(),
  done: z.number().int().nullable(),
  selfScore: z.number().nullable(),
  selfNote: z.string(),
  records: z.array(RecordLinkSchema),
  attachments: z.array(IdSchema),
  decision: ReviewDecisionSchema.nullable(),
  reviewScore: z.number().nullable(),
  reviewReason: z.string(),
  /** The records counted (items with a drill); rows stored before part C have none. */
  counted: CountedRecordsSchema.nullable().default(null),
});
export type ReturnItem = z.infer<typeof ReturnItemSchema>;

export interface ItemGap {
  key: string;
  problem: 'SCORE_MISSING' | 'NOTE_MISSING' | 'NOT_REVIEWED' | 'REASON_MISSING' | 'ABOVE_POINTS';
}

/**
 * What stops a 自评 from being submitted: a MANUAL item without score or note, an adjusted score
 * (not the proposal) without a note, a score above the item's points.
 */
export function selfGaps(
  items: readonly ReturnItem[],
  scheme: readonly { key: string; points: number; manual: boolean }[],
): ItemGap[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const gaps: ItemGap[] = [];
  for (const s of scheme) {
    const i = byKey.get(s.key);
    if (!i || i.selfScore === null) gaps.push({ key: s.key, problem: 'SCORE_MISSING' });
    else if (i.selfScore > s.points) gaps.push({ key: s.key, problem: 'ABOVE_POINTS' });
    else if ((s.manual || i.selfScore !== i.proposed) && i.selfNote.trim() === '')
      gaps.push({ key: s.key, problem: 'NOTE_MISSING' });
  }
  return gaps;
}

/** What stops a 复核 from being finished: an item not decided, a change without a reason, above the points. */
export function reviewGaps(
  items: readonly ReturnItem[],
  scheme: readonly { key: string; points: number }[],
): ItemGap[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const gaps: ItemGap[] = [];
  for (const s of scheme) {
    const i = byKey.get(s.key);
    if (!i || i.decision === null) gaps.push({ key: s.key, problem: 'NOT_REVIEWED' });
    else if (i.decision === 'CHANGE' && i.reviewReason.trim() === '')
      gaps.push({ key: s.key, problem: 'REASON_MISSING' });
    else if (i.decision === 'CHANGE' && (i.reviewScore ?? 0) > s.points)
      gaps.push({ key: s.key, problem: 'ABOVE_POINTS' });
  }
  return gaps;
}

/** The final score of an item: the reviewer's when changed, else the 自评's. */
export const finalScoreOf = (i: ReturnItem): number | null => (i.decision === 'CHANGE' ? i.reviewScore : i.selfScore);

// ---------------------------------------------------------------------------------------------
// Answers

export const ReturnSummarySchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  campaignId: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  state: ReturnStateSchema,
  /** Sum of the 自评 scores (0 when a veto struck). */
  selfTotal: z.number().nullable(),
  /** Sum of the final scores, once reviewed (0 when a veto struck). */
  finalTotal: z.number().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: InstantSchema.nullable(),
  reviewedAt: InstantSchema.nullable(),
  confirmedAt: InstantSchema.nullable(),
});
export type ReturnSummary = z.infer<typeof ReturnSummarySchema>;

export const CampaignSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  orgId: IdSchema,
  orgName: z.string(),
  schemeId: IdSchema,
  level: SchemeLevelSchema,
  periodCode: z.string(),
  name: z.string(),
  state: CampaignStateSchema,
  selfDueOn: z.string(),
  reviewDueOn: z.string(),
  createdAt: InstantSchema,
  /** The returns the caller may read (the issuer's side: all; a unit's side: its own). */
  returns: z.array(ReturnSummarySchema),
});
export type Campaign = z.infer<typeof CampaignSchema>;

/** The return through which the org asked takes part: its own, or that of the unit above it the campaign scores. */
export const UnitReturnRefSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  state: ReturnStateSchema,
});

export const CampaignListItemSchema = CampaignSchema.omit({ returns: true }).extend({
  /** The org asked issued it (我发起的). */
  issuedHere: z.boolean(),
  /** The org asked is scored by it, itself or through the unit above it (本单位参加的); null otherwise. */
  unitReturn: UnitReturnRefSchema.nullable(),
});
export type CampaignListItem = z.infer<typeof CampaignListItemSchema>;
export const CampaignListSchema = z.object({ items: z.array(CampaignListItemSchema) });

/**
 * Records behind a confirmed score that changed since: the records counted then and now differ
 * (by id), or — when either side was above DRILL_RECORDS_MAX or was never kept — the counts do.
 */
export const ItemDriftSchema = z.object({
  doneThen: z.number().int(),
  doneNow: z.number().int(),
  proposedNow: z.number().nullable(),
  /** The list of the records counted now. */
  drill: MetricDrillSchema.nullable(),
  /** Whether records were compared by id (else only the counts, and added/removed are empty). */
  byIdentity: z.boolean(),
  added: z.array(DrillRecordSchema),
  removed: z.array(DrillRecordSchema),
});
export type ItemDrift = z.infer<typeof ItemDriftSchema>;

/** The records added and removed between two keepings of an item's counted records (by id). */
export function recordsDiff(
  then: readonly DrillRecord[],
  now: readonly DrillRecord[],
): { added: DrillRecord[]; removed: DrillRecord[] } {
  const before = new Set(then.map((r) => r.id));
  const after = new Set(now.map((r) => r.id));
  return { added: now.filter((r) => !before.has(r.id)), removed: then.filter((r) => !after.has(r.id)) };
}

/** The 自评 picker of one item: its drill's records for the unit (at most DRILL_RECORDS_MAX) and their stored files. */
export const ItemEvidenceSchema = z.object({
  key: z.string(),
  drill: MetricDrillSchema.nullable(),
  /** How many records the drill lists in all (the "N 条记录"). */
  total: z.number().int(),
  records: z.array(DrillRecordSchema),
  attachments: z.array(
    z.object({ id: IdSchema, fileName: z.string(), entityType: EntityTypeSchema, entityId: IdSchema }),
  ),
});
export type ItemEvidence = z.infer<typeof ItemEvidenceSchema>;
export const ItemKeyParamsSchema = z.strictObject({ id: IdSchema, key: z.string().min(1).max(40) });

export const ReturnItemViewSchema = ReturnItemSchema.omit({ counted: true }).extend({
  title: z.string(),
  category: z.string(),
  points: z.number(),
  /** The proposal from the records now (figure, required, done, drill). */
  proposal: ItemProposalSchema,
  finalScore: z.number().nullable(),
  /** Confirmed returns only: set when the records behind the item changed since. */
  drift: ItemDriftSchema.nullable(),
});

/**
 * 减负 (ADR 044): how much work the period cost the unit — the records its subtree holds dated in
 * the campaign's period (the date each figure counts by; when made, for kinds without one) and the
 * files attached to them, by kind. A reading beside the scores, never scored.
 */
// The 督查/问责 ledger is written by the level above about the unit: not the unit's own work (ADR 049).
export const WORKLOAD_KINDS = ENTITY_TYPES.filter((t) => t !== 'Accountability');
export const ReturnWorkloadSchema = z.object({
  /** The period's first and last day (Asia/Shanghai). */
  from: z.string(),
  to: z.string(),
  entries: z.number().int(),
  uploads: z.number().int(),
  kinds: z.array(z.object({ type: EntityTypeSchema, entries: z.number().int(), uploads: z.number().int() })),
});
export type ReturnWorkload = z.infer<typeof ReturnWorkloadSchema>;

export const AssessmentReturnSchema = ReturnSummarySchema.extend({
  campaignName: z.string(),
  issuerId: IdSchema,
  periodCode: z.string(),
  total: z.number(),
  vetoedBy: z.array(z.string()),
  items: z.array(ReturnItemViewSchema),
  /** The steps the caller may take now (returnStepsOf). */
  steps: z.array(ReturnStepSchema),
  /** Entries and uploads the period took (减负 reading, never scored). */
  workload: ReturnWorkloadSchema,
});
export type AssessmentReturn = z.infer<typeof AssessmentReturnSchema>;
