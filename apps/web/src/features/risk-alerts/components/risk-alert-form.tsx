// The one alert form for 登记 and edit: single column, large touch targets, in the order the
// facts come in. Rules and limits come from the contract; the checks across fields run on Save
// (risk-alert-form-values.ts).
import { ALERT_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import { ALERT_LEVELS } from '@dutyboard/contracts/risk-alerts';
import { Form, Input, InputNumber, Radio } from 'antd';
import { RecordForm, WhenFields } from '../../../components/record-form.tsx';
import type { RecordFormProps } from '../../../components/record-form-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { RISK_ALERT_FIELDS, type RiskAlertFormValues } from './risk-alert-form-values.ts';

interface RiskAlertFormProps extends RecordFormProps<RiskAlertFormValues> {
  /** Past 登记: org, level and registration time are shown but not editable (leadership 更正s them). */
  factsFrozen?: boolean;
}

export function RiskAlertForm({ factsFrozen = false, ...props }: RiskAlertFormProps) {
  const { t, nameOf } = useI18n();
  const fields = useFormFields(RISK_ALERT_FIELDS);
  const { item, max, min } = fields;
  return (
    <RecordForm
      {...props}
      orgLocked={props.orgLocked || factsFrozen}
      name="riskAlert"
      testId="risk-alert"
      fields={RISK_ALERT_FIELDS}
      saveLabel={t('form.save')}
    >
      <Form.Item {...item('level')} extra={t(factsFrozen ? 'riskAlerts.frozenHint' : 'riskAlerts.clockHint')}>
        <Radio.Group
          disabled={factsFrozen}
          optionType="button"
          buttonStyle="solid"
          data-testid="risk-alert-level"
          options={ALERT_LEVELS.map((level) => ({ value: level, label: nameOf(ALERT_LEVEL_LABELS, level) }))}
        />
      </Form.Item>
      <Form.Item {...item('summary')}>
        <Input.TextArea
          maxLength={max('summary')}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('riskAlerts.summaryPlaceholder')}
        />
      </Form.Item>
      <Form.Item {...item('source')}>
        <Input maxLength={max('source')} placeholder={t('riskAlerts.sourcePlaceholder')} />
      </Form.Item>
      <Form.Item {...item('channel')}>
        <Input maxLength={max('channel')} placeholder={t('riskAlerts.channelPlaceholder')} />
      </Form.Item>
      <Form.Item {...item('url')}>
        <Input maxLength={max('url')} inputMode="url" placeholder={t('riskAlerts.urlPlaceholder')} />
      </Form.Item>
      <Form.Item {...item('reach')}>
        <InputNumber
          min={min('reach')}
          max={max('reach')}
          precision={0}
          inputMode="numeric"
          placeholder={t('riskAlerts.reachPlaceholder')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <WhenFields fields={fields} disabled={factsFrozen} />
    </RecordForm>
  );
}
