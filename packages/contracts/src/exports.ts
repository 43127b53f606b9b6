// Exports (导出): any record list, with exactly the filters it shows, as an xlsx workbook or a CSV
// file. GET /api/exports/<list>?format=xlsx|csv&<the list's own query, without cursor/limit>
// answers every row the list would page through for the same user. The 操作日志 (oplog) is
// exported the same way, and each of its exports is itself audited. See
// docs/decisions/013-exports.md.
import { z } from 'zod';
import { ListActivitiesQuerySchema } from './activities.ts';
import { ListAssignmentsQuerySchema } from './assignments.ts';
import type { Thing } from './labels.ts';
import { OplogQuerySchema } from './oplog.ts';
import type { Action } from './permissions.ts';
import { ListPublicityQuerySchema } from './publicity.ts';
import { ListRectificationsQuerySchema } from './rectifications.ts';
import { ListRiskAlertsQuerySchema } from './risk-alerts.ts';
import { ListRiskPointChecksQuerySchema, ListRiskPointsQuerySchema } from './risk-points.ts';
import { ListStudySessionsQuerySchema } from './study-sessions.ts';

export const EXPORT_LISTS = [
  'activities',
  'study-sessions',
  'publicity',
  'risk-points',
  'risk-point-checks',
  'risk-alerts',
  'rectifications',
  'assignments',
  'oplog',
] as const;
export const ExportListSchema = z.enum(EXPORT_LISTS);
export type ExportList = z.infer<typeof ExportListSchema>;

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** More rows than this is refused (422): the user narrows the filters instead. */
export const EXPORT_MAX_ROWS = 50_000;

/** The read permission of each list: who may read the list may export it. */
export const EXPORT_PERMISSIONS: Readonly<Record<ExportList, Action>> = {
  activities: 'activity:read',
  'study-sessions': 'study:read',
  publicity: 'publicity:read',
  'risk-points': 'riskpoint:read',
  'risk-point-checks': 'riskpoint:read',
  'risk-alerts': 'alert:read',
  rectifications: 'rectification:read',
  assignments: 'assignment:read',
  oplog: 'oplog:read',
};

/** The list's name in Chinese: the sheet's name and the download's file name. */
export const EXPORT_TITLES: Readonly<Record<ExportList, string>> = {
  activities: '主题活动',
  'study-sessions': '学习研讨',
  publicity: '宣传报道',
  'risk-points': '阵地风险点',
  'risk-point-checks': '阵地排查记录',
  'risk-alerts': '舆情处置',
  rectifications: '问题整改',
  assignments: '责任清单',
  oplog: '操作日志',
};

const withoutPage = { cursor: true, limit: true } as const;

/**
 * Each list's own filter (its list query schema without cursor and limit): still strict, so an
 * unknown parameter is refused exactly as the list refuses it.
 */
export const EXPORT_FILTER_SCHEMAS = {
  activities: ListActivitiesQuerySchema.omit(withoutPage),
  'study-sessions': ListStudySessionsQuerySchema.omit(withoutPage),
  publicity: ListPublicityQuerySchema.omit(withoutPage),
  'risk-points': ListRiskPointsQuerySchema.omit(withoutPage),
  'risk-point-checks': ListRiskPointChecksQuerySchema.omit(withoutPage),
  'risk-alerts': ListRiskAlertsQuerySchema.omit(withoutPage),
  rectifications: ListRectificationsQuerySchema.omit(withoutPage),
  assignments: ListAssignmentsQuerySchema.omit(withoutPage),
  oplog: OplogQuerySchema.omit(withoutPage),
} as const satisfies Record<ExportList, z.ZodType>;

/**
 * Lists whose every export is written to the audit trail (an EXPORT event of this thing, with the
 * filter, the format and the row count): a copy of the 操作日志 says who holds it. The record lists'
 * exports are read-only.
 */
export const AUDITED_EXPORTS: Readonly<Partial<Record<ExportList, Thing>>> = { oplog: 'AuditLog' };

/** The querystring of GET /api/exports/<list>: the list's filter plus the format (default xlsx). */
export function exportQuerySchema<L extends ExportList>(list: L) {
  return EXPORT_FILTER_SCHEMAS[list].extend({ format: ExportFormatSchema.default('xlsx') });
}

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The API path of a list's export. */
export function exportPath(list: ExportList): `/api/exports/${ExportList}` {
  return `/api/exports/${list}`;
}
