import type { EventApproval } from '@dutyboard/contracts/event-approvals';
import { EVENT_KIND_LABELS, EVENT_STATE_LABELS } from '@dutyboard/contracts/labels';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';

const STATE_COLOR: Record<EventApproval['state'], string> = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  IN_REVIEW: 'processing',
  APPROVED: 'success',
  REJECTED: 'warning',
  HELD: 'default',
};

/** State, kind and the flags (迟报, 未经审批举办) of an event, as list and detail show them. */
export function EventTags({ item }: { item: EventApproval }) {
  const { t, nameOf } = useI18n();
  return (
    <span data-testid="event-tags">
      <Tag>{nameOf(EVENT_KIND_LABELS, item.kind)}</Tag>
      <Tag color={STATE_COLOR[item.state]}>{nameOf(EVENT_STATE_LABELS, item.state)}</Tag>
      {item.late && (
        <Tag color="error" data-testid="event-late">
          {t('eventApprovals.lateTag')}
        </Tag>
      )}
      {item.unapproved && (
        <Tag color="error" data-testid="event-unapproved">
          {t('eventApprovals.unapprovedTag')}
        </Tag>
      )}
    </span>
  );
}
