import type { Activity } from '@dutyboard/contracts/activities';
import { Grid, Table } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { CategoryTag } from './category-tag.tsx';

/**
 * The records; a row (or its title link) opens the detail. On a phone one compact column shows the
 * title first with date, category and branch under it, so nothing has to be scrolled sideways to
 * read; wider screens get the full table, which scrolls sideways inside itself if needed.
 */
export function ActivityTable({ rows, empty, showOrg }: { rows: Activity[]; empty: ReactNode; showOrg: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  if (!screens.sm) {
    return (
      <Table<Activity>
        data-testid="activity-table"
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: empty }}
        rowClassName={() => 'db-clickable-row'}
        onRow={(row) => ({
          onClick: () => {
            void navigate(`/activities/${row.id}`);
          },
        })}
        columns={[
          {
            key: 'summary',
            title: t('activities.colTitle'),
            render: (_: unknown, row) => (
              <div>
                <Link to={`/activities/${row.id}`} onClick={(e) => e.stopPropagation()}>
                  {row.title}
                </Link>
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
        ]}
      />
    );
  }
  return (
    <Table<Activity>
      data-testid="activity-table"
      rowKey="id"
      size="middle"
      dataSource={rows}
      pagination={false}
      scroll={{ x: showOrg ? 760 : 610 }}
      locale={{ emptyText: empty }}
      rowClassName={() => 'db-clickable-row'}
      onRow={(row) => ({
        onClick: () => {
          void navigate(`/activities/${row.id}`);
        },
      })}
      columns={[
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
        {
          key: 'title',
          title: t('activities.colTitle'),
          dataIndex: 'title',
          render: (title: string, row) => (
            <Link to={`/activities/${row.id}`} onClick={(e) => e.stopPropagation()}>
              {title}
            </Link>
          ),
        },
        {
          key: 'participants',
          title: t('activities.colParticipants'),
          dataIndex: 'participants',
          width: 100,
          align: 'right',
        },
      ]}
    />
  );
}
