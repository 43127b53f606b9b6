import type { OrgUnit } from '@dutyboard/contracts/orgs';
import type { RiskPoint } from '@dutyboard/contracts/risk-points';
import { Alert, App, Button, Card, Form } from 'antd';
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
import { useRiskPoint } from '../api/get-risk-point.ts';
import { useUpdateRiskPoint } from '../api/save-risk-point.ts';
import {
  clearRiskPointDraft,
  loadRiskPointDraft,
  riskPointDraftKey,
  saveRiskPointDraft,
} from '../components/risk-point-draft.ts';
import { RiskPointForm } from '../components/risk-point-form.tsx';
import {
  changedRiskPointFields,
  checkRiskPointValues,
  RISK_POINT_FIELDS,
  type RiskPointFormValues,
  riskPointToValues,
} from '../components/risk-point-form-values.ts';
import { RiskPointNotFound } from '../components/risk-point-not-found.tsx';

export function RiskPointEditRoute() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const allowed = can(me, 'riskpoint:write');
  const point = useRiskPoint(id);
  const orgs = useOrgs({ enabled: allowed });

  if (!allowed) return <ForbiddenPage />;
  if (point.isPending || orgs.isPending) return <PageLoading rows={8} />;
  if (point.isError) {
    if (isApiError(point.error) && point.error.status === 404) return <RiskPointNotFound />;
    return <ErrorState error={point.error} onRetry={() => void point.refetch()} />;
  }
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  // Keyed by record, so the form starts from the stored values of exactly this record.
  return <EditForm key={point.data.id} point={point.data} orgs={orgs.data.items} userId={me.id} />;
}

function EditForm({ point, orgs, userId }: { point: RiskPoint; orgs: OrgUnit[]; userId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RiskPointFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  // If-Match carries the version this form was opened on: a change made meanwhile → 412.
  const update = useUpdateRiskPoint(point.id, point.version);
  const detailPath = `/risk-points/${point.id}`;
  const key = riskPointDraftKey(userId, point.id);
  const [draft, setDraft] = useState(() => loadRiskPointDraft(key));
  const discardDraft = () => {
    clearRiskPointDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(riskPointToValues(point));
  };

  const onSubmit = (values: RiskPointFormValues) => {
    if (update.isPending) return;
    setFormError(null);
    const checked = checkRiskPointValues(values);
    if ('issues' in checked) {
      const unplaced = showFieldIssues(form, RISK_POINT_FIELDS, checked.issues, t, lang);
      setFormError(unplaced.length > 0 ? unplaced.join('；') : null);
      return;
    }
    const patch = changedRiskPointFields(checked.input, point);
    if (Object.keys(patch).length === 0) {
      clearRiskPointDraft(key);
      void message.info(t('riskPoints.noChanges'));
      void navigate(detailPath, { replace: true });
      return;
    }
    saveRiskPointDraft(key, values);
    update.mutate(patch, {
      onSuccess: () => {
        clearRiskPointDraft(key);
        void message.success(t('riskPoints.saved'));
        void navigate(detailPath, { replace: true });
      },
      onError: (error) => setFormError(saveErrorText(form, RISK_POINT_FIELDS, error, t, lang)),
    });
  };

  return (
    <Card
      title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('riskPoints.editTitle')}</h1>}
      extra={<Link to={detailPath}>{t('common.cancel')}</Link>}
    >
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
        initialValues={draft ?? riskPointToValues(point)}
        orgs={orgs}
        orgLocked={orgs.length <= 1}
        saving={update.isPending}
        error={formError}
        onSubmit={onSubmit}
      />
    </Card>
  );
}
