// 登记排查: a small dialog with the check's date and time (now by default, never in the future),
// its result and a note. One Idempotency-Key per opening, so a retried save stores one check.

import { RISK_CHECK_RESULT_LABELS } from '@dutyboard/contracts/labels';
import { RISK_CHECK_RESULTS, type RiskPoint } from '@dutyboard/contracts/risk-points';
import { Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { type DialogProps, SubmitModal } from '../../../components/form-modal.tsx';
import { WhenFields } from '../../../components/record-form.tsx';
import { randomUuid } from '../../../lib/api-upload.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { useRecordRiskPointCheck } from '../api/save-risk-point.ts';
import {
  CHECK_FIELDS,
  type CheckFormValues,
  checkCheckValues,
  isFutureDay,
  newCheckValues,
  withCheckFormFields,
} from './risk-point-form-values.ts';

interface CheckDialogProps extends DialogProps {
  point: RiskPoint;
}

export function CheckDialog({ point, ...dialog }: CheckDialogProps) {
  const { t, nameOf } = useI18n();
  const [form] = Form.useForm<CheckFormValues>();
  const [idempotencyKey] = useState(randomUuid);
  const [initialValues] = useState(() => newCheckValues());
  const record = useRecordRiskPointCheck(point.id);
  const fields = useFormFields(CHECK_FIELDS);

  return (
    <SubmitModal
      {...dialog}
      title={t('riskPoints.checks.dialogTitle', { name: point.name })}
      form={form}
      name="riskPointCheck"
      initialValues={initialValues}
      okText={t('riskPoints.checks.save')}
      testId="risk-check-form"
      fields={CHECK_FIELDS}
      check={checkCheckValues}
      save={(input) =>
        record.mutateAsync({ input, idempotencyKey }).catch((failure: unknown) => {
          throw withCheckFormFields(failure);
        })
      }
      saving={record.isPending}
      success={(result) => t('riskPoints.checks.saved', { date: formatDateTime(result.riskPoint.nextCheckDueAt) })}
    >
      <WhenFields fields={fields} disabledDate={isFutureDay} />
      <Form.Item {...fields.item('result')}>
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
      <Form.Item {...fields.item('note')}>
        <Input.TextArea
          maxLength={fields.max('note')}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('riskPoints.checks.notePlaceholder')}
        />
      </Form.Item>
    </SubmitModal>
  );
}
