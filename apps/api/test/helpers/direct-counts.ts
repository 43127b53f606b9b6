// Each figure counted directly with Prisma filters, independently of the rollups that count it in
// the services (the facts functions of the migrations, read through the figure registry): the
// tests compare the two. The figures of the first registry are written out by hand below; any
// later one is counted from its registry parts as record fields (metrics/records.ts), which still
// checks the facts functions against the records.
import { FIGURE_SOURCES, FIGURES, type Figure, type RolledFigure } from '@dutyboard/contracts/figures';
import type { PrismaClient } from '@dutyboard/db/client';
import { figureWhere } from '../../src/services/metrics/records.ts';

/**
 * The records of `metric` in the orgs `ids` and the half-open range [from, to). Assignments are
 * answered with a computed status, so they have no direct count here (null).
 */
export async function directCount(
  p: PrismaClient,
  metric: Figure,
  ids: string[],
  from: Date,
  to: Date,
): Promise<number | null> {
  const range = { gte: from, lt: to };
  const orgId = { in: ids };
  switch (metric) {
    case 'CENTRAL_GROUP_STUDY':
      // The 中心组's own sessions and its 专题学习研讨: seminars on a study topic (docs/domain.md).
      return p.studySession.count({
        where: {
          orgId,
          occurredAt: range,
          OR: [
            { kind: 'CENTRAL_GROUP' },
            { kind: 'SEMINAR', topicCategory: { notIn: ['IDEOLOGY_WORK', 'ONLINE_IDEOLOGY'] } },
          ],
        },
      });
    case 'SEMINAR':
      return p.studySession.count({ where: { orgId, kind: 'SEMINAR', occurredAt: range } });
    case 'BRANCH_STUDY':
      return p.studySession.count({ where: { orgId, kind: 'BRANCH_STUDY', occurredAt: range } });
    case 'CADRE_TRAINING':
      return p.studySession.count({ where: { orgId, kind: 'CADRE_TRAINING', occurredAt: range } });
    case 'ACTIVITY':
      return p.activity.count({ where: { orgId, occurredAt: range } });
    case 'PARTY_LECTURE':
      return p.activity.count({ where: { orgId, category: 'PARTY_LECTURE', occurredAt: range } });
    case 'PUBLICITY':
      return p.publicityItem.count({ where: { orgId, publishedAt: range } });
    case 'RISK_POINT_CHECK':
      return p.riskPointCheck.count({ where: { orgId, checkedAt: range, onTime: true } });
    case 'ALERT_REGISTERED':
      return p.riskAlert.count({ where: { orgId, registeredAt: range } });
    case 'ALERT_REPORTED':
      return p.riskAlert.count({ where: { orgId, reportedAt: range } });
    case 'ALERT_REPORTED_ON_TIME':
      return p.riskAlert.count({ where: { orgId, reportedAt: { ...range, lte: p.riskAlert.fields.reportDueAt } } });
    case 'ALERT_REPORTED_LATE':
      return p.riskAlert.count({ where: { orgId, reportedAt: { ...range, gt: p.riskAlert.fields.reportDueAt } } });
    case 'ALERT_CLOSED':
      return p.riskAlert.count({ where: { orgId, closedAt: range } });
    case 'RECTIFICATION_OPEN':
      return p.rectification.count({ where: { orgId, status: { not: 'DONE' } } });
    case 'RECTIFICATION_CLOSED':
      return p.rectification.count({ where: { orgId, closedAt: range } });
    // 一会一报 (ADR 048): held without approval or submitted late; approved (and not unapproved).
    case 'EVENTS_UNAPPROVED':
      return p.eventApproval.count({ where: { orgId, startsAt: range, OR: [{ late: true }, { unapproved: true }] } });
    case 'EVENTS_APPROVED':
      return p.eventApproval.count({
        where: { orgId, startsAt: range, unapproved: false, state: { in: ['APPROVED', 'HELD'] } },
      });
    case 'ASSIGNMENT_DONE':
    case 'ASSIGNMENT_OVERDUE':
      return null;
    default:
      return registryCount(p, metric, ids, from, to);
  }
}

/** A figure declared after the ones above, counted from its registry parts as record fields. */
async function registryCount(
  p: PrismaClient,
  metric: Figure,
  ids: string[],
  from: Date,
  to: Date,
): Promise<number | null> {
  const def = FIGURES[metric];
  if (def.source === 'assignment') return null;
  const date = FIGURE_SOURCES[def.source].date;
  const where = {
    orgId: { in: ids },
    ...(date ? { [date]: { gte: from, lt: to } } : {}),
    ...figureWhere(metric as RolledFigure),
  };
  const tables: Partial<Record<string, { count: (args: { where: object }) => Promise<number> }>> = {
    study: p.studySession as never,
    activity: p.activity as never,
    publicity: p.publicityItem as never,
    alert: p.riskAlert as never,
    rectification: p.rectification as never,
    meeting: p.committeeMeeting as never,
    report_sent: p.reportSubmission as never,
    accountability: p.accountability as never,
  };
  const table = tables[def.source];
  if (!table) throw new Error(`${metric}: count it by hand above (its parts are not record fields)`);
  return table.count({ where });
}
