import type { Activity } from '@dutyboard/contracts/activities';
import type { TableColumnsType } from 'antd';
import { dateTimeColumn, listTable, orgColumns, RowLink } from '../../../components/record-table.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Translate } from '../../../lib/i18n.ts';
import { CategoryTag } from './category-tag.tsx';

const titleLink = (row: Activity) => <RowLink to={`/activities/${row.id}`}>{row.title}</RowLink>;

/** Phone: one compact column, title first with date, category and branch under it. */
function compactColumns(t: Translate, showOrg: boolean): TableColumnsType<Activity> {
  return [
    {
      key: 'summary',
      title: t('activity.title'),
      render: (_: unknown, row) => (
        <div>
          {titleLink(row)}
          <div className="db-row-meta">
            <span>{formatDateTime(row.occurredAt, row.timeKnown)}</span> <CategoryTag category={row.category} />
            {showOrg ? <span>{row.orgName}</span> : null}
          </div>
        </div>
      ),
    },
    {
      key: 'participants',
      title: t('activities.colParticipants'),
      dataIndex: 'participants',
      width: 72,
      align: 'right',
    },
  ];
}

function fullColumns(t: Translate, showOrg: boolean): TableColumnsType<Activity> {
  return [
    dateTimeColumn<Activity>('occurredAt', t('activities.colDate'), 150, (row) => row.timeKnown),
    ...orgColumns<Activity>(showOrg, t('activities.colOrg')),
    {
      key: 'category',
      title: t('activities.colCategory'),
      dataIndex: 'category',
      width: 140,
      render: (category: Activity['category']) => <CategoryTag category={category} />,
    },
    { key: 'title', title: t('activity.title'), dataIndex: 'title', render: (_: string, row) => titleLink(row) },
    {
      key: 'participants',
      title: t('activities.colParticipants'),
      dataIndex: 'participants',
      width: 100,
      align: 'right',
    },
  ];
}

/**
 * The records; a row (or its title link) opens the detail. On a phone nothing has to be scrolled
 * sideways to read a row; wider screens get the full table, which scrolls inside itself if needed.
 */
export const ActivityTable = listTable<Activity>({
  testId: 'activity-table',
  width: 610,
  rowHref: (row) => `/activities/${row.id}`,
  compact: compactColumns,
  full: fullColumns,
});
