// "规则" of one duty on /duties (ADR 045): the rules that apply to the org shown — its own, those
// set on it or below, and the rules of the levels above that reach it — each with its reach and
// what it says, the one that decides for the shown org marked (the calendar line's ruleFrom).
// Leadership (plan:manage) adds, edits and deletes the rules of the orgs it reaches; a rule set
// above (the 区's, seen by a 街道) is shown read-only. Inputs are checked with the contract's
// schemas, which the server runs too (due days one per window, inside it).
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type ActiveDutyKind,
  type CreateDutyRuleInput,
  CreateDutyRuleInputSchema,
  DUTIES,
  DUTY_NOTE_MAX,
  DUTY_REQUIRED_MAX,
  DUTY_REQUIRED_MIN,
  type DutyDef,
  type DutyLine,
  type DutyRule,
  dutyWindows,
  UpdateDutyRuleInputSchema,
  windowLastDay,
} from '@dutyboard/contracts/duties';
import { DUTY_KIND_LABELS } from '@dutyboard/contracts/labels';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/error-state.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { randomUuid } from '../../../lib/api-upload.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { periodLabel } from '../../../lib/periods.ts';
import { type ReachChoice, reachChoiceOf, reachChoices, reachOfChoice, reachText } from '../../../lib/rule-reach.ts';
import { usePhone } from '../../../lib/use-phone.ts';
import { useCreateDutyRule, useDeleteDutyRule, useDutyRules, useUpdateDutyRule } from '../api/duty-rules.ts';

const DELETE_CONFIRM: ButtonProps & { 'data-testid': string } = { danger: true, 'data-testid': 'duty-rule-delete-ok' };

interface RuleValues {
  orgId?: string;
  level?: ReachChoice;
  /** "MM-DD" per window, all empty: the duty's default days. */
  dueOn?: (string | undefined)[];
  required?: number | null;
  off?: boolean;
  note?: string;
}

interface DutyRulesDrawerProps {
  kind: ActiveDutyKind;
  /** The line it was opened from: its org and which rule decides there. */
  line: DutyLine;
  year: number;
  orgs: OrgUnit[];
  canEdit: boolean;
  onClose: () => void;
}

export function DutyRulesDrawer({ kind, line, year, orgs, canEdit, onClose }: DutyRulesDrawerProps) {
  const i18n = useI18n();
  const { t, nameOf, lang } = i18n;
  const { message } = App.useApp();
  const phone = usePhone();
  const def: DutyDef = DUTIES[kind];
  const windows = dutyWindows(def.rhythm, year);
  const rules = useDutyRules(line.orgId);
  const create = useCreateDutyRule();
  const update = useUpdateDutyRule();
  const remove = useDeleteDutyRule();
  const [editing, setEditing] = useState<DutyRule | 'new' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // One key per opened form: a retried save cannot add the rule twice.
  const [key, setKey] = useState(randomUuid);
  const writable = new Set(orgs.map((o) => o.id));
  const mine = (rules.data?.items ?? []).filter((r) => r.kind === kind);
  const defaultDays = windows.map((w, i) => def.dueOn?.[i] ?? windowLastDay(w).slice(5));

  const open = (rule: DutyRule | 'new') => {
    setProblem(null);
    setKey(randomUuid());
    setEditing(rule);
  };
  // The form is mounted afresh for each rule opened (keyed), with that rule's values.
  const initial: RuleValues =
    editing === 'new' || editing === null
      ? { orgId: line.orgId, level: 'SELF', dueOn: windows.map(() => undefined), required: null, off: false, note: '' }
      : {
          dueOn: windows.map((_, i) => editing.dueOn?.[i]),
          required: editing.required,
          off: editing.off,
          note: editing.note ?? '',
        };

  async function save(v: RuleValues) {
    setProblem(null);
    const days = (v.dueOn ?? []).map((d) => d?.trim() ?? '');
    const fields = {
      dueOn: days.every((d) => d === '') ? null : days,
      required: v.required ?? null,
      off: v.off ?? false,
      note: v.note?.trim() ? v.note.trim() : null,
    };
    const parsed =
      editing === 'new'
        ? CreateDutyRuleInputSchema.safeParse({ kind, orgId: v.orgId, ...reachOfChoice(v.level ?? 'SELF'), ...fields })
        : UpdateDutyRuleInputSchema.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(issue?.path[0] === 'dueOn' ? t('duties.rule.dueOnInvalid') : (issue?.message ?? ''));
      return;
    }
    try {
      if (editing === 'new') {
        await create.mutateAsync({ input: parsed.data as CreateDutyRuleInput, key });
      } else if (editing) {
        await update.mutateAsync({ rule: editing, input: parsed.data });
      }
      void message.success(t('duties.rule.saved'));
      setEditing(null);
    } catch (error) {
      setProblem(errorText(error, lang, t));
    }
  }

  const says = (rule: DutyRule) =>
    rule.off
      ? t('duties.rule.off')
      : t('duties.rule.says', {
          days: (rule.dueOn ?? defaultDays).join('、'),
          required: rule.required ?? def.required,
        });

  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 560}
      title={t('duties.rule.title', { duty: nameOf(DUTY_KIND_LABELS, kind) })}
      data-testid="duty-rules"
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('duties.rule.defaultIs', { days: defaultDays.join('、'), required: def.required })}
        </Typography.Paragraph>
        <Alert
          type={line.ruleFrom ? 'info' : 'success'}
          showIcon
          data-testid="duty-rule-decides"
          title={
            line.ruleFrom
              ? t('duties.rule.decidedBy', { org: line.orgName, from: line.ruleFrom.orgName })
              : t('duties.rule.decidedByDefault', { org: line.orgName })
          }
        />
        {rules.isPending ? (
          <PageLoading rows={3} />
        ) : rules.isError ? (
          <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
        ) : (
          <List
            bordered
            size="small"
            dataSource={mine}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duties.rule.none')} /> }}
            renderItem={(rule) => {
              const own = canEdit && writable.has(rule.orgId);
              return (
                <List.Item
                  key={rule.id}
                  data-testid="duty-rule"
                  data-org={rule.orgName}
                  actions={
                    own
                      ? [
                          <Button
                            key="edit"
                            type="text"
                            icon={<EditOutlined />}
                            aria-label={t('duties.rule.edit')}
                            data-testid="duty-rule-edit"
                            onClick={() => open(rule)}
                          />,
                          <Popconfirm
                            key="delete"
                            title={t('duties.rule.deleteConfirm')}
                            okText={t('duties.rule.delete')}
                            cancelText={t('common.cancel')}
                            okButtonProps={DELETE_CONFIRM}
                            onConfirm={() =>
                              remove.mutateAsync(rule).then(
                                () => void message.success(t('duties.rule.deleted')),
                                (error: unknown) => void message.error(errorText(error, lang, t)),
                              )
                            }
                          >
                            <Button
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('duties.rule.delete')}
                              data-testid="duty-rule-delete"
                            />
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  <Space orientation="vertical" size={2}>
                    <Space wrap size={[6, 2]}>
                      <strong>{rule.orgName}</strong>
                      <span>{reachText(reachChoiceOf(rule), i18n)}</span>
                      {line.ruleFrom?.ruleId === rule.id && <Tag color="blue">{t('duties.rule.decidesTag')}</Tag>}
                      {!writable.has(rule.orgId) && <Tag>{t('duties.rule.readOnly')}</Tag>}
                    </Space>
                    <span data-testid="duty-rule-says">{says(rule)}</span>
                    {rule.note && <Typography.Text type="secondary">{rule.note}</Typography.Text>}
                  </Space>
                </List.Item>
              );
            }}
          />
        )}
        {canEdit && editing === null && (
          <Button icon={<PlusOutlined />} onClick={() => open('new')} data-testid="duty-rule-add">
            {t('duties.rule.add')}
          </Button>
        )}
        {canEdit && editing !== null && (
          <Card
            size="small"
            title={editing === 'new' ? t('duties.rule.add') : t('duties.rule.editTitle', { org: editing.orgName })}
          >
            <RuleForm
              key={editing === 'new' ? 'new' : editing.id}
              creating={editing === 'new'}
              initial={initial}
              kind={kind}
              year={year}
              orgs={orgs}
              onSave={(v) => void save(v)}
              saving={create.isPending || update.isPending}
              problem={problem}
              onCancel={() => setEditing(null)}
            />
          </Card>
        )}
      </Space>
    </Drawer>
  );
}

interface RuleFormProps {
  creating: boolean;
  initial: RuleValues;
  kind: ActiveDutyKind;
  year: number;
  orgs: OrgUnit[];
  onSave: (values: RuleValues) => void;
  saving: boolean;
  problem: string | null;
  onCancel: () => void;
}

/** A new rule (org, reach and what it says) or an edit of what one says; mounted afresh per rule. */
function RuleForm({ creating, initial, kind, year, orgs, onSave, saving, problem, onCancel }: RuleFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<RuleValues>();
  const def: DutyDef = DUTIES[kind];
  const windows = dutyWindows(def.rhythm, year);
  const defaultDays = windows.map((w, i) => def.dueOn?.[i] ?? windowLastDay(w).slice(5));
  const orgId = Form.useWatch('orgId', form) ?? initial.orgId;
  const choices = reachChoices(orgs.find((o) => o.id === orgId)?.kind);
  return (
    <Form<RuleValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onSave}
      data-testid="duty-rule-form"
    >
      {creating && (
        <>
          <Form.Item name="orgId" label={t('duties.rule.org')}>
            <OrgSelect
              orgs={orgs}
              testId="duty-rule-org"
              onChange={(id) => {
                const k = orgs.find((o) => o.id === id)?.kind;
                if (!reachChoices(k).includes(form.getFieldValue('level'))) form.setFieldValue('level', 'SELF');
              }}
            />
          </Form.Item>
          <Form.Item name="level" label={t('duties.rule.reach')}>
            <Select
              data-testid="duty-rule-reach"
              options={choices.map((c) => ({ value: c, label: reachText(c, i18n) }))}
            />
          </Form.Item>
        </>
      )}
      <Typography.Text strong>{t('duties.rule.dueOn')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('duties.rule.dueOnHint')}
      </Typography.Paragraph>
      <Space wrap>
        {windows.map((w, i) => (
          <Form.Item key={w.code} name={['dueOn', i]} label={periodLabel(w.code, t)}>
            <Input placeholder={defaultDays[i]} style={{ width: 120 }} data-testid="duty-rule-due" />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="required" label={t('duties.rule.required')}>
        <InputNumber
          min={DUTY_REQUIRED_MIN}
          max={DUTY_REQUIRED_MAX}
          precision={0}
          placeholder={String(def.required)}
          data-testid="duty-rule-required"
        />
      </Form.Item>
      <Form.Item name="off" label={t('duties.rule.offSwitch')} valuePropName="checked">
        <Switch data-testid="duty-rule-off" />
      </Form.Item>
      <Form.Item name="note" label={t('duties.rule.note')}>
        <Input maxLength={DUTY_NOTE_MAX} />
      </Form.Item>
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="duty-rule-problem" />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="duty-rule-save">
          {t('duties.rule.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
