// The half-year (or whole-year) 工作总结: a draft generated from a period's records for an org
// subtree, edited on the page, saved with its period and author, exported as a 公文 DOCX or a
// print view. A draft is a document tree — title, opening paragraphs, numbered sections, sign-off
// — whose paragraphs carry the figures they quote, each with the list request that shows exactly
// its records (`drill`), so every number in the text can be traced. See ADR 016 and
// summary-text.ts (the phrasing).
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.ts';
import { LocalDateSchema, PeriodCodeSchema, periodOf } from './periods.ts';
import { type ReportKind, ReportKindSchema, reportPeriodIssue } from './report-kinds.ts';

/** The 工作总结's kind; the other kinds a ReportDraft row holds are in report-kinds.ts (ADR 047). */
export const SUMMARY_KIND = 'HALF_YEAR_SUMMARY' satisfies ReportKind;

/** A kind's period kind is checked against its declaration (a 研判报告 covers a quarter). */
function kindPeriodRefine(value: { kind: ReportKind; period: string | { kind: string } }, ctx: z.RefinementCtx) {
  const code = typeof value.period === 'string' ? value.period : null;
  const periodKind =
    typeof value.period === 'string'
      ? /-H/.test(value.period)
        ? 'HALF'
        : /-Q/.test(value.period)
          ? 'QUARTER'
          : 'YEAR'
      : (value.period.kind as 'HALF' | 'QUARTER' | 'YEAR');
  const issue = reportPeriodIssue(value.kind, periodKind);
  if (issue) ctx.addIssue({ code: 'custom', path: ['period'], message: issue, input: code ?? value.period });
}

/** A summary covers a half year ("2026-H1") or a whole year ("2026"): a period code of those kinds. */
export const SummaryPeriodCodeSchema = PeriodCodeSchema.regex(
  /^\d{4}(-H[12])?$/,
  '总结周期须为半年（如 2026-H1）或全年（如 2026）',
);

export const SUMMARY_TITLE_MAX = 200;
export const SUMMARY_HEADING_MAX = 100;
export const SUMMARY_TEXT_MAX = 4000;
export const SUMMARY_SECTIONS_MAX = 40;
export const SUMMARY_PARAGRAPHS_MAX = 40;
export const SUMMARY_FIGURES_MAX = 40;
export const SUMMARY_SIGN_OFF_MAX = 100;

/**
 * The record lists a figure may drill to (their web pages show the same filter). A saved draft
 * carries drills typed by nobody but the generator; the list is closed so a stored draft cannot
 * point a link anywhere else.
 */
export const SUMMARY_DRILL_LISTS = [
  '/api/study-sessions',
  '/api/activities',
  '/api/publicity',
  '/api/risk-points',
  '/api/risk-points/checks',
  '/api/risk-alerts',
  '/api/rectifications',
  '/api/assignments',
] as const;

export const SummaryDrillSchema = z.strictObject({
  list: z.enum(SUMMARY_DRILL_LISTS),
  query: z
    .record(z.string().max(30), z.string().max(200))
    .refine((q) => Object.keys(q).length <= 12, { message: '查询条件过多' }),
});
export type SummaryDrill = z.infer<typeof SummaryDrillSchema>;

/** One number quoted in a paragraph. */
export const SummaryFigureSchema = z.strictObject({
  /** Stable name of the figure, e.g. "activity", "seminar.study", "branchGap.ACTIVITY.<orgId>". */
  key: z.string().min(1).max(100),
  /** What it counts, for the link's tooltip: "主题活动". */
  label: z.string().max(100),
  /** The exact value (73 where the text says "70余场次"; minutes for a duration). */
  value: z.number(),
  /** The words in the text that show it: "70余场次", "1次", "6.3小时", a branch's name. */
  display: z.string().min(1).max(100),
  /** The list that shows exactly the records behind it; null when there is none. */
  drill: SummaryDrillSchema.nullable(),
});
export type SummaryFigure = z.infer<typeof SummaryFigureSchema>;

export const SummaryParagraphSchema = z.strictObject({
  text: z.string().trim().min(1).max(SUMMARY_TEXT_MAX),
  /** In the order they appear in the generated text; kept when the text is edited. */
  figures: z.array(SummaryFigureSchema).max(SUMMARY_FIGURES_MAX),
});
export type SummaryParagraph = z.infer<typeof SummaryParagraphSchema>;

/**
 * A heading with the paragraphs under it. Level 1 is "一、主要做法" (黑体 in the DOCX), level 2
 * "（一）…" (楷体); the numbering is part of the heading text, as printed.
 */
export const SummarySectionSchema = z.strictObject({
  heading: z.string().trim().min(1).max(SUMMARY_HEADING_MAX),
  level: z.union([z.literal(1), z.literal(2)]),
  paragraphs: z.array(SummaryParagraphSchema).max(SUMMARY_PARAGRAPHS_MAX),
});
export type SummarySection = z.infer<typeof SummarySectionSchema>;

export const SummaryContentSchema = z.strictObject({
  /** A line break ("\n") splits the title into its printed lines (org / subject). */
  title: z.string().trim().min(1).max(SUMMARY_TITLE_MAX),
  /** The opening paragraphs, before "一、". */
  intro: z.array(SummaryParagraphSchema).max(SUMMARY_PARAGRAPHS_MAX),
  sections: z.array(SummarySectionSchema).max(SUMMARY_SECTIONS_MAX),
  /**
   * 落款: the issuing org and the 成文日期 the user chose ("2026-07-05", a Shanghai day; generated
   * as the day of generation). The DOCX and the print view write it in words ("2026年7月5日",
   * summary-text.ts chineseDay), whatever day they are exported on.
   */
  signOff: z.strictObject({
    org: z.string().trim().max(SUMMARY_SIGN_OFF_MAX),
    date: LocalDateSchema,
  }),
  /** 主送机关 ("示范区委："), flush left under the title; absent for a 总结 (ADR 047). */
  addressee: z.string().trim().max(SUMMARY_SIGN_OFF_MAX).optional(),
});
export type SummaryContent = z.infer<typeof SummaryContentSchema>;

/** POST /api/reports/summary (body), GET /api/reports/summary.docx and …/summary/print (query). */
export const SummaryRequestSchema = z
  .strictObject({
    /** Which document (report-kinds.ts); the 工作总结 when left out. */
    kind: ReportKindSchema.default(SUMMARY_KIND),
    period: periodOf(PeriodCodeSchema),
    org: IdSchema,
  })
  .superRefine(kindPeriodRefine);
/** As sent (period a code); the API takes z.output (period a PeriodRef, parsed at the edge). */
export type SummaryRequest = z.input<typeof SummaryRequestSchema>;

/** A freshly generated draft: not saved. */
export const GeneratedSummarySchema = z.object({
  periodCode: z.string(),
  periodName: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
  generatedAt: InstantSchema,
  content: SummaryContentSchema,
});
export type GeneratedSummary = z.infer<typeof GeneratedSummarySchema>;

/**
 * A saved summary is one version of a document — the summary of one org, period and kind. Each
 * save of a new draft is the next version (1, 2, …); a DRAFT version may be edited and deleted,
 * a FINAL one (定稿) is locked: it is read, exported and copied into a new version, never changed.
 */
export const SUMMARY_STATES = ['DRAFT', 'FINAL'] as const;
export const SummaryStateSchema = z.enum(SUMMARY_STATES);
export type SummaryState = z.infer<typeof SummaryStateSchema>;

/** POST /api/reports/summaries: save a draft as the document's next version (Idempotency-Key). */
export const SaveSummaryInputSchema = z
  .strictObject({
    kind: ReportKindSchema.default(SUMMARY_KIND),
    period: PeriodCodeSchema,
    org: IdSchema,
    content: SummaryContentSchema,
  })
  .superRefine(kindPeriodRefine);
export type SaveSummaryInput = z.input<typeof SaveSummaryInputSchema>;

/** PATCH /api/reports/summaries/:id (If-Match): the whole edited document replaces the stored one. */
export const UpdateSummaryInputSchema = z.strictObject({ content: SummaryContentSchema });
export type UpdateSummaryInput = z.infer<typeof UpdateSummaryInputSchema>;

export const ListSummariesQuerySchema = z.strictObject({
  kind: ReportKindSchema.default(SUMMARY_KIND),
  period: PeriodCodeSchema.optional(),
  /** Drafts of exactly this org (default: the caller's home org). */
  org: IdSchema.optional(),
});
export type ListSummariesQuery = z.input<typeof ListSummariesQuerySchema>;

const savedFields = {
  id: IdSchema,
  /** The row's change counter (ETag, If-Match), not the document's version. */
  version: z.number().int(),
  /** The document's version this row is: 1, 2, … per org, period and kind ("第 2 版"). */
  number: z.number().int().min(1),
  state: SummaryStateSchema,
  finalizedAt: InstantSchema.nullable(),
  finalizedById: IdSchema.nullable(),
  finalizedByName: z.string().nullable(),
  kind: z.string(),
  periodCode: z.string(),
  periodName: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
  /** The title on one line. */
  title: z.string(),
  createdById: IdSchema.nullable(),
  createdByName: z.string().nullable(),
  updatedById: IdSchema.nullable(),
  updatedByName: z.string().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
};

export const SavedSummarySchema = z.object({ ...savedFields, content: SummaryContentSchema });
export type SavedSummary = z.infer<typeof SavedSummarySchema>;

export const SavedSummaryListSchema = z.object({ items: z.array(z.object(savedFields)) });
export type SavedSummaryList = z.infer<typeof SavedSummaryListSchema>;
export type SavedSummaryListItem = SavedSummaryList['items'][number];

/** At most this many saved versions are listed (newest first). */
export const SUMMARY_LIST_MAX = 50;

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
