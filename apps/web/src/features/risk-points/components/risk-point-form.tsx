// The one risk-point form for new and edit: single column, large touch targets. Limits come from
// the contract; labels are stable (browser tests find the fields by them). There is no due-date
// field: the server computes the next check from the last one and the interval.

import { RISK_LEVEL_LABELS, RISK_POINT_TYPE_LABELS } from '@dutyboard/contracts/labels';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  RISK_CHECK_INTERVAL_MAX,
  RISK_CHECK_INTERVAL_MIN,
  RISK_LEVELS,
  RISK_POINT_CONTROL_MEASURE_MAX,
  RISK_POINT_NAME_MAX,
  RISK_POINT_RESPONSIBLE_PERSON_MAX,
  RISK_POINT_TYPES,
} from '@dutyboard/contracts/risk-points';
import { Form, type FormInstance, Input, InputNumber, Select } from 'antd';
import { RecordForm, useFieldRules } from '../../../components/record-form.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { RISK_POINT_FIELDS, type RiskPointFormValues } from './risk-point-form-values.ts';

interface RiskPointFormProps {
  form: FormInstance<RiskPointFormValues>;
  initialValues: RiskPointFormValues;
  orgs: OrgUnit[];
  /** One writable org: shown, preselected, not changeable. */
  orgLocked: boolean;
  saving: boolean;
  error: string | null;
  onSubmit: (values: RiskPointFormValues) => void;
}

export function RiskPointForm({ form, initialValues, orgs, orgLocked, saving, error, onSubmit }: RiskPointFormProps) {
  const { t, nameOf } = useI18n();
  const { label, maxLength, named } = useFieldRules(RISK_POINT_FIELDS);
  return (
    <RecordForm
      form={form}
      name="riskPoint"
      testId="risk-point"
      initialValues={initialValues}
      onSubmit={onSubmit}
      orgs={orgs}
      orgLocked={orgLocked}
      orgLabel={label('orgId')}
      orgMessage={t('validation.select', { field: named('orgId') })}
      saving={saving}
      error={error}
      saveLabel={t('riskPoints.save')}
    >
      <Form.Item
        label={label('name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: named('name') }) },
          maxLength('name', RISK_POINT_NAME_MAX),
        ]}
      >
        <Input maxLength={RISK_POINT_NAME_MAX} placeholder={t('riskPoints.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        label={label('type')}
        name="type"
        rules={[{ required: true, message: t('validation.select', { field: named('type') }) }]}
      >
        <Select
          placeholder={t('riskPoints.typePlaceholder')}
          options={RISK_POINT_TYPES.map((type) => ({ value: type, label: nameOf(RISK_POINT_TYPE_LABELS, type) }))}
          data-testid="risk-point-type"
        />
      </Form.Item>
      <Form.Item
        label={label('level')}
        name="level"
        rules={[{ required: true, message: t('validation.select', { field: named('level') }) }]}
      >
        <Select
          placeholder={t('riskPoints.levelPlaceholder')}
          options={RISK_LEVELS.map((level) => ({ value: level, label: nameOf(RISK_LEVEL_LABELS, level) }))}
          data-testid="risk-point-level"
        />
      </Form.Item>
      <Form.Item
        label={label('checkIntervalDays')}
        name="checkIntervalDays"
        extra={t('riskPoints.intervalHint', { min: RISK_CHECK_INTERVAL_MIN, max: RISK_CHECK_INTERVAL_MAX })}
        rules={[
          { required: true, message: t('validation.required', { field: named('checkIntervalDays') }) },
          {
            type: 'number',
            min: RISK_CHECK_INTERVAL_MIN,
            message: t('validation.min', { field: named('checkIntervalDays'), min: RISK_CHECK_INTERVAL_MIN }),
          },
          {
            type: 'number',
            max: RISK_CHECK_INTERVAL_MAX,
            message: t('validation.max', { field: named('checkIntervalDays'), max: RISK_CHECK_INTERVAL_MAX }),
          },
        ]}
      >
        <InputNumber
          min={RISK_CHECK_INTERVAL_MIN}
          max={RISK_CHECK_INTERVAL_MAX}
          precision={0}
          inputMode="numeric"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        label={label('responsiblePerson')}
        name="responsiblePerson"
        rules={[maxLength('responsiblePerson', RISK_POINT_RESPONSIBLE_PERSON_MAX)]}
      >
        <Input
          maxLength={RISK_POINT_RESPONSIBLE_PERSON_MAX}
          placeholder={t('riskPoints.responsiblePersonPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        label={label('controlMeasure')}
        name="controlMeasure"
        rules={[maxLength('controlMeasure', RISK_POINT_CONTROL_MEASURE_MAX)]}
      >
        <Input.TextArea
          maxLength={RISK_POINT_CONTROL_MEASURE_MAX}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('riskPoints.controlMeasurePlaceholder')}
        />
      </Form.Item>
    </RecordForm>
  );
}
