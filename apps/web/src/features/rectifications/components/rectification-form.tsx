// The one rectification form for new and edit: single column, large touch targets. Which extra
// field shows follows the source: an alert to link (舆情), or the audit finding (督查). Limits come
// from the contract; labels are stable (browser tests find the fields by them).

import { RECTIFICATION_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS } from '@dutyboard/contracts/labels';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  RECTIFICATION_EDITABLE_STATUSES,
  RECTIFICATION_FINDING_REF_MAX,
  RECTIFICATION_MEASURE_MAX,
  RECTIFICATION_OWNER_MAX,
  RECTIFICATION_PROBLEM_MAX,
  RECTIFICATION_SOURCES,
} from '@dutyboard/contracts/rectifications';
import { DatePicker, Form, type FormInstance, Input, Select } from 'antd';
import { RecordForm, useFieldRules } from '../../../components/record-form.tsx';
import { DATE_FORMAT, formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useAlertChoice, useAlertChoices } from '../api/get-alert-choices.ts';
import { RECTIFICATION_FIELDS, type RectificationFormValues } from './rectification-form-values.ts';

interface RectificationFormProps {
  form: FormInstance<RectificationFormValues>;
  initialValues: RectificationFormValues;
  orgs: OrgUnit[];
  /** One writable org: shown, preselected, not changeable. */
  orgLocked: boolean;
  /** The edit form also sets the status (OPEN / IN_PROGRESS). */
  withStatus: boolean;
  /** The linked alert as the record shows it, so an old one keeps its label. */
  knownAlert?: { id: string; summary: string } | null;
  saving: boolean;
  error: string | null;
  onSubmit: (values: RectificationFormValues) => void;
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

export function RectificationForm(props: RectificationFormProps) {
  const { form, initialValues, orgs, orgLocked, withStatus, knownAlert, saving, error, onSubmit } = props;
  const { t, nameOf } = useI18n();
  const { label, named, maxLength: maxRule } = useFieldRules(RECTIFICATION_FIELDS);
  const source = Form.useWatch('source', form) ?? initialValues.source;
  return (
    <RecordForm
      form={form}
      name="rectification"
      testId="rectification"
      initialValues={initialValues}
      onSubmit={onSubmit}
      orgs={orgs}
      orgLocked={orgLocked}
      orgLabel={label('orgId')}
      orgMessage={t('validation.select', { field: named('orgId') })}
      saving={saving}
      error={error}
      saveLabel={t('rectifications.save')}
    >
      <Form.Item
        label={label('source')}
        name="source"
        rules={[{ required: true, message: t('validation.select', { field: named('source') }) }]}
      >
        <Select
          placeholder={t('rectifications.sourcePlaceholder')}
          options={RECTIFICATION_SOURCES.map((s) => ({ value: s, label: nameOf(RECTIFICATION_SOURCE_LABELS, s) }))}
          data-testid="rectification-source"
        />
      </Form.Item>
      {source === 'ALERT' && (
        <Form.Item
          label={label('alertId')}
          name="alertId"
          rules={[{ required: true, message: t('rectifications.alertRequired') }]}
        >
          <AlertPicker knownAlert={knownAlert} />
        </Form.Item>
      )}
      {source === 'AUDIT' && (
        <Form.Item
          label={label('findingRef')}
          name="findingRef"
          rules={[
            { required: true, whitespace: true, message: t('rectifications.findingRequired') },
            maxRule('findingRef', RECTIFICATION_FINDING_REF_MAX),
          ]}
        >
          <Input maxLength={RECTIFICATION_FINDING_REF_MAX} placeholder={t('rectifications.findingRefPlaceholder')} />
        </Form.Item>
      )}
      <Form.Item
        label={label('problem')}
        name="problem"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: named('problem') }) },
          maxRule('problem', RECTIFICATION_PROBLEM_MAX),
        ]}
      >
        <Input.TextArea
          maxLength={RECTIFICATION_PROBLEM_MAX}
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('rectifications.problemPlaceholder')}
        />
      </Form.Item>
      <Form.Item label={label('measure')} name="measure" rules={[maxRule('measure', RECTIFICATION_MEASURE_MAX)]}>
        <Input.TextArea
          maxLength={RECTIFICATION_MEASURE_MAX}
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('rectifications.measurePlaceholder')}
        />
      </Form.Item>
      <Form.Item label={label('ownerName')} name="ownerName" rules={[maxRule('ownerName', RECTIFICATION_OWNER_MAX)]}>
        <Input maxLength={RECTIFICATION_OWNER_MAX} placeholder={t('rectifications.ownerPlaceholder')} />
      </Form.Item>
      <Form.Item label={label('deadline')} name="deadline" extra={t('rectifications.deadlineHelp')}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={DATE_FORMAT} />
      </Form.Item>
      {withStatus && (
        <Form.Item label={label('status')} name="status">
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
