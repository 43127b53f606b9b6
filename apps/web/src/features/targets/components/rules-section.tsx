// The frequency rules that apply to the chosen org (its own, those below it, and the rules of
// its ancestors that reach it or below), with what each requires in the chosen period;
// leadership adds and deletes them.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { requiredByRule } from '@dutyboard/contracts/metrics';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { periodFromCode } from '@dutyboard/contracts/periods';
import type { FrequencyRule } from '@dutyboard/contracts/plan';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Empty,
  Grid,
  Popconfirm,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useDialogState } from '../../../components/use-dialog-state.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { metricLabel } from '../../../lib/metric-links.ts';
import { reachChoiceOf, reachText } from '../../../lib/rule-reach.ts';
import { useDeleteRule, useRules } from '../api/targets.ts';
import { RuleCreateModal } from './rule-create-modal.tsx';

interface RulesSectionProps {
  period: string;
  org: string | undefined;
  defaultOrgId: string;
  orgs: OrgUnit[];
  canEdit: boolean;
}

export function RulesSection({ period, org, defaultOrgId, orgs, canEdit }: RulesSectionProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().sm;
  const rules = useRules(org);
  const remove = useDeleteRule();
  const { dialog, openDialog, dialogProps } = useDialogState<'create'>();
  const ref = periodFromCode(period);
  const reachable = new Set(orgs.map((o) => o.id));

  const confirmButton: ButtonProps & { 'data-testid': string } = {
    danger: true,
    loading: remove.isPending,
    'data-testid': 'rule-delete-confirm',
  };
  const onDelete = (rule: FrequencyRule) =>
    remove.mutateAsync(rule).then(
      () => void message.success(t('targets.ruleDeleted')),
      (error: unknown) => void message.error(errorText(error, lang, t)),
    );

  const frequency = (rule: FrequencyRule) =>
    t('targets.ruleFrequencyValue', { frequency: t(`plan.frequency.${rule.frequency}`), times: rule.times });
  const scope = (rule: FrequencyRule) => reachText(reachChoiceOf(rule), i18n);

  const columns: TableColumnsType<FrequencyRule> = phone
    ? [
        {
          key: 'summary',
          title: t('targets.ruleColMetric'),
          render: (_: unknown, rule) => (
            <div>
              <strong>{metricLabel(rule.metric, lang)}</strong> · {frequency(rule)}
              <div className="db-row-meta">
                {rule.orgName} · {scope(rule)}
                {rule.note ? ` · ${rule.note}` : ''}
              </div>
            </div>
          ),
        },
        {
          key: 'required',
          title: t('targets.ruleColRequired'),
          width: 72,
          align: 'right',
          render: (_: unknown, rule) => requiredByRule(rule, ref),
        },
      ]
    : [
        {
          key: 'metric',
          title: t('targets.ruleColMetric'),
          render: (_: unknown, rule) => metricLabel(rule.metric, lang),
        },
        { key: 'org', title: t('targets.ruleColOrg'), dataIndex: 'orgName' },
        { key: 'scope', title: t('targets.ruleColScope'), render: (_: unknown, rule) => scope(rule) },
        { key: 'frequency', title: t('targets.ruleColFrequency'), render: (_: unknown, rule) => frequency(rule) },
        {
          key: 'required',
          title: t('targets.ruleColRequired'),
          align: 'right',
          render: (_: unknown, rule) => requiredByRule(rule, ref),
        },
        {
          key: 'note',
          title: t('targets.ruleColNote'),
          dataIndex: 'note',
          render: (note: string | null) => note ?? '',
        },
      ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      title: '',
      width: 56,
      // A rule set above the caller's reach (a 区's, seen from a 街道) applies here but is not theirs to delete.
      render: (_: unknown, rule) =>
        reachable.has(rule.orgId) && (
          <Popconfirm
            title={t('targets.ruleDeleteConfirm')}
            okText={t('targets.ruleDelete')}
            cancelText={t('common.cancel')}
            okButtonProps={confirmButton}
            onConfirm={() => onDelete(rule)}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('targets.ruleDeleteLabel', { metric: metricLabel(rule.metric, lang) })}
              data-testid="rule-delete"
            />
          </Popconfirm>
        ),
    });
  }

  return (
    <Card
      title={t('targets.rulesTitle')}
      extra={
        canEdit ? (
          <Button icon={<PlusOutlined />} data-testid="rule-add" onClick={() => openDialog('create')}>
            {t('targets.ruleAdd')}
          </Button>
        ) : null
      }
      styles={{ body: { padding: 0 } }}
    >
      <Typography.Paragraph type="secondary" style={{ margin: 16, marginBottom: 8, fontSize: 12 }}>
        {t('targets.rulesHint')}
      </Typography.Paragraph>
      {rules.isPending ? (
        <PageLoading rows={3} />
      ) : rules.isError ? (
        <ErrorState error={rules.error} title={t('targets.rulesLoadFailed')} onRetry={() => void rules.refetch()} />
      ) : (
        <Table<FrequencyRule>
          data-testid="rule-table"
          rowKey="id"
          size="small"
          dataSource={rules.data.items}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('targets.rulesEmpty')} /> }}
        />
      )}
      {dialog === 'create' && <RuleCreateModal {...dialogProps('create')} orgs={orgs} defaultOrgId={defaultOrgId} />}
    </Card>
  );
}
