import { ReloadOutlined } from '@ant-design/icons';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import type { StudySession } from '@dutyboard/contracts/study-sessions';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { useStudySession } from '../api/get-study-session.ts';
import { useUpdateStudySession } from '../api/save-study-session.ts';
import { DraftNotice } from '../components/draft-notice.tsx';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../components/study-draft.ts';
import { StudyForm } from '../components/study-form.tsx';
import {
  changedFields,
  checkValues,
  type StudyFormValues,
  saveErrorText,
  studyToValues,
} from '../components/study-form-values.ts';
import { StudySessionNotFound } from '../components/study-not-found.tsx';

export function StudySessionEditRoute() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const allowed = can(me, 'study:write');
  const session = useStudySession(id);
  const orgs = useOrgs({ enabled: allowed });

  if (!allowed) return <ForbiddenPage />;
  if (session.isPending || orgs.isPending) return <PageLoading rows={8} />;
  if (session.isError) {
    if (isApiError(session.error) && session.error.status === 404) return <StudySessionNotFound />;
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  // Keyed by record and version: after a reload the form starts again from what is stored now.
  return (
    <EditForm
      key={`${session.data.id}@${session.data.version}`}
      session={session.data}
      orgs={orgs.data.items}
      userId={me.id}
    />
  );
}

function EditForm({ session, orgs, userId }: { session: StudySession; orgs: OrgUnit[]; userId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StudyFormValues>();
  const [formError, setFormError] = useState<ReactNode>(null);
  const update = useUpdateStudySession(session.id, session.version);
  const detailPath = `/study-sessions/${session.id}`;
  const key = draftKey(userId, session.id);
  const [draft, setDraft] = useState(() => loadDraft(key));
  const discardDraft = () => {
    clearDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(studyToValues(session));
  };
  const reload = () => void queryClient.invalidateQueries({ queryKey: queryKeys.studySessions.detail(session.id) });

  const onSubmit = (values: StudyFormValues) => {
    if (update.isPending) return;
    setFormError(null);
    const checked = checkValues(form, values, t, lang);
    if ('error' in checked) {
      setFormError(checked.error);
      return;
    }
    const patch = changedFields(checked.input, session);
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
      onError: (error) => {
        // Someone changed the record since it was loaded: saying so, and offering the fresh copy,
        // beats overwriting their change.
        if (isApiError(error) && error.status === 412) {
          setFormError(
            <Space orientation="vertical" size={8} data-testid="study-stale">
              <span>{t('studySessions.form.stale')}</span>
              <Button icon={<ReloadOutlined />} onClick={reload} data-testid="study-reload">
                {t('studySessions.form.reload')}
              </Button>
            </Space>,
          );
          return;
        }
        setFormError(saveErrorText(form, error, t, lang));
      },
    });
  };

  return (
    <Card
      title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('studySessions.editTitle')}</h1>}
      extra={<Link to={detailPath}>{t('common.cancel')}</Link>}
    >
      {draft && <DraftNotice onDiscard={discardDraft} />}
      <StudyForm
        form={form}
        initialValues={draft ?? studyToValues(session)}
        orgs={orgs}
        orgLocked={orgs.length <= 1}
        saving={update.isPending}
        error={formError}
        onSubmit={onSubmit}
      />
    </Card>
  );
}
