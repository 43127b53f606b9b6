// Any record list as a sheet (header + rows) and the sheet as a file. The rows come from the
// list's own service, page by page through its keyset cursor, for the same user and filter: an
// export equals the list by construction, scope checks and all. Also used by the evidence pack
// (records.xlsx) and the dashboard export.
import { PAGE_SIZE_MAX } from '@dutyboard/contracts/common';
import { EXPORT_FILTER_SCHEMAS, EXPORT_MAX_ROWS, EXPORT_TITLES, type ExportList } from '@dutyboard/contracts/exports';
import type { PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { AppError, fieldIssue, validationError, zodFieldIssue } from '../../errors/app-error.ts';
import { listActivities } from '../activities/activities.ts';
import { listAssignments } from '../assignments/assignments.ts';
import { listOplog } from '../audit/oplog.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { listPublicity } from '../publicity/publicity.ts';
import { listRectifications } from '../rectifications/rectifications.ts';
import { listRiskAlerts } from '../risk-alerts/risk-alerts.ts';
import { listRiskPointChecks, listRiskPoints } from '../risk-points/risk-points.ts';
import { listStudySessions } from '../study-sessions/study-sessions.ts';
import {
  ACTIVITY_COLUMNS,
  ASSIGNMENT_COLUMNS,
  type Cell,
  type Column,
  type DateKind,
  OPLOG_COLUMNS,
  PUBLICITY_COLUMNS,
  RECTIFICATION_COLUMNS,
  RISK_ALERT_COLUMNS,
  RISK_POINT_CHECK_COLUMNS,
  RISK_POINT_COLUMNS,
  SERIAL_HEADER,
  STUDY_SESSION_COLUMNS,
} from './columns.ts';

export { writeCsv } from './csv.ts';
export { writeXlsx } from './xlsx.ts';

export interface SheetColumn {
  header: string;
  /** The widest the column may grow to fit its text (xlsx.ts fits it to the header and the values). */
  width?: number;
  /** Shanghai wall-clock text written as a date cell in the workbook (columns.ts DateKind). */
  type?: DateKind;
}

/** Rows above the table in the workbook only (CSV stays a plain table): what, whose, when. */
export interface SheetTitle {
  /** "甲村党支部 主题活动（2026-03-01 至 2026-03-31）" */
  text: string;
  /** Lines under it: the filters in words, who exported it and when. */
  lines: string[];
}

export interface Sheet {
  name: string;
  title?: SheetTitle;
  columns: SheetColumn[];
  rows: (string | number | null)[][];
}

/** The sheet with 序号 in front (rows keep the record id last, for sheetIds and tracing). */
function numbered(columns: SheetColumn[], rows: Cell[][]): Pick<Sheet, 'columns' | 'rows'> {
  return {
    columns: [{ header: SERIAL_HEADER, width: 8 }, ...columns],
    rows: rows.map((row, i) => [i + 1, ...row]),
  };
}

export interface ListSheetOptions {
  /** More rows than this → 422 (default EXPORT_MAX_ROWS). */
  maxRows?: number;
  /** The moment the whole export is judged at (overdue flags, reporting clocks); default now. */
  now?: Date;
}

type Filter<L extends ExportList> = z.output<(typeof EXPORT_FILTER_SCHEMAS)[L]>;
type PageParams<L extends ExportList> = Filter<L> & { cursor?: string; limit: number };
type Page<Row> = { items: Row[]; nextCursor: string | null };

/** One list's rows for a user and a validated filter (the row type stays inside). */
type Collect = (prisma: PrismaClient, user: AuthUser, filter: unknown, maxRows: number, now: Date) => Promise<Cell[][]>;

/** Ties a list's service to its columns, checking both against the list's filter type. */
function source<L extends ExportList, Row>(
  _list: L,
  page: (prisma: PrismaClient, user: AuthUser, params: PageParams<L>, now: Date) => Promise<Page<Row>>,
  columns: Column<Row>[],
): { columns: Column<unknown>[]; collect: Collect } {
  const collect: Collect = async (prisma, user, filter, maxRows, now) => {
    const rows: Cell[][] = [];
    let cursor: string | undefined;
    do {
      // `filter` was parsed by this list's schema in listSheet, so it has the list's filter type.
      const params = { ...(filter as Filter<L>), cursor, limit: PAGE_SIZE_MAX } as PageParams<L>;
      const answer = await page(prisma, user, params, now);
      for (const item of answer.items) rows.push(columns.map((column) => column.value(item)));
      if (rows.length > maxRows) throw tooManyRows(maxRows);
      cursor = answer.nextCursor ?? undefined;
    } while (cursor);
    return rows;
  };
  return { columns: columns as Column<unknown>[], collect };
}

const SOURCES: Record<ExportList, ReturnType<typeof source>> = {
  activities: source('activities', (db, user, params) => listActivities(db, user, params), ACTIVITY_COLUMNS),
  'study-sessions': source(
    'study-sessions',
    (db, user, params) => listStudySessions(db, user, params),
    STUDY_SESSION_COLUMNS,
  ),
  publicity: source('publicity', (db, user, params) => listPublicity(db, user, params), PUBLICITY_COLUMNS),
  'risk-points': source('risk-points', (db, user, params) => listRiskPoints(db, user, params), RISK_POINT_COLUMNS),
  'risk-point-checks': source(
    'risk-point-checks',
    (db, user, params) => listRiskPointChecks(db, user, params),
    RISK_POINT_CHECK_COLUMNS,
  ),
  'risk-alerts': source(
    'risk-alerts',
    (db, user, params, now) => listRiskAlerts(db, user, params, now),
    RISK_ALERT_COLUMNS,
  ),
  rectifications: source(
    'rectifications',
    (db, user, params, now) => listRectifications(db, user, params, now),
    RECTIFICATION_COLUMNS,
  ),
  assignments: source(
    'assignments',
    (db, user, params, now) => listAssignments(db, user, params, now),
    ASSIGNMENT_COLUMNS,
  ),
  oplog: source('oplog', (db, user, params) => listOplog(db, user, params), OPLOG_COLUMNS),
};

function tooManyRows(maxRows: number): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    { key: 'export.tooManyRows', params: { max: maxRows } },
    { fields: [fieldIssue('query', 'too_big', { key: 'export.rowLimit', params: { max: maxRows } })], maxRows },
    422,
  );
}

/**
 * The rows of a list, as its list endpoint would answer them for this user and query, all pages.
 * `query` is the list's own query without cursor/limit (defaults apply, unknown keys → 400);
 * out-of-reach orgs fail exactly as the list fails (404), and more than maxRows rows → 422.
 */
export async function listSheet(
  prisma: PrismaClient,
  user: AuthUser,
  list: ExportList,
  query: Record<string, unknown>,
  options: ListSheetOptions = {},
): Promise<Sheet> {
  const parsed = EXPORT_FILTER_SCHEMAS[list].safeParse(query);
  if (!parsed.success) {
    throw validationError(parsed.error.issues.map((issue) => zodFieldIssue(issue.path.join('.') || 'query', issue)));
  }
  const { columns, collect } = SOURCES[list];
  const rows = await collect(prisma, user, parsed.data, options.maxRows ?? EXPORT_MAX_ROWS, options.now ?? new Date());
  return {
    name: EXPORT_TITLES[list],
    ...numbered(
      columns.map(({ header, width, type }) => ({
        header,
        ...(width === undefined ? {} : { width }),
        ...(type === undefined ? {} : { type }),
      })),
      rows,
    ),
  };
}
