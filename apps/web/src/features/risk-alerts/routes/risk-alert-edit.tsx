import type { OrgUnit } from '@dutyboard/contracts/orgs';
import type { RiskAlertDetail } from '@dutyboard/contracts/risk-alerts';
import { App, Card, Form, Result } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { saveErrorText, showFieldIssues } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useRiskAlert } from '../api/get-risk-alert.ts';
import { useUpdateRiskAlert } from '../api/save-risk-alert.ts';
import { DraftNotice } from '../components/draft-notice.tsx';
import {
  clearRiskAlertDraft,
  loadRiskAlertDraft,
  riskAlertDraftKey,
  saveRiskAlertDraft,
} from '../components/risk-alert-draft.ts';
import { RiskAlertForm } from '../components/risk-alert-form.tsx';
import {
  changedRiskAlertFields,
  checkRiskAlertValues,
  RISK_ALERT_FIELDS,
  type RiskAlertFormValues,
  riskAlertToValues,
  withFormFields,
} from '../components/risk-alert-form-values.ts';
import { RiskAlertNotFound } from '../components/risk-alert-not-found.tsx';

export function RiskAlertEditRoute() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const { t } = useI18n();
  const allowed = can(me, 'alert:register');
  const alert = useRiskAlert(id);
  const orgs = useOrgs({ enabled: allowed });

  if (!allowed) return <ForbiddenPage />;
  if (alert.isPending || orgs.isPending) return <PageLoading rows={8} />;
  if (alert.isError) {
    if (isApiError(alert.error) && alert.error.status === 404) return <RiskAlertNotFound />;
    return <ErrorState error={alert.error} onRetry={() => void alert.refetch()} />;
  }
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  if (alert.data.state === 'CLOSED') return <Result status="info" title={t('riskAlerts.closedReadOnly')} />;
  // Keyed by alert and version, so the form starts from the stored values of exactly this alert.
  return <EditForm key={alert.data.id} alert={alert.data} orgs={orgs.data.items} userId={me.id} />;
}

function EditForm({ alert, orgs, userId }: { alert: RiskAlertDetail; orgs: OrgUnit[]; userId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RiskAlertFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdateRiskAlert(alert.id, alert.version);
  const detailPath = `/risk-alerts/${alert.id}`;
  const key = riskAlertDraftKey(userId, alert.id);
  const [draft, setDraft] = useState(() => loadRiskAlertDraft(key));
  const discardDraft = () => {
    clearRiskAlertDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(riskAlertToValues(alert));
  };

  const onSubmit = (values: RiskAlertFormValues) => {
    if (update.isPending) return;
    setFormError(null);
    const checked = checkRiskAlertValues(values);
    if ('issues' in checked) {
      const unplaced = showFieldIssues(form, RISK_ALERT_FIELDS, checked.issues, t, lang);
      setFormError(unplaced.length > 0 ? unplaced.join('；') : null);
      return;
    }
    const patch = changedRiskAlertFields(checked.input, alert);
    if (Object.keys(patch).length === 0) {
      clearRiskAlertDraft(key);
      void message.info(t('form.noChanges'));
      void navigate(detailPath, { replace: true });
      return;
    }
    saveRiskAlertDraft(key, values);
    update.mutate(patch, {
      onSuccess: () => {
        clearRiskAlertDraft(key);
        void message.success(t('form.saved'));
        void navigate(detailPath, { replace: true });
      },
      onError: (error) => setFormError(saveErrorText(form, RISK_ALERT_FIELDS, withFormFields(error), t, lang)),
    });
  };

  return (
    <Card
      title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('riskAlerts.editTitle')}</h1>}
      extra={<Link to={detailPath}>{t('common.cancel')}</Link>}
    >
      {draft && <DraftNotice onDiscard={discardDraft} />}
      <RiskAlertForm
        form={form}
        initialValues={draft ?? riskAlertToValues(alert)}
        orgs={orgs}
        orgLocked={orgs.length <= 1}
        saving={update.isPending}
        error={formError}
        onSubmit={onSubmit}
      />
    </Card>
  );
}
