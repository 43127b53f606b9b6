// The needs-attention list behind the bell in the header: what in the caller's scope is overdue
// or about to be, earliest deadline first.
import { z } from 'zod';
import { EntityTypeSchema } from './attachments.ts';
import { IdSchema, InstantSchema } from './common.ts';

export const NOTIFICATION_KINDS = [
  /** A task (责任清单) past its due date and not done. */
  'TASK_OVERDUE',
  /** A task due within NOTIFY_SOON_DAYS. */
  'TASK_DUE_SOON',
  /** An alert's reporting clock runs out within the next quarter of its length. */
  'ALERT_CLOCK_RUNNING_OUT',
  /** An alert not reported (报送) within its clock. */
  'ALERT_OVERDUE',
  /** An open alert with no event for ALERT_URGE_HOURS: 催办. */
  'ALERT_URGE',
  /** A risk point's check (排查) is due within NOTIFY_SOON_DAYS or past due. */
  'RISK_CHECK_DUE',
  /** A rectification past its deadline and not done. */
  'RECTIFICATION_OVERDUE',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NOTIFY_SOON_DAYS = 3;

export const NotificationSchema = z.object({
  kind: NotificationKindSchema,
  severity: z.enum(['HIGH', 'MEDIUM']),
  entityType: EntityTypeSchema,
  entityId: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  /** The record's own title (task, alert summary, risk point name …). */
  title: z.string(),
  /** The deadline the notification is about. */
  dueAt: InstantSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({ items: z.array(NotificationSchema), count: z.number().int() });
export type NotificationList = z.infer<typeof NotificationListSchema>;
