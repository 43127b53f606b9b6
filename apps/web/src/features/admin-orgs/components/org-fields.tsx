// The fields both org dialogs share: name, code and display order, with the contract's rules.
import { Form, Input, InputNumber } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { ORG_FIELDS } from './org-form-values.ts';

export const useOrgFields = () => useFormFields(ORG_FIELDS);

export function OrgNameField() {
  const { item, max } = useOrgFields();
  return (
    <Form.Item {...item('name')}>
      <Input maxLength={max('name')} autoComplete="off" />
    </Form.Item>
  );
}

export function OrgCodeField() {
  const { t } = useI18n();
  const { item, max } = useOrgFields();
  return (
    <Form.Item {...item('code')} extra={t('orgs.codeHint')}>
      <Input maxLength={max('code')} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
    </Form.Item>
  );
}

export function OrgSortOrderField() {
  const { t } = useI18n();
  const { item, max, min } = useOrgFields();
  return (
    <Form.Item {...item('sortOrder')} extra={t('orgs.sortOrderHint')}>
      <InputNumber
        min={min('sortOrder')}
        max={max('sortOrder')}
        precision={0}
        inputMode="numeric"
        placeholder="0"
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}
