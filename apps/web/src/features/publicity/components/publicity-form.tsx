// The one publicity form for new and edit: single column, large touch targets. Limits come from
// the contract; labels are stable (browser tests find the fields by them).
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  PUBLICITY_LEVELS,
  PUBLICITY_OUTLET_MAX,
  PUBLICITY_TITLE_MAX,
  PUBLICITY_URL_MAX,
} from '@dutyboard/contracts/publicity';
import { Alert, Button, DatePicker, Form, type FormInstance, Input, Select, TimePicker } from 'antd';
import { OrgSelect } from '../../../components/org-select.tsx';
import { DATE_FORMAT, TIME_FORMAT } from '../../../lib/dates.ts';
import { fieldInSentence } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { PUBLICITY_FIELDS, type PublicityFormField, type PublicityFormValues } from './publicity-form-values.ts';

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
  const { t, lang } = useI18n();
  const label = (field: PublicityFormField) => t(PUBLICITY_FIELDS[field].label);
  const named = (field: PublicityFormField) => fieldInSentence(PUBLICITY_FIELDS[field], t, lang);
  return (
    <Form<PublicityFormValues>
      form={form}
      name="publicity"
      layout="vertical"
      size="large"
      requiredMark
      initialValues={initialValues}
      onFinish={onSubmit}
      scrollToFirstError={{ block: 'center' }}
      style={{ maxWidth: 640 }}
      data-testid="publicity-form"
    >
      <Form.Item
        label={label('orgId')}
        name="orgId"
        rules={[{ required: true, message: t('validation.select', { field: named('orgId') }) }]}
      >
        <OrgSelect orgs={orgs} disabled={orgLocked} size="large" testId="publicity-org" />
      </Form.Item>
      <Form.Item
        label={label('level')}
        name="level"
        rules={[{ required: true, message: t('validation.select', { field: named('level') }) }]}
      >
        <Select
          placeholder={t('publicity.levelPlaceholder')}
          options={PUBLICITY_LEVELS.map((level) => ({ value: level, label: t(`publicity.level.${level}`) }))}
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
      {error && (
        <Alert type="error" showIcon role="alert" title={error} data-testid="form-error" style={{ marginBottom: 16 }} />
      )}
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={saving}
        disabled={saving}
        data-testid="publicity-save"
        style={{ height: 48 }}
      >
        {t('publicity.save')}
      </Button>
    </Form>
  );
}
