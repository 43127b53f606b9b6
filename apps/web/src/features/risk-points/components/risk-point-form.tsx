// The one risk-point form for new and edit: single column, large touch targets. Rules and limits
// come from the contract; labels are stable (browser tests find the fields by them). There is no
// due-date field: the server computes the next check from the last one and the interval.
import { RISK_LEVEL_LABELS, RISK_POINT_TYPE_LABELS } from '@dutyboard/contracts/labels';
import { RISK_LEVELS, RISK_POINT_TYPES } from '@dutyboard/contracts/risk-points';
import { Form, Input, InputNumber, Select } from 'antd';
import { RecordForm } from '../../../components/record-form.tsx';
import type { RecordFormProps } from '../../../components/record-form-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { RISK_POINT_FIELDS, type RiskPointFormValues } from './risk-point-form-values.ts';

export function RiskPointForm(props: RecordFormProps<RiskPointFormValues>) {
  const { t, nameOf } = useI18n();
  const { item, max, min } = useFormFields(RISK_POINT_FIELDS);
  return (
    <RecordForm
      {...props}
      name="riskPoint"
      testId="risk-point"
      fields={RISK_POINT_FIELDS}
      saveLabel={t('riskPoints.save')}
    >
      <Form.Item {...item('name')}>
        <Input maxLength={max('name')} placeholder={t('riskPoints.namePlaceholder')} />
      </Form.Item>
      <Form.Item {...item('type')}>
        <Select
          placeholder={t('riskPoints.typePlaceholder')}
          options={RISK_POINT_TYPES.map((type) => ({ value: type, label: nameOf(RISK_POINT_TYPE_LABELS, type) }))}
          data-testid="risk-point-type"
        />
      </Form.Item>
      <Form.Item {...item('level')}>
        <Select
          placeholder={t('riskPoints.levelPlaceholder')}
          options={RISK_LEVELS.map((level) => ({ value: level, label: nameOf(RISK_LEVEL_LABELS, level) }))}
          data-testid="risk-point-level"
        />
      </Form.Item>
      <Form.Item
        {...item('checkIntervalDays')}
        extra={t('riskPoints.intervalHint', {
          min: min('checkIntervalDays') ?? '',
          max: max('checkIntervalDays') ?? '',
        })}
      >
        <InputNumber
          min={min('checkIntervalDays')}
          max={max('checkIntervalDays')}
          precision={0}
          inputMode="numeric"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item {...item('responsiblePerson')}>
        <Input maxLength={max('responsiblePerson')} placeholder={t('riskPoints.responsiblePersonPlaceholder')} />
      </Form.Item>
      <Form.Item {...item('sponsor')}>
        <Input maxLength={max('sponsor')} />
      </Form.Item>
      <Form.Item {...item('reviewFirst')}>
        <Input maxLength={max('reviewFirst')} />
      </Form.Item>
      <Form.Item {...item('reviewSecond')}>
        <Input maxLength={max('reviewSecond')} />
      </Form.Item>
      <Form.Item {...item('reviewFinal')}>
        <Input maxLength={max('reviewFinal')} />
      </Form.Item>
      <Form.Item {...item('audienceSize')}>
        <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item {...item('controlMeasure')}>
        <Input.TextArea
          maxLength={max('controlMeasure')}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('riskPoints.controlMeasurePlaceholder')}
        />
      </Form.Item>
    </RecordForm>
  );
}
