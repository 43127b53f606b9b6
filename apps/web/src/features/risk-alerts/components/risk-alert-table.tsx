import type { RiskAlert } from '@dutyboard/contracts/risk-alerts';
import { Space, type TableColumnsType } from 'antd';
import {
  dateTimeColumn,
  type ListTableProps,
  orgColumns,
  RecordTable,
  RowLink,
} from '../../../components/record-table.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useNow } from '../../../lib/use-now.ts';
import { AlertClockTag, liveFlags } from './alert-clock.tsx';
import { AlertLevelTag, AlertStateTag, UrgeTag } from './alert-tags.tsx';

const summaryLink = (row: RiskAlert) => (
  <RowLink to={`/risk-alerts/${row.id}`} style={{ overflowWrap: 'anywhere' }} data-testid="alert-summary-link">
    {row.summary.length > 80 ? `${row.summary.slice(0, 80)}…` : row.summary}
  </RowLink>
);

/** State, the clock (or how the report went) and 催办, as of `now`. */
function StatusTags({ row, now }: { row: RiskAlert; now: Date }) {
  return (
    <Space size={4} wrap>
      <AlertStateTag state={row.state} />
      <AlertClockTag alert={row} now={now} />
      {liveFlags(row, now).needsUrging && <UrgeTag />}
    </Space>
  );
}

/** Phone: one column, summary first with tags, time and branch under it. */
function compactColumns(t: Translate, showOrg: boolean, now: Date): TableColumnsType<RiskAlert> {
  return [
    {
      key: 'summary',
      title: t('riskAlerts.colSummary'),
      render: (_: unknown, row) => (
        <div>
          <div style={{ marginBottom: 4 }}>
            <AlertLevelTag level={row.level} /> {summaryLink(row)}
          </div>
          <StatusTags row={row} now={now} />
          <div className="db-row-meta">
            <span>{formatDateTime(row.registeredAt)}</span>
            {showOrg ? <span> · {row.orgName}</span> : null}
          </div>
        </div>
      ),
    },
  ];
}

function fullColumns(t: Translate, showOrg: boolean, now: Date): TableColumnsType<RiskAlert> {
  return [
    dateTimeColumn<RiskAlert>('registeredAt', t('riskAlerts.colRegisteredAt'), 150),
    ...orgColumns<RiskAlert>(showOrg, t('riskAlerts.colOrg'), 140),
    {
      key: 'level',
      title: t('riskAlerts.colLevel'),
      dataIndex: 'level',
      width: 80,
      render: (level: RiskAlert['level']) => <AlertLevelTag level={level} />,
    },
    { key: 'summary', title: t('riskAlerts.colSummary'), render: (_: unknown, row) => summaryLink(row) },
    {
      key: 'status',
      title: t('riskAlerts.colState'),
      width: 250,
      render: (_: unknown, row) => <StatusTags row={row} now={now} />,
    },
  ];
}

/** The alerts; a row (or its summary link) opens the detail. */
export function RiskAlertTable({ rows, empty, showOrg }: ListTableProps<RiskAlert>) {
  const { t } = useI18n();
  const now = useNow();
  return (
    <RecordTable
      testId="risk-alert-table"
      rows={rows}
      empty={empty}
      scrollX={showOrg ? 860 : 720}
      rowHref={(row) => `/risk-alerts/${row.id}`}
      columns={(phone) => (phone ? compactColumns(t, showOrg, now) : fullColumns(t, showOrg, now))}
    />
  );
}
