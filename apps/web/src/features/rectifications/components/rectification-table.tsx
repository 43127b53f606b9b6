import type { Rectification } from '@dutyboard/contracts/rectifications';
import { type TableColumnsType, Typography } from 'antd';
import { listTable, orgColumns, RowLink } from '../../../components/record-table.tsx';
import type { Translate } from '../../../lib/i18n.ts';
import { SourceTag, StatusTag } from './rectification-tags.tsx';

const problemLink = (row: Rectification) => (
  <RowLink
    to={`/rectifications/${row.id}`}
    style={{
      overflowWrap: 'anywhere',
      display: '-webkit-box',
      WebkitLineClamp: 2,
      WebkitBoxOrient: 'vertical',
      overflow: 'hidden',
    }}
  >
    {row.problem}
  </RowLink>
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
    ...orgColumns<Rectification>(showOrg, t('rectifications.colOrg')),
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
export const RectificationTable = listTable<Rectification>({
  testId: 'rectification-table',
  width: 710,
  rowHref: (row) => `/rectifications/${row.id}`,
  compact: compactColumns,
  full: fullColumns,
});
