// The checks list's table: when (Shanghai), which point (a link to it), where, what was found,
// whether it was on time, the notes and who checked. On a phone each row is one compact column.
import type { RiskPointCheck } from '@dutyboard/contracts/risk-points';
import { type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { dateTimeColumn, listTable, orgColumns } from '../../../components/record-table.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Translate } from '../../../lib/i18n.ts';
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
    dateTimeColumn<RiskPointCheck>('checkedAt', t('riskPoints.checksList.colCheckedAt'), 160),
    {
      key: 'point',
      title: t('riskPoints.checksList.colPoint'),
      dataIndex: 'riskPointName',
      render: (_: string, row) => pointLink(row),
    },
    ...orgColumns<RiskPointCheck>(showOrg, t('riskPoints.checksList.colOrg')),
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

export const CheckTable = listTable<RiskPointCheck>({
  testId: 'check-table',
  width: 850,
  compact: compactColumns,
  full: fullColumns,
});
