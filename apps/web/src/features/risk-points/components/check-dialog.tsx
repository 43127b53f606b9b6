// 登记排查: a small dialog with the check's date and time (now by default, never in the future),
// its result and a note. One Idempotency-Key per opening, so a retried save stores one check.

import { RISK_CHECK_RESULT_LABELS } from '@dutyboard/contracts/labels';
import { RISK_CHECK_NOTE_MAX, RISK_CHECK_RESULTS, type RiskPoint } from '@dutyboard/contracts/risk-points';
import { DatePicker, Form, Input, Radio, TimePicker } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { randomUuid } from '../../../lib/api-upload.ts';
import { DATE_FORMAT, formatDateTime, TIME_FORMAT } from '../../../lib/dates.ts';
import { fieldInSentence } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useDialogSubmit } from '../../../lib/use-dialog-submit.ts';
import { useRecordRiskPointCheck } from '../api/save-risk-point.ts';
import {
  CHECK_FIELDS,
  type CheckFormField,
  type CheckFormValues,
  checkCheckValues,
  isFutureDay,
  newCheckValues,
  withCheckFormFields,
} from './risk-point-form-values.ts';

interface CheckDialogProps {
  point: RiskPoint;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

export function CheckDialog({ point, open, onClose, afterClose }: CheckDialogProps) {
  const { t, lang, nameOf } = useI18n();
  const [form] = Form.useForm<CheckFormValues>();
  const [idempotencyKey] = useState(randomUuid);
  const [initialValues] = useState(() => newCheckValues());
  const record = useRecordRiskPointCheck(point.id);
  const { error, onSubmit } = useDialogSubmit({
    form,
    fields: CHECK_FIELDS,
    check: checkCheckValues,
    save: (input) =>
      record.mutateAsync({ input, idempotencyKey }).catch((failure: unknown) => {
        throw withCheckFormFields(failure);
      }),
    saving: record.isPending,
    success: (result) => t('riskPoints.checks.saved', { date: formatDateTime(result.riskPoint.nextCheckDueAt) }),
    onDone: onClose,
  });
  const label = (field: CheckFormField) => t(CHECK_FIELDS[field].label);
  const named = (field: CheckFormField) => fieldInSentence(CHECK_FIELDS[field], t, lang);

  return (
    <FormModal<CheckFormValues>
      open={open}
      title={t('riskPoints.checks.dialogTitle', { name: point.name })}
      form={form}
      name="riskPointCheck"
      initialValues={initialValues}
      okText={t('riskPoints.checks.save')}
      saving={record.isPending}
      error={error}
      onSubmit={onSubmit}
      onCancel={onClose}
      afterClose={afterClose}
      testId="risk-check-form"
    >
      <Form.Item
        label={label('date')}
        name="date"
        rules={[{ required: true, message: t('validation.select', { field: named('date') }) }]}
      >
        <DatePicker
          format={DATE_FORMAT}
          disabledDate={isFutureDay}
          style={{ width: '100%' }}
          placeholder={DATE_FORMAT}
        />
      </Form.Item>
      <Form.Item label={label('time')} name="time">
        <TimePicker format={TIME_FORMAT} needConfirm={false} style={{ width: '100%' }} placeholder={TIME_FORMAT} />
      </Form.Item>
      <Form.Item
        label={label('result')}
        name="result"
        rules={[{ required: true, message: t('validation.select', { field: named('result') }) }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={RISK_CHECK_RESULTS.map((result) => ({
            value: result,
            label: nameOf(RISK_CHECK_RESULT_LABELS, result),
          }))}
          data-testid="risk-check-result"
        />
      </Form.Item>
      <Form.Item
        label={label('note')}
        name="note"
        rules={[
          {
            max: RISK_CHECK_NOTE_MAX,
            message: t('validation.maxLength', { field: named('note'), max: RISK_CHECK_NOTE_MAX }),
          },
        ]}
      >
        <Input.TextArea
          maxLength={RISK_CHECK_NOTE_MAX}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('riskPoints.checks.notePlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}
