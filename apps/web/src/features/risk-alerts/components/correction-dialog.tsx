// 更正 by leadership of an alert past 登记: its org, level or registration time, with a reason.
// The reporting clock keeps its first due time (ADR 019), which the dialog says. Only the fields
// that differ are sent; If-Match carries the version seen and one Idempotency-Key per opening.
import type { FieldIssue } from '@dutyboard/contracts/errors';
import { ALERT_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  ALERT_CORRECTION_REASON_MAX,
  ALERT_LEVELS,
  type AlertLevel,
  type CorrectRiskAlertInput,
  CorrectRiskAlertInputSchema,
  type RiskAlertDetail,
} from '@dutyboard/contracts/risk-alerts';
import { DatePicker, Form, Input, Radio, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { randomUuid } from '../../../lib/api-upload.ts';
import {
  DATE_FORMAT,
  DATE_INPUT_FORMATS,
  pickerDay,
  pickerTime,
  shanghaiInstant,
  shanghaiParts,
  TIME_FORMAT,
} from '../../../lib/dates.ts';
import { type FieldSpecs, issuesOf } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { type Checked, useDialogSubmit } from '../../../lib/use-dialog-submit.ts';
import { formFields } from '../../../lib/zod-rules.ts';
import { useCorrectRiskAlert } from '../api/save-risk-alert.ts';

export interface CorrectionValues {
  orgId?: string;
  level?: AlertLevel;
  date?: Dayjs | null;
  time?: Dayjs | null;
  reason?: string;
}

/** The reason's limits from the contract; "nothing changed" is the contract's refinement, said at the level. */
const FIELDS: FieldSpecs<keyof CorrectionValues> = formFields(CorrectRiskAlertInputSchema, {
  orgId: { label: 'riskAlerts.field.orgId', choose: true },
  level: { label: 'riskAlerts.field.level', choose: true, custom: 'riskAlerts.correct.nothing' },
  date: { label: 'riskAlerts.field.date', from: 'registeredAt', choose: true },
  time: { label: 'riskAlerts.field.time', from: 'registeredAt', choose: true },
  reason: 'riskAlerts.correct.reason',
});

function toValues(alert: RiskAlertDetail): CorrectionValues {
  const { date, time } = shanghaiParts(alert.registeredAt);
  return { orgId: alert.orgId, level: alert.level, date: pickerDay(date), time: pickerTime(time), reason: '' };
}

/** The correction body: only what differs from the alert (minutes as the form shows them). */
export function checkCorrection(alert: RiskAlertDetail, values: CorrectionValues): Checked<CorrectRiskAlertInput> {
  const missing: FieldIssue[] = [];
  if (!values.date) missing.push({ field: 'date', code: 'invalid_type', message: '' });
  if (!values.time) missing.push({ field: 'time', code: 'invalid_type', message: '' });
  const registeredAt =
    values.date && values.time
      ? shanghaiInstant(values.date.format(DATE_FORMAT), values.time.format(TIME_FORMAT))
      : undefined;
  const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);
  const parsed = CorrectRiskAlertInputSchema.safeParse({
    ...(values.orgId && values.orgId !== alert.orgId ? { orgId: values.orgId } : {}),
    ...(values.level && values.level !== alert.level ? { level: values.level } : {}),
    ...(registeredAt && minute(registeredAt) !== minute(alert.registeredAt) ? { registeredAt } : {}),
    reason: values.reason?.trim() ?? '',
  });
  const issues = [...missing, ...(parsed.success ? [] : issuesOf(parsed.error))];
  if (issues.length > 0 || !parsed.success) return { issues };
  return { input: parsed.data };
}

interface CorrectionDialogProps {
  alert: RiskAlertDetail;
  orgs: OrgUnit[];
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

export function CorrectionDialog({ alert, orgs, open, onClose, afterClose }: CorrectionDialogProps) {
  const { t, nameOf } = useI18n();
  const [form] = Form.useForm<CorrectionValues>();
  const [idempotencyKey] = useState(randomUuid);
  const correct = useCorrectRiskAlert(alert.id, alert.version);
  const { error, onSubmit } = useDialogSubmit({
    form,
    fields: FIELDS,
    check: (values: CorrectionValues) => checkCorrection(alert, values),
    save: (input: CorrectRiskAlertInput) => correct.mutateAsync({ input, idempotencyKey }),
    saving: correct.isPending,
    success: () => t('riskAlerts.correct.saved'),
    onDone: onClose,
  });

  return (
    <FormModal<CorrectionValues>
      open={open}
      title={t('riskAlerts.correct.title')}
      form={form}
      name="riskAlertCorrection"
      initialValues={toValues(alert)}
      okText={t('common.confirm')}
      saving={correct.isPending}
      error={error}
      onSubmit={onSubmit}
      onCancel={onClose}
      afterClose={afterClose}
      testId="risk-alert-correct"
    >
      <Typography.Paragraph type="secondary">{t('riskAlerts.correct.hint')}</Typography.Paragraph>
      <Form.Item label={t('riskAlerts.field.orgId')} name="orgId" required>
        <OrgSelect orgs={orgs} testId="risk-alert-correct-org" />
      </Form.Item>
      <Form.Item label={t('riskAlerts.field.level')} name="level" required>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="risk-alert-correct-level"
          options={ALERT_LEVELS.map((level) => ({ value: level, label: nameOf(ALERT_LEVEL_LABELS, level) }))}
        />
      </Form.Item>
      <Form.Item label={t('riskAlerts.field.date')} name="date" required>
        <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} placeholder={DATE_FORMAT} />
      </Form.Item>
      <Form.Item label={t('riskAlerts.field.time')} name="time" required>
        <TimePicker format={TIME_FORMAT} needConfirm={false} style={{ width: '100%' }} placeholder={TIME_FORMAT} />
      </Form.Item>
      <Form.Item label={t('riskAlerts.correct.reason')} name="reason" required>
        <Input.TextArea
          maxLength={ALERT_CORRECTION_REASON_MAX}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('riskAlerts.correct.reasonPlaceholder')}
          data-testid="risk-alert-correct-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
