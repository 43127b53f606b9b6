// 阵地 / 风险点: the register of positions (websites, accounts, groups, boards, venues) and their
// periodic checks (排查). The next check is due a fixed number of days after the last one (or after
// registration); the server computes it, nobody types it in. Checks are counted by the
// RISK_POINT_CHECK metric on checkedAt (see metrics.ts).
import { z } from 'zod';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields } from './common.ts';
import { NOTIFY_SOON_DAYS } from './notifications.ts';
import { periodContaining, shanghaiMidnight, shanghaiParts } from './periods.ts';

export const RISK_POINT_TYPES = [
  'WEBSITE',
  'WECHAT_ACCOUNT',
  'WECHAT_GROUP',
  'BULLETIN_BOARD',
  'VENUE',
  'OTHER',
  // Issue 19 (ADR 049): the typed 阵地 the old five did not name. WECHAT_ACCOUNT is the 公众号,
  // WEBSITE 网站, WECHAT_GROUP 微信群, BULLETIN_BOARD 宣传栏; VENUE and OTHER stay for old rows.
  'VIDEO_ACCOUNT',
  'PRACTICE_STATION',
  'LECTURE_HALL',
] as const;
export const RiskPointTypeSchema = z.enum(RISK_POINT_TYPES);
export type RiskPointType = z.infer<typeof RiskPointTypeSchema>;

export const RISK_LEVELS = ['HIGH', 'MEDIUM', 'LOW'] as const;
export const RiskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

export const RISK_CHECK_RESULTS = ['NORMAL', 'ISSUE_FOUND'] as const;
export const RiskCheckResultSchema = z.enum(RISK_CHECK_RESULTS);
export type RiskCheckResult = z.infer<typeof RiskCheckResultSchema>;

/** Where a point stands against its next check, at the moment of the answer. */
export const RISK_CHECK_STATUSES = ['OK', 'DUE_SOON', 'OVERDUE'] as const;
export const RiskCheckStatusSchema = z.enum(RISK_CHECK_STATUSES);
export type RiskCheckStatus = z.infer<typeof RiskCheckStatusSchema>;

export const RISK_POINT_NAME_MAX = 200;
export const RISK_POINT_CONTROL_MEASURE_MAX = 2000;
export const RISK_POINT_RESPONSIBLE_PERSON_MAX = 64;
export const RISK_CHECK_INTERVAL_MIN = 1;
export const RISK_CHECK_INTERVAL_MAX = 366;
export const RISK_CHECK_INTERVAL_DEFAULT = 30;
export const RISK_CHECK_NOTE_MAX = 2000;
/** How far ahead of the server's clock a check time may be (a phone whose clock runs a little fast). */
export const CHECK_CLOCK_SKEW_MS = 5 * 60_000;

const DAY_MS = 24 * 3600 * 1000;

/**
 * When the next check is due: the last check (or, before any, the registration) plus the interval
 * in whole days. Asia/Shanghai keeps no daylight saving, so N × 24 h is N calendar days there, and
 * month ends need no special case (31 Jan + 30 days = 2 Mar, same clock time).
 */
export function nextCheckDue(from: Date, intervalDays: number): Date {
  return new Date(from.getTime() + intervalDays * DAY_MS);
}

/** OVERDUE once the due instant has passed; DUE_SOON within NOTIFY_SOON_DAYS of it; else OK. */
export function riskCheckStatus(dueAt: Date, now: Date): RiskCheckStatus {
  if (dueAt.getTime() < now.getTime()) return 'OVERDUE';
  if (dueAt.getTime() < now.getTime() + NOTIFY_SOON_DAYS * DAY_MS) return 'DUE_SOON';
  return 'OK';
}

/** The [gte, lt) range of due instants each status covers at `now` (for list filters). */
export function checkStatusDueRange(status: RiskCheckStatus, now: Date): { gte?: Date; lt?: Date } {
  const soon = new Date(now.getTime() + NOTIFY_SOON_DAYS * DAY_MS);
  if (status === 'OVERDUE') return { lt: now };
  if (status === 'DUE_SOON') return { gte: now, lt: soon };
  return { gte: soon };
}

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// ---- Rules per type (ADR 049) ------------------------------------------------------------------

/**
 * The rules a 阵地 of each type is held to, with their sources (docs/domain.md, Common local
 * rules): an online account or site with no content update for more than `staleDays` Shanghai
 * days is at fault (政务新媒体 two weeks without update); every 阵地 is inspected each quarter.
 */
export const POSITION_STALE_DAYS = 14;
export interface PositionRule {
  /** Days without a content update after which it is stale; null: the type publishes nothing. */
  staleDays: number | null;
  /** An inspection (排查) is due in each Shanghai quarter. */
  inspectEachQuarter: true;
}
const online: PositionRule = { staleDays: POSITION_STALE_DAYS, inspectEachQuarter: true };
const offline: PositionRule = { staleDays: null, inspectEachQuarter: true };
export const POSITION_RULES: Readonly<Record<RiskPointType, PositionRule>> = {
  WECHAT_ACCOUNT: online,
  VIDEO_ACCOUNT: online,
  WEBSITE: online,
  WECHAT_GROUP: offline,
  BULLETIN_BOARD: offline,
  PRACTICE_STATION: offline,
  LECTURE_HALL: offline,
  VENUE: offline,
  OTHER: offline,
};
export const POSITION_RULE_SOURCES = {
  stale: '政务新媒体两周未更新即为问题（docs/domain.md，163.com/dy/article/KHN5FMTJ0556DLY2.html）',
  quarter: '意识形态阵地每季度检查1次（docs/domain.md，guanshanwenku.com/jihuafangan/2025/03/104989_2.html）',
} as const;

/** Why a 阵地 is red. */
export const POSITION_RED_REASONS = ['STALE', 'UNCHECKED_THIS_QUARTER'] as const;
export const PositionRedReasonSchema = z.enum(POSITION_RED_REASONS);
export type PositionRedReason = z.infer<typeof PositionRedReasonSchema>;

export const PositionStateSchema = z.object({
  red: z.boolean(),
  reasons: z.array(z.object({ code: PositionRedReasonSchema, days: z.number().int().nullable() })),
  /** Whole Shanghai days since the last content update (or registration); null for a type that publishes nothing. */
  daysSinceUpdate: z.number().int().nullable(),
  /** The last day of the quarter the inspection is due in, when none was made in it yet ("YYYY-MM-DD"). */
  checkDueOn: z.string().nullable(),
});
export type PositionState = z.infer<typeof PositionStateSchema>;

const DAY = 24 * 3600 * 1000;

/** Whole Shanghai calendar days from `at`'s day to `now`'s day. */
export function shanghaiDaysBetween(at: Date, now: Date): number {
  const a = shanghaiParts(at);
  const b = shanghaiParts(now);
  return Math.round(
    (shanghaiMidnight(b.year, b.month, b.day).getTime() - shanghaiMidnight(a.year, a.month, a.day).getTime()) / DAY,
  );
}

/**
 * The instant a last update must reach for a 阵地 not to be stale at `now`: the start of the
 * Shanghai day `staleDays` before today (updated 14 days ago: fine; 15 days ago: stale). The
 * list filter and positionState read the same boundary.
 */
export function staleBefore(now: Date, staleDays: number): Date {
  const t = shanghaiParts(now);
  return shanghaiMidnight(t.year, t.month, t.day - staleDays);
}

/** The first instant of the Shanghai quarter holding `now`: a check before it is not this quarter's. */
export function quarterStart(now: Date): Date {
  return periodContaining('QUARTER', now).startsAt;
}

/** A 阵地's state under its type's rules at `now`, computed on read (ADR 049). */
export function positionState(
  point: { type: RiskPointType; lastUpdatedAt: Date | null; lastCheckedAt: Date | null; createdAt: Date },
  now: Date,
): PositionState {
  const rule = POSITION_RULES[point.type];
  const reasons: PositionState['reasons'] = [];
  let daysSinceUpdate: number | null = null;
  if (rule.staleDays !== null) {
    const since = point.lastUpdatedAt ?? point.createdAt;
    daysSinceUpdate = shanghaiDaysBetween(since, now);
    if (since.getTime() < staleBefore(now, rule.staleDays).getTime())
      reasons.push({ code: 'STALE', days: daysSinceUpdate });
  }
  let checkDueOn: string | null = null;
  if (!point.lastCheckedAt || point.lastCheckedAt.getTime() < quarterStart(now).getTime()) {
    const quarter = periodContaining('QUARTER', now);
    const last = shanghaiParts(new Date(quarter.endsAt.getTime() - 1));
    checkDueOn = `${last.year}-${String(last.month).padStart(2, '0')}-${String(last.day).padStart(2, '0')}`;
    reasons.push({ code: 'UNCHECKED_THIS_QUARTER', days: null });
  }
  return { red: reasons.length > 0, reasons, daysSinceUpdate, checkDueOn };
}

export const POSITION_SPONSOR_MAX = 200;
export const POSITION_PERSON_MAX = 64;
export const POSITION_ADMINS_MAX = 10;
export const POSITION_AUDIENCE_MAX = 100_000_000;
/** Findings of one check, each of which becomes a rectification. */
export const CHECK_FINDINGS_MAX = 20;
export const CHECK_FINDING_MAX = 500;

const CheckIntervalSchema = z.number().int().min(RISK_CHECK_INTERVAL_MIN).max(RISK_CHECK_INTERVAL_MAX);

const fields = {
  orgId: IdSchema,
  name: z.string().trim().min(1).max(RISK_POINT_NAME_MAX),
  type: RiskPointTypeSchema,
  level: RiskLevelSchema,
  controlMeasure: optionalText(RISK_POINT_CONTROL_MEASURE_MAX),
  responsiblePerson: optionalText(RISK_POINT_RESPONSIBLE_PERSON_MAX),
  /** Days between checks. */
  checkIntervalDays: CheckIntervalSchema,
  sponsor: optionalText(POSITION_SPONSOR_MAX),
  administrators: z.array(z.string().trim().min(1).max(POSITION_PERSON_MAX)).max(POSITION_ADMINS_MAX).optional(),
  reviewFirst: optionalText(POSITION_PERSON_MAX),
  reviewSecond: optionalText(POSITION_PERSON_MAX),
  reviewFinal: optionalText(POSITION_PERSON_MAX),
  audienceSize: z.number().int().min(0).max(POSITION_AUDIENCE_MAX).nullable().optional(),
};

/** Unknown fields are refused (nextCheckDueAt and lastCheckedAt among them: the server keeps those). */
export const CreateRiskPointInputSchema = z.strictObject({
  ...fields,
  checkIntervalDays: CheckIntervalSchema.default(RISK_CHECK_INTERVAL_DEFAULT),
});
export type CreateRiskPointInput = z.infer<typeof CreateRiskPointInputSchema>;

// Built from the fields without the default: a PATCH that leaves the interval out keeps it.
export const UpdateRiskPointInputSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field is required' });
export type UpdateRiskPointInput = z.infer<typeof UpdateRiskPointInputSchema>;

export const RISK_POINT_SORTS = ['nextCheckDueAt', '-createdAt', 'createdAt'] as const;
export const RiskPointSortSchema = z.enum(RISK_POINT_SORTS);
export type RiskPointSort = z.infer<typeof RiskPointSortSchema>;

const { from: _from, to: _to, ...listFieldsWithoutDays } = recordListQueryFields;

export const ListRiskPointsQuerySchema = z.strictObject({
  ...listFieldsWithoutDays,
  type: RiskPointTypeSchema.optional(),
  level: RiskLevelSchema.optional(),
  checkStatus: RiskCheckStatusSchema.optional(),
  /** true: only the red 阵地 (stale or not inspected this quarter, ADR 049). */
  red: z.literal('true').optional(),
  /** Default: the check due soonest first. */
  sort: RiskPointSortSchema.default('nextCheckDueAt'),
});
export type ListRiskPointsQuery = z.input<typeof ListRiskPointsQuerySchema>;

export const RiskPointSchema = z.object({
  ...recordFields,
  name: z.string(),
  type: RiskPointTypeSchema,
  level: RiskLevelSchema,
  controlMeasure: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  checkIntervalDays: z.number().int(),
  lastCheckedAt: InstantSchema.nullable(),
  nextCheckDueAt: InstantSchema,
  checkStatus: RiskCheckStatusSchema,
  sponsor: z.string().nullable(),
  administrators: z.array(z.string()),
  reviewFirst: z.string().nullable(),
  reviewSecond: z.string().nullable(),
  reviewFinal: z.string().nullable(),
  audienceSize: z.number().int().nullable(),
  lastUpdatedAt: InstantSchema.nullable(),
  /** Under its type's rules, now (ADR 049). */
  state: PositionStateSchema,
});
export type RiskPoint = z.infer<typeof RiskPointSchema>;

export const RiskPointPageSchema = pageSchema(RiskPointSchema);
export type RiskPointPage = z.infer<typeof RiskPointPageSchema>;

/** A check may not be dated in the future (a little clock skew aside). */
export const CheckedAtSchema = InstantSchema.refine((v) => !(Date.parse(v) > Date.now() + CHECK_CLOCK_SKEW_MS), {
  message: '排查时间不能晚于当前时间',
});

export const CreateRiskPointCheckInputSchema = z
  .strictObject({
    checkedAt: CheckedAtSchema,
    result: RiskCheckResultSchema,
    note: optionalText(RISK_CHECK_NOTE_MAX),
    /** What the check found; each becomes a rectification of the 阵地's org (ADR 049). Only with ISSUE_FOUND. */
    findings: z.array(z.string().trim().min(1).max(CHECK_FINDING_MAX)).max(CHECK_FINDINGS_MAX).optional(),
  })
  .refine((v) => v.result === 'ISSUE_FOUND' || !v.findings?.length, {
    message: '排查结果为正常时不能填写发现的问题',
    path: ['findings'],
  });
export type CreateRiskPointCheckInput = z.infer<typeof CreateRiskPointCheckInputSchema>;

export const RiskPointCheckSchema = z.object({
  id: IdSchema,
  riskPointId: IdSchema,
  riskPointName: z.string(),
  /** The point's org when it was checked. */
  orgId: IdSchema,
  orgName: z.string(),
  checkedAt: InstantSchema,
  result: RiskCheckResultSchema,
  /** Made by the day the point was due (its first check always is). */
  onTime: z.boolean(),
  note: z.string().nullable(),
  checkedByName: z.string().nullable(),
  /** The rectifications its findings became. */
  rectificationIds: z.array(IdSchema),
  createdAt: InstantSchema,
});
export type RiskPointCheck = z.infer<typeof RiskPointCheckSchema>;

export const RiskPointCheckPageSchema = pageSchema(RiskPointCheckSchema);
export type RiskPointCheckPage = z.infer<typeof RiskPointCheckPageSchema>;

/** The answer to recording a check: the check and the point as it now stands. */
export const RecordRiskPointCheckResultSchema = z.object({ check: RiskPointCheckSchema, riskPoint: RiskPointSchema });
export type RecordRiskPointCheckResult = z.infer<typeof RecordRiskPointCheckResultSchema>;

export const RISK_POINT_CHECK_SORTS = ['-checkedAt', 'checkedAt'] as const;
export const RiskPointCheckSortSchema = z.enum(RISK_POINT_CHECK_SORTS);
export type RiskPointCheckSort = z.infer<typeof RiskPointCheckSortSchema>;

/** GET /api/risk-points/checks: org subtree, Shanghai days [from, to] on checkedAt, result, keyset page. */
export const ListRiskPointChecksQuerySchema = z.strictObject({
  ...recordListQueryFields,
  result: RiskCheckResultSchema.optional(),
  /** true: checks made by the day they were due (the RISK_POINT_CHECK figure); false: late ones. */
  onTime: z.enum(['true', 'false']).optional(),
  sort: RiskPointCheckSortSchema.default('-checkedAt'),
});
export type ListRiskPointChecksQuery = z.input<typeof ListRiskPointChecksQuerySchema>;

/** GET /api/risk-points/:id/checks: one point's checks, newest first. */
export const ListOnePointChecksQuerySchema = z.strictObject({
  cursor: recordListQueryFields.cursor,
  limit: recordListQueryFields.limit,
});
export type ListOnePointChecksQuery = z.input<typeof ListOnePointChecksQuerySchema>;

/** POST /api/risk-points/:id/updates: a content update of the 阵地 was published (ADR 049). */
export const RecordPositionUpdateInputSchema = z.strictObject({
  updatedAt: CheckedAtSchema,
});
export type RecordPositionUpdateInput = z.infer<typeof RecordPositionUpdateInputSchema>;
