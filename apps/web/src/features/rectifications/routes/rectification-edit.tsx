import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { RecordEditPage } from '../../../components/record-form-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useRectification } from '../api/get-rectification.ts';
import { useUpdateRectification } from '../api/save-rectification.ts';
import { rectificationDraft } from '../components/rectification-draft.ts';
import { RectificationForm } from '../components/rectification-form.tsx';
import {
  changedRectificationFields,
  checkRectificationValues,
  RECTIFICATION_FIELDS,
  rectificationToValues,
} from '../components/rectification-form-values.ts';
import { RectificationNotFound } from '../components/rectification-not-found.tsx';

export function RectificationEditRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <RecordEditPage
      permission="rectification:write"
      useRecord={useRectification}
      notFound={<RectificationNotFound />}
      readOnly={(item) =>
        item.status === 'DONE' && (
          <Result
            status="info"
            title={t('rectifications.closedFinal')}
            extra={
              <Button type="primary" onClick={() => void navigate(`/rectifications/${item.id}`)}>
                {t('common.back')}
              </Button>
            }
          />
        )
      }
      title={t('rectifications.editTitle')}
      draft={rectificationDraft}
      draftText={{ restored: 'rectifications.draftRestored', discard: 'rectifications.discardDraft' }}
      toValues={rectificationToValues}
      check={checkRectificationValues}
      fields={RECTIFICATION_FIELDS}
      changes={(input, item, values) => changedRectificationFields(input, values.status, item)}
      useUpdate={useUpdateRectification}
      noChanges={t('rectifications.noChanges')}
      saved={t('rectifications.saved')}
      detailPath={(item) => `/rectifications/${item.id}`}
      renderForm={(props, item) => <RectificationForm {...props} withStatus knownAlert={item.alert} />}
    />
  );
}
