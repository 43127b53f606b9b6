// 阵地 / 风险点: the register of positions (websites, accounts, groups, boards, venues) and their
// periodic checks (排查). The next check is due a fixed number of days after the last one (or after
// registration); the server computes it, nobody types it in. Checks are counted by the
// RISK_POINT_CHECK metric on checkedAt (see metrics.ts).
import { z } from 'zod';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields } from './common.ts';
import { NOTIFY_SOON_DAYS } from './notifications.ts';

export const RISK_POINT_TYPES = [
  'WEBSITE',
  'WECHAT_ACCOUNT',
  'WECHAT_GROUP',
  'BULLETIN_BOARD',
  'VENUE',
  'OTHER',
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
});
export type RiskPoint = z.infer<typeof RiskPointSchema>;

export const RiskPointPageSchema = pageSchema(RiskPointSchema);
export type RiskPointPage = z.infer<typeof RiskPointPageSchema>;

/** A check may not be dated in the future (a little clock skew aside). */
export const CheckedAtSchema = InstantSchema.refine((v) => !(Date.parse(v) > Date.now() + CHECK_CLOCK_SKEW_MS), {
  message: '排查时间不能晚于当前时间',
});

export const CreateRiskPointCheckInputSchema = z.strictObject({
  checkedAt: CheckedAtSchema,
  result: RiskCheckResultSchema,
  note: optionalText(RISK_CHECK_NOTE_MAX),
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
