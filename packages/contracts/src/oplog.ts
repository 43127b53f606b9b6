// 操作日志: the audit trail read as a log — every event in the reader's reach, newest first,
// filtered by who, what kind of thing, which action and when (issue 16). Read only: the trail is
// append-only and chained (ADR 012); this only pages through it.
import { z } from 'zod';
import { CursorSchema, IdSchema, InstantSchema, PageLimitSchema, pageSchema } from './common.ts';
import type { Thing } from './labels.ts';
import { LocalDateSchema } from './periods.ts';

/** Every action an audit event records (apps/api services/audit/audit.ts writes them). */
export const AUDIT_ACTIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  /** A workflow step (alert 研判 → 报送 …); after holds the new state. */
  'TRANSITION',
  /** A task or rectification closed with its evidence. */
  'CLOSE',
  /** A risk point checked (排查). */
  'CHECK',
  /** 更正 by leadership of a workflow fact past its step, with a reason (ADR 019). */
  'CORRECT',
  /** An evidence file added to or removed from a record (entityType/entityId name the record). */
  'ATTACH',
  'DETACH',
  'LOGIN',
  'LOGIN_FAILED',
  /** A sign-in or password check refused by throttling (once per address per window). */
  'LOGIN_THROTTLED',
  /** A 403: a role without the route's permission, or an unsafe request from a foreign origin. */
  'ACCESS_DENIED',
  'LOGOUT',
  /** Records handed out in bulk: an evidence pack asked for, and its finished zip's SHA-256. */
  'EXPORT',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** The kinds of thing the log can be narrowed to: the records, and what else the trail names (each with its THING_LABELS name). */
export const OPLOG_KINDS = [
  'Activity',
  'StudySession',
  'PublicityItem',
  'RiskPoint',
  'RiskAlert',
  'Rectification',
  'EventApproval',
  'EventApprovalRule',
  'Assignment',
  'User',
  'OrgUnit',
  'Target',
  'FrequencyRule',
  'DutyRule',
  'ImportJob',
  'EvidencePack',
  'ReportDraft',
  /** The log itself: who exported it (its exports are audited, exports.ts AUDITED_EXPORTS). */
  'AuditLog',
] as const satisfies readonly Thing[];
export const OplogKindSchema = z.enum(OPLOG_KINDS);
export type OplogKind = z.infer<typeof OplogKindSchema>;

/** An event's id (64-bit, so a string of digits); the log pages by it, newest first. */
export const OplogCursorSchema = CursorSchema.regex(/^\d{1,19}$/);

export const OplogQuerySchema = z.strictObject({
  /** Who acted. */
  user: IdSchema.optional(),
  kind: OplogKindSchema.optional(),
  action: AuditActionSchema.optional(),
  /** Asia/Shanghai calendar days, both inclusive. */
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  cursor: OplogCursorSchema.optional(),
  limit: PageLimitSchema,
});
export type OplogQuery = z.input<typeof OplogQuerySchema>;

export const OplogEntrySchema = z.object({
  id: z.string(),
  at: InstantSchema,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The org the event belongs to, when it belongs to one (a sign-in does not). */
  orgId: IdSchema.nullable(),
  orgName: z.string().nullable(),
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  /** The fields it changed (bookkeeping left out); the record's history page shows the values. */
  fields: z.array(z.string()),
});
export type OplogEntry = z.infer<typeof OplogEntrySchema>;

export const OplogPageSchema = pageSchema(OplogEntrySchema);
export type OplogPage = z.infer<typeof OplogPageSchema>;

/** The people the log can be narrowed to: those in the reader's reach. */
export const OplogActorsSchema = z.object({
  items: z.array(z.object({ id: IdSchema, displayName: z.string() })),
});
export type OplogActors = z.infer<typeof OplogActorsSchema>;
