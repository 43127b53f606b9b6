// The create and edit dialog of a responsibility item (leadership). The owner list shows only
// active people who can see the chosen org, as the server requires.
import { ASSIGNMENT_KINDS, type Assignment, RULE_PERS } from '@dutyboard/contracts/assignments';
import { ASSIGNMENT_KIND_LABELS, RULE_PER_LABELS } from '@dutyboard/contracts/labels';
import { COUNTED_METRIC_KEYS } from '@dutyboard/contracts/metrics';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { ROLE_POLICY } from '@dutyboard/contracts/permissions';
import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { type DialogProps, SubmitModal } from '../../../components/form-modal.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { planPeriodCodes } from '../../../components/plan-period-select.tsx';
import { randomUuid } from '../../../lib/api-upload.ts';
import { DATE_INPUT_FORMATS } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { metricLabel } from '../../../lib/metric-links.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { useCreateAssignment, useOwners, useUpdateAssignment } from '../api/assignments.ts';
import {
  ASSIGNMENT_FIELDS,
  type AssignmentFormValues,
  checkCreate,
  checkEdit,
  initialValues,
} from './assignment-form-values.ts';

interface ItemDialogProps extends DialogProps {
  orgs: OrgUnit[];
}

/** The org and the orgs above it: the homes from which a secretary reaches it. */
function homesReaching(orgId: string | undefined, orgs: OrgUnit[]): Set<string> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const out = new Set<string>();
  let current = orgId ? byId.get(orgId) : undefined;
  while (current) {
    out.add(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return out;
}

function AssignmentFields({
  form,
  orgs,
}: {
  form: ReturnType<typeof Form.useForm<AssignmentFormValues>>[0];
  orgs: OrgUnit[];
}) {
  const { t, lang, nameOf } = useI18n();
  const { item, max, min } = useFormFields(ASSIGNMENT_FIELDS);
  const kind = Form.useWatch('kind', form);
  const orgId = Form.useWatch('orgId', form);
  const hasRule = Form.useWatch('hasRule', form);
  const owners = useOwners(true);
  const homes = homesReaching(orgId, orgs);
  const ownerOptions = (owners.data?.items ?? [])
    .filter((o) => ROLE_POLICY[o.role].scope === 'ALL' || homes.has(o.orgId))
    .map((o) => ({ value: o.id, label: `${o.displayName}（${o.orgName}）` }));
  const periodOptions = planPeriodCodes().map(({ year, codes }) => ({
    label: t('plan.year', { year }),
    title: t('plan.year', { year }),
    options: codes.map((code) => ({ value: code, label: periodLabel(code, t) })),
  }));

  return (
    <>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item {...item('period')} style={{ flex: '1 1 180px' }}>
          <Select data-testid="assignment-period" options={periodOptions} listHeight={320} />
        </Form.Item>
        <Form.Item {...item('orgId')} style={{ flex: '1 1 180px' }}>
          <OrgSelect orgs={orgs} testId="assignment-org" />
        </Form.Item>
      </div>
      <Form.Item {...item('kind')}>
        <Radio.Group
          data-testid="assignment-kind"
          optionType="button"
          options={ASSIGNMENT_KINDS.map((k) => ({ value: k, label: nameOf(ASSIGNMENT_KIND_LABELS, k) }))}
        />
      </Form.Item>
      <Form.Item {...item('ownerId')} extra={t('assignments.formOwnerHint')}>
        <Select
          data-testid="assignment-owner"
          options={ownerOptions}
          loading={owners.isPending}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {kind === 'AREA' && (
        // An area names its area: the contract's refinement, for this kind only.
        <Form.Item {...item('area', { required: true })}>
          <Input
            maxLength={max('area')}
            placeholder={t('assignments.formAreaPlaceholder')}
            data-testid="assignment-area"
          />
        </Form.Item>
      )}
      <Form.Item {...item('task')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={max('task')}
          placeholder={t('assignments.formTaskPlaceholder')}
          data-testid="assignment-task"
        />
      </Form.Item>
      {kind === 'TASK' && (
        <>
          <Form.Item {...item('dueDate')}>
            <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} data-testid="assignment-due" />
          </Form.Item>
          <Form.Item
            label={t('assignments.formHasRule')}
            name="hasRule"
            valuePropName="checked"
            extra={t('assignments.formHasRuleHint')}
          >
            <Switch data-testid="assignment-has-rule" />
          </Form.Item>
          {hasRule && (
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
              <Form.Item {...item('ruleMetric')} style={{ flex: '2 1 180px' }}>
                <Select
                  data-testid="assignment-rule-metric"
                  options={COUNTED_METRIC_KEYS.map((m) => ({ value: m, label: metricLabel(m, lang) }))}
                />
              </Form.Item>
              <Form.Item {...item('rulePer')} style={{ flex: '1 1 120px' }}>
                <Select
                  data-testid="assignment-rule-per"
                  options={RULE_PERS.map((p) => ({ value: p, label: nameOf(RULE_PER_LABELS, p) }))}
                />
              </Form.Item>
              <Form.Item {...item('ruleMin')} style={{ flex: '1 1 100px' }}>
                <InputNumber
                  min={min('ruleMin')}
                  max={max('ruleMin')}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="assignment-rule-min"
                />
              </Form.Item>
              <Form.Item name="ruleEachChild" valuePropName="checked" style={{ flex: '1 1 100%' }}>
                <Checkbox data-testid="assignment-rule-each-child">{t('assignments.formRuleEachChild')}</Checkbox>
              </Form.Item>
            </div>
          )}
        </>
      )}
    </>
  );
}

export function AssignmentCreateModal({
  orgs,
  period,
  defaultOrgId,
  ...dialog
}: ItemDialogProps & { period: string; defaultOrgId: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AssignmentFormValues>();
  const create = useCreateAssignment();
  // One key per dialog: a retried save (lost answer, double tap) cannot add the item twice.
  const [key] = useState(randomUuid);
  return (
    <SubmitModal
      {...dialog}
      title={t('assignments.formNewTitle')}
      form={form}
      name="assignment_create"
      initialValues={{
        period,
        orgId: defaultOrgId,
        kind: 'TASK',
        hasRule: false,
        ruleMin: 1,
        rulePer: 'PERIOD',
        ruleEachChild: false,
      }}
      okText={t('assignments.formCreate')}
      testId="assignment-form"
      fields={ASSIGNMENT_FIELDS}
      check={checkCreate}
      save={(input) => create.mutateAsync({ input, key })}
      saving={create.isPending}
      success={() => t('assignments.created')}
      conflict="assignments.firstResponsibleTaken"
    >
      <AssignmentFields form={form} orgs={orgs} />
    </SubmitModal>
  );
}

export function AssignmentEditModal({ orgs, assignment, ...dialog }: ItemDialogProps & { assignment: Assignment }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AssignmentFormValues>();
  const update = useUpdateAssignment(assignment.id, assignment.version);
  return (
    <SubmitModal
      {...dialog}
      title={t('assignments.formEditTitle')}
      form={form}
      name="assignment_edit"
      initialValues={initialValues(assignment)}
      okText={t('form.save')}
      testId="assignment-edit-form"
      fields={ASSIGNMENT_FIELDS}
      check={(values: AssignmentFormValues) => checkEdit(values, assignment)}
      save={(input) => update.mutateAsync(input)}
      saving={update.isPending}
      success={() => t('form.saved')}
      conflict="assignments.firstResponsibleTaken"
    >
      <AssignmentFields form={form} orgs={orgs} />
    </SubmitModal>
  );
}
