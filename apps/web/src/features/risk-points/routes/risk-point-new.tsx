import { RecordNewPage } from '../../../components/record-form-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useCreateRiskPoint } from '../api/save-risk-point.ts';
import { riskPointDraft } from '../components/risk-point-draft.ts';
import { RiskPointForm } from '../components/risk-point-form.tsx';
import { checkRiskPointValues, newRiskPointValues, RISK_POINT_FIELDS } from '../components/risk-point-form-values.ts';

export function RiskPointNewRoute() {
  const { t } = useI18n();
  return (
    <RecordNewPage
      permission="riskpoint:write"
      title={t('riskPoints.newTitle')}
      noWritableOrg={t('riskPoints.noWritableOrg')}
      draft={riskPointDraft}
      draftText={{ restored: 'riskPoints.draftRestored', discard: 'riskPoints.discardDraft' }}
      defaults={newRiskPointValues}
      check={checkRiskPointValues}
      fields={RISK_POINT_FIELDS}
      useCreate={useCreateRiskPoint}
      saved={t('riskPoints.saved')}
      detailPath={(point) => `/risk-points/${point.id}`}
      renderForm={(props) => <RiskPointForm {...props} />}
    />
  );
}
