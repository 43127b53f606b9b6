import { RecordEditPage } from '../../../components/record-form-page.tsx';
import { saveErrorText } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { usePublicityItem } from '../api/get-publicity-item.ts';
import { useUpdatePublicityItem } from '../api/save-publicity.ts';
import { publicityDraft } from '../components/publicity-draft.ts';
import { PublicityForm } from '../components/publicity-form.tsx';
import {
  changedPublicityFields,
  checkPublicityValues,
  PUBLICITY_FIELDS,
  publicityToValues,
  withFormFields,
} from '../components/publicity-form-values.ts';
import { PublicityNotFound } from '../components/publicity-not-found.tsx';

export function PublicityEditRoute() {
  const { t, lang } = useI18n();
  return (
    <RecordEditPage
      permission="publicity:write"
      useRecord={usePublicityItem}
      notFound={<PublicityNotFound />}
      title={t('publicity.editTitle')}
      draft={publicityDraft}
      draftText={{ restored: 'publicity.draftRestored', discard: 'publicity.discardDraft' }}
      toValues={publicityToValues}
      check={checkPublicityValues}
      fields={PUBLICITY_FIELDS}
      changes={changedPublicityFields}
      saveError={(error, form) => saveErrorText(form, PUBLICITY_FIELDS, withFormFields(error), t, lang)}
      useUpdate={useUpdatePublicityItem}
      noChanges={t('publicity.noChanges')}
      saved={t('publicity.saved')}
      detailPath={(item) => `/publicity/${item.id}`}
      renderForm={(props) => <PublicityForm {...props} />}
    />
  );
}
