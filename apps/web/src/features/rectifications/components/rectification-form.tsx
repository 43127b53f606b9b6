// The one rectification form for new and edit: single column, large touch targets. Which extra
// field shows follows the source: an alert to link (舆情), or the audit finding (督查). Limits come
// from the contract; labels are stable (browser tests find the fields by them).

import { RECTIFICATION_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS } from '@dutyboard/contracts/labels';
import { ENTERED_RECTIFICATION_SOURCES, RECTIFICATION_EDITABLE_STATUSES } from '@dutyboard/contracts/rectifications';
import { DatePicker, Form, Input, Select } from 'antd';
import { RecordForm } from '../../../components/record-form.tsx';
import type { RecordFormProps } from '../../../components/record-form-page.tsx';
import { DATE_FORMAT, DATE_INPUT_FORMATS, formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { useAlertChoice, useAlertChoices } from '../api/get-alert-choices.ts';
import { RECTIFICATION_FIELDS, type RectificationFormValues } from './rectification-form-values.ts';

interface RectificationFormProps extends RecordFormProps<RectificationFormValues> {
  /** The edit form also sets the status (OPEN / IN_PROGRESS). */
  withStatus: boolean;
  /** The linked alert as the record shows it, so an old one keeps its label. */
  knownAlert?: { id: string; summary: string } | null;
}

function AlertPicker({
  value,
  onChange,
  id,
  knownAlert,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  knownAlert?: { id: string; summary: string } | null;
}) {
  const { t } = useI18n();
  const choices = useAlertChoices(true);
  const listed = choices.data ?? [];
  const known = knownAlert && knownAlert.id === value ? knownAlert : null;
  const missing = Boolean(value) && !known && choices.isSuccess && !listed.some((a) => a.id === value);
  const single = useAlertChoice(value, missing);
  const options = listed.map((a) => ({
    value: a.id,
    label: `${a.summary.slice(0, 60)}（${formatDateTime(a.registeredAt)}）`,
  }));
  if (value && !listed.some((a) => a.id === value)) {
    const summary = known?.summary ?? single.data?.summary;
    if (summary) options.unshift({ value, label: summary.slice(0, 60) });
  }
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={choices.isPending}
      placeholder={t('rectifications.alertPlaceholder')}
      notFoundContent={choices.isError ? t('rectifications.alertLoadFailed') : t('rectifications.alertNoMatch')}
      options={options}
      data-testid="rectification-alert"
    />
  );
}

export function RectificationForm({ withStatus, knownAlert, ...props }: RectificationFormProps) {
  const { t, nameOf } = useI18n();
  const { item, max } = useFormFields(RECTIFICATION_FIELDS);
  const source = Form.useWatch('source', props.form) ?? props.initialValues.source;
  return (
    <RecordForm
      {...props}
      name="rectification"
      testId="rectification"
      fields={RECTIFICATION_FIELDS}
      saveLabel={t('rectifications.save')}
    >
      <Form.Item {...item('source')}>
        <Select
          placeholder={t('rectifications.sourcePlaceholder')}
          // An item of a 总结's 存在问题 keeps its source (上期总结); the others are chosen by hand (ADR 047).
          disabled={props.initialValues.source === 'SUMMARY'}
          options={(props.initialValues.source === 'SUMMARY'
            ? (['SUMMARY'] as const)
            : ENTERED_RECTIFICATION_SOURCES
          ).map((s) => ({ value: s, label: nameOf(RECTIFICATION_SOURCE_LABELS, s) }))}
          data-testid="rectification-source"
        />
      </Form.Item>
      {/* The source decides which of these it needs (the contract's refinement). */}
      {source === 'ALERT' && (
        <Form.Item {...item('alertId', { required: true, requiredMessage: 'rectifications.alertRequired' })}>
          <AlertPicker knownAlert={knownAlert} />
        </Form.Item>
      )}
      {source === 'AUDIT' && (
        <Form.Item {...item('findingRef', { required: true, requiredMessage: 'rectifications.findingRequired' })}>
          <Input maxLength={max('findingRef')} placeholder={t('rectifications.findingRefPlaceholder')} />
        </Form.Item>
      )}
      <Form.Item {...item('problem')}>
        <Input.TextArea
          maxLength={max('problem')}
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('rectifications.problemPlaceholder')}
        />
      </Form.Item>
      <Form.Item {...item('measure')}>
        <Input.TextArea
          maxLength={max('measure')}
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('rectifications.measurePlaceholder')}
        />
      </Form.Item>
      <Form.Item {...item('ownerName')}>
        <Input maxLength={max('ownerName')} placeholder={t('rectifications.ownerPlaceholder')} />
      </Form.Item>
      <Form.Item {...item('deadline')} extra={t('rectifications.deadlineHelp')}>
        <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} placeholder={DATE_FORMAT} />
      </Form.Item>
      {withStatus && (
        <Form.Item {...item('status')}>
          <Select
            options={RECTIFICATION_EDITABLE_STATUSES.map((s) => ({
              value: s,
              label: nameOf(RECTIFICATION_STATUS_LABELS, s),
            }))}
            data-testid="rectification-status"
          />
        </Form.Item>
      )}
    </RecordForm>
  );
}
