import { RecordEditPage } from '../../../components/record-form-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useRiskPoint } from '../api/get-risk-point.ts';
import { useUpdateRiskPoint } from '../api/save-risk-point.ts';
import { riskPointDraft } from '../components/risk-point-draft.ts';
import { RiskPointForm } from '../components/risk-point-form.tsx';
import {
  changedRiskPointFields,
  checkRiskPointValues,
  RISK_POINT_FIELDS,
  riskPointToValues,
} from '../components/risk-point-form-values.ts';
import { RiskPointNotFound } from '../components/risk-point-not-found.tsx';

export function RiskPointEditRoute() {
  const { t } = useI18n();
  return (
    <RecordEditPage
      permission="riskpoint:write"
      useRecord={useRiskPoint}
      notFound={<RiskPointNotFound />}
      title={t('riskPoints.editTitle')}
      draft={riskPointDraft}
      draftText={{ restored: 'riskPoints.draftRestored', discard: 'riskPoints.discardDraft' }}
      toValues={riskPointToValues}
      check={checkRiskPointValues}
      fields={RISK_POINT_FIELDS}
      changes={changedRiskPointFields}
      useUpdate={useUpdateRiskPoint}
      noChanges={t('riskPoints.noChanges')}
      saved={t('riskPoints.saved')}
      detailPath={(point) => `/risk-points/${point.id}`}
      renderForm={(props) => <RiskPointForm {...props} />}
    />
  );
}
