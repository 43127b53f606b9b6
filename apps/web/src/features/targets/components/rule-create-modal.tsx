import { COUNTED_METRIC_KEYS, RULE_FREQUENCIES } from '@dutyboard/contracts/metrics';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { type DialogProps, SubmitModal } from '../../../components/form-modal.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { randomUuid } from '../../../lib/api-upload.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { metricLabel } from '../../../lib/metric-links.ts';
import { reachChoices, reachText } from '../../../lib/rule-reach.ts';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { useCreateRule } from '../api/targets.ts';
import { checkRule, RULE_FIELDS, type RuleFormValues } from './rule-form-values.ts';

interface RuleCreateModalProps extends DialogProps {
  orgs: OrgUnit[];
  defaultOrgId: string;
}

export function RuleCreateModal({ orgs, defaultOrgId, ...dialog }: RuleCreateModalProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [form] = Form.useForm<RuleFormValues>();
  // The reaches follow the chosen org: a 区 offers 每个街道乡镇级组织 and 每个支部级组织.
  const orgId = Form.useWatch('orgId', form) ?? defaultOrgId;
  const choices = reachChoices(orgs.find((o) => o.id === orgId)?.kind);
  const create = useCreateRule();
  // One key per dialog: a retried save (lost answer, double tap) cannot add the rule twice.
  const [key] = useState(randomUuid);
  const { item, max, min } = useFormFields(RULE_FIELDS);

  return (
    <SubmitModal
      {...dialog}
      title={t('targets.ruleNewTitle')}
      form={form}
      name="rule_create"
      initialValues={{ orgId: defaultOrgId, level: 'SELF', frequency: 'MONTHLY', times: 1 }}
      okText={t('targets.ruleAdd')}
      testId="rule-form"
      fields={RULE_FIELDS}
      check={checkRule}
      save={(input) => create.mutateAsync({ input, key })}
      saving={create.isPending}
      success={() => t('targets.ruleCreated')}
      conflict="targets.ruleTaken"
    >
      <Form.Item {...item('metric')}>
        <Select
          data-testid="rule-metric"
          options={COUNTED_METRIC_KEYS.map((m) => ({ value: m, label: metricLabel(m, lang) }))}
        />
      </Form.Item>
      <Form.Item {...item('orgId')}>
        <OrgSelect
          orgs={orgs}
          testId="rule-org"
          onChange={(id) => {
            // A reach the new org does not offer falls back to the org itself.
            const kind = orgs.find((o) => o.id === id)?.kind;
            if (!reachChoices(kind).includes(form.getFieldValue('level'))) form.setFieldValue('level', 'SELF');
          }}
        />
      </Form.Item>
      <Form.Item {...item('level')}>
        <Select data-testid="rule-scope" options={choices.map((c) => ({ value: c, label: reachText(c, i18n) }))} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item {...item('frequency')} style={{ flex: 1 }}>
          <Select
            data-testid="rule-frequency"
            options={RULE_FREQUENCIES.map((f) => ({ value: f, label: t(`plan.frequency.${f}`) }))}
          />
        </Form.Item>
        <Form.Item {...item('times')} style={{ flex: 1 }}>
          <InputNumber
            data-testid="rule-times"
            min={min('times')}
            max={max('times')}
            precision={0}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </div>
      <Form.Item {...item('note')}>
        <Input maxLength={max('note')} placeholder={t('targets.ruleNotePlaceholder')} />
      </Form.Item>
    </SubmitModal>
  );
}
