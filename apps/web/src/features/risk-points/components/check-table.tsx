// The checks list's table: when (Shanghai), which point (a link to it), where, what was found,
// whether it was on time, the notes and who checked. On a phone each row is one compact column.
import type { RiskPointCheck } from '@dutyboard/contracts/risk-points';
import { Grid, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { CheckResultTag, OnTimeTag } from './risk-tags.tsx';

const pointLink = (row: RiskPointCheck) => (
  <Link to={`/risk-points/${row.riskPointId}`} data-testid="check-point-link">
    {row.riskPointName}
  </Link>
);

const note = (row: RiskPointCheck) =>
  row.note ? <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{row.note}</span> : null;

function compactColumns(t: Translate, showOrg: boolean): TableColumnsType<RiskPointCheck> {
  return [
    {
      key: 'summary',
      title: t('riskPoints.checksList.colPoint'),
      render: (_: unknown, row) => (
        <div>
          {pointLink(row)} <CheckResultTag result={row.result} /> <OnTimeTag onTime={row.onTime} />
          <div className="db-row-meta">
            <span>{formatDateTime(row.checkedAt)}</span>
            {showOrg ? <span> · {row.orgName}</span> : null}
            {row.checkedByName ? <span> · {row.checkedByName}</span> : null}
          </div>
          {note(row)}
        </div>
      ),
    },
  ];
}

function fullColumns(t: Translate, showOrg: boolean): TableColumnsType<RiskPointCheck> {
  return [
    {
      key: 'checkedAt',
      title: t('riskPoints.checksList.colCheckedAt'),
      dataIndex: 'checkedAt',
      width: 160,
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
    },
    {
      key: 'point',
      title: t('riskPoints.checksList.colPoint'),
      dataIndex: 'riskPointName',
      render: (_: string, row) => pointLink(row),
    },
    // With a single reachable org every row would repeat the same name.
    ...(showOrg
      ? [{ key: 'orgName', title: t('riskPoints.checksList.colOrg'), dataIndex: 'orgName', width: 150 }]
      : []),
    {
      key: 'result',
      title: t('riskPoints.checksList.colResult'),
      dataIndex: 'result',
      width: 110,
      render: (result: RiskPointCheck['result']) => <CheckResultTag result={result} />,
    },
    {
      key: 'onTime',
      title: t('riskPoints.checksList.colOnTime'),
      dataIndex: 'onTime',
      width: 100,
      render: (onTime: boolean) => <OnTimeTag onTime={onTime} />,
    },
    {
      key: 'note',
      title: t('riskPoints.checksList.colNote'),
      dataIndex: 'note',
      render: (_: unknown, row) => note(row),
    },
    {
      key: 'checkedBy',
      title: t('riskPoints.checksList.colCheckedBy'),
      dataIndex: 'checkedByName',
      width: 120,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];
}

export function CheckTable({ rows, empty, showOrg }: { rows: RiskPointCheck[]; empty: ReactNode; showOrg: boolean }) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().sm;
  return (
    <Table<RiskPointCheck>
      data-testid="check-table"
      rowKey="id"
      size={phone ? 'small' : 'middle'}
      dataSource={rows}
      pagination={false}
      scroll={phone ? undefined : { x: showOrg ? 1000 : 850 }}
      locale={{ emptyText: empty }}
      columns={phone ? compactColumns(t, showOrg) : fullColumns(t, showOrg)}
    />
  );
}
