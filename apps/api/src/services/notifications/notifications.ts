// The needs-attention list (GET /api/notifications): what in the caller's reach is overdue or
// about to be. Each kind is one query over its record table, filtered and counted in PostgreSQL
// (never a whole table loaded), and only for record types the caller's role may read. The list
// is sorted by its deadline, soonest (most overdue) first, and capped; `count` is the full number.
import type { EntityType } from '@dutyboard/contracts/attachments';
import { DUTIES, DUTY_SOON_DAYS, dueDayEnd } from '@dutyboard/contracts/duties';
import {
  NOTIFY_SOON_DAYS,
  type Notification,
  type NotificationKind,
  type NotificationList,
  type NotificationTarget,
  notificationOrder,
  REPORT_RECEIVED_DAYS,
  URGENT_ALERT_LEVELS,
} from '@dutyboard/contracts/notifications';
import { periodContaining, periodFromCode, shanghaiMidnight, shanghaiParts } from '@dutyboard/contracts/periods';
import { can } from '@dutyboard/contracts/permissions';
import { periodName } from '@dutyboard/contracts/plan';
import { ALERT_URGE_HOURS, type AlertLevel } from '@dutyboard/contracts/risk-alerts';
import { POSITION_RULES } from '@dutyboard/contracts/risk-points';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { Prisma as PrismaValues } from '@dutyboard/db/generated/prisma/client';
import { deadlineSql } from '../assignments/overdue.ts';
import { parseRule, satisfiedRuleTasks } from '../assignments/progress.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { type CalendarOrg, dutyLines } from '../duties/calendar.ts';
import { loadReachableOrg } from '../orgs/scope.ts';
import { refOfPeriodRow } from '../plan/periods.ts';
import { RECORD_ACTIONS } from '../records/registry.ts';
import { staleWhere } from '../risk-points/risk-points.ts';

/** Last year's duties stay in the bell this many days into the new year. */
const DUTY_BELL_LOOKBACK_DAYS = 31;

/** At most this many items are answered; `count` still says how many there are. */
export const NOTIFICATIONS_CAP = 200;
/** Longest title answered: the bell shows one line, and alert summaries may run to pages. */
export const NOTIFICATION_TITLE_MAX = 200;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Alert states before 报送: the reporting clock is still running. */
const UNREPORTED = ['REGISTERED', 'ASSESSED', 'RETURNED'] as const;

const SEVERITY: Record<NotificationKind, Notification['severity']> = {
  TASK_OVERDUE: 'HIGH',
  TASK_DUE_SOON: 'MEDIUM',
  ALERT_TO_REPORT: 'MEDIUM',
  ALERT_OVERDUE: 'HIGH',
  ALERT_URGE: 'MEDIUM',
  RISK_CHECK_DUE: 'MEDIUM',
  RECTIFICATION_OVERDUE: 'HIGH',
  ASSESSMENT_SELF_DUE: 'MEDIUM',
  ASSESSMENT_SELF_OVERDUE: 'HIGH',
  ASSESSMENT_REVIEW_DUE: 'MEDIUM',
  ASSESSMENT_REVIEW_OVERDUE: 'HIGH',
  ASSESSMENT_TO_CONFIRM: 'MEDIUM',
  REPORT_RECEIVED: 'MEDIUM',
  DUTY_DUE: 'MEDIUM',
  DUTY_OVERDUE: 'HIGH',
  EVENT_TO_APPROVE: 'MEDIUM',
  POSITION_STALE: 'MEDIUM',
};

interface Found {
  items: Notification[];
  count: number;
}

const none: Found = { items: [], count: 0 };

function title(text: string): string {
  return text.length > NOTIFICATION_TITLE_MAX ? `${text.slice(0, NOTIFICATION_TITLE_MAX - 1)}…` : text;
}

function item(
  kind: NotificationKind,
  entityType: NotificationTarget,
  row: { id: string; orgId: string; orgName: string; title: string; level?: AlertLevel },
  dueAt: Date,
): Notification {
  const urgent = row.level !== undefined && URGENT_ALERT_LEVELS.includes(row.level);
  return {
    kind,
    // 一级/二级 alerts are HIGH whatever their kind (issue 16: a new 一级 舆情 at once).
    severity: urgent ? 'HIGH' : SEVERITY[kind],
    entityType,
    entityId: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    title: title(row.title),
    dueAt: dueAt.toISOString(),
    ...(row.level ? { alertLevel: row.level } : {}),
  };
}

interface Scope {
  /** Materialised path prefix of the caller's reach: "/district/street/%". */
  like: string;
  prefix: string;
}

/**
 * Tasks (责任清单, kind TASK) still OPEN whose deadline has passed or comes within
 * NOTIFY_SOON_DAYS. The deadline and "overdue" are the assignments' own (overdue.ts): overdue
 * from the deadline on. A task with a rule is left out once its rule is satisfied (its records are
 * in), so only rule tasks are loaded one by one, and only those within the window.
 */
async function tasks(db: PrismaClient, scope: Scope, now: Date, soon: Date): Promise<Found> {
  type Row = { id: string; orgId: string; orgName: string; title: string; dueAt: Date; total: bigint };
  type RuleRow = Omit<Row, 'total'> & { periodId: string; rule: unknown };
  const [plain, ruled] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT a.id, a."orgId", o.name AS "orgName", a.task AS title, ${deadlineSql('a')} AS "dueAt",
        count(*) OVER () AS total
      FROM "Assignment" a JOIN "OrgUnit" o ON o.id = a."orgId"
      WHERE o.path LIKE ${scope.like} AND a.kind = 'TASK' AND a.status = 'OPEN'
        AND ${deadlineSql('a')} <= ${soon}
        AND (a.rule IS NULL OR jsonb_typeof(a.rule) = 'null')
      ORDER BY a."dueAt", a.id
      LIMIT ${NOTIFICATIONS_CAP}`,
    db.$queryRaw<RuleRow[]>`
      SELECT a.id, a."orgId", o.name AS "orgName", a.task AS title, ${deadlineSql('a')} AS "dueAt",
        a."periodId", a.rule
      FROM "Assignment" a JOIN "OrgUnit" o ON o.id = a."orgId"
      WHERE o.path LIKE ${scope.like} AND a.kind = 'TASK' AND a.status = 'OPEN'
        AND ${deadlineSql('a')} <= ${soon}
        AND a.rule IS NOT NULL AND jsonb_typeof(a.rule) <> 'null'`,
  ]);
  // Rule tasks drop out once their rule is satisfied: all of them checked in one query. A stored
  // rule that cannot be evaluated keeps its task listed.
  const periods = await db.period.findMany({
    where: { id: { in: [...new Set(ruled.map((row) => row.periodId))] } },
    select: { id: true, kind: true, year: true, index: true },
  });
  const periodOf = new Map(periods.map((p) => [p.id, refOfPeriodRow(p)]));
  const checkable = ruled.flatMap((row) => {
    const rule = parseRule(row.rule);
    const period = periodOf.get(row.periodId);
    return rule && period ? [{ id: row.id, orgId: row.orgId, period, rule }] : [];
  });
  const satisfied = await satisfiedRuleTasks(db, checkable);
  const open = ruled.map((row) => (satisfied.has(row.id) ? null : row));
  const rows = [...plain, ...open.filter((row) => row !== null)];
  return {
    // row.dueAt is the deadline: overdue from it on (isOverdue).
    items: rows.map((row) => item(row.dueAt <= now ? 'TASK_OVERDUE' : 'TASK_DUE_SOON', 'Assignment', row, row.dueAt)),
    count: Number(plain[0]?.total ?? 0) + open.filter((row) => row !== null).length,
  };
}

const ALERT_SELECT = {
  id: true,
  orgId: true,
  level: true,
  summary: true,
  reportDueAt: true,
  lastEventAt: true,
  org: { select: { name: true } },
} as const;
type AlertRow = Prisma.RiskAlertGetPayload<{ select: typeof ALERT_SELECT }>;

/** Alerts in the caller's reach matching `where`, counted in full, the first CAP listed as `kind`. */
async function alerts(
  db: PrismaClient,
  scope: Scope,
  kind: NotificationKind,
  where: Prisma.RiskAlertWhereInput,
  orderBy: Prisma.RiskAlertOrderByWithRelationInput[],
  dueAt: (row: AlertRow) => Date,
): Promise<Found> {
  const inReach = { ...where, org: { path: { startsWith: scope.prefix } } };
  const [count, rows] = await Promise.all([
    db.riskAlert.count({ where: inReach }),
    db.riskAlert.findMany({ where: inReach, select: ALERT_SELECT, orderBy, take: NOTIFICATIONS_CAP }),
  ]);
  return {
    count,
    items: rows.map((r) => item(kind, 'RiskAlert', { ...r, orgName: r.org.name, title: r.summary }, dueAt(r))),
  };
}

/** Alerts not yet reported (报送) whose clock has run out. */
const alertsOverdue = (db: PrismaClient, scope: Scope, now: Date) =>
  alerts(
    db,
    scope,
    'ALERT_OVERDUE',
    { state: { in: [...UNREPORTED] }, reportDueAt: { lt: now } },
    [{ reportDueAt: 'asc' }, { id: 'asc' }],
    (r) => r.reportDueAt,
  );

/**
 * Alerts not yet reported and not yet late: in the bell from 登记 on, with their clock, so a
 * 一级 alert with a one-hour clock is seen at once (issue 16), not only in its last quarter.
 * The urgent levels come first, so the cap never drops a 一级 alert for a 四级 one.
 */
const alertsToReport = (db: PrismaClient, scope: Scope, now: Date) =>
  alerts(
    db,
    scope,
    'ALERT_TO_REPORT',
    { state: { in: [...UNREPORTED] }, reportDueAt: { gte: now } },
    [{ level: 'asc' }, { reportDueAt: 'asc' }, { id: 'asc' }],
    (r) => r.reportDueAt,
  );

/** 催办: open alerts with no event for ALERT_URGE_HOURS; due when that time was up. */
const alertsToUrge = (db: PrismaClient, scope: Scope, now: Date) =>
  alerts(
    db,
    scope,
    'ALERT_URGE',
    { state: { not: 'CLOSED' }, lastEventAt: { lt: new Date(now.getTime() - ALERT_URGE_HOURS * HOUR_MS) } },
    [{ lastEventAt: 'asc' }, { id: 'asc' }],
    (r) => new Date(r.lastEventAt.getTime() + ALERT_URGE_HOURS * HOUR_MS),
  );

/** Risk points (阵地) whose next check (排查) is past or due within NOTIFY_SOON_DAYS. */
async function riskChecks(db: PrismaClient, scope: Scope, soon: Date): Promise<Found> {
  const where = { org: { path: { startsWith: scope.prefix } }, nextCheckDueAt: { lte: soon } };
  const [count, rows] = await Promise.all([
    db.riskPoint.count({ where }),
    db.riskPoint.findMany({
      where,
      select: { id: true, orgId: true, name: true, nextCheckDueAt: true, org: { select: { name: true } } },
      orderBy: [{ nextCheckDueAt: 'asc' }, { id: 'asc' }],
      take: NOTIFICATIONS_CAP,
    }),
  ]);
  return {
    count,
    items: rows.flatMap((r) =>
      r.nextCheckDueAt
        ? [item('RISK_CHECK_DUE', 'RiskPoint', { ...r, orgName: r.org.name, title: r.name }, r.nextCheckDueAt)]
        : [],
    ),
  };
}

/**
 * 阵地 gone stale under their type's rule (ADR 049: an online one with no update for more than
 * its staleDays): each raises a check (排查) from the instant it turned red — the start of the
 * Shanghai day after its last update's day plus staleDays — until an update, or a check (排查)
 * made since that instant, is recorded. Due at that instant, so the longest-stale comes first.
 */
async function positionsStale(db: PrismaClient, scope: Scope, now: Date): Promise<Found> {
  // Stale 阵地 are few (a register holds hundreds at most), and whether a check came after the
  // instant each turned red is per row: filtered here, so the count is exact.
  const rows = await db.riskPoint.findMany({
    where: { AND: [{ org: { path: { startsWith: scope.prefix } } }, staleWhere(now)] },
    select: {
      id: true,
      orgId: true,
      name: true,
      type: true,
      lastUpdatedAt: true,
      lastCheckedAt: true,
      createdAt: true,
      org: { select: { name: true } },
    },
  });
  const items = rows.flatMap((r) => {
    const since = shanghaiParts(r.lastUpdatedAt ?? r.createdAt);
    const red = shanghaiMidnight(since.year, since.month, since.day + (POSITION_RULES[r.type].staleDays ?? 0) + 1);
    if (r.lastCheckedAt && r.lastCheckedAt.getTime() >= red.getTime()) return [];
    return [item('POSITION_STALE', 'RiskPoint', { ...r, orgName: r.org.name, title: r.name }, red)];
  });
  items.sort(notificationOrder);
  return { count: items.length, items: items.slice(0, NOTIFICATIONS_CAP) };
}

/** Rectifications past their deadline and not done. */
/**
 * 一会一报 (ADR 048): events whose waiting step the caller decides — named, or by role at the
 * caller's home org (the columns the service keeps for the current step); due at the start.
 */
async function eventsToApprove(db: PrismaClient, user: AuthUser, scope: Scope): Promise<Found> {
  const where = {
    org: { path: { startsWith: scope.prefix } },
    state: { in: ['SUBMITTED' as const, 'IN_REVIEW' as const] },
    OR: [{ pendingUserId: user.id }, { pendingRole: user.role, pendingOrgId: user.orgId }],
  };
  const [count, rows] = await Promise.all([
    db.eventApproval.count({ where }),
    db.eventApproval.findMany({
      where,
      select: { id: true, orgId: true, topic: true, startsAt: true, org: { select: { name: true } } },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: NOTIFICATIONS_CAP,
    }),
  ]);
  return {
    count,
    items: rows.map((r) =>
      item('EVENT_TO_APPROVE', 'EventApproval', { ...r, orgName: r.org.name, title: r.topic }, r.startsAt),
    ),
  };
}

async function rectificationsOverdue(db: PrismaClient, scope: Scope, now: Date): Promise<Found> {
  const where = {
    org: { path: { startsWith: scope.prefix } },
    status: { not: 'DONE' as const },
    deadlineAt: { lt: now },
  };
  const [count, rows] = await Promise.all([
    db.rectification.count({ where }),
    db.rectification.findMany({
      where,
      select: { id: true, orgId: true, problem: true, deadlineAt: true, org: { select: { name: true } } },
      orderBy: [{ deadlineAt: 'asc' }, { id: 'asc' }],
      take: NOTIFICATIONS_CAP,
    }),
  ]);
  return {
    count,
    items: rows.flatMap((r) =>
      r.deadlineAt
        ? [
            item(
              'RECTIFICATION_OVERDUE',
              'Rectification',
              { ...r, orgName: r.org.name, title: r.problem },
              r.deadlineAt,
            ),
          ]
        : [],
    ),
  };
}

/** Return states in which the 自评 is still the unit's to write (or write again after 退回). */
const SELF_OPEN = ['NOT_STARTED', 'SELF_DRAFT', 'RETURNED'] as const;
/** Return states waiting for the issuer's 复核. */
const REVIEW_OPEN = ['SUBMITTED', 'IN_REVIEW'] as const;

/**
 * The end of an Asia/Shanghai day stored as "YYYY-MM-DD" (the next day's 00:00 +08:00), in SQL.
 * The bell shows the day's last millisecond (`lastOfDay`): "截止 07-10 23:59", not "07-11 00:00".
 */
const dayEndSql = (column: string) =>
  PrismaValues.sql`((${PrismaValues.raw(column)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

const lastOfDay = (end: Date) => new Date(end.getTime() - 1);

type ReturnRow = {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  dueAt: Date;
  state: string;
  total: bigint;
};

/**
 * 考核 returns whose 自评 is the caller's to write (assessment:self: a 街道's leader, a 支部's
 * secretary): the unit is the caller's home org (the 自评 is the unit's own word, ADR 041) and its 自评 is due within NOTIFY_SOON_DAYS or past its day
 * (overdue from the next day's 00:00 in Shanghai), while not yet submitted.
 */
async function assessmentSelf(db: PrismaClient, user: AuthUser, now: Date, soon: Date): Promise<Found> {
  const due = dayEndSql('c."selfDueOn"');
  const rows = await db.$queryRaw<ReturnRow[]>`
    SELECT r.id, r."orgId", o.name AS "orgName", c.name AS title, ${due} AS "dueAt", r.state::text AS state,
      count(*) OVER () AS total
    FROM "AssessmentReturn" r JOIN "AssessmentCampaign" c ON c.id = r."campaignId" JOIN "OrgUnit" o ON o.id = r."orgId"
    WHERE r."orgId" = ${user.orgId}::uuid AND r.state::text IN (${PrismaValues.join(SELF_OPEN)}) AND ${due} <= ${soon}
    ORDER BY "dueAt", r.id
    LIMIT ${NOTIFICATIONS_CAP}`;
  return {
    items: rows.map((r) =>
      item(
        r.dueAt <= now ? 'ASSESSMENT_SELF_OVERDUE' : 'ASSESSMENT_SELF_DUE',
        'AssessmentReturn',
        r,
        lastOfDay(r.dueAt),
      ),
    ),
    count: Number(rows[0]?.total ?? 0),
  };
}

/**
 * 考核 returns waiting on the issuer's side, for campaigns issued in the caller's reach: submitted
 * ones near or past `reviewDueOn` (to a reviewer or leader: assessment:review), and reviewed ones
 * waiting for the confirmation (to a leader: assessment:manage), whatever the day.
 */
async function assessmentIssuer(
  db: PrismaClient,
  scope: Scope,
  now: Date,
  soon: Date,
  may: { review: boolean; confirm: boolean },
): Promise<Found> {
  const due = dayEndSql('c."reviewDueOn"');
  const rows = await db.$queryRaw<ReturnRow[]>`
    SELECT r.id, r."orgId", o.name AS "orgName", c.name AS title, ${due} AS "dueAt", r.state::text AS state,
      count(*) OVER () AS total
    FROM "AssessmentReturn" r JOIN "AssessmentCampaign" c ON c.id = r."campaignId"
      JOIN "OrgUnit" i ON i.id = c."orgId" JOIN "OrgUnit" o ON o.id = r."orgId"
    WHERE i.path LIKE ${scope.like}
      AND ((${may.review} AND r.state::text IN (${PrismaValues.join(REVIEW_OPEN)}) AND ${due} <= ${soon})
        OR (${may.confirm} AND r.state::text = 'REVIEWED'))
    ORDER BY "dueAt", r.id
    LIMIT ${NOTIFICATIONS_CAP}`;
  return {
    items: rows.map((r) =>
      item(
        r.state === 'REVIEWED'
          ? 'ASSESSMENT_TO_CONFIRM'
          : r.dueAt <= now
            ? 'ASSESSMENT_REVIEW_OVERDUE'
            : 'ASSESSMENT_REVIEW_DUE',
        'AssessmentReturn',
        r,
        lastOfDay(r.dueAt),
      ),
    ),
    count: Number(rows[0]?.total ?? 0),
  };
}

/**
 * Reports 报送 to the caller's home org in the last REPORT_RECEIVED_DAYS (by when they were marked,
 * ADR 047): to its leadership (report:write), who take them up. No deadline: listed after those with one.
 */
async function reportsReceived(db: PrismaClient, user: AuthUser, now: Date): Promise<Found> {
  const where = {
    toOrgId: user.orgId,
    createdAt: { gte: new Date(now.getTime() - REPORT_RECEIVED_DAYS * DAY_MS) },
  };
  const [count, rows] = await Promise.all([
    db.reportSubmission.count({ where }),
    db.reportSubmission.findMany({
      where,
      select: { id: true, orgId: true, reportDraft: { select: { title: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: NOTIFICATIONS_CAP,
    }),
  ]);
  const names = new Map(
    (
      await db.orgUnit.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.orgId))] } },
        select: { id: true, name: true },
      })
    ).map((o) => [o.id, o.name]),
  );
  return {
    count,
    items: rows.map((r) => ({
      kind: 'REPORT_RECEIVED' as const,
      severity: SEVERITY.REPORT_RECEIVED,
      entityType: 'ReportSubmission' as const,
      entityId: r.id,
      orgId: r.orgId,
      orgName: names.get(r.orgId) ?? '',
      title: title(r.reportDraft.title),
      dueAt: null,
    })),
  };
}

/**
 * The duties of the caller's home org (its calendar, ADR 045) not done with the due day within
 * DUTY_SOON_DAYS (DUTY_DUE), or past it (DUTY_OVERDUE, from the next day's 00:00 in Shanghai):
 * this year's, and through January last year's too (a duty due 12-31 is overdue from 1 January).
 * To the org's leaders: the calendar is theirs to keep.
 */
async function duties(db: PrismaClient, home: CalendarOrg, now: Date): Promise<Found> {
  const years = [
    ...new Set(
      [DUTY_BELL_LOOKBACK_DAYS, 0].map((d) => periodContaining('YEAR', new Date(now.getTime() - d * DAY_MS)).year),
    ),
  ];
  const soon = now.getTime() + DUTY_SOON_DAYS * DAY_MS;
  const lines = (await Promise.all(years.map((y) => dutyLines(db, [home], y, now)))).flat();
  const items = lines.flatMap((l) => {
    const end = dueDayEnd(l.dueOn);
    const kind = l.overdue
      ? 'DUTY_OVERDUE'
      : l.state !== 'DONE' && l.state !== 'LATE' && end.getTime() <= soon
        ? 'DUTY_DUE'
        : null;
    if (!kind) return [];
    const each = l.forOrgId !== l.orgId ? ` · ${l.forOrgName}` : '';
    const row = {
      id: l.orgId,
      orgId: l.orgId,
      orgName: l.orgName,
      title: `${DUTIES[l.kind].label.zh} · ${periodName(periodFromCode(l.window))}${each}`,
    };
    return [{ ...item(kind, 'DutyCalendar', row, lastOfDay(end)), ref: `${l.kind}:${l.window}:${l.forOrgId}` }];
  });
  return { items: items.slice(0, NOTIFICATIONS_CAP), count: items.length };
}

/**
 * What needs the caller's attention as of `now`: within their reach (their home org's subtree,
 * as every list defaults to) and only record types their role may read.
 */
export async function listNotifications(
  db: PrismaClient,
  user: AuthUser,
  now: Date = new Date(),
): Promise<NotificationList> {
  const home = await loadReachableOrg(db, user, user.orgId);
  const scope: Scope = { prefix: home.path, like: `${home.path}%` };
  const soon = new Date(now.getTime() + NOTIFY_SOON_DAYS * DAY_MS);
  const reads = (entityType: EntityType) => can(user.role, RECORD_ACTIONS[entityType].read);
  const alerts = reads('RiskAlert');

  const found = await Promise.all([
    reads('Assignment') ? tasks(db, scope, now, soon) : none,
    alerts ? alertsOverdue(db, scope, now) : none,
    alerts ? alertsToReport(db, scope, now) : none,
    alerts ? alertsToUrge(db, scope, now) : none,
    reads('RiskPoint') ? riskChecks(db, scope, soon) : none,
    reads('RiskPoint') ? positionsStale(db, scope, now) : none,
    reads('Rectification') ? rectificationsOverdue(db, scope, now) : none,
    can(user.role, 'event:approve') ? eventsToApprove(db, user, scope) : none,
    can(user.role, 'assessment:self') ? assessmentSelf(db, user, now, soon) : none,
    // The org's leaders: the role that keeps its plan (plan:manage).
    can(user.role, 'plan:manage') ? duties(db, home, now) : none,
    can(user.role, 'assessment:review') || can(user.role, 'assessment:manage')
      ? assessmentIssuer(db, scope, now, soon, {
          review: can(user.role, 'assessment:review'),
          confirm: can(user.role, 'assessment:manage'),
        })
      : none,
    can(user.role, 'report:write') ? reportsReceived(db, user, now) : none,
  ]);

  const items = found
    .flatMap((f) => f.items)
    .sort(notificationOrder)
    .slice(0, NOTIFICATIONS_CAP);
  return { items, count: found.reduce((sum, f) => sum + f.count, 0) };
}
