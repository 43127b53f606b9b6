import type { OrgUnit } from '@dutyboard/contracts/orgs';
import type { Rectification } from '@dutyboard/contracts/rectifications';
import { Alert, App, Button, Card, Form, Result } from 'antd';
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
import { useRectification } from '../api/get-rectification.ts';
import { useUpdateRectification } from '../api/save-rectification.ts';
import {
  clearRectificationDraft,
  loadRectificationDraft,
  rectificationDraftKey,
  saveRectificationDraft,
} from '../components/rectification-draft.ts';
import { RectificationForm } from '../components/rectification-form.tsx';
import {
  changedRectificationFields,
  checkRectificationValues,
  RECTIFICATION_FIELDS,
  type RectificationFormValues,
  rectificationToValues,
} from '../components/rectification-form-values.ts';
import { RectificationNotFound } from '../components/rectification-not-found.tsx';

export function RectificationEditRoute() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const { t } = useI18n();
  const navigate = useNavigate();
  const allowed = can(me, 'rectification:write');
  const item = useRectification(id);
  const orgs = useOrgs({ enabled: allowed });

  if (!allowed) return <ForbiddenPage />;
  if (item.isPending || orgs.isPending) return <PageLoading rows={8} />;
  if (item.isError) {
    if (isApiError(item.error) && item.error.status === 404) return <RectificationNotFound />;
    return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  }
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  if (item.data.status === 'DONE') {
    return (
      <Result
        status="info"
        title={t('rectifications.closedFinal')}
        extra={
          <Button type="primary" onClick={() => void navigate(`/rectifications/${item.data.id}`)}>
            {t('common.back')}
          </Button>
        }
      />
    );
  }
  // Keyed by record, so the form starts from the stored values of exactly this record.
  return <EditForm key={item.data.id} item={item.data} orgs={orgs.data.items} userId={me.id} />;
}

function EditForm({ item, orgs, userId }: { item: Rectification; orgs: OrgUnit[]; userId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RectificationFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  // If-Match carries the version this form was opened on: a change made meanwhile → 412.
  const update = useUpdateRectification(item.id, item.version);
  const detailPath = `/rectifications/${item.id}`;
  const key = rectificationDraftKey(userId, item.id);
  const [draft, setDraft] = useState(() => loadRectificationDraft(key));
  const discardDraft = () => {
    clearRectificationDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(rectificationToValues(item));
  };

  const onSubmit = (values: RectificationFormValues) => {
    if (update.isPending) return;
    setFormError(null);
    const checked = checkRectificationValues(values);
    if ('issues' in checked) {
      const unplaced = showFieldIssues(form, RECTIFICATION_FIELDS, checked.issues, t, lang);
      setFormError(unplaced.length > 0 ? unplaced.join('；') : null);
      return;
    }
    const patch = changedRectificationFields(checked.input, values.status, item);
    if (Object.keys(patch).length === 0) {
      clearRectificationDraft(key);
      void message.info(t('rectifications.noChanges'));
      void navigate(detailPath, { replace: true });
      return;
    }
    saveRectificationDraft(key, values);
    update.mutate(patch, {
      onSuccess: () => {
        clearRectificationDraft(key);
        void message.success(t('rectifications.saved'));
        void navigate(detailPath, { replace: true });
      },
      onError: (error) => setFormError(saveErrorText(form, RECTIFICATION_FIELDS, error, t, lang)),
    });
  };

  return (
    <Card
      title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('rectifications.editTitle')}</h1>}
      extra={<Link to={detailPath}>{t('common.cancel')}</Link>}
    >
      {draft && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-restored"
          title={t('rectifications.draftRestored')}
          action={
            <Button size="small" type="link" onClick={discardDraft}>
              {t('rectifications.discardDraft')}
            </Button>
          }
          style={{ marginBottom: 16, maxWidth: 640 }}
        />
      )}
      <RectificationForm
        form={form}
        initialValues={draft ?? rectificationToValues(item)}
        orgs={orgs}
        orgLocked={orgs.length <= 1}
        withStatus
        knownAlert={item.alert}
        saving={update.isPending}
        error={formError}
        onSubmit={onSubmit}
      />
    </Card>
  );
}
