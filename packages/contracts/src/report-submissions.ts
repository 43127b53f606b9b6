// 报送 (issue 19, ADR 047): a FINAL report marked sent to an org above its own — to whom (the org
// above by default, any org above on the path), the day, and its 文号. One per document (kind,
// org, period). The sender's list and the receiver's ("received") list read the same rows; the
// figures SPECIAL_REPORT_SENT … count them by their day (figures.ts, source report_sent).
import { z } from 'zod';
import { IdSchema, InstantSchema, recordListQueryFields } from './common.ts';
import { LocalDateSchema, PeriodCodeSchema } from './periods.ts';
import { ReportKindSchema } from './report-kinds.ts';

export const DOC_NUMBER_MAX = 60;

/** POST /api/reports/summaries/:id/submit (If-Match: the draft's version; Idempotency-Key). */
export const SubmitReportInputSchema = z.strictObject({
  /** The org it goes to: an org above the report's own (default: the one right above). */
  toOrg: IdSchema.optional(),
  /** The Shanghai day it was sent; not after today. */
  sentOn: LocalDateSchema,
  /** 文号, e.g. "城南工委〔2026〕12号". */
  docNumber: z.string().trim().min(1).max(DOC_NUMBER_MAX),
});
export type SubmitReportInput = z.infer<typeof SubmitReportInputSchema>;

export const ListReportSubmissionsQuerySchema = z.strictObject({
  /** The sender's subtree (default), or with received=1 exactly the receiving org (default: the caller's home org). */
  org: IdSchema.optional(),
  /** 1: reports sent to `org`; otherwise reports sent by `org` and the orgs below it. */
  received: z.enum(['0', '1']).optional(),
  /** true: reports sent by `org` itself only, not by the orgs below it (a duty's drill, ADR 045). */
  own: recordListQueryFields.own,
  kind: ReportKindSchema.optional(),
  period: PeriodCodeSchema.optional(),
  /** Asia/Shanghai days, both inclusive, on the day sent (the figures' drill). */
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
});
export type ListReportSubmissionsQuery = z.input<typeof ListReportSubmissionsQuerySchema>;

export const ReportSubmissionSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  reportDraftId: IdSchema,
  kind: ReportKindSchema,
  periodCode: z.string(),
  periodName: z.string(),
  /** The report's title on one line. */
  title: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
  toOrgId: IdSchema,
  toOrgName: z.string(),
  sentOn: LocalDateSchema,
  sentAt: InstantSchema,
  docNumber: z.string(),
  createdByName: z.string().nullable(),
  createdAt: InstantSchema,
});
export type ReportSubmission = z.infer<typeof ReportSubmissionSchema>;

/** At most this many are listed, newest 报送 first. */
export const REPORT_SUBMISSIONS_MAX = 200;

export const ReportSubmissionListSchema = z.object({ items: z.array(ReportSubmissionSchema) });
export type ReportSubmissionList = z.infer<typeof ReportSubmissionListSchema>;

/** Where a document of one kind, org and period stands, for the duty calendar (ADR 047). */
export const REPORT_DRAFT_STATES = ['NONE', 'DRAFT', 'FINAL'] as const;
export type ReportDraftState = (typeof REPORT_DRAFT_STATES)[number];
