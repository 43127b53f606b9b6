import type { CreateActivityInput } from '@dutyboard/contracts/activities';
import { App, Card, Form, Result } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useSubmissionKey } from '../../../lib/use-submission-key.ts';
import { useCreateActivity } from '../api/save-activity.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../components/activity-draft.ts';
import { ActivityForm } from '../components/activity-form.tsx';
import {
  type ActivityFormValues,
  checkValues,
  newActivityValues,
  saveErrorText,
} from '../components/activity-form-values.ts';
import { DraftNotice } from '../components/draft-notice.tsx';

export function ActivityNewRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<ActivityFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const key = draftKey(me.id);
  const [draft, setDraft] = useState(() => loadDraft(key));
  const allowed = can(me, 'activity:create');
  const orgs = useOrgs({ enabled: allowed });
  const create = useCreateActivity();
  const submissionKey = useSubmissionKey<CreateActivityInput>();

  if (!allowed) return <ForbiddenPage />;
  if (orgs.isPending) return <PageLoading rows={8} />;
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;

  // The orgs a user may write to are the orgs the API lets them reach.
  const writable = orgs.data.items;
  if (writable.length === 0) return <Result status="info" title={t('form.noWritableOrg')} />;
  const locked = writable.length === 1;
  const wanted = params.get('org');
  const defaultOrg = locked
    ? writable[0]?.id
    : (writable.find((o) => o.id === wanted)?.id ?? writable.find((o) => o.id === me.org.id)?.id);

  const defaults = newActivityValues(defaultOrg);
  const initialValues = draft ? { ...draft, orgId: locked ? defaultOrg : (draft.orgId ?? defaultOrg) } : defaults;
  const discardDraft = () => {
    clearDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(defaults);
  };

  const onSubmit = (values: ActivityFormValues) => {
    if (create.isPending) return;
    setFormError(null);
    saveDraft(key, values);
    const checked = checkValues(form, values, t, lang);
    if ('error' in checked) {
      setFormError(checked.error);
      return;
    }
    create.mutate(
      { input: checked.input, idempotencyKey: submissionKey(checked.input) },
      {
        onSuccess: (activity) => {
          clearDraft(key);
          void message.success(t('form.saved'));
          void navigate(`/activities/${activity.id}`, { replace: true });
        },
        onError: (error) => setFormError(saveErrorText(form, error, t, lang)),
      },
    );
  };

  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('form.newTitle')}</h1>}>
      {draft && <DraftNotice onDiscard={discardDraft} />}
      <ActivityForm
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
