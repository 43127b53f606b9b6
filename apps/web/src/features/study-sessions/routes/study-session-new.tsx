import { type CreateStudySessionInput, StudyKindSchema } from '@dutyboard/contracts/study-sessions';
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
import { useCreateStudySession } from '../api/save-study-session.ts';
import { DraftNotice } from '../components/draft-notice.tsx';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../components/study-draft.ts';
import { StudyForm } from '../components/study-form.tsx';
import { checkValues, newStudyValues, type StudyFormValues, saveErrorText } from '../components/study-form-values.ts';

export function StudySessionNewRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<StudyFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const key = draftKey(me.id);
  const [draft, setDraft] = useState(() => loadDraft(key));
  const [defaultsAt] = useState(() => new Date());
  const submissionKey = useSubmissionKey<CreateStudySessionInput>();
  const allowed = can(me, 'study:write');
  const orgs = useOrgs({ enabled: allowed });
  const create = useCreateStudySession();

  if (!allowed) return <ForbiddenPage />;
  if (orgs.isPending) return <PageLoading rows={8} />;
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;

  // The orgs a user may write to are the orgs the API lets them reach.
  const writable = orgs.data.items;
  if (writable.length === 0) return <Result status="info" title={t('studySessions.form.noWritableOrg')} />;
  const locked = writable.length === 1;
  const wanted = params.get('org');
  const defaultOrg = locked
    ? writable[0]?.id
    : (writable.find((o) => o.id === wanted)?.id ?? writable.find((o) => o.id === me.org.id)?.id);
  const wantedKind = StudyKindSchema.safeParse(params.get('kind'));

  const defaults: StudyFormValues = {
    ...newStudyValues(defaultOrg, defaultsAt),
    kind: wantedKind.success ? wantedKind.data : undefined,
  };
  const initialValues = draft ? { ...draft, orgId: locked ? defaultOrg : (draft.orgId ?? defaultOrg) } : defaults;
  const discardDraft = () => {
    clearDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(defaults);
  };

  const onSubmit = (values: StudyFormValues) => {
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
        onSuccess: (session) => {
          clearDraft(key);
          void message.success(t('form.saved'));
          // Straight to the record, where the sign-in sheet or a photo can be added at once.
          void navigate(`/study-sessions/${session.id}`, { replace: true, state: { created: true } });
        },
        onError: (error) => setFormError(saveErrorText(form, error, t, lang)),
      },
    );
  };

  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('studySessions.newTitle')}</h1>}>
      {draft && <DraftNotice onDiscard={discardDraft} />}
      <StudyForm
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
