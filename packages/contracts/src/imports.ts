// Excel imports (数据导入) of an existing 台账: upload an xlsx (202, checked in the background row
// by row: the dry run), read the problems (row as Excel numbers it, column header, reason in
// Chinese), then commit all or nothing. See docs/decisions/017-excel-import.md.
//   GET  /api/imports/templates/:kind   the kind's xlsx template (header row + 填写说明 sheet)
//   POST /api/imports?kind=…            multipart, one part named "file" → 202 the job
//   GET  /api/imports                   the caller's newest imports
//   GET  /api/imports/:id               state, progress, the first problems
//   GET  /api/imports/:id/problems.xlsx every stored problem as a sheet
//   POST /api/imports/:id/commit        VALID → COMMITTING (202); a repeat answers the same job
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.ts';
import type { Action } from './permissions.ts';

export const IMPORT_KINDS = ['orgs', 'users', 'activities', 'study-sessions'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;

/**
 * What a role needs to import each kind: the permission that creates one such record through the
 * API. Rows of activities and study sessions must also be in orgs the importer may write to.
 */
export const IMPORT_PERMISSIONS: Readonly<Record<ImportKind, Action>> = {
  orgs: 'org:manage',
  users: 'user:manage',
  activities: 'activity:write',
  'study-sessions': 'study:write',
};

/** The kind's name in Chinese: the template's sheet and file name. */
export const IMPORT_TITLES: Readonly<Record<ImportKind, string>> = {
  orgs: '组织架构',
  users: '用户账号',
  activities: '主题活动',
  'study-sessions': '学习研讨',
};

export const IMPORT_STATES = ['VALIDATING', 'VALID', 'INVALID', 'COMMITTING', 'COMMITTED', 'FAILED'] as const;
export const ImportStateSchema = z.enum(IMPORT_STATES);
export type ImportState = z.infer<typeof ImportStateSchema>;

/** Largest accepted upload. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/**
 * More data rows than this is refused: split the file. Bounds how long a commit holds the audit
 * chain's lock, which every other save waits for (ADR 017).
 */
export const IMPORT_MAX_ROWS = 100_000;
/** Problems kept per import (problemCount still counts every one). */
export const IMPORT_PROBLEMS_KEPT = 5000;
/** Problems GET /api/imports/:id answers; problems.xlsx has every kept one. */
export const IMPORT_PROBLEMS_SHOWN = 200;
/** GET /api/imports answers the caller's newest imports, at most this many. */
export const IMPORT_LIST_MAX = 20;
/** How often the page asks for the progress of an import being checked or committed, in ms. */
export const IMPORT_POLL_MS = 700;

export const CreateImportQuerySchema = z.strictObject({ kind: ImportKindSchema });
export const ImportKindParamsSchema = z.object({ kind: ImportKindSchema });

/** One bad cell or row: row as Excel numbers it (1 = the header row), the column's header. */
export const ImportProblemSchema = z.object({
  row: z.number().int(),
  /** The column's Chinese header as in the template; null when the row as a whole is at fault. */
  column: z.string().nullable(),
  reason: z.string(),
  /**
   * The org the row names in its 组织/支部 cell, as written (activities and study sessions), so a
   * file that covers several branches shows whose row each problem is.
   */
  org: z.string().optional(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportJobSummarySchema = z.object({
  id: IdSchema,
  kind: ImportKindSchema,
  fileName: z.string(),
  fileSha256: z.string(),
  state: ImportStateSchema,
  /**
   * Data rows. While VALIDATING an estimate from the file (exact once checked); rowsDone of
   * rowsTotal is the progress of the check, then of the commit.
   */
  rowsTotal: z.number().int(),
  rowsDone: z.number().int(),
  problemCount: z.number().int(),
  /**
   * VALID: the records a commit would create now and the rows it would skip because the record
   * already exists (same natural key). COMMITTED: what it did.
   */
  created: z.number().int(),
  skipped: z.number().int(),
  /** FAILED: why, in words for the user. */
  error: z.string().nullable(),
  requestedByName: z.string().nullable(),
  createdAt: InstantSchema,
  finishedAt: InstantSchema.nullable(),
});
export type ImportJobSummary = z.infer<typeof ImportJobSummarySchema>;

/** What an import of records does to one org: the rows of the file filed under it. */
export const ImportOrgCountSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  /** VALID: records a commit would create now; COMMITTED: records created. */
  created: z.number().int(),
  /** Rows whose record exists already (same natural key). */
  skipped: z.number().int(),
});
export type ImportOrgCount = z.infer<typeof ImportOrgCountSchema>;

export const ImportJobSchema = ImportJobSummarySchema.extend({
  /** The first IMPORT_PROBLEMS_SHOWN problems, in row order. */
  problems: z.array(ImportProblemSchema),
  /**
   * Activities and study sessions, once checked clean: the rows per org, in the order the file
   * first names each org (a 街道 importing for its branches sees each branch's share before
   * confirming). Empty for other kinds and for files with problems.
   */
  orgs: z.array(ImportOrgCountSchema),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const ImportJobListSchema = z.object({ items: z.array(ImportJobSummarySchema) });
export type ImportJobList = z.infer<typeof ImportJobListSchema>;

/**
 * Orgs the template's 组织/支部 drop-down lists at most (the importer's reach); a wider reach
 * gets no drop-down, only the column's rule.
 */
export const IMPORT_ORG_CHOICES_MAX = 2000;

export function isImportPending(state: ImportState): boolean {
  return state === 'VALIDATING' || state === 'COMMITTING';
}

/** Paths of the import endpoints, shared by the web and the tests. */
export const importPaths = {
  template: (kind: ImportKind) => `/api/imports/templates/${kind}`,
  upload: (kind: ImportKind) => `/api/imports?kind=${kind}`,
  job: (id: string) => `/api/imports/${id}`,
  problems: (id: string) => `/api/imports/${id}/problems.xlsx`,
  commit: (id: string) => `/api/imports/${id}/commit`,
} as const;
