// The detail page of each record type that carries attachments, history and notifications.
import type { EntityType } from '@dutyboard/contracts/attachments';
import type { NotificationTarget } from '@dutyboard/contracts/notifications';

const RECORD_BASE: Record<EntityType, string> = {
  Activity: '/activities',
  StudySession: '/study-sessions',
  PublicityItem: '/publicity',
  RiskPoint: '/risk-points',
  RiskAlert: '/risk-alerts',
  Assignment: '/assignments',
  Rectification: '/rectifications',
  EventApproval: '/event-approvals',
};

/** "/activities/<id>" and so on: the page that shows one record. */
export function recordPath(entityType: EntityType, id: string): string {
  return `${RECORD_BASE[entityType]}/${encodeURIComponent(id)}`;
}

/** Where a bell item leads: a record's page, or a 考核 return's. */
export function notificationPath(target: NotificationTarget, id: string): string {
  return target === 'AssessmentReturn' ? `/assessments/returns/${encodeURIComponent(id)}` : recordPath(target, id);
}
