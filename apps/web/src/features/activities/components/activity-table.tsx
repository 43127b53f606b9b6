import type { Activity } from '@dutyboard/contracts/activities';
import { Grid, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { CategoryTag } from './category-tag.tsx';

const titleLink = (row: Activity) => (
  <Link to={`/activities/${row.id}`} onClick={(e) => e.stopPropagation()}>
    {row.title}
  </Link>
);

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
            <span>{formatDateTime(row.occurredAt)}</span> <CategoryTag category={row.category} />
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
    {
      key: 'occurredAt',
      title: t('activities.colDate'),
      dataIndex: 'occurredAt',
      width: 150,
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
    },
    // With a single reachable org every row would repeat the same name.
    ...(showOrg ? [{ key: 'orgName', title: t('activities.colOrg'), dataIndex: 'orgName', width: 150 }] : []),
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
export function ActivityTable({ rows, empty, showOrg }: { rows: Activity[]; empty: ReactNode; showOrg: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().sm;
  return (
    <Table<Activity>
      data-testid="activity-table"
      rowKey="id"
      size={phone ? 'small' : 'middle'}
      dataSource={rows}
      pagination={false}
      scroll={phone ? undefined : { x: showOrg ? 760 : 610 }}
      locale={{ emptyText: empty }}
      rowClassName={() => 'db-clickable-row'}
      onRow={(row) => ({
        onClick: () => {
          void navigate(`/activities/${row.id}`);
        },
      })}
      columns={phone ? compactColumns(t, showOrg) : fullColumns(t, showOrg)}
    />
  );
}
