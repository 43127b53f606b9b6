import { alertFactsFrozen } from '@dutyboard/contracts/risk-alerts';
import { Result } from 'antd';
import { RecordEditPage } from '../../../components/record-form-page.tsx';
import { saveErrorText } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useRiskAlert } from '../api/get-risk-alert.ts';
import { useUpdateRiskAlert } from '../api/save-risk-alert.ts';
import { riskAlertDraft } from '../components/risk-alert-draft.ts';
import { RiskAlertForm } from '../components/risk-alert-form.tsx';
import {
  changedRiskAlertFields,
  checkRiskAlertValues,
  RISK_ALERT_FIELDS,
  riskAlertToValues,
  withFormFields,
} from '../components/risk-alert-form-values.ts';
import { RiskAlertNotFound } from '../components/risk-alert-not-found.tsx';

export function RiskAlertEditRoute() {
  const { t, lang } = useI18n();
  return (
    <RecordEditPage
      permission="alert:register"
      useRecord={useRiskAlert}
      notFound={<RiskAlertNotFound />}
      readOnly={(alert) => alert.state === 'CLOSED' && <Result status="info" title={t('riskAlerts.closedReadOnly')} />}
      title={t('riskAlerts.editTitle')}
      draft={riskAlertDraft}
      toValues={riskAlertToValues}
      check={(values) => checkRiskAlertValues(values)}
      fields={RISK_ALERT_FIELDS}
      changes={changedRiskAlertFields}
      saveError={(error, form) => saveErrorText(form, RISK_ALERT_FIELDS, withFormFields(error), t, lang)}
      useUpdate={useUpdateRiskAlert}
      noChanges={t('form.noChanges')}
      saved={t('form.saved')}
      detailPath={(alert) => `/risk-alerts/${alert.id}`}
      renderForm={(props, alert) => <RiskAlertForm {...props} factsFrozen={alertFactsFrozen(alert.state)} />}
    />
  );
}
