// 舆情 / sensitive online items (RiskAlert) and their workflow (RiskAlertEvent): 登记 → 研判 → 报送
// 市网信办 → 采纳 or 退回 → 处置 → 办结. The transition table, who may take each step and the
// reporting clock are data and pure functions here, so the API enforces exactly what the web offers.
import { z } from 'zod';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields } from './common.ts';
import type { Action } from './permissions.ts';

/** 一级 (most severe) … 四级. */
export const ALERT_LEVELS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4'] as const;
export const AlertLevelSchema = z.enum(ALERT_LEVELS);
export type AlertLevel = z.infer<typeof AlertLevelSchema>;

export const ALERT_STATES = [
  'REGISTERED',
  'ASSESSED',
  'REPORTED',
  'ACCEPTED',
  'RETURNED',
  'HANDLING',
  'CLOSED',
] as const;
export const AlertStateSchema = z.enum(ALERT_STATES);
export type AlertState = z.infer<typeof AlertStateSchema>;

/** The states a step moves to (every state but REGISTERED, which only creating an alert sets). */
export type AlertStep = Exclude<AlertState, 'REGISTERED'>;
export const ALERT_STEPS = ALERT_STATES.filter((s): s is AlertStep => s !== 'REGISTERED');
export const AlertStepSchema = z.enum(ALERT_STEPS as [AlertStep, ...AlertStep[]]);

/**
 * From each state, the states one step may move to. 退回 (RETURNED) goes back to 研判 to be
 * assessed and reported again, or on to 处置 when the branch handles it anyway.
 */
export const ALERT_TRANSITIONS: Readonly<Record<AlertState, readonly AlertStep[]>> = {
  REGISTERED: ['ASSESSED'],
  ASSESSED: ['REPORTED'],
  REPORTED: ['ACCEPTED', 'RETURNED'],
  ACCEPTED: ['HANDLING'],
  RETURNED: ['ASSESSED', 'HANDLING'],
  HANDLING: ['CLOSED'],
  CLOSED: [],
};

/**
 * The action a step needs (permissions.ts): 研判, 报送, 采纳/退回 and 办结 are leadership steps;
 * 处置 is the branch's (a secretary within reach of the alert's org) or leadership's.
 */
export const ALERT_STEP_ACTION: Readonly<Record<AlertStep, Action>> = {
  ASSESSED: 'alert:assess',
  REPORTED: 'alert:assess',
  ACCEPTED: 'alert:assess',
  RETURNED: 'alert:assess',
  HANDLING: 'alert:handle',
  CLOSED: 'alert:assess',
};

export function canTransition(from: AlertState, to: AlertState): boolean {
  return (ALERT_TRANSITIONS[from] as readonly AlertState[]).includes(to);
}

/** The steps a user may take now: allowed from the state and permitted to their role. */
export function availableSteps(state: AlertState, can: (action: Action) => boolean): AlertStep[] {
  return ALERT_TRANSITIONS[state].filter((to) => can(ALERT_STEP_ACTION[to]));
}

/** Reporting hours per level, 登记 → 报送. */
export type AlertReportHours = Readonly<Record<AlertLevel, number>>;

/**
 * Default clocks (一级 1 h, 二级 5 h, 三级 24 h, 四级 48 h); the server's ALERT_REPORT_HOURS
 * ("1,5,24,48") replaces them. Clocks run in natural hours, straight through nights, weekends and
 * public holidays: online opinion does not wait for working days (舆情不等工作日). So the due time
 * is plain instant arithmetic, the same in every time zone, with no working-day calendar.
 */
export const ALERT_REPORT_HOURS_DEFAULT: AlertReportHours = { LEVEL_1: 1, LEVEL_2: 5, LEVEL_3: 24, LEVEL_4: 48 };

/** 催办: an alert that is not closed and has had no event for this many hours. */
export const ALERT_URGE_HOURS = 24;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** registeredAt + the level's hours (natural hours: see ALERT_REPORT_HOURS_DEFAULT). */
export function alertReportDueAt(
  registeredAt: Date,
  level: AlertLevel,
  hours: AlertReportHours = ALERT_REPORT_HOURS_DEFAULT,
): Date {
  return new Date(registeredAt.getTime() + hours[level] * HOUR_MS);
}

export const AlertClockSchema = z.object({
  /** When 报送 is due: registeredAt + the level's hours. */
  dueAt: InstantSchema,
  /** Not reported and past due, or reported after the due time. */
  overdue: z.boolean(),
  /** Whether the (first) 报送 came after the due time; null until reported. */
  reportedLate: z.boolean().nullable(),
  /** Whole minutes until due (negative once past); null once reported. */
  remainingMinutes: z.number().int().nullable(),
});
export type AlertClock = z.infer<typeof AlertClockSchema>;

type Instant = Date | string;
const ms = (at: Instant) => (typeof at === 'string' ? Date.parse(at) : at.getTime());

/** The reporting clock as of `now`. */
export function alertClock(alert: { reportDueAt: Instant; reportedAt: Instant | null }, now: Date): AlertClock {
  const due = ms(alert.reportDueAt);
  const dueAt = new Date(due).toISOString();
  if (alert.reportedAt !== null) {
    const late = ms(alert.reportedAt) > due;
    return { dueAt, overdue: late, reportedLate: late, remainingMinutes: null };
  }
  return {
    dueAt,
    overdue: now.getTime() > due,
    reportedLate: null,
    remainingMinutes: Math.floor((due - now.getTime()) / MINUTE_MS),
  };
}

/** 催办: not closed and the last event is more than ALERT_URGE_HOURS old. */
export function alertNeedsUrging(alert: { state: AlertState; lastEventAt: Instant }, now: Date): boolean {
  return alert.state !== 'CLOSED' && now.getTime() - ms(alert.lastEventAt) > ALERT_URGE_HOURS * HOUR_MS;
}

export const ALERT_SOURCE_MAX = 100;
export const ALERT_CHANNEL_MAX = 100;
export const ALERT_URL_MAX = 1000;
export const ALERT_SUMMARY_MAX = 5000;
/** 传播量 (views, reposts …): a PostgreSQL int. */
export const ALERT_REACH_MAX = 2_000_000_000;
export const ALERT_NOTE_MAX = 2000;
export const ALERT_RECEIPT_NUMBER_MAX = 64;

export const ALERT_URL_FORMAT = '网址须以 http:// 或 https:// 开头';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const fields = {
  orgId: IdSchema,
  level: AlertLevelSchema,
  /** How it was found: 网络巡查, 群众反映, 上级通报 … */
  source: z.string().trim().min(1).max(ALERT_SOURCE_MAX),
  /** Where it appeared: 微博, 抖音, 本地论坛 … */
  channel: optionalText(ALERT_CHANNEL_MAX),
  /** The page where it appeared; an empty string is stored as none. */
  url: z
    .string()
    .trim()
    .max(ALERT_URL_MAX)
    .refine((v) => v === '' || isHttpUrl(v), { message: ALERT_URL_FORMAT })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  summary: z.string().trim().min(1).max(ALERT_SUMMARY_MAX),
  reach: z.number().int().min(0).max(ALERT_REACH_MAX).nullable().optional(),
  /**
   * When it was registered (登记); the reporting clock runs from here. Default: now. Never in the
   * future (the server checks against its clock).
   */
  registeredAt: InstantSchema.optional(),
};

/** Unknown fields are refused rather than silently dropped, so a typo is reported. */
export const CreateRiskAlertInputSchema = z.strictObject(fields);
export type CreateRiskAlertInput = z.infer<typeof CreateRiskAlertInputSchema>;

/** The facts only: the state moves through POST /api/risk-alerts/:id/transitions. */
export const UpdateRiskAlertInputSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: '至少修改一项内容' });
export type UpdateRiskAlertInput = z.infer<typeof UpdateRiskAlertInputSchema>;

/**
 * The facts the figures measure an alert by: its org, its level (which set the reporting clock)
 * and its registration time (where the clock started, and the period ALERT_REGISTERED counts it
 * in). A PATCH may change them only while the alert is still 登记; after that only leadership
 * corrects them (POST /api/risk-alerts/:id/corrections), and the clock stays as first set.
 */
export const ALERT_FROZEN_FIELDS = ['orgId', 'level', 'registeredAt'] as const;
export type AlertFrozenField = (typeof ALERT_FROZEN_FIELDS)[number];

/** Whether the alert is past 登记, so its org, level and registration time are frozen. */
export function alertFactsFrozen(state: AlertState): boolean {
  return state !== 'REGISTERED';
}

export const ALERT_CORRECTION_REASON_MIN = 5;
export const ALERT_CORRECTION_REASON_MAX = 2000;
export const ALERT_CORRECTION_EMPTY = '请至少更正一项：组织、等级或登记时间';

/**
 * 更正 by leadership: any of org, level and registration time, with the reason (kept in the audit
 * trail with the values before). The reporting due time (reportDueAt) is not recomputed.
 */
export const CorrectRiskAlertInputSchema = z
  .strictObject({
    orgId: IdSchema.optional(),
    level: AlertLevelSchema.optional(),
    registeredAt: InstantSchema.optional(),
    reason: z.string().trim().min(ALERT_CORRECTION_REASON_MIN).max(ALERT_CORRECTION_REASON_MAX),
  })
  .superRefine((value, ctx) => {
    if (value.orgId === undefined && value.level === undefined && value.registeredAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: ALERT_CORRECTION_EMPTY, input: value });
    }
  });
export type CorrectRiskAlertInput = z.infer<typeof CorrectRiskAlertInputSchema>;

export const ALERT_RECEIPT_REQUIRED = '报送市网信办须填写回执编号';
export const ALERT_RECEIPT_ONLY_ON_REPORT = '只有报送市网信办时填写回执编号';

/**
 * One step. `at` is when it happened (default: now); it may not be in the future nor before the
 * alert's last event. 报送 needs the 市网信办 receipt number; no other step takes one.
 */
export const TransitionRiskAlertInputSchema = z
  .strictObject({
    to: AlertStepSchema,
    note: z.string().trim().max(ALERT_NOTE_MAX).nullable().optional(),
    receiptNumber: z.string().trim().max(ALERT_RECEIPT_NUMBER_MAX).nullable().optional(),
    at: InstantSchema.optional(),
  })
  .superRefine((value, ctx) => {
    const receipt = value.receiptNumber ?? '';
    if (value.to === 'REPORTED' && receipt === '') {
      ctx.addIssue({ code: 'custom', path: ['receiptNumber'], message: ALERT_RECEIPT_REQUIRED, input: receipt });
    }
    if (value.to !== 'REPORTED' && receipt !== '') {
      ctx.addIssue({ code: 'custom', path: ['receiptNumber'], message: ALERT_RECEIPT_ONLY_ON_REPORT, input: receipt });
    }
  });
export type TransitionRiskAlertInput = z.infer<typeof TransitionRiskAlertInputSchema>;

export const RISK_ALERT_SORTS = ['-registeredAt', 'registeredAt'] as const;
export const RiskAlertSortSchema = z.enum(RISK_ALERT_SORTS);
export type RiskAlertSort = z.infer<typeof RiskAlertSortSchema>;

/**
 * Which date `from`/`to` apply to: registered (default, ALERT_REGISTERED), reported
 * (ALERT_REPORTED) or closed (ALERT_CLOSED); see metrics.ts.
 */
export const RISK_ALERT_DATE_FIELDS = ['registeredAt', 'reportedAt', 'closedAt'] as const;
export const RiskAlertDateFieldSchema = z.enum(RISK_ALERT_DATE_FIELDS);

/**
 * OVERDUE: alertClock(…).overdue; URGE: alertNeedsUrging — both as of the request; OPEN: not yet
 * CLOSED; REPORTED_ON_TIME / REPORTED_LATE: reported no later / later than the reporting clock.
 */
export const RISK_ALERT_FLAGS = ['OVERDUE', 'URGE', 'OPEN', 'REPORTED_ON_TIME', 'REPORTED_LATE'] as const;
export const RiskAlertFlagSchema = z.enum(RISK_ALERT_FLAGS);
export type RiskAlertFlag = z.infer<typeof RiskAlertFlagSchema>;

export const ListRiskAlertsQuerySchema = z.strictObject({
  ...recordListQueryFields,
  state: AlertStateSchema.optional(),
  level: AlertLevelSchema.optional(),
  flag: RiskAlertFlagSchema.optional(),
  dateField: RiskAlertDateFieldSchema.default('registeredAt'),
  sort: RiskAlertSortSchema.default('-registeredAt'),
});
export type ListRiskAlertsQuery = z.input<typeof ListRiskAlertsQuerySchema>;

export const RiskAlertSchema = z.object({
  ...recordFields,
  level: AlertLevelSchema,
  state: AlertStateSchema,
  source: z.string(),
  channel: z.string().nullable(),
  url: z.string().nullable(),
  summary: z.string(),
  reach: z.number().int().nullable(),
  registeredAt: InstantSchema,
  reportDueAt: InstantSchema,
  /** The first 报送 (the clock stops there; a re-report after 退回 does not move it). */
  reportedAt: InstantSchema.nullable(),
  /** The receipt number of the latest 报送. */
  receiptNumber: z.string().nullable(),
  closedAt: InstantSchema.nullable(),
  lastEventAt: InstantSchema,
  clock: AlertClockSchema,
  needsUrging: z.boolean(),
});
export type RiskAlert = z.infer<typeof RiskAlertSchema>;

export const RiskAlertEventSchema = z.object({
  id: IdSchema,
  /** Null for the 登记 event. */
  fromState: AlertStateSchema.nullable(),
  toState: AlertStateSchema,
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  at: InstantSchema,
  note: z.string().nullable(),
  receiptNumber: z.string().nullable(),
});
export type RiskAlertEvent = z.infer<typeof RiskAlertEventSchema>;

/** One alert with its timeline, oldest event first. */
export const RiskAlertDetailSchema = RiskAlertSchema.extend({ events: z.array(RiskAlertEventSchema) });
export type RiskAlertDetail = z.infer<typeof RiskAlertDetailSchema>;

export const RiskAlertPageSchema = pageSchema(RiskAlertSchema);
export type RiskAlertPage = z.infer<typeof RiskAlertPageSchema>;
