import { RecordNewPage } from '../../../components/record-form-page.tsx';
import { saveErrorText } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useCreateRiskAlert } from '../api/save-risk-alert.ts';
import { riskAlertDraft } from '../components/risk-alert-draft.ts';
import { RiskAlertForm } from '../components/risk-alert-form.tsx';
import {
  checkRiskAlertValues,
  newRiskAlertValues,
  RISK_ALERT_FIELDS,
  withFormFields,
} from '../components/risk-alert-form-values.ts';

export function RiskAlertNewRoute() {
  const { t, lang } = useI18n();
  return (
    <RecordNewPage
      permission="alert:register"
      title={t('riskAlerts.newTitle')}
      noWritableOrg={t('riskAlerts.noWritableOrg')}
      draft={riskAlertDraft}
      // Called as needed: a fresh form starts at the current day and time.
      defaults={(orgId) => newRiskAlertValues(orgId)}
      check={(values) => checkRiskAlertValues(values)}
      fields={RISK_ALERT_FIELDS}
      saveError={(error, form) => saveErrorText(form, RISK_ALERT_FIELDS, withFormFields(error), t, lang)}
      useCreate={useCreateRiskAlert}
      saved={t('form.saved')}
      detailPath={(alert) => `/risk-alerts/${alert.id}`}
      renderForm={(props) => <RiskAlertForm {...props} />}
    />
  );
}
