// The list of a period in its three sections: 第一责任人, 分管领域 (一岗双责), 工作任务. On a phone
// each row is one compact column.
import type { Assignment, AssignmentKind } from '@dutyboard/contracts/assignments';
import { ASSIGNMENT_KIND_LABELS } from '@dutyboard/contracts/labels';
import { Card, Empty, Grid, Space, Table, type TableColumnsType, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Lang, Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { ProgressCompact } from './assignment-progress.tsx';
import { OverdueTag, ruleText, StatusTag } from './assignment-tags.tsx';

const taskLink = (row: Assignment) => (
  <Link to={`/assignments/${row.id}`} onClick={(e) => e.stopPropagation()} data-testid="assignment-link">
    {row.task}
  </Link>
);

function statusCell(row: Assignment) {
  return (
    <Space size={4} wrap>
      <StatusTag status={row.status} />
      {row.overdue && <OverdueTag />}
    </Space>
  );
}

function progressCell(row: Assignment, t: Translate, lang: Lang) {
  if (!row.progress || !row.rule) return null;
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ruleText(row.rule, t, lang)}
      </Typography.Text>
      <ProgressCompact progress={row.progress} rule={row.rule} />
    </div>
  );
}

function columnsFor(kind: AssignmentKind, t: Translate, lang: Lang, phone: boolean): TableColumnsType<Assignment> {
  if (phone) {
    return [
      {
        key: 'summary',
        title: t('assignments.colTask'),
        render: (_: unknown, row) => (
          <div>
            {kind === 'AREA' && <strong>{row.area} · </strong>}
            {taskLink(row)}
            <div className="db-row-meta">
              <span>{row.ownerName}</span> <span>{row.orgName}</span>
              {kind === 'TASK' && <span>{row.dueAt ?? t('assignments.noDue')}</span>}
            </div>
            {kind === 'TASK' && statusCell(row)}
            {kind === 'TASK' && progressCell(row, t, lang)}
          </div>
        ),
      },
    ];
  }
  const owner = { key: 'owner', title: t('assignments.colOwner'), dataIndex: 'ownerName', width: 120 };
  const org = { key: 'org', title: t('assignments.colOrg'), dataIndex: 'orgName', width: 150 };
  const task = { key: 'task', title: t('assignments.colTask'), render: (_: unknown, row: Assignment) => taskLink(row) };
  if (kind === 'FIRST_RESPONSIBLE') return [org, owner, task];
  if (kind === 'AREA') {
    return [owner, { key: 'area', title: t('assignments.colArea'), dataIndex: 'area', width: 160 }, task, org];
  }
  return [
    task,
    owner,
    org,
    {
      key: 'due',
      title: t('assignments.colDue'),
      dataIndex: 'dueAt',
      width: 110,
      render: (due: string | null) =>
        due ?? <Typography.Text type="secondary">{t('assignments.noDue')}</Typography.Text>,
    },
    { key: 'status', title: t('assignments.colStatus'), width: 150, render: (_: unknown, row) => statusCell(row) },
    {
      key: 'progress',
      title: t('assignments.colProgress'),
      width: 260,
      render: (_: unknown, row) => progressCell(row, t, lang),
    },
  ];
}

export function AssignmentSection({ kind, rows }: { kind: AssignmentKind; rows: Assignment[] }) {
  const { t, lang, nameOf } = useI18n();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().sm;
  return (
    <Card
      title={nameOf(ASSIGNMENT_KIND_LABELS, kind)}
      styles={{ body: { padding: 0 } }}
      style={{ marginBottom: 16 }}
      data-testid={`assignment-section-${kind}`}
    >
      <Table<Assignment>
        rowKey="id"
        size={phone ? 'small' : 'middle'}
        dataSource={rows}
        pagination={false}
        columns={columnsFor(kind, t, lang, phone)}
        scroll={phone ? undefined : { x: kind === 'TASK' ? 1000 : 640 }}
        rowClassName={() => 'db-clickable-row'}
        onRow={(row) => ({ onClick: () => void navigate(`/assignments/${row.id}`) })}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`assignments.sectionEmpty.${kind}`)} />,
        }}
      />
    </Card>
  );
}
