// One workflow step in a small dialog: a note, and for 报送 the 市网信办 receipt number. It sends
// the alert's version (If-Match), so a step taken against an outdated page is refused, and one
// Idempotency-Key per opening, so a double tap or a retry after a lost answer records one step.
import {
  ALERT_NOTE_MAX,
  ALERT_RECEIPT_NUMBER_MAX,
  type AlertStep,
  type RiskAlertDetail,
  type TransitionRiskAlertInput,
  TransitionRiskAlertInputSchema,
} from '@dutyboard/contracts/risk-alerts';
import { Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { randomUuid } from '../../../lib/api-upload.ts';
import { type FieldSpecs, issuesOf } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { type Checked, useDialogSubmit } from '../../../lib/use-dialog-submit.ts';
import { formFields } from '../../../lib/zod-rules.ts';
import { useTransitionRiskAlert } from '../api/save-risk-alert.ts';

interface StepValues {
  note?: string;
  receiptNumber?: string;
}

/** Limits from the contract; a receipt number is needed for 报送 (the contract's refinement). */
const FIELDS: FieldSpecs<keyof StepValues> = formFields(TransitionRiskAlertInputSchema, {
  note: 'riskAlerts.note',
  receiptNumber: { label: 'riskAlerts.receiptNumber', custom: 'riskAlerts.receiptRequired' },
});

export function checkStep(to: AlertStep, values: StepValues): Checked<TransitionRiskAlertInput> {
  const parsed = TransitionRiskAlertInputSchema.safeParse({
    to,
    note: values.note?.trim() || null,
    ...(to === 'REPORTED' ? { receiptNumber: values.receiptNumber?.trim() ?? '' } : {}),
  });
  return parsed.success ? { input: parsed.data } : { issues: issuesOf(parsed.error) };
}

interface TransitionDialogProps {
  alert: RiskAlertDetail;
  to: AlertStep;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

export function TransitionDialog({ alert, to, open, onClose, afterClose }: TransitionDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<StepValues>();
  // One key per opening of the dialog: every retry of this submission sends the same one.
  const [idempotencyKey] = useState(randomUuid);
  const transition = useTransitionRiskAlert(alert.id, alert.version);
  const step = t(`riskAlerts.step.${to}`);
  const { error, onSubmit } = useDialogSubmit({
    form,
    fields: FIELDS,
    check: (values: StepValues) => checkStep(to, values),
    save: (input: TransitionRiskAlertInput) => transition.mutateAsync({ input, idempotencyKey }),
    saving: transition.isPending,
    success: () => t('riskAlerts.stepSaved', { step }),
    onDone: onClose,
  });

  return (
    <FormModal<StepValues>
      open={open}
      title={step}
      form={form}
      name="riskAlertStep"
      okText={t('common.confirm')}
      saving={transition.isPending}
      error={error}
      onSubmit={onSubmit}
      onCancel={onClose}
      afterClose={afterClose}
      testId="risk-alert-step"
    >
      <Typography.Paragraph type="secondary">{t(`riskAlerts.stepHint.${to}`)}</Typography.Paragraph>
      {to === 'REPORTED' && (
        <Form.Item label={t('riskAlerts.receiptNumber')} name="receiptNumber" required>
          <Input maxLength={ALERT_RECEIPT_NUMBER_MAX} placeholder={t('riskAlerts.receiptPlaceholder')} autoFocus />
        </Form.Item>
      )}
      <Form.Item label={t('riskAlerts.note')} name="note">
        <Input.TextArea
          maxLength={ALERT_NOTE_MAX}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('riskAlerts.notePlaceholder')}
          autoFocus={to !== 'REPORTED'}
        />
      </Form.Item>
    </FormModal>
  );
}
