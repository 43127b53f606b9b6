// The one alert form for 登记 and edit: single column, large touch targets, in the order the
// facts come in. Limits come from the contract; the checks run on Save (risk-alert-form-values.ts).

import { ALERT_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  ALERT_CHANNEL_MAX,
  ALERT_LEVELS,
  ALERT_REACH_MAX,
  ALERT_SOURCE_MAX,
  ALERT_SUMMARY_MAX,
  ALERT_URL_MAX,
} from '@dutyboard/contracts/risk-alerts';
import { DatePicker, Form, type FormInstance, Input, InputNumber, Radio, TimePicker } from 'antd';
import { RecordForm, useFieldRules } from '../../../components/record-form.tsx';
import { DATE_FORMAT, TIME_FORMAT } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { RISK_ALERT_FIELDS, type RiskAlertFormValues } from './risk-alert-form-values.ts';

interface RiskAlertFormProps {
  form: FormInstance<RiskAlertFormValues>;
  initialValues: RiskAlertFormValues;
  orgs: OrgUnit[];
  /** One writable org: shown, preselected, not changeable. */
  orgLocked: boolean;
  saving: boolean;
  error: string | null;
  onSubmit: (values: RiskAlertFormValues) => void;
  /** Past 登记: org, level and registration time are shown but not editable (leadership 更正s them). */
  factsFrozen?: boolean;
}

export function RiskAlertForm({
  form,
  initialValues,
  orgs,
  orgLocked,
  saving,
  error,
  onSubmit,
  factsFrozen = false,
}: RiskAlertFormProps) {
  const { t, nameOf } = useI18n();
  const { label, named } = useFieldRules(RISK_ALERT_FIELDS);
  return (
    <RecordForm
      form={form}
      name="riskAlert"
      testId="risk-alert"
      initialValues={initialValues}
      onSubmit={onSubmit}
      orgs={orgs}
      orgLocked={orgLocked || factsFrozen}
      orgLabel={label('orgId')}
      orgMessage={t('validation.select', { field: named('orgId') })}
      saving={saving}
      error={error}
      saveLabel={t('form.save')}
    >
      <Form.Item
        label={label('level')}
        name="level"
        required
        extra={t(factsFrozen ? 'riskAlerts.frozenHint' : 'riskAlerts.clockHint')}
      >
        <Radio.Group
          disabled={factsFrozen}
          optionType="button"
          buttonStyle="solid"
          data-testid="risk-alert-level"
          options={ALERT_LEVELS.map((level) => ({ value: level, label: nameOf(ALERT_LEVEL_LABELS, level) }))}
        />
      </Form.Item>
      <Form.Item label={label('summary')} name="summary" required>
        <Input.TextArea
          maxLength={ALERT_SUMMARY_MAX}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('riskAlerts.summaryPlaceholder')}
        />
      </Form.Item>
      <Form.Item label={label('source')} name="source" required>
        <Input maxLength={ALERT_SOURCE_MAX} placeholder={t('riskAlerts.sourcePlaceholder')} />
      </Form.Item>
      <Form.Item label={label('channel')} name="channel">
        <Input maxLength={ALERT_CHANNEL_MAX} placeholder={t('riskAlerts.channelPlaceholder')} />
      </Form.Item>
      <Form.Item label={label('url')} name="url">
        <Input maxLength={ALERT_URL_MAX} inputMode="url" placeholder={t('riskAlerts.urlPlaceholder')} />
      </Form.Item>
      <Form.Item label={label('reach')} name="reach">
        <InputNumber
          min={0}
          max={ALERT_REACH_MAX}
          precision={0}
          inputMode="numeric"
          placeholder={t('riskAlerts.reachPlaceholder')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item label={label('date')} name="date" required>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={DATE_FORMAT} disabled={factsFrozen} />
      </Form.Item>
      <Form.Item label={label('time')} name="time" required>
        <TimePicker
          format={TIME_FORMAT}
          needConfirm={false}
          style={{ width: '100%' }}
          placeholder={TIME_FORMAT}
          disabled={factsFrozen}
        />
      </Form.Item>
    </RecordForm>
  );
}
