import { RISK_POINT_TYPE_LABELS } from '@dutyboard/contracts/labels';
import type { RiskPoint } from '@dutyboard/contracts/risk-points';
import type { TableColumnsType } from 'antd';
import { listTable, orgColumns, RowLink } from '../../../components/record-table.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Lang, Translate } from '../../../lib/i18n.ts';
import { enumLabel } from '../../../lib/labels.ts';
import { CheckStatusTag, PositionStateTag, RiskLevelTag } from './risk-tags.tsx';

const nameLink = (row: RiskPoint) => <RowLink to={`/risk-points/${row.id}`}>{row.name}</RowLink>;

/** Only a check that needs attention gets a tag; "on schedule" is the quiet default. */
const statusTag = (row: RiskPoint) => (row.checkStatus === 'OK' ? null : <CheckStatusTag status={row.checkStatus} />);

/** Phone: one column, the name first with the due date, its tag, type and branch under it. */
function compactColumns(t: Translate, showOrg: boolean, lang: Lang): TableColumnsType<RiskPoint> {
  return [
    {
      key: 'summary',
      title: t('riskPoints.colName'),
      render: (_: unknown, row) => (
        <div>
          {nameLink(row)} <RiskLevelTag level={row.level} /> <PositionStateTag state={row.state} />
          <div className="db-row-meta">
            <span>{t('riskPoints.dueOn', { date: formatDateTime(row.nextCheckDueAt) })}</span> {statusTag(row)}{' '}
            <span>{enumLabel(RISK_POINT_TYPE_LABELS, row.type, lang)}</span>
            {showOrg ? <span> · {row.orgName}</span> : null}
          </div>
        </div>
      ),
    },
  ];
}

function fullColumns(t: Translate, showOrg: boolean, lang: Lang): TableColumnsType<RiskPoint> {
  return [
    { key: 'name', title: t('riskPoints.colName'), dataIndex: 'name', render: (_: string, row) => nameLink(row) },
    ...orgColumns<RiskPoint>(showOrg, t('riskPoints.colOrg')),
    {
      key: 'type',
      title: t('riskPoints.colType'),
      dataIndex: 'type',
      width: 130,
      render: (type: RiskPoint['type']) => enumLabel(RISK_POINT_TYPE_LABELS, type, lang),
    },
    {
      key: 'state',
      title: t('riskPoints.colState'),
      dataIndex: 'state',
      width: 170,
      render: (state: RiskPoint['state']) => <PositionStateTag state={state} />,
    },
    {
      key: 'level',
      title: t('riskPoints.colLevel'),
      dataIndex: 'level',
      width: 100,
      render: (level: RiskPoint['level']) => <RiskLevelTag level={level} />,
    },
    {
      key: 'nextCheckDueAt',
      title: t('riskPoints.colNextCheck'),
      dataIndex: 'nextCheckDueAt',
      width: 220,
      render: (value: string, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(value)} {statusTag(row)}
        </span>
      ),
    },
  ];
}

/** The register; a row (or its name link) opens the detail. */
export const RiskPointTable = listTable<RiskPoint>({
  testId: 'risk-point-table',
  width: 820,
  rowHref: (row) => `/risk-points/${row.id}`,
  compact: compactColumns,
  full: fullColumns,
});
