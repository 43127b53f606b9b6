// A rule task's progress: the bar (done of required), and each unit linking to the list of the
// records it counted.
import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import type { Assignment, AssignmentProgress, AssignmentRule } from '@dutyboard/contracts/assignments';
import { Button, Progress, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { COLORS } from '../../../lib/colors.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';
import { unitLabel } from './assignment-tags.tsx';

type Unit = AssignmentProgress['units'][number];

function percent(progress: AssignmentProgress): number {
  return progress.required === 0 ? 0 : Math.round((progress.done / progress.required) * 100);
}

/** Units a list row shows without being asked; more fold behind a toggle. */
const INLINE_UNITS = 4;

/** In a list row: a thin bar with done/required, and the units as small links. */
export function ProgressCompact({ progress, rule }: { progress: AssignmentProgress; rule: AssignmentRule }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const many = progress.units.length > INLINE_UNITS;
  return (
    <div data-testid="assignment-row-progress" style={{ minWidth: 160 }}>
      <Progress
        percent={percent(progress)}
        size="small"
        status={progress.satisfied ? 'success' : 'active'}
        format={() => t('assignments.progressShort', { done: progress.done, required: progress.required })}
        aria-label={t('assignments.progressText', { done: progress.done, required: progress.required })}
      />
      {many && (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', fontSize: 12 }}
          aria-expanded={open}
          data-testid="assignment-units-toggle"
          onClick={(e) => {
            e.stopPropagation();
            setOpen(!open);
          }}
        >
          {open
            ? t('assignments.unitsHide')
            : t('assignments.unitsShow', {
                count: progress.units.length,
                missing: progress.units.filter((u) => !u.satisfied).length,
              })}
        </Button>
      )}
      {(!many || open) && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 10px', fontSize: 12 }}>
          {progress.units.map((unit) => (
            <UnitLink key={`${unit.slice}-${unit.orgId}`} unit={unit} eachChild={rule.eachChild} />
          ))}
        </div>
      )}
    </div>
  );
}

function UnitLink({ unit, eachChild }: { unit: Unit; eachChild: boolean }) {
  const { t } = useI18n();
  const label = unitLabel(unit, eachChild, t);
  const href = drillHref(unit.drill);
  const text = (
    <>
      {label} {unit.done}/{unit.required}
    </>
  );
  const style = { color: unit.satisfied ? COLORS.success : undefined, whiteSpace: 'nowrap' as const };
  return href ? (
    <Link to={href} style={style} title={t('assignments.unitOpen', { label })} onClick={(e) => e.stopPropagation()}>
      {text}
    </Link>
  ) : (
    <span style={style}>{text}</span>
  );
}

/** On the detail page: the bar with "已完成 done/required" and a table of the units. */
export function ProgressDetail({
  assignment,
}: {
  assignment: Assignment & { progress: AssignmentProgress; rule: AssignmentRule };
}) {
  const { t } = useI18n();
  const { progress, rule } = assignment;
  const columns: TableColumnsType<Unit> = [
    {
      key: 'unit',
      title: t('assignments.unitCol'),
      render: (_: unknown, unit) => {
        const label = unitLabel(unit, rule.eachChild, t);
        const href = drillHref(unit.drill);
        return href ? (
          <Link to={href} title={t('assignments.unitOpen', { label })} data-testid="assignment-unit-link">
            {label}
          </Link>
        ) : (
          label
        );
      },
    },
    {
      key: 'done',
      title: t('assignments.unitDone'),
      width: 110,
      align: 'right',
      render: (_: unknown, unit) => `${unit.done}/${unit.required}`,
    },
    {
      key: 'satisfied',
      title: '',
      width: 110,
      render: (_: unknown, unit) =>
        unit.satisfied ? (
          <Typography.Text type="success">
            <CheckCircleFilled /> {t('assignments.unitSatisfied')}
          </Typography.Text>
        ) : (
          <Typography.Text type="warning">
            <ExclamationCircleOutlined /> {t('assignments.unitNotSatisfied')}
          </Typography.Text>
        ),
    },
  ];
  return (
    <div>
      <div data-testid="assignment-progress" style={{ marginBottom: 12 }}>
        <Progress
          percent={percent(progress)}
          status={progress.satisfied ? 'success' : 'active'}
          showInfo={false}
          aria-label={t('assignments.progressText', { done: progress.done, required: progress.required })}
        />
        <Typography.Text strong>
          {t('assignments.progressText', { done: progress.done, required: progress.required })}
        </Typography.Text>
      </div>
      {progress.units.length === 0 ? (
        <Typography.Text type="warning">{t('assignments.ruleNoUnits')}</Typography.Text>
      ) : (
        <Table<Unit>
          data-testid="assignment-units"
          rowKey={(unit) => `${unit.slice}-${unit.orgId}`}
          size="small"
          dataSource={progress.units}
          columns={columns}
          pagination={false}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {t('assignments.progressHint')}
      </Typography.Paragraph>
    </div>
  );
}
