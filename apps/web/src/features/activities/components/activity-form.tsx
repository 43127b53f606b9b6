// The one activity form for new and edit: single column, large touch targets, the fields in the
// order a secretary fills them on a phone. Rules and limits come from the contract.
import { ACTIVITY_CATEGORIES } from '@dutyboard/contracts/activities';
import { ACTIVITY_CATEGORY_LABELS } from '@dutyboard/contracts/labels';
import { Form, Input, InputNumber, Radio } from 'antd';
import { RecordForm, WhenFields } from '../../../components/record-form.tsx';
import type { RecordFormProps } from '../../../components/record-form-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { ACTIVITY_FIELDS, type ActivityFormValues } from './activity-form-values.ts';

export function ActivityForm(props: RecordFormProps<ActivityFormValues>) {
  const { t, nameOf } = useI18n();
  const fields = useFormFields(ACTIVITY_FIELDS);
  const { item, max, min } = fields;
  return (
    <RecordForm {...props} name="activity" testId="activity" fields={ACTIVITY_FIELDS} saveLabel={t('form.save')}>
      <Form.Item {...item('category')}>
        {/* Seven kinds shown at once: one tap picks one, where a dropdown takes two (issue 16.1). */}
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          role="radiogroup"
          aria-label={t('form.category')}
          className="db-choice-chips"
          options={ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: nameOf(ACTIVITY_CATEGORY_LABELS, c) }))}
          data-testid="activity-category"
        />
      </Form.Item>
      <Form.Item {...item('title')}>
        <Input maxLength={max('title')} placeholder={t('form.titlePlaceholder')} />
      </Form.Item>
      <WhenFields fields={fields} />
      <Form.Item {...item('participants')}>
        <InputNumber
          min={min('participants')}
          max={max('participants')}
          precision={0}
          inputMode="numeric"
          placeholder={t('form.participantsPlaceholder')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item {...item('location')}>
        <Input maxLength={max('location')} placeholder={t('form.locationPlaceholder')} />
      </Form.Item>
      <Form.Item {...item('description')}>
        <Input.TextArea
          maxLength={max('description')}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('form.descriptionPlaceholder')}
        />
      </Form.Item>
    </RecordForm>
  );
}
