import type { PublicityItem } from '@dutyboard/contracts/publicity';
import { Grid, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { PublicityLevelTag } from './level-tag.tsx';

const titleLink = (row: PublicityItem) => (
  <Link to={`/publicity/${row.id}`} onClick={(e) => e.stopPropagation()}>
    {row.title}
  </Link>
);

/** Phone: one column, the headline first with date, level, outlet and branch under it. */
function compactColumns(t: Translate, showOrg: boolean): TableColumnsType<PublicityItem> {
  return [
    {
      key: 'summary',
      title: t('publicity.colTitle'),
      render: (_: unknown, row) => (
        <div>
          {titleLink(row)}
          <div className="db-row-meta">
            <span>{formatDateTime(row.publishedAt)}</span> <PublicityLevelTag level={row.level} />{' '}
            <span>{row.outlet}</span>
            {showOrg ? <span> · {row.orgName}</span> : null}
          </div>
        </div>
      ),
    },
  ];
}

function fullColumns(t: Translate, showOrg: boolean): TableColumnsType<PublicityItem> {
  return [
    {
      key: 'publishedAt',
      title: t('publicity.colDate'),
      dataIndex: 'publishedAt',
      width: 150,
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
    },
    // With a single reachable org every row would repeat the same name.
    ...(showOrg ? [{ key: 'orgName', title: t('publicity.colOrg'), dataIndex: 'orgName', width: 150 }] : []),
    {
      key: 'level',
      title: t('publicity.colLevel'),
      dataIndex: 'level',
      width: 120,
      render: (level: PublicityItem['level']) => <PublicityLevelTag level={level} />,
    },
    { key: 'outlet', title: t('publicity.colOutlet'), dataIndex: 'outlet', width: 160 },
    { key: 'title', title: t('publicity.colTitle'), dataIndex: 'title', render: (_: string, row) => titleLink(row) },
  ];
}

/** The records; a row (or its headline link) opens the detail. */
export function PublicityTable({
  rows,
  empty,
  showOrg,
}: {
  rows: PublicityItem[];
  empty: ReactNode;
  showOrg: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().sm;
  return (
    <Table<PublicityItem>
      data-testid="publicity-table"
      rowKey="id"
      size={phone ? 'small' : 'middle'}
      dataSource={rows}
      pagination={false}
      scroll={phone ? undefined : { x: showOrg ? 780 : 630 }}
      locale={{ emptyText: empty }}
      rowClassName={() => 'db-clickable-row'}
      onRow={(row) => ({
        onClick: () => {
          void navigate(`/publicity/${row.id}`);
        },
      })}
      columns={phone ? compactColumns(t, showOrg) : fullColumns(t, showOrg)}
    />
  );
}
