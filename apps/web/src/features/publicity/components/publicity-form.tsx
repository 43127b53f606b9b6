// The one publicity form for new and edit: single column, large touch targets. Limits come from
// the contract; labels are stable (browser tests find the fields by them).

import { PUBLICITY_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  PUBLICITY_LEVELS,
  PUBLICITY_OUTLET_MAX,
  PUBLICITY_TITLE_MAX,
  PUBLICITY_URL_MAX,
} from '@dutyboard/contracts/publicity';
import { DatePicker, Form, type FormInstance, Input, Select, TimePicker } from 'antd';
import { RecordForm, useFieldRules } from '../../../components/record-form.tsx';
import { DATE_FORMAT, TIME_FORMAT } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { PUBLICITY_FIELDS, type PublicityFormValues } from './publicity-form-values.ts';

interface PublicityFormProps {
  form: FormInstance<PublicityFormValues>;
  initialValues: PublicityFormValues;
  orgs: OrgUnit[];
  /** One writable org: shown, preselected, not changeable. */
  orgLocked: boolean;
  saving: boolean;
  error: string | null;
  onSubmit: (values: PublicityFormValues) => void;
}

export function PublicityForm({ form, initialValues, orgs, orgLocked, saving, error, onSubmit }: PublicityFormProps) {
  const { t, nameOf } = useI18n();
  const { label, named } = useFieldRules(PUBLICITY_FIELDS);
  return (
    <RecordForm
      form={form}
      name="publicity"
      testId="publicity"
      initialValues={initialValues}
      onSubmit={onSubmit}
      orgs={orgs}
      orgLocked={orgLocked}
      orgLabel={label('orgId')}
      orgMessage={t('validation.select', { field: named('orgId') })}
      saving={saving}
      error={error}
      saveLabel={t('publicity.save')}
    >
      <Form.Item
        label={label('level')}
        name="level"
        rules={[{ required: true, message: t('validation.select', { field: named('level') }) }]}
      >
        <Select
          placeholder={t('publicity.levelPlaceholder')}
          options={PUBLICITY_LEVELS.map((level) => ({ value: level, label: nameOf(PUBLICITY_LEVEL_LABELS, level) }))}
          data-testid="publicity-level"
        />
      </Form.Item>
      <Form.Item
        label={label('outlet')}
        name="outlet"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: named('outlet') }) },
          {
            max: PUBLICITY_OUTLET_MAX,
            message: t('validation.maxLength', { field: named('outlet'), max: PUBLICITY_OUTLET_MAX }),
          },
        ]}
      >
        <Input maxLength={PUBLICITY_OUTLET_MAX} placeholder={t('publicity.outletPlaceholder')} />
      </Form.Item>
      <Form.Item
        label={label('title')}
        name="title"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: named('title') }) },
          {
            max: PUBLICITY_TITLE_MAX,
            message: t('validation.maxLength', { field: named('title'), max: PUBLICITY_TITLE_MAX }),
          },
        ]}
      >
        <Input maxLength={PUBLICITY_TITLE_MAX} placeholder={t('publicity.titlePlaceholder')} />
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
        label={label('url')}
        name="url"
        rules={[
          {
            max: PUBLICITY_URL_MAX,
            message: t('validation.maxLength', { field: named('url'), max: PUBLICITY_URL_MAX }),
          },
          { pattern: /^\s*(https?:\/\/\S+)?\s*$/i, message: t('publicity.urlFormat') },
        ]}
      >
        <Input
          type="url"
          inputMode="url"
          maxLength={PUBLICITY_URL_MAX}
          placeholder={t('publicity.urlPlaceholder')}
          autoComplete="off"
        />
      </Form.Item>
    </RecordForm>
  );
}
