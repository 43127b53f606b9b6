import { App, Card, Form, Result } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { saveErrorText, showFieldIssues } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useSubmissionKey } from '../../../lib/use-submission-key.ts';
import { useCreateRiskAlert } from '../api/save-risk-alert.ts';
import { DraftNotice } from '../components/draft-notice.tsx';
import {
  clearRiskAlertDraft,
  loadRiskAlertDraft,
  riskAlertDraftKey,
  saveRiskAlertDraft,
} from '../components/risk-alert-draft.ts';
import { RiskAlertForm } from '../components/risk-alert-form.tsx';
import {
  checkRiskAlertValues,
  newRiskAlertValues,
  RISK_ALERT_FIELDS,
  type RiskAlertFormValues,
  withFormFields,
} from '../components/risk-alert-form-values.ts';

export function RiskAlertNewRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<RiskAlertFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  // One key per filled-in form: a retry after a lost answer gets the first alert back.
  const submissionKey = useSubmissionKey();
  const key = riskAlertDraftKey(me.id);
  const [draft, setDraft] = useState(() => loadRiskAlertDraft(key));
  const allowed = can(me, 'alert:register');
  const orgs = useOrgs({ enabled: allowed });
  const create = useCreateRiskAlert();

  if (!allowed) return <ForbiddenPage />;
  if (orgs.isPending) return <PageLoading rows={8} />;
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;

  // The orgs a user may write to are the orgs the API lets them reach.
  const writable = orgs.data.items;
  if (writable.length === 0) return <Result status="info" title={t('riskAlerts.noWritableOrg')} />;
  const locked = writable.length === 1;
  const wanted = params.get('org');
  const defaultOrg = locked
    ? writable[0]?.id
    : (writable.find((o) => o.id === wanted)?.id ?? writable.find((o) => o.id === me.org.id)?.id);

  const initialValues = draft
    ? { ...draft, orgId: locked ? defaultOrg : (draft.orgId ?? defaultOrg) }
    : newRiskAlertValues(defaultOrg);
  const discardDraft = () => {
    clearRiskAlertDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(newRiskAlertValues(defaultOrg));
  };

  const onSubmit = (values: RiskAlertFormValues) => {
    if (create.isPending) return;
    setFormError(null);
    saveRiskAlertDraft(key, values);
    const checked = checkRiskAlertValues(values);
    if ('issues' in checked) {
      const unplaced = showFieldIssues(form, RISK_ALERT_FIELDS, checked.issues, t, lang);
      setFormError(unplaced.length > 0 ? unplaced.join('；') : null);
      return;
    }
    create.mutate(
      { input: checked.input, idempotencyKey: submissionKey(checked.input) },
      {
        onSuccess: (alert) => {
          clearRiskAlertDraft(key);
          void message.success(t('form.saved'));
          void navigate(`/risk-alerts/${alert.id}`, { replace: true });
        },
        onError: (error) => setFormError(saveErrorText(form, RISK_ALERT_FIELDS, withFormFields(error), t, lang)),
      },
    );
  };

  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('riskAlerts.newTitle')}</h1>}>
      {draft && <DraftNotice onDiscard={discardDraft} />}
      <RiskAlertForm
        form={form}
        initialValues={initialValues}
        orgs={writable}
        orgLocked={locked}
        saving={create.isPending}
        error={formError}
        onSubmit={onSubmit}
      />
    </Card>
  );
}
