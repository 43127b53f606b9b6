// The fields both org dialogs share: name, code and display order.
import { ORG_CODE_MAX, ORG_CODE_PATTERN, ORG_NAME_MAX } from '@dutyboard/contracts/orgs';
import { Form, Input, InputNumber } from 'antd';
import { fieldInSentence } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { ORG_FIELDS, type OrgFormField, SORT_ORDER_MAX, SORT_ORDER_MIN } from './org-form-values.ts';

export function useOrgFieldNames() {
  const { t, lang } = useI18n();
  return (field: OrgFormField) => fieldInSentence(ORG_FIELDS[field], t, lang);
}

export function OrgNameField() {
  const { t } = useI18n();
  const named = useOrgFieldNames();
  return (
    <Form.Item
      label={t('orgs.name')}
      name="name"
      rules={[
        { required: true, whitespace: true, message: t('validation.required', { field: named('name') }) },
        { max: ORG_NAME_MAX, message: t('validation.maxLength', { field: named('name'), max: ORG_NAME_MAX }) },
      ]}
    >
      <Input maxLength={ORG_NAME_MAX} autoComplete="off" />
    </Form.Item>
  );
}

export function OrgCodeField() {
  const { t } = useI18n();
  const named = useOrgFieldNames();
  return (
    <Form.Item
      label={t('orgs.code')}
      name="code"
      extra={t('orgs.codeHint')}
      rules={[
        { required: true, whitespace: true, message: t('validation.required', { field: named('code') }) },
        { max: ORG_CODE_MAX, message: t('validation.maxLength', { field: named('code'), max: ORG_CODE_MAX }) },
        { pattern: ORG_CODE_PATTERN, message: t('orgs.codeFormat') },
      ]}
    >
      <Input maxLength={ORG_CODE_MAX} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
    </Form.Item>
  );
}

export function OrgSortOrderField() {
  const { t } = useI18n();
  const named = useOrgFieldNames();
  return (
    <Form.Item
      label={t('orgs.sortOrder')}
      name="sortOrder"
      extra={t('orgs.sortOrderHint')}
      rules={[
        {
          type: 'number',
          min: SORT_ORDER_MIN,
          message: t('validation.min', { field: named('sortOrder'), min: SORT_ORDER_MIN }),
        },
        {
          type: 'number',
          max: SORT_ORDER_MAX,
          message: t('validation.max', { field: named('sortOrder'), max: SORT_ORDER_MAX }),
        },
      ]}
    >
      <InputNumber
        min={SORT_ORDER_MIN}
        max={SORT_ORDER_MAX}
        precision={0}
        inputMode="numeric"
        placeholder="0"
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}
