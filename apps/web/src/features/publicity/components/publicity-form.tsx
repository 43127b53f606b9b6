// The one publicity form for new and edit: single column, large touch targets. Rules and limits
// come from the contract; labels are stable (browser tests find the fields by them).
import { PUBLICITY_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import { PUBLICITY_LEVELS } from '@dutyboard/contracts/publicity';
import { Form, Input, Select } from 'antd';
import { RecordForm, WhenFields } from '../../../components/record-form.tsx';
import type { RecordFormProps } from '../../../components/record-form-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { PUBLICITY_FIELDS, type PublicityFormValues } from './publicity-form-values.ts';

export function PublicityForm(props: RecordFormProps<PublicityFormValues>) {
  const { t, nameOf } = useI18n();
  const fields = useFormFields(PUBLICITY_FIELDS);
  const { item, max } = fields;
  return (
    <RecordForm
      {...props}
      name="publicity"
      testId="publicity"
      fields={PUBLICITY_FIELDS}
      saveLabel={t('publicity.save')}
    >
      <Form.Item {...item('level')}>
        <Select
          placeholder={t('publicity.levelPlaceholder')}
          options={PUBLICITY_LEVELS.map((level) => ({ value: level, label: nameOf(PUBLICITY_LEVEL_LABELS, level) }))}
          data-testid="publicity-level"
        />
      </Form.Item>
      <Form.Item {...item('outlet')}>
        <Input maxLength={max('outlet')} placeholder={t('publicity.outletPlaceholder')} />
      </Form.Item>
      <Form.Item {...item('title')}>
        <Input maxLength={max('title')} placeholder={t('publicity.titlePlaceholder')} />
      </Form.Item>
      <WhenFields fields={fields} />
      <Form.Item {...item('url')}>
        <Input
          type="url"
          inputMode="url"
          maxLength={max('url')}
          placeholder={t('publicity.urlPlaceholder')}
          autoComplete="off"
        />
      </Form.Item>
    </RecordForm>
  );
}
