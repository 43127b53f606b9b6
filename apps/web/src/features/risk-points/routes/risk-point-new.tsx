import { Alert, App, Button, Card, Form, Result } from 'antd';
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
import { useCreateRiskPoint } from '../api/save-risk-point.ts';
import {
  clearRiskPointDraft,
  loadRiskPointDraft,
  riskPointDraftKey,
  saveRiskPointDraft,
} from '../components/risk-point-draft.ts';
import { RiskPointForm } from '../components/risk-point-form.tsx';
import {
  checkRiskPointValues,
  newRiskPointValues,
  RISK_POINT_FIELDS,
  type RiskPointFormValues,
} from '../components/risk-point-form-values.ts';

export function RiskPointNewRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<RiskPointFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  // One key for this form's submissions: a retry after a lost answer gets the first record back.
  const submissionKey = useSubmissionKey();
  const key = riskPointDraftKey(me.id);
  const [draft, setDraft] = useState(() => loadRiskPointDraft(key));
  const allowed = can(me, 'riskpoint:write');
  const orgs = useOrgs({ enabled: allowed });
  const create = useCreateRiskPoint();

  if (!allowed) return <ForbiddenPage />;
  if (orgs.isPending) return <PageLoading rows={8} />;
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;

  // The orgs a user may write to are the orgs the API lets them reach.
  const writable = orgs.data.items;
  if (writable.length === 0) return <Result status="info" title={t('riskPoints.noWritableOrg')} />;
  const locked = writable.length === 1;
  const wanted = params.get('org');
  const defaultOrg = locked
    ? writable[0]?.id
    : (writable.find((o) => o.id === wanted)?.id ?? writable.find((o) => o.id === me.org.id)?.id);

  const defaults = newRiskPointValues(defaultOrg);
  const initialValues = draft ? { ...draft, orgId: locked ? defaultOrg : (draft.orgId ?? defaultOrg) } : defaults;
  const discardDraft = () => {
    clearRiskPointDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(defaults);
  };

  const onSubmit = (values: RiskPointFormValues) => {
    if (create.isPending) return;
    setFormError(null);
    saveRiskPointDraft(key, values);
    const checked = checkRiskPointValues(values);
    if ('issues' in checked) {
      const unplaced = showFieldIssues(form, RISK_POINT_FIELDS, checked.issues, t, lang);
      setFormError(unplaced.length > 0 ? unplaced.join('；') : null);
      return;
    }
    create.mutate(
      { input: checked.input, idempotencyKey: submissionKey(checked.input) },
      {
        onSuccess: (point) => {
          clearRiskPointDraft(key);
          void message.success(t('riskPoints.saved'));
          void navigate(`/risk-points/${point.id}`, { replace: true });
        },
        // Sending the same values again reuses their key: a lost answer is not saved twice.
        onError: (error) => setFormError(saveErrorText(form, RISK_POINT_FIELDS, error, t, lang)),
      },
    );
  };

  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('riskPoints.newTitle')}</h1>}>
      {draft && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-restored"
          title={t('riskPoints.draftRestored')}
          action={
            <Button size="small" type="link" onClick={discardDraft}>
              {t('riskPoints.discardDraft')}
            </Button>
          }
          style={{ marginBottom: 16, maxWidth: 640 }}
        />
      )}
      <RiskPointForm
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
