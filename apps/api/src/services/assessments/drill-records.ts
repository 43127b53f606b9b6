// The records behind an item's "N 条记录" (ADR 041, amendment part C): the drill of its proposal
// run through the very list service its link opens, with the list's own query schema, so the 自评
// picker and drift by record identity name exactly the records the link lists (and the figure
// counts: apps/api/test/rollups.test.ts compares lists and counts). One page of at most
// DRILL_RECORDS_MAX records is read; `total` says how many the list holds in all.
import { ListAccountabilityQuerySchema } from '@dutyboard/contracts/accountability';
import { ListActivitiesQuerySchema } from '@dutyboard/contracts/activities';
import { DRILL_RECORDS_MAX, type DrillRecord } from '@dutyboard/contracts/assessment-campaigns';
import { ListMeetingsQuerySchema } from '@dutyboard/contracts/committee-meetings';
import { ListEventsQuerySchema } from '@dutyboard/contracts/event-approvals';
import type { MetricDrill } from '@dutyboard/contracts/metrics';
import { shanghaiLocalDate } from '@dutyboard/contracts/periods';
import { ListPublicityQuerySchema } from '@dutyboard/contracts/publicity';
import { ListRectificationsQuerySchema } from '@dutyboard/contracts/rectifications';
import { ListRiskAlertsQuerySchema } from '@dutyboard/contracts/risk-alerts';
import { ListRiskPointChecksQuerySchema } from '@dutyboard/contracts/risk-points';
import { ListStudySessionsQuerySchema } from '@dutyboard/contracts/study-sessions';
import type { PrismaClient } from '@dutyboard/db/client';
import { listAccountability } from '../accountability/accountability.ts';
import { listActivities } from '../activities/activities.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { listMeetings } from '../committee-meetings/committee-meetings.ts';
import { listEvents } from '../event-approvals/event-approvals.ts';
import { listPublicity } from '../publicity/publicity.ts';
import { listRectifications } from '../rectifications/rectifications.ts';
import { listRiskAlerts } from '../risk-alerts/risk-alerts.ts';
import { listRiskPointChecks } from '../risk-points/risk-points.ts';
import { listStudySessions } from '../study-sessions/study-sessions.ts';

export interface DrillPage {
  records: DrillRecord[];
  /** How many records the whole list holds. */
  total: number;
}

const day = (iso: string | null | undefined) => (iso ? shanghaiLocalDate(new Date(iso)) : null);
const page = { limit: DRILL_RECORDS_MAX };

type Runner = (db: PrismaClient, reader: AuthUser, query: Record<string, string>) => Promise<DrillPage>;

/** Each list a computable item drills to: its query schema, its service, and how a row is named. */
const RUNNERS: Record<string, Runner> = {
  '/api/study-sessions': async (db, reader, query) => {
    const p = await listStudySessions(db, reader, ListStudySessionsQuerySchema.parse({ ...query, ...page }));
    return {
      total: p.total ?? p.items.length,
      records: p.items.map((r) => ({
        id: r.id,
        link: { type: 'StudySession', id: r.id },
        title: r.topic,
        date: day(r.occurredAt),
        orgName: r.orgName,
      })),
    };
  },
  '/api/activities': async (db, reader, query) => {
    const p = await listActivities(db, reader, ListActivitiesQuerySchema.parse({ ...query, ...page }));
    return {
      total: p.total ?? p.items.length,
      records: p.items.map((r) => ({
        id: r.id,
        link: { type: 'Activity', id: r.id },
        title: r.title,
        date: day(r.occurredAt),
        orgName: r.orgName,
      })),
    };
  },
  '/api/publicity': async (db, reader, query) => {
    const p = await listPublicity(db, reader, ListPublicityQuerySchema.parse({ ...query, ...page }));
    return {
      total: p.total ?? p.items.length,
      records: p.items.map((r) => ({
        id: r.id,
        link: { type: 'PublicityItem', id: r.id },
        title: r.title,
        date: day(r.publishedAt),
        orgName: r.orgName,
      })),
    };
  },
  '/api/risk-points/checks': async (db, reader, query) => {
    const p = await listRiskPointChecks(db, reader, ListRiskPointChecksQuerySchema.parse({ ...query, ...page }));
    return {
      total: p.total ?? p.items.length,
      // A check carries no files of its own: the 自评 links the 阵地 it checked.
      records: p.items.map((r) => ({
        id: r.id,
        link: { type: 'RiskPoint', id: r.riskPointId },
        title: r.riskPointName,
        date: day(r.checkedAt),
        orgName: r.orgName,
      })),
    };
  },
  '/api/risk-alerts': async (db, reader, query) => {
    const params = ListRiskAlertsQuerySchema.parse({ ...query, ...page });
    const p = await listRiskAlerts(db, reader, params, new Date());
    return {
      total: p.total ?? p.items.length,
      records: p.items.map((r) => ({
        id: r.id,
        link: { type: 'RiskAlert', id: r.id },
        title: r.summary,
        date: day(r[params.dateField]),
        orgName: r.orgName,
      })),
    };
  },
  '/api/rectifications': async (db, reader, query) => {
    const p = await listRectifications(db, reader, ListRectificationsQuerySchema.parse({ ...query, ...page }));
    return {
      total: p.total ?? p.items.length,
      records: p.items.map((r) => ({
        id: r.id,
        link: { type: 'Rectification', id: r.id },
        title: r.problem,
        date: day(r.closedAt) ?? r.deadline,
        orgName: r.orgName,
      })),
    };
  },
  // Issue 19's record kinds (ADRs 046, 048, 049). A 报送 (/api/report-submissions) is not a record
  // kind with evidence of its own: its items are scored, but a 自评 links nothing from it.
  '/api/committee-meetings': async (db, reader, query) => {
    const p = await listMeetings(db, reader, ListMeetingsQuerySchema.parse({ ...query, ...page }));
    return {
      total: p.total ?? p.items.length,
      records: p.items.map((r) => ({
        id: r.id,
        link: { type: 'CommitteeMeeting', id: r.id },
        title: r.title,
        date: day(r.heldAt),
        orgName: r.orgName,
      })),
    };
  },
  '/api/event-approvals': async (db, reader, query) => {
    const p = await listEvents(db, reader, ListEventsQuerySchema.parse({ ...query, ...page }));
    return {
      total: p.total ?? p.items.length,
      records: p.items.map((r) => ({
        id: r.id,
        link: { type: 'EventApproval', id: r.id },
        title: r.topic,
        date: day(r.startsAt),
        orgName: r.orgName,
      })),
    };
  },
  '/api/accountability': async (db, reader, query) => {
    const p = await listAccountability(db, reader, ListAccountabilityQuerySchema.parse({ ...query, ...page }));
    return {
      total: p.total ?? p.items.length,
      records: p.items.map((r) => ({
        id: r.id,
        link: { type: 'Accountability', id: r.id },
        title: r.title,
        date: day(r.occurredAt),
        orgName: r.orgName,
      })),
    };
  },
};

/**
 * The first DRILL_RECORDS_MAX records of a drill and its total, read as a reader of the unit's
 * subtree sees them (the caller has already been allowed to read the return; the drill's org is
 * the unit, so nothing outside it is listed). null for a list no item drills to.
 */
export async function drillRecords(
  db: PrismaClient,
  unit: { id: string; path: string },
  user: AuthUser,
  drill: MetricDrill,
): Promise<DrillPage | null> {
  const run = RUNNERS[drill.list];
  if (!run) return null;
  // The unit's own view: its subtree, with the read actions every list needs (REVIEWER reads all).
  const reader: AuthUser = { ...user, role: 'REVIEWER', orgId: unit.id, orgPath: unit.path };
  return run(db, reader, drill.query);
}
