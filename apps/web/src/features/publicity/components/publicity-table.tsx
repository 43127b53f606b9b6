import type { PublicityItem } from '@dutyboard/contracts/publicity';
import type { TableColumnsType } from 'antd';
import { dateTimeColumn, listTable, orgColumns, RowLink } from '../../../components/record-table.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Translate } from '../../../lib/i18n.ts';
import { PublicityLevelTag } from './level-tag.tsx';

const titleLink = (row: PublicityItem) => <RowLink to={`/publicity/${row.id}`}>{row.title}</RowLink>;

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
    dateTimeColumn<PublicityItem>('publishedAt', t('publicity.colDate'), 150),
    ...orgColumns<PublicityItem>(showOrg, t('publicity.colOrg')),
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
export const PublicityTable = listTable<PublicityItem>({
  testId: 'publicity-table',
  width: 630,
  rowHref: (row) => `/publicity/${row.id}`,
  compact: compactColumns,
  full: fullColumns,
});
