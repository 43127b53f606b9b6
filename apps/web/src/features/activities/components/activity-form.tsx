// The one activity form for new and edit: single column, large touch targets, the fields in the
// order a secretary fills them on a phone. Limits come from the contract.
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_DESCRIPTION_MAX,
  ACTIVITY_LOCATION_MAX,
  ACTIVITY_PARTICIPANTS_MAX,
  ACTIVITY_TITLE_MAX,
} from '@dutyboard/contracts/activities';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { DatePicker, Form, type FormInstance, Input, InputNumber, Select, TimePicker } from 'antd';
import { RecordForm, useFieldRules } from '../../../components/record-form.tsx';
import { DATE_FORMAT, TIME_FORMAT } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { ACTIVITY_FIELDS, type ActivityFormValues } from './activity-form-values.ts';

interface ActivityFormProps {
  form: FormInstance<ActivityFormValues>;
  initialValues: ActivityFormValues;
  orgs: OrgUnit[];
  /** One writable org: shown, preselected, not changeable. */
  orgLocked: boolean;
  saving: boolean;
  error: string | null;
  onSubmit: (values: ActivityFormValues) => void;
}

export function ActivityForm({ form, initialValues, orgs, orgLocked, saving, error, onSubmit }: ActivityFormProps) {
  const { t } = useI18n();
  const { label, named, maxLength } = useFieldRules(ACTIVITY_FIELDS);
  return (
    <RecordForm
      form={form}
      name="activity"
      testId="activity"
      initialValues={initialValues}
      onSubmit={onSubmit}
      orgs={orgs}
      orgLocked={orgLocked}
      orgLabel={label('orgId')}
      orgMessage={t('validation.select', { field: named('orgId') })}
      saving={saving}
      error={error}
      saveLabel={t('form.save')}
    >
      <Form.Item
        label={label('category')}
        name="category"
        rules={[{ required: true, message: t('validation.select', { field: named('category') }) }]}
      >
        <Select
          placeholder={t('form.categoryPlaceholder')}
          options={ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          data-testid="activity-category"
        />
      </Form.Item>
      <Form.Item
        label={label('title')}
        name="title"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: named('title') }) },
          maxLength('title', ACTIVITY_TITLE_MAX),
        ]}
      >
        <Input maxLength={ACTIVITY_TITLE_MAX} placeholder={t('form.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        label={label('date')}
        name="date"
        rules={[{ required: true, message: t('validation.select', { field: named('date') }) }]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={DATE_FORMAT} />
      </Form.Item>
      <Form.Item label={label('time')} name="time">
        <TimePicker format={TIME_FORMAT} needConfirm={false} style={{ width: '100%' }} placeholder={TIME_FORMAT} />
      </Form.Item>
      <Form.Item
        label={label('participants')}
        name="participants"
        rules={[
          { required: true, message: t('validation.required', { field: named('participants') }) },
          { type: 'number', min: 1, message: t('validation.min', { field: named('participants'), min: 1 }) },
          {
            type: 'number',
            max: ACTIVITY_PARTICIPANTS_MAX,
            message: t('validation.max', { field: named('participants'), max: ACTIVITY_PARTICIPANTS_MAX }),
          },
        ]}
      >
        <InputNumber
          min={1}
          max={ACTIVITY_PARTICIPANTS_MAX}
          precision={0}
          inputMode="numeric"
          placeholder={t('form.participantsPlaceholder')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item label={label('location')} name="location" rules={[maxLength('location', ACTIVITY_LOCATION_MAX)]}>
        <Input maxLength={ACTIVITY_LOCATION_MAX} placeholder={t('form.locationPlaceholder')} />
      </Form.Item>
      <Form.Item
        label={label('description')}
        name="description"
        rules={[maxLength('description', ACTIVITY_DESCRIPTION_MAX)]}
      >
        <Input.TextArea
          maxLength={ACTIVITY_DESCRIPTION_MAX}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('form.descriptionPlaceholder')}
        />
      </Form.Item>
    </RecordForm>
  );
}
