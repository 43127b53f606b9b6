import type { Rectification } from '@dutyboard/contracts/rectifications';
import { Grid, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { SourceTag, StatusTag } from './rectification-tags.tsx';

const problemLink = (row: Rectification) => (
  <Link
    to={`/rectifications/${row.id}`}
    onClick={(e) => e.stopPropagation()}
    style={{
      overflowWrap: 'anywhere',
      display: '-webkit-box',
      WebkitLineClamp: 2,
      WebkitBoxOrient: 'vertical',
      overflow: 'hidden',
    }}
  >
    {row.problem}
  </Link>
);

function deadline(row: Rectification, t: Translate) {
  return row.deadline ? (
    <span style={{ whiteSpace: 'nowrap' }}>{row.deadline}</span>
  ) : (
    <Typography.Text type="secondary">{t('rectifications.noDeadline')}</Typography.Text>
  );
}

/** Phone: one compact column, the problem first with status, deadline and branch under it. */
function compactColumns(t: Translate, showOrg: boolean): TableColumnsType<Rectification> {
  return [
    {
      key: 'summary',
      title: t('rectifications.colProblem'),
      render: (_: unknown, row) => (
        <div>
          {problemLink(row)}
          <div className="db-row-meta">
            <StatusTag status={row.status} overdue={row.overdue} /> {deadline(row, t)}
            {row.ownerName ? <span>{row.ownerName}</span> : null}
            {showOrg ? <span>{row.orgName}</span> : null}
          </div>
        </div>
      ),
    },
  ];
}

function fullColumns(t: Translate, showOrg: boolean): TableColumnsType<Rectification> {
  return [
    { key: 'problem', title: t('rectifications.colProblem'), render: (_: unknown, row) => problemLink(row) },
    // With a single reachable org every row would repeat the same name.
    ...(showOrg ? [{ key: 'orgName', title: t('rectifications.colOrg'), dataIndex: 'orgName', width: 150 }] : []),
    {
      key: 'source',
      title: t('rectifications.colSource'),
      dataIndex: 'source',
      width: 110,
      render: (source: Rectification['source']) => <SourceTag source={source} />,
    },
    {
      key: 'owner',
      title: t('rectifications.colOwner'),
      dataIndex: 'ownerName',
      width: 100,
      render: (owner: string | null) => owner ?? '',
    },
    {
      key: 'deadline',
      title: t('rectifications.colDeadline'),
      width: 120,
      render: (_: unknown, row) => deadline(row, t),
    },
    {
      key: 'status',
      title: t('rectifications.colStatus'),
      width: 150,
      render: (_: unknown, row) => <StatusTag status={row.status} overdue={row.overdue} />,
    },
  ];
}

/**
 * The records; a row (or its problem link) opens the detail. On a phone nothing has to be scrolled
 * sideways to read a row; wider screens get the full table, which scrolls inside itself if needed.
 */
export function RectificationTable({
  rows,
  empty,
  showOrg,
}: {
  rows: Rectification[];
  empty: ReactNode;
  showOrg: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().sm;
  return (
    <Table<Rectification>
      data-testid="rectification-table"
      rowKey="id"
      size={phone ? 'small' : 'middle'}
      dataSource={rows}
      pagination={false}
      scroll={phone ? undefined : { x: showOrg ? 860 : 710 }}
      locale={{ emptyText: empty }}
      rowClassName={() => 'db-clickable-row'}
      onRow={(row) => ({
        onClick: () => {
          void navigate(`/rectifications/${row.id}`);
        },
      })}
      columns={phone ? compactColumns(t, showOrg) : fullColumns(t, showOrg)}
    />
  );
}
