import { IdSchema } from '@dutyboard/contracts/common';
import { useSearchParams } from 'react-router';
import { RecordNewPage } from '../../../components/record-form-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useCreateRectification } from '../api/save-rectification.ts';
import { rectificationDraft } from '../components/rectification-draft.ts';
import { RectificationForm } from '../components/rectification-form.tsx';
import {
  checkRectificationValues,
  newRectificationValues,
  RECTIFICATION_FIELDS,
} from '../components/rectification-form-values.ts';

/** /rectifications/new[?org=<id>][&alert=<id>]: an alert's page may link here with its id. */
export function RectificationNewRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const alert = IdSchema.safeParse(params.get('alert'));
  return (
    <RecordNewPage
      permission="rectification:write"
      title={t('rectifications.newTitle')}
      noWritableOrg={t('rectifications.noWritableOrg')}
      draft={rectificationDraft}
      draftText={{ restored: 'rectifications.draftRestored', discard: 'rectifications.discardDraft' }}
      defaults={(orgId) => newRectificationValues(orgId, alert.success ? alert.data : undefined)}
      check={checkRectificationValues}
      fields={RECTIFICATION_FIELDS}
      useCreate={useCreateRectification}
      saved={t('rectifications.saved')}
      detailPath={(item) => `/rectifications/${item.id}`}
      renderForm={(props) => <RectificationForm {...props} withStatus={false} />}
    />
  );
}
