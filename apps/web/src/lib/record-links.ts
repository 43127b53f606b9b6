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
  CommitteeMeeting: '/committee-meetings',
  Accountability: '/accountability',
  EventApproval: '/event-approvals',
};

/** "/activities/<id>" and so on: the page that shows one record. */
export function recordPath(entityType: EntityType, id: string): string {
  return `${RECORD_BASE[entityType]}/${encodeURIComponent(id)}`;
}

/**
 * Where a bell item leads: a record's page, a 考核 return's, the reports received (报送, ADR 047),
 * or an org's calendar of duties (id: the org; ref: "<kind>:<window>:…", ADR 045).
 */
export function notificationPath(target: NotificationTarget, id: string, ref?: string): string {
  if (target === 'AssessmentReturn') return `/assessments/returns/${encodeURIComponent(id)}`;
  if (target === 'ReportSubmission') return `/reports/submissions/${encodeURIComponent(id)}`;
  if (target === 'DutyCalendar') {
    const year = ref?.split(':')[1]?.slice(0, 4);
    return `/duties?org=${encodeURIComponent(id)}${year && /^\d{4}$/.test(year) ? `&year=${year}` : ''}`;
  }
  return recordPath(target, id);
}
