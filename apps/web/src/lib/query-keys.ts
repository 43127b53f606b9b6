// Every query key in one place, so a mutation in one feature can invalidate another feature's
// reads (saving an activity refreshes the dashboard) through the very keys those reads use.
import type { ListActivitiesQuery } from '@dutyboard/contracts/activities';
import type { ListAssignmentsQuery } from '@dutyboard/contracts/assignments';
import type { EntityType } from '@dutyboard/contracts/attachments';
import type { DashboardQuery } from '@dutyboard/contracts/dashboard';
import type { OplogQuery } from '@dutyboard/contracts/oplog';
import type { ListPublicityQuery } from '@dutyboard/contracts/publicity';
import type { ListRectificationsQuery } from '@dutyboard/contracts/rectifications';
import type { ListRiskAlertsQuery } from '@dutyboard/contracts/risk-alerts';
import type { ListRiskPointChecksQuery, ListRiskPointsQuery } from '@dutyboard/contracts/risk-points';
import type { ListStudySessionsQuery } from '@dutyboard/contracts/study-sessions';

export type ActivityListFilter = Omit<ListActivitiesQuery, 'cursor' | 'limit'>;
export type OplogListFilter = Omit<OplogQuery, 'cursor' | 'limit'>;
export type PublicityListFilter = Omit<ListPublicityQuery, 'cursor' | 'limit'>;
export type RectificationListFilter = Omit<ListRectificationsQuery, 'cursor' | 'limit'>;
export type RiskAlertListFilter = Omit<ListRiskAlertsQuery, 'cursor' | 'limit'>;
export type RiskPointListFilter = Omit<ListRiskPointsQuery, 'cursor' | 'limit'>;
export type RiskPointCheckListFilter = Omit<ListRiskPointChecksQuery, 'cursor' | 'limit'>;
export type StudySessionListFilter = Omit<ListStudySessionsQuery, 'cursor' | 'limit'>;
/** What narrows a period's assignments beyond period and org (a dashboard figure's drill). */
export type AssignmentListFilter = Pick<ListAssignmentsQuery, 'kind' | 'owner' | 'status' | 'overdue'>;

export const queryKeys = {
  me: ['me'] as const,
  /** My sign-in sessions: GET /api/auth/sessions. */
  sessions: ['sessions'] as const,
  orgs: ['orgs'] as const,
  /** Every user (ADMIN): GET /api/users. */
  users: ['users'] as const,
  dashboard: {
    all: ['dashboard'] as const,
    detail: (query: DashboardQuery) => ['dashboard', query] as const,
  },
  activities: {
    all: ['activities'] as const,
    lists: ['activities', 'list'] as const,
    list: (filter: ActivityListFilter) => ['activities', 'list', filter] as const,
    /** The newest few (a secretary's home): under `lists`, so every save refreshes it. */
    recent: (limit: number) => ['activities', 'list', 'recent', limit] as const,
    detail: (id: string) => ['activities', 'detail', id] as const,
  },
  /** 学习研讨: GET /api/study-sessions and /api/study-sessions/:id. */
  studySessions: {
    all: ['study-sessions'] as const,
    lists: ['study-sessions', 'list'] as const,
    list: (filter: StudySessionListFilter) => ['study-sessions', 'list', filter] as const,
    recent: (limit: number) => ['study-sessions', 'list', 'recent', limit] as const,
    detail: (id: string) => ['study-sessions', 'detail', id] as const,
    /** GET /api/study-sessions/make-ups-owed (under lists: every save refreshes it). */
    owed: (org: string | undefined) => ['study-sessions', 'list', 'make-ups-owed', org ?? null] as const,
  },
  /** 宣传报道: GET /api/publicity and /api/publicity/:id. */
  publicity: {
    all: ['publicity'] as const,
    lists: ['publicity', 'list'] as const,
    list: (filter: PublicityListFilter) => ['publicity', 'list', filter] as const,
    detail: (id: string) => ['publicity', 'detail', id] as const,
  },
  /** 阵地/风险点: GET /api/risk-points, /api/risk-points/:id and a point's checks. */
  riskPoints: {
    all: ['risk-points'] as const,
    lists: ['risk-points', 'list'] as const,
    list: (filter: RiskPointListFilter) => ['risk-points', 'list', filter] as const,
    detail: (id: string) => ['risk-points', 'detail', id] as const,
    checks: (id: string) => ['risk-points', 'checks', id] as const,
    /** GET /api/risk-points/checks: every check in reach. */
    checkLists: ['risk-points', 'check-list'] as const,
    checkList: (filter: RiskPointCheckListFilter) => ['risk-points', 'check-list', filter] as const,
  },
  /** 舆情: GET /api/risk-alerts and /api/risk-alerts/:id (with its timeline). */
  riskAlerts: {
    all: ['risk-alerts'] as const,
    lists: ['risk-alerts', 'list'] as const,
    list: (filter: RiskAlertListFilter) => ['risk-alerts', 'list', filter] as const,
    detail: (id: string) => ['risk-alerts', 'detail', id] as const,
  },
  /** 问题整改: GET /api/rectifications, /api/rectifications/:id; the alerts its form may link. */
  rectifications: {
    all: ['rectifications'] as const,
    lists: ['rectifications', 'list'] as const,
    list: (filter: RectificationListFilter) => ['rectifications', 'list', filter] as const,
    detail: (id: string) => ['rectifications', 'detail', id] as const,
    alertChoices: ['rectifications', 'alert-choices'] as const,
  },
  /** 目标设置: GET /api/targets (period × org) and GET /api/target-rules (org). */
  targets: {
    all: ['targets'] as const,
    grid: (period: string, org: string | undefined) => ['targets', 'grid', period, org ?? null] as const,
    rules: (org: string | undefined) => ['targets', 'rules', org ?? null] as const,
  },
  /** 规定动作: GET /api/duties/calendar (year × org × with those below). */
  duties: {
    all: ['duties'] as const,
    calendar: (year: number, org: string | undefined, below: boolean) =>
      ['duties', 'calendar', year, org ?? null, below] as const,
    /** GET /api/duty-rules?org= (the rules that apply to the org, its own and below). */
    rules: (org: string) => ['duties', 'rules', org] as const,
  },
  /** 责任清单: GET /api/assignments (one period's whole list), /api/assignments/:id, owners. */
  assignments: {
    all: ['assignments'] as const,
    lists: ['assignments', 'list'] as const,
    list: (period: string, org: string | undefined, filter: AssignmentListFilter = {}) =>
      ['assignments', 'list', period, org ?? null, filter] as const,
    detail: (id: string) => ['assignments', 'detail', id] as const,
    owners: ['assignments', 'owners'] as const,
  },
  /** Evidence files of one record: GET /api/attachments. */
  attachments: {
    all: ['attachments'] as const,
    list: (entityType: EntityType, entityId: string) => ['attachments', entityType, entityId] as const,
  },
  /** Change history of one record: GET /api/history. */
  history: {
    all: ['history'] as const,
    detail: (entityType: EntityType, entityId: string) => ['history', entityType, entityId] as const,
  },
  /** The header bell's needs-attention list: GET /api/notifications. */
  notifications: ['notifications'] as const,
  /** 审计链核验: GET /api/audit/verify (run on request only). */
  audit: {
    verify: ['audit', 'verify'] as const,
    /** 操作日志: GET /api/oplog with its filter, and the people it can be narrowed to. */
    oplog: (filter: OplogListFilter) => ['audit', 'oplog', filter] as const,
    oplogActors: ['audit', 'oplog-actors'] as const,
  },
  /** 证据包: GET /api/evidence-packs (the caller's newest packs, polled while one is being made). */
  evidencePacks: {
    all: ['evidence-packs'] as const,
    list: ['evidence-packs', 'list'] as const,
  },
  /** 数据导入: GET /api/imports (the caller's imports) and /api/imports/:id (polled while it runs). */
  imports: {
    all: ['imports'] as const,
    list: ['imports', 'list'] as const,
    detail: (id: string) => ['imports', 'detail', id] as const,
  },
  /** 工作总结: saved drafts of a period and org (GET /api/reports/summaries), one saved draft. */
  reports: {
    all: ['reports'] as const,
    summaries: (period: string, org: string) => ['reports', 'summaries', period, org] as const,
    summary: (id: string) => ['reports', 'summary', id] as const,
  },
};
