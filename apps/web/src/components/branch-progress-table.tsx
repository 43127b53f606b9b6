// Per-branch activity counts against targets; each row leads to that branch's activity list.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import { Progress, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../lib/i18n-provider.tsx';
import { activitiesHref } from '../lib/links.ts';
import { percentOf, progressColor } from './pace-tag.tsx';

type BranchRow = Dashboard['activitiesPerBranch'][number];

export function BranchProgressTable({ rows, loading }: { rows: BranchRow[]; loading?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Table<BranchRow>
      data-testid="branch-table"
      rowKey="orgId"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 560 }}
      locale={{ emptyText: t('branch.empty') }}
      onRow={(row) => ({
        onClick: () => {
          void navigate(activitiesHref(row.filter));
        },
        style: { cursor: 'pointer' },
      })}
      columns={[
        {
          key: 'name',
          title: t('branch.name'),
          dataIndex: 'name',
          render: (name: string, row) => (
            <Link to={activitiesHref(row.filter)} onClick={(e) => e.stopPropagation()}>
              {name}
            </Link>
          ),
        },
        {
          key: 'count',
          title: t('branch.count'),
          dataIndex: 'count',
          align: 'right',
          width: 96,
          sorter: (a, b) => a.count - b.count,
          render: (count: number, row) => (
            <Link to={activitiesHref(row.filter)} onClick={(e) => e.stopPropagation()} data-testid="branch-count">
              {count}
            </Link>
          ),
        },
        {
          key: 'target',
          title: t('branch.target'),
          dataIndex: 'target',
          align: 'right',
          width: 88,
          render: (target: number | null) => target ?? t('branch.noTarget'),
        },
        {
          key: 'progress',
          title: t('branch.progress'),
          width: 200,
          sorter: (a, b) => percentOf(a.count, a.target) - percentOf(b.count, b.target),
          render: (_: unknown, row) =>
            row.target === null ? (
              '—'
            ) : (
              <Progress
                percent={Math.min(percentOf(row.count, row.target), 100)}
                format={() => `${percentOf(row.count, row.target)}%`}
                strokeColor={progressColor(null, row.count, row.target)}
                size="small"
              />
            ),
        },
      ]}
    />
  );
}
