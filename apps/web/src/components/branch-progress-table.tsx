// The per-child heat table of the dashboard and the branches page (a 区's streets, a street's
// branches, named by their level): rank, name (a link that re-scopes the dashboard to it), overall score, and one cell per trend figure — done / target
// coloured by pace (or a neutral strength without a target), each a link to its records.
import { type BranchRow, TREND_METRICS } from '@dutyboard/contracts/dashboard';
import { ORG_LEVEL_UNIT_LABELS } from '@dutyboard/contracts/labels';
import type { OrgLevel } from '@dutyboard/contracts/orgs';
import { Table, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { cellTone, dashboardMetricLabel } from '../lib/dashboard.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import { drillHref } from '../lib/metric-links.ts';

interface BranchProgressTableProps {
  rows: BranchRow[];
  /** The children's level, which names the name column ("街道（乡镇）" on a 区, "支部" on a street). */
  level: OrgLevel;
  /** Where a child's name leads: its own dashboard for the same period. */
  branchHref: (row: BranchRow) => string;
  loading?: boolean;
}

/** Read by screen readers, not shown: the rank's column has no header of its own. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function scoreText(score: number | null, noScore: string): string {
  return score === null ? noScore : `${Math.round(score * 100)}%`;
}

export function BranchProgressTable({ rows, level, branchHref, loading }: BranchProgressTableProps) {
  const { t, lang, nameOf } = useI18n();
  // Each column's largest count: the neutral shade of a cell without a target is relative to it.
  const columnMax = new Map(
    TREND_METRICS.map((metric) => [
      metric,
      Math.max(0, ...rows.map((r) => r.cells.find((c) => c.metric === metric)?.done ?? 0)),
    ]),
  );
  return (
    <Table<BranchRow>
      data-testid="branch-table"
      rowKey="orgId"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 260 + 96 * TREND_METRICS.length }}
      locale={{ emptyText: t('branch.empty') }}
      onRow={(row) =>
        ({ 'data-testid': 'branch-row', 'data-org': row.orgId, 'data-level': row.level }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'name',
          title: nameOf(ORG_LEVEL_UNIT_LABELS, level),
          fixed: 'left',
          width: 170,
          render: (_: unknown, row) => (
            <span style={{ display: 'inline-flex', gap: 6, alignItems: 'baseline', maxWidth: '100%' }}>
              <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', minWidth: 18 }}>
                <span style={VISUALLY_HIDDEN}>{t('branch.rank')} </span>
                <span data-testid="branch-rank">{row.rank}</span>
              </Typography.Text>
              <Link
                to={branchHref(row)}
                data-testid="branch-link"
                style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                title={row.name}
              >
                {row.name}
              </Link>
            </span>
          ),
        },
        {
          key: 'score',
          title: <Tooltip title={t('branch.scoreHint')}>{t('branch.score')}</Tooltip>,
          dataIndex: 'score',
          align: 'right',
          width: 104,
          sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
          render: (score: number | null) => (
            <span data-testid="branch-score" style={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
              {scoreText(score, t('branch.noScore'))}
            </span>
          ),
        },
        ...TREND_METRICS.map((metric) => {
          const label = dashboardMetricLabel(metric, lang);
          return {
            key: metric,
            title: <span title={label}>{label}</span>,
            width: 96,
            align: 'center' as const,
            render: (_: unknown, row: BranchRow) => {
              const cell = row.cells.find((c) => c.metric === metric);
              if (!cell) return '—';
              const tone = cellTone(cell, columnMax.get(metric) ?? 0);
              const href = drillHref(cell.drill);
              const text = cell.target === null ? String(cell.done) : `${cell.done}/${cell.target}`;
              const aria =
                cell.target === null
                  ? t('branch.cellNoTarget', { label, done: cell.done })
                  : t('branch.cell', { label, done: cell.done, target: cell.target });
              const style = {
                display: 'block',
                padding: '2px 4px',
                borderRadius: 4,
                background: tone.background,
                color: tone.color,
                fontVariantNumeric: 'tabular-nums',
              };
              return href ? (
                <Link
                  to={href}
                  style={style}
                  aria-label={`${row.name} ${aria}`}
                  data-testid="branch-cell"
                  data-metric={metric}
                  data-status={cell.status ?? undefined}
                >
                  {text}
                </Link>
              ) : (
                <span style={style} data-testid="branch-cell" data-metric={metric}>
                  {text}
                </span>
              );
            },
          };
        }),
      ]}
    />
  );
}
