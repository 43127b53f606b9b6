import { IdSchema } from '@dutyboard/contracts/common';
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
import { useCreateRectification } from '../api/save-rectification.ts';
import {
  clearRectificationDraft,
  loadRectificationDraft,
  rectificationDraftKey,
  saveRectificationDraft,
} from '../components/rectification-draft.ts';
import { RectificationForm } from '../components/rectification-form.tsx';
import {
  checkRectificationValues,
  newRectificationValues,
  RECTIFICATION_FIELDS,
  type RectificationFormValues,
} from '../components/rectification-form-values.ts';

/** /rectifications/new[?org=<id>][&alert=<id>]: an alert's page may link here with its id. */
export function RectificationNewRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<RectificationFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  // One key for this form's submissions: a retry after a lost answer gets the first record back.
  const submissionKey = useSubmissionKey();
  const key = rectificationDraftKey(me.id);
  const [draft, setDraft] = useState(() => loadRectificationDraft(key));
  const allowed = can(me, 'rectification:write');
  const orgs = useOrgs({ enabled: allowed });
  const create = useCreateRectification();

  if (!allowed) return <ForbiddenPage />;
  if (orgs.isPending) return <PageLoading rows={8} />;
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;

  // The orgs a user may write to are the orgs the API lets them reach.
  const writable = orgs.data.items;
  if (writable.length === 0) return <Result status="info" title={t('rectifications.noWritableOrg')} />;
  const locked = writable.length === 1;
  const wanted = params.get('org');
  const defaultOrg = locked
    ? writable[0]?.id
    : (writable.find((o) => o.id === wanted)?.id ?? writable.find((o) => o.id === me.org.id)?.id);
  const alert = IdSchema.safeParse(params.get('alert'));

  const defaults = newRectificationValues(defaultOrg, alert.success ? alert.data : undefined);
  const initialValues = draft ? { ...draft, orgId: locked ? defaultOrg : (draft.orgId ?? defaultOrg) } : defaults;
  const discardDraft = () => {
    clearRectificationDraft(key);
    setDraft(null);
    form.resetFields();
    form.setFieldsValue(defaults);
  };

  const onSubmit = (values: RectificationFormValues) => {
    if (create.isPending) return;
    setFormError(null);
    saveRectificationDraft(key, values);
    const checked = checkRectificationValues(values);
    if ('issues' in checked) {
      const unplaced = showFieldIssues(form, RECTIFICATION_FIELDS, checked.issues, t, lang);
      setFormError(unplaced.length > 0 ? unplaced.join('；') : null);
      return;
    }
    create.mutate(
      { input: checked.input, idempotencyKey: submissionKey(checked.input) },
      {
        onSuccess: (item) => {
          clearRectificationDraft(key);
          void message.success(t('rectifications.saved'));
          void navigate(`/rectifications/${item.id}`, { replace: true });
        },
        // Sending the same values again reuses their key: a lost answer is not saved twice.
        onError: (error) => setFormError(saveErrorText(form, RECTIFICATION_FIELDS, error, t, lang)),
      },
    );
  };

  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 18 }}>{t('rectifications.newTitle')}</h1>}>
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
        initialValues={initialValues}
        orgs={writable}
        orgLocked={locked}
        withStatus={false}
        saving={create.isPending}
        error={formError}
        onSubmit={onSubmit}
      />
    </Card>
  );
}
