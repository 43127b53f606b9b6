// The targets of a period as a grid: one row per counted figure, one column per org (the chosen
// org, then its direct children). Each cell shows the figure the org is measured against and
// where it comes from; leadership edits the explicit target in place.
import { CheckOutlined, CloseOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { COUNTED_METRIC_KEYS, type CountedMetric } from '@dutyboard/contracts/metrics';
import {
  type RuleFrom,
  TARGET_VALUE_MAX,
  TARGET_VALUE_MIN,
  type TargetRow,
  type TargetsAnswer,
} from '@dutyboard/contracts/plan';
import { App, Button, Grid, InputNumber, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { metricLabel } from '../../../lib/metric-links.ts';
import { useDeleteTarget, usePutTarget } from '../api/targets.ts';

interface GridRow {
  metric: CountedMetric;
  cells: Map<string, TargetRow>;
}

export function TargetGrid({ answer, canEdit }: { answer: TargetsAnswer; canEdit: boolean }) {
  const { t, lang } = useI18n();
  const phone = !Grid.useBreakpoint().sm;
  const rows: GridRow[] = COUNTED_METRIC_KEYS.map((metric) => ({
    metric,
    cells: new Map(answer.items.filter((i) => i.metric === metric).map((i) => [i.orgId, i])),
  }));
  const columns: TableColumnsType<GridRow> = [
    {
      key: 'metric',
      title: t('targets.colMetric'),
      fixed: 'left',
      width: phone ? 110 : 150,
      render: (_: unknown, row) => metricLabel(row.metric, lang),
    },
    ...answer.orgs.map((org, i) => ({
      key: org.id,
      title: i === 0 ? <strong>{org.name}</strong> : org.name,
      width: 170,
      render: (_: unknown, row: GridRow) => {
        const cell = row.cells.get(org.id);
        return cell ? (
          <TargetCell
            key={`${answer.period.code}-${cell.orgId}-${cell.metric}`}
            cell={cell}
            period={answer.period.code}
            canEdit={canEdit}
          />
        ) : null;
      },
    })),
  ];
  return (
    <Table<GridRow>
      data-testid="target-grid"
      rowKey="metric"
      size="small"
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 150 + answer.orgs.length * 170 }}
    />
  );
}

function TargetCell({ cell, period, canEdit }: { cell: TargetRow; period: string; canEdit: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<number | null>(cell.value ?? cell.ruleRequired ?? null);
  const put = usePutTarget();
  const remove = useDeleteTarget();
  const names = { org: cell.orgName, metric: metricLabel(cell.metric, lang) };
  const testId = `target-cell-${cell.metric}-${cell.orgId}`;

  const save = () => {
    if (value === null) return;
    put
      .mutateAsync({
        input: { period, orgId: cell.orgId, metric: cell.metric, value },
        version: cell.version,
      })
      .then(
        () => {
          void message.success(t('targets.saved'));
          setEditing(false);
        },
        (error: unknown) => void message.error(errorText(error, lang, t)),
      );
  };
  const clear = () => {
    if (!cell.targetId || cell.version === null) return;
    remove.mutateAsync({ id: cell.targetId, version: cell.version }).then(
      () => void message.success(t('targets.cleared')),
      (error: unknown) => void message.error(errorText(error, lang, t)),
    );
  };

  if (editing) {
    return (
      <Space.Compact data-testid={`${testId}-editor`}>
        <InputNumber
          autoFocus
          aria-label={t('targets.editLabel', names)}
          data-testid="target-input"
          min={TARGET_VALUE_MIN}
          max={TARGET_VALUE_MAX}
          precision={0}
          value={value}
          onChange={(v) => setValue(typeof v === 'number' ? v : null)}
          onPressEnter={save}
          style={{ width: 90 }}
        />
        <Button
          type="primary"
          icon={<CheckOutlined />}
          aria-label={t('targets.save')}
          data-testid="target-save"
          loading={put.isPending}
          disabled={value === null}
          onClick={save}
        />
        <Button icon={<CloseOutlined />} aria-label={t('targets.cancel')} onClick={() => setEditing(false)} />
      </Space.Compact>
    );
  }

  return (
    <div data-testid={testId}>
      <Space size={4} align="center">
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="target-effective">
          {cell.effective ?? '—'}
        </Typography.Text>
        {canEdit && (
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('targets.editLabel', names)}
            data-testid="target-edit"
            onClick={() => {
              setValue(cell.value ?? cell.ruleRequired ?? null);
              setEditing(true);
            }}
          />
        )}
        {canEdit && cell.targetId && (
          <Popconfirm
            title={t('targets.clearConfirm', names)}
            okText={t('targets.clear')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, loading: remove.isPending }}
            onConfirm={clear}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('targets.clear')}
              data-testid="target-clear"
            />
          </Popconfirm>
        )}
      </Space>
      <div className="db-row-meta" style={{ fontSize: 12 }}>
        <Typography.Text type={cell.value === null ? 'secondary' : undefined} style={{ fontSize: 12 }}>
          {cell.value === null ? t('targets.noTarget') : t('targets.explicit', { value: cell.value })}
        </Typography.Text>
        {' · '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {cell.ruleRequired === null ? t('targets.noRule') : t('targets.fromRule', { value: cell.ruleRequired })}
        </Typography.Text>
        {cell.effectiveFrom === 'CHILDREN' && cell.effective !== null && (
          <>
            {' · '}
            <Typography.Text style={{ fontSize: 12 }} data-testid="target-from-children">
              {t('targets.fromChildren', { value: cell.effective })}
            </Typography.Text>
          </>
        )}
      </div>
      {cell.ruleFrom && <RuleSource from={cell.ruleFrom} />}
    </div>
  );
}

/** Where the required count comes from ("由 示范区委 规定：每季度 1 次"), and whether it overrides a rule above. */
function RuleSource({ from }: { from: RuleFrom }) {
  const { t } = useI18n();
  const rule = t('targets.ruleFrequencyValue', { frequency: t(`plan.frequency.${from.frequency}`), times: from.times });
  return (
    <div className="db-row-meta" style={{ fontSize: 12 }} data-testid="target-rule-from">
      {t('targets.ruleFromOrg', { org: from.orgName, rule })}
      {from.overrides && (
        <Tag color="blue" style={{ marginInlineStart: 4, fontSize: 11 }} data-testid="target-rule-overrides">
          {t('targets.ruleOverrides')}
        </Tag>
      )}
    </div>
  );
}
