// The needs-attention list behind the bell in the header: what in the caller's scope is overdue
// or about to be, earliest deadline first.
import { z } from 'zod';
import { ENTITY_TYPES } from './attachments.ts';
import { IdSchema, InstantSchema } from './common.ts';
import { AlertLevelSchema } from './risk-alerts.ts';

export const NOTIFICATION_KINDS = [
  /** A task (责任清单) past its due date and not done. */
  'TASK_OVERDUE',
  /** A task due within NOTIFY_SOON_DAYS. */
  'TASK_DUE_SOON',
  /** An alert registered and not yet reported (报送), its clock still running: in the bell from 登记 on. */
  'ALERT_TO_REPORT',
  /** An alert not reported (报送) within its clock. */
  'ALERT_OVERDUE',
  /** An open alert with no event for ALERT_URGE_HOURS: 催办. */
  'ALERT_URGE',
  /** A risk point's check (排查) is due within NOTIFY_SOON_DAYS or past due. */
  'RISK_CHECK_DUE',
  /** A rectification past its deadline and not done. */
  'RECTIFICATION_OVERDUE',
  /** A 考核 return's 自评 due within NOTIFY_SOON_DAYS, not yet submitted: its unit's leader. */
  'ASSESSMENT_SELF_DUE',
  /** A 考核 return's 自评 past its day, not yet submitted: its unit's leader. */
  'ASSESSMENT_SELF_OVERDUE',
  /** Submitted returns waiting for 复核 within NOTIFY_SOON_DAYS of `reviewDueOn`: the issuer's reviewer and leader. */
  'ASSESSMENT_REVIEW_DUE',
  /** Submitted returns still waiting for 复核 after `reviewDueOn`: the issuer's reviewer and leader. */
  'ASSESSMENT_REVIEW_OVERDUE',
  /** Reviewed returns waiting for the issuer's leader to confirm the final scores. */
  'ASSESSMENT_TO_CONFIRM',
  /** A report (专题汇报, 研判报告 …) 报送 to the caller's home org in the last REPORT_RECEIVED_DAYS: its leaders. */
  'REPORT_RECEIVED',
  /** A duty of the calendar due within DUTY_SOON_DAYS, not done: the owing org's leaders (ADR 045). */
  'DUTY_DUE',
  /** A duty of the calendar past its due day (from the next 00:00 in Shanghai), not done: the owing org's leaders. */
  'DUTY_OVERDUE',
  /** 一会一报 (ADR 048): an event waiting for the caller's decision at its current step. */
  'EVENT_TO_APPROVE',
  /** A 阵地 (ADR 049) not updated within its type's staleDays: red, and a check (排查) is due from then on. */
  'POSITION_STALE',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NOTIFY_SOON_DAYS = 3;

/** How long a report 报送 to an org stays in its leaders' bell (ADR 047). */
export const REPORT_RECEIVED_DAYS = 7;

/**
 * What a bell item leads to: a record with attachments and history, a 考核 return (its page is
 * /assessments/returns/:id), or an org's calendar of duties (entityId the owing org, `ref` the
 * duty and window: /duties?org=…&year=…).
 */
export const NOTIFICATION_TARGETS = [...ENTITY_TYPES, 'AssessmentReturn', 'ReportSubmission', 'DutyCalendar'] as const;
export const NotificationTargetSchema = z.enum(NOTIFICATION_TARGETS);
export type NotificationTarget = z.infer<typeof NotificationTargetSchema>;

/** Alert levels whose items are HIGH and listed first, whatever their deadline. */
export const URGENT_ALERT_LEVELS: readonly string[] = ['LEVEL_1', 'LEVEL_2'];

/**
 * The bell's order, declared once for the API and the page: 一级/二级 alerts first, then the
 * earliest deadline, those without one last.
 */
export function notificationOrder(a: Notification, b: Notification): number {
  const urgent = (n: Notification) => (n.alertLevel && URGENT_ALERT_LEVELS.includes(n.alertLevel) ? 0 : 1);
  const due = (n: Notification) => (n.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(n.dueAt));
  return (
    urgent(a) - urgent(b) ||
    due(a) - due(b) ||
    a.kind.localeCompare(b.kind) ||
    a.entityId.localeCompare(b.entityId) ||
    (a.ref ?? '').localeCompare(b.ref ?? '')
  );
}

export const NotificationSchema = z.object({
  kind: NotificationKindSchema,
  severity: z.enum(['HIGH', 'MEDIUM']),
  entityType: NotificationTargetSchema,
  entityId: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  /** The record's own title (task, alert summary, risk point name …). */
  title: z.string(),
  /** The deadline the notification is about. */
  dueAt: InstantSchema.nullable(),
  /** Alerts only: the alert's level; 一级 and 二级 come first (URGENT_ALERT_LEVELS). */
  alertLevel: AlertLevelSchema.optional(),
  /** Duties only: "<kind>:<window>" ("POSITION_INSPECTION:2026-Q3"), what in the org's calendar it is about. */
  ref: z.string().optional(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({ items: z.array(NotificationSchema), count: z.number().int() });
export type NotificationList = z.infer<typeof NotificationListSchema>;
