// Each figure counted directly with Prisma filters, independently of the SQL that counts it in
// the services (services/metrics/count.ts, services/dashboard): the tests compare the two.
import type { DashboardMetric } from '@dutyboard/contracts/dashboard';
import type { PrismaClient } from '@dutyboard/db/client';

/**
 * The records of `metric` in the orgs `ids` and the half-open range [from, to). Assignments are
 * answered with a computed status, so they have no direct count here (null).
 */
export async function directCount(
  p: PrismaClient,
  metric: DashboardMetric,
  ids: string[],
  from: Date,
  to: Date,
): Promise<number | null> {
  const range = { gte: from, lt: to };
  const orgId = { in: ids };
  switch (metric) {
    case 'CENTRAL_GROUP_STUDY':
      return p.studySession.count({ where: { orgId, kind: 'CENTRAL_GROUP', occurredAt: range } });
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
    case 'ALERT_CLOSED':
      return p.riskAlert.count({ where: { orgId, closedAt: range } });
    case 'RECTIFICATION_OPEN':
      return p.rectification.count({ where: { orgId, status: { not: 'DONE' } } });
    case 'RECTIFICATION_CLOSED':
      return p.rectification.count({ where: { orgId, closedAt: range } });
    case 'ASSIGNMENT_DONE':
    case 'ASSIGNMENT_OVERDUE':
      return null;
  }
}
