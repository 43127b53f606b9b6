import { RecordNewPage } from '../../../components/record-form-page.tsx';
import { saveErrorText } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useCreatePublicityItem } from '../api/save-publicity.ts';
import { publicityDraft } from '../components/publicity-draft.ts';
import { PublicityForm } from '../components/publicity-form.tsx';
import {
  checkPublicityValues,
  newPublicityValues,
  PUBLICITY_FIELDS,
  withFormFields,
} from '../components/publicity-form-values.ts';

export function PublicityNewRoute() {
  const { t, lang } = useI18n();
  return (
    <RecordNewPage
      permission="publicity:write"
      title={t('publicity.newTitle')}
      noWritableOrg={t('publicity.noWritableOrg')}
      draft={publicityDraft}
      draftText={{ restored: 'publicity.draftRestored', discard: 'publicity.discardDraft' }}
      defaults={newPublicityValues}
      check={checkPublicityValues}
      fields={PUBLICITY_FIELDS}
      saveError={(error, form) => saveErrorText(form, PUBLICITY_FIELDS, withFormFields(error), t, lang)}
      useCreate={useCreatePublicityItem}
      saved={t('publicity.saved')}
      detailPath={(item) => `/publicity/${item.id}`}
      renderForm={(props) => <PublicityForm {...props} />}
    />
  );
}
