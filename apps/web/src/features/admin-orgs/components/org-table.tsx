// The org tree: branches under their committee, every level expanded unless the admin folds it.
// Phones get the name with code, type and order under it, so nothing has to scroll sideways.

import { ORG_KIND_LABELS } from '@dutyboard/contracts/labels';
import { Button, Grid, type TableColumnsType, Tag } from 'antd';
import type { HTMLAttributes, Key, ReactNode } from 'react';
import { useState } from 'react';
import { RecordTable } from '../../../components/record-table.tsx';
import type { Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { OrgTreeRow } from './org-tree.ts';

interface OrgTableProps {
  rows: OrgTreeRow[];
  /** Every row that has children: all start expanded. */
  parentIds: string[];
  empty: ReactNode;
  onEdit: (org: OrgTreeRow) => void;
}

const KIND_COLOR: Record<OrgTreeRow['kind'], string> = {
  CITY_COMMITTEE: 'magenta',
  DISTRICT_COMMITTEE: 'volcano',
  STREET_COMMITTEE: 'red',
  TOWNSHIP_COMMITTEE: 'orange',
  GENERAL_BRANCH: 'cyan',
  VILLAGE_BRANCH: 'green',
  COMMUNITY_BRANCH: 'blue',
  AGENCY_BRANCH: 'purple',
};

function KindTag({ kind }: { kind: OrgTreeRow['kind'] }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={KIND_COLOR[kind]} style={{ marginInlineEnd: 0 }} data-testid="org-kind-tag">
      {nameOf(ORG_KIND_LABELS, kind)}
    </Tag>
  );
}

function editColumn(t: Translate, onEdit: OrgTableProps['onEdit'], width: number) {
  return {
    key: 'actions',
    title: t('orgs.colActions'),
    width,
    render: (_: unknown, row: OrgTreeRow) => (
      <Button type="link" size="small" style={{ paddingInline: 4 }} data-testid="org-edit" onClick={() => onEdit(row)}>
        {t('orgs.edit')}
      </Button>
    ),
  };
}

function fullColumns(t: Translate, onEdit: OrgTableProps['onEdit']): TableColumnsType<OrgTreeRow> {
  return [
    { key: 'name', title: t('orgs.colName'), dataIndex: 'name' },
    { key: 'code', title: t('orgs.colCode'), dataIndex: 'code', width: 150 },
    {
      key: 'kind',
      title: t('orgs.colKind'),
      dataIndex: 'kind',
      width: 200,
      render: (kind: OrgTreeRow['kind']) => <KindTag kind={kind} />,
    },
    { key: 'sortOrder', title: t('orgs.colSortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
    editColumn(t, onEdit, 100),
  ];
}

function compactColumns(t: Translate, onEdit: OrgTableProps['onEdit']): TableColumnsType<OrgTreeRow> {
  return [
    {
      key: 'name',
      title: t('orgs.colName'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <div style={{ display: 'inline-block', verticalAlign: 'top' }}>
          <div>{name}</div>
          <div className="db-row-meta">
            <KindTag kind={row.kind} />
            <span>{row.code}</span>
            <span>
              {t('orgs.colSortOrder')} {row.sortOrder}
            </span>
          </div>
        </div>
      ),
    },
    editColumn(t, onEdit, 64),
  ];
}

export function OrgTable({ rows, parentIds, empty, onEdit }: OrgTableProps) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  // Folded rows are remembered rather than open ones, so a row that gains children (a new
  // branch under it) shows them at once.
  const [folded, setFolded] = useState<ReadonlySet<Key>>(new Set());
  return (
    <RecordTable<OrgTreeRow>
      testId="org-table"
      breakpoint="md"
      rows={rows}
      empty={empty}
      scrollX={720}
      indentSize={phone ? 12 : 24}
      expandable={{
        expandedRowKeys: parentIds.filter((id) => !folded.has(id)),
        onExpand: (expanded, row) =>
          setFolded((current) => {
            const next = new Set(current);
            if (expanded) next.delete(row.id);
            else next.add(row.id);
            return next;
          }),
      }}
      onRow={(row) => ({ 'data-testid': 'org-row', 'data-code': row.code }) as HTMLAttributes<HTMLElement>}
      columns={(compact) => (compact ? compactColumns(t, onEdit) : fullColumns(t, onEdit))}
    />
  );
}
