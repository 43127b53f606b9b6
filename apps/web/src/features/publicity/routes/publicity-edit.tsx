import type { OrgUnit } from '@dutyboard/contracts/orgs';
import type { PublicityItem } from '@dutyboard/contracts/publicity';
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
import { usePublicityItem } from '../api/get-publicity-item.ts';
import { useUpdatePublicityItem } from '../api/save-publicity.ts';
import {
  clearPublicityDraft,
  loadPublicityDraft,
  publicityDraftKey,
  savePublicityDraft,
} from '../components/publicity-draft.ts';
import { PublicityForm } from '../components/publicity-form.tsx';
import {
  changedPublicityFields,
  checkPublicityValues,
  PUBLICITY_FIELDS,
  type PublicityFormValues,
  publicityToValues,
  withFormFields,
} from '../components/publicity-form-values.ts';
import { PublicityNotFound } from '../components/publicity-not-found.tsx';

export function PublicityEditRoute() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const allowed = can(me, 'publicity:write');
  const item = usePublicityItem(id);
  const orgs = useOrgs({ enabled: allowed });

  if (!allowed) return <ForbiddenPage />;
  if (item.isPending || orgs.isPending) return <PageLoading rows={8} />;
  if (item.isError) {
    if (isApiError(item.error) && item.error.status === 404) return <PublicityNotFound />;
    return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  }
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  // Keyed by record, so the form starts from the stored values of exactly this record.
  return <EditForm key={item.data.id} item={item.data} orgs={orgs.data.items} userId={me.id} />;
}

function EditForm({ item, orgs, userId }: { item: PublicityItem; orgs: OrgUnit[]; userId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PublicityFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  // If-Match carries the version this form was opened on: a change made meanwhile → 412.
  const update = useUpdatePublicityItem(item.id, item.version);
  const detailPath = `/publicity/${item.id}`;
  const key = publicityDraftKey(userId, item.id);
  const [draft, setDraft] = useState(() => loadPublicityDraft(key));
  const discardDraft = () => {
    clearPublicityDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(publicityToValues(item));
  };

  const onSubmit = (values: PublicityFormValues) => {
    if (update.isPending) return;
    setFormError(null);
    const checked = checkPublicityValues(values);
    if ('issues' in checked) {
      const unplaced = showFieldIssues(form, PUBLICITY_FIELDS, checked.issues, t, lang);
      setFormError(unplaced.length > 0 ? unplaced.join('；') : null);
      return;
    }
    const patch = changedPublicityFields(checked.input, item);
    if (Object.keys(patch).length === 0) {
      clearPublicityDraft(key);
      void message.info(t('publicity.noChanges'));
      void navigate(detailPath, { replace: true });
      return;
    }
    savePublicityDraft(key, values);
    update.mutate(patch, {
      onSuccess: () => {
        clearPublicityDraft(key);
        void message.success(t('publicity.saved'));
        void navigate(detailPath, { replace: true });
      },
      onError: (error) => setFormError(saveErrorText(form, PUBLICITY_FIELDS, withFormFields(error), t, lang)),
    });
  };

  return (
    <Card
      title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('publicity.editTitle')}</h1>}
      extra={<Link to={detailPath}>{t('common.cancel')}</Link>}
    >
      {draft && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-restored"
          title={t('publicity.draftRestored')}
          action={
            <Button size="small" type="link" onClick={discardDraft}>
              {t('publicity.discardDraft')}
            </Button>
          }
          style={{ marginBottom: 16, maxWidth: 640 }}
        />
      )}
      <PublicityForm
        form={form}
        initialValues={draft ?? publicityToValues(item)}
        orgs={orgs}
        orgLocked={orgs.length <= 1}
        saving={update.isPending}
        error={formError}
        onSubmit={onSubmit}
      />
    </Card>
  );
}
