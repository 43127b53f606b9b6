// The frame every record form shares: one column of large touch targets, the org field first
// (locked when the user may write to one org only), the form's error above a full-width save
// button. Each feature's form puts its own fields in between. `useFieldRules` gives the labels,
// the field names for messages and the max-length rule that names its field.
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { Alert, Button, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { type FieldSpecs, fieldInSentence } from '../lib/form-issues.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import { OrgSelect } from './org-select.tsx';

/** Labels and rules for the fields of one form, from its field specs. */
export function useFieldRules<F extends string>(fields: FieldSpecs<F>) {
  const { t, lang } = useI18n();
  const named = (field: F) => fieldInSentence(fields[field], t, lang);
  return {
    label: (field: F) => t(fields[field].label),
    named,
    maxLength: (field: F, max: number) => ({ max, message: t('validation.maxLength', { field: named(field), max }) }),
  };
}

interface RecordFormProps<V> {
  form: FormInstance<V>;
  /** The form's name (field ids) and the prefix of its test ids: `<testId>-form`, `-org`, `-save`. */
  name: string;
  testId: string;
  initialValues: V;
  onSubmit: (values: V) => void;
  orgs: OrgUnit[];
  /** One writable org: shown, preselected, not changeable. */
  orgLocked: boolean;
  orgLabel: string;
  /** "请选择…" said when no org is chosen. */
  orgMessage: string;
  saving: boolean;
  error: ReactNode;
  saveLabel: string;
  children: ReactNode;
}

export function RecordForm<V>({
  form,
  name,
  testId,
  initialValues,
  onSubmit,
  orgs,
  orgLocked,
  orgLabel,
  orgMessage,
  saving,
  error,
  saveLabel,
  children,
}: RecordFormProps<V>) {
  return (
    <Form<V>
      form={form}
      name={name}
      layout="vertical"
      size="large"
      requiredMark
      // antd types a form's initial values as its loose Store; V is the form's own values type.
      initialValues={initialValues as Record<string, unknown>}
      onFinish={onSubmit}
      scrollToFirstError={{ block: 'center' }}
      style={{ maxWidth: 640 }}
      data-testid={`${testId}-form`}
    >
      <Form.Item label={orgLabel} name="orgId" rules={[{ required: true, message: orgMessage }]}>
        <OrgSelect orgs={orgs} disabled={orgLocked} size="large" testId={`${testId}-org`} />
      </Form.Item>
      {children}
      {error && (
        <Alert type="error" showIcon role="alert" title={error} data-testid="form-error" style={{ marginBottom: 16 }} />
      )}
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={saving}
        disabled={saving}
        data-testid={`${testId}-save`}
        style={{ height: 48 }}
      >
        {saveLabel}
      </Button>
    </Form>
  );
}
