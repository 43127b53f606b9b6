// /event-approvals/rules (一会一报审批规则, ADR 048): for an org, the lead days and the ordered
// approval chain in force — its own rule, one inherited from an org above, or the defaults — and,
// for leadership (plan:manage) within reach, the editor: steps reordered with up/down buttons,
// each approved by a role at a level of the event's path or by a named user, checked with the
// contract's schema before it is sent. Events already submitted keep the chain they were given.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DEFAULT_EVENT_CHAIN,
  EVENT_CHAIN_STEPS_MAX,
  EVENT_LEAD_DAYS_MAX,
  EVENT_STEP_LABEL_MAX,
  type EventRule,
  PutEventRuleInputSchema,
} from '@dutyboard/contracts/event-approvals';
import { ORG_LEVEL_LABELS, ROLE_LABELS } from '@dutyboard/contracts/labels';
import { ORG_LEVELS } from '@dutyboard/contracts/orgs';
import { ROLES } from '@dutyboard/contracts/permissions';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { ScopeOrgSelect } from '../../../components/org-select.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgChoices } from '../../../lib/orgs.ts';
import { patchParams } from '../../../lib/use-url-filter.ts';
import { useEventRule, usePutEventRule, useRuleApprovers } from '../api/event-approvals.ts';
import { chainStep, moveStep, type StepValues, stepValues } from '../components/chain-steps.ts';

interface RuleValues {
  leadDays: number;
  steps: StepValues[];
}

/** Where the rule in force comes from, in words. */
function RuleSource({ rule }: { rule: EventRule }) {
  const { t } = useI18n();
  if (!rule.sourceOrgId) return <Tag data-testid="event-rule-source">{t('eventRules.sourceDefault')}</Tag>;
  if (rule.sourceOrgId === rule.orgId) {
    return (
      <Tag color="blue" data-testid="event-rule-source">
        {t('eventRules.sourceOwn')}
      </Tag>
    );
  }
  return (
    <Tag color="gold" data-testid="event-rule-source">
      {t('eventRules.sourceFrom', { org: rule.sourceOrgName ?? '' })}
    </Tag>
  );
}

function StepText({ step }: { step: EventRule['steps'][number] }) {
  const { t, nameOf } = useI18n();
  const approvers = useRuleApprovers(Boolean(step.userId));
  if (step.userId) {
    const user = approvers.data?.items.find((u) => u.id === step.userId);
    return <span>{t('eventRules.byUser', { name: user ? user.displayName : t('eventRules.namedUser') })}</span>;
  }
  return (
    <span>
      {t('eventRules.byRole', {
        level: step.level ? nameOf(ORG_LEVEL_LABELS, step.level) : '',
        role: step.role ? nameOf(ROLE_LABELS, step.role) : '',
      })}
    </span>
  );
}

function RuleView({ rule }: { rule: EventRule }) {
  const { t } = useI18n();
  return (
    <Card data-testid="event-rule-view">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'source', label: t('eventRules.source'), children: <RuleSource rule={rule} /> },
          {
            key: 'lead',
            label: t('eventRules.leadDays'),
            children: t('eventRules.leadDaysValue', { n: rule.leadDays }),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 12 }}>
        {t('eventRules.chain')}
      </Typography.Title>
      <List
        size="small"
        dataSource={rule.steps}
        renderItem={(step, i) => (
          <List.Item key={`${i}:${step.label}`} data-testid="event-rule-step-view">
            <Space wrap>
              <Tag>{t('eventRules.stepN', { n: i + 1 })}</Tag>
              <strong>{step.label}</strong>
              <Typography.Text type="secondary">
                <StepText step={step} />
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function RuleEditor({ rule }: { rule: EventRule }) {
  const { t, nameOf, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const put = usePutEventRule();
  const approvers = useRuleApprovers(true);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(v: RuleValues) {
    setProblem(null);
    const parsed = PutEventRuleInputSchema.safeParse({
      orgId: rule.orgId,
      leadDays: v.leadDays,
      steps: (v.steps ?? []).map(chainStep),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const step = issue?.path[0] === 'steps' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
      const text = issue?.message ?? '';
      setProblem(step === null ? text : t('eventRules.stepProblem', { n: step + 1, text }));
      return;
    }
    try {
      // Only the org's own rule has a version to match; a first rule of its own is a create.
      await put.mutateAsync({ input: parsed.data, version: rule.sourceOrgId === rule.orgId ? rule.version : null });
      void message.success(t('eventRules.saved'));
    } catch (error) {
      setProblem(errorText(error, lang, t));
    }
  }

  return (
    <Card data-testid="event-rule-form-card">
      <Form<RuleValues>
        form={form}
        layout="vertical"
        initialValues={{ leadDays: rule.leadDays, steps: rule.steps.map(stepValues) }}
        onFinish={(v) => void save(v)}
        onValuesChange={() => setProblem(null)}
        data-testid="event-rule-form"
      >
        <Form.Item name="leadDays" label={t('eventRules.leadDays')} extra={t('eventRules.leadDaysHint')}>
          <InputNumber min={0} max={EVENT_LEAD_DAYS_MAX} precision={0} data-testid="event-rule-lead-days" />
        </Form.Item>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('eventRules.chain')}
        </Typography.Title>
        <Form.List name="steps">
          {(items, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {items.map((item, index) => {
                const by = (form.getFieldValue(['steps', item.name, 'by']) as StepValues['by'] | undefined) ?? 'ROLE';
                const move = (dir: -1 | 1) =>
                  form.setFieldValue('steps', moveStep(form.getFieldValue('steps') as StepValues[], index, dir));
                return (
                  <Card
                    key={item.key}
                    size="small"
                    data-testid="event-rule-step"
                    title={t('eventRules.stepN', { n: index + 1 })}
                    extra={
                      <Space size={0}>
                        <Button
                          type="text"
                          icon={<ArrowUpOutlined />}
                          disabled={index === 0}
                          aria-label={t('eventRules.moveUp', { n: index + 1 })}
                          data-testid="event-rule-step-up"
                          onClick={() => move(-1)}
                        />
                        <Button
                          type="text"
                          icon={<ArrowDownOutlined />}
                          disabled={index === items.length - 1}
                          aria-label={t('eventRules.moveDown', { n: index + 1 })}
                          data-testid="event-rule-step-down"
                          onClick={() => move(1)}
                        />
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('eventRules.removeStep', { n: index + 1 })}
                          data-testid="event-rule-step-remove"
                          onClick={() => remove(item.name)}
                        />
                      </Space>
                    }
                  >
                    <Form.Item name={[item.name, 'label']} label={t('eventRules.stepLabel')}>
                      <Input maxLength={EVENT_STEP_LABEL_MAX} placeholder={t('eventRules.stepLabelPlaceholder')} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'by']} label={t('eventRules.stepBy')}>
                      <Radio.Group
                        optionType="button"
                        options={[
                          { value: 'ROLE', label: t('eventRules.byRoleOption') },
                          { value: 'USER', label: t('eventRules.byUserOption') },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        (form.getFieldValue(['steps', item.name, 'by']) ?? by) === 'USER' ? (
                          <Form.Item name={[item.name, 'userId']} label={t('eventRules.stepUser')}>
                            <Select
                              loading={approvers.isPending}
                              showSearch={{ optionFilterProp: 'label' }}
                              options={(approvers.data?.items ?? []).map((u) => ({
                                value: u.id,
                                label: `${u.displayName}（${u.orgName}）`,
                              }))}
                            />
                          </Form.Item>
                        ) : (
                          <Space wrap>
                            <Form.Item name={[item.name, 'level']} label={t('eventRules.stepLevel')}>
                              <Select
                                style={{ minWidth: 160 }}
                                options={ORG_LEVELS.map((l) => ({ value: l, label: nameOf(ORG_LEVEL_LABELS, l) }))}
                              />
                            </Form.Item>
                            <Form.Item name={[item.name, 'role']} label={t('eventRules.stepRole')}>
                              <Select
                                style={{ minWidth: 140 }}
                                options={ROLES.map((r) => ({ value: r, label: nameOf(ROLE_LABELS, r) }))}
                              />
                            </Form.Item>
                          </Space>
                        )
                      }
                    </Form.Item>
                  </Card>
                );
              })}
              <Button
                icon={<PlusOutlined />}
                disabled={items.length >= EVENT_CHAIN_STEPS_MAX}
                onClick={() => add({ label: '', by: 'ROLE', level: 'STREET', role: 'LEADER' })}
                data-testid="event-rule-add-step"
              >
                {t('eventRules.addStep')}
              </Button>
            </Space>
          )}
        </Form.List>
        {problem && (
          <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="event-rule-problem" />
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={put.isPending}
          style={{ marginTop: 16 }}
          data-testid="event-rule-save"
        >
          {t('eventRules.save')}
        </Button>
      </Form>
    </Card>
  );
}

export function EventApprovalRulesRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const allowed = can(me, 'event:read');
  const orgs = useOrgChoices(allowed);
  const org = params.get('org') ?? me.org.id;
  const rule = useEventRule(org);
  if (!allowed) return <ForbiddenPage />;
  // plan:manage within reach: the org picker offers only orgs the user reaches, and the server
  // checks the org again (loadWritableOrg).
  const canEdit = can(me, 'plan:manage');

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }} data-testid="event-rules-page">
      <PageHead title={t('eventRules.title')} intro={t('eventRules.intro')}>
        <Link to="/event-approvals">{t('eventRules.back')}</Link>
      </PageHead>
      <ScopeOrgSelect
        choices={orgs}
        value={org}
        onChange={(id) => setParams(patchParams(params, { org: id }), { replace: true })}
        className="db-w-220"
      />
      <Alert type="info" showIcon title={t('eventRules.snapshotNote')} data-testid="event-rule-snapshot-note" />
      {rule.isPending ? (
        <PageLoading rows={6} />
      ) : rule.isError ? (
        <ErrorState error={rule.error} onRetry={() => void rule.refetch()} />
      ) : (
        <>
          <RuleView rule={rule.data} />
          {canEdit && (
            <RuleEditor
              key={`${rule.data.orgId}:${rule.data.version ?? 0}:${rule.data.sourceOrgId}`}
              rule={rule.data}
            />
          )}
          {!rule.data.sourceOrgId && (
            <Typography.Text type="secondary">
              {t('eventRules.defaultsAre', { n: rule.data.leadDays, label: DEFAULT_EVENT_CHAIN[0]?.label ?? '' })}
            </Typography.Text>
          )}
        </>
      )}
    </div>
  );
}
