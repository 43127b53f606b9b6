// The frame every record form shares: one column of large touch targets, the org field first
// (locked when the user may write to one org only), the form's error above a full-width save
// button. Each feature's form puts its own fields in between; their labels and rules come from
// the feature's field specs (derived from the contract, lib/zod-rules.ts). `WhenFields` is the
// date-and-time pair most records are dated with. A form with changes not yet submitted asks
// before the page is left, and keeps them as its draft when the user leaves anyway.
import { Alert, Button, DatePicker, Form, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { DATE_FORMAT, DATE_INPUT_FORMATS, TIME_FORMAT } from '../lib/dates.ts';
import type { FieldSpecs } from '../lib/form-issues.ts';
import { type FormFields, useFormFields } from '../lib/use-form-fields.ts';
import { useLeaveGuard } from '../lib/use-leave-guard.ts';
import { usePhone } from '../lib/use-phone.ts';
import { OrgSelect } from './org-select.tsx';
import { PhotoPicker } from './photo-picker.tsx';
import type { RecordFormProps as FrameProps } from './record-form-page.tsx';

interface RecordFormProps<V> extends Omit<FrameProps<V, ReactNode>, 'error'> {
  /** The form's name (field ids) and the prefix of its test ids: `<testId>-form`, `-org`, `-save`. */
  name: string;
  testId: string;
  /** The form's fields; `orgId` labels the org field and says when it is missing. */
  fields: FieldSpecs<'orgId'>;
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
  onLeave,
  orgs,
  orgLocked,
  fields,
  saving,
  error,
  saveLabel,
  children,
  photos,
}: RecordFormProps<V>) {
  const org = useFormFields(fields).item('orgId');
  // Changed since opened or last submitted; a submit hands the values to the page, which keeps
  // them as a draft until the save succeeds and then moves on.
  const [dirty, setDirty] = useState(false);
  const guard = useLeaveGuard(dirty, { onLeave: () => onLeave?.(form.getFieldsValue(true)) });
  return (
    <Form<V>
      form={form}
      name={name}
      layout="vertical"
      size="large"
      requiredMark
      // antd types a form's initial values as its loose Store; V is the form's own values type.
      initialValues={initialValues as Record<string, unknown>}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => {
        setDirty(false);
        onSubmit(values);
      }}
      scrollToFirstError={{ block: 'center' }}
      style={{ maxWidth: 640 }}
      data-testid={`${testId}-form`}
    >
      {guard}
      <Form.Item {...org}>
        <OrgSelect orgs={orgs} disabled={orgLocked} size="large" testId={`${testId}-org`} />
      </Form.Item>
      {children}
      {photos && <PhotoPicker {...photos} testId={testId} />}
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

interface WhenFieldsProps {
  fields: FormFields<'date' | 'time'>;
  /** Side by side on a wide screen. */
  half?: boolean;
  disabled?: boolean;
  disabledDate?: (day: Dayjs) => boolean;
}

const halfWidth: CSSProperties = { flex: '1 1 140px', minWidth: 0 };

/** The date and the time of a record (Shanghai calendar day and clock time). */
export function WhenFields({ fields, half = false, disabled, disabledDate }: WhenFieldsProps) {
  const style = half ? halfWidth : undefined;
  // On a phone the pickers are tapped, never typed in: no soft keyboard over the calendar.
  const readOnly = usePhone();
  const pair = (
    <>
      <Form.Item {...fields.item('date')} style={style}>
        <DatePicker
          format={DATE_INPUT_FORMATS}
          style={{ width: '100%' }}
          placeholder={DATE_FORMAT}
          disabled={disabled}
          disabledDate={disabledDate}
          inputReadOnly={readOnly}
        />
      </Form.Item>
      <Form.Item {...fields.item('time')} style={style}>
        <TimePicker
          format={TIME_FORMAT}
          needConfirm={false}
          style={{ width: '100%' }}
          placeholder={TIME_FORMAT}
          disabled={disabled}
          inputReadOnly={readOnly}
        />
      </Form.Item>
      {/* Kept with the values: a date-only record (imported without a time) stays so while the time box is empty. */}
      <Form.Item name="dateOnly" hidden noStyle>
        <input type="hidden" />
      </Form.Item>
    </>
  );
  return half ? <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>{pair}</div> : pair;
}
