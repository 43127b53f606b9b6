import type { Activity } from '@dutyboard/contracts/activities';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { App, Card, Form } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useActivity } from '../api/get-activity.ts';
import { useUpdateActivity } from '../api/save-activity.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../components/activity-draft.ts';
import { ActivityForm } from '../components/activity-form.tsx';
import {
  type ActivityFormValues,
  activityToValues,
  changedFields,
  checkValues,
  saveErrorText,
} from '../components/activity-form-values.ts';
import { ActivityNotFound } from '../components/activity-not-found.tsx';
import { DraftNotice } from '../components/draft-notice.tsx';

export function ActivityEditRoute() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const allowed = can(me, 'activity:update');
  const activity = useActivity(id);
  const orgs = useOrgs({ enabled: allowed });

  if (!allowed) return <ForbiddenPage />;
  if (activity.isPending || orgs.isPending) return <PageLoading rows={8} />;
  if (activity.isError) {
    if (isApiError(activity.error) && activity.error.status === 404) return <ActivityNotFound />;
    return <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />;
  }
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  // Keyed by record, so the form starts from the stored values of exactly this record.
  return <EditForm key={activity.data.id} activity={activity.data} orgs={orgs.data.items} userId={me.id} />;
}

function EditForm({ activity, orgs, userId }: { activity: Activity; orgs: OrgUnit[]; userId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ActivityFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdateActivity(activity.id, activity.version);
  const detailPath = `/activities/${activity.id}`;
  const key = draftKey(userId, activity.id);
  const [draft, setDraft] = useState(() => loadDraft(key));
  const discardDraft = () => {
    clearDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(activityToValues(activity));
  };

  const onSubmit = (values: ActivityFormValues) => {
    if (update.isPending) return;
    setFormError(null);
    const checked = checkValues(form, values, t, lang);
    if ('error' in checked) {
      setFormError(checked.error);
      return;
    }
    const patch = changedFields(checked.input, activity);
    if (Object.keys(patch).length === 0) {
      clearDraft(key);
      void message.info(t('form.noChanges'));
      void navigate(detailPath, { replace: true });
      return;
    }
    saveDraft(key, values);
    update.mutate(patch, {
      onSuccess: () => {
        clearDraft(key);
        void message.success(t('form.saved'));
        void navigate(detailPath, { replace: true });
      },
      onError: (error) => setFormError(saveErrorText(form, error, t, lang)),
    });
  };

  return (
    <Card
      title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('form.editTitle')}</h1>}
      extra={<Link to={detailPath}>{t('common.cancel')}</Link>}
    >
      {draft && <DraftNotice onDiscard={discardDraft} />}
      <ActivityForm
        form={form}
        initialValues={draft ?? activityToValues(activity)}
        orgs={orgs}
        orgLocked={orgs.length <= 1}
        saving={update.isPending}
        error={formError}
        onSubmit={onSubmit}
      />
    </Card>
  );
}
