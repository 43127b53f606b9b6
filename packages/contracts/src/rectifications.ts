// 问题整改: a problem found by self-check, by an audit (督查) or through an alert (舆情), the measure
// taken, who owns it and by when. It is closed (整改完成) only with evidence attached, through
// POST /api/rectifications/:id/close; a PATCH never sets DONE.
import { z } from 'zod';
import { IdSchema, InstantSchema, pageSchema, recordFields, recordListQueryFields } from './common.ts';
import { LocalDateSchema } from './periods.ts';
import { AlertStateSchema } from './risk-alerts.ts';

export const RECTIFICATION_SOURCES = [
  'SELF_CHECK',
  'AUDIT',
  'ALERT',
  'SUMMARY',
  'POSITION_CHECK',
  'INSPECTION',
] as const;
export const RectificationSourceSchema = z.enum(RECTIFICATION_SOURCES);
export type RectificationSource = z.infer<typeof RectificationSourceSchema>;
/**
 * The sources a person enters, the only ones a form offers. The others are made, never typed:
 * SUMMARY (上期总结) by 定稿 of a 工作总结 from its 存在问题 (ADR 047); POSITION_CHECK and
 * INSPECTION from a 阵地 check's or a 督查's findings, linked to it (ADR 049).
 */
export const ENTERED_RECTIFICATION_SOURCES = [
  'SELF_CHECK',
  'AUDIT',
  'ALERT',
] as const satisfies readonly (typeof RECTIFICATION_SOURCES)[number][];
export const EnteredRectificationSourceSchema = z.enum(ENTERED_RECTIFICATION_SOURCES);

export const RECTIFICATION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE'] as const;
export const RectificationStatusSchema = z.enum(RECTIFICATION_STATUSES);
export type RectificationStatus = z.infer<typeof RectificationStatusSchema>;

/** The statuses a PATCH may set: DONE is reached only by closing with evidence. */
export const RECTIFICATION_EDITABLE_STATUSES = ['OPEN', 'IN_PROGRESS'] as const;
export const RectificationEditableStatusSchema = z.enum(RECTIFICATION_EDITABLE_STATUSES);

export const RECTIFICATION_PROBLEM_MAX = 2000;
export const RECTIFICATION_MEASURE_MAX = 2000;
export const RECTIFICATION_OWNER_MAX = 64;
export const RECTIFICATION_FINDING_REF_MAX = 200;
export const RECTIFICATION_CLOSING_NOTE_MAX = 2000;

const fields = {
  orgId: IdSchema,
  problem: z.string().trim().min(1).max(RECTIFICATION_PROBLEM_MAX),
  source: EnteredRectificationSourceSchema,
  measure: z.string().trim().max(RECTIFICATION_MEASURE_MAX).nullable().optional(),
  ownerName: z.string().trim().max(RECTIFICATION_OWNER_MAX).nullable().optional(),
  /**
   * The last Asia/Shanghai day of the rectification (整改时限); it is overdue from the following
   * midnight. Stored as that day's last millisecond (`deadlineAt`).
   */
  deadline: LocalDateSchema.nullable().optional(),
  /** The alert (舆情) the problem came from; required when source is ALERT. */
  alertId: IdSchema.nullable().optional(),
  /** Which audit finding (检查发现) it answers, e.g. "2026年上半年督查第3条"; required when source is AUDIT. */
  findingRef: z.string().trim().max(RECTIFICATION_FINDING_REF_MAX).nullable().optional(),
};

export const RECTIFICATION_ALERT_REQUIRED = '问题来源为舆情时，须选择关联的舆情';
export const RECTIFICATION_FINDING_REQUIRED = '问题来源为督查时，须填写督查发现的问题编号或出处';
export const RECTIFICATION_SUMMARY_SOURCE =
  '来源为上期总结、阵地检查或督查的整改项由系统生成（总结定稿、检查或督查发现问题时），不能手工选择或改为其他来源';

/**
 * The cross-field rules, on a create body or on a stored record merged with a PATCH: an alert
 * rectification names its alert, an audit one names its finding.
 */
export function rectificationSourceIssues(value: {
  source?: RectificationSource | null;
  alertId?: string | null;
  findingRef?: string | null;
  /** The stored source before a change: a made item (SUMMARY, POSITION_CHECK, INSPECTION) keeps its source, no other takes one. */
  was?: RectificationSource | null;
}): { path: 'alertId' | 'findingRef' | 'source'; message: string }[] {
  const issues: { path: 'alertId' | 'findingRef' | 'source'; message: string }[] = [];
  const made = (s: RectificationSource | null | undefined) =>
    s != null && !(ENTERED_RECTIFICATION_SOURCES as readonly string[]).includes(s);
  if (value.source !== undefined && value.source !== value.was && (made(value.source) || made(value.was))) {
    issues.push({ path: 'source', message: RECTIFICATION_SUMMARY_SOURCE });
  }
  if (value.source === 'ALERT' && !value.alertId)
    issues.push({ path: 'alertId', message: RECTIFICATION_ALERT_REQUIRED });
  if (value.source === 'AUDIT' && !value.findingRef?.trim()) {
    issues.push({ path: 'findingRef', message: RECTIFICATION_FINDING_REQUIRED });
  }
  return issues;
}

/** Unknown fields are refused rather than silently dropped, so a typo is reported. */
export const CreateRectificationInputSchema = z.strictObject(fields).superRefine((value, ctx) => {
  for (const issue of rectificationSourceIssues(value)) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, input: value[issue.path] });
  }
});
export type CreateRectificationInput = z.infer<typeof CreateRectificationInputSchema>;

/**
 * A partial change. When the body itself says source ALERT/AUDIT without the field it needs and
 * without clearing it, the server still checks the merged record (the stored record may have it).
 */
export const UpdateRectificationInputSchema = z
  .strictObject({ ...fields, status: RectificationEditableStatusSchema })
  .partial()
  .superRefine((value, ctx) => {
    if (Object.keys(value).length === 0) ctx.addIssue({ code: 'custom', message: '至少修改一项内容', input: value });
    // Only what the body itself contradicts; the rest is checked on the merged record.
    for (const issue of rectificationSourceIssues(value)) {
      if (value[issue.path] === null) {
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, input: null });
      }
    }
  });
export type UpdateRectificationInput = z.infer<typeof UpdateRectificationInputSchema>;

export const CloseRectificationInputSchema = z.strictObject({
  /** What was done and how it was verified (整改情况说明). */
  closingNote: z.string().trim().min(1).max(RECTIFICATION_CLOSING_NOTE_MAX),
});
export type CloseRectificationInput = z.infer<typeof CloseRectificationInputSchema>;

export const RECTIFICATION_SORTS = ['-createdAt', 'createdAt', 'deadlineAt'] as const;
export const RectificationSortSchema = z.enum(RECTIFICATION_SORTS);
export type RectificationSort = z.infer<typeof RectificationSortSchema>;

/** Which date `from`/`to` apply to: registered (default) or closed (the RECTIFICATION_CLOSED figure). */
export const RECTIFICATION_DATE_FIELDS = ['createdAt', 'closedAt'] as const;
export const RectificationDateFieldSchema = z.enum(RECTIFICATION_DATE_FIELDS);

export const ListRectificationsQuerySchema = z.strictObject({
  ...recordListQueryFields,
  status: RectificationStatusSchema.optional(),
  source: RectificationSourceSchema.optional(),
  /** true: only overdue ones (deadline passed, not DONE); false: only those that are not. */
  overdue: z.enum(['true', 'false']).optional(),
  /** true: not yet DONE (the RECTIFICATION_OPEN figure); false: DONE. */
  open: z.enum(['true', 'false']).optional(),
  dateField: RectificationDateFieldSchema.default('createdAt'),
  sort: RectificationSortSchema.default('-createdAt'),
  /** Items made from this FINAL 工作总结's 存在问题 (source SUMMARY, ADR 047). */
  reportDraft: IdSchema.optional(),
  /** One item (a 上期问题 of a report links to its own rectification, ADR 047). */
  id: IdSchema.optional(),
});
export type ListRectificationsQuery = z.input<typeof ListRectificationsQuerySchema>;

/** The linked alert, as far as the reader may see it (null when it is outside their reach). */
export const RectificationAlertSummarySchema = z.object({
  id: IdSchema,
  summary: z.string(),
  state: AlertStateSchema,
  registeredAt: InstantSchema,
});

export const RectificationSchema = z.object({
  ...recordFields,
  problem: z.string(),
  source: RectificationSourceSchema,
  measure: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** Shanghai day, "YYYY-MM-DD". */
  deadline: LocalDateSchema.nullable(),
  /** The instant the deadline ends (that day's last millisecond in Shanghai). */
  deadlineAt: InstantSchema.nullable(),
  status: RectificationStatusSchema,
  /** Deadline passed and not DONE, as of the answer. */
  overdue: z.boolean(),
  closedAt: InstantSchema.nullable(),
  closingNote: z.string().nullable(),
  alertId: IdSchema.nullable(),
  alert: RectificationAlertSummarySchema.nullable(),
  findingRef: z.string().nullable(),
  /** SUMMARY: the FINAL 工作总结 version that named it. */
  reportDraftId: IdSchema.nullable(),
  /** The 阵地 check whose finding it answers (source POSITION_CHECK). */
  riskPointCheckId: IdSchema.nullable(),
  /** The 督查 whose finding it answers (source INSPECTION); null for a reader who may not read the ledger. */
  accountabilityId: IdSchema.nullable(),
});
export type Rectification = z.infer<typeof RectificationSchema>;

export const RectificationPageSchema = pageSchema(RectificationSchema);
export type RectificationPage = z.infer<typeof RectificationPageSchema>;
